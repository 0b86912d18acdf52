#include "app/appointments/appointment_settings.h"

#include "app/shared/logging.h"
#include "app/shared/use_case.h"
#include "storage/database/settings_repository.h"

#include <charconv>
#include <fmt/core.h>
#include <optional>
#include <string>
#include <string_view>

namespace doorstep::app {
namespace {

constexpr std::string_view kQuietHoursKey = "contact.quiet_hours";  // "22:00-08:00"
constexpr std::string_view kUnansweredKey = "contact.max_unanswered_calls_per_number";
constexpr std::string_view kConversationsKey = "contact.max_conversations_per_customer";
constexpr std::string_view kWorkingHoursKey = "booking.working_hours";  // "09:00-18:00"
constexpr std::string_view kCapacityKey = "booking.daily_visit_capacity";
constexpr std::string_view kDetourKey = "travel.detour_factor";  // "1.4"
constexpr std::string_view kSpeedKey = "travel.speed_kmh";       // "20"

std::optional<int> toInt(std::string_view text)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> toDouble(std::string_view text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<DailyWindow> toWindow(std::string_view text)
{
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto from = parseClockTime(text.substr(0, dash));
    const auto to = parseClockTime(text.substr(dash + 1));
    if (!from || !to) return std::nullopt;
    return DailyWindow{*from, *to};
}

std::string windowText(DailyWindow w)
{
    return formatClockTime(w.from) + "-" + formatClockTime(w.to);
}

std::string decimalText(double value)
{
    return fmt::format("{}", value);  // shortest text that reads back as the same double
}

}  // namespace

AppointmentSettings loadAppointmentSettings(const storage::Connection& connection)
{
    AppointmentSettings s;
    const storage::SettingsRepository repo(connection);
    if (auto v = repo.get(kQuietHoursKey)) {
        if (auto w = toWindow(*v)) s.contactRules.quietHours = *w;
    }
    if (auto v = repo.get(kUnansweredKey)) {
        if (auto n = toInt(*v)) s.contactRules.maxUnansweredCallsPerNumber = *n;
    }
    if (auto v = repo.get(kConversationsKey)) {
        if (auto n = toInt(*v)) s.contactRules.maxConversationsPerCustomer = *n;
    }
    if (auto v = repo.get(kWorkingHoursKey)) {
        if (auto w = toWindow(*v)) s.booking.workingHours = *w;
    }
    if (auto v = repo.get(kCapacityKey)) {
        if (auto n = toInt(*v)) s.booking.dailyVisitCapacity = *n;
    }
    if (auto v = repo.get(kDetourKey)) {
        if (auto d = toDouble(*v)) s.booking.travel.detourFactor = *d;
    }
    if (auto v = repo.get(kSpeedKey)) {
        if (auto d = toDouble(*v)) s.booking.travel.speedKmh = *d;
    }
    s.booking.quietHours = s.contactRules.quietHours;
    if (!checkContactRuleSettings(s.contactRules) || !checkBookingSettings(s.booking)) {
        logger("app")->warn("stored contact and appointment settings are invalid; using the defaults");
        return {};
    }
    return s;
}

Result<void> saveAppointmentSettings(Session& session, AppointmentSettings settings)
{
    return runUseCase(session, Permission::ChangeSettings, [&](UseCase& uc) -> Result<void> {
        settings.booking.quietHours = settings.contactRules.quietHours;
        if (auto r = checkContactRuleSettings(settings.contactRules); !r) return std::unexpected(r.error());
        if (auto r = checkBookingSettings(settings.booking); !r) return std::unexpected(r.error());
        storage::SettingsRepository repo(uc.db());
        repo.set(kQuietHoursKey, windowText(settings.contactRules.quietHours));
        repo.set(kUnansweredKey, std::to_string(settings.contactRules.maxUnansweredCallsPerNumber));
        repo.set(kConversationsKey, std::to_string(settings.contactRules.maxConversationsPerCustomer));
        repo.set(kWorkingHoursKey, windowText(settings.booking.workingHours));
        repo.set(kCapacityKey, std::to_string(settings.booking.dailyVisitCapacity));
        repo.set(kDetourKey, decimalText(settings.booking.travel.detourFactor));
        repo.set(kSpeedKey, decimalText(settings.booking.travel.speedKmh));
        uc.audit("settings.appointments", "settings", "appointments");
        uc.changed({Change::What::Settings});
        return {};
    });
}

LocalDateTime localDateTime(std::chrono::system_clock::time_point when)
{
    const auto local = std::chrono::floor<std::chrono::minutes>(when) + std::chrono::hours{8};
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    return LocalDateTime{Date{day}, ClockTime{static_cast<int>(minutes)}};
}

}  // namespace doorstep::app
