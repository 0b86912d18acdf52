#include "domain/screening/screening.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace doorstep;

namespace {

RuleSet only(ScoringRule rule, int minimumScore = 0)
{
    RuleSet set;
    set.rules = {rule};
    set.minimumScore = minimumScore;
    return set;
}

ScreeningFacts quiet()
{
    ScreeningFacts f;
    f.borrowerId = "C001";
    f.district = "Huangpu";
    return f;
}

// The fact a rule kind reads, set to a value.
void setObserved(ScreeningFacts& f, RuleKind kind, std::int64_t value)
{
    switch (kind) {
    case RuleKind::DpdAtLeast: f.maxDpd = static_cast<int>(value); break;
    case RuleKind::TotalOverdueAtLeast: f.totalOverdue = Money::fromFen(value); break;
    case RuleKind::BrokenPromisesAtLeast: f.contacts.brokenPromises = static_cast<int>(value); break;
    case RuleKind::FailedContactsAtLeast: f.contacts.failedContacts = static_cast<int>(value); break;
    case RuleKind::OverdueElsewhereAtLeast: f.overdueAccountsElsewhere = static_cast<int>(value); break;
    case RuleKind::WorstDpd24MonthsAtLeast: f.worstDpd24Months = static_cast<int>(value); break;
    case RuleKind::BucketWorsened:
        f.previousWorstBucket = Bucket::M1;
        f.worstBucket = static_cast<Bucket>(1 + value);
        break;
    }
}

constexpr RuleKind kAllKinds[] = {RuleKind::DpdAtLeast,
                                  RuleKind::TotalOverdueAtLeast,
                                  RuleKind::BrokenPromisesAtLeast,
                                  RuleKind::FailedContactsAtLeast,
                                  RuleKind::OverdueElsewhereAtLeast,
                                  RuleKind::WorstDpd24MonthsAtLeast,
                                  RuleKind::BucketWorsened};

}  // namespace

TEST_CASE("screen: every rule kind fires at its threshold and not below")
{
    for (RuleKind kind : kAllKinds) {
        CAPTURE(ruleKindName(kind));
        const RuleSet set = only({kind, true, 2, 7});
        ScreeningFacts f = quiet();
        setObserved(f, kind, 1);
        CHECK(screen(f, set).hits.empty());
        CHECK(screen(f, set).score == 0);
        setObserved(f, kind, 2);
        const ScreeningResult at = screen(f, set);
        REQUIRE(at.hits.size() == 1);
        CHECK(at.hits[0] == RuleHit{kind, 2, 2, 7, kind == RuleKind::FailedContactsAtLeast ? 14 : 0});
        CHECK(at.score == 7);
        CHECK(at.queued);
        setObserved(f, kind, 3);
        CHECK(screen(f, set).hits.at(0).observed == 3);
        // Disabled: ignored.
        CHECK(screen(f, only({kind, false, 2, 7})).hits.empty());
    }
}

TEST_CASE("screen: a bucket roll needs last month's bucket, and an improvement is no roll")
{
    const RuleSet set = only({RuleKind::BucketWorsened, true, 1, 15});
    ScreeningFacts f = quiet();
    f.worstBucket = Bucket::M3;
    CHECK(screen(f, set).hits.empty());  // unknown last month
    f.previousWorstBucket = Bucket::M4;
    CHECK(screen(f, set).hits.empty());
    f.previousWorstBucket = Bucket::M1;
    REQUIRE(screen(f, set).hits.size() == 1);
    CHECK(screen(f, set).hits[0].observed == 2);
}

TEST_CASE("screen: points add up, several thresholds of one kind each add theirs")
{
    RuleSet set;
    set.rules = {{RuleKind::DpdAtLeast, true, 30, 30},
                 {RuleKind::DpdAtLeast, true, 90, 20},
                 {RuleKind::DpdAtLeast, true, 180, 10},
                 {RuleKind::OverdueElsewhereAtLeast, true, 1, 10}};
    ScreeningFacts f = quiet();
    f.maxDpd = 120;
    f.overdueAccountsElsewhere = 2;
    const ScreeningResult r = screen(f, set);
    CHECK(r.score == 60);
    REQUIRE(r.hits.size() == 3);
    CHECK(r.hits[0].threshold == 30);
    CHECK(r.hits[1].threshold == 90);
    CHECK(r.hits[2].kind == RuleKind::OverdueElsewhereAtLeast);
    CHECK(explainInEnglish(r) == "DPD 120 (+50), 2 overdue accounts elsewhere (+10)");
}

TEST_CASE("screen: minimum score decides the queue")
{
    RuleSet set = only({RuleKind::FailedContactsAtLeast, true, 3, 15}, 30);
    ScreeningFacts f = quiet();
    f.contacts.failedContacts = 5;
    CHECK(screen(f, set).score == 15);
    CHECK_FALSE(screen(f, set).queued);
    set.minimumScore = 15;
    CHECK(screen(f, set).queued);
    set.minimumScore = 0;
    CHECK_FALSE(screen(quiet(), set).queued);  // a score of 0 is never queued
}

TEST_CASE("screen: every exclusion keeps a case out, a disabled one does not")
{
    struct Case {
        ExclusionKind kind;
        void (*set)(ScreeningFacts&);
    };
    const Case cases[] = {
        {ExclusionKind::Litigation, [](ScreeningFacts& f) { f.litigation = true; }},
        {ExclusionKind::Dispute, [](ScreeningFacts& f) { f.dispute = true; }},
        {ExclusionKind::Deceased, [](ScreeningFacts& f) { f.deceased = true; }},
        {ExclusionKind::PlanBeingKept, [](ScreeningFacts& f) { f.planBeingKept = true; }},
        {ExclusionKind::VisitedRecently, [](ScreeningFacts& f) { f.daysSinceLastVisit = 3; }},
        {ExclusionKind::OpenAppointment, [](ScreeningFacts& f) { f.openAppointment = true; }},
    };
    for (const Case& c : cases) {
        CAPTURE(exclusionKindName(c.kind));
        RuleSet set = only({RuleKind::DpdAtLeast, true, 30, 30}, 30);
        set.exclusions = {{c.kind, true, c.kind == ExclusionKind::VisitedRecently ? 30 : 0}};
        ScreeningFacts f = quiet();
        f.maxDpd = 45;
        CHECK(screen(f, set).queued);
        c.set(f);
        const ScreeningResult r = screen(f, set);
        CHECK_FALSE(r.queued);
        CHECK(r.excludedBy == c.kind);
        CHECK(r.score == 30);  // the score is still shown
        set.exclusions[0].enabled = false;
        CHECK(screen(f, set).queued);
        CHECK_FALSE(screen(f, set).excludedBy);
    }
}

TEST_CASE("screen: visited recently counts its days, both ends included")
{
    RuleSet set = only({RuleKind::DpdAtLeast, true, 30, 30}, 30);
    set.exclusions = {{ExclusionKind::VisitedRecently, true, 30}};
    ScreeningFacts f = quiet();
    f.maxDpd = 45;
    f.daysSinceLastVisit = 30;
    CHECK(screen(f, set).excludedBy == ExclusionKind::VisitedRecently);
    f.daysSinceLastVisit = 31;
    CHECK(screen(f, set).queued);
    f.daysSinceLastVisit.reset();
    CHECK(screen(f, set).queued);
    set.exclusions[0].days = 60;
    f.daysSinceLastVisit = 31;
    CHECK_FALSE(screen(f, set).queued);
}

TEST_CASE("screen: the first applicable exclusion in rule-set order is reported")
{
    RuleSet set = defaultRuleSet();
    ScreeningFacts f = quiet();
    f.maxDpd = 45;
    f.deceased = true;
    f.litigation = true;
    CHECK(screen(f, set).excludedBy == ExclusionKind::Litigation);
    CHECK(explainInEnglish(screen(f, set)) == "DPD 45 (+30); excluded: litigation");
}

TEST_CASE("screen: the explanation reads like the issue's example")
{
    ScreeningFacts f = quiet();
    f.maxDpd = 47;
    f.totalOverdue = Money::fromYuan(82'300);
    f.contacts.failedContacts = 3;
    f.overdueAccountsElsewhere = 2;
    f.worstBucket = Bucket::M2;
    f.previousWorstBucket = Bucket::M2;
    const ScreeningResult r = screen(f, defaultRuleSet());
    CHECK(r.score == 75);
    CHECK(r.queued);
    CHECK(explainInEnglish(r) ==
          "DPD 47 (+30), overdue ¥82,300.00 (+20), 3 failed contacts in 14 days (+15), 2 overdue accounts elsewhere "
          "(+10)");

    ScreeningFacts g = quiet();
    g.contacts.brokenPromises = 1;
    g.contacts.failedContacts = 1;
    g.overdueAccountsElsewhere = 1;
    g.worstDpd24Months = 120;
    g.worstBucket = Bucket::M3;
    g.previousWorstBucket = Bucket::M2;
    RuleSet set = defaultRuleSet();
    set.rules.push_back({RuleKind::FailedContactsAtLeast, true, 1, 5});
    CHECK(explainInEnglish(screen(g, set)) ==
          "1 broken promise (+20), 1 overdue account elsewhere (+10), worst DPD 120 in 24 months (+10), bucket worse "
          "by 1 step since last month (+15), 1 failed contact in 14 days (+5)");
    CHECK(explainInEnglish(screen(quiet(), set)) == "no rule fired");
}

TEST_CASE("screen: the default rule set is valid and round-trips")
{
    const RuleSet set = defaultRuleSet();
    REQUIRE(validateRuleSet(set));
    const std::string text = serializeRuleSet(set);
    CHECK(text.starts_with("doorstep-screening-rules 1\nversion 0\nminimum-score 30\nrule dpd_at_least on 30 30\n"));
    CHECK(text.ends_with("exclusion visited_recently on 30\nexclusion open_appointment on 0\nend\n"));
    const auto back = parseRuleSet(text);
    REQUIRE(back);
    CHECK(*back == set);
    CHECK(serializeRuleSet(*back) == text);
}

TEST_CASE("screen: an edited rule set keeps its version, disabled rules and big amounts through the text")
{
    RuleSet set = defaultRuleSet();
    set.version = 17;
    set.rules[1].enabled = false;
    set.rules[2].threshold = 9'999'999'999;
    set.exclusions[4].days = 45;
    set.exclusions[0].enabled = false;
    set.minimumScore = 0;
    const auto back = parseRuleSet(serializeRuleSet(set));
    REQUIRE(back);
    CHECK(*back == set);
}

TEST_CASE("screen: parsing rejects anything else with a sentence")
{
    const std::string good = serializeRuleSet(defaultRuleSet());
    const auto rejects = [](std::string_view text) {
        const auto r = parseRuleSet(text);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        const std::string& m = r.error().message;
        CHECK(!m.empty());
        CHECK(m.front() >= 'A');
        CHECK(m.front() <= 'Z');
        CHECK(m.back() == '.');
        return m;
    };
    CHECK(rejects("") == "The screening rules are empty.");
    CHECK(rejects("hello\n") == "Line 1 of the screening rules is not the header of a Doorstep screening rule set.");
    CHECK(rejects("doorstep-screening-rules 2\nversion 1\nminimum-score 3\nend\n").starts_with("Line 1 "));
    std::string noEnd = good.substr(0, good.size() - 4);
    CHECK(rejects(noEnd) == "The screening rules end before their end line.");
    std::string unknownKind = good;
    unknownKind.replace(unknownKind.find("dpd_at_least"), 12, "age_at_least");
    CHECK(rejects(unknownKind) == "Line 4 of the screening rules is not a scoring rule Doorstep knows.");
    std::string badNumber = good;
    badNumber.replace(badNumber.find("on 30 30"), 8, "on 3x 30");
    rejects(badNumber);
    std::string leadingZero = good;
    leadingZero.replace(leadingZero.find("on 30 30"), 8, "on 030 30");
    rejects(leadingZero);
    rejects(good + "rule dpd_at_least on 10 10\n");
    std::string crlf = good;
    crlf.replace(crlf.find('\n'), 1, "\r\n");
    rejects(crlf);
    std::string invalid = good;
    invalid.replace(invalid.find("on 30 30"), 8, "on 30 0");
    CHECK(rejects(invalid) == "Scoring rule 1 must add between 1 and 1000 points.");
}

TEST_CASE("screen: validation names the problem in a sentence")
{
    const auto message = [](const RuleSet& set) {
        const auto r = validateRuleSet(set);
        REQUIRE_FALSE(r);
        return r.error().message;
    };
    RuleSet set = defaultRuleSet();
    set.rules.clear();
    CHECK(message(set) == "The rule set needs at least one scoring rule.");
    set = defaultRuleSet();
    set.rules[0].threshold = 0;
    CHECK(message(set) == "The threshold of scoring rule 1 must be between 1 and 3650.");
    set = defaultRuleSet();
    set.rules.push_back(set.rules[0]);
    CHECK(message(set) == "Scoring rules 1 and 9 have the same kind and threshold.");
    set = defaultRuleSet();
    set.exclusions[4].days = 0;
    CHECK(message(set) == "The days of exclusion 5 (visited recently) must be between 1 and 365.");
    set = defaultRuleSet();
    set.exclusions.push_back(set.exclusions[0]);
    CHECK(message(set) == "Exclusions 1 and 7 are of the same kind.");
    set = defaultRuleSet();
    set.minimumScore = -1;
    CHECK(message(set) == "The minimum score must be between 0 and 100000.");
}

TEST_CASE("screen: the facts fingerprint changes with the facts that matter only")
{
    const RuleSet set = defaultRuleSet();
    ScreeningFacts f = quiet();
    f.maxDpd = 47;
    f.totalOverdue = Money::fromYuan(8'000);
    f.worstBucket = Bucket::M2;
    f.contacts.failedContacts = 3;
    const std::string before = factsFingerprint(f, set);
    CHECK(before.find("C001") == std::string::npos);

    SECTION("unchanged by district, id, a day more of DPD or overdue within the same thresholds, visit age")
    {
        ScreeningFacts g = f;
        g.district = "Xuhui";
        g.borrowerId = "C999";
        g.maxDpd = 48;
        g.totalOverdue = Money::fromYuan(8'100);
        g.daysSinceLastVisit = 100;
        CHECK(factsFingerprint(g, set) == before);
        CHECK_FALSE(factsChangedSinceDismissal(before, g, set));
    }
    SECTION("changed by each fact that matters")
    {
        std::vector<void (*)(ScreeningFacts&)> changes{
            [](ScreeningFacts& g) { g.maxDpd = 90; },
            [](ScreeningFacts& g) { g.totalOverdue = Money::fromYuan(10'000); },
            [](ScreeningFacts& g) { g.worstBucket = Bucket::M3; },
            [](ScreeningFacts& g) { g.previousWorstBucket = Bucket::M1; },
            [](ScreeningFacts& g) { g.contacts.brokenPromises = 1; },
            [](ScreeningFacts& g) { g.contacts.keptPromises = 1; },
            [](ScreeningFacts& g) { g.contacts.openPromises = 1; },
            [](ScreeningFacts& g) { g.contacts.failedContacts = 4; },
            [](ScreeningFacts& g) {
                g.contacts.lastContact = Date{std::chrono::year{2026}, std::chrono::June, std::chrono::day{1}};
            },
            [](ScreeningFacts& g) {
                g.contacts.lastVisit = Date{std::chrono::year{2026}, std::chrono::June, std::chrono::day{1}};
            },
            [](ScreeningFacts& g) { g.overdueAccountsElsewhere = 1; },
            [](ScreeningFacts& g) { g.worstDpd24Months = 200; },
            [](ScreeningFacts& g) { g.litigation = true; },
            [](ScreeningFacts& g) { g.dispute = true; },
            [](ScreeningFacts& g) { g.deceased = true; },
            [](ScreeningFacts& g) { g.planBeingKept = true; },
            [](ScreeningFacts& g) { g.openAppointment = true; },
        };
        for (std::size_t i = 0; i < changes.size(); ++i) {
            CAPTURE(i);
            ScreeningFacts g = f;
            changes[i](g);
            CHECK(factsFingerprint(g, set) != before);
            CHECK(factsChangedSinceDismissal(before, g, set));
        }
    }
}

TEST_CASE("screen: queue order is score, then DPD, then overdue, then borrower id")
{
    std::vector<ScreeningEntry> entries{{"C5", 50, 40, Money::fromYuan(100)},
                                        {"C4", 60, 10, Money::fromYuan(1)},
                                        {"C3", 50, 40, Money::fromYuan(200)},
                                        {"C2", 50, 45, Money::fromYuan(1)},
                                        {"C1", 50, 40, Money::fromYuan(100)}};
    std::ranges::sort(entries, queueOrder);
    std::vector<std::string> ids;
    for (const auto& e : entries)
        ids.push_back(e.borrowerId);
    CHECK(ids == std::vector<std::string>{"C4", "C2", "C3", "C1", "C5"});

    ScreeningFacts f = quiet();
    f.maxDpd = 31;
    const ScreeningEntry e = makeScreeningEntry(f, screen(f, defaultRuleSet()));
    CHECK(e.borrowerId == "C001");
    CHECK(e.score == 30);
    CHECK(e.maxDpd == 31);
}
