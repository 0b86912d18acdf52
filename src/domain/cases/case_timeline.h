#pragma once
// One customer's history in one list (issue 8, the case window's timeline): contacts from the call centre and
// from Doorstep, promises to pay with where each stands (kept, broken, pending), payments on every loan, the
// visit-queue decision and appointments, newest first. Pure: the caller gathers the facts.
#include "domain/appointments/appointment.h"
#include "domain/contacts/contact_facts.h"
#include "domain/contacts/contact_history.h"
#include "domain/portfolio/portfolio.h"
#include "domain/screening/visit_queue_state.h"
#include "domain/shared/clock_time.h"

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace doorstep {

struct TimelineContact {
    ContactAttempt attempt;                // source "call_centre" or "doorstep"
    std::optional<PromiseStatus> promise;  // for a promise to pay
    std::string loggedBy;                  // Doorstep's own contacts: the user name
};

// The visit-queue entry's standing decision: accepted for a visit, dismissed (with the reason's code), or
// returned to the queue by a supervisor.
struct QueueDecision {
    QueueState state = QueueState::Open;
    std::string by;  // user name
    LocalDateTime at;
    std::string reason;  // dismiss reason code ("" otherwise)
};

struct TimelineAppointment {
    Appointment appointment;
    std::string createdBy;  // user name
};

using TimelineFact = std::variant<TimelineContact, Payment, QueueDecision, TimelineAppointment>;

struct TimelineEntry {
    Date date{};
    std::optional<ClockTime> time;  // none for payments (the extract gives their date only)
    TimelineFact fact;
};

struct TimelineFacts {
    std::vector<TimelineContact> contacts;  // promise is filled in by buildCaseTimeline
    std::vector<Payment> payments;          // every loan of the customer
    std::optional<QueueDecision> decision;
    std::vector<TimelineAppointment> appointments;
};

// Newest first: by date, then time of day (an entry without a time counts as the start of its day), then
// appointments, queue decisions, contacts, payments; then the order given. Promises are judged as of asOf
// by promiseStatus (the rule screening counts broken promises by); a contact dated after asOf is a promise
// still pending.
std::vector<TimelineEntry> buildCaseTimeline(TimelineFacts facts, Date asOf, const ContactFactWindows& windows = {});

}  // namespace doorstep
