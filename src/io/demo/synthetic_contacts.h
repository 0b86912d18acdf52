#pragma once
// Made-up call-centre history for the synthetic extract (docs/data-formats.md, "contact_history.csv"):
// what the bank's call centre recorded about one borrower in the last weeks before the extract date,
// consistent with the borrower's generated loans and payments.
#include "domain/contacts/contact_history.h"
#include "domain/shared/calendar.h"
#include "io/demo/synthetic_loans.h"
#include "io/demo/synthetic_random.h"

#include <span>
#include <string>
#include <vector>

namespace doorstep::io::synthetic {

// The call centre's records reach this many days back, the extract date included.
inline constexpr int kContactHistoryDays = 60;

// The borrower's contact attempts, oldest first. While a loan is in arrears (instalments due before
// the day exceed the payments made before it) the centre calls a few times a week, only from 08:00 to
// 21:59 (DOMAIN.md section 5): most calls go unanswered (some followed by an SMS), a few reach a wrong
// number, a guarantor or, rarely, another third party; a reached borrower may refuse, talk, say it was
// paid or promise part or all of the arrears by a day 3–14 days ahead. A promise is kept exactly when
// the loan's payments from the day of the promise to three days after the promised day add up to the
// promised amount; it is made kept only when the generated payments already say so, so payments are
// never changed. Borrowers who stay current get no contacts, except a few reminder SMS.
std::vector<ContactAttempt> generateContactHistory(Random& random, const std::string& borrowerId,
                                                   std::span<const GeneratedLoan> loans, Date extractDate);

}  // namespace doorstep::io::synthetic
