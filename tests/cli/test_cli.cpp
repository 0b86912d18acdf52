// doorstep-cli run as a script would run it: a separate process, passwords in the environment, its
// log folder (XDG_DATA_HOME) inside the test's temporary folder.
#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <array>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <set>
#include <string>
#include <sys/wait.h>
#include <vector>

using namespace doorstep;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;

namespace {

constexpr const char* kAdminPassword = "cli-root-pass-2026";
constexpr const char* kOfficerPassword = "cli-officer-pass-2026";

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

// Single quotes for the shell; none of our arguments contains one.
std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

class Cli final {
public:
    // `env` is a list of NAME=value words. setsid -w leaves the tool without a controlling terminal,
    // so a missing password variable makes it fail instead of waiting for someone to type.
    Run run(const std::string& env, const std::string& args) const
    {
        const auto out = m_dir / "stdout";
        const auto err = m_dir / "stderr";
        const std::string line = "setsid -w env -u DOORSTEP_PASSWORD -u DOORSTEP_NEW_PASSWORD XDG_DATA_HOME=" +
                                 quoted(m_dir.path().string()) + " " + env + " " + quoted(DOORSTEP_CLI_PATH) + " " +
                                 args + " </dev/null >" + quoted(out.string()) + " 2>" + quoted(err.string());
        const int raw = std::system(line.c_str());
        Run r;
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out = test::readBytes(out);
        r.err = test::readBytes(err);
        return r;
    }
    std::string db() const { return quoted((m_dir / "branch.db").string()); }
    const test::TempDir& dir() const { return m_dir; }

private:
    test::TempDir m_dir;
};

std::string as(const char* password)
{
    return std::string("DOORSTEP_PASSWORD=") + quoted(password);
}

}  // namespace

TEST_CASE("--help and --version answer without a database", "[cli]")
{
    const Cli cli;
    const Run help = cli.run("", "--help");
    CHECK(help.status == 0);
    CHECK_THAT(help.out, StartsWith("Usage: doorstep-cli"));
    CHECK_THAT(help.out, ContainsSubstring("audit verify"));
    CHECK(help.err.empty());

    const Run version = cli.run("", "--version");
    CHECK(version.status == 0);
    CHECK(version.out == std::string("doorstep-cli ") + DOORSTEP_VERSION + "\n");
}

TEST_CASE("usage errors exit with status 2 and say what is wrong on stderr", "[cli]")
{
    const Cli cli;
    const Run unknown = cli.run(as(kAdminPassword), "--db " + cli.db() + " --user admin frobnicate");
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, ContainsSubstring("unknown command 'frobnicate'"));
    CHECK(unknown.out.empty());

    const Run noDb = cli.run(as(kAdminPassword), "--user admin user list");
    CHECK(noDb.status == 2);
    CHECK_THAT(noDb.err, ContainsSubstring("--db"));

    const Run nothing = cli.run("", "");
    CHECK(nothing.status == 2);
    CHECK_THAT(nothing.err, ContainsSubstring("no command"));

    const Run dangling = cli.run("", "--db");
    CHECK(dangling.status == 2);
    CHECK_THAT(dangling.err, ContainsSubstring("--db needs a value"));

    CHECK_FALSE(std::filesystem::exists(cli.dir() / "branch.db"));
}

TEST_CASE("without a terminal or DOORSTEP_PASSWORD the tool refuses instead of waiting", "[cli]")
{
    const Cli cli;
    const Run r = cli.run("", "--db " + cli.db() + " --user admin init");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, ContainsSubstring("DOORSTEP_PASSWORD"));
    CHECK_FALSE(std::filesystem::exists(cli.dir() / "branch.db"));
}

// Each step derives a key at the production (moderate) cost, so this is one scenario, not many.
TEST_CASE("init, add, list, remove and verify a branch; a wrong password is refused", "[cli]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db();

    const Run init = cli.run(as(kAdminPassword), db + " --user admin --display-name CLI-SENTINEL-NAME init");
    REQUIRE(init.status == 0);
    CHECK_THAT(init.out, ContainsSubstring("with administrator 'admin'"));

    const Run add = cli.run(as(kAdminPassword) + " DOORSTEP_NEW_PASSWORD=" + quoted(kOfficerPassword),
                            db + " --user admin user add li.wei --role officer --display-name CLI-OFFICER-NAME");
    REQUIRE(add.status == 0);
    CHECK_THAT(add.out, ContainsSubstring("Added user 'li.wei' (officer)"));

    const Run list = cli.run(as(kAdminPassword), db + " --user admin user list");
    REQUIRE(list.status == 0);
    CHECK_THAT(list.out, ContainsSubstring("li.wei"));
    CHECK_THAT(list.out, ContainsSubstring("CLI-OFFICER-NAME"));
    CHECK_THAT(list.out, ContainsSubstring("administrator"));

    const Run remove = cli.run(as(kAdminPassword), db + " --user admin user remove li.wei");
    REQUIRE(remove.status == 0);
    CHECK_THAT(remove.out, ContainsSubstring("re-keyed"));

    const Run verify = cli.run(as(kAdminPassword), db + " --user admin audit verify");
    CHECK(verify.status == 0);
    CHECK_THAT(verify.out, StartsWith("Audit trail intact: "));

    const Run removed = cli.run(as(kOfficerPassword), db + " --user li.wei user list");
    CHECK(removed.status != 0);

    const Run wrong = cli.run(as("not-the-password-1"), db + " --user admin user list");
    CHECK(wrong.status == 1);
    CHECK(wrong.out.empty());
    CHECK(wrong.err == "doorstep-cli: The user name or password is not correct.\n");
    CHECK(removed.err == wrong.err);  // a removed user learns no more than a guesser

    // The log went into the test's folder and holds neither passwords nor names.
    const auto log = cli.dir() / "doorstep" / "logs" / "doorstep.log";
    REQUIRE(std::filesystem::exists(log));
    const std::string text = test::readBytes(log);
    for (const char* secret : {kAdminPassword, kOfficerPassword, "CLI-SENTINEL-NAME", "CLI-OFFICER-NAME"}) {
        INFO(secret);
        CHECK(text.find(secret) == std::string::npos);
    }
}

namespace {

const std::array<const char*, 7> kExtractFiles{"manifest.csv", "borrowers.csv",   "contacts.csv", "credit_records.csv",
                                               "loans.csv",    "instalments.csv", "payments.csv"};

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::vector<std::string> fields(const std::string& line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto comma = line.find(',', start);
        out.push_back(line.substr(start, comma - start));
        if (comma == std::string::npos) return out;
        start = comma + 1;
    }
}

bool isInteger(const std::string& text)
{
    const std::size_t digits = text.starts_with('-') ? 1 : 0;
    return text.size() > digits && std::all_of(text.begin() + static_cast<std::ptrdiff_t>(digits), text.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t occurrences(const std::string& text, const std::string& needle)
{
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("demo extract writes the files of an extract, byte for byte the same for a seed", "[cli][portfolio]")
{
    const Cli cli;
    const auto one = cli.dir() / "one";
    const auto two = cli.dir() / "two";
    const Run first = cli.run("", "demo extract --loans 30 --seed 3 --out " + quoted(one.string()));
    REQUIRE(first.status == 0);
    CHECK_THAT(first.out, ContainsSubstring("30 loans (seed 3)"));
    REQUIRE(cli.run("", "demo extract --loans 30 --seed 3 --out " + quoted(two.string())).status == 0);
    for (const char* name : kExtractFiles) {
        INFO(name);
        REQUIRE(std::filesystem::is_regular_file(one / name));
        CHECK(test::readBytes(one / name) == test::readBytes(two / name));
    }
    CHECK(lines(test::readBytes(one / "loans.csv")).size() == 1 + 30);  // the header and 30 rows

    const auto other = cli.dir() / "other";
    REQUIRE(cli.run("", "demo extract --loans 30 --seed 4 --out " + quoted(other.string())).status == 0);
    CHECK(test::readBytes(other / "borrowers.csv") != test::readBytes(one / "borrowers.csv"));

    const Run bad = cli.run("", "demo extract --loans many --out " + quoted(one.string()));
    CHECK(bad.status == 2);
    CHECK_THAT(bad.err, ContainsSubstring("--loans"));
}

// Every command here logs in at the production key-derivation cost: one scenario, few steps.
TEST_CASE("import an extract, refuse a bad one, print the cases as CSV and JSON", "[cli][portfolio]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db() + " --user admin ";
    const auto extract = cli.dir() / "extract";
    REQUIRE(cli.run("", "demo extract --loans 30 --seed 3 --out " + quoted(extract.string())).status == 0);
    REQUIRE(cli.run(as(kAdminPassword), db + "init").status == 0);

    // A copy with a rate that is not a number on the first loan: refused, with the place named.
    const auto bad = cli.dir() / "bad";
    std::filesystem::copy(extract, bad);
    auto loans = lines(test::readBytes(bad / "loans.csv"));
    auto row = fields(loans.at(1));
    row.at(4) = "4.3x";
    std::string broken = loans.at(0) + "\n";
    for (std::size_t i = 0; i < row.size(); ++i)
        broken += (i == 0 ? "" : ",") + row[i];
    broken += "\n";
    for (std::size_t i = 2; i < loans.size(); ++i)
        broken += loans[i] + (loans[i].empty() ? "" : "\n");
    test::writeBytes(bad / "loans.csv", broken);
    const Run refused = cli.run(as(kAdminPassword), db + "import " + quoted(bad.string()));
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK_THAT(refused.err, ContainsSubstring("loans.csv line 2, column interest_rate: '4.3x'"));
    CHECK_THAT(refused.err, ContainsSubstring("nothing was imported"));

    const Run imported = cli.run(as(kAdminPassword), db + "import " + quoted(extract.string()));
    REQUIRE(imported.status == 0);
    CHECK_THAT(imported.out, StartsWith("Imported the extract of 2026-11-30: "));
    CHECK_THAT(imported.out, ContainsSubstring(" 30 loans, "));
    CHECK_THAT(imported.out, ContainsSubstring("Delinquency as of 2026-11-30: 30 loans"));

    // docs/security.md: administrators see no cases at all, in the CLI as in the app (issue 9, item 12).
    const Run asAdmin = cli.run(as(kAdminPassword), db + "cases --as-of 2026-11-30 --format csv");
    CHECK(asAdmin.status == 1);
    CHECK(asAdmin.out.empty());
    CHECK_THAT(asAdmin.err, ContainsSubstring("Your role does not allow this action."));
    REQUIRE(cli.run(as(kAdminPassword) + " DOORSTEP_NEW_PASSWORD=" + quoted(kOfficerPassword),
                    db + "user add super1 --role supervisor")
                .status == 0);
    const std::string super = "--db " + cli.db() + " --user super1 ";
    const Run csv = cli.run(as(kOfficerPassword), super + "cases --as-of 2026-11-30 --format csv");
    REQUIRE(csv.status == 0);
    const auto rows = lines(csv.out);
    REQUIRE(rows.size() == 1 + 30);
    CHECK(rows.front() == "loan_id,borrower_id,product,dpd,bucket,class,overdue_principal,overdue_interest,"
                          "penalty_interest,compound_interest,total_overdue");
    std::set<std::string> loanIds;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        INFO(rows[i]);
        const auto f = fields(rows[i]);
        REQUIRE(f.size() == 11);
        loanIds.insert(f[0]);
        CHECK(isInteger(f[3]));
        for (std::size_t money = 6; money < 11; ++money)
            CHECK(isInteger(f[money]));  // fen, never yuan with a decimal point
        CHECK_THAT(f[4], StartsWith("M"));
    }
    CHECK(loanIds.size() == 30);

    const Run json = cli.run(as(kOfficerPassword), super + "cases --as-of 2026-11-30 --format json");
    REQUIRE(json.status == 0);
    CHECK_THAT(json.out, StartsWith("["));
    CHECK_THAT(json.out, Catch::Matchers::EndsWith("]\n"));
    CHECK(occurrences(json.out, "{") == 30);
    CHECK(occurrences(json.out, "}") == 30);
    for (const char* name : {"\"loan_id\":\"", "\"borrower_id\":\"", "\"product\":\"", "\"dpd\":", "\"bucket\":\"M",
                             "\"class\":\"", "\"overdue_principal\":", "\"overdue_interest\":", "\"penalty_interest\":",
                             "\"compound_interest\":", "\"total_overdue\":"}) {
        INFO(name);
        CHECK(occurrences(json.out, name) == 30);
    }
    CHECK(occurrences(json.out, "},\n{") == 29);
    for (const auto& id : loanIds)
        CHECK(occurrences(json.out, "\"loan_id\":\"" + id + "\"") == 1);
}

TEST_CASE("import says who left the book and came back and lists the extract's warnings; left-book lists them",
          "[cli][portfolio]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db() + " --user admin ";
    const auto extract = cli.dir() / "extract";
    REQUIRE(cli.run("", "demo extract --loans 30 --seed 3 --out " + quoted(extract.string())).status == 0);
    REQUIRE(cli.run(as(kAdminPassword), db + "init").status == 0);
    REQUIRE(cli.run(as(kAdminPassword) + " DOORSTEP_NEW_PASSWORD=" + quoted(kOfficerPassword),
                    db + "user add zhou.min --role supervisor")
                .status == 0);
    const Run first = cli.run(as(kAdminPassword), db + "import " + quoted(extract.string()));
    REQUIRE(first.status == 0);
    CHECK_THAT(first.out, ContainsSubstring("No longer in the book: 0 loans, 0 borrowers; back in the book: 0 loans, "
                                            "0 borrowers."));
    CHECK(first.err.empty());  // a generated extract warrants no warning

    // The next extract: the last loan's borrower is gone with all their loans, and the first loan's term_months
    // no longer matches its 12 or more instalments.
    const auto next = cli.dir() / "next";
    std::filesystem::copy(extract, next);
    const auto loanLines = lines(test::readBytes(next / "loans.csv"));
    const std::string gone = fields(loanLines.at(loanLines.size() - 2)).at(1);  // the file ends with a line break
    std::set<std::string> goneLoans;
    for (const auto& line : loanLines) {
        if (const auto f = fields(line); f.size() > 1 && f[1] == gone) goneLoans.insert(f[0]);
    }
    REQUIRE_FALSE(goneLoans.empty());
    const auto rewrite = [&](const char* file, std::size_t idColumn, bool byLoan) {
        std::string out;
        std::size_t n = 0;
        for (auto line : lines(test::readBytes(next / file))) {
            const auto f = fields(line);
            const bool drop =
                n > 0 && f.size() > idColumn && (byLoan ? goneLoans.contains(f[idColumn]) : f[idColumn] == gone);
            if (std::string(file) == "loans.csv" && n == 1) {
                auto row = f;
                row.at(6) = std::to_string(std::stoi(row.at(6)) + 1);
                line.clear();
                for (std::size_t i = 0; i < row.size(); ++i)
                    line += (i == 0 ? "" : ",") + row[i];
            }
            if (!drop && !line.empty()) out += line + "\n";
            ++n;
        }
        test::writeBytes(next / file, out);
    };
    rewrite("borrowers.csv", 0, false);
    rewrite("contacts.csv", 0, false);
    rewrite("credit_records.csv", 0, false);
    rewrite("contact_history.csv", 0, false);
    rewrite("loans.csv", 1, false);
    rewrite("instalments.csv", 0, true);
    rewrite("payments.csv", 1, true);

    const Run second = cli.run(as(kAdminPassword), db + "import " + quoted(next.string()));
    INFO(second.err);
    REQUIRE(second.status == 0);
    CHECK_THAT(second.out, ContainsSubstring(fmt::format("No longer in the book: {} loans, 1 borrowers; back in the "
                                                         "book: 0 loans, 0 borrowers.",
                                                         goneLoans.size())));
    CHECK_THAT(second.out, ContainsSubstring("1 warning(s) about the extract"));
    CHECK_THAT(second.err, StartsWith("warning: loans.csv line 2, column term_months: '"));
    CHECK_THAT(second.err, ContainsSubstring(" instalments listed in instalments.csv"));

    // A supervisor lists the loans that left, with the last extract that held them and their figures then.
    const Run listed = cli.run(as(kOfficerPassword), "--db " + cli.db() + " --user zhou.min left-book");
    REQUIRE(listed.status == 0);
    const auto rows = lines(listed.out);
    REQUIRE(rows.size() == 1 + goneLoans.size());
    CHECK(rows.front() == "loan_id,borrower_id,last_extract,dpd,bucket,class,total_overdue");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto f = fields(rows[i]);
        REQUIRE(f.size() == 7);
        CHECK(goneLoans.contains(f[0]));
        CHECK(f[1] == gone);
        CHECK(f[2] == "2026-11-30");
        CHECK(isInteger(f[3]));
        CHECK(isInteger(f[6]));
    }
    const Run json = cli.run(as(kOfficerPassword), "--db " + cli.db() + " --user zhou.min left-book --format json");
    REQUIRE(json.status == 0);
    CHECK(occurrences(json.out, "\"last_extract\":\"2026-11-30\"") == goneLoans.size());

    // The first extract again: they are back.
    const Run back = cli.run(as(kAdminPassword), db + "import " + quoted(extract.string()));
    REQUIRE(back.status == 0);
    CHECK_THAT(back.out, ContainsSubstring(fmt::format("back in the book: {} loans, 1 borrowers.", goneLoans.size())));
    CHECK(lines(cli.run(as(kOfficerPassword), "--db " + cli.db() + " --user zhou.min left-book").out).size() == 1);
}

// Issue 9, item 13: "ten wrong passwords at 0.4 s each": the back-off holds for a loop of CLI calls too.
TEST_CASE("a loop of doorstep-cli calls with wrong passwords is slowed down like the app", "[cli]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db() + " --user admin ";
    REQUIRE(cli.run(as(kAdminPassword), db + "init").status == 0);
    for (int i = 0; i < 4; ++i) {
        const Run wrong = cli.run(as("not-the-password-1"), db + "user list");
        CHECK(wrong.status == 1);
        CHECK_THAT(wrong.err, ContainsSubstring("The user name or password is not correct."));
    }
    const Run held = cli.run(as(kAdminPassword), db + "user list");
    CHECK(held.status == 1);
    CHECK_THAT(held.err, ContainsSubstring("Too many failed attempts; wait before trying again."));
}

// Issue 9, item 4: a district =cmd|' /C calc'!A0 was written raw by `screen --format csv`.
TEST_CASE("screen --format csv writes a district a spreadsheet would run as text", "[cli][portfolio]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db() + " --user admin ";
    const auto extract = cli.dir() / "extract";
    REQUIRE(cli.run("", "demo extract --loans 200 --seed 5 --out " + quoted(extract.string())).status == 0);
    const std::string formula = "=cmd|' /C calc'!A0";
    auto rows = lines(test::readBytes(extract / "borrowers.csv"));
    std::string hostile = rows.at(0) + "\n";
    int changed = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (rows[i].empty()) continue;
        auto f = fields(rows[i]);
        if (rows[i].find('"') == std::string::npos && f.size() > 6) {
            f[6] = formula;
            ++changed;
        }
        std::string line;
        for (std::size_t k = 0; k < f.size(); ++k)
            line += (k == 0 ? "" : ",") + f[k];
        hostile += line + "\n";
    }
    REQUIRE(changed > 100);
    test::writeBytes(extract / "borrowers.csv", hostile);
    REQUIRE(cli.run(as(kAdminPassword), db + "init").status == 0);
    REQUIRE(cli.run(as(kAdminPassword) + " DOORSTEP_NEW_PASSWORD=" + quoted(kOfficerPassword),
                    db + "user add super1 --role supervisor")
                .status == 0);
    REQUIRE(cli.run(as(kAdminPassword), db + "import " + quoted(extract.string())).status == 0);
    const Run screen =
        cli.run(as(kOfficerPassword), "--db " + cli.db() + " --user super1 screen --as-of 2026-11-30 --format csv");
    REQUIRE(screen.status == 0);
    const auto out = lines(screen.out);
    REQUIRE(out.size() > 2);
    CHECK(occurrences(screen.out, ",'" + formula + ",") > 0);
    CHECK(occurrences(screen.out, "," + formula) == 0);
    for (std::size_t i = 1; i < out.size(); ++i) {
        for (const auto& f : fields(out[i]))
            CHECK_FALSE(f.starts_with('='));
    }
}

// Issue 7, item 2: with --lang zh the errors and the extract's problems are written wholly in Chinese.
TEST_CASE("with --lang zh the CLI writes errors and import problems in Chinese", "[cli][portfolio]")
{
    const Cli cli;
    const std::string db = "--db " + cli.db() + " --user admin ";
    const auto extract = cli.dir() / "extract";
    REQUIRE(cli.run("", "demo extract --loans 5 --seed 3 --out " + quoted(extract.string())).status == 0);
    REQUIRE(cli.run(as(kAdminPassword), db + "init").status == 0);

    const Run wrong = cli.run(as("not-the-password-1"), "--lang zh " + db + "user list");
    CHECK(wrong.status == 1);
    CHECK(wrong.err == "doorstep-cli: 用户名或密码不正确。\n");

    const Run english = cli.run(as("not-the-password-1"), "--lang en " + db + "user list");
    CHECK(english.err == "doorstep-cli: The user name or password is not correct.\n");

    // A rate that is not a number, and a loan listed twice: the place, the value and the words in Chinese.
    auto loans = lines(test::readBytes(extract / "loans.csv"));
    auto row = fields(loans.at(1));
    row.at(4) = "4.3x";
    std::string broken = loans.at(0) + "\n";
    for (std::size_t i = 0; i < row.size(); ++i)
        broken += (i == 0 ? "" : ",") + row[i];
    broken += "\n";
    for (std::size_t i = 2; i < loans.size(); ++i)
        broken += loans[i] + (loans[i].empty() ? "" : "\n");
    broken += loans.at(2) + "\n";
    test::writeBytes(extract / "loans.csv", broken);
    const Run refused = cli.run(as(kAdminPassword), "--lang zh " + db + "import " + quoted(extract.string()));
    CHECK(refused.status == 1);
    CHECK_THAT(refused.err,
               ContainsSubstring("loans.csv 第 2 行，interest_rate 列：“4.3x”不是百分比形式的利率（如 4.35）\n"));
    CHECK_THAT(refused.err, ContainsSubstring("列：“" + fields(loans.at(2)).at(0) + "”已在前面某行使用过\n"));
    CHECK_THAT(refused.err, !ContainsSubstring("is not a rate"));

    const Run notAllowed = cli.run(as(kAdminPassword), "--lang zh " + db + "cases --as-of 2026-11-30");
    CHECK(notAllowed.status == 1);
    CHECK(notAllowed.err == "doorstep-cli: 您的角色无权执行此操作。\n");

    const Run unknown = cli.run(as(kAdminPassword), "--lang fr " + db + "user list");
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, ContainsSubstring("--lang is en or zh"));
}
