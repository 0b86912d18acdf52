#pragma once
// Repayment schedules (还款计划) in whole fen: equal instalment (等额本息, an annuity), equal principal
// (等额本金) and interest only with the principal at the end. Used for the schedules of synthetic
// extracts and for the repayment plans an officer proposes (DOMAIN.md section 6).
//
// The conventions, the same for every method (DOMAIN.md section 2):
// * instalment k (1-based) is due on the start date plus k months, clamped to the end of a shorter
//   month (a loan started on 31 January is due on 28/29 February, 31 March, 30 April …);
// * the monthly rate is the annual rate / 12, and the interest of a month is the balance owed during it
//   times that rate, rounded half-up to the fen once;
// * the principal parts add up to exactly the principal: the last instalment takes what rounding left.
#include "domain/messages/error.h"
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "domain/shared/money.h"
#include "domain/shared/rate.h"

#include <vector>

namespace doorstep {

// The longest term a schedule may have, as the extract format allows (docs/data-formats.md).
inline constexpr int kMaxTermMonths = 480;

// What a schedule is computed from.
struct ScheduleTerms {
    Money principal;     // the amount to repay, > 0
    AnnualRate rate;     // the contract rate, >= 0
    Date startDate{};    // the day the money was lent (or the plan takes effect); instalments follow monthly
    int termMonths = 0;  // number of monthly instalments, 1 … kMaxTermMonths
    RepaymentMethod method = RepaymentMethod::EqualInstalment;
};

// InvalidInput with a sentence naming the term that is out of range.
Result<void> validateScheduleTerms(const ScheduleTerms& terms);

// One month's interest on a balance: balance × annual rate / 12, rounded half-up to the fen.
Money monthlyInterest(Money balance, AnnualRate rate);

// The level monthly payment (principal + interest) of an equal-instalment schedule, rounded half-up to
// the fen: P·r·(1+r)^n / ((1+r)^n − 1) with r = annual / 12, or P / n at a zero rate. Computed in long
// double; a value within a millionth of a fen of a half is settled with exact integer arithmetic, so the
// result is the exact rational value rounded half-up, on every platform. Every instalment but the last
// pays exactly this; the last pays off what is left. Terms must be valid.
Money annuityPayment(Money principal, AnnualRate rate, int termMonths);

// The instalments 1 … termMonths in due-date order, with an empty loanId.
// * EqualInstalment: each pays annuityPayment(); its interest is the month's interest on the balance,
//   its principal the rest.
// * EqualPrincipal: each repays principal / term rounded half-up (never more than is left), plus the
//   month's interest on the balance, so the total falls month by month.
// * InterestOnlyBullet: each pays the month's interest on the whole principal; the last also repays it.
// InvalidInput when the terms are not valid.
Result<std::vector<Instalment>> buildSchedule(const ScheduleTerms& terms);

// The schedule of a loan as its contract defines it, each instalment carrying the loan's id.
Result<std::vector<Instalment>> buildSchedule(const Loan& loan);

}  // namespace doorstep
