#include "app/screening/screening_service.h"

#include "app/portfolio/delinquency_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/users/user_admin.h"
#include "io/demo/synthetic_extract.h"
#include "storage/audit/audit_repository.h"
#include "storage/screening/screening_repository.h"
#include "support/test_branch.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace doorstep;
using app::QueueFilter;
using app::QueueItem;
using app::ScreeningService;

namespace {

constexpr std::string_view kPassword = "officer-pass-2026";
const Date kAsOf{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

// A branch with a supervisor, three officers (ofc3 is never on duty) and a small synthetic extract
// imported by the supervisor; the import runs screening as of the extract date.
struct Branch {
    explicit Branch(std::vector<std::string> officers = {"ofc1", "ofc2"}, std::int64_t loans = 250)
    {
        branch.addUser("sup", Role::Supervisor, kPassword);
        branch.addUser("ofc1", Role::Officer, kPassword);
        branch.addUser("ofc2", Role::Officer, kPassword);
        branch.addUser("ofc3", Role::Officer, kPassword);
        io::SyntheticOptions options;
        options.loans = loans;
        options.seed = 7;
        options.officers = std::move(officers);
        const auto folder = branch.dir() / "extract";
        REQUIRE(io::writeSyntheticExtract(folder, options));
        sup = branch.login("sup", kPassword);
        auto imported = app::importExtract(*sup, folder, {});
        REQUIRE(imported);
        REQUIRE(imported->imported);
        report = *imported;
    }

    std::unique_ptr<app::Session> login(std::string_view name) { return branch.login(name, kPassword); }
    const storage::Connection& db() { return sup->database().connection(); }
    ScreeningService service() { return ScreeningService(*sup); }

    std::vector<QueueItem> queue(QueueFilter filter = {})
    {
        auto q = service().queue(std::move(filter));
        REQUIRE(q);
        return *q;
    }

    std::optional<QueueItem> find(std::int64_t borrowerRowId, bool includeDismissed = true)
    {
        QueueFilter f;
        f.includeDismissed = includeDismissed;
        for (auto& i : queue(f)) {
            if (i.borrowerRowId == borrowerRowId) return i;
        }
        return std::nullopt;
    }

    std::vector<AuditEvent> audit(std::string_view action)
    {
        std::vector<AuditEvent> out;
        storage::AuditRepository(db()).forEach([&](const AuditEvent& e) {
            if (e.action == action) out.push_back(e);
        });
        return out;
    }

    test::TestBranch branch;
    std::unique_ptr<app::Session> sup;
    app::ImportReport report;
};

int sumOfPoints(const QueueItem& i)
{
    return std::accumulate(i.hits.begin(), i.hits.end(), 0, [](int s, const RuleHit& h) { return s + h.points; });
}

bool hasHit(const QueueItem& i, RuleKind kind, std::int64_t threshold)
{
    return std::ranges::any_of(i.hits, [&](const RuleHit& h) { return h.kind == kind && h.threshold == threshold; });
}

RuleSet withDpd30Points(RuleSet rules, int points)
{
    for (auto& r : rules.rules) {
        if (r.kind == RuleKind::DpdAtLeast && r.threshold == 30) r.points = points;
    }
    return rules;
}

void addFailedCall(const storage::Connection& db, std::int64_t borrowerRowId, const std::string& date, int minute)
{
    db.prepare("INSERT INTO contact_events (borrower_id, contact_date, minute_of_day, channel, reached, outcome, "
               "source) VALUES (?, ?, ?, 'call', 'none', 'no_answer', 'doorstep')")
        .bind(1, borrowerRowId)
        .bind(2, date)
        .bind(3, std::int64_t{minute})
        .run();
}

std::string bankOfficerOf(const storage::Connection& db, std::int64_t borrowerRowId)
{
    // Every loan of a synthetic borrower goes to the same officer.
    auto s = db.prepare("SELECT DISTINCT officer FROM loans WHERE borrower_id = ?");
    s.bind(1, borrowerRowId);
    REQUIRE(s.step());
    std::string officer = s.columnText(0);
    REQUIRE_FALSE(s.step());
    return officer;
}

}  // namespace

TEST_CASE("screen_service: the import screens the portfolio into an ordered, explained queue", "[screening_app]")
{
    Branch b;
    CHECK(b.report.screening.ruleSetVersion == 0);
    const auto items = b.queue();
    REQUIRE(items.size() >= 5);
    CHECK(b.report.screening.queued == static_cast<std::int64_t>(items.size()));
    CHECK(b.report.screening.borrowers > b.report.screening.queued);
    for (std::size_t k = 0; k < items.size(); ++k) {
        const QueueItem& i = items[k];
        INFO("entry " << k);
        CHECK(i.state == QueueState::Open);
        CHECK(i.ruleSetVersion == 0);
        CHECK_FALSE(i.hits.empty());
        CHECK(sumOfPoints(i) == i.score);
        CHECK(i.score >= defaultRuleSet().minimumScore);
        CHECK_FALSE(i.borrowerId.empty());
        CHECK_FALSE(i.district.empty());
        CHECK((i.officer == "ofc1" || i.officer == "ofc2"));
        CHECK(i.officer == bankOfficerOf(b.db(), i.borrowerRowId));
        if (k == 0) continue;
        const QueueItem& p = items[k - 1];
        const bool ordered = p.score > i.score || (p.score == i.score && p.maxDpd > i.maxDpd) ||
                             (p.score == i.score && p.maxDpd == i.maxDpd && p.totalOverdue.fen >= i.totalOverdue.fen);
        CHECK(ordered);
    }
    // Both officers have cases, and scores differ (the order is not trivially by one key).
    CHECK(std::ranges::any_of(items, [](const QueueItem& i) { return i.officer == "ofc1"; }));
    CHECK(std::ranges::any_of(items, [](const QueueItem& i) { return i.officer == "ofc2"; }));
    CHECK(items.front().score > items.back().score);
}

TEST_CASE("screen_service: an extract without officers queues unassigned cases", "[screening_app]")
{
    Branch b({}, 150);
    const auto items = b.queue();
    REQUIRE_FALSE(items.empty());
    for (const auto& i : items)
        CHECK(i.officer.empty());
}

TEST_CASE("screen_service: rule sets are saved as numbered versions by supervisors only", "[screening_app]")
{
    Branch b({"ofc1"}, 150);
    auto service = b.service();
    auto current = service.currentRuleSet();
    REQUIRE(current);
    CHECK(*current == defaultRuleSet());
    CHECK(current->version == 0);

    const RuleSet first = withDpd30Points(defaultRuleSet(), 31);
    auto saved1 = service.saveRuleSet(first);
    REQUIRE(saved1);
    CHECK(saved1->version == 1);
    RuleSet second = first;
    second.minimumScore = 35;
    second.version = 17;  // ignored: storage numbers the versions
    auto saved2 = service.saveRuleSet(second);
    REQUIRE(saved2);
    CHECK(saved2->version == 2);
    current = service.currentRuleSet();
    REQUIRE(current);
    CHECK(current->version == 2);
    CHECK(current->minimumScore == 35);
    second.version = 2;
    CHECK(*current == second);

    RuleSet invalid = defaultRuleSet();
    invalid.rules.clear();
    auto refused = service.saveRuleSet(invalid);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    invalid = defaultRuleSet();
    invalid.rules[0].points = 0;
    refused = service.saveRuleSet(invalid);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);

    auto officer = b.login("ofc1");
    auto denied = ScreeningService(*officer).saveRuleSet(defaultRuleSet());
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == ErrorCode::PermissionDenied);
    auto admin = b.branch.loginAdmin();
    denied = ScreeningService(*admin).saveRuleSet(defaultRuleSet());
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == ErrorCode::PermissionDenied);
    // Officers and administrators cannot run screening either.
    CHECK(ScreeningService(*officer).run(kAsOf).error().code == ErrorCode::PermissionDenied);
    CHECK(ScreeningService(*admin).run(kAsOf).error().code == ErrorCode::PermissionDenied);

    current = service.currentRuleSet();
    REQUIRE(current);
    CHECK(current->version == 2);
    const auto events = b.audit("screening.rules");
    REQUIRE(events.size() == 2);
    CHECK(events[0].recordId == "1");
    CHECK(events[1].recordId == "2");
    CHECK(events[1].actor == "sup");
}

TEST_CASE("screen_service: a changed rule changes the scores on the next run", "[screening_app]")
{
    Branch b({"ofc1"}, 200);
    auto service = b.service();
    const auto before = b.queue();
    REQUIRE_FALSE(before.empty());
    REQUIRE(std::ranges::any_of(before, [](const QueueItem& i) { return hasHit(i, RuleKind::DpdAtLeast, 30); }));

    auto saved = service.saveRuleSet(withDpd30Points(defaultRuleSet(), 37));
    REQUIRE(saved);
    auto summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->ruleSetVersion == saved->version);
    CHECK(b.audit("screening.run").size() == 1);

    const auto after = b.queue();
    REQUIRE(after.size() == before.size());  // only raised points: nobody leaves, nobody joins
    std::map<std::int64_t, QueueItem> byId;
    for (const auto& i : after)
        byId.emplace(i.borrowerRowId, i);
    for (const auto& old : before) {
        INFO("borrower " << old.borrowerRowId);
        REQUIRE(byId.contains(old.borrowerRowId));
        const QueueItem& now = byId.at(old.borrowerRowId);
        CHECK(now.ruleSetVersion == saved->version);
        CHECK(sumOfPoints(now) == now.score);
        const int raise = hasHit(old, RuleKind::DpdAtLeast, 30) ? 7 : 0;
        CHECK(now.score == old.score + raise);
    }
}

TEST_CASE("screen_service: an exclusion takes a case out until it is disabled", "[screening_app]")
{
    Branch b({"ofc1"}, 150);
    auto service = b.service();
    const auto items = b.queue();
    REQUIRE_FALSE(items.empty());
    const std::int64_t id = items.front().borrowerRowId;
    const auto excludedBefore = b.report.screening.excluded;

    storage::ScreeningRepository(b.db()).setFlags(id, CaseFlags{.litigation = true});
    auto summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->excluded == excludedBefore + 1);
    CHECK_FALSE(b.find(id));
    CHECK(b.queue().size() == items.size() - 1);

    RuleSet rules = defaultRuleSet();
    for (auto& e : rules.exclusions) {
        if (e.kind == ExclusionKind::Litigation) e.enabled = false;
    }
    REQUIRE(service.saveRuleSet(rules));
    REQUIRE(service.run(kAsOf));
    const auto back = b.find(id);
    REQUIRE(back);
    CHECK(back->state == QueueState::Open);
    CHECK(back->score == items.front().score);
    CHECK(b.queue().size() == items.size());

    // The service's own flag setter is audited and read back.
    CaseFlags flags;
    flags.dispute = true;
    REQUIRE(service.setCaseFlags(id, flags));
    auto read = service.caseFlags(id);
    REQUIRE(read);
    CHECK(read->dispute);
    CHECK_FALSE(read->litigation);
    CHECK(b.audit("case.flags").size() == 1);
    REQUIRE(service.run(kAsOf));
    CHECK_FALSE(b.find(id));
}

TEST_CASE("screen_service: a dismissal needs a reason and lasts until the facts change", "[screening_app]")
{
    Branch b({"ofc1"}, 200);
    auto service = b.service();
    const auto items = b.queue();
    REQUIRE(items.size() >= 2);
    const std::int64_t id = items.front().borrowerRowId;
    const std::string note = "Neighbour says 18 Nov he moved";

    auto refused = service.dismiss(id, app::DismissReason::Other, "");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(b.audit("queue.dismiss").empty());

    REQUIRE(service.dismiss(id, app::DismissReason::NotAtAddress, note));
    const auto events = b.audit("queue.dismiss");
    REQUIRE(events.size() == 1);
    CHECK(events[0].recordType == "borrower");
    CHECK(events[0].recordId == std::to_string(id));
    storage::AuditRepository(b.db()).forEach([&](const AuditEvent& e) {
        CHECK(e.recordId.find("Neighbour") == std::string::npos);
        CHECK(e.action.find("Neighbour") == std::string::npos);
        CHECK(e.recordType.find("Neighbour") == std::string::npos);
    });
    CHECK_FALSE(b.find(id, /*includeDismissed=*/false));
    auto dismissed = b.find(id);
    REQUIRE(dismissed);
    CHECK(dismissed->state == QueueState::Dismissed);
    CHECK(dismissed->dismissReason == "not_at_address");
    CHECK(dismissed->dismissNote == note);

    // The same facts again: it stays dismissed.
    auto summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->reopened == 0);
    dismissed = b.find(id);
    REQUIRE(dismissed);
    CHECK(dismissed->state == QueueState::Dismissed);

    // A failed call within the last 14 days changes the facts: it comes back open.
    addFailedCall(b.db(), id, "2026-11-28", 601);
    summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->reopened == 1);
    const auto reopened = b.find(id, false);
    REQUIRE(reopened);
    CHECK(reopened->state == QueueState::Open);
    CHECK(reopened->dismissReason.empty());
    CHECK(reopened->dismissNote.empty());
    summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->reopened == 0);
}

TEST_CASE("screen_service: a dismissed case comes back when its bucket rolls", "[screening_app]")
{
    Branch b({"ofc1"}, 200);
    auto service = b.service();
    const auto items = b.queue();
    // A case well inside its bucket range, far from the last bucket: 40 more days roll it.
    const auto it = std::ranges::find_if(items, [](const QueueItem& i) { return i.maxDpd >= 31 && i.maxDpd <= 120; });
    REQUIRE(it != items.end());
    const std::int64_t id = it->borrowerRowId;
    const Bucket bucket = it->bucket;
    REQUIRE(service.dismiss(id, app::DismissReason::PromisedToPay, ""));
    const auto later = addDays(kAsOf, 40);
    REQUIRE(app::recompute(*b.sup, later));
    const auto back = b.find(id, false);
    REQUIRE(back);
    CHECK(back->state == QueueState::Open);
    CHECK(back->bucket != bucket);
}

TEST_CASE("screen_service: an accepted case stays queued when it no longer qualifies", "[screening_app]")
{
    Branch b({"ofc1"}, 200);
    auto service = b.service();
    const auto items = b.queue();
    REQUIRE(items.size() >= 2);
    const QueueItem& low = items.back();
    REQUIRE(service.accept(low.borrowerRowId));
    auto accepted = b.find(low.borrowerRowId);
    REQUIRE(accepted);
    CHECK(accepted->state == QueueState::Accepted);
    const auto events = b.audit("queue.accept");
    REQUIRE(events.size() == 1);
    CHECK(events[0].recordId == std::to_string(low.borrowerRowId));

    RuleSet rules = defaultRuleSet();
    rules.minimumScore = items.front().score + 1;  // nobody qualifies any more
    REQUIRE(service.saveRuleSet(rules));
    auto summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->queued == 0);
    const auto after = b.queue();
    REQUIRE(after.size() == 1);
    CHECK(after[0].borrowerRowId == low.borrowerRowId);
    CHECK(after[0].state == QueueState::Accepted);
    CHECK(after[0].score == low.score);
}

TEST_CASE("screen_service: officers see and decide only their own cases", "[screening_app]")
{
    Branch b;
    const auto all = b.queue();
    const auto ofc1Count = std::ranges::count_if(all, [](const QueueItem& i) { return i.officer == "ofc1"; });
    const auto ofc2Count = std::ranges::count_if(all, [](const QueueItem& i) { return i.officer == "ofc2"; });
    REQUIRE(ofc1Count > 0);
    REQUIRE(ofc2Count > 0);
    CHECK(ofc1Count + ofc2Count == static_cast<std::ptrdiff_t>(all.size()));

    auto officer = b.login("ofc1");
    ScreeningService own(*officer);
    QueueFilter other;
    other.officer = "ofc2";
    for (const QueueFilter& f : {QueueFilter{}, other}) {
        auto mine = own.queue(f);
        REQUIRE(mine);
        CHECK(static_cast<std::ptrdiff_t>(mine->size()) == ofc1Count);
        for (const auto& i : *mine)
            CHECK(i.officer == "ofc1");
    }
    QueueFilter unassigned;
    unassigned.unassignedOnly = true;
    auto mine = own.queue(unassigned);
    REQUIRE(mine);
    CHECK(static_cast<std::ptrdiff_t>(mine->size()) == ofc1Count);

    const auto theirs = std::ranges::find_if(all, [](const QueueItem& i) { return i.officer == "ofc2"; });
    const auto ours = std::ranges::find_if(all, [](const QueueItem& i) { return i.officer == "ofc1"; });
    auto denied = own.accept(theirs->borrowerRowId);
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == ErrorCode::PermissionDenied);
    denied = own.dismiss(theirs->borrowerRowId, app::DismissReason::PaidMeanwhile, "");
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == ErrorCode::PermissionDenied);
    CHECK(b.find(theirs->borrowerRowId)->state == QueueState::Open);
    REQUIRE(own.accept(ours->borrowerRowId));
    CHECK(b.find(ours->borrowerRowId)->state == QueueState::Accepted);
    CHECK(b.audit("queue.accept").size() == 1);

    // A supervisor filters by officer, by being unassigned, by district and by bucket.
    QueueFilter byOfficer;
    byOfficer.officer = "ofc2";
    CHECK(static_cast<std::ptrdiff_t>(b.queue(byOfficer).size()) == ofc2Count);
    CHECK(b.queue(unassigned).empty());
    const std::vector<std::int64_t> freed{all[0].borrowerRowId, all[1].borrowerRowId};
    REQUIRE(b.service().assign(freed, ""));
    auto free = b.queue(unassigned);
    REQUIRE(free.size() == 2);
    CHECK(std::set<std::int64_t>{free[0].borrowerRowId, free[1].borrowerRowId} ==
          std::set<std::int64_t>(freed.begin(), freed.end()));

    QueueFilter byDistrict;
    byDistrict.district = all.back().district;
    const auto inDistrict = b.queue(byDistrict);
    CHECK(static_cast<std::ptrdiff_t>(inDistrict.size()) ==
          std::ranges::count_if(all, [&](const QueueItem& i) { return i.district == byDistrict.district; }));
    for (const auto& i : inDistrict)
        CHECK(i.district == byDistrict.district);
    CHECK(inDistrict.size() < all.size());

    QueueFilter byBucket;
    byBucket.bucket = all.back().bucket;
    const auto inBucket = b.queue(byBucket);
    CHECK(static_cast<std::ptrdiff_t>(inBucket.size()) ==
          std::ranges::count_if(all, [&](const QueueItem& i) { return i.bucket == *byBucket.bucket; }));
    for (const auto& i : inBucket)
        CHECK(i.bucket == *byBucket.bucket);
}

TEST_CASE("screen_service: automatic assignment places the open unassigned cases", "[screening_app]")
{
    Branch b({}, 300);
    auto service = b.service();
    const auto all = b.queue();
    REQUIRE(all.size() >= 8);
    std::map<std::int64_t, std::string> districtOf;
    for (const auto& i : all)
        districtOf[i.borrowerRowId] = i.district;
    std::set<std::string> districts;
    for (const auto& i : all)
        districts.insert(i.district);
    REQUIRE(districts.size() >= 2);

    auto officers = service.officers();
    REQUIRE(officers);
    CHECK(*officers == std::vector<std::string>{"ofc1", "ofc2", "ofc3"});

    SECTION("ample capacity: everything placed, a district stays together")
    {
        auto proposal = service.proposeAssignment({"ofc1", "ofc2"}, 1000, false);
        REQUIRE(proposal);
        CHECK(proposal->assignments.size() == all.size());
        CHECK(proposal->unassigned.empty());
        std::set<std::pair<std::string, std::string>> pairs;
        std::set<std::int64_t> placed;
        for (const auto& a : proposal->assignments) {
            CHECK((a.officer == "ofc1" || a.officer == "ofc2"));
            pairs.emplace(districtOf.at(a.caseId), a.officer);
            placed.insert(a.caseId);
        }
        CHECK(placed.size() == all.size());
        CHECK(pairs.size() <= districts.size() + 2 - 1);

        const auto eventsBefore = storage::AuditRepository(b.db()).count();
        auto applied = service.applyAssignment(*proposal);
        REQUIRE(applied);
        CHECK(*applied == static_cast<int>(all.size()));
        CHECK(storage::AuditRepository(b.db()).count() == eventsBefore + 1);
        const auto events = b.audit("queue.auto_assign");
        REQUIRE(events.size() == 1);
        CHECK(events[0].actor == "sup");
        CHECK(b.audit("queue.assign").empty());
        std::map<std::int64_t, std::string> proposed;
        for (const auto& a : proposal->assignments)
            proposed[a.caseId] = a.officer;
        for (const auto& i : b.queue())
            CHECK(i.officer == proposed.at(i.borrowerRowId));
        QueueFilter unassigned;
        unassigned.unassignedOnly = true;
        CHECK(b.queue(unassigned).empty());

        // Nothing is left to place without reassigning.
        proposal = service.proposeAssignment({"ofc1", "ofc2"}, 1000, false);
        REQUIRE(proposal);
        CHECK(proposal->assignments.empty());
    }
    SECTION("small capacity: nobody over it, the rest listed as unassigned")
    {
        auto proposal = service.proposeAssignment({"ofc1", "ofc2"}, 3, false);
        REQUIRE(proposal);
        CHECK(proposal->assignments.size() == 6);
        CHECK(proposal->unassigned.size() == all.size() - 6);
        std::map<std::string, int> count;
        for (const auto& a : proposal->assignments)
            ++count[a.officer];
        CHECK(count == std::map<std::string, int>{{"ofc1", 3}, {"ofc2", 3}});
        for (const auto& load : proposal->resultingLoads)
            CHECK(load.cases <= 3);
    }
    SECTION("only the officers on duty get cases")
    {
        auto proposal = service.proposeAssignment({"ofc2"}, 1000, false);
        REQUIRE(proposal);
        CHECK(proposal->assignments.size() == all.size());
        for (const auto& a : proposal->assignments)
            CHECK(a.officer == "ofc2");
        REQUIRE(proposal->resultingLoads.size() == 1);
        CHECK(proposal->resultingLoads[0].officer == "ofc2");
    }
    SECTION("dismissed and already assigned cases are not proposed")
    {
        REQUIRE(service.dismiss(all[0].borrowerRowId, app::DismissReason::ReachedByPhone, ""));
        REQUIRE(service.assign({all[1].borrowerRowId}, "ofc1"));
        CHECK(b.audit("queue.assign").size() == 1);
        auto proposal = service.proposeAssignment({"ofc1", "ofc2"}, 1000, false);
        REQUIRE(proposal);
        CHECK(proposal->assignments.size() == all.size() - 2);
        for (const auto& a : proposal->assignments) {
            CHECK(a.caseId != all[0].borrowerRowId);
            CHECK(a.caseId != all[1].borrowerRowId);
        }
    }
    SECTION("manual assignment only to active officers")
    {
        auto r = service.assign({all[0].borrowerRowId}, "nobody");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        r = service.assign({all[0].borrowerRowId}, "sup");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        auto admin = b.branch.loginAdmin();
        app::UserAdministration users(*admin);
        auto list = users.list();
        REQUIRE(list);
        const auto ofc3 = std::ranges::find_if(*list, [](const User& u) { return u.username == "ofc3"; });
        REQUIRE(ofc3 != list->end());
        REQUIRE(users.setDisabled(ofc3->id, true));
        r = service.assign({all[0].borrowerRowId}, "ofc3");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        CHECK(b.find(all[0].borrowerRowId)->officer.empty());
        CHECK(b.audit("queue.assign").empty());
        REQUIRE(service.assign({all[0].borrowerRowId}, "ofc2"));
        CHECK(b.find(all[0].borrowerRowId)->officer == "ofc2");
        // Officers cannot assign.
        auto officer = b.login("ofc2");
        CHECK(ScreeningService(*officer).assign({all[0].borrowerRowId}, "ofc2").error().code ==
              ErrorCode::PermissionDenied);
        CHECK(ScreeningService(*officer).proposeAssignment({"ofc2"}, 10, false).error().code ==
              ErrorCode::PermissionDenied);
    }
    SECTION("invalid proposals are refused")
    {
        CHECK(service.proposeAssignment({}, 10, false).error().code == ErrorCode::InvalidInput);
        CHECK(service.proposeAssignment({"ofc1"}, 0, false).error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("screen_service: a recompute screens again as of its date", "[screening_app]")
{
    Branch b({"ofc1"}, 150);
    auto service = b.service();
    CHECK(service.currentAsOf() == kAsOf);
    storage::ScreeningRepository repo(b.db());
    const auto before = repo.queue("", true);
    REQUIRE_FALSE(before.empty());
    for (const auto& e : before)
        CHECK(e.asOf == "2026-11-30");

    const Date later = addDays(kAsOf, 31);
    REQUIRE(app::recompute(*b.sup, later));
    CHECK(service.currentAsOf() == later);
    const auto after = repo.queue("", true);
    REQUIRE_FALSE(after.empty());
    for (const auto& e : after)
        CHECK(e.asOf == "2026-12-31");
}

namespace {

// Counts the rows inserted, updated and deleted in visit_queue from now on (temporary triggers on this
// connection only).
struct QueueWriteCounter {
    explicit QueueWriteCounter(const storage::Connection& db) : m_db(db)
    {
        db.execute("CREATE TEMP TABLE IF NOT EXISTS queue_writes (n INTEGER NOT NULL);"
                   "DELETE FROM temp.queue_writes; INSERT INTO temp.queue_writes VALUES (0);"
                   "CREATE TEMP TRIGGER IF NOT EXISTS queue_ins AFTER INSERT ON main.visit_queue "
                   "BEGIN UPDATE queue_writes SET n = n + 1; END;"
                   "CREATE TEMP TRIGGER IF NOT EXISTS queue_upd AFTER UPDATE ON main.visit_queue "
                   "BEGIN UPDATE queue_writes SET n = n + 1; END;"
                   "CREATE TEMP TRIGGER IF NOT EXISTS queue_del AFTER DELETE ON main.visit_queue "
                   "BEGIN UPDATE queue_writes SET n = n + 1; END;");
    }
    std::int64_t count() const
    {
        auto s = m_db.prepare("SELECT n FROM temp.queue_writes");
        REQUIRE(s.step());
        return s.columnInt(0);
    }
    void clear() const { m_db.execute("UPDATE temp.queue_writes SET n = 0"); }

private:
    const storage::Connection& m_db;
};

}  // namespace

TEST_CASE("screen_service: a second run for the same date writes nothing", "[screening_app]")
{
    Branch b({"ofc1"}, 200);
    auto service = b.service();
    const auto before = storage::ScreeningRepository(b.db()).queue("", true);
    REQUIRE_FALSE(before.empty());
    QueueWriteCounter writes(b.db());

    // The import screened as of kAsOf already: the same date again changes no row.
    auto summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK(summary->queued == static_cast<std::int64_t>(before.size()));
    CHECK(writes.count() == 0);

    // A new date rewrites the entries (their date changes) and nothing more …
    const Date next = addDays(kAsOf, 1);
    summary = service.run(next);
    REQUIRE(summary);
    const auto afterNext = storage::ScreeningRepository(b.db()).queue("", true);
    CHECK(writes.count() > 0);
    CHECK(writes.count() <= static_cast<std::int64_t>(before.size() + afterNext.size()));
    for (const auto& e : afterNext)
        CHECK(e.asOf == formatIsoDate(next));
    // … and the same date once more writes nothing again, decisions included.
    REQUIRE(service.accept(afterNext.front().borrowerRowId));
    writes.clear();
    summary = service.run(next);
    REQUIRE(summary);
    CHECK(writes.count() == 0);
    CHECK(b.find(afterNext.front().borrowerRowId)->state == QueueState::Accepted);
}

TEST_CASE("screen_service: a rerun for the same date drops open and dismissed cases that no longer qualify",
          "[screening_app]")
{
    Branch b({"ofc1"}, 200);
    auto service = b.service();
    const auto items = b.queue();
    REQUIRE(items.size() >= 3);
    const std::int64_t open = items[0].borrowerRowId;
    const std::int64_t dismissed = items[1].borrowerRowId;
    const std::int64_t accepted = items[2].borrowerRowId;
    REQUIRE(service.dismiss(dismissed, app::DismissReason::ReachedByPhone, ""));
    REQUIRE(service.accept(accepted));

    RuleSet rules = defaultRuleSet();
    rules.minimumScore = items.front().score + 1;  // nobody qualifies any more
    REQUIRE(service.saveRuleSet(rules));
    auto summary = service.run(kAsOf);  // the import's date again
    REQUIRE(summary);
    CHECK(summary->queued == 0);
    CHECK_FALSE(b.find(open));
    CHECK_FALSE(b.find(dismissed));
    const auto kept = b.find(accepted);
    REQUIRE(kept);
    CHECK(kept->state == QueueState::Accepted);
    QueueFilter all;
    all.includeDismissed = true;
    CHECK(b.queue(all).size() == 1);
}

TEST_CASE("screen_service: queue entries of customers without a loan go unless accepted", "[screening_app]")
{
    Branch b({"ofc1"}, 150);
    auto service = b.service();
    const auto& db = b.db();
    const auto addCustomer = [&](const std::string& bankId) {
        db.prepare("INSERT INTO borrowers (bank_id, name, id_number, phone, address, district) "
                   "VALUES (?, 'N', '', '', '', '静安区')")
            .bind(1, bankId)
            .run();
        return db.lastInsertId();
    };
    const std::int64_t openOne = addCustomer("X-OPEN");
    const std::int64_t acceptedOne = addCustomer("X-ACCEPTED");
    storage::ScreeningRepository repo(db);
    storage::QueueEntryRow e;
    e.asOf = "2026-11-30";
    e.score = 50;
    e.district = "静安区";
    e.borrowerRowId = openOne;
    repo.saveEntry(e);
    e.borrowerRowId = acceptedOne;
    e.state = QueueState::Accepted;
    e.officer = "ofc1";
    repo.saveEntry(e);
    const auto queuedBefore = b.queue().size();

    auto summary = service.run(kAsOf);
    REQUIRE(summary);
    CHECK_FALSE(repo.entry(openOne));
    const auto kept = repo.entry(acceptedOne);
    REQUIRE(kept);
    CHECK(kept->state == QueueState::Accepted);
    CHECK(kept->asOf == "2026-11-30");  // not screened: left as it was
    CHECK(b.queue().size() == queuedBefore - 1);
}

TEST_CASE("screen_service: the walk gives what the per-borrower SQL it replaced gave", "[screening_app]")
{
    // The earlier walk computed the officer, the bucket a month ago and the aggregates in SQL, with
    // subqueries per borrower and per loan, and read every recent payment; the results must be the same.
    Branch b({"ofc1", "ofc2"}, 400);
    const Date later = addDays(kAsOf, 31);
    REQUIRE(app::recompute(*b.sup, later));  // bucket changes in status_history
    const auto& db = b.db();
    const std::string monthAgo = formatIsoDate(addDays(later, -30));
    const std::string paymentsSince = formatIsoDate(addDays(later, -120));
    const std::string promisesSince = formatIsoDate(addDays(later, -90));

    struct Expected {
        std::string district, officer, worst, previous;
        std::int64_t maxDpd = 0, overdue = 0;
        std::vector<std::string> contacts;  // "date minute channel" in order
        std::vector<std::string> payments;  // "id loan date amount" in order
        bool promised = false;
    };
    std::map<std::int64_t, Expected> expected;
    auto agg = db.prepare(
        "SELECT b.id, b.district, max(coalesce(s.dpd, 0)), sum(coalesce(s.total_overdue_fen, 0)), "
        "max(coalesce(s.bucket, 'M0')), "
        "(SELECT l2.officer FROM loans l2 LEFT JOIN loan_status s2 ON s2.loan_id = l2.id WHERE l2.borrower_id = b.id "
        " ORDER BY coalesce(s2.dpd, 0) DESC, l2.id LIMIT 1), "
        "max(coalesce((SELECT h.from_bucket FROM status_history h WHERE h.loan_id = l.id AND h.as_of > ? "
        " ORDER BY h.as_of, h.id LIMIT 1), s.bucket, 'M0')) "
        "FROM borrowers b JOIN loans l ON l.borrower_id = b.id LEFT JOIN loan_status s ON s.loan_id = l.id "
        "GROUP BY b.id ORDER BY b.id");
    agg.bind(1, monthAgo);
    while (agg.step()) {
        Expected& e = expected[agg.columnInt(0)];
        e.district = agg.columnText(1);
        e.maxDpd = agg.columnInt(2);
        e.overdue = agg.columnInt(3);
        e.worst = agg.columnText(4);
        e.officer = agg.columnText(5);
        e.previous = agg.columnText(6);
    }
    auto contacts = db.prepare("SELECT borrower_id, contact_date, minute_of_day, channel, outcome FROM contact_events "
                               "ORDER BY borrower_id, contact_date, minute_of_day, id");
    while (contacts.step()) {
        auto it = expected.find(contacts.columnInt(0));
        if (it == expected.end()) continue;
        it->second.contacts.push_back(contacts.columnText(1) + " " + contacts.columnText(2) + " " +
                                      contacts.columnText(3));
        if (contacts.columnText(4) == "promise_to_pay" && contacts.columnText(1) >= promisesSince)
            it->second.promised = true;
    }
    auto payments = db.prepare("SELECT l.borrower_id, p.bank_id, l.bank_id, p.paid_date, p.amount_fen FROM payments p "
                               "JOIN loans l ON l.id = p.loan_id WHERE p.paid_date >= ? "
                               "ORDER BY l.borrower_id, p.paid_date, p.id");
    payments.bind(1, paymentsSince);
    while (payments.step()) {
        Expected& e = expected.at(payments.columnInt(0));
        if (e.promised)
            e.payments.push_back(payments.columnText(1) + " " + payments.columnText(2) + " " + payments.columnText(3) +
                                 " " + payments.columnText(4));
    }

    std::size_t seen = 0;
    std::size_t promised = 0;
    std::size_t rolled = 0;
    storage::ScreeningRepository(db).forEachBorrower(
        monthAgo, paymentsSince, promisesSince, [&](const storage::BorrowerScreeningRow& row) {
            ++seen;
            const Expected& e = expected.at(row.borrowerRowId);
            CHECK(row.district == e.district);
            CHECK(row.officer == e.officer);
            CHECK(row.maxDpd == e.maxDpd);
            CHECK(row.totalOverdue.fen == e.overdue);
            CHECK(row.worstBucket == e.worst);
            CHECK(row.previousWorstBucket == e.previous);
            if (row.previousWorstBucket != row.worstBucket) ++rolled;
            std::vector<std::string> gotContacts;
            for (const auto& c : row.contacts)
                gotContacts.push_back(formatIsoDate(c.date) + " " + std::to_string(c.minuteOfDay) + " " +
                                      std::string(contactChannelName(c.channel)));
            CHECK(gotContacts == e.contacts);
            std::vector<std::string> gotPayments;
            for (const auto& p : row.payments)
                gotPayments.push_back(p.id + " " + p.loanId + " " + formatIsoDate(p.paidOn) + " " +
                                      std::to_string(p.amount.fen));
            CHECK(gotPayments == e.payments);
            if (e.promised) ++promised;
        });
    CHECK(seen == expected.size());
    // The data exercise what is compared.
    CHECK(promised > 0);
    CHECK(rolled > 0);
}

namespace {

struct RecordingObserver final : app::ChangeObserver {
    void changed(const app::Change& change) override { seen.push_back(change); }
    std::vector<app::Change> seen;
};

}  // namespace

TEST_CASE("screen_service: the queue's moves follow its state machine", "[screening_app]")
{
    Branch b;
    auto service = b.service();
    const auto items = b.queue();
    REQUIRE(items.size() >= 2);
    const std::int64_t first = items[0].borrowerRowId;
    const std::int64_t second = items[1].borrowerRowId;

    REQUIRE(service.accept(first));
    // Accepting twice is refused and names the state; nothing more is audited.
    const auto twice = service.accept(first);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == ErrorCode::Conflict);
    CHECK(twice.error().id == "workflow.wrong_state");
    CHECK(b.audit("queue.accept").size() == 1);

    // A dismissed case cannot be accepted until it is returned to the queue.
    REQUIRE(service.dismiss(second, app::DismissReason::ReachedByPhone, ""));
    const auto acceptDismissed = service.accept(second);
    REQUIRE_FALSE(acceptDismissed);
    CHECK(acceptDismissed.error().code == ErrorCode::Conflict);
    CHECK(b.find(second)->state == QueueState::Dismissed);
    REQUIRE(service.reopen(second));
    CHECK(b.find(second)->state == QueueState::Open);
    CHECK(b.find(second)->dismissReason.empty());
    CHECK(b.audit("queue.reopen").size() == 1);
    REQUIRE(service.accept(second));
}

TEST_CASE("screen_service: officers decide their own cases only and may not reopen", "[screening_app]")
{
    Branch b;
    const auto all = b.queue();
    const auto theirs = std::ranges::find_if(all, [](const QueueItem& i) { return i.officer == "ofc2"; });
    const auto mine = std::ranges::find_if(all, [](const QueueItem& i) { return i.officer == "ofc1"; });
    REQUIRE(theirs != all.end());
    REQUIRE(mine != all.end());
    auto officer = b.login("ofc1");
    ScreeningService own(*officer);
    const auto refused = own.accept(theirs->borrowerRowId);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::PermissionDenied);
    CHECK(own.allowedMoves(*mine) == std::vector<QueueMove>{QueueMove::Accept, QueueMove::Dismiss});
    CHECK(own.allowedMoves(*theirs).empty());

    REQUIRE(own.dismiss(mine->borrowerRowId, app::DismissReason::PaidMeanwhile, ""));
    const auto reopen = own.reopen(mine->borrowerRowId);
    REQUIRE_FALSE(reopen);
    CHECK(reopen.error().code == ErrorCode::PermissionDenied);
    CHECK(b.find(mine->borrowerRowId)->state == QueueState::Dismissed);
}

TEST_CASE("screen_service: observers hear of a committed change, never of a refused one", "[screening_app]")
{
    Branch b;
    RecordingObserver observer;
    b.sup->changes().add(&observer);
    auto service = b.service();
    const auto items = b.queue();
    REQUIRE_FALSE(items.empty());
    REQUIRE(service.accept(items[0].borrowerRowId));
    CHECK(observer.seen ==
          std::vector<app::Change>{{app::Change::What::Queue}, {app::Change::What::Case, items[0].borrowerRowId}});
    observer.seen.clear();
    REQUIRE_FALSE(service.accept(items[0].borrowerRowId));
    CHECK(observer.seen.empty());
    // A worker session on its own connection shares the observers.
    auto worker = b.sup->openWorkerSession();
    REQUIRE(worker);
    REQUIRE(ScreeningService(**worker).run(kAsOf));
    CHECK(observer.seen == std::vector<app::Change>{{app::Change::What::Queue}});
    CHECK(b.audit("screening.run").back().actor == "sup");
    b.sup->changes().remove(&observer);
}

TEST_CASE("screen_service: automatic assignment keeps manual assignments unless released, and the last run undoes",
          "[screening_app]")
{
    Branch b({}, 300);
    auto service = b.service();
    const auto all = b.queue();
    REQUIRE(all.size() >= 8);
    const std::int64_t byHand = all[0].borrowerRowId;
    const auto officerOf = [&] {
        std::map<std::int64_t, std::string> of;
        for (const auto& i : b.queue())
            of[i.borrowerRowId] = i.officer;
        return of;
    };

    // A supervisor's manual assignment records who made it; nothing recorded for the others.
    REQUIRE(service.assign({byHand}, "ofc3"));
    auto manual = b.find(byHand);
    CHECK(manual->assignmentOrigin == AssignmentOrigin::Manual);
    CHECK(manual->assignedBy == "sup");
    CHECK_FALSE(b.find(all[1].borrowerRowId)->assignmentOrigin.has_value());

    // Run 1 places the unassigned entries: every change from nobody, the manual one untouched.
    auto first = service.proposeAssignment({"ofc1", "ofc2"}, 1000, false);
    REQUIRE(first);
    CHECK(first->changes.size() == all.size() - 1);
    for (const auto& c : first->changes) {
        CHECK(c.from.empty());
        CHECK(c.caseId != byHand);
    }
    REQUIRE(service.applyAssignment(*first) == static_cast<int>(all.size() - 1));
    const auto afterFirst = officerOf();
    CHECK(afterFirst.at(byHand) == "ofc3");
    const auto run1 = service.lastAssignmentRun();
    REQUIRE(run1);
    REQUIRE(run1->has_value());
    CHECK((*run1)->changes == static_cast<int>(all.size() - 1));
    CHECK_FALSE((*run1)->undone);
    for (const auto& i : b.queue()) {
        if (i.borrowerRowId == byHand) continue;
        CHECK(i.assignmentOrigin == AssignmentOrigin::Automatic);
    }

    // Reassigning everything to ofc1: the manual entry is kept, and is not among the changes...
    auto kept = service.proposeAssignment({"ofc1"}, 1000, true);
    REQUIRE(kept);
    CHECK(std::ranges::find(kept->assignments, byHand, &Assignment::caseId) == kept->assignments.end());
    std::set<std::int64_t> wasOfc2;
    for (const auto& [id, officer] : afterFirst) {
        if (officer == "ofc2") wasOfc2.insert(id);
    }
    REQUIRE_FALSE(wasOfc2.empty());
    std::set<std::int64_t> changed;
    for (const auto& c : kept->changes) {
        CHECK(c.from == "ofc2");
        CHECK(c.to == "ofc1");
        changed.insert(c.caseId);
    }
    CHECK(changed == wasOfc2);  // exactly the entries that change officer are marked
    // ...unless the supervisor ticks it.
    auto released = service.proposeAssignment({"ofc1"}, 1000, true, {byHand});
    REQUIRE(released);
    const auto freed = std::ranges::find(released->changes, byHand, &AssignmentChange::caseId);
    REQUIRE(freed != released->changes.end());
    CHECK(freed->from == "ofc3");
    CHECK(freed->to == "ofc1");

    // A proposal made before the queue changed is refused whole.
    const std::int64_t movedMeanwhile = *wasOfc2.begin();
    REQUIRE(service.assign({movedMeanwhile}, "ofc3"));
    auto stale = service.applyAssignment(*kept);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == ErrorCode::Conflict);
    CHECK(stale.error().id == "assignment.stale");
    CHECK((*service.lastAssignmentRun())->id == (*run1)->id);
    REQUIRE(service.assign({movedMeanwhile}, "ofc2"));  // back as it was, by hand this time
    auto current = officerOf();
    CHECK(current == afterFirst);

    // Run 2 (manual entries kept), then one of its entries is reassigned by hand before the undo.
    kept = service.proposeAssignment({"ofc1"}, 1000, true);
    REQUIRE(kept);
    CHECK(std::ranges::find(kept->changes, movedMeanwhile, &AssignmentChange::caseId) == kept->changes.end());
    const int run2Changes = static_cast<int>(kept->changes.size());
    REQUIRE(run2Changes >= 2);
    REQUIRE(service.applyAssignment(*kept) == run2Changes);
    CHECK(officerOf().at(byHand) == "ofc3");
    const std::int64_t reassignedAfter = kept->changes.back().caseId;
    REQUIRE(service.assign({reassignedAfter}, "ofc3"));

    const auto run2 = *service.lastAssignmentRun();
    REQUIRE(run2.has_value());
    const auto undone = service.undoLastAssignment();
    REQUIRE(undone);
    CHECK(undone->restored == run2Changes - 1);
    CHECK(undone->skipped == 1);
    auto expected = afterFirst;
    expected[reassignedAfter] = "ofc3";
    CHECK(officerOf() == expected);
    // The previous origins come back with the previous officers.
    for (const auto& c : kept->changes) {
        if (c.caseId == reassignedAfter) continue;
        const auto i = b.find(c.caseId);
        CHECK(i->assignmentOrigin == AssignmentOrigin::Automatic);
    }
    CHECK(b.find(reassignedAfter)->assignmentOrigin == AssignmentOrigin::Manual);
    const auto undoEvents = b.audit("queue.auto_assign_undo");
    REQUIRE(undoEvents.size() == 1);
    CHECK(undoEvents[0].recordType == "assignment_run");
    CHECK(undoEvents[0].recordId == std::to_string(run2->id));
    CHECK((*service.lastAssignmentRun())->undone);

    // Only the last run, once.
    const auto again = service.undoLastAssignment();
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::NotFound);
    CHECK(officerOf() == expected);

    // Officers can neither see nor undo runs.
    auto officer = b.login("ofc1");
    CHECK(ScreeningService(*officer).undoLastAssignment().error().code == ErrorCode::PermissionDenied);
    CHECK(ScreeningService(*officer).lastAssignmentRun().error().code == ErrorCode::PermissionDenied);
}

TEST_CASE("screen_service: accepting an unassigned case is a manual assignment to whoever accepts it",
          "[screening_app]")
{
    Branch b({}, 300);
    const auto all = b.queue();
    REQUIRE_FALSE(all.empty());
    REQUIRE(b.service().accept(all[0].borrowerRowId));
    const auto item = b.find(all[0].borrowerRowId);
    CHECK(item->officer == "sup");
    CHECK(item->assignmentOrigin == AssignmentOrigin::Manual);
    CHECK(item->assignedBy == "sup");
    // Unassigning forgets the origin.
    REQUIRE(b.service().assign({all[1].borrowerRowId}, "ofc1"));
    REQUIRE(b.service().assign({all[1].borrowerRowId}, ""));
    CHECK_FALSE(b.find(all[1].borrowerRowId)->assignmentOrigin.has_value());
}
