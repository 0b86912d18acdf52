#include "storage/portfolio/portfolio_query.h"

#include "domain/shared/calendar.h"
#include "support/test_branch.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

struct BorrowerFx {
    std::int64_t id;
    const char* bankId;
    const char* name;
    const char* district;
};

struct StatusFx {
    int dpd;
    const char* bucket;
    const char* riskClass;
    std::int64_t totalOverdue;
};

struct LoanFx {
    std::int64_t id;
    const char* bankId;
    std::int64_t borrower;
    const char* product;
    const char* officer;
    std::optional<StatusFx> status;
};

// Customer and loan numbers include '_' and '%' so that a search treating them as LIKE wildcards shows.
const std::vector<BorrowerFx> kBorrowers{
    {1, "C0000001", "王秀英", "浦东新区"}, {2, "C0000002", "李强", "徐汇区"}, {3, "C0000003", "张伟", "浦东新区"},
    {4, "C0000004", "王强", "黄浦区"},     {5, "C100_%05", "刘洋", "静安区"}, {6, "C0000006", "陈静", "徐汇区"},
};

const std::vector<LoanFx> kLoans{
    {1, "L0000001-1", 1, "consumer", "officer1", StatusFx{0, "M0", "normal", 0}},
    {2, "L0000001-2", 1, "credit_card", "officer1", StatusFx{45, "M2", "special_mention", 120'000}},
    {3, "L0000002-1", 2, "mortgage", "officer2", StatusFx{12, "M1", "special_mention", 8'000}},
    {4, "L0000003-1", 3, "business", "officer2", StatusFx{95, "M4", "substandard", 560'000}},
    {5, "L0000004-1", 4, "consumer", "", StatusFx{200, "M7", "doubtful", 990'000}},
    {6, "L100_%05-1", 5, "consumer", "officer1", StatusFx{400, "M7", "loss", 1'500'000}},
    {7, "L0000006-1", 6, "mortgage", "officer3", std::nullopt},  // imported, never computed
    {8, "L0000006-2", 6, "consumer", "officer3", StatusFx{12, "M1", "special_mention", 8'000}},
    {9, "L1000000-1", 2, "credit_card", "officer2", StatusFx{0, "M0", "normal", 0}},
    {10, "L0000010-1", 3, "consumer", "officer1", StatusFx{61, "M3", "special_mention", 300'000}},
    {11, "LX00000-1", 4, "business", "officer3", StatusFx{150, "M5", "substandard", 700'000}},
    {12, "L0000012-1", 1, "mortgage", "officer2", StatusFx{30, "M1", "special_mention", 50'000}},
};

const BorrowerFx& borrowerOf(const LoanFx& l)
{
    return kBorrowers[static_cast<std::size_t>(l.borrower - 1)];
}

void fill(const Connection& db)
{
    auto b = db.prepare("INSERT INTO borrowers (id, bank_id, name, id_number, phone, address, district) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& x : kBorrowers) {
        b.reset();
        b.bind(1, x.id).bind(2, x.bankId).bind(3, x.name).bind(4, "11010119900307123" + std::to_string(x.id));
        b.bind(5, "1381234567" + std::to_string(x.id))
            .bind(6, "某路" + std::to_string(x.id) + "号")
            .bind(7, x.district);
        b.run();
    }
    auto l = db.prepare("INSERT INTO loans (id, bank_id, borrower_id, product, principal_fen, rate_micros, start_date, "
                        "term_months, method, officer) VALUES (?, ?, ?, ?, 10000000, 43500, '2025-01-10', 24, "
                        "'equal_instalment', ?)");
    auto s = db.prepare("INSERT INTO loan_status (loan_id, as_of, dpd, bucket, risk_class, overdue_principal_fen, "
                        "overdue_interest_fen, penalty_fen, compound_fen, total_overdue_fen, "
                        "outstanding_principal_fen) VALUES (?, '2026-11-30', ?, ?, ?, ?, 0, 0, 0, ?, 5000000)");
    for (const auto& x : kLoans) {
        l.reset();
        l.bind(1, x.id).bind(2, x.bankId).bind(3, x.borrower).bind(4, x.product).bind(5, x.officer).run();
        if (!x.status) continue;
        s.reset();
        s.bind(1, x.id).bind(2, std::int64_t{x.status->dpd}).bind(3, x.status->bucket).bind(4, x.status->riskClass);
        s.bind(5, x.status->totalOverdue * 9 / 10).bind(6, x.status->totalOverdue).run();
    }
}

struct Fixture {
    test::TempDir dir;
    Connection db = test::migratedDatabase(dir / "q.db");
    PortfolioQuery query{db};
    Fixture() { fill(db); }
};

std::vector<std::int64_t> ids(const std::vector<PortfolioRow>& rows)
{
    std::vector<std::int64_t> out;
    for (const auto& r : rows)
        out.push_back(r.loanRowId);
    return out;
}

std::vector<std::int64_t> allIds(const PortfolioQuery& q, const PortfolioFilter& f,
                                 PortfolioSort sort = PortfolioSort::LoanId)
{
    return ids(q.page(f, sort, true, 0, 1000));
}

int classRank(const char* riskClass)
{
    const std::vector<std::string> order{"normal", "special_mention", "substandard", "doubtful", "loss"};
    return static_cast<int>(std::find(order.begin(), order.end(), riskClass) - order.begin());
}

// The sort key as the database sees it: a loan without a computed status has none (NULL), which
// orders before every value.
using Key = std::tuple<std::optional<std::string>, std::optional<std::int64_t>>;

Key keyOf(const LoanFx& l, PortfolioSort sort)
{
    const auto text = [](const char* s) { return Key{std::string(s), std::nullopt}; };
    const auto number = [](std::optional<std::int64_t> n) { return Key{std::nullopt, n}; };
    switch (sort) {
    case PortfolioSort::LoanId: return text(l.bankId);
    case PortfolioSort::Borrower: return text(borrowerOf(l).name);
    case PortfolioSort::District: return text(borrowerOf(l).district);
    case PortfolioSort::Product: return text(l.product);
    case PortfolioSort::Officer: return text(l.officer);
    case PortfolioSort::Dpd: return number(l.status ? std::optional<std::int64_t>(l.status->dpd) : std::nullopt);
    case PortfolioSort::Bucket: return l.status ? text(l.status->bucket) : Key{};
    case PortfolioSort::RiskClass:
        return number(l.status ? std::optional<std::int64_t>(classRank(l.status->riskClass)) : std::nullopt);
    case PortfolioSort::OverduePrincipal:  // the fixture stores nine tenths of the total as principal
        return number(l.status ? std::optional<std::int64_t>(l.status->totalOverdue * 9 / 10) : std::nullopt);
    case PortfolioSort::TotalOverdue:
        return number(l.status ? std::optional<std::int64_t>(l.status->totalOverdue) : std::nullopt);
    }
    return {};
}

// The expected order: by the key in the direction asked, ties always by row id ascending.
std::vector<std::int64_t> expectedOrder(PortfolioSort sort, bool ascending)
{
    std::vector<LoanFx> loans = kLoans;
    std::sort(loans.begin(), loans.end(), [&](const LoanFx& a, const LoanFx& b) {
        const Key ka = keyOf(a, sort);
        const Key kb = keyOf(b, sort);
        if (ka != kb) return ascending ? ka < kb : kb < ka;
        return a.id < b.id;
    });
    std::vector<std::int64_t> out;
    for (const auto& l : loans)
        out.push_back(l.id);
    return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("without a filter every loan is counted and listed", "[portfolio_query]")
{
    Fixture f;
    CHECK(f.query.count({}) == 12);
    CHECK(allIds(f.query, {}) == Ids{1, 2, 3, 4, 5, 7, 8, 10, 12, 9, 6, 11});
}

TEST_CASE("a list row carries the borrower, the loan and its computed state", "[portfolio_query]")
{
    Fixture f;
    PortfolioFilter filter;
    filter.search = "L0000001-2";
    const auto rows = f.query.page(filter, PortfolioSort::LoanId, true, 0, 10);
    REQUIRE(rows.size() == 1);
    const PortfolioRow& r = rows[0];
    CHECK(r.loanRowId == 2);
    CHECK(r.borrowerRowId == 1);
    CHECK(r.loanId == "L0000001-2");
    CHECK(r.borrowerName == "王秀英");
    CHECK(r.idNumber == "110101199003071231");
    CHECK(r.phone == "13812345671");
    CHECK(r.district == "浦东新区");
    CHECK(r.product == "credit_card");
    CHECK(r.officer == "officer1");
    CHECK(r.dpd == 45);
    CHECK(r.bucket == "M2");
    CHECK(r.riskClass == "special_mention");
    CHECK(r.overduePrincipal == Money{108'000});
    CHECK(r.totalOverdue == Money{120'000});
}

TEST_CASE("a loan never computed is listed with no bucket, no class and nothing overdue", "[portfolio_query]")
{
    Fixture f;
    PortfolioFilter filter;
    filter.search = "L0000006-1";
    const auto rows = f.query.page(filter, PortfolioSort::LoanId, true, 0, 10);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].loanRowId == 7);
    CHECK(rows[0].dpd == 0);
    CHECK(rows[0].bucket.empty());
    CHECK(rows[0].riskClass.empty());
    CHECK(rows[0].totalOverdue == Money{});
}

TEST_CASE("each filter keeps only the matching loans, and filters combine", "[portfolio_query]")
{
    Fixture f;
    const auto check = [&](const PortfolioFilter& filter, const Ids& expected) {
        CHECK(f.query.count(filter) == static_cast<std::int64_t>(expected.size()));
        Ids got = allIds(f.query, filter);
        std::sort(got.begin(), got.end());
        CHECK(got == expected);
    };
    PortfolioFilter filter;
    filter.bucket = "M1";
    check(filter, {3, 8, 12});
    filter = {};
    filter.riskClass = "substandard";
    check(filter, {4, 11});
    filter = {};
    filter.district = "徐汇区";
    check(filter, {3, 7, 8, 9});
    filter = {};
    filter.product = "mortgage";
    check(filter, {3, 7, 12});
    filter = {};
    filter.officer = "officer1";
    check(filter, {1, 2, 6, 10});
    filter = {};
    filter.overdueOnly = true;  // loan 7 has no state yet, 1 and 9 are current
    check(filter, {2, 3, 4, 5, 6, 8, 10, 11, 12});

    filter = {};
    filter.district = "浦东新区";
    filter.overdueOnly = true;
    check(filter, {2, 4, 10, 12});
    filter.officer = "officer2";
    check(filter, {4, 12});
    filter.bucket = "M4";
    check(filter, {4});
    filter.product = "consumer";
    check(filter, {});

    filter = {};
    filter.bucket = "M9";
    check(filter, {});
    filter = {};
    filter.officer = "nobody";
    check(filter, {});
}

TEST_CASE("search finds a part of a name, or the start of a loan or customer number", "[portfolio_query]")
{
    Fixture f;
    const auto found = [&](const char* text) {
        PortfolioFilter filter;
        filter.search = text;
        Ids got = allIds(f.query, filter);
        std::sort(got.begin(), got.end());
        CHECK(f.query.count(filter) == static_cast<std::int64_t>(got.size()));
        return got;
    };
    CHECK(found("王") == Ids{1, 2, 5, 11, 12});  // 王秀英 and 王强
    CHECK(found("秀英") == Ids{1, 2, 12});       // a part in the middle or at the end
    CHECK(found("王秀英") == Ids{1, 2, 12});
    CHECK(found("L0000001") == Ids{1, 2});  // not L0000010-1
    CHECK(found("L0000001-2") == Ids{2});
    CHECK(found("C0000006") == Ids{7, 8});
    CHECK(found("C000000") == Ids{1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12});
    CHECK(found("0000001").empty());  // numbers match from their start only
    CHECK(found("强李").empty());
}

TEST_CASE("LIKE wildcards and the escape character in a search are taken literally", "[portfolio_query]")
{
    Fixture f;
    const auto found = [&](const char* text) {
        PortfolioFilter filter;
        filter.search = text;
        Ids got = allIds(f.query, filter);
        std::sort(got.begin(), got.end());
        return got;
    };
    CHECK(found("%").empty());  // as a wildcard it would match every loan
    CHECK(found("_").empty());
    CHECK(found("L100_") == Ids{6});  // '_' as a wildcard would also match L1000000-1
    CHECK(found("L100%").empty());    // '%' as a wildcard would match L100_%05-1 and L1000000-1
    CHECK(found("L100_%") == Ids{6});
    CHECK(found("C100_%05") == Ids{6});
    CHECK(found("C100%").empty());
    CHECK(found("L\\").empty());  // the escape character itself, no SQL error
    CHECK(found("\\%").empty());
    CHECK(found("'; DROP TABLE loans; --").empty());
    CHECK(f.query.count({}) == 12);
}

TEST_CASE("every sort order, ascending and descending, orders the whole list", "[portfolio_query]")
{
    Fixture f;
    for (PortfolioSort sort :
         {PortfolioSort::LoanId, PortfolioSort::Borrower, PortfolioSort::District, PortfolioSort::Product,
          PortfolioSort::Officer, PortfolioSort::Dpd, PortfolioSort::Bucket, PortfolioSort::RiskClass,
          PortfolioSort::OverduePrincipal, PortfolioSort::TotalOverdue}) {
        for (bool ascending : {true, false}) {
            INFO("sort " << static_cast<int>(sort) << (ascending ? " ascending" : " descending"));
            CHECK(ids(f.query.page({}, sort, ascending, 0, 100)) == expectedOrder(sort, ascending));
        }
    }
}

TEST_CASE("pages of any size cover every row exactly once, in order", "[portfolio_query]")
{
    Fixture f;
    for (PortfolioSort sort :
         {PortfolioSort::LoanId, PortfolioSort::Dpd, PortfolioSort::Borrower, PortfolioSort::RiskClass,
          PortfolioSort::OverduePrincipal, PortfolioSort::TotalOverdue}) {
        for (bool ascending : {true, false}) {
            for (std::int64_t size : {1, 5, 7, 12}) {
                INFO("sort " << static_cast<int>(sort) << " page size " << size);
                Ids joined;
                for (std::int64_t offset = 0;; offset += size) {
                    const auto page = f.query.page({}, sort, ascending, offset, size);
                    CHECK(static_cast<std::int64_t>(page.size()) <= size);
                    if (page.empty()) break;
                    for (const auto& r : page)
                        joined.push_back(r.loanRowId);
                }
                CHECK(joined == expectedOrder(sort, ascending));
            }
        }
    }
}

TEST_CASE("paging applies after filtering", "[portfolio_query]")
{
    Fixture f;
    PortfolioFilter filter;
    filter.overdueOnly = true;
    CHECK(ids(f.query.page(filter, PortfolioSort::Dpd, false, 0, 3)) == Ids{6, 5, 11});
    CHECK(ids(f.query.page(filter, PortfolioSort::Dpd, false, 3, 3)) == Ids{4, 10, 2});
    CHECK(ids(f.query.page(filter, PortfolioSort::Dpd, false, 6, 3)) == Ids{12, 3, 8});
    CHECK(f.query.page(filter, PortfolioSort::Dpd, false, 9, 3).empty());
    CHECK(f.query.page(filter, PortfolioSort::Dpd, false, 0, 0).empty());
}

TEST_CASE("districts and officers are listed once each, sorted, without the unassigned", "[portfolio_query]")
{
    Fixture f;
    std::vector<std::string> districts{"浦东新区", "徐汇区", "黄浦区", "静安区"};
    std::sort(districts.begin(), districts.end());
    CHECK(f.query.districts() == districts);
    CHECK(f.query.officers() == std::vector<std::string>{"officer1", "officer2", "officer3"});
}

TEST_CASE("an empty portfolio counts zero and lists nothing", "[portfolio_query]")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "empty.db");
    const PortfolioQuery q(db);
    CHECK(q.count({}) == 0);
    CHECK(q.page({}, PortfolioSort::LoanId, true, 0, 50).empty());
    CHECK(q.districts().empty());
    CHECK(q.officers().empty());
    CHECK_FALSE(q.borrowerCase(1).has_value());
}

TEST_CASE("a borrower's case holds the person, contacts, credit record and every loan in full", "[portfolio_query]")
{
    Fixture f;
    f.db.execute(R"sql(
        UPDATE borrowers SET phone2 = '02161234567', latitude_e6 = 31230416, longitude_e6 = 121473701,
            employer = '某某物流有限公司', monthly_income_fen = 1200000, monthly_expenses_fen = 700000 WHERE id = 1;
        INSERT INTO contact_persons (borrower_id, name, relation, phone)
            VALUES (1, '张伟', 'spouse', '13700002222'), (1, '李娜', 'guarantor', '13600004444'),
                   (2, '赵六', 'other', '13500005555');
        INSERT INTO credit_records (borrower_id, report_date, overdue_accounts_elsewhere, worst_dpd_24m,
                                    total_debt_fen, enquiries_6m) VALUES (1, '2026-10-15', 1, 45, 23000000, 3);
        INSERT INTO instalments (loan_id, seq, due_date, principal_fen, interest_fen)
            VALUES (2, 2, '2025-03-10', 400000, 36000), (2, 1, '2025-02-10', 400000, 36250),
                   (3, 1, '2025-02-10', 1, 1);
        INSERT INTO payments (bank_id, loan_id, paid_date, amount_fen)
            VALUES ('P2', 2, '2025-03-12', 436000), ('P1', 2, '2025-02-10', 436250), ('P9', 3, '2025-02-10', 2);
    )sql");
    const auto c = f.query.borrowerCase(1);
    REQUIRE(c);
    CHECK(c->rowId == 1);
    CHECK(c->borrower.id == "C0000001");
    CHECK(c->borrower.name == "王秀英");
    CHECK(c->borrower.phones == std::vector<std::string>{"13812345671", "02161234567"});
    CHECK(c->borrower.district == "浦东新区");
    REQUIRE(c->borrower.location);
    CHECK(c->borrower.location->latitudeE6 == 31'230'416);
    CHECK(c->borrower.location->longitudeE6 == 121'473'701);
    CHECK(c->borrower.employer == "某某物流有限公司");
    CHECK(c->borrower.monthlyIncome == Money{1'200'000});
    CHECK(c->borrower.monthlyExpenses == Money{700'000});

    REQUIRE(c->contacts.size() == 2);  // only this borrower's
    CHECK(c->contacts[0].name == "张伟");
    CHECK(c->contacts[0].relation == Relation::Spouse);
    CHECK(c->contacts[0].borrowerId == "C0000001");
    CHECK(c->contacts[1].relation == Relation::Guarantor);

    REQUIRE(c->credit);
    CHECK(formatIsoDate(c->credit->reportDate) == "2026-10-15");
    CHECK(c->credit->overdueAccountsElsewhere == 1);
    CHECK(c->credit->worstDpd24Months == 45);
    CHECK(c->credit->totalDebt == Money{23'000'000});
    CHECK(c->credit->enquiriesLast6Months == 3);

    REQUIRE(c->loans.size() == 3);  // by loan number
    CHECK(c->loans[0].loan.id == "L0000001-1");
    CHECK(c->loans[1].loan.id == "L0000001-2");
    CHECK(c->loans[2].loan.id == "L0000012-1");
    const LoanDetail& card = c->loans[1];
    CHECK(card.rowId == 2);
    CHECK(card.loan.product == Product::CreditCard);
    CHECK(card.loan.borrowerId == "C0000001");
    CHECK(card.loan.principal == Money{10'000'000});
    CHECK(card.loan.contractRate == AnnualRate{43'500});
    CHECK(card.loan.termMonths == 24);
    CHECK(card.loan.officer == "officer1");
    REQUIRE(card.instalments.size() == 2);
    CHECK(card.instalments[0].sequence == 1);
    CHECK(card.instalments[0].interestDue == Money{36'250});
    CHECK(formatIsoDate(card.instalments[1].dueDate) == "2025-03-10");
    REQUIRE(card.payments.size() == 2);
    CHECK(card.payments[0].id == "P1");  // oldest first
    CHECK(card.payments[1].amount == Money{436'000});
    REQUIRE(card.status);
    CHECK(card.status->dpd == 45);
    CHECK(card.status->bucket == "M2");
    CHECK(card.status->asOf == "2026-11-30");
    CHECK(card.status->totalOverdue == Money{120'000});
    CHECK(card.status->outstandingPrincipal == Money{5'000'000});
    CHECK(c->loans[0].instalments.empty());
    CHECK(c->loans[0].payments.empty());
}

TEST_CASE("a case without optional data: one phone, no location, no credit record, no state", "[portfolio_query]")
{
    Fixture f;
    const auto c = f.query.borrowerCase(6);
    REQUIRE(c);
    CHECK(c->borrower.phones.size() == 1);
    CHECK_FALSE(c->borrower.location.has_value());
    CHECK_FALSE(c->credit.has_value());
    CHECK(c->contacts.empty());
    REQUIRE(c->loans.size() == 2);
    CHECK_FALSE(c->loans[0].status.has_value());  // L0000006-1 was never computed
    CHECK(c->loans[1].status.has_value());
    CHECK_FALSE(f.query.borrowerCase(99).has_value());
}
