#include "domain/appointments/travel.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace doorstep {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

}  // namespace

Result<TravelSettings> checkTravelSettings(const TravelSettings& settings)
{
    if (!(settings.detourFactor >= 1.0 && settings.detourFactor <= 3.0)) {
        return fail(ErrorCode::InvalidInput, MessageId{"travel.detour_out_of_range"},
                    {MessageArg::text("min", "1.0"), MessageArg::text("max", "3.0")});
    }
    if (!(settings.speedKmh > 0.0 && settings.speedKmh <= 120.0)) {
        return fail(ErrorCode::InvalidInput, MessageId{"travel.speed_out_of_range"}, {MessageArg::number("max", 120)});
    }
    return settings;
}

double distanceKm(GeoPoint a, GeoPoint b)
{
    const double dLat = radians(b.latitude - a.latitude);
    const double dLon = radians(b.longitude - a.longitude);
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(radians(a.latitude)) *
                                                                   std::cos(radians(b.latitude)) * std::sin(dLon / 2) *
                                                                   std::sin(dLon / 2);
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

int travelMinutes(GeoPoint a, GeoPoint b, const TravelSettings& settings)
{
    if (a == b || !(settings.speedKmh > 0.0)) return 0;
    const double minutes = distanceKm(a, b) * settings.detourFactor / settings.speedKmh * 60.0;
    // A hair of floating-point noise above a whole minute must not cost a minute.
    return static_cast<int>(std::ceil(minutes - 1e-9));
}

}  // namespace doorstep
