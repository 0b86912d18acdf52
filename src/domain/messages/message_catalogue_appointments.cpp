// The words of contact and appointments (issue 10): the contact-rule guard, message templates and the tone
// check, the appointment workflow, booking checks and the day plan.
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> appointmentMessages()
{
    static constexpr std::array rows{
        // Times and travel settings.
        MessageText{"clock.invalid", "Enter a time of day as hours and minutes, for example 08:30.",
                    "请按时和分填写时间，例如 08:30。"},
        MessageText{"travel.detour_out_of_range", "The detour factor must be from {min} to {max}.",
                    "绕行系数须在 {min} 至 {max} 之间。"},
        MessageText{"travel.speed_out_of_range", "The travel speed must be above 0 and at most {max} km/h.",
                    "行程速度须大于 0 且不超过每小时 {max} 公里。"},

        // The contact-rule guard (DOMAIN.md 5).
        MessageText{"contact_rule.who_missing", "Choose who is being contacted.", "请选择联系对象。"},
        MessageText{"contact_rule.number_missing", "Choose the number to call or text.",
                    "请选择拨打或发送短信的号码。"},
        MessageText{"contact_rule.quiet_hours",
                    "No calls, messages or visits from {from} to {to}: {time} is in the quiet hours. Only if the "
                    "customer asked for this time, record it as an exception with the reason.",
                    "{from} 至次日 {to} 不得致电、发送短信或上门，{time} 在此时段内。仅当客户本人要求在此时间联系时，"
                    "方可登记为例外并填写原因。"},
        MessageText{"contact_rule.unanswered_calls",
                    "{count} unanswered calls to this number today already; at most {limit} a day.",
                    "今天已对该号码拨打 {count} 次未接通，每天最多 {limit} 次。"},
        MessageText{"contact_rule.conversations",
                    "{count} effective conversations with this customer today already; at most {limit} a day.",
                    "今天已与该客户有效沟通 {count} 次，每天最多 {limit} 次。"},
        MessageText{"contact_rule.third_party_borrower_reachable",
                    "A third party may be contacted only when the borrower cannot be reached.",
                    "只有在联系借款人未果时，才能联系第三方。"},
        MessageText{"contact_rule.third_party_relation_missing",
                    "Record how the third party is related to the borrower.", "请填写第三方与借款人的关系。"},
        MessageText{"contact_rule.setting_quiet_hours", "The quiet hours must start and end at a time of day.",
                    "禁止联系时段的起止须为有效时间。"},
        MessageText{"contact_rule.setting_below_one", "The {setting} must be at least 1.", "{setting}至少为 1。"},
        MessageText{"contact_rule.name.details", "contact details", "联系信息"},
        MessageText{"contact_rule.name.quiet_hours", "quiet hours", "禁止联系时段"},
        MessageText{"contact_rule.name.unanswered_calls_per_number", "limit of unanswered calls to one number a day",
                    "每个号码每天未接通拨打次数上限"},
        MessageText{"contact_rule.name.conversations_per_customer",
                    "limit of effective conversations with one customer a day", "每位客户每天有效沟通次数上限"},
        MessageText{"contact_rule.name.third_party", "third-party contact rule", "第三方联系规定"},

        // Message templates and the tone check.
        MessageText{"template.unclosed_brace", "A placeholder is not closed: each { needs its }.",
                    "占位符不完整：每个 { 都需要对应的 }。"},
        MessageText{"template.unknown_placeholder", "The template has an unknown placeholder {{name}}.",
                    "模板中有无法识别的占位符 {{name}}。"},
        MessageText{"template.value_missing", "The template needs the {field}, which is not filled in.",
                    "模板需要填写{field}，但该项为空。"},
        MessageText{"template.tone_flagged",
                    "The template's wording may read as threatening, shaming or pressuring ({phrases}); change "
                    "it before it is used.",
                    "模板措辞可能带有威胁、羞辱或施压意味（{phrases}），请修改后再使用。"},
        MessageText{"template.tone_flagged_filled_text",
                    "The filled message contains wording that may read as threatening, shaming or pressuring "
                    "({phrases}); check the values filled in.",
                    "填写后的短信含有可能带有威胁、羞辱或施压意味的措辞（{phrases}），请检查填入的内容。"},
        MessageText{"template.amount_in_template",
                    "The template contains an amount ({found}): a message to anyone but the borrower may not.",
                    "模板中含有金额（{found}），发给借款人以外的人的短信不得含有金额。"},
        MessageText{"template.debt_word_in_template",
                    "The template mentions the debt (“{found}”): a message to anyone but the borrower may not.",
                    "模板中提及欠款（“{found}”），发给借款人以外的人的短信不得提及欠款。"},
        MessageText{"template.amount_in_filled_text",
                    "The filled message contains an amount taken from a value: a message to anyone but the "
                    "borrower may not.",
                    "填写后的短信含有来自填入内容的金额，发给借款人以外的人的短信不得含有金额。"},
        MessageText{"template.debt_word_in_filled_text",
                    "The filled message mentions the debt through a value: a message to anyone but the borrower "
                    "may not.",
                    "填写后的短信因填入内容而提及欠款，发给借款人以外的人的短信不得提及欠款。"},
        MessageText{"template.field.customer_name", "customer's name", "客户称呼"},
        MessageText{"template.field.appointment_date", "appointment date", "预约日期"},
        MessageText{"template.field.appointment_time", "appointment time", "预约时间"},
        MessageText{"template.field.appointment_place", "appointment place", "预约地点"},
        MessageText{"template.field.officer", "officer", "催收专员"},
        MessageText{"template.field.branch_phone", "branch phone", "网点电话"},
        MessageText{"tone.kind.threat", "threat", "威胁"},
        MessageText{"tone.kind.shaming", "shaming", "羞辱"},
        MessageText{"tone.kind.pressure", "pressure", "施压"},
        MessageText{"tone.kind.impersonation", "posing as a court or the police", "冒充司法或公安机关"},

        // The appointment workflow.
        MessageText{"appointment.record", "appointment", "预约"},
        MessageText{"appointment.state.proposed", "proposed", "待确认"},
        MessageText{"appointment.state.confirmed", "confirmed", "已确认"},
        MessageText{"appointment.state.done", "visited", "已走访"},
        MessageText{"appointment.state.not_home", "customer not at home", "客户不在家"},
        MessageText{"appointment.state.rescheduled", "rescheduled", "已改约"},
        MessageText{"appointment.state.cancelled", "cancelled", "已取消"},
        MessageText{"appointment.move.confirm", "confirm it", "确认预约"},
        MessageText{"appointment.move.mark_done", "mark it visited", "标记为已走访"},
        MessageText{"appointment.move.mark_not_home", "mark the customer not at home", "标记为客户不在家"},
        MessageText{"appointment.move.reschedule", "reschedule it", "改约"},
        MessageText{"appointment.move.cancel", "cancel it", "取消预约"},
        MessageText{"appointment.place.home", "home address", "住址"},
        MessageText{"appointment.place.workplace", "workplace", "工作单位"},
        MessageText{"appointment.place.other", "another address", "其他地址"},
        MessageText{"appointment.two_staff", "A home visit needs at least two different staff members; {count} chosen.",
                    "上门走访须至少两名不同的工作人员，当前为 {count} 名。"},
        MessageText{"appointment.start_invalid", "The start time is not a time of day.", "开始时间无效。"},
        MessageText{"appointment.duration_out_of_range", "The expected duration must be from 1 to {max} minutes.",
                    "预计时长须在 1 至 {max} 分钟之间。"},
        MessageText{"appointment.past_midnight", "The visit would run past midnight.", "走访时间不能跨越午夜。"},
        MessageText{"appointment.not_yet", "You can {move} only once the visit has begun ({date} {time}).",
                    "走访开始（{date} {time}）后才能{move}。"},
        MessageText{"appointment.cancel_reason", "Give a reason for cancelling the appointment.",
                    "请填写取消预约的原因。"},
        MessageText{"appointment.same_time", "The new date and time are the same as before.",
                    "新的日期和时间与原预约相同。"},
        MessageText{"appointment.customer_has_open_visit",
                    "The customer already has a visit booked for {date} {time}: reschedule that one instead.",
                    "该客户已有 {date} {time} 的走访预约，请改期该预约，不要重复预约。"},

        // Booking checks.
        MessageText{"booking.outside_working_hours",
                    "The visit ({start} to {end}) is outside working hours ({from} to {to}).",
                    "走访时间（{start} 至 {end}）不在工作时间（{from} 至 {to}）内。"},
        MessageText{"booking.quiet_hours", "The visit ({start} to {end}) falls in the quiet hours ({from} to {to}).",
                    "走访时间（{start} 至 {end}）处于禁止联系时段（{from} 至次日 {to}）。"},
        MessageText{"booking.no_location",
                    "The place has neither coordinates nor a district centre, so the travel time cannot be "
                    "estimated.",
                    "走访地点既无坐标，也无所属区县中心点，无法估算路程时间。"},
        MessageText{"booking.staff_busy", "{user} already has a visit from {start} to {end} that day.",
                    "{user} 当天 {start} 至 {end} 已有走访安排。"},
        MessageText{"booking.travel_from_previous",
                    "{user} finishes the previous visit at {previous_end} and needs about {travel} minutes to get "
                    "there: {short} minutes short.",
                    "{user} 上一次走访 {previous_end} 结束，路程约需 {travel} 分钟，时间还差 {short} 分钟。"},
        MessageText{"booking.travel_to_next",
                    "{user} needs about {travel} minutes from this visit to the next one at {next_start}: {short} "
                    "minutes short.",
                    "{user} 从本次走访赶往 {next_start} 的下一次走访约需 {travel} 分钟，时间还差 {short} 分钟。"},
        MessageText{"booking.over_capacity",
                    "{user} already has {count} visits that day; the daily capacity is {capacity}.",
                    "{user} 当天已有 {count} 次走访，每日上限为 {capacity} 次。"},
        MessageText{"booking.setting_working_hours", "Working hours must start before they end, within one day.",
                    "工作时间的开始须早于结束，且在同一天内。"},
        MessageText{"booking.setting_capacity", "The daily visit capacity must be at least 1.",
                    "每日走访上限至少为 1 次。"},

        // The day plan.
        MessageText{"day_plan.too_many_for_exact", "{count} visits are too many for the exact plan (at most {max}).",
                    "走访 {count} 次，超出精确排程的上限（{max} 次）。"},
        MessageText{"day_plan.windows_cannot_be_kept", "No order of the {count} visits keeps every agreed time.",
                    "这 {count} 次走访无论按何种顺序，都无法全部按约定时间到达。"},
    };
    return rows;
}

}  // namespace doorstep
