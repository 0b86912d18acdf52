#pragma once
// The loan ledger (schema 6): each loan's instalments and payments packed into two blobs of one
// `loan_ledger` row, so that the recompute reads one row per loan instead of ~93. It is a cache: the
// `instalments` and `payments` tables stay the source of truth (the case view and the queries read them),
// PortfolioWriter keeps the ledger equal to them in the import's transaction, and the migration to schema 6
// fills it for an existing database. A loan without a ledger row has no instalments and no payments.
//
// One blob: empty when there are no rows; otherwise a format byte (1), the row count as a varint, then
// each row's fields as zigzag varints, dates as day numbers (days since 1970-01-01) and the sequence number
// and dates as differences from the previous row's (the first row's from 0):
//   instalment: sequence, due day, principal fen, interest fen    (in sequence order)
//   payment:    paid day, amount fen                             (in paid-date order, then row id)
// Only what the delinquency engine reads is kept: not the payment's bank id, not the loan's id.
#include "domain/portfolio/portfolio.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep::storage {

std::string encodeInstalments(std::span<const Instalment> instalments);
std::string encodePayments(std::span<const Payment> payments);
// Replace `out` with the blob's rows (Instalment::loanId and Payment's ids left empty). DatabaseError for a
// blob that is not in the format above: the ledger row is damaged.
void decodeInstalments(std::string_view blob, std::vector<Instalment>& out);
void decodePayments(std::string_view blob, std::vector<Payment>& out);

// Writes ledger rows; the caller holds the transaction.
class LoanLedgerWriter final {
public:
    explicit LoanLedgerWriter(const Connection& connection);
    ~LoanLedgerWriter();
    LoanLedgerWriter(const LoanLedgerWriter&) = delete;
    LoanLedgerWriter& operator=(const LoanLedgerWriter&) = delete;

    // The loan's whole schedule in sequence order / all its payments in the tables' order (paid date, then
    // row id); the other blob of the row is kept (empty for a new row).
    void writeInstalments(std::int64_t loanRowId, std::span<const Instalment> instalments);
    void writePayments(std::int64_t loanRowId, std::span<const Payment> payments);
    // Reads the loan's rows back from the tables and writes the chosen blobs.
    void rebuild(std::int64_t loanRowId, bool instalments, bool payments);
    // Ledger blobs written so far (each writeX or each blob of rebuild counts one).
    std::int64_t blobsWritten() const { return m_written; }

private:
    struct Statements;
    std::unique_ptr<Statements> m_stmt;
    std::vector<Instalment> m_instalments;
    std::vector<Payment> m_payments;
    std::int64_t m_written = 0;
};

// Fills the ledger of every loan from the tables (the migration to schema 6).
void rebuildWholeLedger(const Connection& db);

}  // namespace doorstep::storage
