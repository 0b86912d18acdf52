#include "storage/portfolio/loan_ledger.h"

#include "domain/shared/calendar.h"

#include <chrono>
#include <climits>

namespace doorstep::storage {
namespace {

constexpr char kFormat = 1;
// Day numbers of 0000-01-01 and 9999-12-31, the dates an ISO date in the tables can hold.
constexpr std::int64_t kFirstDay = -719528;
constexpr std::int64_t kLastDay = 2932896;

[[noreturn]] void damaged()
{
    throw DatabaseError(0, "a loan's ledger row is damaged");
}

std::int64_t dayNumber(Date d)
{
    return std::chrono::sys_days{d}.time_since_epoch().count();
}

Date dateOfDay(std::int64_t day)
{
    return Date{std::chrono::sys_days{std::chrono::days{day}}};
}

void putVarint(std::string& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void putSigned(std::string& out, std::int64_t v)
{
    // Zigzag: small magnitudes of either sign take few bytes.
    putVarint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

class Reader {
public:
    explicit Reader(std::string_view blob) : m_p(blob.data()), m_end(blob.data() + blob.size()) {}

    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end) damaged();
            const auto byte = static_cast<unsigned char>(*m_p++);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) return v;
        }
        damaged();  // more than ten bytes
    }

    std::int64_t signedValue()
    {
        const std::uint64_t z = varint();
        return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }

    // The header of a non-empty blob: the format byte and a row count that can fit in what is left.
    std::size_t header(std::size_t minBytesPerRow)
    {
        if (m_p == m_end || *m_p++ != kFormat) damaged();
        const std::uint64_t count = varint();
        if (count == 0 || count > static_cast<std::uint64_t>(m_end - m_p) / minBytesPerRow) damaged();
        return static_cast<std::size_t>(count);
    }

    std::int64_t day(std::int64_t& previous)
    {
        const std::int64_t delta = signedValue();
        if (delta < kFirstDay - kLastDay || delta > kLastDay - kFirstDay) damaged();
        previous += delta;
        if (previous < kFirstDay || previous > kLastDay) damaged();
        return previous;
    }

    void end() const
    {
        if (m_p != m_end) damaged();
    }

private:
    const char* m_p;
    const char* m_end;
};

std::int64_t checkedDay(Date d)
{
    if (!d.ok()) throw DatabaseError(0, "an instalment or payment has no valid date");
    return dayNumber(d);
}

Date storedDate(const std::string& text)
{
    auto date = parseIsoDate(text);
    if (!date) throw DatabaseError(0, "an instalment or payment has no valid date");
    return *date;
}

}  // namespace

std::string encodeInstalments(std::span<const Instalment> instalments)
{
    std::string out;
    if (instalments.empty()) return out;
    out.reserve(2 + instalments.size() * 9);
    out.push_back(kFormat);
    putVarint(out, instalments.size());
    std::int64_t seq = 0;
    std::int64_t day = 0;
    for (const Instalment& i : instalments) {
        putSigned(out, i.sequence - seq);
        seq = i.sequence;
        const std::int64_t due = checkedDay(i.dueDate);
        putSigned(out, due - day);
        day = due;
        putSigned(out, i.principalDue.fen);
        putSigned(out, i.interestDue.fen);
    }
    return out;
}

std::string encodePayments(std::span<const Payment> payments)
{
    std::string out;
    if (payments.empty()) return out;
    out.reserve(2 + payments.size() * 5);
    out.push_back(kFormat);
    putVarint(out, payments.size());
    std::int64_t day = 0;
    for (const Payment& p : payments) {
        const std::int64_t paid = checkedDay(p.paidOn);
        putSigned(out, paid - day);
        day = paid;
        putSigned(out, p.amount.fen);
    }
    return out;
}

void decodeInstalments(std::string_view blob, std::vector<Instalment>& out)
{
    out.clear();
    if (blob.empty()) return;
    Reader in(blob);
    const std::size_t count = in.header(4);
    out.resize(count);
    std::int64_t seq = 0;
    std::int64_t day = 0;
    for (Instalment& i : out) {
        seq += in.signedValue();
        if (seq < INT_MIN || seq > INT_MAX) damaged();
        i.sequence = static_cast<int>(seq);
        i.dueDate = dateOfDay(in.day(day));
        i.principalDue = Money{in.signedValue()};
        i.interestDue = Money{in.signedValue()};
    }
    in.end();
}

void decodePayments(std::string_view blob, std::vector<Payment>& out)
{
    out.clear();
    if (blob.empty()) return;
    Reader in(blob);
    const std::size_t count = in.header(2);
    out.resize(count);
    std::int64_t day = 0;
    for (Payment& p : out) {
        p.paidOn = dateOfDay(in.day(day));
        p.amount = Money{in.signedValue()};
    }
    in.end();
}

struct LoanLedgerWriter::Statements {
    explicit Statements(const Connection& db)
        : setInstalments(db.prepare("INSERT INTO loan_ledger (loan_id, instalments) VALUES (?, ?) ON CONFLICT "
                                    "(loan_id) DO UPDATE SET instalments = excluded.instalments")),
          setPayments(db.prepare("INSERT INTO loan_ledger (loan_id, payments) VALUES (?, ?) ON CONFLICT "
                                 "(loan_id) DO UPDATE SET payments = excluded.payments")),
          instalments(db.prepare("SELECT seq, due_date, principal_fen, interest_fen FROM instalments "
                                 "WHERE loan_id = ? ORDER BY seq")),
          payments(db.prepare("SELECT paid_date, amount_fen FROM payments WHERE loan_id = ? ORDER BY paid_date, id"))
    {}
    Statement setInstalments, setPayments, instalments, payments;
};

LoanLedgerWriter::LoanLedgerWriter(const Connection& connection) : m_stmt(std::make_unique<Statements>(connection)) {}

LoanLedgerWriter::~LoanLedgerWriter() = default;

void LoanLedgerWriter::writeInstalments(std::int64_t loanRowId, std::span<const Instalment> instalments)
{
    auto& s = m_stmt->setInstalments;
    s.reset();
    s.bind(1, loanRowId).bindBlob(2, encodeInstalments(instalments)).run();
    ++m_written;
}

void LoanLedgerWriter::writePayments(std::int64_t loanRowId, std::span<const Payment> payments)
{
    auto& s = m_stmt->setPayments;
    s.reset();
    s.bind(1, loanRowId).bindBlob(2, encodePayments(payments)).run();
    ++m_written;
}

void LoanLedgerWriter::rebuild(std::int64_t loanRowId, bool instalments, bool payments)
{
    if (instalments) {
        auto& q = m_stmt->instalments;
        q.reset();
        q.bind(1, loanRowId);
        m_instalments.clear();
        while (q.step()) {
            m_instalments.push_back(Instalment{{},
                                               static_cast<int>(q.columnInt(0)),
                                               storedDate(q.columnText(1)),
                                               Money{q.columnInt(2)},
                                               Money{q.columnInt(3)}});
        }
        q.reset();
        writeInstalments(loanRowId, m_instalments);
    }
    if (payments) {
        auto& q = m_stmt->payments;
        q.reset();
        q.bind(1, loanRowId);
        m_payments.clear();
        while (q.step())
            m_payments.push_back(Payment{{}, {}, storedDate(q.columnText(0)), Money{q.columnInt(1)}});
        q.reset();
        writePayments(loanRowId, m_payments);
    }
}

void rebuildWholeLedger(const Connection& db)
{
    // The loans in order with their rows through two more cursors in the same order: one loan in memory.
    auto loans = db.prepare("SELECT id FROM loans ORDER BY id");
    auto instalments = db.prepare("SELECT loan_id, seq, due_date, principal_fen, interest_fen FROM instalments "
                                  "ORDER BY loan_id, seq");
    auto payments = db.prepare("SELECT loan_id, paid_date, amount_fen FROM payments ORDER BY loan_id, paid_date, id");
    auto write = db.prepare("INSERT OR REPLACE INTO loan_ledger (loan_id, instalments, payments) VALUES (?, ?, ?)");
    bool moreInstalments = instalments.step();
    bool morePayments = payments.step();
    std::vector<Instalment> schedule;
    std::vector<Payment> paid;
    while (loans.step()) {
        const std::int64_t id = loans.columnInt(0);
        schedule.clear();
        paid.clear();
        while (moreInstalments && instalments.columnInt(0) < id)
            moreInstalments = instalments.step();
        while (moreInstalments && instalments.columnInt(0) == id) {
            schedule.push_back(Instalment{{},
                                          static_cast<int>(instalments.columnInt(1)),
                                          storedDate(instalments.columnText(2)),
                                          Money{instalments.columnInt(3)},
                                          Money{instalments.columnInt(4)}});
            moreInstalments = instalments.step();
        }
        while (morePayments && payments.columnInt(0) < id)
            morePayments = payments.step();
        while (morePayments && payments.columnInt(0) == id) {
            paid.push_back(Payment{{}, {}, storedDate(payments.columnText(1)), Money{payments.columnInt(2)}});
            morePayments = payments.step();
        }
        if (schedule.empty() && paid.empty()) continue;  // no row: nothing to keep
        write.reset();
        write.bind(1, id).bindBlob(2, encodeInstalments(schedule)).bindBlob(3, encodePayments(paid)).run();
    }
}

}  // namespace doorstep::storage
