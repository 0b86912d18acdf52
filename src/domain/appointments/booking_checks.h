#pragma once
// The checks a booking passes before it is saved (issue 10), pure: given the proposed appointment, the other
// appointments of its staff that day and the branch's settings, every reason to refuse it. Each refusal is
// a message id with its figures: which staff member (by user name — never a customer datum), which time,
// how many minutes short.
#include "domain/appointments/appointment.h"
#include "domain/appointments/travel.h"
#include "domain/messages/error.h"
#include "domain/shared/clock_time.h"

#include <span>
#include <vector>

namespace doorstep {

struct BookingSettings {
    DailyWindow workingHours{ClockTime::at(9, 0), ClockTime::at(18, 0)};  // a visit starts and ends inside
    DailyWindow quietHours{ClockTime::at(22, 0), ClockTime::at(8, 0)};    // the contact rules' quiet hours
    int dailyVisitCapacity = 6;                                           // visits per officer per day
    TravelSettings travel;
};

// InvalidInput naming the figure: working hours not a forward interval of the day, capacity below 1, or
// travel settings out of range.
Result<BookingSettings> checkBookingSettings(const BookingSettings& settings);

enum class BookingProblem {
    Invalid,  // the appointment itself (staff, duration): validateAppointment's refusal
    OutsideWorkingHours,
    QuietHours,
    NoLocation,          // neither coordinates nor a district centre: travel cannot be estimated
    StaffBusy,           // overlaps another appointment of one of its staff
    TravelFromPrevious,  // too little time to get there from the staff member's previous visit
    TravelToNext,        // too little time to get from there to their next visit
    OverCapacity,
};

struct BookingRefusal {
    BookingProblem problem{};
    Error error;
};

// Every refusal, in the order of BookingProblem, one per staff member where it concerns one.
// `others`: appointments on or around that day, any order; those of other days, of other staff, in a state
// that frees the staff (cancelled, rescheduled) and the appointment itself (same non-empty id) are skipped.
// Travel uses each appointment's `location`; an appointment without one is skipped for travel (its own
// booking was refused for it) and a proposed one without one is refused.
std::vector<BookingRefusal> bookingRefusals(const Appointment& proposed, std::span<const Appointment> others,
                                            const BookingSettings& settings = {});

// The same as a Result: nothing when the booking may be made, else the first refusal's Error.
Result<void> checkBooking(const Appointment& proposed, std::span<const Appointment> others,
                          const BookingSettings& settings = {});

}  // namespace doorstep
