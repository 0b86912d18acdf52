// doorstep-cli: the batch tool. Thin: it parses arguments and calls app/ use cases.
#include "app/audit/audit_verify.h"
#include "app/portfolio/delinquency_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "app/shared/branch_setup.h"
#include "app/shared/busy.h"
#include "app/shared/logging.h"
#include "app/shared/paths.h"
#include "app/users/session.h"
#include "app/users/user_admin.h"
#include "cli/appointment_commands.h"
#include "cli/demo_activity_command.h"
#include "cli/password_prompt.h"
#include "cli/plan_command.h"
#include "cli/plans_command.h"
#include "cli/report_command.h"
#include "cli/visits_command.h"
#include "io/demo/synthetic_extract.h"
#include "io/shared/csv_writer.h"

#include <cstdio>
#include <fmt/core.h>
#include <map>
#include <optional>
#include <string>
#include <unistd.h>
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
  import DIR [--encoding auto|utf-8|gb18030]
                                  check, then import a core-banking extract (docs/data-formats.md)
  recompute --as-of YYYY-MM-DD    recompute the delinquency of every loan in the book as of a date
  cases --as-of YYYY-MM-DD [--format csv|json]
                                  one row per loan in the book: DPD, bucket, class and overdue
                                  amounts in fen
  left-book [--format csv|json]   the loans no longer in the book (no later extract held them), with
                                  the last extract that did and their figures as of then
  screen --as-of YYYY-MM-DD [--format csv|json]
                                  run screening and print the visit queue with scores and reasons
  contacts --as-of YYYY-MM-DD [--from YYYY-MM-DD] [--format csv|json]
                                  the contacts Doorstep logged (officers: their own)
  appointments --from YYYY-MM-DD --to YYYY-MM-DD [--officer NAME] [--format csv|json]
                                  the visits booked (officers: their own)
  calendar export --officer NAME --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.ics
                                  one person's visits as an iCalendar file (Asia/Shanghai)
  outbox --date YYYY-MM-DD --out FILE.csv
                                  the day's SMS outbox for the bank's SMS platform (holds phone numbers)
  demo activity [--seed S] [--days N]
                                  synthetic contacts and appointments (administrators; adds officers)
  demo extract --loans N --seed S --out DIR
                                  write a synthetic extract (no --db or --user needed)
  plan --principal FEN --annual-rate PERCENT --months N [--method annuity|equal-principal]
       [--grace-months G --grace-mode none|interest-only --grace-interest capitalise|defer]
       [--start YYYY-MM-DD] [--format csv|json]
                                  a repayment plan's schedule in fen (no --db or --user needed)
  plans [--state STATE] [--format csv|json]
                                  the repayment-plan proposals you may see, figures in fen
  plans --export FILE [--state accepted|approved|active]
                                  (supervisors) the plans' new schedules for core banking, one row per instalment
  visits --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json]
                                  the visit notes (officers: of their visits): states, reasons, scales,
                                  promises; no free text, no personal data
  report visit --id N --out FILE.pdf [--lang zh|en]
                                  one visit note's report: every version, the checklist, the review,
                                  signature lines; names masked as your role requires
  report visits --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf [--lang zh|en]
                                  (supervisors) the submitted notes of a date range, for the branch file

Options:
  --db FILE      the branch database (required)
  --user NAME    who you are (required)
  --lang en|zh   the language of errors and of the extract's problems (default en)
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

// The language of errors and import problems (--lang).
Language g_language = Language::English;

int failWith(const Error& e)
{
    fmt::print(stderr, "doorstep-cli: {}\n", errorMessage(e, g_language));
    return e.code == ErrorCode::InvalidInput ? 2 : 1;
}

int usageError(std::string_view message)
{
    fmt::print(stderr, "doorstep-cli: {}\nTry 'doorstep-cli --help'.\n", message);
    return 2;
}

// A one-line progress display on stderr, only when stderr is a terminal.
class ProgressLine {
public:
    ProgressLine() : m_tty(::isatty(2) != 0) {}
    void show(const char* stage, int perMille)
    {
        if (!m_tty || perMille / 10 == m_last) return;
        m_last = perMille / 10;
        fmt::print(stderr, "\r{} {:3}%", stage, m_last);
    }
    void done()
    {
        if (m_tty && m_last >= 0) fmt::print(stderr, "\r\033[K");
    }

private:
    bool m_tty;
    int m_last = -1;
};

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
        if (w[0] == "import") return withSession([&](app::Session& s) { return importExtract(s); });
        if (w[0] == "recompute") return withSession([&](app::Session& s) { return recompute(s); });
        if (w[0] == "cases") return withSession([&](app::Session& s) { return cases(s); });
        if (w[0] == "left-book") return withSession([&](app::Session& s) { return leftBook(s); });
        if (w[0] == "screen") return withSession([&](app::Session& s) { return screen(s); });
        if (w[0] == "contacts")
            return withSession([&](app::Session& s) { return cli::runContactsCommand(s, m_args.options); });
        if (w[0] == "appointments")
            return withSession([&](app::Session& s) { return cli::runAppointmentsCommand(s, m_args.options); });
        if (command == "calendar export")
            return withSession([&](app::Session& s) { return cli::runCalendarExportCommand(s, m_args.options); });
        if (w[0] == "outbox")
            return withSession([&](app::Session& s) { return cli::runOutboxCommand(s, m_args.options); });
        if (command == "demo activity")
            return withSession([&](app::Session& s) { return cli::runDemoActivityCommand(s, m_args.options); });
        if (command == "demo extract") return demoExtract();
        if (w[0] == "plan") return cli::runPlanCommand(m_args.options, m_args.words);
        if (w[0] == "plans")
            return withSession([&](app::Session& s) { return cli::runPlansCommand(s, m_args.options); });
        if (w[0] == "visits")
            return withSession([&](app::Session& s) { return cli::runVisitsCommand(s, m_args.options); });
        if (w[0] == "report")
            return withSession([&](app::Session& s) { return cli::runReportCommand(s, w, m_args.options); });
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

    template <typename F> int withSession(F&& body)
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
            if (const auto busy = app::busyFailure(e)) return failWith(*busy);
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
        auto added =
            app::UserAdministration(session).add({name, option("display-name").value_or(name), *role, *password});
        if (!added) return failWith(added.error());
        fmt::print("Added user '{}' ({}).\n", name, roleName(*role));
        return 0;
    }

    int userRemove(app::Session& session)
    {
        if (m_args.words.size() != 3) return usageError("user remove needs exactly one NAME");
        const auto id = userId(session, m_args.words[2]);
        if (!id) return failWith(fail(ErrorCode::NotFound, MessageId{"user.no_such_user"}).error());
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
        if (!id) return failWith(fail(ErrorCode::NotFound, MessageId{"user.no_such_user"}).error());
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

    std::optional<Date> asOfOption()
    {
        const auto text = option("as-of");
        if (!text) return std::nullopt;
        auto date = parseIsoDate(*text);
        if (!date) return std::nullopt;
        return *date;
    }

    int importExtract(app::Session& session)
    {
        if (m_args.words.size() != 2) return usageError("import needs exactly one folder");
        app::ImportOptions options;
        const std::string encoding = option("encoding").value_or("auto");
        if (encoding == "utf-8") {
            options.encoding = io::Encoding::Utf8;
        } else if (encoding == "gb18030") {
            options.encoding = io::Encoding::Gb18030;
        } else if (encoding != "auto") {
            return usageError("--encoding is auto, utf-8 or gb18030");
        }
        ProgressLine line;
        options.progress = [&](app::ImportStage stage, int perMille) {
            static constexpr const char* kStages[] = {"checking", "writing", "recomputing"};
            line.show(kStages[static_cast<int>(stage)], perMille);
            return true;
        };
        auto report = app::importExtract(session, m_args.words[1], options);
        line.done();
        if (!report) return failWith(report.error());
        if (!report->problems.empty()) {
            for (const auto& p : report->problems)
                fmt::print(stderr, "{}\n", p.text(g_language));
            if (report->moreProblems) fmt::print(stderr, "… and more; the list stops here.\n");
            fmt::print(stderr, "doorstep-cli: the extract has {} problem(s) listed above; nothing was imported.\n",
                       report->problems.size());
            return 1;
        }
        const auto& c = report->counts;
        fmt::print("Imported the extract of {}: {} borrowers, {} loans, {} instalments, {} payments; {} rows changed.\n"
                   "No longer in the book: {} loans, {} borrowers; back in the book: {} loans, {} borrowers.\n"
                   "Delinquency as of {}: {} loans, {} overdue, {} changed state.\n",
                   formatIsoDate(report->extractDate), c.borrowers, c.loans, c.instalments, c.payments,
                   report->rowsChanged, report->loansLeft, report->borrowersLeft, report->loansReturned,
                   report->borrowersReturned, formatIsoDate(report->extractDate), report->recompute.loans,
                   report->recompute.overdue, report->recompute.changed);
        // Imported all the same; listed so that someone asks the bank (docs/data-formats.md, "Warnings").
        for (const auto& w : report->warnings)
            fmt::print(stderr, "warning: {}\n", w.text(g_language));
        if (report->warningCount > static_cast<std::int64_t>(report->warnings.size()))
            fmt::print(stderr, "… and {} more warning(s).\n",
                       report->warningCount - static_cast<std::int64_t>(report->warnings.size()));
        if (report->warningCount > 0) fmt::print("{} warning(s) about the extract; see above.\n", report->warningCount);
        return 0;
    }

    int recompute(app::Session& session)
    {
        const auto asOf = asOfOption();
        if (!asOf) return usageError("recompute needs --as-of YYYY-MM-DD");
        auto summary = app::recompute(session, *asOf);
        if (!summary) return failWith(summary.error());
        fmt::print("Delinquency as of {}: {} loans, {} overdue, {} changed state, {} bucket or class changes.\n",
                   formatIsoDate(*asOf), summary->loans, summary->overdue, summary->changed, summary->bucketChanges);
        return 0;
    }

    int cases(app::Session& session)
    {
        const auto asOf = asOfOption();
        if (!asOf) return usageError("cases needs --as-of YYYY-MM-DD");
        const std::string format = option("format").value_or("csv");
        if (format != "csv" && format != "json") return usageError("--format is csv or json");
        const bool json = format == "json";
        std::string out;
        out.reserve(1 << 20);
        const auto flush = [&] {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        };
        if (json) {
            out += "[";
        } else {
            out += "loan_id,borrower_id,product,dpd,bucket,class,overdue_principal,overdue_interest,"
                   "penalty_interest,compound_interest,total_overdue\n";
        }
        bool first = true;
        auto count = app::forEachCase(session, *asOf, [&](const app::CaseRow& r) {
            const auto& d = r.delinquency;
            if (json) {
                out += fmt::format("{}\n{{\"loan_id\":\"{}\",\"borrower_id\":\"{}\",\"product\":\"{}\",\"dpd\":{},"
                                   "\"bucket\":\"{}\",\"class\":\"{}\",\"overdue_principal\":{},"
                                   "\"overdue_interest\":{},\"penalty_interest\":{},\"compound_interest\":{},"
                                   "\"total_overdue\":{}}}",
                                   first ? "" : ",", jsonEscape(r.loanId), jsonEscape(r.borrowerId),
                                   productName(r.product), d.dpd, bucketName(d.bucket), riskClassName(d.riskClass),
                                   d.overduePrincipal.fen, d.overdueInterest.fen, d.penaltyUnpaid().fen,
                                   d.compoundUnpaid().fen, d.totalOverdue.fen);
            } else {
                out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csvField(r.loanId), csvField(r.borrowerId),
                                   productName(r.product), d.dpd, bucketName(d.bucket), riskClassName(d.riskClass),
                                   d.overduePrincipal.fen, d.overdueInterest.fen, d.penaltyUnpaid().fen,
                                   d.compoundUnpaid().fen, d.totalOverdue.fen);
            }
            first = false;
            if (out.size() > (1 << 20)) flush();
        });
        if (!count) return failWith(count.error());
        if (json) out += "\n]\n";
        flush();
        return 0;
    }

    int leftBook(app::Session& session)
    {
        const std::string format = option("format").value_or("csv");
        if (format != "csv" && format != "json") return usageError("--format is csv or json");
        const bool json = format == "json";
        app::PortfolioFilter filter;
        filter.book = storage::BookFilter::LeftBook;
        const app::PortfolioService portfolio(session);
        std::string out = json ? "[" : "loan_id,borrower_id,last_extract,dpd,bucket,class,total_overdue\n";
        bool first = true;
        constexpr std::int64_t kPage = 1000;
        for (std::int64_t offset = 0;; offset += kPage) {
            auto rows = portfolio.page(filter, app::PortfolioSort::LoanId, true, offset, kPage);
            if (!rows) return failWith(rows.error());
            for (const app::PortfolioRow& r : *rows) {
                const std::string last = r.leftBookAfter.value_or("");
                if (json) {
                    out += fmt::format("{}\n{{\"loan_id\":\"{}\",\"borrower_id\":\"{}\",\"last_extract\":\"{}\","
                                       "\"dpd\":{},\"bucket\":\"{}\",\"class\":\"{}\",\"total_overdue\":{}}}",
                                       first ? "" : ",", jsonEscape(r.loanId), jsonEscape(r.borrowerId), last, r.dpd,
                                       r.bucket, r.riskClass, r.totalOverdue.fen);
                } else {
                    out += fmt::format("{},{},{},{},{},{},{}\n", csvField(r.loanId), csvField(r.borrowerId), last,
                                       r.dpd, r.bucket, r.riskClass, r.totalOverdue.fen);
                }
                first = false;
            }
            if (static_cast<std::int64_t>(rows->size()) < kPage) break;
        }
        if (json) out += "\n]\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }

    int screen(app::Session& session)
    {
        const auto asOf = asOfOption();
        if (!asOf) return usageError("screen needs --as-of YYYY-MM-DD");
        const std::string format = option("format").value_or("csv");
        if (format != "csv" && format != "json") return usageError("--format is csv or json");
        app::ScreeningService service(session);
        auto summary = service.run(*asOf);
        if (!summary) return failWith(summary.error());
        auto items = service.queue({});
        if (!items) return failWith(items.error());
        const bool json = format == "json";
        std::string out =
            json ? "[" : "borrower_id,score,dpd,bucket,total_overdue,district,officer,state,rule_set,reasons\n";
        bool first = true;
        for (const app::QueueItem& i : *items) {
            const std::string why = explainInEnglish(ScreeningResult{i.score, i.hits, std::nullopt, true});
            if (json) {
                out += fmt::format("{}\n{{\"borrower_id\":\"{}\",\"score\":{},\"dpd\":{},\"bucket\":\"{}\","
                                   "\"total_overdue\":{},\"district\":\"{}\",\"officer\":\"{}\",\"state\":\"{}\","
                                   "\"rule_set\":{},\"reasons\":\"{}\"}}",
                                   first ? "" : ",", jsonEscape(i.borrowerId), i.score, i.maxDpd, bucketName(i.bucket),
                                   i.totalOverdue.fen, jsonEscape(i.district), jsonEscape(i.officer),
                                   codeOf(kQueueStateCodes, i.state), i.ruleSetVersion, jsonEscape(why));
            } else {
                out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", csvField(i.borrowerId), i.score, i.maxDpd,
                                   bucketName(i.bucket), i.totalOverdue.fen, csvField(i.district), csvField(i.officer),
                                   codeOf(kQueueStateCodes, i.state), i.ruleSetVersion, csvField(why));
            }
            first = false;
        }
        if (json) out += "\n]\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
        fmt::print(stderr, "Screening as of {} with rule set {}: {} customers, {} queued, {} excluded.\n",
                   formatIsoDate(*asOf), summary->ruleSetVersion, summary->borrowers, summary->queued,
                   summary->excluded);
        return 0;
    }

    int demoExtract()
    {
        const auto out = option("out");
        if (!out) return usageError("demo extract needs --out DIR");
        io::SyntheticOptions options;
        if (auto loans = option("loans")) {
            try {
                options.loans = std::stoll(*loans);
            } catch (const std::exception&) {
                return usageError("--loans needs a number");
            }
        }
        if (auto seed = option("seed")) {
            try {
                options.seed = std::stoull(*seed);
            } catch (const std::exception&) {
                return usageError("--seed needs a number");
            }
        }
        if (auto date = asOfOption()) options.extractDate = *date;
        if (auto officers = option("officers")) {
            std::string_view rest = *officers;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                options.officers.emplace_back(rest.substr(0, comma));
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
        }
        ProgressLine line;
        options.progress = [&](std::int64_t done, std::int64_t total) {
            line.show("writing", total == 0 ? 1000 : static_cast<int>(done * 1000 / total));
            return true;
        };
        auto summary = io::writeSyntheticExtract(*out, options);
        line.done();
        if (!summary) return failWith(summary.error());
        fmt::print("Wrote a synthetic extract of {} loans (seed {}) to {}.\n", options.loans, options.seed, *out);
        return 0;
    }

    // Text fields only (numbers are formatted as they are): quoted for RFC 4180 and guarded against
    // spreadsheet formulas like every CSV Doorstep writes (io/shared/csv_writer.h).
    static std::string csvField(const std::string& text)
    {
        std::string out;
        io::appendCsvField(out, text);
        return out;
    }

    static std::string jsonEscape(const std::string& text)
    {
        std::string out;
        for (char c : text) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            } else {
                out += c;
            }
        }
        return out;
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
    if (const auto lang = args->options.extract("lang")) {
        if (lang.mapped() != "en" && lang.mapped() != "zh") return usageError("--lang is en or zh");
        g_language = lang.mapped() == "zh" ? Language::Chinese : Language::English;
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
