#pragma once
// What screening reads (per-borrower facts gathered from the portfolio, contacts and flags) and
// writes (versioned rule sets, the visit queue with reasons and decisions).
#include "domain/contacts/contact_history.h"
#include "domain/portfolio/portfolio.h"
#include "domain/screening/screening.h"
#include "domain/screening/visit_queue_state.h"
#include "storage/database/sqlite.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

struct QueueEntryRow {
    std::int64_t borrowerRowId = 0;
    std::string asOf;
    int ruleSetVersion = 0;
    int score = 0;
    std::string hits;  // serialized rule hits
    std::string factsFingerprint;
    int maxDpd = 0;
    Money totalOverdue;
    std::string district;
    QueueState state = QueueState::Open;  // stored as its code (kQueueStateCodes)
    std::string officer;
    std::string decidedBy, decidedAt, dismissReason, dismissNote, dismissedFingerprint;
    // Joined for display (not stored in the queue table):
    std::string borrowerName, borrowerBankId;
};

struct BorrowerScreeningRow {
    std::int64_t borrowerRowId = 0;
    std::string district;
    std::string officer;  // the officer of the borrower's worst loan ("" when unassigned)
    int maxDpd = 0;
    Money totalOverdue;
    std::string worstBucket;          // "M0" … "M7" now
    std::string previousWorstBucket;  // the worst bucket before the changes of the last month ("" unknown)
    int overdueElsewhere = 0;
    int worstDpd24Months = 0;
    bool litigation = false, dispute = false, deceased = false, planKept = false;
    bool openAppointment = false;          // a confirmed appointment (appointments table)
    std::vector<ContactAttempt> contacts;  // oldest first
    // Recent payments, oldest first (for promises kept or broken); read only for a borrower with a promise to
    // pay among the contacts since the walk's `promisesSince`, empty for the others.
    std::vector<Payment> payments;
    std::optional<QueueEntryRow> queueEntry;  // the stored visit-queue entry (without the display fields)
};

// A screening run's writes to the visit queue, each statement prepared once for the whole run.
class QueueWriter final {
public:
    explicit QueueWriter(const Connection& connection);
    void save(const QueueEntryRow& row);  // inserts, or replaces every stored column (as saveEntry)
    void remove(std::int64_t borrowerRowId);

private:
    Statement m_save;
    Statement m_remove;
};

class ScreeningRepository final {
public:
    explicit ScreeningRepository(const Connection& connection) : m_db(connection) {}

    // Every borrower with at least one loan in the book (DOMAIN.md section 3), in row-id order, with those
    // loans' stored delinquency state; the bucket before the changes recorded after `monthAgo`; their contacts;
    // payments from `paymentsSince` when a contact since `promisesSince` is a promise to pay; and their stored queue
    // entry. Dates are YYYY-MM-DD. One pass over each table in borrower order (the payments looked up per borrower who
    // needs them), so memory holds one borrower, a batch of queue entries and the last month's bucket changes. `visit`
    // may save or remove the queue entries of the borrower it is given and of borrowers before it (QueueWriter); the
    // queue is read in batches ahead of them. Returns the stored queue entries of borrowers the walk did not visit
    // (those without a loan in the book).
    std::vector<QueueEntryRow> forEachBorrower(const std::string& monthAgo, const std::string& paymentsSince,
                                               const std::string& promisesSince,
                                               const std::function<void(const BorrowerScreeningRow&)>& visit) const;

    std::optional<std::pair<int, std::string>> latestRuleSet() const;  // version, body
    std::optional<std::string> ruleSet(int version) const;
    int addRuleSet(const std::string& body, const std::string& createdBy, const std::string& at);

    std::optional<QueueEntryRow> entry(std::int64_t borrowerRowId) const;
    void saveEntry(const QueueEntryRow& row);  // inserts, or replaces every stored column
    std::vector<QueueEntryRow> queue(const std::string& officer /* "" = all */, bool includeDismissed) const;
    // Sets the state and the decision; dismissing also keeps the facts' fingerprint (a change of facts reopens).
    void decide(std::int64_t borrowerRowId, QueueState state, const std::string& by, const std::string& at,
                const std::string& reason, const std::string& note);
    void assign(std::int64_t borrowerRowId, const std::string& officer);

    void setFlags(std::int64_t borrowerRowId, const CaseFlags& flags);
    // All false when never set.
    CaseFlags flags(std::int64_t borrowerRowId) const;

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
