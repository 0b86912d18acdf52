#include "storage/portfolio/loan_status_repository.h"

#include "domain/shared/calendar.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

// Three loans of two borrowers, straight into the tables: loan 1 with a schedule and payments stored out
// of date order, loan 2 with neither, loan 3 with a schedule only.
void fillPortfolio(const Connection& db)
{
    db.execute(R"sql(
        INSERT INTO borrowers (id, bank_id, name, id_number, phone, address, district)
            VALUES (1, 'C001', '王秀英', '110101199003071233', '13812345678', '张杨路1500号', '浦东新区'),
                   (2, 'C002', '李强', '44030419780101031X', '13900001111', '漕溪北路1号', '徐汇区');
        INSERT INTO loans (id, bank_id, borrower_id, product, principal_fen, rate_micros, start_date, term_months,
                           method, officer)
            VALUES (10, 'L001-1', 1, 'consumer', 1200000, 43500, '2026-01-10', 12, 'equal_principal', 'officer1'),
                   (11, 'L001-2', 1, 'credit_card', 500000, 180000, '2026-05-01', 6, 'interest_only_bullet', ''),
                   (12, 'L002-1', 2, 'mortgage', 90000000, 31000, '2026-08-20', 360, 'equal_instalment', 'officer2');
        INSERT INTO instalments (loan_id, seq, due_date, principal_fen, interest_fen)
            VALUES (10, 2, '2026-03-10', 100000, 3988), (10, 1, '2026-02-10', 100000, 4350),
                   (12, 1, '2026-09-20', 150000, 232500);
        INSERT INTO payments (id, bank_id, loan_id, paid_date, amount_fen)
            VALUES (1, 'P2', 10, '2026-03-09', 103988), (2, 'P1', 10, '2026-02-10', 104350),
                   (3, 'P0', 10, '2026-02-10', 1);
    )sql");
}

struct Visited {
    std::int64_t rowId = 0;
    Loan loan;
    std::vector<Instalment> schedule;
    std::vector<Payment> payments;
};

std::vector<Visited> visitAll(const LoanStatusRepository& repo)
{
    std::vector<Visited> out;
    repo.forEachLoan([&](std::int64_t id, const Loan& loan, std::span<const Instalment> schedule,
                         std::span<const Payment> payments) {
        out.push_back({id, loan, {schedule.begin(), schedule.end()}, {payments.begin(), payments.end()}});
    });
    return out;
}

LoanStatusRow status(std::int64_t loan, const char* asOf, int dpd, const char* bucket, const char* riskClass,
                     std::int64_t totalOverdue = 0)
{
    return LoanStatusRow{loan,       asOf,
                         dpd,        bucket,
                         riskClass,  Money{totalOverdue / 2},
                         Money{10},  Money{3},
                         Money{1},   Money{totalOverdue},
                         Money{5000}};
}

std::int64_t scalar(const Connection& db, const char* sql)
{
    auto s = db.prepare(sql);
    REQUIRE(s.step());
    return s.columnInt(0);
}

std::vector<std::string> history(const Connection& db)
{
    std::vector<std::string> out;
    auto s = db.prepare("SELECT loan_id || '|' || as_of || '|' || from_bucket || '>' || to_bucket || '|' || "
                        "from_class || '>' || to_class FROM status_history ORDER BY id");
    while (s.step())
        out.push_back(s.columnText(0));
    return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("an empty portfolio visits nothing", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    const LoanStatusRepository repo(db);
    CHECK(visitAll(repo).empty());
}

TEST_CASE("every loan is visited once, in row order, with its own schedule and payments", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    fillPortfolio(db);
    const LoanStatusRepository repo(db);
    const auto all = visitAll(repo);
    REQUIRE(all.size() == 3);

    const Visited& first = all[0];
    CHECK(first.rowId == 10);
    CHECK(first.loan.id == "L001-1");
    CHECK(first.loan.borrowerId == "C001");  // the bank's customer number, not the row id
    CHECK(first.loan.product == Product::Consumer);
    CHECK(first.loan.principal == Money{1'200'000});
    CHECK(first.loan.contractRate == AnnualRate{43'500});
    CHECK(formatIsoDate(first.loan.startDate) == "2026-01-10");
    CHECK(first.loan.termMonths == 12);
    CHECK(first.loan.method == RepaymentMethod::EqualPrincipal);
    CHECK(first.loan.officer == "officer1");
    REQUIRE(first.schedule.size() == 2);
    CHECK(first.schedule[0].sequence == 1);  // by sequence, whatever the insertion order
    CHECK(first.schedule[0].loanId == "L001-1");
    CHECK(formatIsoDate(first.schedule[0].dueDate) == "2026-02-10");
    CHECK(first.schedule[0].principalDue == Money{100'000});
    CHECK(first.schedule[0].interestDue == Money{4'350});
    CHECK(first.schedule[1].sequence == 2);
    REQUIRE(first.payments.size() == 3);
    // Oldest first; the same day in the order they were stored.
    CHECK(first.payments[0].id == "P1");
    CHECK(first.payments[1].id == "P0");
    CHECK(first.payments[2].id == "P2");
    CHECK(first.payments[2].amount == Money{103'988});
    CHECK(formatIsoDate(first.payments[2].paidOn) == "2026-03-09");
    CHECK(first.payments[2].loanId == "L001-1");

    const Visited& second = all[1];
    CHECK(second.rowId == 11);
    CHECK(second.loan.product == Product::CreditCard);
    CHECK(second.loan.method == RepaymentMethod::InterestOnlyBullet);
    CHECK(second.loan.officer.empty());
    CHECK(second.schedule.empty());
    CHECK(second.payments.empty());

    const Visited& third = all[2];
    CHECK(third.rowId == 12);
    CHECK(third.loan.borrowerId == "C002");
    CHECK(third.schedule.size() == 1);
    CHECK(third.payments.empty());  // loan 10's payments did not spill over
}

TEST_CASE("the first state of a loan is stored without a history row", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    fillPortfolio(db);
    LoanStatusRepository repo(db);
    CHECK(repo.save(status(10, "2026-11-30", 12, "M1", "special_mention", 5000)));
    CHECK(scalar(db, "SELECT count(*) FROM loan_status") == 1);
    CHECK(history(db).empty());
    auto s = db.prepare("SELECT as_of, dpd, bucket, risk_class, overdue_principal_fen, overdue_interest_fen, "
                        "penalty_fen, compound_fen, total_overdue_fen, outstanding_principal_fen FROM loan_status");
    REQUIRE(s.step());
    CHECK(s.columnText(0) == "2026-11-30");
    CHECK(s.columnInt(1) == 12);
    CHECK(s.columnText(2) == "M1");
    CHECK(s.columnText(3) == "special_mention");
    CHECK(s.columnInt(4) == 2500);
    CHECK(s.columnInt(5) == 10);
    CHECK(s.columnInt(6) == 3);
    CHECK(s.columnInt(7) == 1);
    CHECK(s.columnInt(8) == 5000);
    CHECK(s.columnInt(9) == 5000);
}

TEST_CASE("saving the same state again writes nothing", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    fillPortfolio(db);
    LoanStatusRepository repo(db);
    REQUIRE(repo.save(status(10, "2026-11-30", 12, "M1", "special_mention", 5000)));
    CHECK_FALSE(repo.save(status(10, "2026-11-30", 12, "M1", "special_mention", 5000)));
    CHECK(history(db).empty());
}

TEST_CASE("a change of amounts, DPD or date within the bucket updates without history", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    fillPortfolio(db);
    LoanStatusRepository repo(db);
    REQUIRE(repo.save(status(10, "2026-11-30", 12, "M1", "special_mention", 5000)));
    CHECK(repo.save(status(10, "2026-11-30", 12, "M1", "special_mention", 5002)));
    CHECK(repo.save(status(10, "2026-12-01", 13, "M1", "special_mention", 5002)));
    CHECK(history(db).empty());
    CHECK(scalar(db, "SELECT dpd FROM loan_status WHERE loan_id = 10") == 13);
    CHECK(scalar(db, "SELECT total_overdue_fen FROM loan_status WHERE loan_id = 10") == 5002);
}

TEST_CASE("a roll to another bucket or class is kept in the history", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    fillPortfolio(db);
    LoanStatusRepository repo(db);
    REQUIRE(repo.save(status(10, "2026-10-31", 25, "M1", "special_mention")));
    REQUIRE(repo.save(status(12, "2026-10-31", 0, "M0", "normal")));
    CHECK(repo.save(status(10, "2026-11-30", 55, "M2", "special_mention")));  // roll M1 → M2
    CHECK(repo.save(status(12, "2026-11-30", 0, "M0", "substandard")));       // class only
    CHECK(repo.save(status(10, "2026-12-31", 0, "M0", "normal")));            // cured
    CHECK_FALSE(repo.save(status(10, "2026-12-31", 0, "M0", "normal")));
    CHECK(history(db) == Texts{"10|2026-11-30|M1>M2|special_mention>special_mention",
                               "12|2026-11-30|M0>M0|normal>substandard", "10|2026-12-31|M2>M0|special_mention>normal"});
    CHECK(scalar(db, "SELECT count(*) FROM loan_status") == 2);
}

TEST_CASE("statuses saved in a rolled-back transaction leave neither state nor history", "[loan_status_repository]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "s.db");
    fillPortfolio(db);
    LoanStatusRepository repo(db);
    REQUIRE(repo.save(status(10, "2026-10-31", 25, "M1", "special_mention")));
    {
        Transaction tx(db);
        CHECK(repo.save(status(10, "2026-11-30", 55, "M2", "special_mention")));
    }
    CHECK(history(db).empty());
    CHECK(scalar(db, "SELECT dpd FROM loan_status WHERE loan_id = 10") == 25);
    // The statements survive the rollback and go on working.
    CHECK(repo.save(status(10, "2026-11-30", 55, "M2", "special_mention")));
    CHECK(history(db).size() == 1);
}
