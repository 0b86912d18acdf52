#include "cli/demo_activity_command.h"

#include "app/appointments/appointment_settings.h"
#include "app/demo/demo_activity.h"

#include <charconv>
#include <cstdio>
#include <fmt/core.h>
#include <optional>

namespace doorstep::cli {
namespace {

template <typename T>
std::optional<T> number(const std::map<std::string, std::string>& options, const std::string& name, T fallback)
{
    const auto it = options.find(name);
    if (it == options.end()) return fallback;
    T value{};
    const std::string& text = it->second;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

int runDemoActivityCommand(app::Session& session, const std::map<std::string, std::string>& options)
{
    const auto seed = number<std::uint64_t>(options, "seed", 1);
    const auto days = number<int>(options, "days", 14);
    if (!seed || !days || *days < 0 || *days > 60) {
        fmt::print(stderr, "doorstep-cli: --seed is a whole number and --days one from 0 to 60\n");
        return 2;
    }
    auto summary = app::addDemoActivity(session, app::localNow(session).date, {*seed, *days});
    if (!summary) {
        fmt::print(stderr, "doorstep-cli: {}\n", summary.error().message);
        return summary.error().code == ErrorCode::InvalidInput ? 2 : 1;
    }
    fmt::print("Demo activity: {} officer(s) added, {} contacts logged ({} refused by the rules and left out), "
               "{} appointments booked: {} visited, {} not at home, {} cancelled.\n",
               summary->officersAdded, summary->contacts, summary->refused, summary->appointments, summary->done,
               summary->notHome, summary->cancelled);
    const auto& n = summary->notes;
    fmt::print("Visit notes: {} written ({} left as drafts, {} submitted), {} returned with a comment, {} answered "
               "with an addendum, {} approved.\n",
               n.written, n.drafts, n.submitted, n.returned, n.addenda, n.approved);
    return 0;
}

}  // namespace doorstep::cli
