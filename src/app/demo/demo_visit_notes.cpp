#include "app/demo/demo_visit_notes.h"

#include "app/appointments/appointment_service.h"
#include "app/visits/visit_note_service.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace doorstep::app {
namespace {

constexpr std::array<std::string_view, 4> kRequests{"希望减少每月还款金额。", "希望延期一个月还款。",
                                                    "询问能否减免罚息。", "无特别诉求。"};
constexpr std::array<std::string_view, 4> kNextSteps{"一周后电话回访，确认还款情况。", "准备还款方案，下周与客户面谈。",
                                                     "提醒客户按承诺日期还款。", "核实客户收入证明后再联系。"};
constexpr std::array<std::string_view, 4> kRemarks{"客户态度平和，愿意沟通。", "家中有老人需要照顾，收入不稳定。",
                                                   "客户表示近期找到新工作。", ""};
constexpr std::array<std::string_view, 3> kReturnComments{
    "请补充家庭月收入的具体构成。", "请注明被访人与借款人的关系。", "承诺还款金额与电话记录不一致，请核实。"};
constexpr std::array<std::string_view, 2> kAddenda{"已补充：家庭收入包括工资和房租收入。",
                                                   "已与客户核实，承诺金额以本次走访记录为准。"};

template <std::size_t N> std::string pick(io::synthetic::Random& random, const std::array<std::string_view, N>& items)
{
    return std::string(items[static_cast<std::size_t>(random.between(0, static_cast<int>(N) - 1))]);
}

VisitNoteDraft demoDraft(const VisitNoteDraft& start, const storage::AppointmentRow& visit,
                         io::synthetic::Random& random)
{
    VisitNoteDraft d = start;
    VisitNoteContent& c = d.content;
    const Appointment& a = visit.appointment;
    c.arrived = ClockTime{a.start.minutes + random.between(0, 10)};
    if (!c.customerHome) {
        c.left = ClockTime{c.arrived->minutes + 10};
        c.protocol.identificationShown = true;
        c.nextSteps = "在门口留下联系卡，次日再电话联系。";
        return d;
    }
    c.left = ClockTime{std::min(c.arrived->minutes + a.durationMinutes, 23 * 60)};
    c.metRelation = random.chance(750'000) ? MetRelation::Borrower : MetRelation::Spouse;
    if (c.metRelation == MetRelation::Spouse) c.metName = "家属（演示）";
    c.protocol = {true, true, random.chance(920'000), true};
    static constexpr std::array<HardshipReason, 6> kReasons{HardshipReason::JobLoss,
                                                            HardshipReason::OverSpending,
                                                            HardshipReason::TermsMisunderstood,
                                                            HardshipReason::IllnessOrFamilyEvent,
                                                            HardshipReason::BusinessFailure,
                                                            HardshipReason::Other};
    static constexpr std::array<int, 6> kWeights{30, 15, 10, 25, 15, 5};
    const int reasons = random.between(1, 2);
    for (int i = 0; i < reasons; ++i) {
        const HardshipReason r = kReasons[random.weighted(kWeights)];
        if (std::ranges::find(c.hardship, r) == c.hardship.end()) c.hardship.push_back(r);
    }
    if (std::ranges::find(c.hardship, HardshipReason::Other) != c.hardship.end()) c.hardshipOther = "临时停工待复工。";
    c.monthlyIncome = Money::fromYuan(random.between(20, 120) * 100);
    c.monthlyExpenses = Money::fromYuan(random.between(15, 90) * 100);
    c.ability = random.between(1, 5);
    c.willingness = random.between(2, 5);
    static constexpr std::array<Attitude, 4> kAttitudes{Attitude::Cooperative, Attitude::Neutral, Attitude::Evasive,
                                                        Attitude::Hostile};
    static constexpr std::array<int, 4> kAttitudeWeights{55, 30, 12, 3};
    c.attitude = kAttitudes[random.weighted(kAttitudeWeights)];
    c.customerRequests = pick(random, kRequests);
    if (random.chance(550'000))
        c.promises.push_back(
            PaymentPromise{Money::fromYuan(random.between(5, 30) * 100), addDays(a.date, random.between(3, 14))});
    c.nextSteps = pick(random, kNextSteps);
    c.proposePlan = c.ability <= 2 && c.willingness >= 3;
    c.freeText = pick(random, kRemarks);
    return d;
}

}  // namespace

void writeDemoNotes(Session& officer, Date day, io::synthetic::Random& random, DemoNoteCounts& counts)
{
    VisitNoteService notes(officer);
    auto visits = AppointmentService(officer).appointments(day, day);
    if (!visits) return;
    for (const storage::AppointmentRow& visit : *visits) {
        const Appointment& a = visit.appointment;
        if (a.staff.empty() || a.staff.front() != officer.user().username) continue;
        if (a.state != AppointmentState::Done && a.state != AppointmentState::NotHome) continue;
        auto id = notes.open(visit.id);
        if (!id) continue;
        ++counts.written;
        auto opened = notes.note(*id);
        if (!opened || !opened->note.draft) continue;
        const VisitNoteDraft draft = demoDraft(*opened->note.draft, visit, random);
        if (random.chance(120'000)) {
            if (notes.saveDraft(*id, draft)) ++counts.drafts;
        } else if (notes.submit(*id, draft)) {
            ++counts.submitted;
        }
    }
}

void reviewDemoNotes(Session& supervisor, std::span<Session* const> officers, io::synthetic::Random& random,
                     DemoNoteCounts& counts)
{
    // The officers first answer what was returned on earlier mornings; then the supervisor reviews, and what
    // they return today waits for tomorrow's answer.
    for (Session* officer : officers) {
        VisitNoteService notes(*officer);
        auto mine = notes.listMine();
        if (!mine) continue;
        for (const VisitNoteItem& item : *mine) {
            if (item.state != NoteState::Returned || !random.chance(700'000)) continue;
            auto detail = notes.note(item.id);
            if (!detail || !detail->note.draft) continue;
            VisitNoteDraft addendum = *detail->note.draft;
            addendum.addendumText = pick(random, kAddenda);
            if (notes.addAddendum(item.id, addendum)) ++counts.addenda;
        }
    }
    VisitNoteService review(supervisor);
    if (auto queue = review.reviewQueue()) {
        for (const VisitNoteItem& item : *queue) {
            if (!random.chance(550'000)) continue;  // left for another morning
            if (random.chance(700'000)) {
                if (review.approve(item.id)) ++counts.approved;
            } else if (review.returnForCorrection(item.id, pick(random, kReturnComments))) {
                ++counts.returned;
            }
        }
    }
}

}  // namespace doorstep::app
