#include "app/portfolio/delinquency_service.h"

#include "app/plans/plan_adherence_run.h"
#include "app/plans/plan_service.h"
#include "app/screening/screening_service.h"
#include "app/shared/logging.h"
#include "app/shared/use_case.h"
#include "storage/database/settings_repository.h"
#include "storage/portfolio/loan_status_repository.h"

#include <array>
#include <charconv>
#include <span>
#include <string>

namespace doorstep::app {
namespace {

constexpr std::string_view kMarkupKey = "delinquency.penalty_markup_percent";
constexpr std::string_view kOrderKey = "delinquency.allocation_order";
constexpr std::string_view kBucketsKey = "delinquency.bucket_last_days";
// Days past due over which special mention, substandard, doubtful and loss apply, per profile.
constexpr std::string_view kLoanClassesKey = "delinquency.class_over_days.loan";
constexpr std::string_view kCardClassesKey = "delinquency.class_over_days.credit_card";

std::optional<int> toInt(std::string_view text)
{
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

// Exactly N whole numbers separated by commas, as the settings store a list.
template <std::size_t N> std::optional<std::array<int, N>> toInts(std::string_view text)
{
    std::array<int, N> values{};
    for (std::size_t i = 0; i < N; ++i) {
        const auto comma = text.find(',');
        if ((comma == std::string_view::npos) != (i + 1 == N)) return std::nullopt;
        const auto n = toInt(text.substr(0, comma));
        if (!n) return std::nullopt;
        values[i] = *n;
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return values;
}

std::string joined(std::span<const int> values)
{
    std::string out;
    for (int v : values) {
        if (!out.empty()) out += ',';
        out += std::to_string(v);
    }
    return out;
}

std::optional<ClassThresholds> toThresholds(std::string_view text)
{
    const auto v = toInts<4>(text);
    if (!v) return std::nullopt;
    const ClassThresholds t{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
    if (!validateClassThresholds(t)) return std::nullopt;
    return t;
}

std::string joined(const ClassThresholds& t)
{
    return joined(std::array{t.specialMentionOver, t.substandardOver, t.doubtfulOver, t.lossOver});
}

storage::LoanStatusRow rowFor(std::int64_t loanRowId, Date asOf, const DelinquencySummary& d)
{
    return storage::LoanStatusRow{loanRowId,
                                  formatIsoDate(asOf),
                                  d.dpd,
                                  std::string(bucketName(d.bucket)),
                                  std::string(riskClassName(d.riskClass)),
                                  d.overduePrincipal,
                                  d.overdueInterest,
                                  d.penaltyUnpaid(),
                                  d.compoundUnpaid(),
                                  d.totalOverdue,
                                  d.outstandingPrincipal};
}

}  // namespace

DelinquencySettings loadDelinquencySettings(const storage::Connection& connection)
{
    DelinquencySettings settings;
    const storage::SettingsRepository repo(connection);
    if (auto v = repo.get(kMarkupKey); v) {
        if (auto n = toInt(*v)) settings.penaltyMarkupPercent = *n;
    }
    if (auto v = repo.get(kOrderKey); v) {
        if (auto order = parseAllocationOrder(*v)) settings.allocationOrder = *order;
    }
    if (auto v = repo.get(kBucketsKey); v) {
        if (const auto days = toInts<6>(*v)) {
            const BucketBoundaries b{*days};
            if (validateBucketBoundaries(b)) settings.buckets = b;
        }
    }
    if (auto v = repo.get(kLoanClassesKey); v) {
        if (const auto t = toThresholds(*v)) settings.classes.loan = *t;
    }
    if (auto v = repo.get(kCardClassesKey); v) {
        if (const auto t = toThresholds(*v)) settings.classes.creditCard = *t;
    }
    if (!validateDelinquencySettings(settings)) {
        logger("app")->warn("stored delinquency settings are invalid; using the defaults");
        return {};
    }
    return settings;
}

Result<DelinquencySettings> delinquencySettings(Session& session)
{
    if (auto r = session.require(Permission::ChangeSettings); !r) return std::unexpected(r.error());
    return loadDelinquencySettings(session.database().connection());
}

Result<void> saveDelinquencySettings(Session& session, const DelinquencySettings& settings)
{
    return runUseCase(session, Permission::ChangeSettings, [&](UseCase& uc) -> Result<void> {
        if (auto r = validateDelinquencySettings(settings); !r) return r;
        storage::SettingsRepository repo(uc.db());
        repo.set(kMarkupKey, std::to_string(settings.penaltyMarkupPercent));
        repo.set(kOrderKey, formatAllocationOrder(settings.allocationOrder));
        repo.set(kBucketsKey, joined(settings.buckets.lastDay));
        repo.set(kLoanClassesKey, joined(settings.classes.loan));
        repo.set(kCardClassesKey, joined(settings.classes.creditCard));
        uc.audit("settings.delinquency", "settings", "delinquency");
        uc.changed({Change::What::Settings});
        return {};
    });
}

RecomputeSummary recomputeInTransaction(const storage::Connection& connection, Date asOf,
                                        const DelinquencySettings& settings, const LoanProgress& progress)
{
    RecomputeSummary summary;
    storage::LoanStatusRepository statuses(connection);
    // Rows of this date already there (an earlier run for the same date) were not written by this run.
    const std::int64_t historyBefore = statuses.historyRowsOn(asOf);
    // A restructured loan's class is not upgraded during its observation period (DOMAIN.md section 3).
    const auto observed = observationPeriods(connection);
    // One walk in loan order over the loans, their ledger rows and their stored states; each state is
    // written as it is computed, and only when it changed: one loan in memory at a time.
    statuses.forEachLedgerLoan(
        {.borrowerIds = false, .status = true}, [&](const storage::LoanStatusRepository::LedgerLoan& l) {
            DelinquencySummary d = assessLoanSummary(l.loan, l.instalments, l.payments, asOf, settings);
            if (const auto p = observed.find(l.loanRowId); p != observed.end())
                d.riskClass = observedClass(d.riskClass, asOf, p->second);
            if (statuses.save(rowFor(l.loanRowId, asOf, d), l.stored)) ++summary.changed;
            ++summary.loans;
            if (d.dpd > 0) ++summary.overdue;
            if (progress && summary.loans % 1000 == 0 && !progress(summary.loans)) throw RecomputeCancelled();
        });
    summary.bucketChanges = statuses.historyRowsOn(asOf) - historyBefore;
    return summary;
}

Result<RecomputeSummary> recompute(Session& session, Date asOf, const LoanProgress& progress)
{
    auto summary = runUseCase(session, Permission::ImportPortfolio, [&](UseCase& uc) -> Result<RecomputeSummary> {
        RecomputeSummary s;
        try {
            s = recomputeInTransaction(uc.db(), asOf, loadDelinquencySettings(uc.db()), progress);
        } catch (const RecomputeCancelled&) {
            return fail(ErrorCode::Conflict, MessageId{"delinquency.recompute_cancelled"});
        }
        // Screening follows every recompute (issue 4), in the same transaction.
        (void)assessPlansInTransaction(session, asOf);  // plans in force, before screening
        (void)screenInTransaction(uc.db(), asOf);
        uc.audit("portfolio.recompute", "portfolio", formatIsoDate(asOf));
        uc.changed({Change::What::Portfolio});
        uc.changed({Change::What::Queue});
        return s;
    });
    if (!summary) return summary;
    logger("app")->info("recompute as of {}: {} loans, {} changed, {} overdue", formatIsoDate(asOf), summary->loans,
                        summary->changed, summary->overdue);
    return summary;
}

Result<std::int64_t> forEachCase(Session& session, Date asOf, const std::function<void(const CaseRow&)>& emit)
{
    // Every loan of the branch: a supervisor's view. docs/security.md: administrators see no cases at all.
    if (auto r = session.require(Permission::ViewAllCases); !r) return std::unexpected(r.error());
    const auto& db = session.database().connection();
    const DelinquencySettings settings = loadDelinquencySettings(db);
    const auto observed = observationPeriods(db);
    std::int64_t count = 0;
    storage::LoanStatusRepository(db).forEachLedgerLoan(
        {.borrowerIds = true, .status = false}, [&](const storage::LoanStatusRepository::LedgerLoan& l) {
            DelinquencySummary d = assessLoanSummary(l.loan, l.instalments, l.payments, asOf, settings);
            if (const auto p = observed.find(l.loanRowId); p != observed.end())
                d.riskClass = observedClass(d.riskClass, asOf, p->second);
            emit(CaseRow{l.loan.id, l.loan.borrowerId, l.loan.product, d});
            ++count;
        });
    session.audit("portfolio.export_cases", "portfolio", formatIsoDate(asOf));
    return count;
}

LoanDelinquency explainLoan(Session& session, const Loan& loan, std::span<const Instalment> instalments,
                            std::span<const Payment> payments, Date asOf)
{
    return assessLoan(loan, instalments, payments, asOf, loadDelinquencySettings(session.database().connection()));
}

}  // namespace doorstep::app
