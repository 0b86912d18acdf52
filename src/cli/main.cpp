// doorstep-cli: the batch tool. Thin: it parses arguments and calls app/ use cases.
#include "app/audit_verify.h"
#include "app/branch_setup.h"
#include "app/logging.h"
#include "app/paths.h"
#include "app/session.h"
#include "app/user_admin.h"
#include "cli/password_prompt.h"

#include <fmt/core.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace doorstep;

constexpr const char* kUsage = R"(Usage: doorstep-cli [--db FILE] [--user NAME] COMMAND [ARGS]

Commands:
  init --display-name TEXT        create a new branch database; --user becomes its first administrator
  user list                       list the users
  user add NAME --role ROLE [--display-name TEXT]
                                  add a user (ROLE: officer, supervisor, administrator)
  user remove NAME                remove a user and re-key the database
  user passwd [NAME]              change your own password, or (administrators) reset NAME's
  audit verify                    check the audit trail's hash chain

Options:
  --db FILE      the branch database (required)
  --user NAME    who you are (required)
  --help         this text
  --version      the version

Passwords are read from the terminal, or for scripts from DOORSTEP_PASSWORD (yours) and
DOORSTEP_NEW_PASSWORD (a new one). Errors go to stderr and the exit status is not zero.
)";

struct Arguments {
    std::map<std::string, std::string> options;  // --db, --user, --role, --display-name
    std::vector<std::string> words;              // the command and its operands
    bool help = false;
    bool version = false;
};

std::optional<Arguments> parse(int argc, char** argv)
{
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            args.help = true;
        } else if (a == "--version") {
            args.version = true;
        } else if (a.starts_with("--")) {
            const auto eq = a.find('=');
            if (eq != std::string::npos) {
                args.options[a.substr(2, eq - 2)] = a.substr(eq + 1);
            } else if (i + 1 < argc) {
                args.options[a.substr(2)] = argv[++i];
            } else {
                fmt::print(stderr, "doorstep-cli: {} needs a value\n", a);
                return std::nullopt;
            }
        } else {
            args.words.push_back(a);
        }
    }
    return args;
}

int failWith(const Error& e)
{
    fmt::print(stderr, "doorstep-cli: {}\n", e.message);
    return e.code == ErrorCode::InvalidInput ? 2 : 1;
}

int usageError(std::string_view message)
{
    fmt::print(stderr, "doorstep-cli: {}\nTry 'doorstep-cli --help'.\n", message);
    return 2;
}

class Cli {
public:
    explicit Cli(Arguments args) : m_args(std::move(args)) {}

    int run()
    {
        const auto& w = m_args.words;
        if (w.empty()) return usageError("no command given");
        const std::string command = w[0] + (w.size() > 1 ? " " + w[1] : "");
        if (w[0] == "init") return init();
        if (command == "user list") return withSession([&](app::Session& s) { return userList(s); });
        if (command == "user add") return withSession([&](app::Session& s) { return userAdd(s); });
        if (command == "user remove") return withSession([&](app::Session& s) { return userRemove(s); });
        if (command == "user passwd") return withSession([&](app::Session& s) { return userPasswd(s); });
        if (command == "audit verify") return withSession([&](app::Session& s) { return auditVerify(s); });
        return usageError(fmt::format("unknown command '{}'", command));
    }

private:
    std::optional<std::string> option(const std::string& name) const
    {
        auto it = m_args.options.find(name);
        if (it == m_args.options.end()) return std::nullopt;
        return it->second;
    }

    int init()
    {
        const auto db = option("db");
        const auto user = option("user");
        if (!db || !user) return usageError("init needs --db FILE and --user NAME");
        auto password = cli::readNewPassword("New administrator's password: ", "DOORSTEP_PASSWORD");
        if (!password) return failWith(password.error());
        const app::FirstAdministrator admin{*user, option("display-name").value_or(*user), *password};
        if (auto r = app::createBranchDatabase(*db, admin, app::Session::kdfParamsForNewSlots()); !r)
            return failWith(r.error());
        fmt::print("Created {} with administrator '{}'.\n", *db, *user);
        return 0;
    }

    template <typename F>
    int withSession(F&& body)
    {
        const auto db = option("db");
        const auto user = option("user");
        if (!db || !user) return usageError("this command needs --db FILE and --user NAME");
        auto password = cli::readPassword(fmt::format("Password for {}: ", *user), "DOORSTEP_PASSWORD");
        if (!password) return failWith(password.error());
        app::SystemClock clock;
        app::LoginThrottle throttle(clock);
        auto session = app::Session::login(*db, *user, *password, throttle, clock);
        if (!session) return failWith(session.error());
        try {
            return body(**session);
        } catch (const std::exception& e) {
            app::logger("cli")->error("command failed: {}", e.what());
            fmt::print(stderr, "doorstep-cli: the command failed unexpectedly; see the log.\n");
            return 1;
        }
    }

    std::optional<std::int64_t> userId(app::Session& session, const std::string& name)
    {
        auto users = app::UserAdministration(session).list();
        if (!users) return std::nullopt;
        for (const User& u : *users) {
            if (u.username == name) return u.id;
        }
        return std::nullopt;
    }

    int userList(app::Session& session)
    {
        auto users = app::UserAdministration(session).list();
        if (!users) return failWith(users.error());
        fmt::print("{:<20} {:<14} {:<9} {}\n", "USER", "ROLE", "STATE", "NAME");
        for (const User& u : *users)
            fmt::print("{:<20} {:<14} {:<9} {}\n", u.username, roleName(u.role), u.disabled ? "disabled" : "active",
                       u.displayName);
        return 0;
    }

    int userAdd(app::Session& session)
    {
        if (m_args.words.size() != 3) return usageError("user add needs exactly one NAME");
        const auto roleText = option("role");
        if (!roleText) return usageError("user add needs --role officer|supervisor|administrator");
        const auto role = parseRole(*roleText);
        if (!role) return usageError(fmt::format("unknown role '{}'", *roleText));
        const std::string& name = m_args.words[2];
        auto password = cli::readNewPassword(fmt::format("Password for new user {}: ", name), "DOORSTEP_NEW_PASSWORD");
        if (!password) return failWith(password.error());
        auto added = app::UserAdministration(session).add({name, option("display-name").value_or(name), *role, *password});
        if (!added) return failWith(added.error());
        fmt::print("Added user '{}' ({}).\n", name, roleName(*role));
        return 0;
    }

    int userRemove(app::Session& session)
    {
        if (m_args.words.size() != 3) return usageError("user remove needs exactly one NAME");
        const auto id = userId(session, m_args.words[2]);
        if (!id) return failWith({ErrorCode::NotFound, "There is no such user (or you may not manage users)."});
        if (auto r = app::UserAdministration(session).remove(*id); !r) return failWith(r.error());
        fmt::print("Removed user '{}'; the database was re-keyed.\n", m_args.words[2]);
        return 0;
    }

    int userPasswd(app::Session& session)
    {
        const bool own = m_args.words.size() == 2 || m_args.words[2] == session.user().username;
        auto password = cli::readNewPassword("New password: ", "DOORSTEP_NEW_PASSWORD");
        if (!password) return failWith(password.error());
        if (own) {
            auto current = cli::readPassword("Current password: ", "DOORSTEP_PASSWORD");
            if (!current) return failWith(current.error());
            if (auto r = session.changeOwnPassword(*current, *password); !r) return failWith(r.error());
            fmt::print("Your password was changed.\n");
            return 0;
        }
        const auto id = userId(session, m_args.words[2]);
        if (!id) return failWith({ErrorCode::NotFound, "There is no such user (or you may not manage users)."});
        if (auto r = app::UserAdministration(session).resetPassword(*id, *password); !r) return failWith(r.error());
        fmt::print("The password of '{}' was reset.\n", m_args.words[2]);
        return 0;
    }

    int auditVerify(app::Session& session)
    {
        auto result = app::verifyAudit(session);
        if (!result) return failWith(result.error());
        if (result->intact) {
            fmt::print("Audit trail intact: {} events checked.\n", result->eventsChecked);
            return 0;
        }
        fmt::print(stderr, "doorstep-cli: audit trail broken at event {}: {}.\n", result->brokenAt, result->problem);
        return 3;
    }

    Arguments m_args;
};

}  // namespace

int main(int argc, char** argv)
{
    auto args = parse(argc, argv);
    if (!args) return 2;
    if (args->help) {
        fmt::print("{}", kUsage);
        return 0;
    }
    if (args->version) {
        fmt::print("doorstep-cli {}\n", DOORSTEP_VERSION);
        return 0;
    }
    doorstep::app::initLogging(doorstep::app::logDirectory(), /*echoToStderr=*/false);
    try {
        return Cli(std::move(*args)).run();
    } catch (const std::exception& e) {
        doorstep::app::logger("cli")->error("unexpected failure: {}", e.what());
        fmt::print(stderr, "doorstep-cli: unexpected failure; see the log.\n");
        return 1;
    }
}
