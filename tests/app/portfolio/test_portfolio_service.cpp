#include "app/portfolio/portfolio_service.h"

#include "app/portfolio/portfolio_import.h"
#include "io/demo/synthetic_extract.h"
#include "support/db_query.h"
#include "support/test_branch.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace doorstep;
using app::PortfolioFilter;
using app::PortfolioService;
using app::PortfolioSort;
using Texts = std::vector<std::string>;

namespace {

constexpr std::string_view kPassword = "Doorstep-visit-2026";

std::int64_t loansOf(const storage::Connection& db, const std::string& officer)
{
    auto s = db.prepare("SELECT count(*) FROM loans WHERE officer = ?");
    s.bind(1, officer);
    REQUIRE(s.step());
    return s.columnInt(0);
}

// A borrower whose loans are all assigned to `officer`.
std::int64_t borrowerOf(const storage::Connection& db, const std::string& officer)
{
    auto s = db.prepare("SELECT borrower_id FROM loans GROUP BY borrower_id HAVING min(officer) = ? AND "
                        "max(officer) = ? ORDER BY borrower_id LIMIT 1");
    s.bind(1, officer).bind(2, officer);
    REQUIRE(s.step());
    return s.columnInt(0);
}

template <typename T> ErrorCode codeOf(const Result<T>& result)
{
    REQUIRE_FALSE(result.has_value());
    return result.error().code;
}

struct AuditRow {
    std::string actor, action, recordType, recordId;
};

std::vector<AuditRow> auditOf(const storage::Connection& db, const std::string& action)
{
    std::vector<AuditRow> out;
    auto s = db.prepare("SELECT actor, action, record_type, record_id FROM audit_event WHERE action = ? "
                        "ORDER BY sequence");
    s.bind(1, action);
    while (s.step())
        out.push_back({s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3)});
    return out;
}

// One branch for the whole file's worth of checks: 150 synthetic loans spread over three officers, of
// whom two have accounts, plus a supervisor.
struct Branch {
    test::TestBranch branch;
    test::TempDir files;
    std::unique_ptr<app::Session> admin;
    Branch()
    {
        branch.addUser("officer1", Role::Officer, kPassword);
        branch.addUser("officer2", Role::Officer, kPassword);
        branch.addUser("chief", Role::Supervisor, kPassword);
        io::SyntheticOptions options;
        options.loans = 150;
        options.seed = 31;
        options.officers = {"officer1", "officer2", "officer3"};
        REQUIRE(io::writeSyntheticExtract(files / "x", options));
        admin = branch.loginAdmin();
        const auto report = app::importExtract(*admin, files / "x", {});
        REQUIRE(report);
        REQUIRE(report->imported);
    }
    std::unique_ptr<app::Session> login(std::string_view user) { return branch.login(user, kPassword); }
    const storage::Connection& db() const { return admin->database().connection(); }
};

}  // namespace

TEST_CASE("a supervisor sees every loan; an officer only their own", "[portfolio_service]")
{
    Branch b;
    const std::int64_t all = test::queryInt(b.db(), "SELECT count(*) FROM loans");
    const std::int64_t mine = loansOf(b.db(), "officer1");
    REQUIRE(mine > 0);
    REQUIRE(mine < all);

    auto chief = b.login("chief");
    CHECK(PortfolioService(*chief).count({}) == all);

    auto officer = b.login("officer1");
    const PortfolioService service(*officer);
    CHECK(service.count({}) == mine);
    // Asking for someone else's caseload does not widen the view.
    PortfolioFilter other;
    other.officer = "officer2";
    CHECK(service.count(other) == mine);
    const auto page = service.page(other, PortfolioSort::LoanId, true, 0, 1000);
    REQUIRE(page);
    CHECK(static_cast<std::int64_t>(page->size()) == mine);
    CHECK(std::ranges::all_of(*page, [](const app::PortfolioRow& r) { return r.officer == "officer1"; }));

    // Page by page, the officer's list covers exactly their loans once.
    std::set<std::int64_t> seen;
    std::int64_t listed = 0;
    for (std::int64_t offset = 0;; offset += 7) {
        const auto part = service.page({}, PortfolioSort::Dpd, false, offset, 7);
        REQUIRE(part);
        if (part->empty()) break;
        for (const auto& r : *part) {
            CHECK(r.officer == "officer1");
            seen.insert(r.loanRowId);
            ++listed;
        }
    }
    CHECK(listed == mine);
    CHECK(static_cast<std::int64_t>(seen.size()) == mine);

    // The other filters still apply inside the officer's own caseload.
    PortfolioFilter overdue;
    overdue.overdueOnly = true;
    auto s = b.db().prepare("SELECT count(*) FROM loans l JOIN loan_status st ON st.loan_id = l.id "
                            "WHERE l.officer = 'officer1' AND st.dpd > 0");
    REQUIRE(s.step());
    CHECK(service.count(overdue) == s.columnInt(0));
}

TEST_CASE("officers and districts for the filter lists", "[portfolio_service]")
{
    Branch b;
    auto chief = b.login("chief");
    CHECK(PortfolioService(*chief).officers() == Texts{"officer1", "officer2", "officer3"});
    auto officer = b.login("officer2");
    CHECK(PortfolioService(*officer).officers() == Texts{"officer2"});
    const auto districts = PortfolioService(*officer).districts();
    REQUIRE(districts);
    CHECK_FALSE(districts->empty());
    CHECK(std::ranges::is_sorted(*districts));
    const auto all = PortfolioService(*chief).districts();
    REQUIRE(all);
    CHECK(*all == *districts);
}

TEST_CASE("the administrator manages the branch but does not browse customers", "[portfolio_service]")
{
    Branch b;
    PortfolioService service(*b.admin);
    CHECK(codeOf(service.count({})) == ErrorCode::PermissionDenied);
    CHECK(codeOf(service.page({}, PortfolioSort::LoanId, true, 0, 10)) == ErrorCode::PermissionDenied);
    CHECK(codeOf(service.districts()) == ErrorCode::PermissionDenied);
    CHECK(codeOf(service.officers()) == ErrorCode::PermissionDenied);
    CHECK(codeOf(service.openCase(borrowerOf(b.db(), "officer1"))) == ErrorCode::PermissionDenied);
    CHECK(auditOf(b.db(), "case.view").empty());
}

TEST_CASE("opening a case records who saw whose record, by row id only", "[portfolio_service]")
{
    Branch b;
    const std::int64_t borrower = borrowerOf(b.db(), "officer2");
    auto chief = b.login("chief");
    const auto opened = PortfolioService(*chief).openCase(borrower);
    REQUIRE(opened);
    CHECK(opened->rowId == borrower);
    CHECK_FALSE(opened->loans.empty());
    CHECK_FALSE(opened->borrower.name.empty());

    const auto events = auditOf(b.db(), "case.view");
    REQUIRE(events.size() == 1);
    CHECK(events[0].actor == "chief");
    CHECK(events[0].recordType == "borrower");
    CHECK(events[0].recordId == std::to_string(borrower));
    // Nothing personal in the trail: not the name, the ID number, a phone number or the customer number.
    const auto& person = opened->borrower;
    for (const std::string& datum : {person.name, person.idNumber, person.phones.at(0), person.id, person.address}) {
        for (const auto& field : {events[0].actor, events[0].recordType, events[0].recordId})
            CHECK_THAT(field, !Catch::Matchers::ContainsSubstring(datum));
    }
}

TEST_CASE("an officer opens their own borrowers and is refused another officer's", "[portfolio_service]")
{
    Branch b;
    const std::int64_t own = borrowerOf(b.db(), "officer1");
    const std::int64_t theirs = borrowerOf(b.db(), "officer2");
    auto officer = b.login("officer1");
    PortfolioService service(*officer);

    const auto mine = service.openCase(own);
    REQUIRE(mine);
    CHECK(std::ranges::all_of(mine->loans, [](const app::LoanDetail& d) { return d.loan.officer == "officer1"; }));

    const auto refused = service.openCase(theirs);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::PermissionDenied);
    const auto missing = service.openCase(999'999);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);

    // Only the case actually seen is on record.
    const auto events = auditOf(b.db(), "case.view");
    REQUIRE(events.size() == 1);
    CHECK(events[0].actor == "officer1");
    CHECK(events[0].recordId == std::to_string(own));

    // A borrower with one loan assigned to the officer and one to another is the officer's case too.
    b.db().execute("UPDATE loans SET officer = 'officer1' WHERE id = (SELECT min(id) FROM loans WHERE borrower_id = " +
                   std::to_string(theirs) + ")");
    const auto shared = service.openCase(theirs);
    REQUIRE(shared);
    CHECK(auditOf(b.db(), "case.view").size() == 2);
}

TEST_CASE("an officer's view follows a reassignment in the next extract", "[portfolio_service]")
{
    Branch b;
    const std::int64_t two = loansOf(b.db(), "officer2");
    const std::int64_t three = loansOf(b.db(), "officer3");
    auto officer = b.login("officer2");
    const PortfolioService service(*officer);
    CHECK(service.count({}) == two);

    // The same book with officer2's and officer3's caseloads swapped (the generator draws an officer by
    // position, so only the names change).
    io::SyntheticOptions options;
    options.loans = 150;
    options.seed = 31;
    options.officers = {"officer1", "officer3", "officer2"};
    REQUIRE(io::writeSyntheticExtract(b.files / "y", options));
    const auto report = app::importExtract(*b.admin, b.files / "y", {});
    REQUIRE(report);
    REQUIRE(report->imported);
    CHECK(report->rowsChanged == two + three);
    CHECK(service.count({}) == three);
}
