#pragma once
// Money is an integer number of fen (0.01 CNY), never a floating-point number (DOMAIN.md section 2).
#include "domain/messages/error.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace doorstep {

struct Money {
    std::int64_t fen = 0;

    static constexpr Money fromFen(std::int64_t f) { return Money{f}; }
    static constexpr Money fromYuan(std::int64_t y) { return Money{y * 100}; }

    constexpr Money& operator+=(Money o)
    {
        fen += o.fen;
        return *this;
    }
    constexpr Money& operator-=(Money o)
    {
        fen -= o.fen;
        return *this;
    }
    friend constexpr Money operator+(Money a, Money b) { return Money{a.fen + b.fen}; }
    friend constexpr Money operator-(Money a, Money b) { return Money{a.fen - b.fen}; }
    friend constexpr Money operator-(Money a) { return Money{-a.fen}; }
    friend constexpr auto operator<=>(Money, Money) = default;
    constexpr bool isZero() const { return fen == 0; }
    constexpr bool isPositive() const { return fen > 0; }
};

inline constexpr Money kZeroMoney{};
constexpr Money min(Money a, Money b)
{
    return a.fen < b.fen ? a : b;
}
constexpr Money max(Money a, Money b)
{
    return a.fen < b.fen ? b : a;
}

// "1234.56", "1234.5", "1234", "-3.20": yuan with at most two decimals, no thousands separators.
// More decimals, letters or an empty text are InvalidInput with a sentence saying which.
Result<Money> parseYuan(std::string_view text);
// "1234.56" (what parseYuan reads back).
std::string formatYuanPlain(Money m);
// "¥1,234.56", for people.
std::string formatYuan(Money m);
// "1,234.56": the same without the sign, where a label already says yuan.
std::string formatYuanGrouped(Money m);

}  // namespace doorstep
