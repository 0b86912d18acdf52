#include "cli/plans_command.h"

#include "app/plans/plan_export.h"
#include "app/plans/plan_service.h"
#include "domain/plans/plan_comparison.h"

#include <cstdio>
#include <fmt/core.h>

namespace doorstep::cli {
namespace {

int usage(const std::string& message)
{
    fmt::print(stderr, "doorstep-cli plans: {}\n", message);
    return 2;
}

int failed(const Error& error)
{
    fmt::print(stderr, "doorstep-cli plans: {}\n", error.message);
    return 1;
}

std::string jsonText(std::string_view s)
{
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<int>(c));
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

// A CSV text field: neutralised against spreadsheet formulas, quoted when RFC 4180 needs it.
std::string csvText(std::string_view s)
{
    std::string safe = app::neutralisedCsvText(s);
    if (safe.find_first_of(",\"\r\n") == std::string::npos) return safe;
    std::string out = "\"";
    for (const char c : safe) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string_view adherenceCode(const std::optional<AdherenceStatus>& a)
{
    if (!a) return "";
    switch (*a) {
    case AdherenceStatus::OnTrack: return "on_track";
    case AdherenceStatus::Late: return "late";
    case AdherenceStatus::Broken: return "broken";
    case AdherenceStatus::Kept: return "kept";
    }
    return "";
}

}  // namespace

int runPlansCommand(app::Session& session, const std::map<std::string, std::string>& options)
{
    const auto option = [&](const std::string& name) -> std::optional<std::string> {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    };
    std::optional<ProposalState> state;
    if (const auto s = option("state")) {
        state = codeLookup(kProposalStateCodes, *s);
        if (!state)
            return usage("--state is one of draft, submitted, returned, approved, accepted, active, kept, broken, "
                         "withdrawn");
    }
    if (const auto file = option("export")) {
        auto summary = app::exportPlans(session, *file, state.value_or(ProposalState::Accepted));
        if (!summary) return failed(summary.error());
        fmt::print(stderr, "Exported {} plan(s), {} instalment(s), to {}.\n", summary->plans, summary->instalments,
                   *file);
        return 0;
    }
    const std::string format = option("format").value_or("csv");
    if (format != "csv" && format != "json") return usage("--format is csv or json");
    const bool json = format == "json";

    app::PlanService service(session);
    auto rows = service.list(state);
    if (!rows) return failed(rows.error());
    std::string out = json ? "["
                           : "id,loan_id,customer_id,owner,state,plan_type,start_date,instalments,"
                             "first_instalment,largest_instalment,total_paid,total_interest,waived,"
                             "recovery_bp,supervisor_needed,adherence,days_late,updated_at\n";
    bool first = true;
    for (const auto& row : *rows) {
        const auto plan = app::planOf(row);
        if (!plan) return failed(plan.error());
        const PlanFigures f = planFigures(*plan);
        const std::string stateCode(codeOf(kProposalStateCodes, row.state));
        const std::string start = formatIsoDate(row.terms.start);
        if (json) {
            out += fmt::format(
                "{}\n{{\"id\":{},\"loan_id\":{},\"customer_id\":{},\"owner\":{},\"state\":\"{}\",\"plan_type\":\"{}\","
                "\"start_date\":\"{}\",\"instalments\":{},\"first_instalment\":{},\"largest_instalment\":{},"
                "\"total_paid\":{},\"total_interest\":{},\"waived\":{},\"recovery_bp\":{},\"supervisor_needed\":{},"
                "\"adherence\":\"{}\",\"days_late\":{},\"updated_at\":\"{}\"}}",
                first ? "" : ",", row.id, jsonText(row.loanBankId), jsonText(row.borrowerBankId), jsonText(row.owner),
                stateCode, app::planKindCode(plan->kind), start, f.months, f.firstInstalment.fen,
                f.largestInstalment.fen, f.totalPaid.fen, f.totalInterest.fen, f.waived.fen, f.recoveryBasisPoints,
                row.supervisorNeeded ? "true" : "false", adherenceCode(row.adherence), row.daysLate, row.updatedAt);
        } else {
            out +=
                fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", row.id, csvText(row.loanBankId),
                            csvText(row.borrowerBankId), csvText(row.owner), stateCode, app::planKindCode(plan->kind),
                            start, f.months, f.firstInstalment.fen, f.largestInstalment.fen, f.totalPaid.fen,
                            f.totalInterest.fen, f.waived.fen, f.recoveryBasisPoints, row.supervisorNeeded ? 1 : 0,
                            adherenceCode(row.adherence), row.daysLate, row.updatedAt);
        }
        first = false;
    }
    if (json) out += first ? "]\n" : "\n]\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace doorstep::cli
