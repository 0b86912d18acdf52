#include "cli/plan_command.h"

#include "domain/plans/plan_comparison.h"
#include "domain/plans/plan_schedule.h"
#include "domain/shared/calendar.h"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <fmt/core.h>
#include <optional>
#include <set>

namespace doorstep::cli {
namespace {

// The options `plan` reads; --db and --user are tolerated (scripts pass them to every command) and ignored.
const std::set<std::string> kKnownOptions{"principal",  "annual-rate",    "months", "method", "grace-months",
                                          "grace-mode", "grace-interest", "start",  "format", "db",
                                          "user"};

int usage(std::string_view message)
{
    fmt::print(stderr, "doorstep-cli: {}\nTry 'doorstep-cli --help'.\n", message);
    return 2;
}

template <typename T> std::optional<T> wholeNumber(const std::string& text)
{
    T value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

// Today in the machine's time zone (the branch's, Asia/Shanghai).
Date today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

std::string csv(const Plan& plan)
{
    std::string out = "number,due_date,payment,principal,interest,balance\n";
    for (const PlanInstalment& i : plan.instalments)
        out += fmt::format("{},{},{},{},{},{}\n", i.sequence, formatIsoDate(i.dueDate), i.payment().fen,
                           i.principal.fen, i.interest.fen, i.balance.fen);
    return out;
}

std::string json(const Plan& plan)
{
    std::string out = "[";
    for (const PlanInstalment& i : plan.instalments) {
        out += fmt::format("{}\n{{\"number\":{},\"due_date\":\"{}\",\"payment\":{},\"principal\":{},\"interest\":{},"
                           "\"balance\":{}}}",
                           i.sequence == 1 ? "" : ",", i.sequence, formatIsoDate(i.dueDate), i.payment().fen,
                           i.principal.fen, i.interest.fen, i.balance.fen);
    }
    return out + "\n]\n";
}

}  // namespace

int runPlanCommand(const std::map<std::string, std::string>& options, const std::vector<std::string>& words)
{
    if (words.size() != 1) return usage("plan takes no operands, only options");
    for (const auto& [name, value] : options) {
        if (!kKnownOptions.contains(name)) return usage(fmt::format("plan does not know --{}", name));
    }
    const auto option = [&](const char* name) -> std::optional<std::string> {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    };

    const auto principalText = option("principal");
    const auto rateText = option("annual-rate");
    const auto monthsText = option("months");
    if (!principalText || !rateText || !monthsText)
        return usage("plan needs --principal FEN, --annual-rate PERCENT and --months N");
    const auto principal = wholeNumber<std::int64_t>(*principalText);
    if (!principal) return usage("--principal is a whole number of fen (1234.56 yuan is 123456)");
    const auto rate = parsePercentRate(*rateText);
    if (!rate) return usage(fmt::format("--annual-rate {}", rate.error().message));
    const auto months = wholeNumber<int>(*monthsText);
    if (!months) return usage("--months is a whole number");

    Reamortisation shape;
    shape.termMonths = *months;
    shape.rate = *rate;
    const std::string method = option("method").value_or("annuity");
    if (method == "annuity")
        shape.method = RepaymentMethod::EqualInstalment;
    else if (method == "equal-principal")
        shape.method = RepaymentMethod::EqualPrincipal;
    else
        return usage("--method is annuity or equal-principal");
    if (const auto grace = option("grace-months")) {
        const auto g = wholeNumber<int>(*grace);
        if (!g) return usage("--grace-months is a whole number");
        shape.graceMonths = *g;
    }
    const std::string mode = option("grace-mode").value_or("none");
    if (mode == "none")
        shape.graceMode = GraceMode::NoPayment;
    else if (mode == "interest-only")
        shape.graceMode = GraceMode::InterestOnly;
    else
        return usage("--grace-mode is none or interest-only");
    const std::string interest = option("grace-interest").value_or("capitalise");
    if (interest == "capitalise")
        shape.graceInterest = GraceInterest::Capitalise;
    else if (interest == "defer")
        shape.graceInterest = GraceInterest::Defer;
    else
        return usage("--grace-interest is capitalise or defer");

    Date start = today();
    if (const auto text = option("start")) {
        auto date = parseIsoDate(*text);
        if (!date) return usage("--start is a date, YYYY-MM-DD");
        start = *date;
    }
    const std::string format = option("format").value_or("csv");
    if (format != "csv" && format != "json") return usage("--format is csv or json");

    OutstandingDebt debt;
    debt.principal = Money{*principal};
    auto plan = buildPlan(debt, PlanTerms{.start = start, .waiver = {}, .shape = shape});
    if (!plan) {
        fmt::print(stderr, "doorstep-cli: {}\n", plan.error().message);
        return 2;
    }
    const std::string out = format == "json" ? json(*plan) : csv(*plan);
    std::fwrite(out.data(), 1, out.size(), stdout);
    const PlanFigures f = planFigures(*plan);
    fmt::print(stderr, "{} instalment{} from {}: first {}, largest {}, total paid {}, total interest {} (fen).\n",
               f.months, f.months == 1 ? "" : "s", formatIsoDate(plan->instalments.front().dueDate),
               f.firstInstalment.fen, f.largestInstalment.fen, f.totalPaid.fen, f.totalInterest.fen);
    return 0;
}

}  // namespace doorstep::cli
