#include "io/demo/synthetic_extract.h"

#include "domain/portfolio/portfolio.h"
#include "domain/shared/money.h"
#include "domain/shared/rate.h"
#include "io/demo/synthetic_contacts.h"
#include "io/demo/synthetic_loans.h"
#include "io/demo/synthetic_people.h"
#include "io/demo/synthetic_random.h"
#include "io/shared/csv_writer.h"

#include <algorithm>
#include <array>
#include <fmt/core.h>
#include <optional>

namespace doorstep::io {
namespace {

SyntheticSummary cancelledSummary()
{
    SyntheticSummary summary;
    summary.cancelled = true;
    return summary;
}

using namespace synthetic;

// The city branch the synthetic book belongs to (浦东新区).
constexpr std::string_view kBranchCode = "310115";
constexpr std::int64_t kProgressEvery = 1000;
constexpr std::int64_t kMaxLoans = 100'000'000;

enum FileIndex : std::size_t {
    Manifest,
    Borrowers,
    Contacts,
    Credit,
    Loans,
    Instalments,
    Payments,
    ContactHistory,
    FileCount
};

// File names and header rows exactly as docs/data-formats.md gives them, in the order they are read.
struct FileSpec {
    std::string_view name;
    std::vector<std::string_view> columns;
};
const std::array<FileSpec, FileCount>& fileSpecs()
{
    static const std::array<FileSpec, FileCount> specs{{
        {"manifest.csv", {"extract_date", "branch_code"}},
        {"borrowers.csv",
         {"borrower_id", "name", "id_number", "phone", "phone2", "address", "district", "latitude", "longitude",
          "employer", "monthly_income", "monthly_expenses"}},
        {"contacts.csv", {"borrower_id", "name", "relation", "phone"}},
        {"credit_records.csv",
         {"borrower_id", "report_date", "overdue_accounts_elsewhere", "worst_dpd_24m", "total_debt", "enquiries_6m"}},
        {"loans.csv",
         {"loan_id", "borrower_id", "product", "principal", "interest_rate", "start_date", "term_months",
          "repayment_method", "officer"}},
        {"instalments.csv", {"loan_id", "seq", "due_date", "principal_due", "interest_due"}},
        {"payments.csv", {"payment_id", "loan_id", "paid_date", "amount"}},
        {"contact_history.csv",
         {"borrower_id", "loan_id", "contact_time", "channel", "reached", "outcome", "promised_amount",
          "promised_date"}},
    }};
    return specs;
}

std::filesystem::path partialPath(const std::filesystem::path& folder, std::string_view name)
{
    return folder / (std::string(name) + ".partial");
}

// YYYY-MM-DD without a format string: tens of millions of dates go through here.
std::string isoDate(Date date)
{
    std::string out(10, '-');
    const int y = static_cast<int>(date.year());
    const unsigned m = static_cast<unsigned>(date.month());
    const unsigned d = static_cast<unsigned>(date.day());
    out[0] = static_cast<char>('0' + y / 1000 % 10);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

// YYYY-MM-DD HH:MM.
std::string isoDateTime(Date date, int minuteOfDay)
{
    std::string out = isoDate(date);
    out += ' ';
    out += static_cast<char>('0' + minuteOfDay / 600);
    out += static_cast<char>('0' + minuteOfDay / 60 % 10);
    out += ':';
    out += static_cast<char>('0' + minuteOfDay % 60 / 10);
    out += static_cast<char>('0' + minuteOfDay % 10);
    return out;
}

std::string degrees(std::int64_t e6)
{
    const std::int64_t magnitude = e6 < 0 ? -e6 : e6;
    return fmt::format("{}{}.{:06}", e6 < 0 ? "-" : "", magnitude / 1'000'000, magnitude % 1'000'000);
}

Money roundUpToHundredYuan(std::int64_t yuan)
{
    return Money::fromYuan((yuan + 99) / 100 * 100);
}

// One borrower with everything that refers to them, generated before any of it is written.
struct Household {
    Borrower borrower;
    std::string surname;
    bool incomeDeclared = true;
    bool expensesDeclared = true;
    std::vector<ContactPerson> contacts;
    std::optional<CreditRecord> credit;
    std::vector<GeneratedLoan> loans;
    std::vector<ContactAttempt> contactHistory;  // oldest first
};

class Generator {
public:
    // Contact history draws from a stream of its own, so the other files are what they were before it existed.
    explicit Generator(const SyntheticOptions& options)
        : m_options(options), m_random(options.seed), m_contactRandom(options.seed ^ 0xC0DE'C0A7'AC75'0001ULL)
    {}

    Household next(std::int64_t borrowerNumber, std::int64_t loansLeft);

private:
    void drawPerson(Household& h);
    void drawMeans(Household& h);
    void drawContacts(Household& h, Sex borrowerSex);
    void drawCreditRecord(Household& h);

    const SyntheticOptions& m_options;
    Random m_random;
    Random m_contactRandom;
};

Household Generator::next(std::int64_t borrowerNumber, std::int64_t loansLeft)
{
    Household h;
    h.borrower.id = fmt::format("C{:07}", borrowerNumber);
    // One loan for most, two for some, three for a few: 1.2 on average.
    const std::int64_t count = std::min<std::int64_t>(
        loansLeft, 1 + static_cast<std::int64_t>(m_random.weighted(std::array<int, 3>{82, 16, 2})));
    std::string officer;
    if (!m_options.officers.empty()) officer = m_random.pick(std::span<const std::string>(m_options.officers));
    for (std::int64_t k = 1; k <= count; ++k) {
        LoanRequest request{fmt::format("L{:07}-{}", borrowerNumber, k), h.borrower.id, officer, m_options.extractDate,
                            std::nullopt};
        if (!h.loans.empty()) request.previous = h.loans.back().standing;
        h.loans.push_back(generateLoan(m_random, request));
    }
    drawPerson(h);
    drawMeans(h);
    drawCreditRecord(h);
    h.contactHistory = generateContactHistory(m_contactRandom, h.borrower.id, h.loans, m_options.extractDate);
    return h;
}

void Generator::drawPerson(Household& h)
{
    Borrower& b = h.borrower;
    const Sex sex = m_random.chance(500'000) ? Sex::Male : Sex::Female;
    const District& district = randomDistrict(m_random);
    // Born 1960–2002 for an extract of 2026, and at least 21 when the first loan started.
    Date firstStart = m_options.extractDate;
    for (const GeneratedLoan& loan : h.loans)
        firstStart = std::min(firstStart, loan.loan.startDate);
    const Date earliestBirth = addMonthsClamped(m_options.extractDate, -66 * 12);
    const Date latestBirth = std::max(earliestBirth, std::min(addMonthsClamped(firstStart, -21 * 12),
                                                              addMonthsClamped(m_options.extractDate, -24 * 12)));
    const Date birth = randomDate(m_random, earliestBirth, latestBirth);
    h.surname = randomSurname(m_random);
    b.name = randomNameWithSurname(m_random, sex, h.surname);
    b.idNumber = randomResidentId(m_random, district.areaCode, birth, sex);
    b.phones.push_back(randomMobile(m_random));
    if (m_random.chance(250'000)) b.phones.push_back(randomMobile(m_random));
    b.address = randomAddress(m_random, district);
    b.district = std::string(district.name);
    const GeoPointE6 location = randomLocation(m_random, district);
    // A few addresses could not be placed on the map.
    if (!m_random.chance(30'000)) b.location = location;
    b.employer = randomEmployer(m_random);
    drawContacts(h, sex);
}

void Generator::drawMeans(Household& h)
{
    // Declared income covers what the loans ask a month about 1.8–4 times, with a floor of a modest wage.
    std::int64_t monthlyDueFen = 0;
    for (const GeneratedLoan& loan : h.loans)
        monthlyDueFen += loan.schedule.front().principalDue.fen + loan.schedule.front().interestDue.fen;
    const std::int64_t cover = m_random.between(18, 40);
    const std::int64_t floorYuan = m_random.skewedBetween(4'000, 40'000);
    const std::int64_t incomeYuan = std::max(monthlyDueFen / 100 * cover / 10, floorYuan);
    h.borrower.monthlyIncome = roundUpToHundredYuan(incomeYuan);
    const std::int64_t expensePercent = m_random.between(30, 75);
    h.borrower.monthlyExpenses = roundUpToHundredYuan(incomeYuan * expensePercent / 100);
    h.incomeDeclared = !m_random.chance(50'000);
    h.expensesDeclared = h.incomeDeclared && !m_random.chance(50'000);
}

void Generator::drawContacts(Household& h, Sex borrowerSex)
{
    const bool business =
        std::ranges::any_of(h.loans, [](const GeneratedLoan& l) { return l.loan.product == Product::Business; });
    // Guarantor, spouse, relative, employer, other (the order of Relation).
    const std::array<int, 5> weights{business ? 25 : 10, 35, 30, 5, 20};
    const int count = static_cast<int>(m_random.weighted(std::array<int, 3>{20, 45, 35}));
    bool spouse = false;
    for (int i = 0; i < count; ++i) {
        ContactPerson c;
        c.borrowerId = h.borrower.id;
        c.relation = static_cast<Relation>(m_random.weighted(weights));
        if (c.relation == Relation::Spouse && spouse) c.relation = Relation::Relative;
        if (c.relation == Relation::Spouse) {
            spouse = true;
            c.name = randomName(m_random, borrowerSex == Sex::Male ? Sex::Female : Sex::Male);
        } else {
            const Sex sex = m_random.chance(500'000) ? Sex::Male : Sex::Female;
            // Relatives often share the surname.
            if (c.relation == Relation::Relative && m_random.chance(600'000))
                c.name = randomNameWithSurname(m_random, sex, h.surname);
            else
                c.name = randomName(m_random, sex);
        }
        c.phone = randomMobile(m_random);
        h.contacts.push_back(std::move(c));
    }
}

void Generator::drawCreditRecord(Household& h)
{
    if (m_random.chance(100'000)) return;  // no report on file
    const Date extract = m_options.extractDate;
    CreditRecord r;
    r.borrowerId = h.borrower.id;
    r.reportDate = addDays(extract, -m_random.between(0, 120));
    const bool inArrears = std::ranges::any_of(h.loans, [](const GeneratedLoan& l) { return l.dpd > 0; });
    // What the bureau sees of our own loans: arrears as of the report, and past lateness within 24 months.
    int worst = 0;
    std::int64_t debt = 0;
    for (const GeneratedLoan& loan : h.loans) {
        if (loan.loan.startDate > r.reportDate) continue;
        worst = std::max(worst, loan.dpd - daysBetween(r.reportDate, extract));
        if (loan.worstPastLateDays > 0 && loan.worstPastLateOn <= r.reportDate &&
            daysBetween(loan.worstPastLateOn, r.reportDate) <= 730)
            worst = std::max(worst, loan.worstPastLateDays);
        debt += (loan.loan.principal - principalRepaidBy(loan, r.reportDate)).fen;
    }
    r.overdueAccountsElsewhere = static_cast<int>(inArrears ? m_random.weighted(std::array<int, 4>{50, 30, 15, 5})
                                                            : m_random.weighted(std::array<int, 2>{94, 6}));
    if (r.overdueAccountsElsewhere > 0) worst = std::max(worst, m_random.between(1, 240));
    // A loan unpaid since before the window is at most as many days past due as the window has: the bureau's
    // 24 months end at the report date (a loan 1,006 days past due shows 730 or 731 here).
    r.worstDpd24Months = std::min(worst, daysBetween(addMonthsClamped(r.reportDate, -24), r.reportDate));
    if (m_random.chance(450'000)) debt += Money::fromYuan(m_random.skewedBetween(10'000, 800'000)).fen;
    r.totalDebt = Money{debt};
    r.enquiriesLast6Months = inArrears ? m_random.between(1, 9) : static_cast<int>(m_random.skewedBetween(0, 5));
    h.credit = r;
}

class ExtractFiles {
public:
    explicit ExtractFiles(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    ~ExtractFiles()
    {
        if (!m_committed) discard();
    }
    ExtractFiles(const ExtractFiles&) = delete;
    ExtractFiles& operator=(const ExtractFiles&) = delete;

    Result<void> open()
    {
        for (std::size_t i = 0; i < FileCount; ++i) {
            auto writer = CsvWriter::create(partialPath(m_folder, fileSpecs()[i].name));
            if (!writer) return std::unexpected(std::move(writer.error()));
            m_writers[i].emplace(std::move(*writer));
            if (auto ok = m_writers[i]->write(fileSpecs()[i].columns); !ok) return ok;
        }
        return {};
    }

    CsvWriter& operator[](FileIndex i) { return *m_writers[i]; }

    std::uint64_t bytes() const
    {
        std::uint64_t total = 0;
        for (const auto& w : m_writers)
            total += w ? w->bytesWritten() : 0;
        return total;
    }

    // Closes every file and gives each its real name.
    Result<void> commit()
    {
        for (auto& w : m_writers) {
            if (auto ok = w->close(); !ok) return ok;
        }
        for (const FileSpec& spec : fileSpecs()) {
            std::error_code ec;
            std::filesystem::rename(partialPath(m_folder, spec.name), m_folder / spec.name, ec);
            if (ec)
                return fail(ErrorCode::Io, MessageId{"file.cannot_rename"},
                            {MessageArg::text("file", std::string(spec.name))});
        }
        m_committed = true;
        return {};
    }

    void discard()
    {
        for (std::size_t i = 0; i < FileCount; ++i) {
            if (m_writers[i]) (void)m_writers[i]->close();
            std::error_code ec;
            std::filesystem::remove(partialPath(m_folder, fileSpecs()[i].name), ec);
        }
    }

private:
    std::filesystem::path m_folder;
    std::array<std::optional<CsvWriter>, FileCount> m_writers;
    bool m_committed = false;
};

Result<void> writeHousehold(ExtractFiles& files, const Household& h, std::int64_t& paymentNumber,
                            SyntheticSummary& summary)
{
    const Borrower& b = h.borrower;
    Result<void> ok = files[Borrowers].write({b.id, b.name, b.idNumber, b.phones.front(),
                                              b.phones.size() > 1 ? b.phones[1] : std::string_view{}, b.address,
                                              b.district, b.location ? degrees(b.location->latitudeE6) : std::string{},
                                              b.location ? degrees(b.location->longitudeE6) : std::string{}, b.employer,
                                              h.incomeDeclared ? formatYuanPlain(b.monthlyIncome) : std::string{},
                                              h.expensesDeclared ? formatYuanPlain(b.monthlyExpenses) : std::string{}});
    ++summary.borrowers;
    for (const ContactPerson& c : h.contacts) {
        if (ok) ok = files[Contacts].write({c.borrowerId, c.name, relationName(c.relation), c.phone});
        ++summary.contacts;
    }
    if (h.credit && ok) {
        const CreditRecord& r = *h.credit;
        ok = files[Credit].write({r.borrowerId, isoDate(r.reportDate), std::to_string(r.overdueAccountsElsewhere),
                                  std::to_string(r.worstDpd24Months), formatYuanPlain(r.totalDebt),
                                  std::to_string(r.enquiriesLast6Months)});
        ++summary.creditRecords;
    }
    for (const GeneratedLoan& g : h.loans) {
        const Loan& l = g.loan;
        if (ok)
            ok = files[Loans].write({l.id, l.borrowerId, productName(l.product), formatYuanPlain(l.principal),
                                     formatPercentRate(l.contractRate), isoDate(l.startDate),
                                     std::to_string(l.termMonths), repaymentMethodName(l.method), l.officer});
        ++summary.loans;
        for (const Instalment& i : g.schedule) {
            if (!ok) break;
            ok = files[Instalments].write({l.id, std::to_string(i.sequence), isoDate(i.dueDate),
                                           formatYuanPlain(i.principalDue), formatYuanPlain(i.interestDue)});
            ++summary.instalments;
        }
        for (const Payment& p : g.payments) {
            if (!ok) break;
            ok = files[Payments].write(
                {fmt::format("P{:010}", ++paymentNumber), l.id, isoDate(p.paidOn), formatYuanPlain(p.amount)});
            ++summary.payments;
        }
    }
    for (const ContactAttempt& a : h.contactHistory) {
        if (!ok) break;
        const bool promise = a.outcome == ContactOutcome::PromiseToPay;
        ok = files[ContactHistory].write({a.borrowerId, a.loanId, isoDateTime(a.date, a.minuteOfDay),
                                          contactChannelName(a.channel), contactPartyName(a.reached),
                                          contactOutcomeName(a.outcome),
                                          promise ? formatYuanPlain(a.promisedAmount) : std::string{},
                                          promise && a.promisedDate ? isoDate(*a.promisedDate) : std::string{}});
        ++summary.contactAttempts;
    }
    return ok;
}

Result<void> validate(const SyntheticOptions& options)
{
    if (options.loans < 1 || options.loans > kMaxLoans)
        return fail(ErrorCode::InvalidInput, MessageId{"synthetic.loan_count"},
                    {MessageArg::text("max", std::to_string(kMaxLoans)),
                     MessageArg::text("count", std::to_string(options.loans))});
    if (!options.extractDate.ok() || options.extractDate.year() < std::chrono::year{1970} ||
        options.extractDate.year() > std::chrono::year{9000})
        return fail(ErrorCode::InvalidInput, MessageId{"synthetic.extract_date"});
    return {};
}

}  // namespace

Result<SyntheticSummary> writeSyntheticExtract(const std::filesystem::path& folder, const SyntheticOptions& options)
{
    if (auto valid = validate(options); !valid) return std::unexpected(std::move(valid.error()));
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return fail(ErrorCode::Io, MessageId{"synthetic.folder"});

    SyntheticSummary summary;
    const auto report = [&](std::int64_t done) { return !options.progress || options.progress(done, options.loans); };
    if (!report(0)) {
        summary.cancelled = true;
        return summary;
    }
    ExtractFiles files(folder);
    if (auto opened = files.open(); !opened) return std::unexpected(std::move(opened.error()));
    if (auto ok = files[Manifest].write({isoDate(options.extractDate), kBranchCode}); !ok)
        return std::unexpected(std::move(ok.error()));

    Generator generator(options);
    std::int64_t paymentNumber = 0;
    std::int64_t nextReport = kProgressEvery;
    for (std::int64_t borrower = 1; summary.loans < options.loans; ++borrower) {
        const Household household = generator.next(borrower, options.loans - summary.loans);
        if (auto ok = writeHousehold(files, household, paymentNumber, summary); !ok)
            return std::unexpected(std::move(ok.error()));
        if (summary.loans >= nextReport && summary.loans < options.loans) {
            nextReport = (summary.loans / kProgressEvery + 1) * kProgressEvery;
            // The destructor of `files` removes the partial files.
            if (!report(summary.loans)) return cancelledSummary();
        }
    }
    if (!report(summary.loans)) return cancelledSummary();
    summary.bytes = files.bytes();
    if (auto ok = files.commit(); !ok) return std::unexpected(std::move(ok.error()));
    return summary;
}

}  // namespace doorstep::io
