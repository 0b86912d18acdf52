#pragma once
// People's words for screening: each rule's reason ("DPD 47 (+30)"), rule and exclusion names for the
// rule editor, dismissal reasons, queue states.
#include "app/screening/screening_service.h"
#include "domain/screening/screening.h"

#include <QString>
#include <vector>

namespace doorstep::gui {

QString hitText(const RuleHit& hit);  // 逾期 47 天 (+30)
// Hits of one kind with the same observed value merged, their points added.
std::vector<RuleHit> mergedHits(const std::vector<RuleHit>& hits);
QString reasonsText(const std::vector<RuleHit>& hits);  // the merged hits joined, for the "why" column
QString ruleKindText(RuleKind kind);                    // for the editor: "DPD at least (days)"
QString exclusionText(ExclusionKind kind);
QString dismissReasonText(app::DismissReason reason);
QString dismissReasonText(const std::string& code);
QString queueStateText(QueueState state);

}  // namespace doorstep::gui
