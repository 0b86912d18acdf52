#include "app/plans/plan_settings.h"

#include "app/shared/use_case.h"
#include "storage/database/settings_repository.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace doorstep::app {
namespace {

constexpr std::string_view kAffordabilityKey = "plan.affordability_limit_percent";
constexpr std::string_view kWaiverLimitKey = "plan.officer_waiver_limit_fen";
constexpr std::string_view kDiscountLimitKey = "plan.officer_discount_limit_fen";
constexpr std::string_view kBrokenAfterKey = "plan.broken_after_days";
constexpr std::string_view kObservationKey = "plan.observation_months";

std::optional<std::int64_t> toInt(std::string_view text)
{
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<std::int64_t> stored(const storage::SettingsRepository& repo, std::string_view key)
{
    const auto text = repo.get(key);
    if (!text) return std::nullopt;
    return toInt(*text);
}

Result<void> validateObservation(int months)
{
    if (months < 1 || months > kMaxObservationMonths)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.observation_range"},
                    {MessageArg::number("max", kMaxObservationMonths), MessageArg::number("months", months)});
    return {};
}

}  // namespace

Result<void> validatePlanSettings(const PlanSettings& settings)
{
    if (auto r = validateAffordabilitySettings(settings.affordability); !r) return r;
    if (auto r = validateOfficerAuthority(settings.authority); !r) return r;
    if (auto r = validateAdherenceSettings(settings.adherence); !r) return r;
    return validateObservation(settings.observationMonths);
}

PlanSettings loadPlanSettings(const storage::Connection& connection)
{
    PlanSettings s;
    const storage::SettingsRepository repo(connection);
    if (const auto v = stored(repo, kAffordabilityKey)) {
        const AffordabilitySettings a{static_cast<int>(*v)};
        if (*v >= 0 && *v <= 1000 && validateAffordabilitySettings(a)) s.affordability = a;
    }
    if (const auto v = stored(repo, kWaiverLimitKey); v && *v >= 0) s.authority.waiverLimit = Money{*v};
    if (const auto v = stored(repo, kDiscountLimitKey); v && *v >= 0) s.authority.discountLimit = Money{*v};
    if (const auto v = stored(repo, kBrokenAfterKey)) {
        const AdherenceSettings a{static_cast<int>(std::clamp<std::int64_t>(*v, 0, 1000))};
        if (validateAdherenceSettings(a)) s.adherence = a;
    }
    if (const auto v = stored(repo, kObservationKey); v && *v >= 1 && *v <= kMaxObservationMonths)
        s.observationMonths = static_cast<int>(*v);
    return s;
}

Result<PlanSettings> planSettings(Session& session)
{
    return loadPlanSettings(session.database().connection());
}

Result<void> savePlanSettings(Session& session, const PlanSettings& settings)
{
    return runUseCase(session, Permission::ChangeSettings, [&](UseCase& uc) -> Result<void> {
        if (auto r = validatePlanSettings(settings); !r) return r;
        storage::SettingsRepository repo(uc.db());
        repo.set(kAffordabilityKey, std::to_string(settings.affordability.limitPercent));
        repo.set(kWaiverLimitKey, std::to_string(settings.authority.waiverLimit.fen));
        repo.set(kDiscountLimitKey, std::to_string(settings.authority.discountLimit.fen));
        repo.set(kBrokenAfterKey, std::to_string(settings.adherence.brokenAfterDays));
        repo.set(kObservationKey, std::to_string(settings.observationMonths));
        uc.audit("settings.plans", "settings", "plans");
        uc.changed({Change::What::Settings});
        return {};
    });
}

}  // namespace doorstep::app
