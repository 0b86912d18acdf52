#include "domain/portfolio/amortization.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <cmath>
#include <cstdlib>
#include <numeric>

using namespace doorstep;

namespace {

Date ymd(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

ScheduleTerms terms(std::int64_t principalFen, std::int64_t rateMicros, int months, RepaymentMethod method,
                    Date start = ymd(2026, 1, 15))
{
    return ScheduleTerms{.principal = Money{principalFen},
                         .rate = AnnualRate{rateMicros},
                         .startDate = start,
                         .termMonths = months,
                         .method = method};
}

std::vector<Instalment> schedule(const ScheduleTerms& t)
{
    auto s = buildSchedule(t);
    REQUIRE(s);
    return *s;
}

Money principalSum(const std::vector<Instalment>& s)
{
    return std::accumulate(s.begin(), s.end(), kZeroMoney,
                           [](Money acc, const Instalment& i) { return acc + i.principalDue; });
}

Money interestSum(const std::vector<Instalment>& s)
{
    return std::accumulate(s.begin(), s.end(), kZeroMoney,
                           [](Money acc, const Instalment& i) { return acc + i.interestDue; });
}

}  // namespace

TEST_CASE("a month's interest is balance × annual / 12, rounded half-up to the fen", "[amortization]")
{
    // 12,000.00 at 6 %: 60.00 a month.
    CHECK(monthlyInterest(Money{1'200'000}, AnnualRate{60'000}) == Money{6'000});
    // 100.00 at 4.35 %: 0.3625 yuan = 36.25 fen → 36; 100.06 at 6 %: 50.03 fen → 50.
    CHECK(monthlyInterest(Money{10'000}, AnnualRate{43'500}) == Money{36});
    CHECK(monthlyInterest(Money{10'006}, AnnualRate{60'000}) == Money{50});
    // 1.00 at 6 %: 0.5 fen exactly, rounded up; 0.99 at 6 %: 0.495 fen, rounded down.
    CHECK(monthlyInterest(Money{100}, AnnualRate{60'000}) == Money{1});
    CHECK(monthlyInterest(Money{99}, AnnualRate{60'000}) == Money{0});
    CHECK(monthlyInterest(Money{1'200'000}, AnnualRate{0}) == kZeroMoney);
    CHECK(monthlyInterest(kZeroMoney, AnnualRate{60'000}) == kZeroMoney);
    // Far beyond int64 in the intermediate product: 10^15 yuan at 1000 %.
    CHECK(monthlyInterest(Money{100'000'000'000'000'000}, AnnualRate{10'000'000}) == Money{83'333'333'333'333'333});
}

TEST_CASE("the annuity payment matches the exact rational value rounded half-up", "[amortization]")
{
    // Expected values computed with exact fractions: round_half_up(P·r·(1+r)^n / ((1+r)^n − 1)), r = micros / 12e6.
    struct Case {
        std::int64_t principal;
        std::int64_t micros;
        int months;
        std::int64_t payment;
    };
    const auto c = GENERATE(Case{1'200'000, 60'000, 12, 103'280},     // 12,000.00 at 6 % over a year: 1,032.80
                            Case{100'000'000, 49'000, 360, 530'727},  // 1,000,000 at 4.9 % over 30 years
                            Case{30'000'000, 43'500, 240, 187'374},   // 300,000 at 4.35 % over 20 years
                            Case{500'000, 180'000, 12, 45'840},       // 5,000 at 18 %
                            Case{123'456'789, 32'000, 480, 456'304},  // the longest term
                            Case{99'999'999'999, 150'000, 60, 2'378'993'009},
                            Case{1'000'000'000'000, 1'000, 480, 2'125'364'563},  // a tiny rate on a huge amount
                            Case{500'000, 36'000, 60, 9'118}, Case{1, 10'000, 1, 1}, Case{1'200'000, 0, 12, 100'000},
                            Case{7, 0, 3, 2}, Case{3, 0, 2, 2},
                            // Within a few millionths of a fen of a half: 49,859.500000975 rounds up,
                            // 910,740.500000137 up, 69,213.499997283 down.
                            Case{10'015'733, 43'500, 360, 49'860}, Case{10'581'832, 60'000, 12, 910'741},
                            Case{10'576'076, 49'000, 240, 69'214});
    INFO(c.principal << " fen at " << c.micros << " micros over " << c.months);
    CHECK(annuityPayment(Money{c.principal}, AnnualRate{c.micros}, c.months) == Money{c.payment});
}

TEST_CASE("12,000.00 over 12 months at 0 %: twelve instalments of 1,000.00 and no interest", "[amortization]")
{
    for (const auto method : {RepaymentMethod::EqualInstalment, RepaymentMethod::EqualPrincipal}) {
        const auto s = schedule(terms(1'200'000, 0, 12, method));
        REQUIRE(s.size() == 12);
        for (const Instalment& i : s) {
            CHECK(i.principalDue == Money{100'000});
            CHECK(i.interestDue == kZeroMoney);
            CHECK(i.loanId.empty());
        }
    }
}

TEST_CASE("12,000.00 over 12 months at 6 % as equal instalments (等额本息)", "[amortization]")
{
    const auto s = schedule(terms(1'200'000, 60'000, 12, RepaymentMethod::EqualInstalment));
    REQUIRE(s.size() == 12);
    // Month 1: interest 12,000 × 0.5 % = 60.00, principal 1,032.80 − 60.00 = 972.80.
    CHECK(s[0].interestDue == Money{6'000});
    CHECK(s[0].principalDue == Money{97'280});
    // Month 2: balance 11,027.20, interest 55.136 → 55.14, principal 977.66.
    CHECK(s[1].interestDue == Money{5'514});
    CHECK(s[1].principalDue == Money{97'766});
    // Every instalment but the last pays exactly 1,032.80.
    for (std::size_t k = 0; k + 1 < s.size(); ++k)
        CHECK((s[k].principalDue + s[k].interestDue) == Money{103'280});
    // The last clears the balance: 1,027.64 principal and 5.14 interest (1,032.78, two fen of rounding less).
    CHECK(s[11].principalDue == Money{102'764});
    CHECK(s[11].interestDue == Money{514});
    CHECK(principalSum(s) == Money{1'200'000});
    CHECK(interestSum(s) == Money{39'358});
}

TEST_CASE("12,000.00 over 12 months at 6 % as equal principal (等额本金): interest falls by 5.00 a month",
          "[amortization]")
{
    const auto s = schedule(terms(1'200'000, 60'000, 12, RepaymentMethod::EqualPrincipal));
    REQUIRE(s.size() == 12);
    for (std::size_t k = 0; k < s.size(); ++k) {
        CHECK(s[k].principalDue == Money{100'000});
        // Balance 12,000 − 1,000·k at 0.5 %: 60.00, 55.00, … 5.00.
        CHECK(s[k].interestDue == Money{6'000 - 500 * static_cast<std::int64_t>(k)});
    }
    CHECK(interestSum(s) == Money{39'000});
}

TEST_CASE("equal principal rounds the part half-up and the last instalment absorbs the difference", "[amortization]")
{
    // 1,000.00 over 3: 333.333… → 333.33, 333.33, 333.34.
    auto s = schedule(terms(100'000, 48'000, 3, RepaymentMethod::EqualPrincipal));
    CHECK(s[0].principalDue == Money{33'333});
    CHECK(s[1].principalDue == Money{33'333});
    CHECK(s[2].principalDue == Money{33'334});
    // 0.05 over 8 months: 0.625 fen → 1 fen a month runs out after five; the rest repay nothing.
    s = schedule(terms(5, 48'000, 8, RepaymentMethod::EqualPrincipal));
    CHECK(principalSum(s) == Money{5});
    for (const Instalment& i : s)
        CHECK(i.principalDue >= kZeroMoney);
    CHECK(s[7].principalDue == kZeroMoney);
}

TEST_CASE("interest only with the principal at the end (bullet)", "[amortization]")
{
    const auto s = schedule(terms(5'000'000, 72'000, 6, RepaymentMethod::InterestOnlyBullet));
    REQUIRE(s.size() == 6);
    // 50,000.00 at 7.2 %: 300.00 a month; the whole principal with the sixth.
    for (std::size_t k = 0; k < 5; ++k) {
        CHECK(s[k].principalDue == kZeroMoney);
        CHECK(s[k].interestDue == Money{30'000});
    }
    CHECK(s[5].principalDue == Money{5'000'000});
    CHECK(s[5].interestDue == Money{30'000});
}

TEST_CASE("due dates are the start date plus k months, clamped to the month's end", "[amortization]")
{
    const auto s = schedule(terms(1'200'000, 60'000, 4, RepaymentMethod::EqualInstalment, ymd(2027, 10, 31)));
    REQUIRE(s.size() == 4);
    CHECK(s[0].dueDate == ymd(2027, 11, 30));
    CHECK(s[1].dueDate == ymd(2027, 12, 31));  // back to the 31st: counted from the start, not the 30th
    CHECK(s[2].dueDate == ymd(2028, 1, 31));
    CHECK(s[3].dueDate == ymd(2028, 2, 29));  // leap year
    for (int k = 0; k < 4; ++k)
        CHECK(s[static_cast<std::size_t>(k)].sequence == k + 1);
}

TEST_CASE("the principal parts sum to the principal for every method, and no part is negative", "[amortization]")
{
    const auto method = GENERATE(RepaymentMethod::EqualInstalment, RepaymentMethod::EqualPrincipal,
                                 RepaymentMethod::InterestOnlyBullet);
    const auto months = GENERATE(1, 2, 7, 12, 36, 60, 119, 240, 360, 480);
    for (const std::int64_t principal : {1LL, 99LL, 500'000LL, 1'234'567LL, 300'000'000LL, 2'999'999'999LL}) {
        for (const std::int64_t micros : {0LL, 32'000LL, 43'500LL, 180'000LL, 360'000LL}) {
            INFO(principal << " fen at " << micros << " micros over " << months);
            const auto s = schedule(terms(principal, micros, months, method));
            REQUIRE(s.size() == static_cast<std::size_t>(months));
            CHECK(principalSum(s) == Money{principal});
            Money balance{principal};
            for (const Instalment& i : s) {
                CHECK(i.principalDue >= kZeroMoney);
                CHECK(i.interestDue == monthlyInterest(balance, AnnualRate{micros}));
                balance -= i.principalDue;
            }
            if (method == RepaymentMethod::EqualInstalment && months > 1) {
                // The last instalment differs from the level payment only by the rounding of the others:
                // at most a fen a month, grown at the monthly rate until the end.
                const Money payment = annuityPayment(Money{principal}, AnnualRate{micros}, months);
                const Money last = s.back().principalDue + s.back().interestDue;
                const double r = static_cast<double>(micros) / 12e6;
                const double bound = r == 0 ? months : (std::pow(1 + r, months) - 1) / r;
                CHECK(static_cast<double>(std::llabs((last - payment).fen)) <= bound + 1);
            }
        }
    }
}

TEST_CASE("a loan's schedule carries its id; bad terms are refused with a sentence", "[amortization]")
{
    Loan loan;
    loan.id = "L0000123-1";
    loan.principal = Money{1'200'000};
    loan.contractRate = AnnualRate{60'000};
    loan.startDate = ymd(2026, 1, 15);
    loan.termMonths = 12;
    const auto s = buildSchedule(loan);
    REQUIRE(s);
    for (const Instalment& i : *s)
        CHECK(i.loanId == "L0000123-1");
    CHECK(s->front().dueDate == ymd(2026, 2, 15));

    for (const auto& bad :
         {terms(0, 60'000, 12, RepaymentMethod::EqualInstalment),
          terms(-5, 60'000, 12, RepaymentMethod::EqualInstalment), terms(100, -1, 12, RepaymentMethod::EqualInstalment),
          terms(100, 10'000'001, 12, RepaymentMethod::EqualInstalment),
          terms(100, 60'000, 0, RepaymentMethod::EqualInstalment),
          terms(100, 60'000, 481, RepaymentMethod::EqualPrincipal),
          terms(100, 60'000, 12, RepaymentMethod::EqualInstalment, ymd(2026, 2, 30))}) {
        const auto r = buildSchedule(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(r.error().message.empty());
    }
}
