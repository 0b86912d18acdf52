#include "storage/screening/screening_repository.h"

#include "app/screening/screening_service.h"
#include "support/test_branch.h"

#include <array>
#include <catch2/catch_test_macros.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace doorstep;
using storage::BorrowerScreeningRow;
using storage::QueueEntryRow;
using storage::ScreeningRepository;

namespace {

std::int64_t addBorrower(const storage::Connection& db, const std::string& bankId, const std::string& district)
{
    db.prepare(
          "INSERT INTO borrowers (bank_id, name, id_number, phone, address, district) VALUES (?, ?, '', '', '', ?)")
        .bind(1, bankId)
        .bind(2, "Name " + bankId)
        .bind(3, district)
        .run();
    return db.lastInsertId();
}

std::int64_t addLoan(const storage::Connection& db, std::int64_t borrower, const std::string& bankId,
                     const std::string& officer)
{
    db.prepare("INSERT INTO loans (bank_id, borrower_id, product, principal_fen, rate_micros, start_date, term_months, "
               "method, officer) VALUES (?, ?, 'consumer', 10000000, 43500, '2025-01-15', 36, 'equal_instalment', ?)")
        .bind(1, bankId)
        .bind(2, borrower)
        .bind(3, officer)
        .run();
    return db.lastInsertId();
}

void addStatus(const storage::Connection& db, std::int64_t loan, int dpd, const std::string& bucket,
               std::int64_t overdueFen)
{
    db.prepare("INSERT INTO loan_status (loan_id, as_of, dpd, bucket, risk_class, overdue_principal_fen, "
               "overdue_interest_fen, penalty_fen, compound_fen, total_overdue_fen, outstanding_principal_fen) "
               "VALUES (?, '2026-11-30', ?, ?, 'normal', 0, 0, 0, 0, ?, 0)")
        .bind(1, loan)
        .bind(2, std::int64_t{dpd})
        .bind(3, bucket)
        .bind(4, overdueFen)
        .run();
}

void addHistory(const storage::Connection& db, std::int64_t loan, const std::string& asOf, const std::string& from,
                const std::string& to)
{
    db.prepare("INSERT INTO status_history (loan_id, as_of, from_bucket, to_bucket, from_class, to_class) "
               "VALUES (?, ?, ?, ?, 'normal', 'normal')")
        .bind(1, loan)
        .bind(2, asOf)
        .bind(3, from)
        .bind(4, to)
        .run();
}

void addPayment(const storage::Connection& db, std::int64_t loan, const std::string& bankId, const std::string& date,
                std::int64_t fen)
{
    db.prepare("INSERT INTO payments (bank_id, loan_id, paid_date, amount_fen) VALUES (?, ?, ?, ?)")
        .bind(1, bankId)
        .bind(2, loan)
        .bind(3, date)
        .bind(4, fen)
        .run();
}

void addContact(const storage::Connection& db, std::int64_t borrower, const std::string& date, int minute,
                const std::string& channel, const std::string& reached, const std::string& outcome)
{
    db.prepare("INSERT INTO contact_events (borrower_id, contact_date, minute_of_day, channel, reached, outcome, "
               "source) VALUES (?, ?, ?, ?, ?, ?, 'call_centre')")
        .bind(1, borrower)
        .bind(2, date)
        .bind(3, std::int64_t{minute})
        .bind(4, channel)
        .bind(5, reached)
        .bind(6, outcome)
        .run();
}

std::map<std::int64_t, BorrowerScreeningRow> allBorrowers(const ScreeningRepository& repo,
                                                          std::vector<QueueEntryRow>* notVisited = nullptr,
                                                          const std::string& monthAgo = "2026-10-31",
                                                          const std::string& paymentsSince = "2026-08-02",
                                                          const std::string& promisesSince = "2026-09-01")
{
    std::map<std::int64_t, BorrowerScreeningRow> rows;
    std::int64_t last = 0;
    auto others = repo.forEachBorrower(monthAgo, paymentsSince, promisesSince, [&](const BorrowerScreeningRow& r) {
        CHECK(r.borrowerRowId > last);  // in row-id order, each once
        last = r.borrowerRowId;
        rows.emplace(r.borrowerRowId, r);
    });
    if (notVisited != nullptr) *notVisited = std::move(others);
    return rows;
}

QueueEntryRow entryFor(std::int64_t borrower, const std::string& asOf, int score)
{
    QueueEntryRow e;
    e.borrowerRowId = borrower;
    e.asOf = asOf;
    e.ruleSetVersion = 3;
    e.score = score;
    e.hits = "dpd_at_least,40,30,30,0";
    e.factsFingerprint = "b=M2;dpd>=30";
    e.maxDpd = 40;
    e.totalOverdue = Money{123456};
    e.district = "徐汇区";
    return e;
}

}  // namespace

TEST_CASE("screen_repository: forEachBorrower gathers one customer's facts over all their loans", "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);

    const auto a = addBorrower(db, "C001", "浦东新区");
    const auto a1 = addLoan(db, a, "L001-1", "ofc1");
    const auto a2 = addLoan(db, a, "L001-2", "ofc2");
    addStatus(db, a1, 12, "M1", 50000);
    addStatus(db, a2, 47, "M2", 250000);
    const auto none = addBorrower(db, "C002", "徐汇区");  // no loan: not screened
    const auto c = addBorrower(db, "C003", "静安区");
    addLoan(db, c, "L003-1", "");  // loans without a stored status yet

    db.prepare("INSERT INTO credit_records (borrower_id, report_date, overdue_accounts_elsewhere, worst_dpd_24m, "
               "total_debt_fen, enquiries_6m) VALUES (?, '2026-10-15', 2, 95, 0, 1)")
        .bind(1, a)
        .run();
    repo.setFlags(a, CaseFlags{.dispute = true, .planBeingKept = true});

    addContact(db, a, "2026-11-20", 600, "call", "none", "no_answer");
    addContact(db, a, "2026-11-02", 700, "visit", "borrower", "reached");
    addContact(db, a, "2026-11-20", 540, "sms", "none", "no_answer");
    addContact(db, none, "2026-11-21", 540, "call", "none", "no_answer");
    addContact(db, c, "2026-11-25", 800, "call", "borrower", "refused");
    addContact(db, c, "2026-08-25", 800, "call", "borrower", "promise_to_pay");  // before promisesSince
    addContact(db, a, "2026-11-10", 600, "call", "borrower", "promise_to_pay");

    addPayment(db, a1, "P3", "2026-11-01", 3000);
    addPayment(db, a2, "P1", "2026-09-15", 1000);
    addPayment(db, a1, "P0", "2026-05-01", 9999);  // before paymentsSince
    addPayment(db, a2, "P2", "2026-10-15", 2000);
    const auto c1 = addLoan(db, c, "L003-2", "");
    addPayment(db, c1, "P4", "2026-11-15", 2000);  // c made no promise since promisesSince: not read

    const auto rows = allBorrowers(repo);
    REQUIRE(rows.size() == 2);
    CHECK_FALSE(rows.contains(none));

    const auto& ra = rows.at(a);
    CHECK(ra.district == "浦东新区");
    CHECK(ra.officer == "ofc2");  // the officer of the worst loan
    CHECK(ra.maxDpd == 47);
    CHECK(ra.totalOverdue == Money{300000});
    CHECK(ra.worstBucket == "M2");
    CHECK(ra.previousWorstBucket == "M2");  // no change recorded: as now
    CHECK(ra.overdueElsewhere == 2);
    CHECK(ra.worstDpd24Months == 95);
    CHECK_FALSE(ra.litigation);
    CHECK(ra.dispute);
    CHECK_FALSE(ra.deceased);
    CHECK(ra.planKept);
    REQUIRE(ra.contacts.size() == 4);
    CHECK(ra.contacts[0].date == Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{2}});
    CHECK(ra.contacts[0].channel == ContactChannel::Visit);
    CHECK(ra.contacts[0].reached == ContactParty::Borrower);
    CHECK(ra.contacts[0].outcome == ContactOutcome::Reached);
    CHECK(ra.contacts[1].outcome == ContactOutcome::PromiseToPay);
    CHECK(ra.contacts[2].channel == ContactChannel::Sms);  // 09:00 before 10:00 on the same day
    CHECK(ra.contacts[3].channel == ContactChannel::Call);
    CHECK(ra.contacts[3].source == "call_centre");
    REQUIRE(ra.payments.size() == 3);
    CHECK(ra.payments[0].id == "P1");
    CHECK(ra.payments[0].loanId == "L001-2");
    CHECK(ra.payments[0].amount == Money{1000});
    CHECK(ra.payments[1].id == "P2");
    CHECK(ra.payments[2].id == "P3");
    CHECK(ra.payments[2].loanId == "L001-1");

    const auto& rc = rows.at(c);
    CHECK(rc.maxDpd == 0);
    CHECK(rc.totalOverdue == Money{0});
    CHECK(rc.worstBucket == "M0");
    CHECK(rc.officer.empty());
    CHECK(rc.overdueElsewhere == 0);
    CHECK_FALSE(rc.dispute);
    REQUIRE(rc.contacts.size() == 2);
    CHECK(rc.contacts[0].outcome == ContactOutcome::PromiseToPay);
    CHECK(rc.contacts[1].outcome == ContactOutcome::Refused);
    CHECK(rc.payments.empty());
    CHECK_FALSE(ra.queueEntry);
}

TEST_CASE("screen_repository: contacts on the same minute come in the order they were recorded", "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);
    const auto a = addBorrower(db, "C001", "浦东新区");
    addLoan(db, a, "L001-1", "");
    // Recorded visit, sms, call, all at 10:00, with a call at 09:00 recorded last.
    addContact(db, a, "2026-11-20", 600, "visit", "borrower", "reached");
    addContact(db, a, "2026-11-20", 600, "sms", "none", "no_answer");
    addContact(db, a, "2026-11-20", 600, "call", "none", "no_answer");
    addContact(db, a, "2026-11-20", 540, "call", "borrower", "refused");
    const auto rows = allBorrowers(repo);
    const auto& contacts = rows.at(a).contacts;
    REQUIRE(contacts.size() == 4);
    CHECK(contacts[0].minuteOfDay == 540);
    CHECK(contacts[1].channel == ContactChannel::Visit);
    CHECK(contacts[2].channel == ContactChannel::Sms);
    CHECK(contacts[3].channel == ContactChannel::Call);
}

TEST_CASE("screen_repository: the walk hands over each stored queue entry and returns those it did not visit",
          "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);
    const auto noLoanFirst = addBorrower(db, "C000", "徐汇区");
    const auto a = addBorrower(db, "C001", "浦东新区");
    addLoan(db, a, "L001-1", "");
    const auto b = addBorrower(db, "C002", "徐汇区");
    addLoan(db, b, "L002-1", "");
    const auto noLoanLast = addBorrower(db, "C003", "静安区");
    QueueEntryRow stored = entryFor(b, "2026-11-30", 55);
    stored.state = QueueState::Dismissed;
    stored.dismissNote = "说明";
    repo.saveEntry(stored);
    repo.saveEntry(entryFor(noLoanFirst, "2026-11-30", 20));
    repo.saveEntry(entryFor(noLoanLast, "2026-11-30", 30));

    std::vector<QueueEntryRow> notVisited;
    const auto rows = allBorrowers(repo, &notVisited);
    REQUIRE(rows.size() == 2);
    CHECK_FALSE(rows.at(a).queueEntry);
    const auto& eb = rows.at(b).queueEntry;
    REQUIRE(eb);
    CHECK(eb->borrowerRowId == b);
    CHECK(eb->score == 55);
    CHECK(eb->state == QueueState::Dismissed);
    CHECK(eb->dismissNote == "说明");
    CHECK(eb->hits == stored.hits);
    REQUIRE(notVisited.size() == 2);
    CHECK(notVisited[0].borrowerRowId == noLoanFirst);
    CHECK(notVisited[1].borrowerRowId == noLoanLast);
    CHECK(notVisited[1].score == 30);
}

TEST_CASE("screen_repository: the previous worst bucket is the worst of each loan's bucket a month ago",
          "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);

    // A: one loan sat in M3 all month, the other rolled M0 → M1: the customer's worst bucket did not move.
    const auto a = addBorrower(db, "C001", "浦东新区");
    const auto a1 = addLoan(db, a, "L001-1", "");
    const auto a2 = addLoan(db, a, "L001-2", "");
    addStatus(db, a1, 95, "M4", 900000);
    addStatus(db, a2, 10, "M1", 1000);
    addHistory(db, a1, "2026-09-20", "M3", "M4");  // older than a month: not counted
    addHistory(db, a2, "2026-11-20", "M0", "M1");
    // B: a single loan rolled twice within the month, M1 → M2 → M3: it was in M1 a month ago.
    const auto b = addBorrower(db, "C002", "徐汇区");
    const auto b1 = addLoan(db, b, "L002-1", "");
    addStatus(db, b1, 65, "M3", 500000);
    addHistory(db, b1, "2026-10-01", "M0", "M1");
    addHistory(db, b1, "2026-11-10", "M1", "M2");
    addHistory(db, b1, "2026-11-25", "M2", "M3");
    // C: a loan that improved M2 → M0 this month; its other loan is in M1.
    const auto c = addBorrower(db, "C003", "静安区");
    const auto c1 = addLoan(db, c, "L003-1", "");
    const auto c2 = addLoan(db, c, "L003-2", "");
    addStatus(db, c1, 0, "M0", 0);
    addStatus(db, c2, 5, "M1", 500);
    addHistory(db, c1, "2026-11-05", "M2", "M0");

    const auto rows = allBorrowers(repo);
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(a).worstBucket == "M4");
    CHECK(rows.at(a).previousWorstBucket == "M4");
    CHECK(rows.at(b).worstBucket == "M3");
    CHECK(rows.at(b).previousWorstBucket == "M1");
    CHECK(rows.at(c).worstBucket == "M1");
    CHECK(rows.at(c).previousWorstBucket == "M2");

    // Screening reads it: only B's worst bucket rolled (by two buckets).
    const auto summary =
        app::screenInTransaction(db, Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}});
    CHECK(summary.borrowers == 3);
    const auto worsened = [&](std::int64_t id) {
        const auto e = repo.entry(id);
        return e && e->hits.find("bucket_worsened") != std::string::npos;
    };
    CHECK_FALSE(worsened(a));
    CHECK(worsened(b));
    const auto eb = repo.entry(b);
    REQUIRE(eb);
    CHECK(eb->hits.find("bucket_worsened,2,1,") != std::string::npos);
}

TEST_CASE("screen_repository: queue entries round-trip and survive runs by state", "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);
    const auto a = addBorrower(db, "C001", "浦东新区");
    const auto b = addBorrower(db, "C002", "徐汇区");
    const auto c = addBorrower(db, "C003", "静安区");
    const auto d = addBorrower(db, "C004", "静安区");

    CHECK_FALSE(repo.entry(a));
    QueueEntryRow full = entryFor(a, "2026-11-30", 55);
    full.state = QueueState::Dismissed;
    full.officer = "ofc1";
    full.decidedBy = "ofc1";
    full.decidedAt = "2026-11-29T05:04:32Z";
    full.dismissReason = "other";
    full.dismissNote = "说明";
    full.dismissedFingerprint = "b=M1";
    repo.saveEntry(full);
    auto read = repo.entry(a);
    REQUIRE(read);
    CHECK(read->borrowerRowId == a);
    CHECK(read->asOf == "2026-11-30");
    CHECK(read->ruleSetVersion == 3);
    CHECK(read->score == 55);
    CHECK(read->hits == full.hits);
    CHECK(read->factsFingerprint == full.factsFingerprint);
    CHECK(read->maxDpd == 40);
    CHECK(read->totalOverdue == Money{123456});
    CHECK(read->district == "徐汇区");
    CHECK(read->state == QueueState::Dismissed);
    CHECK(read->officer == "ofc1");
    CHECK(read->decidedBy == "ofc1");
    CHECK(read->decidedAt == "2026-11-29T05:04:32Z");
    CHECK(read->dismissReason == "other");
    CHECK(read->dismissNote == "说明");
    CHECK(read->dismissedFingerprint == "b=M1");
    CHECK(read->borrowerName == "Name C001");
    CHECK(read->borrowerBankId == "C001");

    // Saving again updates in place.
    full.score = 60;
    full.state = QueueState::Open;
    repo.saveEntry(full);
    read = repo.entry(a);
    REQUIRE(read);
    CHECK(read->score == 60);
    CHECK(read->state == QueueState::Open);

    // decide() keeps the fingerprint a dismissal is judged against.
    repo.decide(a, QueueState::Dismissed, "sup", "2026-11-29T06:00:00Z", "paid", "");
    read = repo.entry(a);
    REQUIRE(read);
    CHECK(read->state == QueueState::Dismissed);
    CHECK(read->dismissedFingerprint == full.factsFingerprint);
    CHECK(read->dismissReason == "paid");

    repo.saveEntry(entryFor(b, "2026-11-30", 40));
    QueueEntryRow accepted = entryFor(c, "2026-11-30", 30);
    accepted.officer = "ofc2";
    repo.saveEntry(accepted);
    repo.decide(c, QueueState::Accepted, "ofc2", "2026-11-29T06:00:00Z", "", "");
    CHECK(repo.entry(c)->dismissedFingerprint.empty());
    repo.saveEntry(entryFor(d, "2026-12-31", 90));  // the new run's entry

    CHECK(repo.queue("", false).size() == 3);
    CHECK(repo.queue("", true).size() == 4);
    const auto ofc2 = repo.queue("ofc2", true);
    REQUIRE(ofc2.size() == 1);
    CHECK(ofc2[0].borrowerRowId == c);
    const auto ordered = repo.queue("", true);
    REQUIRE(ordered.size() == 4);
    CHECK(ordered[0].borrowerRowId == d);  // 90
    CHECK(ordered[1].borrowerRowId == a);  // 60
    CHECK(ordered[2].borrowerRowId == b);  // 40
    CHECK(ordered[3].borrowerRowId == c);  // 30

    // One run's writes through one writer: saves and removals.
    QueueEntryRow dNew = entryFor(d, "2026-12-31", 95);
    QueueEntryRow cNew = *repo.entry(c);
    cNew.asOf = "2026-12-31";
    storage::QueueWriter writer(db);
    writer.save(dNew);
    writer.save(cNew);
    writer.remove(a);
    writer.remove(b);
    writer.remove(b);  // already gone: nothing happens
    CHECK_FALSE(repo.entry(a));
    CHECK_FALSE(repo.entry(b));
    REQUIRE(repo.entry(c));
    CHECK(repo.entry(c)->state == QueueState::Accepted);
    CHECK(repo.entry(c)->asOf == "2026-12-31");
    REQUIRE(repo.entry(d));
    CHECK(repo.entry(d)->score == 95);

    repo.assign(d, "ofc1");
    CHECK(repo.entry(d)->officer == "ofc1");
    CHECK(repo.flags(d) == CaseFlags{});
    repo.setFlags(d, CaseFlags{.litigation = true, .deceased = true});
    CHECK(repo.flags(d) == CaseFlags{.litigation = true, .deceased = true});
    repo.setFlags(d, CaseFlags{.deceased = true});
    CHECK(repo.flags(d) == CaseFlags{.deceased = true});
}

TEST_CASE("screen_repository: rule sets are numbered 1, 2, 3", "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);
    CHECK_FALSE(repo.latestRuleSet());
    CHECK(repo.addRuleSet("one", "sup", "2026-11-29T05:04:32Z") == 1);
    CHECK(repo.addRuleSet("two", "sup", "2026-11-29T05:05:32Z") == 2);
    const auto latest = repo.latestRuleSet();
    REQUIRE(latest);
    CHECK(latest->first == 2);
    CHECK(latest->second == "two");
    CHECK(repo.ruleSet(1) == "one");
    CHECK_FALSE(repo.ruleSet(3));
}

TEST_CASE("screen_repository: the officer is that of the first loan with the worst DPD", "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);
    // A: two loans on the same worst DPD: the earlier loan's officer.
    const auto a = addBorrower(db, "C001", "浦东新区");
    const auto a1 = addLoan(db, a, "L001-1", "ofc1");
    const auto a2 = addLoan(db, a, "L001-2", "ofc2");
    const auto a3 = addLoan(db, a, "L001-3", "ofc3");
    addStatus(db, a1, 5, "M1", 100);
    addStatus(db, a2, 40, "M2", 200);
    addStatus(db, a3, 40, "M2", 300);
    // B: no stored status (DPD 0) ties with a current loan: the earlier loan's officer; the later worse one wins.
    const auto b = addBorrower(db, "C002", "徐汇区");
    addLoan(db, b, "L002-1", "ofc2");
    const auto b2 = addLoan(db, b, "L002-2", "ofc1");
    addStatus(db, b2, 0, "M0", 0);
    const auto c = addBorrower(db, "C003", "静安区");
    const auto c1 = addLoan(db, c, "L003-1", "ofc1");
    const auto c2 = addLoan(db, c, "L003-2", "ofc3");
    addStatus(db, c1, 3, "M1", 10);
    addStatus(db, c2, 4, "M1", 10);

    const auto rows = allBorrowers(repo);
    CHECK(rows.at(a).officer == "ofc2");
    CHECK(rows.at(a).maxDpd == 40);
    CHECK(rows.at(a).totalOverdue == Money{600});
    CHECK(rows.at(b).officer == "ofc2");
    CHECK(rows.at(b).worstBucket == "M0");
    CHECK(rows.at(c).officer == "ofc3");
}

TEST_CASE("screen_repository: the visitor may write the queue while the walk reads it in batches", "[screening_app]")
{
    test::TempDir dir;
    auto db = test::migratedDatabase(dir / "r.db");
    ScreeningRepository repo(db);
    // 3,000 customers (more than two batches of stored entries); every 7th has no loan. Every other one has an
    // entry, so that the batches end at different places than the customers.
    constexpr int kCustomers = 3000;
    std::vector<std::int64_t> ids;
    std::set<std::int64_t> withLoan;
    std::map<std::int64_t, int> stored;  // borrower → score
    {
        storage::Transaction tx(db);
        for (int i = 0; i < kCustomers; ++i) {
            const auto id = addBorrower(db, "C" + std::to_string(i), "静安区");
            ids.push_back(id);
            if (i % 7 != 3) {
                addLoan(db, id, "L" + std::to_string(i), "");
                withLoan.insert(id);
            }
            if (i % 2 == 0) {
                repo.saveEntry(entryFor(id, "2026-11-30", i % 100));
                stored[id] = i % 100;
            }
        }
        tx.commit();
    }

    // The visitor rewrites every stored entry with a new score, removes every third one, and adds one for
    // each customer without, as the import's screening would.
    storage::QueueWriter writer(db);
    std::map<std::int64_t, int> visited;
    std::vector<QueueEntryRow> notVisited;
    std::map<std::int64_t, int> expected;
    notVisited = repo.forEachBorrower("2026-10-31", "2026-08-02", "2026-09-01", [&](const BorrowerScreeningRow& r) {
        ++visited[r.borrowerRowId];
        const auto it = stored.find(r.borrowerRowId);
        REQUIRE(static_cast<bool>(r.queueEntry) == (it != stored.end()));
        if (r.queueEntry) {
            CHECK(r.queueEntry->score == it->second);
            CHECK(r.queueEntry->asOf == "2026-11-30");
            if (r.borrowerRowId % 3 == 0) {
                writer.remove(r.borrowerRowId);
                return;
            }
        }
        writer.save(entryFor(r.borrowerRowId, "2026-12-31", 500));
        expected[r.borrowerRowId] = 500;
    });
    CHECK(visited.size() == withLoan.size());
    for (const auto& [id, times] : visited) {
        CHECK(times == 1);
        CHECK(withLoan.contains(id));
    }
    std::set<std::int64_t> notVisitedIds;
    for (const auto& e : notVisited) {
        CHECK_FALSE(withLoan.contains(e.borrowerRowId));
        CHECK(e.asOf == "2026-11-30");
        notVisitedIds.insert(e.borrowerRowId);
        expected[e.borrowerRowId] = e.score;  // left as they were
    }
    for (const auto& [id, score] : stored) {
        if (!withLoan.contains(id)) CHECK(notVisitedIds.contains(id));
    }
    std::map<std::int64_t, int> actual;
    for (const auto& e : repo.queue("", true))
        actual[e.borrowerRowId] = e.score;
    CHECK(actual == expected);
}
