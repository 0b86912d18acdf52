#pragma once
// Contacts with a customer: first the bank's call centre (delivered in the extract's
// contact_history.csv), later Doorstep's own contact log. Screening rules read these facts the same
// way whichever source recorded them (issue: "keep the rule inputs independent of where a contact
// was recorded").
#include "domain/shared/calendar.h"
#include "domain/shared/money.h"

#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

enum class ContactChannel { Call, Sms, Visit, Letter, Other };
// Who was reached: nobody, the borrower, a guarantor, or another third party.
enum class ContactParty { None, Borrower, Guarantor, ThirdParty };
enum class ContactOutcome {
    NoAnswer,  // call not answered, number unreachable, message undelivered
    WrongNumber,
    Refused,       // reached, refused to talk or to pay
    Reached,       // reached, no promise
    PromiseToPay,  // reached and promised an amount by a date
    Paid,          // reached and said it was paid
};

struct ContactAttempt {
    std::string borrowerId;  // the bank's customer number
    std::string loanId;      // may be empty: the contact was about the customer, not one loan
    Date date{};             // local date (Asia/Shanghai)
    int minuteOfDay = 0;     // 0 … 1439, local time
    ContactChannel channel = ContactChannel::Call;
    ContactParty reached = ContactParty::None;
    ContactOutcome outcome = ContactOutcome::NoAnswer;
    Money promisedAmount;              // PromiseToPay only
    std::optional<Date> promisedDate;  // PromiseToPay only
    std::string source;                // "call_centre" or "doorstep"
};

// A contact that reached nobody who could act (no answer, wrong number, nobody reached).
bool isFailedContact(const ContactAttempt& attempt);

std::string_view contactChannelName(ContactChannel c);  // call, sms, visit, letter, other
std::optional<ContactChannel> parseContactChannel(std::string_view name);
std::string_view contactPartyName(ContactParty p);  // none, borrower, guarantor, third_party
std::optional<ContactParty> parseContactParty(std::string_view name);
std::string_view
contactOutcomeName(ContactOutcome o);  // no_answer, wrong_number, refused, reached, promise_to_pay, paid
std::optional<ContactOutcome> parseContactOutcome(std::string_view name);

}  // namespace doorstep
