#include "app/portfolio/delinquency_service.h"

#include "app/portfolio/portfolio_import.h"
#include "io/demo/synthetic_extract.h"
#include "storage/database/settings_repository.h"
#include "storage/portfolio/loan_status_repository.h"
#include "storage/portfolio/portfolio_writer.h"
#include "support/db_query.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace doorstep;
using app::RecomputeSummary;
using Texts = std::vector<std::string>;

namespace {

Date day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Two loans of one borrower, written as an import would. L1's first instalment is paid, the second
// (2026-10-10) and third (2026-11-10) are not: 26 DPD (M1) on 2026-11-05, 36 (M2) on 2026-11-15.
// L2 falls due only in 2027: current on every date the tests use.
void writePortfolio(const storage::Connection& db)
{
    storage::Transaction tx(db);
    storage::PortfolioWriter w(db);
    w.borrower(Borrower{"C001",
                        "王秀英",
                        "110101199003071233",
                        {"13812345678"},
                        "张杨路1500号",
                        "浦东新区",
                        std::nullopt,
                        "",
                        Money{},
                        Money{}});
    w.loan(Loan{"L1", "C001", Product::Consumer, Money{3'000'000}, AnnualRate{43'500}, day(2026, 8, 10), 3,
                RepaymentMethod::EqualPrincipal, "officer1"});
    w.loan(Loan{"L2", "C001", Product::CreditCard, Money{500'000}, AnnualRate{180'000}, day(2026, 11, 1), 2,
                RepaymentMethod::InterestOnlyBullet, "officer1"});
    w.instalment(Instalment{"L1", 1, day(2026, 9, 10), Money{1'000'000}, Money{10'875}});
    w.instalment(Instalment{"L1", 2, day(2026, 10, 10), Money{1'000'000}, Money{7'250}});
    w.instalment(Instalment{"L1", 3, day(2026, 11, 10), Money{1'000'000}, Money{3'625}});
    w.instalment(Instalment{"L2", 1, day(2027, 1, 1), Money{}, Money{15'000}});
    w.instalment(Instalment{"L2", 2, day(2027, 2, 1), Money{500'000}, Money{7'500}});
    w.payment(Payment{"P1", "L1", day(2026, 9, 10), Money{1'010'875}});
    w.finish();
    tx.commit();
}

std::string statusOf(const storage::Connection& db, const char* loan)
{
    auto s = db.prepare("SELECT as_of || '|' || dpd || '|' || bucket || '|' || risk_class FROM loan_status st "
                        "JOIN loans l ON l.id = st.loan_id WHERE l.bank_id = ?");
    s.bind(1, loan);
    REQUIRE(s.step());
    return s.columnText(0);
}

std::int64_t penaltyOf(const storage::Connection& db, const char* loan)
{
    auto s = db.prepare("SELECT penalty_fen FROM loan_status st JOIN loans l ON l.id = st.loan_id "
                        "WHERE l.bank_id = ?");
    s.bind(1, loan);
    REQUIRE(s.step());
    return s.columnInt(0);
}

std::string history(const storage::Connection& db)
{
    std::string out;
    for (const auto& line :
         test::queryTexts(db, "SELECT l.bank_id || '|' || h.as_of || '|' || from_bucket || '>' || to_bucket "
                              "|| '|' || from_class || '>' || to_class FROM status_history h "
                              "JOIN loans l ON l.id = h.loan_id ORDER BY h.id"))
        out += line + "\n";
    return out;
}

std::int64_t auditCount(const storage::Connection& db, const std::string& action)
{
    auto s = db.prepare("SELECT count(*) FROM audit_event WHERE action = ?");
    s.bind(1, action);
    REQUIRE(s.step());
    return s.columnInt(0);
}

struct Fixture {
    test::TestBranch branch;
    std::unique_ptr<app::Session> admin = branch.loginAdmin();
    const storage::Connection& db() { return admin->database().connection(); }
    Fixture() { writePortfolio(db()); }

    RecomputeSummary recompute(Date asOf)
    {
        auto r = app::recompute(*admin, asOf);
        REQUIRE(r);
        return *r;
    }
};

DelinquencySettings customSettings()
{
    DelinquencySettings s;
    s.penaltyMarkupPercent = 30;
    s.allocationOrder = {Component::Principal, Component::Interest, Component::Compound, Component::Penalty};
    s.buckets.lastDay = {15, 45, 75, 105, 135, 165};
    s.classes.loan = {0, 60, 180, 360};
    s.classes.creditCard = {5, 90, 120, 150};
    return s;
}

}  // namespace

TEST_CASE("with nothing stored the settings are the domain's defaults", "[delinquency_service]")
{
    Fixture f;
    CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
    CHECK(app::loadDelinquencySettings(f.db()).penaltyMarkupPercent == 50);
}

TEST_CASE("saved settings read back the same, and the change is audited", "[delinquency_service]")
{
    Fixture f;
    REQUIRE(app::saveDelinquencySettings(*f.admin, customSettings()));
    CHECK(app::loadDelinquencySettings(f.db()) == customSettings());
    CHECK(auditCount(f.db(), "settings.delinquency") == 1);
    // Stored as plain text a person can read.
    const storage::SettingsRepository repo(f.db());
    CHECK(repo.get("delinquency.penalty_markup_percent") == "30");
    CHECK(repo.get("delinquency.allocation_order") == "principal,interest,compound,penalty");
    CHECK(repo.get("delinquency.bucket_last_days") == "15,45,75,105,135,165");
    CHECK(repo.get("delinquency.class_over_days.loan") == "0,60,180,360");
    CHECK(repo.get("delinquency.class_over_days.credit_card") == "5,90,120,150");

    REQUIRE(app::saveDelinquencySettings(*f.admin, DelinquencySettings{}));
    CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
}

TEST_CASE("only an administrator saves settings, and only valid ones", "[delinquency_service]")
{
    Fixture f;
    f.branch.addUser("chief", Role::Supervisor, "review-pass-2026");
    {
        auto chief = f.branch.login("chief", "review-pass-2026");
        const auto refused = app::saveDelinquencySettings(*chief, customSettings());
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::PermissionDenied);
    }
    DelinquencySettings tooHigh;
    tooHigh.penaltyMarkupPercent = 101;
    DelinquencySettings notIncreasing;
    notIncreasing.buckets.lastDay = {30, 20, 90, 120, 150, 180};
    DelinquencySettings lossBeforeDoubtful;
    lossBeforeDoubtful.classes.creditCard = {0, 90, 180, 120};
    for (const auto& bad : {tooHigh, notIncreasing, lossBeforeDoubtful}) {
        const auto refused = app::saveDelinquencySettings(*f.admin, bad);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::InvalidInput);
    }
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM settings WHERE key LIKE 'delinquency.%'") == 0);
    CHECK(auditCount(f.db(), "settings.delinquency") == 0);
}

TEST_CASE("stored settings that make no sense fall back to the defaults", "[delinquency_service]")
{
    Fixture f;
    storage::SettingsRepository repo(f.db());
    SECTION("a markup out of range discards everything stored")
    {
        repo.set("delinquency.penalty_markup_percent", "250");
        repo.set("delinquency.allocation_order", "principal,interest,compound,penalty");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
    }
    SECTION("a value that is not a number, or a broken list, keeps that setting's default")
    {
        repo.set("delinquency.penalty_markup_percent", "forty");
        repo.set("delinquency.allocation_order", "penalty,penalty,interest,principal");
        repo.set("delinquency.bucket_last_days", "30,60,90");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
        repo.set("delinquency.bucket_last_days", "60,30,90,120,150,180");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
        repo.set("delinquency.bucket_last_days", "30,60,x,120,150,180");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
        repo.set("delinquency.penalty_markup_percent", "40 ");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
        repo.set("delinquency.bucket_last_days", "30,60,90,120,150,180,210");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
        repo.set("delinquency.class_over_days.loan", "0,90,270");
        repo.set("delinquency.class_over_days.credit_card", "0,120,90,180");
        CHECK(app::loadDelinquencySettings(f.db()) == DelinquencySettings{});
    }
    SECTION("the good ones are kept beside a bad one")
    {
        repo.set("delinquency.penalty_markup_percent", "35");
        repo.set("delinquency.bucket_last_days", "30,60");
        repo.set("delinquency.class_over_days.credit_card", "0,60,120,180");
        DelinquencySettings expected;
        expected.penaltyMarkupPercent = 35;
        expected.classes.creditCard.substandardOver = 60;
        CHECK(app::loadDelinquencySettings(f.db()) == expected);
    }
}

TEST_CASE("recompute stores every loan's state as of the date", "[delinquency_service]")
{
    Fixture f;
    const RecomputeSummary s = f.recompute(day(2026, 11, 5));
    CHECK(s.loans == 2);
    CHECK(s.changed == 2);
    CHECK(s.overdue == 1);
    CHECK(s.bucketChanges == 0);
    CHECK(statusOf(f.db(), "L1") == "2026-11-05|26|M1|special_mention");
    CHECK(statusOf(f.db(), "L2") == "2026-11-05|0|M0|normal");
    CHECK(test::queryTexts(f.db(), "SELECT record_id FROM audit_event WHERE action = 'portfolio.recompute'") ==
          Texts{"2026-11-05"});
}

TEST_CASE("a later date records the roll M1 to M2; the same date again writes no history", "[delinquency_service]")
{
    Fixture f;
    f.recompute(day(2026, 11, 5));
    const RecomputeSummary later = f.recompute(day(2026, 11, 15));
    CHECK(later.loans == 2);
    CHECK(later.changed == 2);  // L2 only moved its date
    CHECK(later.bucketChanges == 1);
    CHECK(statusOf(f.db(), "L1") == "2026-11-15|36|M2|special_mention");
    CHECK(history(f.db()) == "L1|2026-11-15|M1>M2|special_mention>special_mention\n");

    const RecomputeSummary again = f.recompute(day(2026, 11, 15));
    CHECK(again.changed == 0);
    CHECK(again.bucketChanges == 0);  // none written by this run
    CHECK(history(f.db()) == "L1|2026-11-15|M1>M2|special_mention>special_mention\n");

    // Far later, past 90 days: a bucket and a class change in one row; L2's first instalment is overdue too.
    const RecomputeSummary far = f.recompute(day(2027, 1, 20));
    CHECK(far.bucketChanges == 2);
    CHECK(statusOf(f.db(), "L1") == "2027-01-20|102|M4|substandard");
    CHECK(history(f.db()) == "L1|2026-11-15|M1>M2|special_mention>special_mention\n"
                             "L1|2027-01-20|M2>M4|special_mention>substandard\n"
                             "L2|2027-01-20|M0>M1|normal>special_mention\n");
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM status_history WHERE as_of = '2027-01-20'") == 2);
}

TEST_CASE("a changed penalty markup changes the recomputed penalty", "[delinquency_service]")
{
    Fixture f;
    f.recompute(day(2026, 11, 30));
    const std::int64_t at50 = penaltyOf(f.db(), "L1");
    CHECK(at50 > 0);

    DelinquencySettings settings;
    settings.penaltyMarkupPercent = 30;
    REQUIRE(app::saveDelinquencySettings(*f.admin, settings));
    const RecomputeSummary s = f.recompute(day(2026, 11, 30));
    CHECK(s.changed == 1);  // L1 only: L2 owes nothing overdue
    const std::int64_t at30 = penaltyOf(f.db(), "L1");
    CHECK(at30 > 0);
    CHECK(at30 < at50);
    // Penalty accrues at the contract rate × (1 + markup): the two stand about as 1.3 to 1.5.
    CHECK(std::abs(at30 * 150 - at50 * 130) <= 300);  // each of two instalments rounds to a fen
    CHECK(history(f.db()).empty());                   // amounts changed, the bucket did not

    // The stored figure is the domain engine's under the stored settings.
    storage::LoanStatusRepository(f.db()).forEachLoan(
        [&](std::int64_t, const Loan& loan, std::span<const Instalment> schedule, std::span<const Payment> paid) {
            if (loan.id != "L1") return;
            CHECK(assessLoanSummary(loan, schedule, paid, day(2026, 11, 30), settings).penaltyUnpaid().fen == at30);
        });
}

TEST_CASE("custom bucket boundaries decide the stored bucket", "[delinquency_service]")
{
    Fixture f;
    REQUIRE(app::saveDelinquencySettings(*f.admin, customSettings()));  // M1 ends at 15 days
    f.recompute(day(2026, 11, 5));
    CHECK(statusOf(f.db(), "L1") == "2026-11-05|26|M2|special_mention");
}

TEST_CASE("stored class thresholds decide the stored class", "[delinquency_service]")
{
    Fixture f;
    f.recompute(day(2026, 12, 5));
    CHECK(statusOf(f.db(), "L1") == "2026-12-05|56|M2|special_mention");
    DelinquencySettings settings;
    settings.classes.loan.substandardOver = 50;  // the credit-card profile does not apply to this loan
    settings.classes.creditCard.substandardOver = 10;
    REQUIRE(app::saveDelinquencySettings(*f.admin, settings));
    f.recompute(day(2026, 12, 5));
    CHECK(statusOf(f.db(), "L1") == "2026-12-05|56|M2|substandard");
    settings.classes.loan.substandardOver = 56;  // "over 56 days": 56 is not over
    REQUIRE(app::saveDelinquencySettings(*f.admin, settings));
    f.recompute(day(2026, 12, 5));
    CHECK(statusOf(f.db(), "L1") == "2026-12-05|56|M2|special_mention");
}

TEST_CASE("recompute needs a supervisor or administrator", "[delinquency_service]")
{
    Fixture f;
    f.branch.addUser("li.wei", Role::Officer, "officer-pass-2026");
    auto officer = f.branch.login("li.wei", "officer-pass-2026");
    const auto refused = app::recompute(*officer, day(2026, 11, 5));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::PermissionDenied);
    const auto cases = app::forEachCase(*officer, day(2026, 11, 5), [](const app::CaseRow&) {});
    REQUIRE_FALSE(cases);
    CHECK(cases.error().code == ErrorCode::PermissionDenied);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM loan_status") == 0);

    // docs/security.md: administrators see no cases at all, though they may recompute (issue 9, item 12).
    const auto asAdmin = app::forEachCase(*f.admin, day(2026, 11, 5), [](const app::CaseRow&) {});
    REQUIRE_FALSE(asAdmin);
    CHECK(asAdmin.error().code == ErrorCode::PermissionDenied);

    f.branch.addUser("chief", Role::Supervisor, "review-pass-2026");
    auto chief = f.branch.login("chief", "review-pass-2026");
    REQUIRE(app::recompute(*chief, day(2026, 11, 5)));
    CHECK(app::forEachCase(*chief, day(2026, 11, 5), [](const app::CaseRow&) {}));
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM loan_status") == 2);
}

TEST_CASE("a cancelled recompute changes nothing", "[delinquency_service]")
{
    test::TestBranch branch;
    auto admin = branch.loginAdmin();
    test::TempDir files;
    io::SyntheticOptions options;
    options.loans = 1'100;  // progress is reported every 1,000 loans
    options.seed = 9;
    REQUIRE(io::writeSyntheticExtract(files / "x", options));
    const auto imported = app::importExtract(*admin, files / "x", {});
    REQUIRE(imported);
    REQUIRE(imported->imported);
    const auto& db = admin->database().connection();
    const std::string before =
        test::queryTexts(db, "SELECT group_concat(loan_id || as_of || dpd || total_overdue_fen, ';') "
                             "FROM loan_status")
            .at(0);
    const std::int64_t audits = test::queryInt(db, "SELECT count(*) FROM audit_event");

    std::vector<std::int64_t> calls;
    const auto cancelled = app::recompute(*admin, day(2027, 3, 31), [&](std::int64_t done) {
        calls.push_back(done);
        return false;
    });
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().code == ErrorCode::Conflict);
    CHECK(calls == std::vector<std::int64_t>{1000});
    CHECK(
        test::queryTexts(db, "SELECT group_concat(loan_id || as_of || dpd || total_overdue_fen, ';') FROM loan_status")
            .at(0) == before);
    CHECK(test::queryInt(db, "SELECT count(*) FROM status_history") == 0);
    CHECK(test::queryInt(db, "SELECT count(*) FROM audit_event") == audits);

    // Let through, the same recompute finishes and reports each thousand.
    calls.clear();
    const auto done = app::recompute(*admin, day(2027, 3, 31), [&](std::int64_t n) {
        calls.push_back(n);
        return true;
    });
    REQUIRE(done);
    CHECK(done->loans == 1'100);
    CHECK(calls == std::vector<std::int64_t>{1000});
    CHECK(test::queryInt(db, "SELECT count(*) FROM loan_status WHERE as_of = '2027-03-31'") == 1'100);
}

TEST_CASE("forEachCase yields one row per loan, matching the stored state of the same date", "[delinquency_service]")
{
    test::TestBranch branch;
    auto admin = branch.loginAdmin();
    branch.addUser("chief", Role::Supervisor, "review-pass-2026");
    auto chief = branch.login("chief", "review-pass-2026");  // the cases are a supervisor's view
    test::TempDir files;
    io::SyntheticOptions options;
    options.loans = 120;
    options.seed = 17;
    REQUIRE(io::writeSyntheticExtract(files / "x", options));
    REQUIRE(app::importExtract(*admin, files / "x", {}));
    const auto& db = admin->database().connection();
    const Date asOf = day(2026, 11, 30);
    REQUIRE(app::recompute(*admin, asOf));

    std::map<std::string, std::string> stored;
    auto s = db.prepare("SELECT l.bank_id, b.bank_id || '|' || l.product || '|' || dpd || '|' || bucket || '|' || "
                        "risk_class || '|' || overdue_principal_fen || '|' || overdue_interest_fen || '|' || "
                        "penalty_fen || '|' || compound_fen || '|' || total_overdue_fen || '|' || "
                        "outstanding_principal_fen FROM loan_status st JOIN loans l ON l.id = st.loan_id "
                        "JOIN borrowers b ON b.id = l.borrower_id");
    while (s.step())
        stored[s.columnText(0)] = s.columnText(1);
    REQUIRE(stored.size() == 120);

    const std::int64_t history = test::queryInt(db, "SELECT count(*) FROM status_history");
    const std::int64_t exports = auditCount(db, "portfolio.export_cases");
    std::map<std::string, std::string> emitted;
    const auto count = app::forEachCase(*chief, asOf, [&](const app::CaseRow& r) {
        const auto& d = r.delinquency;
        const std::string line =
            r.borrowerId + "|" + std::string(productName(r.product)) + "|" + std::to_string(d.dpd) + "|" +
            std::string(bucketName(d.bucket)) + "|" + std::string(riskClassName(d.riskClass)) + "|" +
            std::to_string(d.overduePrincipal.fen) + "|" + std::to_string(d.overdueInterest.fen) + "|" +
            std::to_string(d.penaltyUnpaid().fen) + "|" + std::to_string(d.compoundUnpaid().fen) + "|" +
            std::to_string(d.totalOverdue.fen) + "|" + std::to_string(d.outstandingPrincipal.fen);
        CHECK(emitted.emplace(r.loanId, line).second);  // once per loan
    });
    REQUIRE(count);
    CHECK(*count == 120);
    CHECK(emitted == stored);
    // Computed on the fly: nothing stored changed, the export itself is on record.
    CHECK(test::queryInt(db, "SELECT count(*) FROM status_history") == history);
    CHECK(auditCount(db, "portfolio.export_cases") == exports + 1);

    // Another date is computed without touching the stored state.
    std::int64_t later = 0;
    REQUIRE(app::forEachCase(*chief, day(2027, 6, 30), [&](const app::CaseRow&) { ++later; }));
    CHECK(later == 120);
    CHECK(test::queryInt(db, "SELECT count(*) FROM loan_status WHERE as_of <> '2026-11-30'") == 0);
}

TEST_CASE("recompute from the ledger stores for every loan what the engine gives on the table rows",
          "[delinquency_service]")
{
    test::TestBranch branch;
    auto admin = branch.loginAdmin();
    branch.addUser("chief", Role::Supervisor, "review-pass-2026");
    auto chief = branch.login("chief", "review-pass-2026");  // the cases are a supervisor's view
    test::TempDir files;
    io::SyntheticOptions options;
    options.loans = 300;
    options.seed = 23;
    REQUIRE(io::writeSyntheticExtract(files / "x", options));
    REQUIRE(app::importExtract(*admin, files / "x", {}));
    const auto& db = admin->database().connection();
    const auto line = [](const std::string& loanId, const DelinquencySummary& d) {
        return loanId + "|" + std::to_string(d.dpd) + "|" + std::string(bucketName(d.bucket)) + "|" +
               std::string(riskClassName(d.riskClass)) + "|" + std::to_string(d.overduePrincipal.fen) + "|" +
               std::to_string(d.overdueInterest.fen) + "|" + std::to_string(d.penaltyUnpaid().fen) + "|" +
               std::to_string(d.compoundUnpaid().fen) + "|" + std::to_string(d.totalOverdue.fen) + "|" +
               std::to_string(d.outstandingPrincipal.fen);
    };
    for (const Date asOf : {day(2026, 12, 31), day(2027, 6, 30), day(2025, 1, 15)}) {
        INFO(formatIsoDate(asOf));
        const RecomputeSummary summary = app::recompute(*admin, asOf).value();
        CHECK(summary.loans == 300);
        // Expected: the engine on the rows of the instalments and payments tables (forEachLoan).
        Texts expected;
        std::int64_t overdue = 0;
        const DelinquencySettings settings = app::loadDelinquencySettings(db);
        storage::LoanStatusRepository(db).forEachLoan(
            [&](std::int64_t, const Loan& loan, std::span<const Instalment> schedule, std::span<const Payment> paid) {
                const DelinquencySummary d = assessLoanSummary(loan, schedule, paid, asOf, settings);
                expected.push_back(line(loan.id, d));
                if (d.dpd > 0) ++overdue;
            });
        CHECK(summary.overdue == overdue);
        const Texts stored = test::queryTexts(
            db, "SELECT l.bank_id || '|' || dpd || '|' || bucket || '|' || risk_class || '|' || overdue_principal_fen "
                "|| '|' || overdue_interest_fen || '|' || penalty_fen || '|' || compound_fen || '|' || "
                "total_overdue_fen || '|' || outstanding_principal_fen FROM loan_status s JOIN loans l ON l.id = "
                "s.loan_id WHERE s.as_of = '" +
                    formatIsoDate(asOf) + "' ORDER BY l.id");
        CHECK(stored == expected);
        // forEachCase, from the ledger as well, gives the same.
        Texts cases;
        REQUIRE(app::forEachCase(*chief, asOf,
                                 [&](const app::CaseRow& r) { cases.push_back(line(r.loanId, r.delinquency)); }));
        CHECK(cases == expected);
        // The same date again: every state is already stored, nothing is written.
        CHECK(app::recompute(*admin, asOf).value().changed == 0);
    }
}

TEST_CASE("explainLoan breaks a loan down under the stored settings", "[delinquency_service]")
{
    Fixture f;
    std::optional<LoanDelinquency> at50;
    std::optional<LoanDelinquency> at30;
    const auto explain = [&](std::optional<LoanDelinquency>& out) {
        storage::LoanStatusRepository(f.db()).forEachLoan(
            [&](std::int64_t, const Loan& loan, std::span<const Instalment> schedule, std::span<const Payment> paid) {
                if (loan.id == "L1") out = app::explainLoan(*f.admin, loan, schedule, paid, day(2026, 11, 30));
            });
    };
    explain(at50);
    DelinquencySettings settings;
    settings.penaltyMarkupPercent = 30;
    REQUIRE(app::saveDelinquencySettings(*f.admin, settings));
    explain(at30);
    REQUIRE(at50);
    REQUIRE(at30);
    CHECK(at50->instalments.size() == 3);
    CHECK(at50->dpd == 51);
    CHECK(at30->dpd == 51);
    CHECK(at30->penaltyAccrued < at50->penaltyAccrued);
    CHECK(test::queryInt(f.db(), "SELECT count(*) FROM loan_status") == 0);  // explaining stores nothing
}
