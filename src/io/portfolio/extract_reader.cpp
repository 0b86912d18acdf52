#include "io/portfolio/extract_reader.h"

#include "domain/shared/resident_id.h"
#include "io/portfolio/extract_table.h"

#include <algorithm>
#include <climits>
#include <fmt/core.h>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace doorstep::io {
namespace {

namespace fs = std::filesystem;
using detail::Column;
using detail::ExtractTable;
using detail::quoted;
using detail::Sign;

// The columns of each file (docs/data-formats.md); the enums index the arrays.
// clang-format off
enum ManifestColumn : std::size_t { ExtractDate, BranchCode };
constexpr std::array<Column, 2> kManifest{{{"extract_date"}, {"branch_code", true, true}}};
enum BorrowerColumn : std::size_t {
    BorrowerId, Name, IdNumber, Phone, Phone2, Address, District, Latitude, Longitude, Employer, Income, Expenses };
constexpr std::array<Column, 12> kBorrowers{{
    {"borrower_id", true, true}, {"name"}, {"id_number"}, {"phone"}, {"phone2", false}, {"address"}, {"district"},
    {"latitude", false}, {"longitude", false}, {"employer", false}, {"monthly_income", false},
    {"monthly_expenses", false}}};
enum ContactColumn : std::size_t { ContactBorrower, ContactName, ContactRelation, ContactPhone };
constexpr std::array<Column, 4> kContacts{{{"borrower_id", true, true}, {"name"}, {"relation"}, {"phone"}}};
enum CreditColumn : std::size_t { CreditBorrower, ReportDate, OverdueElsewhere, WorstDpd, TotalDebt, Enquiries };
constexpr std::array<Column, 6> kCredit{{
    {"borrower_id", true, true}, {"report_date"}, {"overdue_accounts_elsewhere"}, {"worst_dpd_24m"}, {"total_debt"},
    {"enquiries_6m"}}};
enum LoanColumn : std::size_t {
    LoanId, LoanBorrower, ProductColumn, Principal, InterestRate, StartDate, TermMonths, Method, Officer };
constexpr std::array<Column, 9> kLoans{{
    {"loan_id", true, true}, {"borrower_id", true, true}, {"product"}, {"principal"}, {"interest_rate"},
    {"start_date"}, {"term_months"}, {"repayment_method"}, {"officer", false, true}}};
enum InstalmentColumn : std::size_t { InstalmentLoan, Seq, DueDate, PrincipalDue, InterestDue };
constexpr std::array<Column, 5> kInstalments{{
    {"loan_id", true, true}, {"seq"}, {"due_date"}, {"principal_due"}, {"interest_due"}}};
enum PaymentColumn : std::size_t { PaymentId, PaymentLoan, PaidDate, Amount };
constexpr std::array<Column, 4> kPayments{{
    {"payment_id", true, true}, {"loan_id", true, true}, {"paid_date"}, {"amount"}}};
enum ContactHistoryColumn : std::size_t {
    AttemptBorrower, AttemptLoan, ContactTime, Channel, Reached, Outcome, PromisedAmount, PromisedDate };
constexpr std::array<Column, 8> kContactHistory{{
    {"borrower_id", true, true}, {"loan_id", false, true}, {"contact_time"}, {"channel"}, {"reached"}, {"outcome"},
    {"promised_amount", false}, {"promised_date", false}}};
// clang-format on

std::string joinWithComma(const std::vector<std::string_view>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ", ";
        out += names[i];
    }
    return out;
}

// "the extract folder … has no loans.csv", or "… has no contacts.csv, loans.csv or payments.csv".
std::unexpected<Error> missingFiles(const std::filesystem::path& folder, std::vector<std::string_view> names)
{
    const std::string last(names.back());
    names.pop_back();
    if (names.empty())
        return fail(ErrorCode::FileMissing, MessageId{"extract.missing_file"},
                    {MessageArg::text("folder", folder.string()), MessageArg::text("file", last)});
    return fail(ErrorCode::FileMissing, MessageId{"extract.missing_files"},
                {MessageArg::text("folder", folder.string()), MessageArg::text("files", joinWithComma(names)),
                 MessageArg::text("last", last)});
}

// Buckets for an id set, guessed from the file size, so a big extract does not rehash again and again.
std::size_t expectedRows(std::uint64_t fileBytes, std::uint64_t bytesPerRow)
{
    return static_cast<std::size_t>(std::min<std::uint64_t>(fileBytes / bytesPerRow + 16, std::uint64_t{1} << 23));
}

// What the reader keeps of each borrower: 8 bytes beside the id. `number` counts borrowers from 1 in
// file order, so a loan can name its borrower in 4 bytes instead of a copy of the id.
struct BorrowerFacts {
    std::uint32_t number = 0;  // 0: a borrower met only on a malformed row
    bool creditRecord = false;
    bool contactsSeen = false;  // its contact attempts were listed (contact_history.csv)
};

struct LoanFacts {
    std::optional<Date> start;
    std::int64_t principalFen = 0;
    std::uint32_t borrower = 0;  // BorrowerFacts::number of its borrower; 0 when unknown
    std::uint32_t line = 0;      // its line in loans.csv
    std::uint16_t termMonths = 0;
    bool listed = false;  // its row passed every check (it reached the sink)
    bool instalmentsSeen = false;
    bool paymentsSeen = false;
};

// The borrower whose contact attempts are being read: each borrower's rows come together, oldest first.
struct ContactGroup {
    bool active = false;
    bool ordered = true;  // check the order; not for a group met a second time (already reported)
    std::string borrowerId;
    std::optional<Date> lastDate;
    int lastMinute = 0;
    std::string lastTime;  // as written, for messages
};

// The loan whose instalments or payments are being read: each loan's rows come together.
struct Group {
    bool active = false;
    bool known = false;   // rows of this group may reach the sink
    bool ordered = true;  // check sequence, dates and ids; not for a group met a second time (already reported)
    std::string loanId;
    std::optional<Date> start;
    int lastSeq = 0;
    std::optional<Date> lastDate;
    std::unordered_set<std::string> paymentIds;
    // Instalment groups: the loan's facts, and what its rows add up to, compared with loans.csv at the end.
    bool instalments = false;
    LoanFacts* facts = nullptr;  // stays valid: an unordered_map's elements do not move
    int count = 0;
    std::int64_t principalFen = 0;
};

class ExtractReader {
public:
    ExtractReader(fs::path folder, ExtractSink& sink, const ExtractOptions& options)
        : m_folder(std::move(folder)), m_sink(sink), m_options(options), m_table(m_result, options.maxProblems)
    {}
    Result<ExtractResult> run();

private:
    using RowReader = void (ExtractReader::*)();
    struct File {
        std::string_view name;
        std::span<const Column> columns;
        RowReader row;
        RowReader malformed;  // or nullptr
    };
    Result<void> readFile(const File& file);
    bool stopped() const { return m_result.cancelled || m_result.truncated; }
    bool progress();

    void manifestRow();
    void borrowerRow();
    void contactRow();
    void creditRow();
    void loanRow();
    void instalmentRow();
    void paymentRow();
    void contactAttemptRow();
    // A row whose fields cannot be told apart still names its borrower or loan, for the files after it.
    void malformedBorrowerRow() { m_borrowers.try_emplace(m_table.text(BorrowerId)); }
    void malformedLoanRow() { m_loans.try_emplace(m_table.text(LoanId)); }
    void malformedManifestRow() { ++m_manifestRows; }

    void checkPaymentIdsUnique();
    void closeInstalmentGroup();
    void checkEveryLoanHasInstalments();
    void warning(std::uint32_t line, std::string_view column, MessageId id, MessageArgs args);
    bool knownBorrower(std::size_t column);
    bool enterGroup(std::size_t column, bool instalments);
    bool enterContactGroup();

    fs::path m_folder;
    ExtractSink& m_sink;
    const ExtractOptions& m_options;
    ExtractResult m_result;
    ExtractTable m_table;
    std::uint64_t m_total = 0;
    std::uint64_t m_doneBefore = 0;
    std::uint64_t m_lastProgress = ~std::uint64_t{0};

    int m_manifestRows = 0;
    std::optional<Date> m_extractDate;
    std::unordered_map<std::string, BorrowerFacts> m_borrowers;
    std::uint32_t m_borrowerCount = 0;
    std::unordered_map<std::string, LoanFacts> m_loans;
    bool m_borrowersComplete = false;  // every borrower id was read, so references to them can be checked
    bool m_loansComplete = false;
    Group m_group;
    ContactGroup m_contactGroup;
    // A hash of every payment id, so an id given to payments of two loans is found (8 bytes a payment).
    std::vector<std::uint64_t> m_paymentIdHashes;

    Borrower m_borrower;
    ContactPerson m_contact;
    CreditRecord m_credit;
    Loan m_loan;
    Instalment m_instalment;
    Payment m_payment;
    ContactAttempt m_attempt;
};

Result<ExtractResult> ExtractReader::run()
{
    std::error_code ec;
    if (!fs::is_directory(m_folder, ec))
        return fail(ErrorCode::FileMissing, MessageId{"extract.no_folder"},
                    {MessageArg::text("folder", m_folder.string())});
    std::vector<std::string_view> missing;
    for (std::string_view file : kExtractFiles) {
        const fs::path path = m_folder / file;
        if (!fs::is_regular_file(path, ec))
            missing.push_back(file);
        else
            m_total += fs::file_size(path, ec);
    }
    if (!missing.empty()) return missingFiles(m_folder, missing);
    const bool hasContactHistory = fs::is_regular_file(m_folder / kOptionalExtractFiles[0], ec);
    if (hasContactHistory) m_total += fs::file_size(m_folder / kOptionalExtractFiles[0], ec);
    const std::array<File, 8> files{{
        {kExtractFiles[0], kManifest, &ExtractReader::manifestRow, &ExtractReader::malformedManifestRow},
        {kExtractFiles[1], kBorrowers, &ExtractReader::borrowerRow, &ExtractReader::malformedBorrowerRow},
        {kExtractFiles[2], kContacts, &ExtractReader::contactRow, nullptr},
        {kExtractFiles[3], kCredit, &ExtractReader::creditRow, nullptr},
        {kExtractFiles[4], kLoans, &ExtractReader::loanRow, &ExtractReader::malformedLoanRow},
        {kExtractFiles[5], kInstalments, &ExtractReader::instalmentRow, nullptr},
        {kExtractFiles[6], kPayments, &ExtractReader::paymentRow, nullptr},
        {kOptionalExtractFiles[0], kContactHistory, &ExtractReader::contactAttemptRow, nullptr},
    }};
    if (m_options.progress && !m_options.progress(0, m_total)) m_result.cancelled = true;
    for (const File& file : files) {
        if (stopped()) break;
        if (file.row == &ExtractReader::contactAttemptRow && !hasContactHistory) continue;
        if (auto read = readFile(file); !read) return std::unexpected(std::move(read.error()));
    }
    if (!stopped() && m_options.progress && !m_options.progress(m_total, m_total)) m_result.cancelled = true;
    return std::move(m_result);
}

Result<void> ExtractReader::readFile(const File& file)
{
    const auto usable = m_table.open(m_folder, file.name, file.columns, m_options.encoding);
    if (!usable) return std::unexpected(usable.error());
    bool complete = *usable;
    if (file.row == &ExtractReader::borrowerRow) m_borrowers.reserve(expectedRows(m_table.fileSize(), 100));
    if (file.row == &ExtractReader::loanRow) m_loans.reserve(expectedRows(m_table.fileSize(), 70));
    if (file.row == &ExtractReader::paymentRow) m_paymentIdHashes.reserve(m_table.fileSize() / 32 + 16);
    m_group = Group{};
    const std::size_t problemsBefore = m_result.problems.size();
    while (complete && !stopped()) {
        const auto next = m_table.next();
        if (!next) return std::unexpected(next.error());
        if (*next == ExtractTable::Next::End) break;
        if (*next == ExtractTable::Next::Broken || !progress())
            complete = false;
        else if (*next == ExtractTable::Next::Row)
            (this->*file.row)();
        else if (file.malformed != nullptr)
            (this->*file.malformed)();
    }
    // Only a file read to its end tells which ids exist; otherwise references to it go unchecked.
    if (file.row == &ExtractReader::borrowerRow) m_borrowersComplete = complete;
    if (file.row == &ExtractReader::loanRow) m_loansComplete = complete;
    if (file.row == &ExtractReader::instalmentRow && complete && !stopped()) {
        closeInstalmentGroup();
        checkEveryLoanHasInstalments();
    }
    if (file.row == &ExtractReader::paymentRow) {
        if (complete && !stopped()) checkPaymentIdsUnique();
        m_paymentIdHashes = {};
        // The second look adds its problems last: keep the file's problems in line order.
        std::stable_sort(m_result.problems.begin() + static_cast<std::ptrdiff_t>(problemsBefore),
                         m_result.problems.end(),
                         [](const ExtractProblem& a, const ExtractProblem& b) { return a.line < b.line; });
    }
    if (complete && file.row == &ExtractReader::manifestRow && m_manifestRows == 0)
        m_table.problem(0, {}, MessageId{"import.manifest_missing"});
    m_doneBefore += m_table.fileSize();
    m_table.close();
    return {};
}

// Payment ids are unique across the whole file, not only within a loan: the database keeps one payment per
// id, so a reused id would silently move a payment from one loan to the other. Sorting the hashes finds
// candidate duplicates in O(n log n) with 8 bytes a payment; only when there are some (hash collisions
// included) is the file read a second time, keeping just the candidates' ids, to report the real ones.
void ExtractReader::checkPaymentIdsUnique()
{
    std::ranges::sort(m_paymentIdHashes);
    std::vector<std::uint64_t> candidates;
    for (std::size_t i = 1; i < m_paymentIdHashes.size(); ++i) {
        if (m_paymentIdHashes[i] == m_paymentIdHashes[i - 1] &&
            (candidates.empty() || candidates.back() != m_paymentIdHashes[i]))
            candidates.push_back(m_paymentIdHashes[i]);
    }
    m_paymentIdHashes = {};
    if (candidates.empty()) return;
    m_table.close();
    const auto usable = m_table.open(m_folder, kExtractFiles[6], kPayments, m_options.encoding);
    if (!usable || !*usable) return;  // read once already; a file that changed meanwhile is not this check's
    std::unordered_map<std::string, std::string> loanOfPayment;  // candidates only
    while (!stopped()) {
        const auto next = m_table.next();
        if (!next || *next == ExtractTable::Next::End || *next == ExtractTable::Next::Broken) break;
        if (*next != ExtractTable::Next::Row) continue;
        const std::string& id = m_table.text(PaymentId);  // empty ones were reported on the first read
        if (id.empty() || !std::ranges::binary_search(candidates, std::hash<std::string>{}(id))) continue;
        const auto [first, inserted] = loanOfPayment.try_emplace(id, m_table.text(PaymentLoan));
        // Twice within one loan was reported on the first read.
        if (!inserted && first->second != m_table.text(PaymentLoan))
            m_table.problem(PaymentId, MessageId{"import.payment_id_other_loan"}, {quoted("value", id)});
    }
}

// The schedule of the loan whose instalments were just read against its row in loans.csv. Either may be what
// the bank meant (a term extension keeps the contract's term; a rescheduled loan's instalments may not add up
// to the amount lent), so a difference is imported and listed as a warning, not refused (docs/data-formats.md).
void ExtractReader::closeInstalmentGroup()
{
    const Group& g = m_group;
    if (!g.active || !g.instalments || !g.ordered || g.facts == nullptr || !g.facts->listed) return;
    const LoanFacts& loan = *g.facts;
    if (g.count != loan.termMonths)
        warning(loan.line, "term_months", MessageId{"import.term_differs"},
                {quoted("value", std::to_string(loan.termMonths)), quoted("count", std::to_string(g.count))});
    if (g.principalFen != loan.principalFen)
        warning(loan.line, "principal", MessageId{"import.principal_differs"},
                {quoted("value", formatYuanPlain(Money{loan.principalFen})),
                 quoted("total", formatYuanPlain(Money{g.principalFen}))});
}

void ExtractReader::warning(std::uint32_t line, std::string_view column, MessageId id, MessageArgs args)
{
    ++m_result.warningCount;
    if (m_result.warnings.size() < m_options.maxProblems)
        m_result.warnings.push_back(
            extractProblem(std::string(kExtractFiles[4]), line, std::string(column), id, std::move(args)));
}

// A loan without a schedule would show as current whatever it owes: refused, on the loan's line in loans.csv,
// merged among that file's problems in line order.
void ExtractReader::checkEveryLoanHasInstalments()
{
    std::vector<std::pair<std::uint32_t, const std::string*>> missing;
    for (const auto& [id, loan] : m_loans) {
        if (loan.listed && !loan.instalmentsSeen) missing.emplace_back(loan.line, &id);
    }
    if (missing.empty()) return;
    std::ranges::sort(missing);
    auto& problems = m_result.problems;
    const auto isLoans = [](const ExtractProblem& p) { return p.file == kExtractFiles[4]; };
    // Problems are in file order: those of loans.csv end where the first of instalments.csv begins.
    auto end = std::ranges::find_if(problems, [](const ExtractProblem& p) { return p.file == kExtractFiles[5]; });
    std::vector<ExtractProblem> added;
    for (const auto& [line, id] : missing) {
        if (problems.size() + added.size() >= m_options.maxProblems) {
            m_result.truncated = true;
            break;
        }
        added.push_back(extractProblem(std::string(kExtractFiles[4]), line, "loan_id",
                                       MessageId{"import.no_instalments"}, {quoted("value", *id)}));
    }
    const auto at = problems.insert(end, added.begin(), added.end());
    const auto first = std::ranges::find_if(problems, isLoans);
    std::stable_sort(first, at + static_cast<std::ptrdiff_t>(added.size()),
                     [](const ExtractProblem& a, const ExtractProblem& b) { return a.line < b.line; });
}

bool ExtractReader::progress()
{
    if (!m_options.progress) return true;
    const std::uint64_t done = m_doneBefore + m_table.bytesRead();
    if (done == m_lastProgress) return true;
    m_lastProgress = done;
    if (!m_options.progress(done, m_total)) m_result.cancelled = true;
    return !m_result.cancelled;
}

bool ExtractReader::knownBorrower(std::size_t column)
{
    if (!m_table.filled(column)) return false;
    const std::string& id = m_table.text(column);
    if (!m_borrowersComplete || m_borrowers.contains(id)) return true;
    return m_table.problem(column, MessageId{"import.no_borrower"}, {quoted("value", id)});
}

// Starts the loan's group at its first row and checks it once, there: the loan exists, and its rows were
// not already listed before another loan's. False for a row that may not reach the sink.
bool ExtractReader::enterGroup(std::size_t column, bool instalments)
{
    const std::string& loanId = m_table.text(column);
    if (m_group.active && m_group.loanId == loanId) return m_group.known;
    closeInstalmentGroup();
    m_group.active = true;
    m_group.instalments = instalments;
    m_group.facts = nullptr;
    m_group.count = 0;
    m_group.principalFen = 0;
    m_group.known = true;
    m_group.ordered = true;
    m_group.loanId = loanId;
    m_group.start.reset();
    m_group.lastSeq = 0;
    m_group.lastDate.reset();
    // clear() touches every bucket: after a loan with many payments, start from a small set instead.
    if (m_group.paymentIds.bucket_count() > 64)
        m_group.paymentIds = {};
    else
        m_group.paymentIds.clear();
    const auto found = m_loans.find(loanId);
    if (found == m_loans.end()) {
        if (!m_loansComplete) return true;
        m_group.known = false;
        return m_table.problem(column, MessageId{"import.no_loan"}, {quoted("value", loanId)});
    }
    m_group.start = found->second.start;
    m_group.facts = &found->second;
    bool& seen = instalments ? found->second.instalmentsSeen : found->second.paymentsSeen;
    if (!std::exchange(seen, true)) return true;
    m_group.known = false;
    m_group.ordered = false;
    return m_table.problem(column,
                           instalments ? MessageId{"import.instalments_apart"} : MessageId{"import.payments_apart"},
                           {quoted("value", loanId)});
}

void ExtractReader::manifestRow()
{
    if (++m_manifestRows > 1) {
        if (m_manifestRows == 2) m_table.problem(m_table.line(), {}, MessageId{"import.manifest_rows"});
        return;
    }
    Date extractDate{};
    const bool dated = m_table.date(ExtractDate, extractDate);
    if (dated) m_extractDate = extractDate;
    if (m_table.filled(BranchCode) && dated) {
        m_result.manifest = ExtractManifest{extractDate, m_table.text(BranchCode)};
        m_sink.manifest(m_result.manifest);
    }
}

void ExtractReader::borrowerRow()
{
    ExtractTable& t = m_table;
    bool ok = t.filled(BorrowerId);
    if (ok) {
        const auto [at, added] = m_borrowers.try_emplace(t.text(BorrowerId));
        if (added)
            at->second.number = ++m_borrowerCount;
        else
            ok = t.problem(BorrowerId, MessageId{"import.duplicate_id"}, {quoted("value", t.text(BorrowerId))});
    }
    ok &= t.filled(Name);
    if (t.filled(IdNumber)) {
        // The number never goes into the message: it is a personal datum.
        if (const auto valid = validateResidentId(t.text(IdNumber)); !valid) ok = t.problem(IdNumber, valid.error());
    } else {
        ok = false;
    }
    if (t.filled(Phone)) {
        if (t.text(Phone).size() != 11 || !detail::allDigits(t.text(Phone)))
            ok = t.problem(Phone, MessageId{"import.not_mobile"});
    } else {
        ok = false;
    }
    ok &= t.filled(Address);
    ok &= t.filled(District);
    std::optional<GeoPointE6> location;
    const bool hasLatitude = !t.text(Latitude).empty();
    const bool hasLongitude = !t.text(Longitude).empty();
    if (hasLatitude != hasLongitude) {
        ok = t.problem(hasLatitude ? Longitude : Latitude, MessageId{"import.together"},
                       {MessageArg::text("other", hasLatitude ? "latitude" : "longitude")});
    } else if (hasLatitude) {
        GeoPointE6 point;
        const bool latitudeOk = t.degrees(Latitude, 90, "31.230416", point.latitudeE6);
        const bool longitudeOk = t.degrees(Longitude, 180, "121.473701", point.longitudeE6);
        if (latitudeOk && longitudeOk)
            location = point;
        else
            ok = false;
    }
    Borrower& b = m_borrower;
    ok &= t.amount(Income, Sign::NotNegative, b.monthlyIncome);
    ok &= t.amount(Expenses, Sign::NotNegative, b.monthlyExpenses);
    if (!ok) return;
    b.id = t.text(BorrowerId);
    b.name = t.text(Name);
    b.idNumber = t.text(IdNumber);
    b.phones.clear();
    b.phones.push_back(t.text(Phone));
    if (!t.text(Phone2).empty()) b.phones.push_back(t.text(Phone2));
    b.address = t.text(Address);
    b.district = t.text(District);
    b.location = location;
    b.employer = t.text(Employer);
    m_sink.borrower(b);
    ++m_result.counts.borrowers;
}

void ExtractReader::contactRow()
{
    ExtractTable& t = m_table;
    ContactPerson& c = m_contact;
    bool ok = knownBorrower(ContactBorrower);
    ok &= t.filled(ContactName);
    ok &= t.code(ContactRelation, &parseRelation, MessageId{"import.code.relation"}, c.relation);
    ok &= t.filled(ContactPhone);
    if (!ok) return;
    c.borrowerId = t.text(ContactBorrower);
    c.name = t.text(ContactName);
    c.phone = t.text(ContactPhone);
    m_sink.contact(c);
    ++m_result.counts.contacts;
}

void ExtractReader::creditRow()
{
    ExtractTable& t = m_table;
    CreditRecord& r = m_credit;
    bool ok = knownBorrower(CreditBorrower);
    // docs/data-formats.md: at most one credit record per borrower.
    if (const auto found = m_borrowers.find(t.text(CreditBorrower)); ok && found != m_borrowers.end()) {
        if (std::exchange(found->second.creditRecord, true))
            ok = t.problem(CreditBorrower, MessageId{"import.credit_twice"}, {quoted("value", t.text(CreditBorrower))});
    }
    ok &= t.date(ReportDate, r.reportDate);
    ok &= t.whole(OverdueElsewhere, 0, INT_MAX, r.overdueAccountsElsewhere);
    ok &= t.whole(WorstDpd, 0, INT_MAX, r.worstDpd24Months);
    ok &= t.amount(TotalDebt, Sign::NotNegative, r.totalDebt);
    ok &= t.whole(Enquiries, 0, INT_MAX, r.enquiriesLast6Months);
    if (!ok) return;
    r.borrowerId = t.text(CreditBorrower);
    m_sink.creditRecord(r);
    ++m_result.counts.creditRecords;
}

void ExtractReader::loanRow()
{
    ExtractTable& t = m_table;
    Loan& l = m_loan;
    LoanFacts* facts = nullptr;
    bool ok = t.filled(LoanId);
    if (ok) {
        const auto [at, added] = m_loans.try_emplace(t.text(LoanId));
        if (added)
            facts = &at->second;
        else
            ok = t.problem(LoanId, MessageId{"import.duplicate_id"}, {quoted("value", t.text(LoanId))});
    }
    if (knownBorrower(LoanBorrower)) {
        const auto borrower = m_borrowers.find(t.text(LoanBorrower));
        if (facts != nullptr && borrower != m_borrowers.end()) facts->borrower = borrower->second.number;
    } else {
        ok = false;
    }
    ok &= t.code(ProductColumn, &parseProduct, MessageId{"import.code.product"}, l.product);
    ok &= t.amount(Principal, Sign::Positive, l.principal);
    ok &= t.rate(InterestRate, l.contractRate);
    if (t.date(StartDate, l.startDate)) {
        if (facts != nullptr) facts->start = l.startDate;
    } else {
        ok = false;
    }
    ok &= t.whole(TermMonths, 1, 480, l.termMonths);
    ok &= t.code(Method, &parseRepaymentMethod, MessageId{"import.code.method"}, l.method);
    if (!ok) return;
    if (facts != nullptr) {
        facts->listed = true;
        facts->line = static_cast<std::uint32_t>(t.line());
        facts->principalFen = l.principal.fen;
        facts->termMonths = static_cast<std::uint16_t>(l.termMonths);
    }
    l.id = t.text(LoanId);
    l.borrowerId = t.text(LoanBorrower);
    l.officer = t.text(Officer);
    m_sink.loan(l);
    ++m_result.counts.loans;
}

void ExtractReader::instalmentRow()
{
    ExtractTable& t = m_table;
    Instalment& i = m_instalment;
    const bool loanGiven = t.filled(InstalmentLoan);
    bool ok = loanGiven && enterGroup(InstalmentLoan, true);
    const bool grouped = loanGiven && m_group.ordered;
    // At most 480 instalments a loan (as term_months): part of the money bound (extract_table.h).
    if (t.whole(Seq, 0, 480, i.sequence)) {
        if (grouped && i.sequence != m_group.lastSeq + 1)
            ok = t.problem(
                Seq, MessageId{"import.seq_order"},
                {quoted("value", t.text(Seq)), MessageArg::text("expected", std::to_string(m_group.lastSeq + 1))});
        if (grouped) m_group.lastSeq = i.sequence;
    } else {
        ok = false;
    }
    if (t.date(DueDate, i.dueDate)) {
        if (grouped && m_group.lastDate && i.dueDate <= *m_group.lastDate)
            ok = t.problem(
                DueDate, MessageId{"import.due_after_previous"},
                {quoted("value", t.text(DueDate)), MessageArg::text("date", formatIsoDate(*m_group.lastDate))});
        else if (grouped && m_group.start && i.dueDate <= *m_group.start)
            ok = t.problem(DueDate, MessageId{"import.due_after_start"},
                           {quoted("value", t.text(DueDate)), MessageArg::text("date", formatIsoDate(*m_group.start))});
        if (grouped) m_group.lastDate = i.dueDate;
    } else {
        ok = false;
    }
    ok &= t.amount(PrincipalDue, Sign::NotNegative, i.principalDue);
    ok &= t.amount(InterestDue, Sign::NotNegative, i.interestDue);
    if (grouped) {
        ++m_group.count;
        m_group.principalFen += i.principalDue.fen;
    }
    if (!ok) return;
    i.loanId = t.text(InstalmentLoan);
    m_sink.instalment(i);
    ++m_result.counts.instalments;
}

void ExtractReader::paymentRow()
{
    ExtractTable& t = m_table;
    Payment& p = m_payment;
    const bool loanGiven = t.filled(PaymentLoan);
    bool ok = loanGiven && enterGroup(PaymentLoan, false);
    const bool grouped = loanGiven && m_group.ordered;
    // Checked within the loan's group here, and across the whole file after it (checkPaymentIdsUnique).
    if (t.filled(PaymentId)) {
        m_paymentIdHashes.push_back(std::hash<std::string>{}(t.text(PaymentId)));
        // An earlier extract's payment given to another loan would move it there (DOMAIN.md section 3).
        if (const auto& stored = m_options.storedPaymentLoans; !stored.empty() && loanGiven) {
            const auto found = stored.find(t.text(PaymentId));
            if (found != stored.end() && found->second != t.text(PaymentLoan))
                ok = t.problem(PaymentId, MessageId{"import.payment_moved"},
                               {quoted("value", t.text(PaymentId)), quoted("stored", found->second),
                                quoted("given", t.text(PaymentLoan))});
        }
        if (grouped && !m_group.paymentIds.insert(t.text(PaymentId)).second)
            ok = t.problem(PaymentId, MessageId{"import.payment_twice"}, {quoted("value", t.text(PaymentId))});
    } else {
        ok = false;
    }
    if (t.date(PaidDate, p.paidOn)) {
        if (m_extractDate && p.paidOn > *m_extractDate)
            ok =
                t.problem(PaidDate, MessageId{"import.after_extract_date"},
                          {quoted("value", t.text(PaidDate)), MessageArg::text("date", formatIsoDate(*m_extractDate))});
        else if (grouped && m_group.start && p.paidOn < *m_group.start)
            // Nothing is owed before the loan starts: a date that cannot be right, and no instalment to settle.
            ok = t.problem(PaidDate, MessageId{"import.before_start"},
                           {quoted("value", t.text(PaidDate)), quoted("date", formatIsoDate(*m_group.start))});
        else if (grouped && m_group.lastDate && p.paidOn < *m_group.lastDate)
            ok = t.problem(
                PaidDate, MessageId{"import.payment_out_of_order"},
                {quoted("value", t.text(PaidDate)), MessageArg::text("date", formatIsoDate(*m_group.lastDate))});
        if (grouped) m_group.lastDate = p.paidOn;
    } else {
        ok = false;
    }
    ok &= t.amount(Amount, Sign::Positive, p.amount);
    if (!ok) return;
    p.id = t.text(PaymentId);
    p.loanId = t.text(PaymentLoan);
    m_sink.payment(p);
    ++m_result.counts.payments;
}

// Starts the borrower's group of contact attempts at its first row and checks there that the borrower's
// rows were not already listed before another borrower's. False for a row that may not reach the sink.
bool ExtractReader::enterContactGroup()
{
    const std::string& borrowerId = m_table.text(AttemptBorrower);
    if (m_contactGroup.active && m_contactGroup.borrowerId == borrowerId) return true;
    m_contactGroup.active = true;
    m_contactGroup.ordered = true;
    m_contactGroup.borrowerId = borrowerId;
    m_contactGroup.lastDate.reset();
    const auto found = m_borrowers.find(borrowerId);
    if (found == m_borrowers.end() || !std::exchange(found->second.contactsSeen, true)) return true;
    m_contactGroup.ordered = false;
    return m_table.problem(AttemptBorrower, MessageId{"import.contacts_apart"}, {quoted("value", borrowerId)});
}

void ExtractReader::contactAttemptRow()
{
    ExtractTable& t = m_table;
    ContactAttempt& a = m_attempt;
    const bool borrowerFilled = !t.text(AttemptBorrower).empty();
    const bool borrowerGiven = knownBorrower(AttemptBorrower);  // reports an empty one
    bool ok = borrowerGiven;
    if (borrowerFilled) ok &= enterContactGroup();
    const bool grouped = borrowerFilled && m_contactGroup.ordered;
    if (const std::string& loanId = t.text(AttemptLoan); !loanId.empty()) {
        const auto loan = m_loans.find(loanId);
        if (loan == m_loans.end()) {
            if (m_loansComplete) ok = t.problem(AttemptLoan, MessageId{"import.no_loan"}, {quoted("value", loanId)});
        } else if (borrowerGiven && loan->second.borrower != 0) {
            const auto borrower = m_borrowers.find(t.text(AttemptBorrower));
            if (borrower != m_borrowers.end() && borrower->second.number != loan->second.borrower)
                ok = t.problem(AttemptLoan, MessageId{"import.loan_of_other"},
                               {quoted("value", loanId), quoted("borrower", t.text(AttemptBorrower))});
        }
    }
    const bool timed = t.dateTime(ContactTime, a.date, a.minuteOfDay);
    if (timed) {
        const auto earlier = [&] {
            return a.date < *m_contactGroup.lastDate ||
                   (a.date == *m_contactGroup.lastDate && a.minuteOfDay < m_contactGroup.lastMinute);
        };
        if (m_extractDate && a.date > *m_extractDate)
            ok = t.problem(
                ContactTime, MessageId{"import.after_extract_date"},
                {quoted("value", t.text(ContactTime)), MessageArg::text("date", formatIsoDate(*m_extractDate))});
        else if (grouped && m_contactGroup.lastDate && earlier())
            ok = t.problem(ContactTime, MessageId{"import.contact_out_of_order"},
                           {quoted("value", t.text(ContactTime)), MessageArg::text("time", m_contactGroup.lastTime)});
        if (grouped) {
            m_contactGroup.lastDate = a.date;
            m_contactGroup.lastMinute = a.minuteOfDay;
            m_contactGroup.lastTime = t.text(ContactTime);
        }
    } else {
        ok = false;
    }
    ok &= t.code(Channel, &parseContactChannel, MessageId{"import.code.channel"}, a.channel);
    ok &= t.code(Reached, &parseContactParty, MessageId{"import.code.reached"}, a.reached);
    const bool outcomeOk = t.code(Outcome, &parseContactOutcome, MessageId{"import.code.outcome"}, a.outcome);
    ok &= outcomeOk;
    a.promisedAmount = Money{};
    a.promisedDate.reset();
    if (outcomeOk && a.outcome == ContactOutcome::PromiseToPay) {
        if (t.text(PromisedAmount).empty())
            ok = t.problem(PromisedAmount, MessageId{"import.promise_needs"});
        else
            ok &= t.amount(PromisedAmount, Sign::Positive, a.promisedAmount);
        Date promised;
        if (t.text(PromisedDate).empty()) {
            ok = t.problem(PromisedDate, MessageId{"import.promise_needs"});
        } else if (t.date(PromisedDate, promised)) {
            if (timed && promised < a.date)
                ok =
                    t.problem(PromisedDate, MessageId{"import.promise_before_contact"},
                              {quoted("value", t.text(PromisedDate)), MessageArg::text("date", formatIsoDate(a.date))});
            a.promisedDate = promised;
        } else {
            ok = false;
        }
    } else if (outcomeOk) {
        if (!t.text(PromisedAmount).empty()) ok = t.problem(PromisedAmount, MessageId{"import.promise_only"});
        if (!t.text(PromisedDate).empty()) ok = t.problem(PromisedDate, MessageId{"import.promise_only"});
    }
    if (!ok) return;
    a.borrowerId = t.text(AttemptBorrower);
    a.loanId = t.text(AttemptLoan);
    a.source = "call_centre";
    m_sink.contactAttempt(a);
    ++m_result.counts.contactAttempts;
}

}  // namespace

std::string ExtractProblem::text(Language language) const
{
    // Line numbers as the file's own, without separators, so a person can go to them in an editor.
    MessageArgs where{MessageArg::text("file", file), MessageArg::text("line", std::to_string(line)),
                      MessageArg::text("column", column),
                      id.empty() ? MessageArg::text("problem", message) : MessageArg::ref("problem", id, args)};
    const std::string_view form = line <= 0        ? "import.where_file"
                                  : column.empty() ? "import.where_line"
                                                   : "import.where_column";
    return formatMessage(form, where, language);
}

ExtractProblem extractProblem(std::string file, std::int64_t line, std::string column, MessageId id, MessageArgs args)
{
    std::string english = formatMessage(id.value, args, Language::English);
    return {std::move(file), line, std::move(column), std::move(english), std::string(id.value), std::move(args)};
}

Result<ExtractResult> readExtract(const std::filesystem::path& folder, ExtractSink& sink, const ExtractOptions& options)
{
    return ExtractReader(folder, sink, options).run();
}

}  // namespace doorstep::io
