#pragma once
// Automatic assignment of queued cases to the officers on duty (DOMAIN.md 1 "resource pressure", 8; issue 4):
// balance the workload (cases and their weight), respect each officer's capacity, and keep a district's
// cases with one officer where possible so visits can be combined.
//
// Algorithm (deterministic: the input order of cases and officers does not matter):
//  1. Officers on duty with room (capacity > cases) take part; others get nothing.
//  2. keepExisting: cases, by id, whose currentOfficer takes part and still has room stay with that officer.
//  3. The rest are lined up by district (district name, then weight descending, then id) and the weight is
//     "poured" like water: the water level L is the load every taking-part officer would reach if weight
//     could be split, officers already above L get a quota of 0, the others L − their load. Officers, by
//     name, take consecutive runs of the line: a case goes to officer k when the middle of its weight falls
//     inside officer k's share of the cumulative quotas. An officer whose capacity runs out stops early and
//     the next one continues from there.
//  4. Cases left over by capacity go, one by one, to the officer with room who already holds their district
//     (least weight first), else to the least-loaded officer with room (weight, then cases, then name);
//     with no room anywhere they are listed as unassigned.
//
// Guarantees:
//  - no officer ends above capacity; officers off duty get nothing; every case is assigned when the
//    officers' total room suffices, otherwise exactly the excess is unassigned;
//  - when no case is kept in step 2 and no capacity stops step 3, each officer's run differs from their
//    quota by less than one largest case weight at each end, so among the officers who start at or below
//    the water level, max − min weighted load <= 2 × the largest case weight;
//  - under the same conditions each officer holds a consecutive run of the district-ordered line, so the
//    number of (district, officer) pairs is at most #districts + #officers − 1 (each boundary between
//    two officers splits at most one district).
#include "domain/shared/code_table.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace doorstep {

struct AssignableCase {
    std::int64_t id = 0;
    std::string district;
    int weight = 1;              // the caller's choice, e.g. 1–3 from the score; values below 1 count as 1
    std::string currentOfficer;  // empty when unassigned
};

struct OfficerLoad {
    std::string officer;  // user name
    bool onDuty = true;
    int capacity = 0;  // the most cases they may hold
    int cases = 0;     // already assigned, not among the cases passed in
    int weight = 0;    // the weight of those
    friend bool operator==(const OfficerLoad&, const OfficerLoad&) = default;
};

struct AssignmentOptions {
    bool keepExisting = true;
};

struct Assignment {
    std::int64_t caseId = 0;
    std::string officer;
    friend bool operator==(const Assignment&, const Assignment&) = default;
};

// An officer changing on a case: from "" is a case that had nobody.
struct AssignmentChange {
    std::int64_t caseId = 0;
    std::string from;
    std::string to;
    friend bool operator==(const AssignmentChange&, const AssignmentChange&) = default;
};

struct AssignmentProposal {
    std::vector<Assignment> assignments;      // by case id
    std::vector<AssignmentChange> changes;    // the assignments whose officer differs from currentOfficer; by case id
    std::vector<std::int64_t> unassigned;     // no capacity left; by case id
    std::vector<OfficerLoad> resultingLoads;  // every officer passed in, by name, with the proposal added
    friend bool operator==(const AssignmentProposal&, const AssignmentProposal&) = default;
};

// Who put an officer on a case (issue 8: automatic assignment never silently overrides a manual one). A case
// whose officer came with the bank's extract has no recorded origin.
enum class AssignmentOrigin { Manual, Automatic };
inline constexpr CodeTable<AssignmentOrigin, 2> kAssignmentOriginCodes{{
    {AssignmentOrigin::Manual, "manual"},
    {AssignmentOrigin::Automatic, "automatic"},
}};

// Case ids are assumed distinct, officer names too.
AssignmentProposal proposeAssignment(std::span<const AssignableCase> input, std::span<const OfficerLoad> officerInput,
                                     const AssignmentOptions& options = {});

}  // namespace doorstep
