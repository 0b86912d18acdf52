#include "domain/screening/assignment.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace doorstep;

namespace {

// A generated team's cases: ids 1…n over `districts` districts, weights 1–3, from a fixed seed.
std::vector<AssignableCase> generateCases(int n, int districts, unsigned seed)
{
    std::mt19937 random(seed);
    std::vector<AssignableCase> cases;
    for (int i = 1; i <= n; ++i) {
        cases.push_back({i, "D" + std::to_string(random() % static_cast<unsigned>(districts)),
                         1 + static_cast<int>(random() % 3), ""});
    }
    return cases;
}

std::vector<OfficerLoad> team(int officers, int capacity)
{
    std::vector<OfficerLoad> loads;
    for (int i = 0; i < officers; ++i)
        loads.push_back({"officer" + std::to_string(i), true, capacity, 0, 0});
    return loads;
}

int largestWeight(const std::vector<AssignableCase>& cases)
{
    int w = 0;
    for (const auto& c : cases)
        w = std::max(w, c.weight);
    return w;
}

// Checks every guarantee that holds for any input; returns the officer of each case.
std::map<std::int64_t, std::string> checkInvariants(const std::vector<AssignableCase>& cases,
                                                    const std::vector<OfficerLoad>& officers,
                                                    const AssignmentProposal& p)
{
    std::map<std::string, OfficerLoad> given;
    for (const auto& o : officers)
        given[o.officer] = o;
    std::map<std::int64_t, std::string> officerOf;
    for (const auto& a : p.assignments) {
        CHECK(officerOf.emplace(a.caseId, a.officer).second);
        REQUIRE(given.contains(a.officer));
        CHECK(given[a.officer].onDuty);
    }
    CHECK(officerOf.size() + p.unassigned.size() == cases.size());
    for (std::int64_t id : p.unassigned)
        CHECK_FALSE(officerOf.contains(id));

    REQUIRE(p.resultingLoads.size() == officers.size());
    std::int64_t room = 0;
    for (const auto& load : p.resultingLoads) {
        const OfficerLoad& before = given.at(load.officer);
        CHECK(load.cases <= std::max(before.capacity, before.cases));
        if (!before.onDuty) CHECK(load == before);
        if (before.onDuty) room += std::max(0, before.capacity - before.cases);
        int count = 0;
        int weight = 0;
        for (const auto& c : cases) {
            const auto it = officerOf.find(c.id);
            if (it != officerOf.end() && it->second == load.officer) {
                ++count;
                weight += std::max(c.weight, 1);
            }
        }
        CHECK(load.cases == before.cases + count);
        CHECK(load.weight == before.weight + weight);
    }
    // Every case is placed when there is room for it, otherwise exactly the excess is left.
    const auto expectedUnassigned = std::max<std::int64_t>(0, static_cast<std::int64_t>(cases.size()) - room);
    CHECK(static_cast<std::int64_t>(p.unassigned.size()) == expectedUnassigned);
    return officerOf;
}

std::size_t districtOfficerPairs(const std::vector<AssignableCase>& cases, const AssignmentProposal& p)
{
    std::map<std::int64_t, std::string> officerOf;
    for (const auto& a : p.assignments)
        officerOf[a.caseId] = a.officer;
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& c : cases)
        pairs.insert({c.district, officerOf.at(c.id)});
    return pairs.size();
}

}  // namespace

TEST_CASE("assign: a generated team of 5 officers and 200 cases over 8 districts is balanced and grouped")
{
    for (unsigned seed : {1U, 2U, 3U, 42U, 2026U}) {
        CAPTURE(seed);
        const auto cases = generateCases(200, 8, seed);
        const auto officers = team(5, 60);
        const AssignmentProposal p = proposeAssignment(cases, officers);
        checkInvariants(cases, officers, p);
        CHECK(p.unassigned.empty());

        // Each officer's share is within one largest weight of the water level at each end (assignment.h).
        int lo = 1'000'000;
        int hi = 0;
        for (const auto& load : p.resultingLoads) {
            lo = std::min(lo, load.weight);
            hi = std::max(hi, load.weight);
        }
        CHECK(hi - lo <= 2 * largestWeight(cases));
        CHECK(districtOfficerPairs(cases, p) <= 8 + 5 - 1);
    }
}

TEST_CASE("assign: the same cases in any order give the same proposal")
{
    auto cases = generateCases(200, 8, 7);
    auto officers = team(5, 50);
    officers[1].cases = 10;
    officers[1].weight = 25;
    officers[3].onDuty = false;
    cases[5].currentOfficer = "officer2";
    cases[9].currentOfficer = "officer3";
    const AssignmentProposal first = proposeAssignment(cases, officers);
    checkInvariants(cases, officers, first);
    CHECK(proposeAssignment(cases, officers) == first);
    std::mt19937 random(99);
    for (int round = 0; round < 5; ++round) {
        std::ranges::shuffle(cases, random);
        std::ranges::shuffle(officers, random);
        CHECK(proposeAssignment(cases, officers) == first);
    }
}

TEST_CASE("assign: officers off duty get nothing and capacity is never exceeded")
{
    const auto cases = generateCases(120, 6, 11);
    std::vector<OfficerLoad> officers{{"ann", true, 30, 5, 10},
                                      {"bo", false, 100, 0, 0},
                                      {"chen", true, 20, 0, 0},
                                      {"dai", true, 80, 70, 140},
                                      {"eve", true, 10, 12, 20}};  // already over capacity: takes nothing
    const AssignmentProposal p = proposeAssignment(cases, officers);
    const auto officerOf = checkInvariants(cases, officers, p);
    // Room: ann 25, chen 20, dai 10 = 55 of 120 cases.
    CHECK(p.assignments.size() == 55);
    CHECK(p.unassigned.size() == 65);
    for (const auto& [id, officer] : officerOf) {
        CHECK(officer != "bo");
        CHECK(officer != "eve");
    }
    for (const auto& load : p.resultingLoads) {
        if (load.officer == "ann") CHECK(load.cases == 30);
        if (load.officer == "chen") CHECK(load.cases == 20);
        if (load.officer == "dai") CHECK(load.cases == 80);
    }
}

TEST_CASE("assign: unequal capacities still place every case when the room suffices")
{
    for (unsigned seed : {5U, 6U, 8U}) {
        const auto cases = generateCases(200, 8, seed);
        std::vector<OfficerLoad> officers{
            {"a", true, 20, 0, 0}, {"b", true, 90, 0, 0}, {"c", true, 40, 0, 0}, {"d", true, 55, 0, 0}};
        const AssignmentProposal p = proposeAssignment(cases, officers);
        checkInvariants(cases, officers, p);
        CHECK(p.unassigned.empty());
    }
}

TEST_CASE("assign: keepExisting leaves a case with its officer on duty who has room")
{
    std::vector<AssignableCase> cases{
        {1, "D1", 3, "ann"}, {2, "D1", 1, "bo"}, {3, "D2", 1, "ann"}, {4, "D2", 2, "chen"}, {5, "D3", 1, ""}};
    std::vector<OfficerLoad> officers{{"ann", true, 1, 0, 0}, {"bo", false, 10, 0, 0}, {"chen", true, 10, 0, 0}};
    const AssignmentProposal kept = proposeAssignment(cases, officers);
    checkInvariants(cases, officers, kept);
    std::map<std::int64_t, std::string> of;
    for (const auto& a : kept.assignments)
        of[a.caseId] = a.officer;
    CHECK(of[1] == "ann");   // kept (ann has room for exactly one, case 1 comes first by id)
    CHECK(of[4] == "chen");  // kept
    CHECK(of[2] == "chen");  // bo is off duty
    CHECK(of[3] == "chen");  // ann is full
    CHECK(of[5] == "chen");
    // The changes: exactly the cases whose officer differs, from → to; kept cases are not among them.
    CHECK(kept.changes == std::vector<AssignmentChange>{{2, "bo", "chen"}, {3, "ann", "chen"}, {5, "", "chen"}});

    const AssignmentProposal fresh = proposeAssignment(cases, officers, AssignmentOptions{false});
    checkInvariants(cases, officers, fresh);
    // Every change listed once, and no assignment that keeps its officer is listed.
    for (const Assignment& a : fresh.assignments) {
        const auto& c = *std::ranges::find(cases, a.caseId, &AssignableCase::id);
        const auto listed = std::ranges::count(fresh.changes, a.caseId, &AssignmentChange::caseId);
        CHECK(listed == (c.currentOfficer != a.officer ? 1 : 0));
    }
    for (const AssignmentChange& c : fresh.changes)
        CHECK(c.from != c.to);
}

TEST_CASE("assign: officers already above the water level take nothing new")
{
    // ann starts with weight 30, above the water level of (30 + 0 + 0 + 30) / 3 = 20 she could never come down
    // to; the level over bo and chen alone is (30 + 0 + 0) / 2 = 15, so they share the 30 new cases.
    std::vector<AssignableCase> cases;
    for (int i = 1; i <= 30; ++i)
        cases.push_back({i, "D" + std::to_string(i % 3), 1, ""});
    std::vector<OfficerLoad> officers{{"ann", true, 100, 10, 30}, {"bo", true, 100, 0, 0}, {"chen", true, 100, 0, 0}};
    const AssignmentProposal p = proposeAssignment(cases, officers);
    checkInvariants(cases, officers, p);
    REQUIRE(p.resultingLoads.size() == 3);
    CHECK(p.resultingLoads[0].weight == 30);
    CHECK(p.resultingLoads[1].weight == 15);
    CHECK(p.resultingLoads[2].weight == 15);
}

TEST_CASE("assign: nothing to assign or nobody to assign to")
{
    const auto officers = team(3, 10);
    const AssignmentProposal none = proposeAssignment({}, officers);
    CHECK(none.assignments.empty());
    CHECK(none.resultingLoads == officers);

    const auto cases = generateCases(5, 2, 3);
    const AssignmentProposal nobody = proposeAssignment(cases, {});
    CHECK(nobody.unassigned == std::vector<std::int64_t>{1, 2, 3, 4, 5});
}
