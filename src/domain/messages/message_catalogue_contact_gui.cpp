// The words of the template library, the SMS outbox and tomorrow's reminders (issue 10).
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> templateLibraryMessages()
{
    static constexpr std::array rows{
        MessageText{"template.purpose.appointment_request", "appointment request", "预约走访"},
        MessageText{"template.purpose.appointment_reminder", "appointment reminder", "走访提醒"},
        MessageText{"template.purpose.callback", "callback", "请回电"},
        MessageText{"template.purpose.other", "other", "其他"},
        MessageText{"template.audience.borrower", "borrower", "借款人"},
        MessageText{"template.audience.third_party", "anyone (third parties too)", "任何人（含第三方）"},
        MessageText{"template.name_missing", "Give the template a name.", "请填写模板名称。"},
        MessageText{"template.name_too_long", "A template's name has at most {max} characters.",
                    "模板名称最多 {max} 个字。"},
        MessageText{"template.text_missing", "The template has no text.", "模板内容为空。"},
        MessageText{"template.text_too_long", "A template's text has at most {max} characters.",
                    "模板内容最多 {max} 个字。"},
        MessageText{"template.not_found", "The template was not found.", "未找到该模板。"},
        MessageText{"template.borrower_only",
                    "The template “{name}” is written for the borrower; choose one for anyone.",
                    "模板“{name}”仅用于借款人本人，请选择适用于任何人的模板。"},
        MessageText{"template.branch_phone_invalid",
                    "The branch phone is 3 to 20 digits, spaces or hyphens (like 021-5888 0000).",
                    "网点电话须为 3 至 20 位数字、空格或连字符（如 021-5888 0000）。"},
        MessageText{"tone.phrase_empty", "A phrase of the list is empty.", "词语列表中有空白项。"},
        MessageText{"tone.phrase_too_long", "The phrase “{phrase}” is longer than {max} characters.",
                    "词语“{phrase}”超过 {max} 个字。"},
        MessageText{"tone.phrase_twice", "The phrase “{phrase}” is listed twice.", "词语“{phrase}”重复。"},
        MessageText{"sms.no_borrower_number", "The customer has no number of their own to text.",
                    "该客户没有本人的手机号码，无法发送短信。"},
        MessageText{"sms.no_reminder_template",
                    "No usable reminder template: a supervisor adds or changes one under Message templates.",
                    "没有可用的走访提醒模板，请主管在“短信模板”中添加或修改。"},
        MessageText{"sms.reminder_sent", "The reminder for this visit is already in the outbox.",
                    "该走访的提醒短信已在发件箱中。"},
    };
    return rows;
}

}  // namespace doorstep
