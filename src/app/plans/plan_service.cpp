#include "app/plans/plan_service.h"

#include "app/shared/use_case.h"
#include "domain/shared/masking.h"
#include "storage/portfolio/loan_status_repository.h"
#include "storage/screening/screening_repository.h"
#include "storage/visits/visit_note_repository.h"

#include <algorithm>

namespace doorstep::app {
namespace {

constexpr std::size_t kMaxCommentBytes = 2000;
constexpr std::string_view kRecordType = "plan_proposal";

std::string_view auditAction(ProposalMove move)
{
    switch (move) {
    case ProposalMove::Submit: return "plan.submit";
    case ProposalMove::Approve: return "plan.approve";
    case ProposalMove::Return: return "plan.return";
    case ProposalMove::Revise: return "plan.revise";
    case ProposalMove::RecordAcceptance: return "plan.accept";
    case ProposalMove::Activate: return "plan.activate";
    case ProposalMove::MarkKept: return "plan.kept";
    case ProposalMove::MarkBroken: return "plan.broken";
    case ProposalMove::Withdraw: return "plan.withdraw";
    }
    return "plan.move";
}

Result<void> validateHousehold(const Household& h)
{
    if (h.monthlyIncome.fen < 0 || h.monthlyExpenses.fen < 0 || h.lumpSum.fen < 0)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.household_negative"});
    if (h.monthlyIncome > kMaxPlanAmount || h.monthlyExpenses > kMaxPlanAmount || h.lumpSum > kMaxPlanAmount)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.amount_too_large"},
                    {MessageArg::money("max", kMaxPlanAmount)});
    return {};
}

Result<void> validateComment(const std::string& comment)
{
    if (comment.size() > kMaxCommentBytes) return fail(ErrorCode::InvalidInput, MessageId{"plan.comment_too_long"});
    return {};
}

Household householdOf(const ProposalRow& row)
{
    return Household{row.monthlyIncome, row.monthlyExpenses, row.lumpSum};
}

Result<PlanCase> planCaseIn(const storage::Connection& db, std::int64_t loanRowId, const Session& session)
{
    const auto loan = storage::PlanRepository(db).loan(loanRowId);
    if (!loan) return fail(ErrorCode::NotFound, MessageId{"plan.loan_not_found"});
    if (!session.can(Permission::ViewAllCases) && loan->officer != session.user().username)
        return fail(ErrorCode::PermissionDenied, MessageId{"plan.not_your_case"});
    if (!loan->hasStatus) return fail(ErrorCode::Conflict, MessageId{"plan.no_status"});
    PlanCase c;
    c.loanRowId = loan->loanRowId;
    c.borrowerRowId = loan->borrowerRowId;
    c.loanId = loan->loanBankId;
    c.officer = loan->officer;
    c.asOf = parseIsoDate(loan->asOf).value_or(Date{});
    c.debt = loan->debt;
    c.rate = loan->rate;
    c.method = loan->method == RepaymentMethod::EqualPrincipal ? RepaymentMethod::EqualPrincipal
                                                               : RepaymentMethod::EqualInstalment;
    c.remainingMonths = loan->instalmentsAfterAsOf;
    c.household = Household{loan->monthlyIncome, loan->monthlyExpenses, Money{}};
    // What the household stated at the latest visit is fresher than the extract; per figure, the extract fills in.
    if (const auto stated = storage::VisitNoteRepository(db).latestStatedHousehold(c.borrowerRowId)) {
        const FigureSource note{stated->noteId, stated->visitDate};
        if (stated->monthlyIncome) {
            c.household.monthlyIncome = *stated->monthlyIncome;
            c.incomeSource = note;
        }
        if (stated->monthlyExpenses) {
            c.household.monthlyExpenses = *stated->monthlyExpenses;
            c.expensesSource = note;
        }
    }
    return c;
}

}  // namespace

Result<Plan> planOf(const ProposalRow& row)
{
    return buildPlan(row.debt, row.terms);
}

bool restructures(const ProposalRow& row)
{
    if (row.state != ProposalState::Active && row.state != ProposalState::Kept && row.state != ProposalState::Broken)
        return false;
    const auto plan = planOf(row);
    return plan && !(plan->kind == PlanKind::Settlement && plan->instalments.size() == 1);
}

std::unordered_map<std::int64_t, ObservationPeriod> observationPeriods(const storage::Connection& db)
{
    std::unordered_map<std::int64_t, ObservationPeriod> periods;
    const int months = loadPlanSettings(db).observationMonths;
    const storage::LoanStatusRepository statuses(db);
    for (const ProposalRow& row : storage::PlanRepository(db).list({})) {  // newest first: the first one counts
        if (periods.contains(row.loanRowId) || !restructures(row)) continue;
        const Date start = row.terms.start;
        periods.emplace(row.loanRowId,
                        ObservationPeriod{start, addMonthsClamped(start, months),
                                          statuses.riskClassBefore(row.loanRowId, start).value_or(RiskClass::Normal)});
    }
    return periods;
}

void storeMove(const storage::Connection& db, ProposalRow& row, ProposalMove move, ProposalState to,
               const std::string& actor, const std::string& at, const std::string& comment)
{
    storage::PlanRepository repo(db);
    repo.addMove({row.id, move, row.state, to, actor, at, comment});
    row.state = to;
    row.updatedAt = at;
    repo.update(row);
}

void setPlanBeingKept(const storage::Connection& db, std::int64_t borrowerRowId, bool kept)
{
    storage::ScreeningRepository repo(db);
    CaseFlags flags = repo.flags(borrowerRowId);
    if (flags.planBeingKept == kept) return;
    flags.planBeingKept = kept;
    repo.setFlags(borrowerRowId, flags);
}

Result<PlanCase> PlanService::planCase(std::int64_t loanRowId) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    return planCaseIn(m_session.database().connection(), loanRowId, m_session);
}

Result<Comparison> PlanService::compare(const PlanCase& planCase, std::span<const PlanTerms> options,
                                        const Household& household) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    if (options.size() < 2 || options.size() > 4)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.options_count"},
                    {MessageArg::number("count", static_cast<std::int64_t>(options.size()))});
    if (auto r = validateHousehold(household); !r) return std::unexpected(r.error());
    const PlanSettings settings = loadPlanSettings(m_session.database().connection());
    std::vector<ComparedOption> compared;
    std::vector<PlanOptionSummary> summaries;
    for (const PlanTerms& terms : options) {
        ComparedOption o{buildPlan(planCase.debt, terms), {}, {}};
        if (o.plan) {
            o.summary = {planFigures(*o.plan), assessAffordability(*o.plan, household, settings.affordability)};
            o.approval = approvalNeed(*o.plan, settings.authority);
        }
        summaries.push_back(o.summary);  // a refused option: not affordable, never suggested
        compared.push_back(std::move(o));
    }
    return Comparison{std::move(compared), suggestPlan(summaries, settings.affordability)};
}

Result<std::int64_t> PlanService::create(const ProposalDraft& draft)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<std::int64_t> {
        auto planCase = planCaseIn(uc.db(), draft.loanRowId, m_session);
        if (!planCase) return std::unexpected(planCase.error());
        if (auto r = validateHousehold(draft.household); !r) return std::unexpected(r.error());
        if (auto plan = buildPlan(planCase->debt, draft.terms); !plan) return std::unexpected(plan.error());
        ProposalRow row;
        row.borrowerRowId = planCase->borrowerRowId;
        row.loanRowId = planCase->loanRowId;
        row.owner = m_session.user().username;
        row.state = ProposalState::Draft;
        row.debt = planCase->debt;
        row.terms = draft.terms;
        row.monthlyIncome = draft.household.monthlyIncome;
        row.monthlyExpenses = draft.household.monthlyExpenses;
        row.lumpSum = draft.household.lumpSum;
        row.createdAt = m_session.now();
        row.updatedAt = row.createdAt;
        const std::int64_t id = storage::PlanRepository(uc.db()).insert(row);
        uc.audit("plan.create", kRecordType, std::to_string(id));
        uc.changed({Change::What::Plans});
        uc.changed({Change::What::Case, planCase->borrowerRowId});
        return id;
    });
}

Result<void> PlanService::revise(std::int64_t proposalId, const ProposalDraft& draft)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<void> {
        auto row = visible(uc.db(), proposalId);
        if (!row) return std::unexpected(row.error());
        const Actor actor = actorFor(*row);
        if (row->state == ProposalState::Draft) {
            // Changing a draft is no move, but only its owner may: the same rule as revising.
            if (!actor.owns) return fail(ErrorCode::PermissionDenied, MessageId{"plan.not_owner"});
        } else {
            auto next = moveProposal(row->state, ProposalMove::Revise, actor);
            if (!next) return std::unexpected(next.error());
            storeMove(uc.db(), *row, ProposalMove::Revise, *next, m_session.user().username, m_session.now(), "");
        }
        if (draft.loanRowId != 0 && draft.loanRowId != row->loanRowId)
            return fail(ErrorCode::InvalidInput, MessageId{"plan.other_loan"});
        auto planCase = planCaseIn(uc.db(), row->loanRowId, m_session);
        if (!planCase) return std::unexpected(planCase.error());
        if (auto r = validateHousehold(draft.household); !r) return r;
        if (auto plan = buildPlan(planCase->debt, draft.terms); !plan) return std::unexpected(plan.error());
        row->debt = planCase->debt;
        row->terms = draft.terms;
        row->monthlyIncome = draft.household.monthlyIncome;
        row->monthlyExpenses = draft.household.monthlyExpenses;
        row->lumpSum = draft.household.lumpSum;
        row->updatedAt = m_session.now();
        storage::PlanRepository(uc.db()).update(*row);
        uc.audit("plan.revise", kRecordType, std::to_string(proposalId));
        uc.changed({Change::What::Plans});
        return {};
    });
}

Result<ProposalState> PlanService::submit(std::int64_t proposalId)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<ProposalState> {
        auto row = visible(uc.db(), proposalId);
        if (!row) return std::unexpected(row.error());
        auto plan = planOf(*row);
        if (!plan) return std::unexpected(plan.error());
        const PlanSettings settings = loadPlanSettings(uc.db());
        const ApprovalNeed need = approvalNeed(*plan, settings.authority);
        const Actor actor = actorFor(*row);
        auto submitted = moveProposal(row->state, ProposalMove::Submit, actor);
        if (!submitted) return std::unexpected(submitted.error());
        auto result = submitProposal(row->state, actor, need.supervisorNeeded);
        if (!result) return std::unexpected(result.error());
        const std::string now = m_session.now();
        row->supervisorNeeded = need.supervisorNeeded;
        row->supervisorComment.clear();
        storeMove(uc.db(), *row, ProposalMove::Submit, *submitted, m_session.user().username, now, "");
        uc.audit("plan.submit", kRecordType, std::to_string(proposalId));
        if (*result != *submitted) {
            // Within the officer's authority: Doorstep approves at once, as its own audited move.
            storeMove(uc.db(), *row, ProposalMove::Approve, *result, "doorstep", now, "");
            uc.audit("plan.auto_approve", kRecordType, std::to_string(proposalId));
        }
        uc.changed({Change::What::Plans});
        return *result;
    });
}

Result<void> PlanService::simpleMove(std::int64_t proposalId, ProposalMove move, Permission permission,
                                     const std::string& comment)
{
    return runUseCase(m_session, permission, [&](UseCase& uc) -> Result<void> {
        if (auto r = validateComment(comment); !r) return r;
        auto row = visible(uc.db(), proposalId);
        if (!row) return std::unexpected(row.error());
        auto next = moveProposal(row->state, move, actorFor(*row));
        if (!next) return std::unexpected(next.error());
        if (move == ProposalMove::Approve || move == ProposalMove::Return) row->supervisorComment = comment;
        storeMove(uc.db(), *row, move, *next, m_session.user().username, m_session.now(), comment);
        // While the customer keeps the plan in force the case is excluded from screening (DOMAIN.md 4).
        if (*next == ProposalState::Active) {
            row->adherence = AdherenceStatus::OnTrack;
            row->daysLate = 0;
            storage::PlanRepository(uc.db()).update(*row);
            setPlanBeingKept(uc.db(), row->borrowerRowId, true);
            uc.changed({Change::What::Queue});
        }
        uc.audit(auditAction(move), kRecordType, std::to_string(proposalId));
        uc.changed({Change::What::Plans});
        uc.changed({Change::What::Case, row->borrowerRowId});
        return {};
    });
}

Result<void> PlanService::approve(std::int64_t proposalId, const std::string& comment)
{
    return simpleMove(proposalId, ProposalMove::Approve, Permission::ReviewWork, comment);
}

Result<void> PlanService::returnForChanges(std::int64_t proposalId, const std::string& comment)
{
    if (comment.empty()) return fail(ErrorCode::InvalidInput, MessageId{"plan.comment_needed"});
    return simpleMove(proposalId, ProposalMove::Return, Permission::ReviewWork, comment);
}

Result<void> PlanService::recordAcceptance(std::int64_t proposalId)
{
    return simpleMove(proposalId, ProposalMove::RecordAcceptance, Permission::WorkCases, "");
}

Result<void> PlanService::activate(std::int64_t proposalId)
{
    return simpleMove(proposalId, ProposalMove::Activate, Permission::ReviewWork, "");
}

Result<void> PlanService::withdraw(std::int64_t proposalId, const std::string& comment)
{
    return simpleMove(proposalId, ProposalMove::Withdraw, Permission::WorkCases, comment);
}

Result<std::vector<ProposalRow>> PlanService::list(std::optional<ProposalState> state) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    storage::ProposalQuery query;
    query.state = state;
    // Officers see their own proposals, supervisors all.
    if (!m_session.can(Permission::ViewAllCases)) query.owner = m_session.user().username;
    return storage::PlanRepository(m_session.database().connection()).list(query);
}

Result<Proposal> PlanService::proposal(std::int64_t proposalId) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    auto row = visible(db, proposalId);
    if (!row) return std::unexpected(row.error());
    auto plan = planOf(*row);
    if (!plan) return std::unexpected(plan.error());
    const PlanSettings settings = loadPlanSettings(db);
    Proposal p;
    p.summary = {planFigures(*plan), assessAffordability(*plan, householdOf(*row), settings.affordability)};
    p.approval = approvalNeed(*plan, settings.authority);
    p.plan = std::move(*plan);
    p.moves = storage::PlanRepository(db).moves(proposalId);
    p.row = std::move(*row);
    return p;
}

Result<PlanLetterFacts> PlanService::letterFacts(std::int64_t proposalId)
{
    auto p = proposal(proposalId);
    if (!p) return std::unexpected(p.error());
    const ProposalState s = p->row.state;
    if (s == ProposalState::Draft || s == ProposalState::Submitted || s == ProposalState::Returned ||
        s == ProposalState::Withdrawn)
        return fail(ErrorCode::Conflict, MessageId{"plan.letter_state"},
                    {MessageArg::ref("state", proposalStateName(s))});
    const auto& db = m_session.database().connection();
    const auto who = storage::PlanRepository(db).identity(p->row.borrowerRowId);
    if (!who) return fail(ErrorCode::NotFound, MessageId{"plan.loan_not_found"});
    const PlanSettings settings = loadPlanSettings(db);
    PlanLetterFacts f;
    const bool lumpSum = p->plan.kind == PlanKind::Settlement && p->plan.instalments.size() == 1;
    f.observationMonths = lumpSum ? 0 : settings.observationMonths;
    f.brokenAfterDays = settings.adherence.brokenAfterDays;
    f.customerName = who->first;
    f.maskedIdNumber = maskIdNumber(who->second);
    const User& me = m_session.user();
    f.printedBy = me.displayName.empty() ? me.username : me.displayName;
    const auto today = std::chrono::floor<std::chrono::days>(m_session.clock().now() + std::chrono::hours{8});
    f.printedOn = Date{today};  // Asia/Shanghai is UTC+8 all year
    f.proposal = std::move(*p);
    // Who printed whose letter: the proposal's id, nothing personal.
    m_session.audit("plan.print", kRecordType, std::to_string(proposalId));
    return f;
}

Result<std::optional<Restructuring>> PlanService::restructuring(std::int64_t borrowerRowId,
                                                                std::int64_t loanRowId) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    const auto& db = m_session.database().connection();
    storage::ProposalQuery query;
    query.borrowerRowId = borrowerRowId;  // every officer's: the loan's class concerns whoever opens the case
    for (const ProposalRow& row : storage::PlanRepository(db).list(query)) {  // newest first
        if (row.loanRowId != loanRowId || !restructures(row)) continue;
        const int months = loadPlanSettings(db).observationMonths;
        return Restructuring{row.id, row.terms.start, months, addMonthsClamped(row.terms.start, months)};
    }
    return std::optional<Restructuring>{};
}

std::vector<ProposalMove> PlanService::allowedMoves(const ProposalRow& row) const
{
    std::vector<ProposalMove> moves = allowedProposalMoves(row.state, actorFor(row));
    // Doorstep's own moves (kept, broken) are never a person's button.
    std::erase_if(moves, [](ProposalMove m) { return m == ProposalMove::MarkKept || m == ProposalMove::MarkBroken; });
    return moves;
}

Actor PlanService::actorFor(const ProposalRow& row) const
{
    const User& u = m_session.user();
    return Actor::person(u.role, row.owner == u.username);
}

Result<ProposalRow> PlanService::visible(const storage::Connection& db, std::int64_t proposalId) const
{
    auto row = storage::PlanRepository(db).find(proposalId);
    if (!row) return fail(ErrorCode::NotFound, MessageId{"plan.not_found"});
    // An officer's proposals are theirs alone; to anyone else they do not exist.
    if (!m_session.can(Permission::ViewAllCases) && row->owner != m_session.user().username)
        return fail(ErrorCode::NotFound, MessageId{"plan.not_found"});
    return std::move(*row);
}

}  // namespace doorstep::app
