// The words of users and logging in: user names, passwords, roles, the last administrator, and the CLI's
// password prompt.
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> userMessages()
{
    static constexpr std::array rows{
        MessageText{"login.wrong_credentials", "The user name or password is not correct.", "用户名或密码不正确。"},
        MessageText{"login.account_disabled", "This account is disabled. Ask an administrator to enable it.",
                    "该账户已停用，请联系管理员启用。"},
        MessageText{"login.throttled", "Too many failed attempts; wait before trying again.",
                    "失败次数过多，请稍候再试。"},
        MessageText{"session.not_allowed", "Your role does not allow this action.", "您的角色无权执行此操作。"},
        MessageText{"user.last_administrator", "This is the last active administrator; appoint another one first.",
                    "这是最后一位已启用的管理员，请先指定另一位管理员。"},
        MessageText{"user.own_account", "You cannot do this to your own account.", "不能对自己的账户执行此操作。"},
        MessageText{"user.gone", "The user no longer exists.", "该用户已不存在。"},
        MessageText{"user.exists", "A user with this user name already exists.", "该用户名已存在。"},
        MessageText{"user.no_such_user", "There is no such user (or you may not manage users).",
                    "没有该用户（或您无权管理用户）。"},
        MessageText{"user.name_empty", "The user name is empty.", "用户名为空。"},
        MessageText{"user.name_too_long", "The user name is longer than 32 characters.", "用户名超过 32 个字符。"},
        MessageText{"user.name_characters", "A user name may only hold letters a-z, digits and the characters . _ -",
                    "用户名只能包含字母 a-z、数字以及字符 . _ -"},
        MessageText{"user.name_start", "A user name must start with a letter or a digit.",
                    "用户名必须以字母或数字开头。"},
        MessageText{"user.password_short", "The password must have at least 10 characters.",
                    "密码至少需要 10 个字符。"},
        MessageText{"user.password_mix", "The password must mix letters with digits or other characters.",
                    "密码必须同时包含字母和数字或其他字符。"},
        MessageText{"user.password_has_name", "The password must not contain the user name.", "密码不能包含用户名。"},
        MessageText{"user.display_name_empty", "The display name is empty.", "显示名称为空。"},
        MessageText{"user.display_name_long", "The display name is too long.", "显示名称过长。"},
        MessageText{"password.no_terminal", "No terminal to ask for the password; set DOORSTEP_PASSWORD.",
                    "没有可输入密码的终端，请设置 DOORSTEP_PASSWORD。"},
        MessageText{"password.mismatch", "The two passwords differ.", "两次输入的密码不一致。"},
    };
    return rows;
}

}  // namespace doorstep
