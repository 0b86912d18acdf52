#pragma once
// The contact log (issue 10): an officer logs a call, an SMS or a visit attempt with a case's customer, a
// guarantor or a contact person. Every contact goes through the domain's contact-rule guard with the day's
// earlier contacts from both sources; an allowed exception is stored with its reason, audited and listed for
// supervisors. Stored as contact_events with source "doorstep", so screening counts it like the call centre's.
#include "app/users/session.h"
#include "domain/contacts/contact_rules.h"
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"
#include "domain/shared/clock_time.h"
#include "domain/shared/money.h"
#include "storage/appointments/appointment_repository.h"
#include "storage/contacts/contact_log_repository.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::app {

using ContactItem = storage::ContactRow;

// A number of the case as a form shows it: its id, the masked number and whose it is.
struct CaseNumberChoice {
    std::string id;        // "phone", "phone2", "contact:<row id>"
    std::string masked;    // "138****5678"
    std::string relation;  // "" for the borrower's own
};

struct ContactEntry {
    std::int64_t borrowerRowId = 0;
    ContactParty who = ContactParty::Borrower;
    std::string relation;  // a third party's relation to the borrower
    ContactChannel channel = ContactChannel::Call;
    std::string numberId;  // one of caseNumbers(); required for a call or an SMS
    Date date{};           // local (Asia/Shanghai)
    ClockTime time;
    ContactResult result = ContactResult::NoAnswer;
    std::string note;
    Money promisedAmount;              // PromiseToPay only
    std::optional<Date> promisedDate;  // PromiseToPay only
    bool borrowerUnreachable = false;
    std::string exceptionReason;  // only for a rule that allows exceptions (the quiet hours)
};

struct LoggedContact {
    std::int64_t eventId = 0;
    ContactDecision decision;
};

// A contact-log row as the contact_events table holds it: who was reached (nobody unless someone spoke) and
// the extract's outcome. A sent SMS reached its recipient (it is not a failed contact).
ContactParty reachedOf(ContactParty who, ContactResult result);
ContactOutcome outcomeOf(ContactResult result);

class UseCase;

// Whether the user may work the case: supervisors any, officers the cases assigned to them (a loan's or the queue
// entry's officer). The one rule for contacting the customer, sending them an SMS and booking a visit.
bool ownsCase(const Session& session, const storage::CaseInfo& info);

class ContactService final {
public:
    explicit ContactService(Session& session) : m_session(session) {}

    // The case's numbers, masked; officers only for their own cases.
    Result<std::vector<CaseNumberChoice>> caseNumbers(std::int64_t borrowerRowId) const;
    // What the guard would say now, for the form (no refusal is an error here).
    Result<ContactDecision> check(const ContactEntry& entry) const;
    // Logs the contact through the guard; refused contacts are not stored. Audited ("contact.log", and
    // "contact.exception" when a rule was set aside).
    Result<LoggedContact> logContact(const ContactEntry& entry);
    // Doorstep's own contacts dated from `from` to `to`: officers see those they logged, supervisors all.
    Result<std::vector<ContactItem>> contacts(Date from, Date to) const;
    // Contacts logged through a rule exception, newest first: supervisors.
    Result<std::vector<ContactItem>> exceptions() const;

private:
    Session& m_session;
};

// The work of logContact inside a use case already running (WorkCases checked), so that an SMS stores its
// contact and its outbox row in one transaction; `appointmentId` links a reminder to its appointment.
Result<LoggedContact> logContactIn(UseCase& uc, const ContactEntry& entry, std::int64_t appointmentId = 0);

}  // namespace doorstep::app
