#pragma once
// The repayment-plan letter (issue 12): what the customer signs — the plan in a sentence, the amounts,
// the schedule, the terms, what happens if an instalment is missed, and the signature lines. In Chinese
// or English by a parameter (not the screen's language: the customer's). Personal data arrive masked
// by the caller as docs/security.md says (the ID number as in lists); the name is the customer's own.
#include "domain/messages/message.h"
#include "domain/plans/plan_schedule.h"
#include "domain/shared/calendar.h"

#include <QImage>
#include <QString>
#include <string>
#include <vector>

namespace doorstep::report {

struct PlanLetter {
    std::string customerName;
    std::string maskedIdNumber;
    std::string loanId;
    std::int64_t proposalId = 0;
    Plan plan;
    Date start{};               // the plan takes effect
    int brokenAfterDays = 30;   // an instalment more days late ends the plan
    int observationMonths = 0;  // a restructured loan's observation period; 0: not restructured
    std::string officer;        // who prints it (a user name)
    Date printedOn{};
};

// Writes the letter to a PDF (A4) at `path`; the number of pages, or 0 when the file cannot be written.
int writePlanLetterPdf(const QString& path, const PlanLetter& letter, Language language);
// The same pages, laid out exactly as in the PDF, as images at `dotsPerInch` (for a preview and the tests).
std::vector<QImage> renderPlanLetterPages(const PlanLetter& letter, Language language, int dotsPerInch = 72);

}  // namespace doorstep::report
