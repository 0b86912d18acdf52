#pragma once
// The visit report (issue 11): one visit note as the bank keeps it — the case header, the visit, every
// version (the first submission and each addendum, with who and when) with the checklist and the situation
// found, the review decisions, the promises to pay and how they stand, the attachments, and signature lines
// for the visiting staff and the reviewing supervisor. A date range's notes make the branch file, each from a
// new page. Personal data arrive masked by the caller as the reader's role requires
// (app/visits/visit_note_service.h, VisitReportFacts). No Qt in this header: doorstep-cli prints it too.
#include "domain/appointments/appointment.h"
#include "domain/contacts/promise_tracking.h"
#include "domain/messages/message.h"
#include "domain/visits/visit_note.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace doorstep::report {

struct VisitReportPromise {
    PaymentPromise promise;
    PromiseStatus status = PromiseStatus::Pending;
    Money paid;
};

struct VisitReportAttachment {
    std::string fileName;
    std::int64_t sizeBytes = 0;
    int version = 0;  // 0: not yet submitted
};

struct VisitReport {
    std::string customerId;  // the bank's customer number
    std::string customerName;
    std::string maskedIdNumber;
    std::string district;
    ClockTime start;  // the appointment's
    int durationMinutes = 0;
    AppointmentState appointmentState = AppointmentState::Done;
    VisitNote note;
    std::vector<VisitReportPromise> promises;  // of the latest version, as of the printing day
    std::vector<VisitReportAttachment> attachments;
    std::string printedBy;                          // a user name, like the note's author, visitors and reviewers
    std::string printedAt;                          // UTC
    std::map<std::string, std::string> staffNames;  // user name → display name, as the report prints staff
};

// Writes the reports to an A4 PDF at `path` (UTF-8), each from a new page; the number of pages, or 0 when the
// file cannot be written or there is nothing to print. Makes an offscreen QGuiApplication when the process has
// none (the batch tool).
int writeVisitReportPdf(const std::string& path, const std::vector<VisitReport>& reports, Language language);
// The same document as plain text (for the tests: what is printed, what is masked).
std::string visitReportText(const std::vector<VisitReport>& reports, Language language);

}  // namespace doorstep::report
