#include "storage/portfolio/portfolio_query.h"

#include "domain/shared/calendar.h"

namespace doorstep::storage {
namespace {

// The filter becomes a fixed WHERE text with ? placeholders (never values) and the values to bind.
struct Where {
    std::string sql;
    std::vector<std::string> values;
};

Where whereFor(const PortfolioFilter& f)
{
    Where w{" WHERE 1=1", {}};
    const auto add = [&](const std::string& value, const char* clause) {
        if (value.empty()) return;
        w.sql += clause;
        w.values.push_back(value);
    };
    add(f.bucket, " AND s.bucket = ?");
    add(f.riskClass, " AND s.risk_class = ?");
    add(f.district, " AND b.district = ?");
    add(f.product, " AND l.product = ?");
    add(f.officer, " AND l.officer = ?");
    if (!f.search.empty()) {
        w.sql += " AND (instr(b.name, ?) > 0 OR l.bank_id LIKE ? ESCAPE '\\' OR b.bank_id LIKE ? ESCAPE '\\')";
        std::string prefix;
        for (char c : f.search) {
            if (c == '%' || c == '_' || c == '\\') prefix += '\\';
            prefix += c;
        }
        prefix += '%';
        w.values.push_back(f.search);
        w.values.push_back(prefix);
        w.values.push_back(prefix);
    }
    if (f.overdueOnly) w.sql += " AND s.dpd > 0";
    if (f.book == BookFilter::LeftBook) {
        w.sql += " AND l.left_book_after IS NOT NULL";
    } else if (f.book == BookFilter::InBook && f.search.empty()) {
        w.sql += " AND l.left_book_after IS NULL";
    }
    return w;
}

constexpr const char* kFrom = " FROM loans l JOIN borrowers b ON b.id = l.borrower_id "
                              "LEFT JOIN loan_status s ON s.loan_id = l.id";

const char* orderColumn(PortfolioSort sort)
{
    switch (sort) {
    case PortfolioSort::LoanId: return "l.bank_id";
    case PortfolioSort::Borrower: return "b.name";
    case PortfolioSort::District: return "b.district";
    case PortfolioSort::Product: return "l.product";
    case PortfolioSort::Officer: return "l.officer";
    case PortfolioSort::Dpd: return "s.dpd";
    case PortfolioSort::Bucket: return "s.bucket";
    case PortfolioSort::RiskClass:
        return "CASE s.risk_class WHEN 'normal' THEN 0 WHEN 'special_mention' THEN 1 WHEN 'substandard' THEN 2 "
               "WHEN 'doubtful' THEN 3 WHEN 'loss' THEN 4 END";
    case PortfolioSort::OverduePrincipal: return "s.overdue_principal_fen";
    case PortfolioSort::TotalOverdue: return "s.total_overdue_fen";
    }
    return "l.id";
}

Date dateOf(const std::string& text)
{
    return parseIsoDate(text).value_or(Date{});
}

constexpr const char* kRowColumns = "SELECT l.id, b.id, l.bank_id, b.name, b.id_number, b.phone, b.district, "
                                    "l.product, l.officer, coalesce(s.dpd, 0), coalesce(s.bucket, ''), "
                                    "coalesce(s.risk_class, ''), coalesce(s.overdue_principal_fen, 0), "
                                    "coalesce(s.total_overdue_fen, 0), b.bank_id, l.left_book_after";

PortfolioRow rowFrom(const Statement& stmt)
{
    PortfolioRow r;
    r.loanRowId = stmt.columnInt(0);
    r.borrowerRowId = stmt.columnInt(1);
    r.loanId = stmt.columnText(2);
    r.borrowerName = stmt.columnText(3);
    r.idNumber = stmt.columnText(4);
    r.phone = stmt.columnText(5);
    r.district = stmt.columnText(6);
    r.product = stmt.columnText(7);
    r.officer = stmt.columnText(8);
    r.dpd = static_cast<int>(stmt.columnInt(9));
    r.bucket = stmt.columnText(10);
    r.riskClass = stmt.columnText(11);
    r.overduePrincipal = Money{stmt.columnInt(12)};
    r.totalOverdue = Money{stmt.columnInt(13)};
    r.borrowerId = stmt.columnText(14);
    if (!stmt.columnIsNull(15)) r.leftBookAfter = stmt.columnText(15);
    return r;
}

}  // namespace

std::int64_t PortfolioQuery::count(const PortfolioFilter& filter) const
{
    const Where w = whereFor(filter);
    auto stmt = m_db.prepare(std::string("SELECT count(*)") + kFrom + w.sql);
    for (std::size_t i = 0; i < w.values.size(); ++i)
        stmt.bind(static_cast<int>(i + 1), w.values[i]);
    stmt.step();
    return stmt.columnInt(0);
}

std::vector<PortfolioRow> PortfolioQuery::page(const PortfolioFilter& filter, PortfolioSort sort, bool ascending,
                                               std::int64_t offset, std::int64_t limit) const
{
    const Where w = whereFor(filter);
    // The ORDER BY text comes from a fixed list above, never from input; l.id breaks ties stably.
    const std::string sql = std::string(kRowColumns) + kFrom + w.sql + " ORDER BY " + orderColumn(sort) +
                            (ascending ? " ASC" : " DESC") + ", l.id LIMIT ? OFFSET ?";
    auto stmt = m_db.prepare(sql);
    int index = 1;
    for (const auto& v : w.values)
        stmt.bind(index++, v);
    stmt.bind(index++, limit);
    stmt.bind(index, offset);
    std::vector<PortfolioRow> rows;
    while (stmt.step())
        rows.push_back(rowFrom(stmt));
    return rows;
}

void PortfolioQuery::forEachKeys(const std::string& officer,
                                 const std::function<void(const PortfolioKeys&)>& visit) const
{
    std::string sql = "SELECT l.id, l.bank_id, b.bank_id, b.name, b.district, l.product, l.officer, s.loan_id IS NOT "
                      "NULL, s.dpd, s.bucket, s.risk_class, s.overdue_principal_fen, s.total_overdue_fen, "
                      "l.left_book_after IS NOT NULL";
    sql += kFrom;
    if (!officer.empty()) sql += " WHERE l.officer = ?";
    sql += " ORDER BY l.id";
    auto stmt = m_db.prepare(sql);
    if (!officer.empty()) stmt.bind(1, officer);
    PortfolioKeys k;
    while (stmt.step()) {
        k.loanRowId = stmt.columnInt(0);
        k.loanId = stmt.columnText(1);
        k.borrowerId = stmt.columnText(2);
        k.borrowerName = stmt.columnText(3);
        k.district = stmt.columnText(4);
        k.product = stmt.columnText(5);
        k.officer = stmt.columnText(6);
        k.hasStatus = stmt.columnInt(7) != 0;
        k.dpd = static_cast<int>(stmt.columnInt(8));
        k.bucket = stmt.columnText(9);
        k.riskClass = stmt.columnText(10);
        k.overduePrincipal = Money{stmt.columnInt(11)};
        k.totalOverdue = Money{stmt.columnInt(12)};
        k.leftBook = stmt.columnInt(13) != 0;
        visit(k);
    }
}

std::vector<PortfolioRow> PortfolioQuery::rows(const std::vector<std::int64_t>& loanRowIds,
                                               const std::string& officer) const
{
    auto stmt = m_db.prepare(std::string(kRowColumns) + kFrom + " WHERE l.id = ?" +
                             (officer.empty() ? "" : " AND l.officer = ?"));
    std::vector<PortfolioRow> out;
    out.reserve(loanRowIds.size());
    for (const std::int64_t id : loanRowIds) {
        stmt.reset();
        stmt.bind(1, id);
        if (!officer.empty()) stmt.bind(2, officer);
        if (stmt.step()) out.push_back(rowFrom(stmt));
    }
    return out;
}

std::vector<std::string> PortfolioQuery::districts() const
{
    auto stmt = m_db.prepare("SELECT DISTINCT district FROM borrowers ORDER BY district");
    std::vector<std::string> out;
    while (stmt.step())
        out.push_back(stmt.columnText(0));
    return out;
}

std::vector<std::string> PortfolioQuery::officers() const
{
    auto stmt = m_db.prepare("SELECT DISTINCT officer FROM loans WHERE officer <> '' ORDER BY officer");
    std::vector<std::string> out;
    while (stmt.step())
        out.push_back(stmt.columnText(0));
    return out;
}

std::map<std::int64_t, std::string>
PortfolioQuery::customerNumbers(const std::vector<std::int64_t>& borrowerRowIds) const
{
    std::map<std::int64_t, std::string> out;
    auto s = m_db.prepare("SELECT bank_id FROM borrowers WHERE id = ?");
    for (std::int64_t id : borrowerRowIds) {
        if (out.contains(id)) continue;
        s.reset();
        s.bind(1, id);
        if (s.step()) out.emplace(id, s.columnText(0));
    }
    return out;
}

std::optional<BorrowerCase> PortfolioQuery::borrowerCase(std::int64_t borrowerRowId) const
{
    auto b =
        m_db.prepare("SELECT bank_id, name, id_number, phone, phone2, address, district, latitude_e6, "
                     "longitude_e6, employer, monthly_income_fen, monthly_expenses_fen, left_book_after FROM borrowers "
                     "WHERE id=?");
    b.bind(1, borrowerRowId);
    if (!b.step()) return std::nullopt;
    BorrowerCase c;
    c.rowId = borrowerRowId;
    Borrower& br = c.borrower;
    br.id = b.columnText(0);
    br.name = b.columnText(1);
    br.idNumber = b.columnText(2);
    br.phones.push_back(b.columnText(3));
    if (auto second = b.columnText(4); !second.empty()) br.phones.push_back(std::move(second));
    br.address = b.columnText(5);
    br.district = b.columnText(6);
    if (!b.columnIsNull(7)) br.location = GeoPointE6{b.columnInt(7), b.columnInt(8)};
    br.employer = b.columnText(9);
    br.monthlyIncome = Money{b.columnInt(10)};
    br.monthlyExpenses = Money{b.columnInt(11)};
    if (!b.columnIsNull(12)) c.leftBookAfter = b.columnText(12);

    auto contacts = m_db.prepare("SELECT name, relation, phone FROM contact_persons WHERE borrower_id=? ORDER BY id");
    contacts.bind(1, borrowerRowId);
    while (contacts.step())
        c.contacts.push_back(ContactPerson{br.id, contacts.columnText(0),
                                           parseRelation(contacts.columnText(1)).value_or(Relation::Other),
                                           contacts.columnText(2)});

    auto credit = m_db.prepare("SELECT report_date, overdue_accounts_elsewhere, worst_dpd_24m, total_debt_fen, "
                               "enquiries_6m FROM credit_records WHERE borrower_id=?");
    credit.bind(1, borrowerRowId);
    if (credit.step())
        c.credit = CreditRecord{br.id,
                                dateOf(credit.columnText(0)),
                                static_cast<int>(credit.columnInt(1)),
                                static_cast<int>(credit.columnInt(2)),
                                Money{credit.columnInt(3)},
                                static_cast<int>(credit.columnInt(4))};

    auto loans = m_db.prepare("SELECT id, bank_id, product, principal_fen, rate_micros, start_date, term_months, "
                              "method, officer, left_book_after FROM loans WHERE borrower_id=? ORDER BY bank_id");
    loans.bind(1, borrowerRowId);
    while (loans.step()) {
        LoanDetail d;
        d.rowId = loans.columnInt(0);
        d.loan = Loan{loans.columnText(1),
                      br.id,
                      parseProduct(loans.columnText(2)).value_or(Product::Consumer),
                      Money{loans.columnInt(3)},
                      AnnualRate{loans.columnInt(4)},
                      dateOf(loans.columnText(5)),
                      static_cast<int>(loans.columnInt(6)),
                      parseRepaymentMethod(loans.columnText(7)).value_or(RepaymentMethod::EqualInstalment),
                      loans.columnText(8)};
        if (!loans.columnIsNull(9)) d.leftBookAfter = loans.columnText(9);
        c.loans.push_back(std::move(d));
    }
    for (LoanDetail& d : c.loans) {
        auto inst = m_db.prepare("SELECT seq, due_date, principal_fen, interest_fen FROM instalments WHERE loan_id=? "
                                 "ORDER BY seq");
        inst.bind(1, d.rowId);
        while (inst.step())
            d.instalments.push_back(Instalment{d.loan.id, static_cast<int>(inst.columnInt(0)),
                                               dateOf(inst.columnText(1)), Money{inst.columnInt(2)},
                                               Money{inst.columnInt(3)}});
        auto pay = m_db.prepare("SELECT bank_id, paid_date, amount_fen FROM payments WHERE loan_id=? "
                                "ORDER BY paid_date, id");
        pay.bind(1, d.rowId);
        while (pay.step())
            d.payments.push_back(
                Payment{pay.columnText(0), d.loan.id, dateOf(pay.columnText(1)), Money{pay.columnInt(2)}});
        auto st = m_db.prepare("SELECT as_of, dpd, bucket, risk_class, overdue_principal_fen, overdue_interest_fen, "
                               "penalty_fen, compound_fen, total_overdue_fen, outstanding_principal_fen "
                               "FROM loan_status WHERE loan_id=?");
        st.bind(1, d.rowId);
        if (st.step())
            d.status = LoanStatusRow{d.rowId,
                                     st.columnText(0),
                                     static_cast<int>(st.columnInt(1)),
                                     st.columnText(2),
                                     st.columnText(3),
                                     Money{st.columnInt(4)},
                                     Money{st.columnInt(5)},
                                     Money{st.columnInt(6)},
                                     Money{st.columnInt(7)},
                                     Money{st.columnInt(8)},
                                     Money{st.columnInt(9)}};
    }
    return c;
}

}  // namespace doorstep::storage
