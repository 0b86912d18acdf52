#include "cli/password_prompt.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace doorstep::cli {
namespace {

Result<std::string> readFromTerminal(std::string_view prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return fail(ErrorCode::InvalidInput, MessageId{"password.no_terminal"});
    (void)!::write(fd, prompt.data(), prompt.size());
    termios old{};
    const bool isTty = ::tcgetattr(fd, &old) == 0;
    if (isTty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string password;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
        password.push_back(c);
    if (isTty) ::tcsetattr(fd, TCSAFLUSH, &old);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    return password;
}

}  // namespace

Result<std::string> readPassword(std::string_view prompt, const char* envName)
{
    if (const char* value = std::getenv(envName); value != nullptr) return std::string(value);
    return readFromTerminal(prompt);
}

Result<std::string> readNewPassword(std::string_view prompt, const char* envName)
{
    if (const char* value = std::getenv(envName); value != nullptr) return std::string(value);
    auto first = readFromTerminal(prompt);
    if (!first) return first;
    auto second = readFromTerminal("Repeat it: ");
    if (!second) return second;
    if (*first != *second) return fail(ErrorCode::InvalidInput, MessageId{"password.mismatch"});
    return first;
}

}  // namespace doorstep::cli
