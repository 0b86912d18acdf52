#pragma once
// Reading the portfolio for lists and the case view: filtered, sorted, fetched a page at a time.
#include "domain/portfolio/portfolio.h"
#include "storage/database/sqlite.h"
#include "storage/portfolio/loan_status_repository.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

// Which loans a list holds (DOMAIN.md section 3: a loan no later extract holds has left the book).
enum class BookFilter { InBook, LeftBook, Any };

struct PortfolioFilter {
    std::string bucket;     // "M2"; empty = any
    std::string riskClass;  // "substandard"; empty = any
    std::string district;
    std::string product;  // "consumer"
    std::string officer;  // user name; empty = any
    std::string search;   // borrower name (part), or the start of a loan or customer number
    bool overdueOnly = false;
    // The default view is the book; a search finds a loan that left it too, so its case still opens.
    BookFilter book = BookFilter::InBook;
};

enum class PortfolioSort {
    LoanId,
    Borrower,
    District,
    Product,
    Officer,
    Dpd,
    Bucket,
    RiskClass,
    OverduePrincipal,
    TotalOverdue
};

struct PortfolioRow {
    std::int64_t loanRowId = 0;
    std::int64_t borrowerRowId = 0;
    std::string loanId;
    std::string borrowerId;  // the bank's customer number
    std::string borrowerName;
    std::string idNumber;
    std::string phone;
    std::string district;
    std::string product;
    std::string officer;
    int dpd = 0;
    std::string bucket;
    std::string riskClass;
    Money overduePrincipal;
    Money totalOverdue;
    // Set when the loan has left the book: the date of the last extract that held it ("" when no import
    // was on record then). Its figures are those of that date.
    std::optional<std::string> leftBookAfter;
};

// What a list kept in memory needs of one loan to filter and sort it as page() does (app::PortfolioListing);
// the columns it shows come a page at a time from rows().
struct PortfolioKeys {
    std::int64_t loanRowId = 0;
    std::string loanId;
    std::string borrowerId;
    std::string borrowerName;
    std::string district;
    std::string product;
    std::string officer;
    bool hasStatus = false;  // false: no delinquency state yet, and its columns are NULL (they sort first)
    int dpd = 0;
    std::string bucket;
    std::string riskClass;
    Money overduePrincipal;
    Money totalOverdue;
    bool leftBook = false;
};

struct LoanDetail {
    std::int64_t rowId = 0;
    Loan loan;
    std::vector<Instalment> instalments;
    std::vector<Payment> payments;
    std::optional<LoanStatusRow> status;
    std::optional<std::string> leftBookAfter;  // as PortfolioRow's
};

struct BorrowerCase {
    std::int64_t rowId = 0;
    Borrower borrower;
    std::vector<ContactPerson> contacts;
    std::optional<CreditRecord> credit;
    std::vector<LoanDetail> loans;
    std::optional<std::string> leftBookAfter;  // the borrower left the book: no later extract listed them
};

class PortfolioQuery final {
public:
    explicit PortfolioQuery(const Connection& connection) : m_db(connection) {}

    std::int64_t count(const PortfolioFilter& filter) const;
    std::vector<PortfolioRow> page(const PortfolioFilter& filter, PortfolioSort sort, bool ascending,
                                   std::int64_t offset, std::int64_t limit) const;
    // Every loan (of `officer`; empty: of everybody), in row-id order, in or out of the book.
    void forEachKeys(const std::string& officer, const std::function<void(const PortfolioKeys&)>& visit) const;
    // The list rows of these loans in this order, leaving out those that do not exist (or are not `officer`'s,
    // when given).
    std::vector<PortfolioRow> rows(const std::vector<std::int64_t>& loanRowIds, const std::string& officer) const;
    std::vector<std::string> districts() const;
    std::vector<std::string> officers() const;
    std::optional<BorrowerCase> borrowerCase(std::int64_t borrowerRowId) const;
    // The customer numbers of the given borrower rows (those that exist), for records named in the audit trail.
    std::map<std::int64_t, std::string> customerNumbers(const std::vector<std::int64_t>& borrowerRowIds) const;

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
