#include "domain/screening/assignment.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace doorstep {
namespace {

struct Officer {
    OfficerLoad load;  // grows as cases are assigned
    bool takesPart = false;
    bool hasRoom() const { return takesPart && load.cases < load.capacity; }
};

int effectiveWeight(const AssignableCase& c)
{
    return std::max(c.weight, 1);
}

bool lessLoaded(const Officer& a, const Officer& b)
{
    return std::tie(a.load.weight, a.load.cases, a.load.officer) <
           std::tie(b.load.weight, b.load.cases, b.load.officer);
}

}  // namespace

AssignmentProposal proposeAssignment(std::span<const AssignableCase> input, std::span<const OfficerLoad> officerInput,
                                     const AssignmentOptions& options)
{
    std::vector<const AssignableCase*> cases;
    cases.reserve(input.size());
    for (const AssignableCase& c : input)
        cases.push_back(&c);
    std::ranges::sort(cases, {}, &AssignableCase::id);

    std::vector<Officer> officers;
    for (const OfficerLoad& o : officerInput)
        officers.push_back({o, o.onDuty && o.cases < o.capacity});
    std::ranges::sort(officers, [](const Officer& a, const Officer& b) { return a.load.officer < b.load.officer; });
    std::map<std::string, std::size_t, std::less<>> byName;
    for (std::size_t i = 0; i < officers.size(); ++i)
        byName.emplace(officers[i].load.officer, i);

    AssignmentProposal proposal;
    std::map<std::string_view, std::set<std::size_t>> holders;  // district → officers given cases there
    const auto give = [&](const AssignableCase& c, std::size_t officer) {
        officers[officer].load.cases += 1;
        officers[officer].load.weight += effectiveWeight(c);
        holders[c.district].insert(officer);
        proposal.assignments.push_back({c.id, officers[officer].load.officer});
    };

    // 2. Cases stay with an officer on duty who still has room.
    std::vector<const AssignableCase*> line;
    for (const AssignableCase* c : cases) {
        const auto it = options.keepExisting ? byName.find(c->currentOfficer) : byName.end();
        if (it != byName.end() && officers[it->second].hasRoom()) {
            give(*c, it->second);
        } else {
            line.push_back(c);
        }
    }

    // 3. The water level over the officers taking part, in units of 1/k of a weight point.
    std::ranges::stable_sort(line, [](const AssignableCase* a, const AssignableCase* b) {
        return std::tuple(std::string_view{a->district}, -effectiveWeight(*a), a->id) <
               std::tuple(std::string_view{b->district}, -effectiveWeight(*b), b->id);
    });
    std::int64_t total = 0;
    for (const AssignableCase* c : line)
        total += effectiveWeight(*c);
    std::vector<std::int64_t> loads;
    for (const Officer& o : officers) {
        if (o.hasRoom()) loads.push_back(o.load.weight);
    }
    std::ranges::sort(loads);
    std::int64_t level = 0;  // L × k
    std::int64_t k = 1;
    std::int64_t lowest = 0;
    for (std::size_t i = 0; i < loads.size(); ++i) {
        lowest += loads[i];
        const auto count = static_cast<std::int64_t>(i + 1);
        if (loads[i] * count > total + lowest) break;
        level = total + lowest;
        k = count;
    }
    std::size_t next = 0;
    std::int64_t poured = 0;      // weight of the line before `next`
    std::int64_t quotaSoFar = 0;  // cumulative quotas, × k
    for (std::size_t i = 0; i < officers.size() && !loads.empty(); ++i) {
        Officer& o = officers[i];
        if (!o.hasRoom()) continue;
        quotaSoFar += std::max<std::int64_t>(0, level - k * o.load.weight);
        while (next < line.size() && o.hasRoom()) {
            const std::int64_t w = effectiveWeight(*line[next]);
            // The middle of the case's weight, poured + w/2, lies below this officer's cumulative quota.
            if (k * (2 * poured + w) >= 2 * quotaSoFar) break;
            give(*line[next], i);
            poured += w;
            ++next;
        }
    }

    // 4. What capacity left over: to an officer already in the district, else the least loaded one with room.
    for (; next < line.size(); ++next) {
        const AssignableCase& c = *line[next];
        std::optional<std::size_t> best;
        const auto consider = [&](std::size_t i) {
            if (officers[i].hasRoom() && (!best || lessLoaded(officers[i], officers[*best]))) best = i;
        };
        if (const auto it = holders.find(c.district); it != holders.end()) {
            for (std::size_t i : it->second)
                consider(i);
        }
        if (!best) {
            for (std::size_t i = 0; i < officers.size(); ++i)
                consider(i);
        }
        if (best) {
            give(c, *best);
        } else {
            proposal.unassigned.push_back(c.id);
        }
    }

    std::ranges::sort(proposal.assignments, {}, &Assignment::caseId);
    for (const Assignment& a : proposal.assignments) {
        const auto it = std::ranges::lower_bound(cases, a.caseId, {}, &AssignableCase::id);
        if (it != cases.end() && (*it)->id == a.caseId && (*it)->currentOfficer != a.officer)
            proposal.changes.push_back({a.caseId, (*it)->currentOfficer, a.officer});
    }
    std::ranges::sort(proposal.unassigned);
    for (const Officer& o : officers)
        proposal.resultingLoads.push_back(o.load);
    return proposal;
}

}  // namespace doorstep
