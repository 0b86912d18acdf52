#pragma once
// Made-up loans for the synthetic extract: product, amount, rate and term, the schedule (amortization.h)
// and a payment history that leaves the loan in a chosen standing at the extract date.
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "io/demo/synthetic_random.h"

#include <optional>
#include <string>
#include <vector>

namespace doorstep::io::synthetic {

// Where a loan stands at the extract date, and how it got there (DOMAIN.md section 3 buckets).
enum class Standing {
    Current,          // every instalment paid on its due date or a few days before
    CaughtUp,         // current, after missing one to three instalments once and paying them late in one go
    ChronicallyLate,  // lately pays every instalment 5–25 days late; the latest is not paid yet (M1)
    MissedLatest,     // current until the latest instalment, which is unpaid or part paid (M1)
    Overdue31to60,    // M2
    Overdue61to90,    // M3
    Overdue91to180,   // M4–M6
    Over180,          // M7+, stopped paying; some have passed their last due date
};
inline constexpr int kStandingCount = 8;

struct LoanRequest {
    std::string loanId;
    std::string borrowerId;
    std::string officer;
    Date extractDate{};
    // The borrower's previous loan, if any: a borrower in trouble tends to be in trouble on every loan.
    std::optional<Standing> previous;
};

struct GeneratedLoan {
    Loan loan;
    std::vector<Instalment> schedule;
    std::vector<Payment> payments;  // oldest first, ids left empty for the caller to number
    Standing standing = Standing::Current;
    int firstUnpaidSequence = 0;  // the oldest instalment left unpaid on purpose; 0 when none
    int dpd = 0;                  // days past due at the extract date, as generated
    int worstPastLateDays = 0;    // the longest an instalment was late before the present standing
    Date worstPastLateOn{};       // the day that lateness ended (the catching-up payment)
};

GeneratedLoan generateLoan(Random& random, const LoanRequest& request);

// The principal of the instalments due on or before `date` that the generated payments settle.
Money principalRepaidBy(const GeneratedLoan& loan, Date date);

}  // namespace doorstep::io::synthetic
