#include "app/portfolio/portfolio_listing.h"

#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <fmt/core.h>
#include <random>
#include <string>
#include <vector>

using namespace doorstep;
using namespace doorstep::storage;
using app::PortfolioListing;

namespace {

// A portfolio of 600 loans drawn at random, with everything the list's filters and sorts meet: repeated names,
// districts and officers, loans with no computed state (NULL columns), loans that left the book, loan numbers in
// lower case and with the LIKE wildcards '_' and '%', an unknown risk class, unassigned loans.
void fill(const Connection& db)
{
    std::mt19937 random(20261130);
    const auto pick = [&](const std::vector<std::string>& from) {
        return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
    };
    const auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(random) < percent; };
    const std::vector<std::string> names{"王秀英", "李强", "张伟", "王强", "刘洋", "陈静", "王伟", "Zhang Wei"};
    const std::vector<std::string> districts{"浦东新区", "徐汇区", "黄浦区", "静安区", "Pudong"};
    const std::vector<std::string> products{"consumer", "mortgage", "business", "credit_card"};
    const std::vector<std::string> officers{"officer1", "officer2", "officer3", ""};
    const std::vector<std::string> buckets{"M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"};
    const std::vector<std::string> classes{"normal", "special_mention", "substandard", "doubtful", "loss", "unknown"};
    auto b = db.prepare("INSERT INTO borrowers (id, bank_id, name, id_number, phone, address, district) "
                        "VALUES (?, ?, ?, '110101199003071234', '13812345678', '某路 1 号', ?)");
    constexpr int kBorrowers = 400;
    for (int i = 1; i <= kBorrowers; ++i) {
        b.reset();
        const std::string bankId = i % 37 == 0   ? fmt::format("c{:07}", i)
                                   : i % 41 == 0 ? fmt::format("C1_%{:04}", i)
                                                 : fmt::format("C{:07}", i);
        b.bind(1, std::int64_t{i}).bind(2, bankId).bind(3, pick(names)).bind(4, pick(districts)).run();
    }
    auto l = db.prepare("INSERT INTO loans (id, bank_id, borrower_id, product, principal_fen, rate_micros, start_date, "
                        "term_months, method, officer, left_book_after) VALUES (?, ?, ?, ?, 10000000, 43500, "
                        "'2025-01-10', 24, 'equal_instalment', ?, ?)");
    auto s = db.prepare("INSERT INTO loan_status (loan_id, as_of, dpd, bucket, risk_class, overdue_principal_fen, "
                        "overdue_interest_fen, penalty_fen, compound_fen, total_overdue_fen, "
                        "outstanding_principal_fen) VALUES (?, '2026-11-30', ?, ?, ?, ?, 0, 0, 0, ?, 5000000)");
    // Row ids out of the loan numbers' order, so that the two sorts differ.
    for (int i = 1; i <= 600; ++i) {
        const int id = (i * 7919) % 601;
        const int borrower = std::uniform_int_distribution<int>(1, kBorrowers)(random);
        const std::string bankId = i % 23 == 0   ? fmt::format("l{:07}-{}", borrower, i)
                                   : i % 29 == 0 ? fmt::format("L1_%{:04}-{}", borrower, i)
                                                 : fmt::format("L{:07}-{}", borrower, i);
        l.reset();
        l.bind(1, std::int64_t{id}).bind(2, bankId).bind(3, std::int64_t{borrower}).bind(4, pick(products));
        l.bind(5, pick(officers));
        if (chance(10))
            l.bind(6, "2026-10-31");
        else
            l.bind(6, std::nullopt);
        l.run();
        if (chance(8)) continue;  // imported, never computed
        const int dpd = chance(40) ? 0 : std::uniform_int_distribution<int>(1, 400)(random);
        const std::int64_t overdue = dpd == 0 ? 0 : std::uniform_int_distribution<std::int64_t>(1, 50)(random) * 1000;
        s.reset();
        s.bind(1, std::int64_t{id}).bind(2, std::int64_t{dpd}).bind(3, pick(buckets)).bind(4, pick(classes));
        s.bind(5, overdue / 2).bind(6, overdue).run();
    }
}

std::vector<PortfolioKeys> keysOf(const PortfolioQuery& q, const std::string& officer = "")
{
    std::vector<PortfolioKeys> keys;
    q.forEachKeys(officer, [&](const PortfolioKeys& k) { keys.push_back(k); });
    return keys;
}

std::vector<std::int64_t> fromDatabase(const PortfolioQuery& q, const PortfolioFilter& f, PortfolioSort sort,
                                       bool ascending)
{
    std::vector<std::int64_t> out;
    for (const PortfolioRow& r : q.page(f, sort, ascending, 0, 100000))
        out.push_back(r.loanRowId);
    return out;
}

std::vector<PortfolioFilter> filters()
{
    std::vector<PortfolioFilter> out{{}};
    const auto with = [&](auto change) {
        PortfolioFilter f;
        change(f);
        out.push_back(f);
    };
    with([](PortfolioFilter& f) { f.overdueOnly = true; });
    for (const char* b : {"M0", "M1", "M3", "M7", "M9"})
        with([&](PortfolioFilter& f) { f.bucket = b; });
    for (const char* c : {"normal", "substandard", "loss", "unknown", "bogus"})
        with([&](PortfolioFilter& f) { f.riskClass = c; });
    for (const char* d : {"浦东新区", "Pudong", "徐汇"})
        with([&](PortfolioFilter& f) { f.district = d; });
    for (const char* p : {"mortgage", "credit_card"})
        with([&](PortfolioFilter& f) { f.product = p; });
    for (const char* o : {"officer1", "officer3", "nobody"})
        with([&](PortfolioFilter& f) { f.officer = o; });
    // Searches: a name's part, a loan or customer number's start in either case, the LIKE wildcards as such.
    for (const char* s : {"王", "强", "秀", "Zhang", "zhang", "L00001", "l00001", "c00000", "C1_%", "L1_", "%", "_",
                          "-1", "C0000037", "X"})
        with([&](PortfolioFilter& f) { f.search = s; });
    with([](PortfolioFilter& f) { f.book = BookFilter::LeftBook; });
    with([](PortfolioFilter& f) { f.book = BookFilter::Any; });
    with([](PortfolioFilter& f) {
        f.book = BookFilter::LeftBook;
        f.search = "王";
    });
    with([](PortfolioFilter& f) {
        f.overdueOnly = true;
        f.officer = "officer2";
        f.search = "L";
        f.district = "浦东新区";
    });
    with([](PortfolioFilter& f) {
        f.bucket = "M1";
        f.riskClass = "special_mention";
        f.product = "consumer";
    });
    return out;
}

constexpr PortfolioSort kSorts[] = {
    PortfolioSort::LoanId,           PortfolioSort::Borrower,    PortfolioSort::District, PortfolioSort::Product,
    PortfolioSort::Officer,          PortfolioSort::Dpd,         PortfolioSort::Bucket,   PortfolioSort::RiskClass,
    PortfolioSort::OverduePrincipal, PortfolioSort::TotalOverdue};

}  // namespace

TEST_CASE("The listing selects the loans of the database's filter in the database's order, for every sort")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "listing.db");
    fill(db);
    const PortfolioQuery q(db);
    const PortfolioListing listing(keysOf(q), "");
    REQUIRE(listing.size() == 600);
    int nonEmpty = 0;
    for (const PortfolioFilter& f : filters()) {
        for (const PortfolioSort sort : kSorts) {
            for (const bool ascending : {true, false}) {
                INFO("bucket " << f.bucket << " class " << f.riskClass << " district " << f.district << " product "
                               << f.product << " officer " << f.officer << " search " << f.search << " overdue "
                               << f.overdueOnly << " book " << static_cast<int>(f.book) << " sort "
                               << static_cast<int>(sort) << " ascending " << ascending);
                const auto expected = fromDatabase(q, f, sort, ascending);
                CHECK(listing.select(f, sort, ascending) == expected);
                if (!expected.empty()) ++nonEmpty;
            }
        }
    }
    // The comparison means something only where the filters find loans: most of them do.
    CHECK(nonEmpty > 500);
    // The officers to choose from: those of the database's own list.
    CHECK(listing.officers() == q.officers());
    CHECK(listing.officers().size() == 3);
}

TEST_CASE("An officer's listing holds their loans and keeps to them whatever officer a filter names")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "listing.db");
    fill(db);
    const PortfolioQuery q(db);
    const PortfolioListing mine(keysOf(q, "officer1"), "officer1");
    PortfolioFilter own;
    own.officer = "officer1";
    const auto expected = fromDatabase(q, own, PortfolioSort::Dpd, false);
    REQUIRE(!expected.empty());
    CHECK(mine.select({}, PortfolioSort::Dpd, false) == expected);
    PortfolioFilter other;
    other.officer = "officer2";
    CHECK(mine.select(other, PortfolioSort::Dpd, false) == expected);
}

TEST_CASE("The rows of a page come in the order asked, without loans that are not there or not the officer's")
{
    test::TempDir dir;
    const Connection db = test::migratedDatabase(dir / "listing.db");
    fill(db);
    const PortfolioQuery q(db);
    PortfolioFilter all;
    all.book = BookFilter::Any;
    const auto page = q.page(all, PortfolioSort::TotalOverdue, false, 0, 5);
    std::vector<std::int64_t> ids{page[3].loanRowId, 99999, page[0].loanRowId, page[4].loanRowId};
    const auto rows = q.rows(ids, "");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].loanRowId == page[3].loanRowId);
    CHECK(rows[0].loanId == page[3].loanId);
    CHECK(rows[0].borrowerName == page[3].borrowerName);
    CHECK(rows[0].totalOverdue == page[3].totalOverdue);
    CHECK(rows[0].leftBookAfter == page[3].leftBookAfter);
    CHECK(rows[1].loanRowId == page[0].loanRowId);
    CHECK(rows[2].loanRowId == page[4].loanRowId);
    for (const PortfolioRow& r : q.rows(ids, "officer1"))
        CHECK(r.officer == "officer1");
}
