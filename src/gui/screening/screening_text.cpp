#include "gui/screening/screening_text.h"

#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/qt_text.h"

#include <QCoreApplication>
#include <algorithm>

namespace doorstep::gui {
// Texts are looked up in the "Screening" context; lupdate reads these literal calls.
QString hitText(const RuleHit& h)
{
    const QString points = QCoreApplication::translate("Screening", " (+%L1 points)").arg(h.points);
    const int n = static_cast<int>(h.observed);
    switch (h.kind) {
    case RuleKind::DpdAtLeast: return QCoreApplication::translate("Screening", "DPD %Ln", nullptr, n) + points;
    case RuleKind::TotalOverdueAtLeast:
        return QCoreApplication::translate("Screening", "overdue %1").arg(moneyText(h.observed)) + points;
    case RuleKind::BrokenPromisesAtLeast:
        return QCoreApplication::translate("Screening", "%Ln broken promise(s) to pay", nullptr, n) + points;
    case RuleKind::FailedContactsAtLeast:
        return QCoreApplication::translate("Screening", "%Ln failed contact(s)", nullptr, n) +
               QCoreApplication::translate("Screening", " in %1 days").arg(h.windowDays) + points;
    case RuleKind::OverdueElsewhereAtLeast:
        return QCoreApplication::translate("Screening", "%Ln overdue account(s) elsewhere", nullptr, n) + points;
    case RuleKind::WorstDpd24MonthsAtLeast:
        return QCoreApplication::translate("Screening", "worst DPD %Ln in 24 months", nullptr, n) + points;
    case RuleKind::BucketWorsened:
        return QCoreApplication::translate("Screening", "bucket worse by %Ln since last month", nullptr, n) + points;
    }
    return points;
}

std::vector<RuleHit> mergedHits(const std::vector<RuleHit>& hits)
{
    // Several thresholds of one kind (DPD ≥ 30, DPD ≥ 90) read as one reason with their points added.
    std::vector<RuleHit> merged;
    for (const RuleHit& h : hits) {
        auto it = std::ranges::find_if(merged,
                                       [&](const RuleHit& m) { return m.kind == h.kind && m.observed == h.observed; });
        if (it == merged.end()) {
            merged.push_back(h);
        } else {
            it->points += h.points;
        }
    }
    return merged;
}

QString reasonsText(const std::vector<RuleHit>& hits)
{
    QStringList parts;
    for (const RuleHit& h : mergedHits(hits))
        parts << hitText(h);
    return parts.join(QCoreApplication::translate("Screening", ", "));
}

QString ruleKindText(RuleKind kind)
{
    switch (kind) {
    case RuleKind::DpdAtLeast: return QCoreApplication::translate("Screening", "Days past due at least");
    case RuleKind::TotalOverdueAtLeast:
        return QCoreApplication::translate("Screening", "Total overdue at least (yuan)");
    case RuleKind::BrokenPromisesAtLeast:
        return QCoreApplication::translate("Screening", "Broken promises to pay at least");
    case RuleKind::FailedContactsAtLeast:
        return QCoreApplication::translate("Screening", "Failed contacts in 14 days at least");
    case RuleKind::OverdueElsewhereAtLeast:
        return QCoreApplication::translate("Screening", "Overdue accounts at other lenders at least");
    case RuleKind::WorstDpd24MonthsAtLeast:
        return QCoreApplication::translate("Screening", "Worst DPD in 24 months at least");
    case RuleKind::BucketWorsened:
        return QCoreApplication::translate("Screening", "Bucket worse than last month by at least");
    }
    return {};
}

QString exclusionText(ExclusionKind kind)
{
    switch (kind) {
    case ExclusionKind::Litigation: return QCoreApplication::translate("Screening", "In litigation");
    case ExclusionKind::Dispute: return QCoreApplication::translate("Screening", "Disputed");
    case ExclusionKind::Deceased: return QCoreApplication::translate("Screening", "Deceased");
    case ExclusionKind::PlanBeingKept:
        return QCoreApplication::translate("Screening", "A repayment plan is being kept");
    case ExclusionKind::VisitedRecently: return QCoreApplication::translate("Screening", "Visited in the last … days");
    case ExclusionKind::OpenAppointment: return QCoreApplication::translate("Screening", "An appointment is open");
    }
    return {};
}

QString dismissReasonText(app::DismissReason reason)
{
    switch (reason) {
    case app::DismissReason::PromisedToPay: return QCoreApplication::translate("Screening", "Promised to pay");
    case app::DismissReason::PaidMeanwhile: return QCoreApplication::translate("Screening", "Paid in the meantime");
    case app::DismissReason::ReachedByPhone:
        return QCoreApplication::translate("Screening", "Reached by phone; a visit is not needed");
    case app::DismissReason::NotAtAddress:
        return QCoreApplication::translate("Screening", "No longer lives at the address");
    case app::DismissReason::VisitNotNeeded: return QCoreApplication::translate("Screening", "A visit would not help");
    case app::DismissReason::Other: return QCoreApplication::translate("Screening", "Other (say why)");
    }
    return {};
}

QString dismissReasonText(const std::string& code)
{
    const auto reason = app::parseDismissReason(code);
    return reason ? dismissReasonText(*reason) : toQString(code);
}

QString queueStateText(QueueState state)
{
    switch (state) {
    case QueueState::Accepted: return QCoreApplication::translate("Screening", "Accepted for a visit");
    case QueueState::Dismissed: return QCoreApplication::translate("Screening", "Dismissed");
    case QueueState::Open: break;
    }
    return QCoreApplication::translate("Screening", "Open");
}

}  // namespace doorstep::gui
