// How fast screening and assignment run (DOMAIN.md section 9: design for 100k loans and 10k active cases,
// test to 1M). A plain program, not a test: `bench_screening [customers]` (default 100000) builds that many
// synthetic customers' ScreeningFacts, screens them with the default rule set, sorts the queue, then
// proposes an assignment of 10,000 queued cases over 8 officers. Only the screening, sorting and
// assignment are timed; the facts are built beforehand.
#include "domain/screening/assignment.h"
#include "domain/screening/screening.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

using namespace doorstep;

namespace {

// splitmix64: deterministic, so every run screens the same customers.
struct Random {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
};

std::vector<ScreeningFacts> buildFacts(std::size_t n)
{
    Random random{2026};
    std::vector<ScreeningFacts> all(n);
    for (std::size_t i = 0; i < n; ++i) {
        ScreeningFacts& f = all[i];
        f.borrowerId = fmt::format("C{:08}", i);
        f.maxDpd = random.between(0, 400);
        f.totalOverdue = Money::fromFen(static_cast<std::int64_t>(random.between(0, 20'000'000)));
        f.worstBucket = bucketForDpd(f.maxDpd);
        if (random.between(0, 9) > 0) f.previousWorstBucket = bucketForDpd(std::max(0, f.maxDpd - 30));
        f.contacts.failedContacts = random.between(0, 6);
        f.contacts.brokenPromises = random.between(0, 10) > 7 ? random.between(1, 3) : 0;
        f.overdueAccountsElsewhere = random.between(0, 10) > 6 ? random.between(1, 4) : 0;
        f.worstDpd24Months = random.between(0, 300);
        f.litigation = random.between(0, 99) < 2;
        f.dispute = random.between(0, 99) < 1;
        f.planBeingKept = random.between(0, 99) < 5;
        f.openAppointment = random.between(0, 99) < 3;
        if (random.between(0, 9) < 3) f.daysSinceLastVisit = random.between(1, 200);
        f.district = fmt::format("D{}", random.between(0, 15));
    }
    return all;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv)
{
    std::size_t n = 100'000;
    if (argc > 1) {
        const std::string_view arg = argv[1];
        if (std::from_chars(arg.data(), arg.data() + arg.size(), n).ec != std::errc() || n == 0) {
            fmt::print(stderr, "usage: bench_screening [customers]\n");
            return 2;
        }
    }
    const std::vector<ScreeningFacts> facts = buildFacts(n);
    const RuleSet rules = defaultRuleSet();

    auto start = std::chrono::steady_clock::now();
    std::vector<ScreeningEntry> queue;
    std::vector<ScreeningResult> results;
    results.reserve(n);
    for (const ScreeningFacts& f : facts) {
        results.push_back(screen(f, rules));
        if (results.back().queued) queue.push_back(makeScreeningEntry(f, results.back()));
    }
    const double screenSeconds = secondsSince(start);
    start = std::chrono::steady_clock::now();
    std::ranges::sort(queue, queueOrder);
    const double sortSeconds = secondsSince(start);
    start = std::chrono::steady_clock::now();
    std::size_t explained = 0;
    std::size_t explanations = 0;
    for (std::size_t i = 0; i < results.size() && explanations < 10'000; ++i) {
        if (!results[i].queued) continue;
        explained += explainInEnglish(results[i]).size();
        ++explanations;
    }
    const double explainSeconds = secondsSince(start);
    fmt::print("screened {} customers in {:.3f} s ({:.0f} per second); {} queued, sorted in {:.3f} s; "
               "10,000 explanations in {:.3f} s ({} chars)\n",
               n, screenSeconds, static_cast<double>(n) / screenSeconds, queue.size(), sortSeconds, explainSeconds,
               explained);

    // Assignment: the top 10,000 of the queue over 8 officers with room for all of them.
    std::vector<AssignableCase> cases;
    for (std::size_t i = 0; i < facts.size() && cases.size() < 10'000; ++i) {
        if (!results[i].queued) continue;
        const int weight = results[i].score >= 90 ? 3 : results[i].score >= 60 ? 2 : 1;
        cases.push_back({static_cast<std::int64_t>(i), facts[i].district, weight, ""});
    }
    std::vector<OfficerLoad> officers;
    for (int i = 0; i < 8; ++i)
        officers.push_back({fmt::format("officer{}", i), true, 1'400, 0, 0});
    start = std::chrono::steady_clock::now();
    const AssignmentProposal proposal = proposeAssignment(cases, officers);
    const double assignSeconds = secondsSince(start);
    int lo = proposal.resultingLoads.front().weight;
    int hi = lo;
    for (const auto& load : proposal.resultingLoads) {
        lo = std::min(lo, load.weight);
        hi = std::max(hi, load.weight);
    }
    fmt::print("assigned {} cases over 8 officers in {:.3f} s; {} unassigned; weighted load {}–{}\n", cases.size(),
               assignSeconds, proposal.unassigned.size(), lo, hi);
    return 0;
}
