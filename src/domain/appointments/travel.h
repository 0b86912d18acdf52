#pragma once
// Travel time between visits without a map service (DOMAIN.md section 5): the straight-line (great-circle)
// distance between two coordinates × a detour factor for city streets ÷ a speed, both branch settings.
// A customer without coordinates is placed at their district's centre, which the caller looks up.
#include "domain/messages/error.h"

#include <optional>

namespace doorstep {

// WGS-84 degrees, as the extract gives them. Coordinates are measurements, not money: double is right here.
struct GeoPoint {
    double latitude = 0.0;
    double longitude = 0.0;
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

struct TravelSettings {
    double detourFactor = 1.4;  // city streets are about 1.4 times the straight line
    double speedKmh = 20.0;     // door to door in city traffic, parking included
};

// The settings as a supervisor entered them, or InvalidInput naming the bound: a detour factor from 1.0 to
// 3.0, a speed above 0 and at most 120 km/h.
Result<TravelSettings> checkTravelSettings(const TravelSettings& settings);

// Great-circle distance in kilometres on a sphere of the Earth's mean radius (haversine formula).
double distanceKm(GeoPoint a, GeoPoint b);

// Whole minutes, rounded up so a plan never assumes less time than the model gives: distance × detour
// factor ÷ speed. Zero for the same point (and for settings checkTravelSettings refuses).
int travelMinutes(GeoPoint a, GeoPoint b, const TravelSettings& settings = {});

// Where a visit is for travel purposes: its own coordinates when known, else its district's centre, else none.
inline std::optional<GeoPoint> visitPoint(std::optional<GeoPoint> own, std::optional<GeoPoint> districtCentre)
{
    return own ? own : districtCentre;
}

}  // namespace doorstep
