#include "storage/portfolio/loan_ledger.h"

#include <catch2/catch_test_macros.hpp>
#include <climits>
#include <string>
#include <vector>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

Date day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

bool sameInstalments(const std::vector<Instalment>& a, const std::vector<Instalment>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].sequence != b[i].sequence || a[i].dueDate != b[i].dueDate || a[i].principalDue != b[i].principalDue ||
            a[i].interestDue != b[i].interestDue)
            return false;
    }
    return true;
}

bool samePayments(const std::vector<Payment>& a, const std::vector<Payment>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].paidOn != b[i].paidOn || a[i].amount != b[i].amount) return false;
    }
    return true;
}

std::vector<Instalment> someInstalments()
{
    return {{"", 1, day(2025, 4, 15), Money{390'000}, Money{54'375}},
            {"", 2, day(2025, 5, 15), Money{391'414}, Money{52'961}},
            {"", 3, day(2025, 6, 15), Money{0}, Money{-7}}};
}

std::vector<Payment> somePayments()
{
    return {{"", "", day(2025, 4, 15), Money{444'375}},
            {"", "", day(2025, 4, 15), Money{-12}},  // a reversal, same day
            {"", "", day(2025, 3, 1), Money{1}}};    // out of date order: kept as given
}

}  // namespace

TEST_CASE("ledger: instalments and payments come back exactly as packed", "[loan_ledger]")
{
    const auto schedule = someInstalments();
    const auto paid = somePayments();
    std::vector<Instalment> schedule2;
    std::vector<Payment> paid2;
    decodeInstalments(encodeInstalments(schedule), schedule2);
    decodePayments(encodePayments(paid), paid2);
    CHECK(sameInstalments(schedule, schedule2));
    CHECK(samePayments(paid, paid2));
    // Only what the engine reads is kept.
    CHECK(schedule2[0].loanId.empty());
    CHECK(paid2[0].id.empty());
}

TEST_CASE("ledger: an empty loan packs to nothing and reads back empty", "[loan_ledger]")
{
    CHECK(encodeInstalments({}).empty());
    CHECK(encodePayments({}).empty());
    std::vector<Instalment> schedule = someInstalments();  // replaced, not appended to
    std::vector<Payment> paid = somePayments();
    decodeInstalments("", schedule);
    decodePayments("", paid);
    CHECK(schedule.empty());
    CHECK(paid.empty());
}

TEST_CASE("ledger: many rows, extreme amounts and the calendar's edges", "[loan_ledger]")
{
    std::vector<Instalment> schedule;
    std::vector<Payment> paid;
    Date due = day(2000, 1, 31);
    for (int i = 1; i <= 5'000; ++i) {
        schedule.push_back({"", i, due, Money{i * 997LL}, Money{(i % 7) * 13LL}});
        paid.push_back({"", "", addDays(due, i % 40 - 20), Money{i % 3 == 0 ? -i : i * 12'345LL}});
        due = addMonthsClamped(due, 1);
    }
    schedule.push_back({"", INT_MAX, day(9999, 12, 31), Money{INT64_MAX}, Money{INT64_MIN}});
    schedule.push_back({"", 0, day(0, 1, 1), Money{INT64_MIN}, Money{INT64_MAX}});
    paid.push_back({"", "", day(0, 1, 1), Money{INT64_MIN}});
    paid.push_back({"", "", day(9999, 12, 31), Money{INT64_MAX}});
    const std::string packedSchedule = encodeInstalments(schedule);
    const std::string packedPaid = encodePayments(paid);
    // Compact: a few bytes a row, not the ~40 of the table rows.
    CHECK(packedSchedule.size() < schedule.size() * 12);
    CHECK(packedPaid.size() < paid.size() * 8);
    std::vector<Instalment> schedule2;
    std::vector<Payment> paid2;
    decodeInstalments(packedSchedule, schedule2);
    decodePayments(packedPaid, paid2);
    CHECK(sameInstalments(schedule, schedule2));
    CHECK(samePayments(paid, paid2));
}

TEST_CASE("ledger: a damaged blob is a DatabaseError, never a wrong answer", "[loan_ledger]")
{
    const std::string schedule = encodeInstalments(someInstalments());
    const std::string paid = encodePayments(somePayments());
    std::vector<Instalment> is;
    std::vector<Payment> ps;
    // Every shortened form.
    for (std::size_t n = 1; n < schedule.size(); ++n)
        CHECK_THROWS_AS(decodeInstalments(schedule.substr(0, n), is), DatabaseError);
    for (std::size_t n = 1; n < paid.size(); ++n)
        CHECK_THROWS_AS(decodePayments(paid.substr(0, n), ps), DatabaseError);
    // A byte too many, an unknown format, a row count larger than the blob, an endless varint.
    CHECK_THROWS_AS(decodeInstalments(schedule + '\0', is), DatabaseError);
    CHECK_THROWS_AS(decodePayments(paid + '\x01', ps), DatabaseError);
    CHECK_THROWS_AS(decodeInstalments('\x02' + schedule.substr(1), is), DatabaseError);
    CHECK_THROWS_AS(decodePayments(std::string("\x01\x7f\x02\x02", 4), ps), DatabaseError);
    CHECK_THROWS_AS(decodePayments(std::string("\x01\x00", 2), ps), DatabaseError);  // count 0 is written as empty
    CHECK_THROWS_AS(decodePayments(std::string("\x01\x01") + std::string(12, '\xff'), ps), DatabaseError);
    // A date beyond 9999-12-31.
    std::string far("\x01\x01", 2);
    far += std::string("\xfe\xff\xff\xff\x0f", 5);  // zigzag of 2^31 - 1 days
    far += '\x02';
    CHECK_THROWS_AS(decodePayments(far, ps), DatabaseError);
    // A sequence number beyond an int.
    std::string seq("\x01\x01", 2);
    seq += std::string("\xfe\xff\xff\xff\x1f", 5);  // zigzag of 2^32 - 1
    seq += std::string("\x02\x02\x02", 3);
    CHECK_THROWS_AS(decodeInstalments(seq, is), DatabaseError);
    // Shown an instalment blob as payments (or the reverse) does not read garbage silently.
    CHECK_THROWS_AS(decodePayments(schedule, ps), DatabaseError);
}
