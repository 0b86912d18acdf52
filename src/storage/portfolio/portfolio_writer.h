#pragma once
// Writes one core-banking extract into the database, record by record as the reader streams it.
// Re-importing updates only what changed and keeps everything Doorstep itself recorded; the same
// extract twice changes nothing (rowsChanged() == 0). The caller holds the transaction.
#include "domain/contacts/contact_history.h"
#include "domain/portfolio/portfolio.h"
#include "storage/database/sqlite.h"
#include "storage/portfolio/loan_ledger.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace doorstep::storage {

class PortfolioWriter final {
public:
    explicit PortfolioWriter(const Connection& connection);
    ~PortfolioWriter();
    PortfolioWriter(const PortfolioWriter&) = delete;
    PortfolioWriter& operator=(const PortfolioWriter&) = delete;

    // Records must arrive in the extract's order: borrowers before what refers to them, each
    // loan's instalments together and in sequence, each loan's payments together.
    void borrower(const Borrower& borrower);
    void contact(const ContactPerson& contact);
    void creditRecord(const CreditRecord& record);
    void loan(const Loan& loan);
    void instalment(const Instalment& instalment);
    void payment(const Payment& payment);
    // Contacts are history: a later extract adds to them and never removes one (DOMAIN.md section 5:
    // records of collection contacts are kept at least two years).
    void contactAttempt(const ContactAttempt& attempt);

    // Completes the last groups and removes contact persons, instalments and payments that the
    // extract no longer lists. Loans and borrowers are never removed (Doorstep's cases refer to them):
    // one the extract does not hold has left the book (DOMAIN.md section 3) and is marked so with the date
    // of the last extract that held it (the latest in `imports`, which the caller writes after this), its
    // rows kept as they are; one marked so that the extract holds again is back in the book.
    // Then brings the loan ledger (storage/portfolio/loan_ledger.h) of every loan whose rows changed up to date.
    void finish();
    // What finish() found: loans and borrowers that left the book with this extract, and that came back.
    struct BookChanges {
        std::int64_t loansLeft = 0;
        std::int64_t loansReturned = 0;
        std::int64_t borrowersLeft = 0;
        std::int64_t borrowersReturned = 0;
    };
    BookChanges bookChanges() const { return m_book; }
    std::int64_t rowsChanged() const { return m_changed; }
    // Payment ids the database held for one loan that this extract gave to another (after finish(); the
    // writer applied the move, so the caller rolls back). Bank ids, in payment id order.
    struct MovedPayment {
        std::string paymentId;
        std::string storedLoan;
        std::string extractLoan;
    };
    std::vector<MovedPayment> movedPayments() const;
    std::int64_t rowsRead() const { return m_read; }
    // Loan-ledger blobs written (a loan's instalments or its payments; 0 when no such row changed).
    std::int64_t ledgerBlobsWritten() const;

private:
    std::int64_t borrowerRowId(const std::string& bankId);
    std::int64_t loanRowId(const std::string& bankId);
    void flushInstalments();
    void flushPayments();
    void dropLedgerTriggers();
    void markBook();

    const Connection& m_db;
    bool m_fresh = false;  // the portfolio tables were empty: plain inserts, nothing to compare
    std::int64_t m_changed = 0;
    std::int64_t m_read = 0;
    BookChanges m_book;
    std::unordered_map<std::string, std::int64_t> m_borrowerIds;
    std::unordered_map<std::string, std::int64_t> m_loanIds;
    std::string m_instalmentLoan;
    std::vector<Instalment> m_instalments;
    std::string m_paymentLoan;
    std::vector<Payment> m_payments;
    // The ledger: into an empty database it is written from the records as each group is flushed; otherwise
    // temporary triggers note every loan whose instalments or payments change, and finish() rebuilds those.
    std::unique_ptr<LoanLedgerWriter> m_ledger;
    // Fresh: the loans (by row id, 1 … n in an empty table) whose group was packed; a second group: rebuild.
    std::vector<bool> m_ledgerInstalmentLoans;
    std::vector<bool> m_ledgerPaymentLoans;
    std::vector<std::pair<std::int64_t, int>> m_ledgerRebuild;  // fresh: loan, 1 instalments / 2 payments
    struct Statements;
    std::unique_ptr<Statements> m_stmt;
};

}  // namespace doorstep::storage
