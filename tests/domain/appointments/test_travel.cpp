#include "domain/appointments/travel.h"

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using Catch::Approx;

TEST_CASE("haversine distance matches known distances", "[travel]")
{
    // One degree of latitude is about 111.2 km on the mean sphere.
    CHECK(distanceKm({30.0, 120.0}, {31.0, 120.0}) == Approx(111.195).epsilon(0.001));
    // One degree of longitude at 60° north is half of one at the equator.
    CHECK(distanceKm({60.0, 10.0}, {60.0, 11.0}) == Approx(distanceKm({0.0, 10.0}, {0.0, 11.0}) / 2).epsilon(0.002));
    // Beijing (39.9042, 116.4074) to Shanghai (31.2304, 121.4737): about 1,067 km.
    CHECK(distanceKm({39.9042, 116.4074}, {31.2304, 121.4737}) == Approx(1067.0).epsilon(0.005));
    CHECK(distanceKm({30.25, 120.15}, {30.25, 120.15}) == 0.0);
    CHECK(distanceKm({30.0, 120.0}, {30.1, 120.2}) == Approx(distanceKm({30.1, 120.2}, {30.0, 120.0})));
}

TEST_CASE("travel minutes: distance × 1.4 ÷ 20 km/h, rounded up", "[travel]")
{
    // 0.1° of latitude ≈ 11.1195 km → × 1.4 = 15.567 km → at 20 km/h 46.70 minutes → 47.
    const GeoPoint a{30.0, 120.0};
    const GeoPoint b{30.1, 120.0};
    CHECK(travelMinutes(a, b) == 47);
    CHECK(travelMinutes(a, a) == 0);
    // Both factors are settings.
    CHECK(travelMinutes(a, b, TravelSettings{1.0, 20.0}) == 34);  // 33.36
    CHECK(travelMinutes(a, b, TravelSettings{1.4, 40.0}) == 24);  // 23.35
    // A few metres still cost a whole minute.
    CHECK(travelMinutes(a, GeoPoint{30.0001, 120.0}) == 1);
}

TEST_CASE("travel settings are checked before use", "[travel]")
{
    CHECK(checkTravelSettings({}).has_value());
    CHECK(checkTravelSettings({1.0, 0.5}).has_value());
    CHECK(checkTravelSettings({3.0, 120.0}).has_value());
    CHECK(checkTravelSettings({0.9, 20.0}).error().id == "travel.detour_out_of_range");
    CHECK(checkTravelSettings({3.1, 20.0}).error().id == "travel.detour_out_of_range");
    CHECK(checkTravelSettings({1.4, 0.0}).error().id == "travel.speed_out_of_range");
    CHECK(checkTravelSettings({1.4, 121.0}).error().id == "travel.speed_out_of_range");
}

TEST_CASE("a visit without coordinates is placed at its district's centre", "[travel]")
{
    const GeoPoint own{30.3, 120.1};
    const GeoPoint centre{30.2, 120.2};
    CHECK(visitPoint(own, centre) == own);
    CHECK(visitPoint(std::nullopt, centre) == centre);
    CHECK_FALSE(visitPoint(std::nullopt, std::nullopt).has_value());
}
