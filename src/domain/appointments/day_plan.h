#pragma once
// The day plan (issue 10; DOMAIN.md 1, challenge 3.2): for one officer pair and date, the order of the day's
// visits that cuts travel while keeping every agreed time window, with estimated arrival times.
//
// Each stop has a window in which the pair must arrive (an appointment at 14:00 agreed as "between 14:00 and
// 14:30") and a duration; arriving early means waiting for the window to open. Travel between points follows
// the travel model (travel.h), in whole minutes. The plan starts from the branch or a given point at a given
// time and, if asked, ends back there. It minimises total travel time among the orders that keep every
// window — an instance of the travelling-salesman problem with time windows:
// - `planDayExact`: dynamic programming over subsets of stops, keeping for each (visited set, last stop) only
//   the labels (travel so far, time so far) that no other label beats on both; exact, for up to 16 stops
//   (12 stops take about 1 ms);
// - `planDayHeuristic`: several starting orders (by window close, by window open, cheapest insertion), each
//   improved by local search — moving a run of 1–3 stops elsewhere (or-opt, either direction), reversing a
//   stretch (2-opt) and swapping two stops — judged first on minutes late, then on travel; then rounds of
//   iterated local search (the best order kicked and improved again). For 30+ stops; deterministic.
#include "domain/appointments/appointment.h"
#include "domain/appointments/travel.h"
#include "domain/messages/error.h"
#include "domain/shared/clock_time.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace doorstep {

struct DayPlanStop {
    std::string id;  // the appointment's id, carried through for the caller
    GeoPoint point;
    ClockTime windowOpens;   // earliest arrival
    ClockTime windowCloses;  // latest arrival
    int durationMinutes = 45;
};

// A booked appointment as a stop: the window opens at its agreed start and closes `toleranceMinutes` later
// (how late the branch lets the pair arrive). None without a location (travel.h: coordinates or district
// centre). Appointments are booked as fixed slots, so on a day of them the plan mostly confirms the order and
// estimates arrivals; stops with wider agreed windows (the customer is home all afternoon) give it room to
// reorder.
std::optional<DayPlanStop> dayPlanStop(const Appointment& appointment, int toleranceMinutes);

struct DayPlanInput {
    GeoPoint start;       // the branch, or wherever the pair sets out from
    ClockTime departure;  // when they set out
    std::vector<DayPlanStop> stops;
    TravelSettings travel;
    bool returnToStart = false;  // count the way back in the travel time
};

// One visit of the plan. Times are minutes since the day's midnight (a plan may run past 23:59).
struct PlannedVisit {
    std::size_t stop = 0;   // index into DayPlanInput::stops
    int travelMinutes = 0;  // from the previous point
    int arrival = 0;
    int visitStart = 0;  // arrival, or the window's opening when early
    int visitEnd = 0;
    int lateMinutes = 0;  // arrival after the window closed (0 in a feasible plan)
};

struct DayPlan {
    std::vector<PlannedVisit> visits;  // in the order to make them
    int travelMinutes = 0;             // total, the way back included when asked for
    int returnMinutes = 0;             // the way back alone (0 unless returnToStart)
    int lateMinutes = 0;               // summed over visits
    int finish = 0;                    // leaving the last stop, or back at the start when returnToStart

    bool keepsEveryWindow() const { return lateMinutes == 0; }
};

// The plan for visiting the stops in `order` (indices into input.stops, each once): arrival times, waits
// and lateness. For an order a person sets by hand, and for checking a planner's answer.
DayPlan evaluateDayPlan(const DayPlanInput& input, std::span<const std::size_t> order);

inline constexpr std::size_t kExactDayPlanMaxStops = 16;

// The order with the least travel among those keeping every window. InvalidInput above
// kExactDayPlanMaxStops stops; Conflict ("day_plan.windows_cannot_be_kept") when no order keeps them all.
Result<DayPlan> planDayExact(const DayPlanInput& input);

// A good order, fast. When it finds none keeping every window it returns the one with the fewest minutes late.
DayPlan planDayHeuristic(const DayPlanInput& input);

// What the app uses: the exact plan up to `exactUpTo` stops when one keeps every window, else the heuristic's.
DayPlan planDay(const DayPlanInput& input, std::size_t exactUpTo = 12);

}  // namespace doorstep
