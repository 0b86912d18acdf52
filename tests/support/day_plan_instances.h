#pragma once
// Generated day-plan instances for the planner's tests and its benchmark: stops scattered over a square of a
// city, each with a window built around a hidden random route, so every instance has at least one order that
// keeps every window (the hidden one) while the planner must still search for the order with least travel.
#include "domain/appointments/day_plan.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace doorstep::testing {

// splitmix64: the same instances on every machine.
struct PlanRandom {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    double unit() { return static_cast<double>(next() >> 11) / static_cast<double>(std::uint64_t{1} << 53); }
};

struct InstanceShape {
    int stops = 10;
    double sideKm = 8.0;   // the square the stops are scattered over, the start at its centre
    int minDuration = 20;  // minutes per visit
    int maxDuration = 40;
    int maxEarlySlack = 90;  // the window opens up to this long before the hidden route's arrival
    int maxLateSlack = 90;   // and closes up to this long after it
};

inline DayPlanInput generateDayPlanInstance(std::uint64_t seed, const InstanceShape& shape)
{
    PlanRandom random{seed};
    DayPlanInput input;
    input.start = GeoPoint{30.25, 120.15};
    input.departure = ClockTime::at(8, 30);
    // About 111.2 km a degree of latitude; a degree of longitude is shorter by cos(30.25°) ≈ 0.864.
    const double latSpan = shape.sideKm / 111.2;
    const double lonSpan = shape.sideKm / (111.2 * 0.864);
    for (int i = 0; i < shape.stops; ++i) {
        DayPlanStop s;
        s.id = "S" + std::to_string(i);
        s.point = GeoPoint{input.start.latitude + (random.unit() - 0.5) * latSpan,
                           input.start.longitude + (random.unit() - 0.5) * lonSpan};
        s.durationMinutes = random.between(shape.minDuration, shape.maxDuration);
        input.stops.push_back(s);
    }
    // The hidden route: a random order, driven through to place each window around its arrival.
    std::vector<std::size_t> hidden(input.stops.size());
    std::iota(hidden.begin(), hidden.end(), std::size_t{0});
    for (std::size_t i = hidden.size(); i > 1; --i)
        std::swap(hidden[i - 1], hidden[static_cast<std::size_t>(random.next() % i)]);
    int now = input.departure.minutes;
    GeoPoint at = input.start;
    for (std::size_t k : hidden) {
        DayPlanStop& s = input.stops[k];
        now += travelMinutes(at, s.point, input.travel);
        const int opens = std::max(input.departure.minutes, now - random.between(0, shape.maxEarlySlack));
        s.windowOpens = ClockTime{opens};
        s.windowCloses = ClockTime{now + random.between(0, shape.maxLateSlack)};
        now += s.durationMinutes;
        at = s.point;
    }
    return input;
}

}  // namespace doorstep::testing
