// The words of the contact log and the appointment use cases (issue 10): what the app layer refuses on top of
// the domain's contact rules and booking checks.
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> contactLogMessages()
{
    static constexpr std::array rows{
        MessageText{"contact.case_not_found", "The case was not found.", "未找到该案件。"},
        MessageText{"contact.not_your_case", "This case is not assigned to you.", "该案件未分配给您。"},
        MessageText{"contact.number_unknown", "The number chosen is not one of this case's numbers.",
                    "所选号码不属于该案件。"},
        MessageText{"contact.result_channel",
                    "Only an SMS is logged as a sent message, and an SMS only as a sent message.",
                    "只有短信可登记为已发送短信，短信也只能如此登记。"},
        MessageText{"contact.promise_details",
                    "A promise to pay needs an amount above zero and a date on or after the contact.",
                    "承诺还款须填写大于零的金额，以及不早于联系日期的承诺日期。"},
        MessageText{"contact.same_minute",
                    "A contact with the same outcome is already logged for this customer at {time}.",
                    "该客户在 {time} 已有相同结果的联系记录。"},
        MessageText{"appointment.not_found", "The appointment was not found.", "未找到该预约。"},
        MessageText{"appointment.staff_count", "Choose two visiting staff; {count} chosen.",
                    "请选择两名走访人员，当前选择了 {count} 名。"},
        MessageText{"appointment.staff_unknown", "{user} is not an active officer or supervisor.",
                    "{user} 不是在岗的催收专员或主管。"},
        MessageText{"appointment.officer_not_staff", "An officer books only visits they take part in.",
                    "催收专员只能预约本人参与的走访。"},
        MessageText{"appointment.place_note_missing", "Give the address of the other place.", "请填写其他地址。"},
        MessageText{"appointment.in_past", "The visit would start in the past ({date} {time}).",
                    "走访开始时间已过（{date} {time}）。"},
        MessageText{"appointment.agreed_contact_unknown", "The contact chosen is not one with this customer.",
                    "所选联系记录不属于该客户。"},
        MessageText{"appointment.move_elsewhere", "This move is made from its own form.",
                    "此操作须在其专用窗口中进行。"},
        MessageText{"demo.days_out_of_range", "The past days of demo activity must be from 0 to {max}.",
                    "演示活动的天数须在 0 至 {max} 之间。"},
        MessageText{"demo.staff_missing",
                    "The demo activity needs a demo officer with cases and a second member of staff.",
                    "演示活动需要一名有案件的演示催收专员和另一名走访人员。"},
        MessageText{"calendar.officer_missing", "Name the officer whose visits to export.",
                    "请指定要导出其走访的人员。"},
        MessageText{"calendar.not_yours", "Officers export only their own visits.", "催收专员只能导出本人的走访。"},
        MessageText{"calendar.name", "Doorstep visits", "Doorstep 走访"},
        MessageText{"calendar.category", "Home visit", "走访"},
        MessageText{"calendar.summary", "Visit {case} ({district})", "走访 {case}（{district}）"},
        MessageText{"calendar.description",
                    "Case number: {case}\nDistrict: {district}\nStaff: {staff}\nPlace: {place}\nState: {state}",
                    "案件编号：{case}\n区域：{district}\n走访人员：{staff}\n地点：{place}\n状态：{state}"},
    };
    return rows;
}

}  // namespace doorstep
