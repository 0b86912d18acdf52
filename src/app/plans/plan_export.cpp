#include "app/plans/plan_export.h"

#include "app/plans/plan_service.h"
#include "app/shared/use_case.h"
#include "io/shared/csv_writer.h"

#include <array>

namespace doorstep::app {
namespace {

constexpr std::array<std::string_view, 15> kHeader{
    "proposal_id", "loan_id",  "customer_id", "plan_type",      "effective_date",  "instalment", "due_date", "payment",
    "principal",   "interest", "balance",     "waived_penalty", "waived_compound", "discount",   "state"};

bool exportable(ProposalState s)
{
    return s == ProposalState::Approved || s == ProposalState::Accepted || s == ProposalState::Active;
}

}  // namespace

std::string_view planKindCode(PlanKind kind)
{
    switch (kind) {
    case PlanKind::Reamortisation: return "reamortisation";
    case PlanKind::GracePeriod: return "grace_period";
    case PlanKind::TermExtension: return "term_extension";
    case PlanKind::Settlement: return "settlement";
    }
    return "reamortisation";
}

std::string neutralisedCsvText(std::string_view field)
{
    if (!field.empty()) {
        switch (field.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r': return "'" + std::string(field);
        default: break;
        }
    }
    return std::string(field);
}

Result<PlanExportSummary> exportPlans(Session& session, const std::filesystem::path& path, ProposalState state)
{
    return runUseCase(session, Permission::ReviewWork, [&](UseCase& uc) -> Result<PlanExportSummary> {
        if (!exportable(state))
            return fail(ErrorCode::InvalidInput, MessageId{"plan.export_state"},
                        {MessageArg::ref("state", proposalStateName(state))});
        storage::ProposalQuery query;
        query.state = state;
        auto rows = storage::PlanRepository(uc.db()).list(query);
        auto writer = io::CsvWriter::create(path);
        if (!writer) return std::unexpected(writer.error());
        if (auto r = writer->write(kHeader); !r) return std::unexpected(r.error());
        PlanExportSummary summary;
        // Oldest first, so the file reads in the order the plans were made.
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
            const ProposalRow& row = *it;
            const auto plan = planOf(row);
            if (!plan) return std::unexpected(plan.error());
            const std::string id = std::to_string(row.id);
            const std::string loan = neutralisedCsvText(row.loanBankId);
            const std::string customer = neutralisedCsvText(row.borrowerBankId);
            const std::string start = formatIsoDate(row.terms.start);
            const std::string penalty = formatYuanPlain(row.terms.waiver.penalty);
            const std::string compound = formatYuanPlain(row.terms.waiver.compound);
            const std::string discount = formatYuanPlain(plan->discount);
            for (const PlanInstalment& i : plan->instalments) {
                const std::string number = std::to_string(i.sequence);
                const std::string due = formatIsoDate(i.dueDate);
                const std::string payment = formatYuanPlain(i.payment());
                const std::string principal = formatYuanPlain(i.principal);
                const std::string interest = formatYuanPlain(i.interest);
                const std::string balance = formatYuanPlain(i.balance);
                if (auto r = writer->write({id, loan, customer, planKindCode(plan->kind), start, number, due, payment,
                                            principal, interest, balance, penalty, compound, discount,
                                            codeOf(kProposalStateCodes, row.state)});
                    !r)
                    return std::unexpected(r.error());
                ++summary.instalments;
            }
            ++summary.plans;
        }
        if (auto r = writer->close(); !r) return std::unexpected(r.error());
        uc.audit("plan.export", "plans", std::to_string(summary.plans));
        return summary;
    });
}

}  // namespace doorstep::app
