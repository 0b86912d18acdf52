#pragma once
// The words of the case window's timeline (domain/cases/case_timeline.h): what kind of entry, what happened, and
// where it stands (a promise kept, broken or pending; an appointment's state).
#include "domain/cases/case_timeline.h"

#include <QString>
#include <map>
#include <string>

namespace doorstep::gui {

QString contactChannelText(ContactChannel channel);  // 电话
QString contactPartyText(ContactParty party);        // 借款人
QString contactOutcomeText(ContactOutcome outcome);  // 承诺还款
QString promiseStatusText(PromiseStatus status);     // 已兑现

// staffNames: display names by user name, for the people named in an entry.
QString timelineKindText(const TimelineEntry& entry);  // 呼叫中心联系, Doorstep 联系, 还款, 走访队列, 走访预约
QString timelineDetailText(const TimelineEntry& entry, const std::map<std::string, std::string>& staffNames);
QString timelineStatusText(const TimelineEntry& entry);   // "" when the entry has no standing
bool timelineNeedsAttention(const TimelineEntry& entry);  // a broken promise, a customer not at home

}  // namespace doorstep::gui
