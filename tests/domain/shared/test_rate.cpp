#include "domain/shared/rate.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

TEST_CASE("percent text is read into exact millionths", "[rate]")
{
    CHECK(parsePercentRate("4.35")->micros == 43'500);  // 0.0435
    CHECK(parsePercentRate("4")->micros == 40'000);
    CHECK(parsePercentRate("0.0001")->micros == 1);
    CHECK(parsePercentRate("3.6")->micros == 36'000);
    CHECK(parsePercentRate("24")->micros == 240'000);
    CHECK(parsePercentRate("100")->micros == 1'000'000);
    CHECK(parsePercentRate("4.3500")->micros == 43'500);
    CHECK(parsePercentRate("0")->micros == 0);
    CHECK(AnnualRate::fromPercentE4(43'500) == *parsePercentRate("4.35"));
}

TEST_CASE("any other rate text is InvalidInput with a sentence", "[rate]")
{
    for (const char* bad : {"", "4.35001", "4.", ".5", "-1", "+4", "4,35", "4.35%", "1000", "abc", " 4", "4.3.5"}) {
        INFO('"' << bad << '"');
        const auto r = parsePercentRate(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("rates are written as percent without trailing zeros and read back", "[rate]")
{
    CHECK(formatPercentRate(AnnualRate{43'500}) == "4.35");
    CHECK(formatPercentRate(AnnualRate{40'000}) == "4");
    CHECK(formatPercentRate(AnnualRate{1}) == "0.0001");
    CHECK(formatPercentRate(AnnualRate{10}) == "0.001");
    CHECK(formatPercentRate(AnnualRate{435'000}) == "43.5");
    CHECK(formatPercentRate(AnnualRate{0}) == "0");
    for (const std::int64_t micros : {0LL, 1LL, 43'500LL, 65'250LL, 999'999LL, 1'000'000LL}) {
        INFO(micros);
        CHECK(parsePercentRate(formatPercentRate(AnnualRate{micros}))->micros == micros);
    }
}
