// The words for single values that do not parse (money, rates, dates, resident ID numbers, text encodings).
// They are fragments: the import puts the quoted value before them ("'abc' is not an amount …").
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> valueMessages()
{
    static constexpr std::array rows{
        MessageText{"money.empty", "is empty where an amount is needed", "为空，此处需要金额"},
        MessageText{"money.not_amount", "is not an amount in yuan (like 1234.56)",
                    "不是以元为单位的金额（如 1234.56）"},
        MessageText{"money.too_many_decimals", "has more than two decimals", "小数位超过两位"},
        MessageText{"money.too_large", "is too large an amount", "金额过大"},
        MessageText{"rate.not_percent", "is not a rate in percent (like 4.35)", "不是百分比形式的利率（如 4.35）"},
        MessageText{"rate.too_many_decimals", "has more than four decimals", "小数位超过四位"},
        MessageText{"date.not_iso", "is not a date in the form YYYY-MM-DD", "不是 YYYY-MM-DD 格式的日期"},
        MessageText{"date.not_calendar_day", "is not a day of the calendar", "不是有效的日历日期"},
        MessageText{"resident_id.length", "the resident ID number does not have 18 characters", "身份证号不是 18 位"},
        MessageText{"resident_id.format", "the resident ID number is not 17 digits followed by a digit or X",
                    "身份证号不是 17 位数字加一位数字或 X"},
        MessageText{"resident_id.birth_date", "the resident ID number's birth date is not a real date",
                    "身份证号中的出生日期无效"},
        MessageText{"resident_id.check_digit", "the resident ID number's check digit is wrong", "身份证号的校验位错误"},
        MessageText{"text.no_gb18030", "this system cannot convert GB18030 text (iconv has no GB18030)",
                    "本系统无法转换 GB18030 文本（iconv 不支持 GB18030）"},
        MessageText{"text.bad_gb18030", "the text is not valid GB18030", "文本不是有效的 GB18030 编码"},
        MessageText{"text.bad_utf8", "the text is not valid UTF-8", "文本不是有效的 UTF-8 编码"},
    };
    return rows;
}

}  // namespace doorstep
