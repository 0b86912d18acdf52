#include "storage/plans/plan_repository.h"

#include "support/temp_dir.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using storage::PlanRepository;
using storage::ProposalRow;

namespace {

Date day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

struct Db {
    Db()
    {
        db.execute("INSERT INTO borrowers (id, bank_id, name, id_number, phone, address, district) VALUES "
                   "(1, 'C001', '王秀英', '110101199003071233', '13812345678', '地址', '浦东新区');"
                   "INSERT INTO loans (id, bank_id, borrower_id, product, principal_fen, rate_micros, start_date, "
                   "term_months, method, officer) VALUES (7, 'L001-1', 1, 'consumer', 1200000, 60000, '2026-08-15', 2, "
                   "'equal_principal', 'ofc1');"
                   "INSERT INTO payments (bank_id, loan_id, paid_date, amount_fen) VALUES ('P2', 7, '2026-12-01', 300),"
                   " ('P1', 7, '2026-11-01', 200);");
    }
    test::TempDir dir;
    storage::Connection db = test::migratedDatabase(dir / "branch.db");
};

ProposalRow row(PlanTerms terms)
{
    ProposalRow r;
    r.borrowerRowId = 1;
    r.loanRowId = 7;
    r.owner = "ofc1";
    r.debt = {Money{1'150'000}, Money{50'000}, Money{15'000}, Money{3'000}};
    r.terms = std::move(terms);
    r.monthlyIncome = Money{800'000};
    r.monthlyExpenses = Money{500'000};
    r.lumpSum = Money{100'000};
    r.createdAt = "2026-11-30T02:00:00Z";
    r.updatedAt = r.createdAt;
    return r;
}

void checkSame(const ProposalRow& a, const ProposalRow& b)
{
    CHECK(a.borrowerRowId == b.borrowerRowId);
    CHECK(a.loanRowId == b.loanRowId);
    CHECK(a.owner == b.owner);
    CHECK(a.state == b.state);
    CHECK(a.debt.total() == b.debt.total());
    CHECK(a.debt.penalty == b.debt.penalty);
    CHECK(a.terms.start == b.terms.start);
    CHECK(a.terms.waiver.penalty == b.terms.waiver.penalty);
    CHECK(a.terms.waiver.compound == b.terms.waiver.compound);
    CHECK(a.monthlyIncome == b.monthlyIncome);
    CHECK(a.monthlyExpenses == b.monthlyExpenses);
    CHECK(a.lumpSum == b.lumpSum);
    CHECK(a.supervisorNeeded == b.supervisorNeeded);
    CHECK(a.supervisorComment == b.supervisorComment);
    CHECK(a.adherence == b.adherence);
    CHECK(a.daysLate == b.daysLate);
    CHECK(a.assessedOn == b.assessedOn);
    CHECK(a.createdAt == b.createdAt);
    CHECK(a.updatedAt == b.updatedAt);
}

}  // namespace

TEST_CASE("each shape of terms is stored and read back exactly", "[plan_repository]")
{
    Db d;
    PlanRepository repo(d.db);
    PlanTerms grace{day(2026, 11, 30), Waiver{Money{15'000}, Money{}},
                    Reamortisation{RepaymentMethod::EqualPrincipal, AnnualRate{43'500}, 12, 3, GraceMode::NoPayment,
                                   GraceInterest::Defer}};
    PlanTerms extension{
        day(2026, 12, 1), {}, TermExtension{RepaymentMethod::EqualInstalment, AnnualRate{60'000}, 4, 6}};
    PlanTerms settlement{day(2026, 12, 2), Waiver{Money{15'000}, Money{3'000}}, Settlement{Money{200'000}, 3}};
    for (const PlanTerms& terms : {grace, extension, settlement}) {
        const ProposalRow r = row(terms);
        const auto id = repo.insert(r);
        const auto back = repo.find(id);
        REQUIRE(back);
        checkSame(*back, r);
        CHECK(back->id == id);
        CHECK(back->loanBankId == "L001-1");
        CHECK(back->borrowerBankId == "C001");
        CHECK(back->terms.shape.index() == terms.shape.index());
        // The schedule recomputes to exactly the same instalments.
        const auto a = buildPlan(r.debt, r.terms);
        const auto b = buildPlan(back->debt, back->terms);
        REQUIRE(a);
        REQUIRE(b);
        REQUIRE(a->instalments.size() == b->instalments.size());
        for (std::size_t i = 0; i < a->instalments.size(); ++i) {
            CHECK(a->instalments[i].dueDate == b->instalments[i].dueDate);
            CHECK(a->instalments[i].payment() == b->instalments[i].payment());
            CHECK(a->instalments[i].balance == b->instalments[i].balance);
        }
    }
    const auto g = std::get<Reamortisation>(repo.find(1)->terms.shape);
    CHECK(g.method == RepaymentMethod::EqualPrincipal);
    CHECK(g.graceMonths == 3);
    CHECK(g.graceInterest == GraceInterest::Defer);
    const auto s = std::get<Settlement>(repo.find(3)->terms.shape);
    CHECK(s.discount == Money{200'000});
    CHECK(s.instalments == 3);
    CHECK_FALSE(repo.find(99));
}

TEST_CASE("updates, moves and lists by state, owner and customer", "[plan_repository]")
{
    Db d;
    PlanRepository repo(d.db);
    PlanTerms terms{day(2026, 11, 30), {}, Settlement{Money{}, 1}};
    const auto a = repo.insert(row(terms));
    ProposalRow other = row(terms);
    other.owner = "ofc2";
    const auto b = repo.insert(other);

    ProposalRow r = *repo.find(a);
    r.state = ProposalState::Active;
    r.supervisorNeeded = true;
    r.supervisorComment = "同意";
    r.adherence = AdherenceStatus::Late;
    r.daysLate = 6;
    r.assessedOn = "2027-01-05";
    r.updatedAt = "2026-12-01T01:00:00Z";
    repo.update(r);
    checkSame(*repo.find(a), r);

    repo.addMove({a, ProposalMove::Submit, ProposalState::Draft, ProposalState::Submitted, "ofc1", "t1", ""});
    repo.addMove({a, ProposalMove::Return, ProposalState::Submitted, ProposalState::Returned, "sup", "t2", "改"});
    const auto moves = repo.moves(a);
    REQUIRE(moves.size() == 2);
    CHECK(moves[1].move == ProposalMove::Return);
    CHECK(moves[1].from == ProposalState::Submitted);
    CHECK(moves[1].to == ProposalState::Returned);
    CHECK(moves[1].comment == "改");
    CHECK(repo.moves(b).empty());

    CHECK(repo.list({}).size() == 2);
    CHECK(repo.list({}).front().id == b);  // newest first
    storage::ProposalQuery q;
    q.state = ProposalState::Active;
    CHECK(repo.list(q).size() == 1);
    q = {};
    q.owner = "ofc2";
    REQUIRE(repo.list(q).size() == 1);
    CHECK(repo.list(q).front().id == b);
    q = {};
    q.borrowerRowId = 2;
    CHECK(repo.list(q).empty());

    const auto payments = repo.payments(7);
    REQUIRE(payments.size() == 2);
    CHECK(payments[0].paidOn == day(2026, 11, 1));
    CHECK(payments[1].amount == Money{300});
}

TEST_CASE("the loan a proposal is drafted from, with and without a delinquency state", "[plan_repository]")
{
    Db d;
    PlanRepository repo(d.db);
    auto loan = repo.loan(7);
    REQUIRE(loan);
    CHECK(loan->borrowerRowId == 1);
    CHECK(loan->officer == "ofc1");
    CHECK(loan->method == RepaymentMethod::EqualPrincipal);
    CHECK_FALSE(loan->hasStatus);
    d.db.execute("INSERT INTO instalments VALUES (7, 1, '2026-09-15', 600000, 6000), (7, 2, '2026-12-15', 600000, "
                 "3000);"
                 "INSERT INTO loan_status VALUES (7, '2026-11-30', 76, 'M3', 'substandard', 600000, 6000, 900, 20, "
                 "606920, 1200000);");
    loan = repo.loan(7);
    REQUIRE(loan->hasStatus);
    CHECK(loan->asOf == "2026-11-30");
    CHECK(loan->debt.principal == Money{1'200'000});
    CHECK(loan->debt.interest == Money{6000});
    CHECK(loan->debt.penalty == Money{900});
    CHECK(loan->debt.compound == Money{20});
    CHECK(loan->instalmentsAfterAsOf == 1);
    CHECK_FALSE(repo.loan(8));
}
