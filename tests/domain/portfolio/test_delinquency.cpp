#include "domain/portfolio/delinquency.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <vector>

using namespace doorstep;

// Every figure below is worked by hand in the comment above it. Two rates keep the arithmetic short:
//   4.35 % + 50 % markup = 6.525 % a year; daily 0.06525 / 360 = 0.00018125 per fen and day.
//   3.6 %  + 50 % markup = 5.4 % a year;   daily 0.054 / 360   = 0.00015 per fen and day.
namespace {

constexpr std::int64_t kRate435 = 43'500;
constexpr std::int64_t kRate360 = 36'000;

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Loan loanAt(std::int64_t rateMicros, Product product = Product::Consumer)
{
    Loan loan;
    loan.id = "L1";
    loan.product = product;
    loan.contractRate = AnnualRate{rateMicros};
    return loan;
}

Instalment due(int sequence, Date date, std::int64_t principalFen, std::int64_t interestFen)
{
    return Instalment{"L1", sequence, date, Money{principalFen}, Money{interestFen}};
}

Payment paid(Date date, std::int64_t fen)
{
    return Payment{"P", "L1", date, Money{fen}};
}

LoanDelinquency assess(const Loan& loan, const std::vector<Instalment>& schedule, const std::vector<Payment>& payments,
                       Date asOf, const DelinquencySettings& settings = {})
{
    const LoanDelinquency full = assessLoan(loan, schedule, payments, asOf, settings);
    // The summary-only entry point must agree with the full one on every figure.
    const DelinquencySummary s = assessLoanSummary(loan, schedule, payments, asOf, settings);
    CHECK(s.dpd == full.dpd);
    CHECK(s.bucket == full.bucket);
    CHECK(s.riskClass == full.riskClass);
    CHECK(s.overdueInstalments == full.overdueInstalments);
    CHECK(s.oldestUnpaidDueDate == full.oldestUnpaidDueDate);
    CHECK(s.overduePrincipal == full.overduePrincipal);
    CHECK(s.overdueInterest == full.overdueInterest);
    CHECK(s.penaltyAccrued == full.penaltyAccrued);
    CHECK(s.penaltyPaid == full.penaltyPaid);
    CHECK(s.compoundAccrued == full.compoundAccrued);
    CHECK(s.compoundPaid == full.compoundPaid);
    CHECK(s.principalPaid == full.principalPaid);
    CHECK(s.interestPaid == full.interestPaid);
    CHECK(s.totalOverdue == full.totalOverdue);
    CHECK(s.outstandingPrincipal == full.outstandingPrincipal);
    CHECK(s.unallocatedCredit == full.unallocatedCredit);
    CHECK(full.instalments.size() == schedule.size());
    return full;
}

}  // namespace

TEST_CASE("penalty on 10,000.00 overdue 30 days at 4.35 % + 50 %", "[delinquency]")
{
    // 1,000,000 fen × 0.00018125 × 30 days = 5,437.5 fen → half-up 5,438 fen (54.38 yuan).
    // Due 2026-03-10, as of 2026-04-09: 21 days left in March + 9 = 30 DPD.
    const auto r = assess(loanAt(kRate435), {due(1, ymd(2026, 3, 10), 1'000'000, 0)}, {}, ymd(2026, 4, 9));
    CHECK(r.dpd == 30);
    CHECK(r.bucket == Bucket::M1);
    CHECK(r.riskClass == RiskClass::SpecialMention);
    CHECK(r.penaltyAccrued.fen == 5'438);
    CHECK(r.compoundAccrued.fen == 0);
    CHECK(r.overduePrincipal.fen == 1'000'000);
    CHECK(r.totalOverdue.fen == 1'000'000 + 5'438);
    CHECK(r.instalments[0].daysOverdue == 30);
    CHECK(r.instalments[0].penaltyAccrued.fen == 5'438);
}

TEST_CASE("compound interest on overdue interest at the penalty rate; rounding half-up", "[delinquency]")
{
    // Interest 2,000.00: 200,000 × 0.00018125 × 30 = 1,087.5 → 1,088 (a half rounds up).
    // 45 days instead: principal 1,000,000 × 0.00018125 × 45 = 8,156.25 → 8,156 (a quarter rounds down);
    // interest 200,000 × 0.00018125 × 45 = 1,631.25 → 1,631.
    const Loan loan = loanAt(kRate435);
    const std::vector schedule{due(1, ymd(2026, 3, 10), 1'000'000, 200'000)};
    const auto thirty = assess(loan, schedule, {}, ymd(2026, 4, 9));
    CHECK(thirty.penaltyAccrued.fen == 5'438);
    CHECK(thirty.compoundAccrued.fen == 1'088);
    CHECK(thirty.overdueInterest.fen == 200'000);
    CHECK(thirty.totalOverdue.fen == 1'000'000 + 200'000 + 5'438 + 1'088);
    const auto fortyFive = assess(loan, schedule, {}, ymd(2026, 4, 24));
    CHECK(fortyFive.dpd == 45);
    CHECK(fortyFive.penaltyAccrued.fen == 8'156);
    CHECK(fortyFive.compoundAccrued.fen == 1'631);
}

TEST_CASE("the penalty markup is a setting", "[delinquency]")
{
    // +30 %: 4.35 % × 1.3 = 5.655 %; 1,000,000 × 0.05655 × 30 / 360 = 4,712.5 → 4,713.
    // +0 %: 1,000,000 × 0.0435 × 30 / 360 = 3,625.
    const std::vector schedule{due(1, ymd(2026, 3, 10), 1'000'000, 0)};
    DelinquencySettings settings;
    settings.penaltyMarkupPercent = 30;
    CHECK(assess(loanAt(kRate435), schedule, {}, ymd(2026, 4, 9), settings).penaltyAccrued.fen == 4'713);
    settings.penaltyMarkupPercent = 0;
    CHECK(assess(loanAt(kRate435), schedule, {}, ymd(2026, 4, 9), settings).penaltyAccrued.fen == 3'625);
}

TEST_CASE("due on day d and unpaid is 1 DPD on d + 1; paid on d costs nothing", "[delinquency]")
{
    // 100,000 × 0.00015 = 15 fen a day.
    const Loan loan = loanAt(kRate360);
    const std::vector schedule{due(1, ymd(2026, 5, 10), 100'000, 0)};
    const auto onDueDate = assess(loan, schedule, {}, ymd(2026, 5, 10));
    CHECK(onDueDate.dpd == 0);
    CHECK(onDueDate.overdueInstalments == 0);
    CHECK(onDueDate.totalOverdue.fen == 0);
    CHECK(onDueDate.oldestUnpaidDueDate == ymd(2026, 5, 10));
    const auto nextDay = assess(loan, schedule, {}, ymd(2026, 5, 11));
    CHECK(nextDay.dpd == 1);
    CHECK(nextDay.bucket == Bucket::M1);
    CHECK(nextDay.penaltyAccrued.fen == 15);
    const auto paidOnTime = assess(loan, schedule, {paid(ymd(2026, 5, 10), 100'000)}, ymd(2026, 6, 30));
    CHECK(paidOnTime.dpd == 0);
    CHECK(paidOnTime.penaltyAccrued.fen == 0);
    CHECK(paidOnTime.instalments[0].paidInFullOn == ymd(2026, 5, 10));
    // Paid a day late the 15 fen are owed too: 100,000 leaves 15 of principal unpaid, still 1 instalment due.
    const auto paidLate = assess(loan, schedule, {paid(ymd(2026, 5, 11), 100'000)}, ymd(2026, 5, 11));
    CHECK(paidLate.dpd == 1);
    CHECK(paidLate.penaltyPaid.fen == 15);
    CHECK(paidLate.overduePrincipal.fen == 15);
}

TEST_CASE("DPD boundaries give the buckets and the loan classes", "[delinquency]")
{
    const Loan loan = loanAt(kRate360);
    const Date dueDate = ymd(2025, 1, 1);
    const std::vector schedule{due(1, dueDate, 100'000, 0)};
    struct Row {
        int days;
        Bucket bucket;
        RiskClass loanClass;
    };
    for (const Row row :
         {Row{0, Bucket::M0, RiskClass::Normal}, Row{1, Bucket::M1, RiskClass::SpecialMention},
          Row{30, Bucket::M1, RiskClass::SpecialMention}, Row{31, Bucket::M2, RiskClass::SpecialMention},
          Row{60, Bucket::M2, RiskClass::SpecialMention}, Row{61, Bucket::M3, RiskClass::SpecialMention},
          Row{90, Bucket::M3, RiskClass::SpecialMention}, Row{91, Bucket::M4, RiskClass::Substandard},
          Row{180, Bucket::M6, RiskClass::Substandard}, Row{181, Bucket::M7, RiskClass::Substandard},
          Row{270, Bucket::M7, RiskClass::Substandard}, Row{271, Bucket::M7, RiskClass::Doubtful},
          Row{360, Bucket::M7, RiskClass::Doubtful}, Row{361, Bucket::M7, RiskClass::Loss}}) {
        INFO("days after the due date: " << row.days);
        const auto r = assess(loan, schedule, {}, addDays(dueDate, row.days));
        CHECK(r.dpd == row.days);
        CHECK(r.bucket == row.bucket);
        CHECK(r.riskClass == row.loanClass);
    }
}

TEST_CASE("a credit card is classed by the card profile", "[delinquency]")
{
    const Loan card = loanAt(kRate360, Product::CreditCard);
    const Date dueDate = ymd(2025, 1, 1);
    const std::vector schedule{due(1, dueDate, 100'000, 0)};
    const auto at = [&](int days) { return assess(card, schedule, {}, addDays(dueDate, days)).riskClass; };
    CHECK(at(0) == RiskClass::Normal);
    CHECK(at(91) == RiskClass::Substandard);
    CHECK(at(121) == RiskClass::Doubtful);  // a loan would still be substandard
    CHECK(at(181) == RiskClass::Loss);      // a loan would still be substandard
}

TEST_CASE("bucket boundaries and class thresholds are settings", "[delinquency]")
{
    const Date dueDate = ymd(2025, 1, 1);
    const std::vector schedule{due(1, dueDate, 100'000, 0)};
    DelinquencySettings settings;
    settings.buckets.lastDay = {29, 59, 89, 119, 149, 179};
    settings.classes.loan.substandardOver = 60;
    const auto r = assess(loanAt(kRate360), schedule, {}, addDays(dueDate, 61), settings);
    CHECK(r.bucket == Bucket::M3);  // 60 < 61 ≤ 89
    CHECK(r.riskClass == RiskClass::Substandard);
}

TEST_CASE("month-end due dates: January 31, then February 28", "[delinquency]")
{
    // Due 2026-01-31 and 2026-02-28 (Jan 31 + 1 month, clamped), as of 2026-03-01.
    // First: 28 days of February + 1 = 29 DPD; 300,000 × 0.00018125 × 29 = 1,576.875 → 1,577.
    // Second: 1 day; 300,000 × 0.00018125 × 1 = 54.375 → 54.
    const std::vector schedule{due(1, ymd(2026, 1, 31), 300'000, 0),
                               due(2, addMonthsClamped(ymd(2026, 1, 31), 1), 300'000, 0),
                               due(3, addMonthsClamped(ymd(2026, 1, 31), 2), 300'000, 0)};
    REQUIRE(schedule[1].dueDate == ymd(2026, 2, 28));
    const auto r = assess(loanAt(kRate435), schedule, {}, ymd(2026, 3, 1));
    CHECK(r.dpd == 29);
    CHECK(r.overdueInstalments == 2);
    CHECK(r.oldestUnpaidDueDate == ymd(2026, 1, 31));
    CHECK(r.instalments[0].penaltyAccrued.fen == 1'577);
    CHECK(r.instalments[1].penaltyAccrued.fen == 54);
    CHECK(r.instalments[1].daysOverdue == 1);
    CHECK(r.instalments[2].daysOverdue == 0);
    CHECK(r.penaltyAccrued.fen == 1'577 + 54);
    CHECK(r.overduePrincipal.fen == 600'000);
    CHECK(r.outstandingPrincipal.fen == 900'000);
}

TEST_CASE("leap year: due 2028-02-29", "[delinquency]")
{
    // 2028-01-31 + 1 month = 2028-02-29. As of 2028-03-31: 31 DPD (M2).
    // 100,000 × 0.00015 × 31 = 465.
    const Date dueDate = addMonthsClamped(ymd(2028, 1, 31), 1);
    REQUIRE(dueDate == ymd(2028, 2, 29));
    const auto r = assess(loanAt(kRate360), {due(1, dueDate, 100'000, 0)}, {}, ymd(2028, 3, 31));
    CHECK(r.dpd == 31);
    CHECK(r.bucket == Bucket::M2);
    CHECK(r.penaltyAccrued.fen == 465);
}

TEST_CASE("a partial payment: accrual up to the payment, then on the smaller balance", "[delinquency]")
{
    // Due 2026-05-10: principal 100,000, interest 20,000. Paid 50,000 on 2026-05-20 (10 days late):
    //   penalty 100,000 × 0.00015 × 10 = 150; compound 20,000 × 0.00015 × 10 = 30;
    //   50,000 → penalty 150, compound 30, interest 20,000, principal 29,820 (70,180 left).
    // As of 2026-05-30, 10 more days: penalty 70,180 × 0.00015 × 10 = 105.27, compound 0.
    //   penalty exact 255.27 → 255, of which 150 paid; compound 30, all paid.
    const std::vector schedule{due(1, ymd(2026, 5, 10), 100'000, 20'000)};
    const auto r = assess(loanAt(kRate360), schedule, {paid(ymd(2026, 5, 20), 50'000)}, ymd(2026, 5, 30));
    CHECK(r.dpd == 20);
    CHECK(r.penaltyAccrued.fen == 255);
    CHECK(r.penaltyPaid.fen == 150);
    CHECK(r.penaltyUnpaid().fen == 105);
    CHECK(r.compoundAccrued.fen == 30);
    CHECK(r.compoundPaid.fen == 30);
    CHECK(r.interestPaid.fen == 20'000);
    CHECK(r.principalPaid.fen == 29'820);
    CHECK(r.overduePrincipal.fen == 70'180);
    CHECK(r.overdueInterest.fen == 0);
    CHECK(r.totalOverdue.fen == 70'180 + 105);
    CHECK(r.outstandingPrincipal.fen == 70'180);
    CHECK(r.instalments[0].unpaid().fen == 70'180 + 105);
    CHECK_FALSE(r.instalments[0].paidInFullOn.has_value());
}

TEST_CASE("the allocation order decides which part a payment settles", "[delinquency]")
{
    // Same instalment and payment as above; 150 penalty and 30 compound owed on 2026-05-20.
    const Loan loan = loanAt(kRate360);
    const std::vector schedule{due(1, ymd(2026, 5, 10), 100'000, 20'000)};
    const std::vector payments{paid(ymd(2026, 5, 20), 50'000)};
    DelinquencySettings settings;

    settings.allocationOrder = {Component::Principal, Component::Interest, Component::Penalty, Component::Compound};
    // 50,000 all to principal. As of 2026-05-30: penalty 150 + 50,000 × 0.00015 × 10 = 225;
    // compound 20,000 × 0.00015 × 20 = 60.
    const auto principalFirst = assess(loan, schedule, payments, ymd(2026, 5, 30), settings);
    CHECK(principalFirst.principalPaid.fen == 50'000);
    CHECK(principalFirst.interestPaid.fen == 0);
    CHECK(principalFirst.penaltyPaid.fen == 0);
    CHECK(principalFirst.penaltyAccrued.fen == 225);
    CHECK(principalFirst.compoundAccrued.fen == 60);

    settings.allocationOrder = {Component::Interest, Component::Principal, Component::Penalty, Component::Compound};
    // 20,000 interest, 30,000 principal, nothing to penalty or compound.
    const auto interestFirst = assess(loan, schedule, payments, ymd(2026, 5, 20), settings);
    CHECK(interestFirst.interestPaid.fen == 20'000);
    CHECK(interestFirst.principalPaid.fen == 30'000);
    CHECK(interestFirst.penaltyPaid.fen == 0);
    CHECK(interestFirst.compoundPaid.fen == 0);
}

TEST_CASE("an instalment with only penalty left is still not fully paid", "[delinquency]")
{
    // Principal first: 120,000 on 2026-05-20 pays principal and interest of #1, leaving penalty 150 and
    // compound 30, which stop growing. 100 on 2026-05-25 still goes to #1 (its penalty), not to #2.
    // As of 2026-05-30 #1 is unpaid: 20 DPD; 50 penalty + 30 compound = 80 overdue.
    DelinquencySettings settings;
    settings.allocationOrder = {Component::Principal, Component::Interest, Component::Penalty, Component::Compound};
    const std::vector schedule{due(1, ymd(2026, 5, 10), 100'000, 20'000), due(2, ymd(2026, 6, 10), 100'000, 0)};
    const auto r = assess(loanAt(kRate360), schedule, {paid(ymd(2026, 5, 20), 120'000), paid(ymd(2026, 5, 25), 100)},
                          ymd(2026, 5, 30), settings);
    CHECK(r.dpd == 20);
    CHECK(r.overdueInstalments == 1);
    CHECK(r.oldestUnpaidDueDate == ymd(2026, 5, 10));
    CHECK(r.overduePrincipal.fen == 0);
    CHECK(r.penaltyPaid.fen == 100);
    CHECK(r.penaltyUnpaid().fen == 50);
    CHECK(r.compoundUnpaid().fen == 30);
    CHECK(r.totalOverdue.fen == 80);
    CHECK(r.instalments[1].principalPaid.fen == 0);
    CHECK(r.outstandingPrincipal.fen == 100'000);

    // Payments handed over out of date order are taken in date order.
    const auto unsorted =
        assess(loanAt(kRate360), schedule, {paid(ymd(2026, 5, 25), 100), paid(ymd(2026, 5, 20), 120'000)},
               ymd(2026, 5, 30), settings);
    CHECK(unsorted.penaltyPaid.fen == 100);
    CHECK(unsorted.totalOverdue.fen == 80);
}

TEST_CASE("a payment before the due date goes to the oldest unpaid instalment", "[delinquency]")
{
    // 150,000 on 2026-06-01: settles #1 (10,000 interest + 100,000 principal) before it is due, then
    // 40,000 to #2: 10,000 interest, 30,000 principal, 70,000 left.
    // As of 2026-07-20, #2 is 5 days late: 70,000 × 0.00015 × 5 = 52.5 → 53.
    const Loan loan = loanAt(kRate360);
    const std::vector schedule{due(1, ymd(2026, 6, 15), 100'000, 10'000), due(2, ymd(2026, 7, 15), 100'000, 10'000)};
    const std::vector payments{paid(ymd(2026, 6, 1), 150'000)};
    const auto r = assess(loan, schedule, payments, ymd(2026, 7, 20));
    CHECK(r.dpd == 5);
    CHECK(r.instalments[0].paidInFullOn == ymd(2026, 6, 1));
    CHECK(r.instalments[0].daysOverdue == 0);
    CHECK(r.instalments[1].principalPaid.fen == 30'000);
    CHECK(r.instalments[1].interestPaid.fen == 10'000);
    CHECK(r.penaltyAccrued.fen == 53);
    CHECK(r.overduePrincipal.fen == 70'000);
    CHECK(r.totalOverdue.fen == 70'053);

    // Before #2 falls due the loan is current.
    const auto before = assess(loan, schedule, payments, ymd(2026, 7, 10));
    CHECK(before.dpd == 0);
    CHECK(before.bucket == Bucket::M0);
    CHECK(before.riskClass == RiskClass::Normal);
    CHECK(before.overdueInstalments == 0);
    CHECK(before.totalOverdue.fen == 0);
    CHECK(before.oldestUnpaidDueDate == ymd(2026, 7, 15));
}

TEST_CASE("several overdue instalments, one payment covering the oldest and part of the next", "[delinquency]")
{
    // Three instalments of 100,000 principal + 5,000 interest, due 2026-01-10, 02-10, 03-10.
    // 120,000 paid on 2026-02-20:
    //   #1, 41 days late: penalty 100,000 × 0.00015 × 41 = 615; compound 5,000 × 0.00015 × 41 = 30.75 → 31;
    //       615 + 31 + 5,000 + 100,000 = 105,646 settles it; 14,354 left.
    //   #2, 10 days late: penalty 150; compound 7.5 → 8; then interest 5,000; principal 9,196 (90,804 left).
    // As of 2026-03-31:
    //   #2: 39 more days: 90,804 × 0.00015 × 39 = 531.2034; penalty 150 + 531.2034 → 681; compound stays 8.
    //   #3: 21 days: penalty 315; compound 5,000 × 0.00015 × 21 = 15.75 → 16.
    //   DPD from #2: 18 + 31 = 49 (M2).
    const std::vector schedule{due(1, ymd(2026, 1, 10), 100'000, 5'000), due(2, ymd(2026, 2, 10), 100'000, 5'000),
                               due(3, ymd(2026, 3, 10), 100'000, 5'000)};
    const std::vector payments{paid(ymd(2026, 2, 20), 120'000)};
    const auto r = assess(loanAt(kRate360), schedule, payments, ymd(2026, 3, 31));
    CHECK(r.dpd == 49);
    CHECK(r.bucket == Bucket::M2);
    CHECK(r.riskClass == RiskClass::SpecialMention);
    CHECK(r.overdueInstalments == 2);
    CHECK(r.oldestUnpaidDueDate == ymd(2026, 2, 10));
    CHECK(r.overduePrincipal.fen == 90'804 + 100'000);
    CHECK(r.overdueInterest.fen == 5'000);
    CHECK(r.penaltyAccrued.fen == 615 + 681 + 315);
    CHECK(r.penaltyPaid.fen == 615 + 150);
    CHECK(r.compoundAccrued.fen == 31 + 8 + 16);
    CHECK(r.compoundPaid.fen == 31 + 8);
    CHECK(r.principalPaid.fen == 109'196);
    CHECK(r.interestPaid.fen == 10'000);
    CHECK(r.totalOverdue.fen == 190'804 + 5'000 + 846 + 16);
    CHECK(r.outstandingPrincipal.fen == 190'804);
    CHECK(r.unallocatedCredit.fen == 0);

    REQUIRE(r.instalments.size() == 3);
    CHECK(r.instalments[0].sequence == 1);
    CHECK(r.instalments[0].paidInFullOn == ymd(2026, 2, 20));
    CHECK(r.instalments[0].daysOverdue == 41);
    CHECK(r.instalments[0].penaltyPaid.fen == 615);
    CHECK(r.instalments[0].compoundPaid.fen == 31);
    CHECK(r.instalments[1].dueDate == ymd(2026, 2, 10));
    CHECK(r.instalments[1].daysOverdue == 49);
    CHECK(r.instalments[1].principalPaid.fen == 9'196);
    CHECK(r.instalments[1].penaltyAccrued.fen == 681);
    CHECK(r.instalments[1].compoundAccrued.fen == 8);
    CHECK(r.instalments[2].daysOverdue == 21);
    CHECK(r.instalments[2].compoundAccrued.fen == 16);

    // The same, handed over in reverse order, is sorted first.
    const std::vector reversed(schedule.rbegin(), schedule.rend());
    const auto fromReversed = assess(loanAt(kRate360), reversed, payments, ymd(2026, 3, 31));
    CHECK(fromReversed.totalOverdue.fen == r.totalOverdue.fen);
    CHECK(fromReversed.instalments[0].sequence == 1);
}

TEST_CASE("payments after the assessment date are ignored; on it, counted", "[delinquency]")
{
    // 100,000 due 2026-05-10; 22 days to 2026-06-01: penalty 100,000 × 0.00015 × 22 = 330.
    const Loan loan = loanAt(kRate360);
    const std::vector schedule{due(1, ymd(2026, 5, 10), 100'000, 0)};
    const std::vector payments{paid(ymd(2026, 6, 1), 100'330)};
    const auto dayBefore = assess(loan, schedule, payments, ymd(2026, 5, 31));
    CHECK(dayBefore.dpd == 21);
    CHECK(dayBefore.principalPaid.fen == 0);
    CHECK(dayBefore.unallocatedCredit.fen == 0);
    const auto onTheDay = assess(loan, schedule, payments, ymd(2026, 6, 1));
    CHECK(onTheDay.dpd == 0);
    CHECK(onTheDay.penaltyPaid.fen == 330);
    CHECK(onTheDay.instalments[0].paidInFullOn == ymd(2026, 6, 1));
    CHECK(onTheDay.instalments[0].daysOverdue == 22);
    CHECK(onTheDay.totalOverdue.fen == 0);
}

TEST_CASE("money left after every instalment is paid is unallocated credit", "[delinquency]")
{
    // 101,000 owed; 150,000 paid early leaves 49,000; a second payment of 7,000 has nothing to pay.
    const auto r = assess(loanAt(kRate360), {due(1, ymd(2026, 5, 10), 100'000, 1'000)},
                          {paid(ymd(2026, 5, 1), 150'000), paid(ymd(2026, 5, 15), 7'000)}, ymd(2026, 6, 1));
    CHECK(r.unallocatedCredit.fen == 56'000);
    CHECK(r.dpd == 0);
    CHECK(r.outstandingPrincipal.fen == 0);
}

TEST_CASE("a loan paid in full is current and normal", "[delinquency]")
{
    const std::vector schedule{due(1, ymd(2026, 1, 10), 100'000, 3'000), due(2, ymd(2026, 2, 10), 100'000, 2'000),
                               due(3, ymd(2026, 3, 10), 100'000, 1'000)};
    const std::vector payments{paid(ymd(2026, 1, 10), 103'000), paid(ymd(2026, 2, 10), 102'000),
                               paid(ymd(2026, 3, 10), 101'000)};
    const auto r = assess(loanAt(kRate360), schedule, payments, ymd(2026, 12, 31));
    CHECK(r.dpd == 0);
    CHECK(r.bucket == Bucket::M0);
    CHECK(r.riskClass == RiskClass::Normal);
    CHECK(r.overdueInstalments == 0);
    CHECK_FALSE(r.oldestUnpaidDueDate.has_value());
    CHECK(r.totalOverdue.fen == 0);
    CHECK(r.penaltyAccrued.fen == 0);
    CHECK(r.outstandingPrincipal.fen == 0);
    CHECK(r.principalPaid.fen == 300'000);
    CHECK(r.interestPaid.fen == 6'000);
    CHECK(r.instalments[2].paidInFullOn == ymd(2026, 3, 10));
}

TEST_CASE("edge cases: empty schedule, nothing-due instalment, non-positive payment, huge amounts", "[delinquency]")
{
    const Loan loan = loanAt(kRate360);
    const auto empty = assess(loan, {}, {paid(ymd(2026, 1, 1), 500)}, ymd(2026, 2, 1));
    CHECK(empty.dpd == 0);
    CHECK(empty.unallocatedCredit.fen == 500);

    // A grace-period instalment with nothing due never makes the loan overdue.
    const std::vector grace{due(1, ymd(2026, 1, 10), 0, 0), due(2, ymd(2026, 2, 10), 100'000, 0)};
    const auto inGrace = assess(loan, grace, {paid(ymd(2026, 1, 5), 0), paid(ymd(2026, 1, 6), -100)}, ymd(2026, 2, 1));
    CHECK(inGrace.dpd == 0);
    CHECK(inGrace.oldestUnpaidDueDate == ymd(2026, 2, 10));
    CHECK_FALSE(inGrace.instalments[0].paidInFullOn.has_value());
    CHECK(inGrace.unallocatedCredit.fen == 0);

    // 10 billion yuan at 24 % + 100 % for 10,000 days needs more than 64 bits on the way:
    // 10^12 fen × 0.48 × 10,000 / 360 = 13,333,333,333,333.33 → 13,333,333,333,333 fen.
    DelinquencySettings settings;
    settings.penaltyMarkupPercent = 100;
    const Date dueDate = ymd(2000, 1, 1);
    const auto huge =
        assess(loanAt(240'000), {due(1, dueDate, 1'000'000'000'000, 0)}, {}, addDays(dueDate, 10'000), settings);
    CHECK(huge.penaltyAccrued.fen == 13'333'333'333'333);
}

TEST_CASE("settings are validated with a sentence", "[delinquency]")
{
    CHECK(validateDelinquencySettings({}).has_value());
    DelinquencySettings s;
    s.penaltyMarkupPercent = 101;
    CHECK_FALSE(validateDelinquencySettings(s).has_value());
    s.penaltyMarkupPercent = -1;
    CHECK_FALSE(validateDelinquencySettings(s).has_value());
    s = {};
    s.allocationOrder = {Component::Interest, Component::Interest, Component::Principal, Component::Penalty};
    const auto duplicate = validateDelinquencySettings(s);
    REQUIRE_FALSE(duplicate.has_value());
    CHECK(duplicate.error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(duplicate.error().message.empty());
    s = {};
    s.buckets.lastDay = {30, 60, 60, 120, 150, 180};
    CHECK_FALSE(validateDelinquencySettings(s).has_value());
    s = {};
    s.classes.creditCard.lossOver = 100;  // below doubtful (120)
    CHECK_FALSE(validateDelinquencySettings(s).has_value());
}

TEST_CASE("the allocation order has a stable stored form", "[delinquency]")
{
    CHECK(formatAllocationOrder(kDefaultAllocationOrder) == "penalty,compound,interest,principal");
    const auto parsed = parseAllocationOrder("principal,interest,compound,penalty");
    REQUIRE(parsed.has_value());
    CHECK(*parsed ==
          AllocationOrder{Component::Principal, Component::Interest, Component::Compound, Component::Penalty});
    CHECK(parseComponent("compound") == Component::Compound);
    CHECK_FALSE(parseComponent("Compound").has_value());
    for (const char* bad : {"", "penalty,compound,interest", "penalty,penalty,interest,principal",
                            "penalty,compound,interest,principal,penalty", "penalty,compound,interest,fee",
                            "penalty, compound,interest,principal", "penalty,compound,interest,principal,"}) {
        INFO(bad);
        CHECK_FALSE(parseAllocationOrder(bad).has_value());
    }
}

// Issue 9, item 5 / docs/data-formats.md "Identifiers, text and bounds": at the import's bounds (480
// instalments of 100,000,000.00 yuan principal and interest each, a rate of 999.9999 %, a penalty markup
// of 100 %) a loan due from year 1 and assessed on 9999-12-31 stays far from overflowing 64 bits.
TEST_CASE("a loan at the import's money bounds cannot overflow on any accepted date", "[delinquency]")
{
    constexpr std::int64_t kMaxFen = 10'000'000'000;
    const Loan loan = loanAt(9'999'999);
    std::vector<Instalment> schedule;
    for (int i = 0; i < 480; ++i)
        schedule.push_back(due(i + 1, ymd(1 + i / 12, static_cast<unsigned>(i % 12 + 1), 28), kMaxFen, kMaxFen));
    DelinquencySettings settings;
    settings.penaltyMarkupPercent = 100;
    const LoanDelinquency d = assess(loan, schedule, {}, ymd(9999, 12, 31), settings);
    const std::int64_t dues = 480 * 2 * kMaxFen;
    CHECK(d.overduePrincipal.fen == 480 * kMaxFen);
    CHECK(d.overdueInterest.fen == 480 * kMaxFen);
    // Each fen owed for ~9,980 years at twice 999.9999 % over a 360-day year: about 2 × 10^5 times itself.
    CHECK(d.penaltyAccrued.fen > 190'000 * 480 * kMaxFen);
    CHECK(d.penaltyAccrued.fen < 205'000 * 480 * kMaxFen);
    CHECK(d.compoundAccrued.fen == d.penaltyAccrued.fen);
    CHECK(d.totalOverdue.fen == dues + d.penaltyAccrued.fen + d.compoundAccrued.fen);
    CHECK(d.totalOverdue.fen > 0);
    CHECK(d.totalOverdue.fen < 2'000'000'000'000'000'000);
}
