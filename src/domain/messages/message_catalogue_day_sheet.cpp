// The words of the Appointments page's day plan and the printed day sheet (issue 10).
#include "domain/messages/message_catalogue.h"

namespace doorstep {

std::span<const MessageText> daySheetMessages()
{
    static constexpr MessageText rows[] = {
        {"day_sheet.not_your_day", "Officers plan only their own day.", "专员只能查看自己的走访计划。"},
        {"day_sheet.title", "Home visit day sheet", "上门走访日程表"},
        {"day_sheet.date", "Date: {date}", "日期：{date}"},
        {"day_sheet.staff", "Visiting staff: {staff}", "走访人员：{staff}"},
        {"day_sheet.summary", "{count} visits, about {travel} minutes of travel between them.",
         "共 {count} 次走访，途中约 {travel} 分钟。"},
        {"day_sheet.late", "The planned order misses {late} minutes of the agreed times: call the customers concerned.",
         "按此顺序将比约定时间迟到共 {late} 分钟，请提前致电相关客户。"},
        {"day_sheet.col.order", "No.", "序号"},
        {"day_sheet.col.arrival", "Arrive about", "预计到达"},
        {"day_sheet.col.time", "Agreed time", "约定时间"},
        {"day_sheet.col.case", "Customer no.", "客户号"},
        {"day_sheet.col.customer", "Customer", "客户"},
        {"day_sheet.col.address", "Place", "地点"},
        {"day_sheet.col.phone", "Phone", "电话"},
        {"day_sheet.unplaced", "Without a location (not on the route):", "无位置信息（未排入路线）："},
        {"day_sheet.bring", "What to bring", "携带物品"},
        {"day_sheet.bring.items",
         "Staff ID cards; the visit record form; each customer's overdue statement; repayment-plan forms; the "
         "visit protocol checklist (show ID, ask consent to enter).",
         "工作证；走访记录表；各客户逾期明细；还款方案表；走访规范清单（出示证件、征得同意后入户）。"},
        {"day_sheet.none", "No visits on this day.", "当天没有走访。"},
        {"day_sheet.printed",
         "Printed on {date} by {officer}. Contains personal data: keep it safe and shred it after use.",
         "{officer} 于 {date} 打印。含个人信息，请妥善保管，用后粉碎。"},
    };
    return rows;
}

}  // namespace doorstep
