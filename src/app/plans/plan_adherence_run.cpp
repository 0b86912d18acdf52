#include "app/plans/plan_adherence_run.h"

#include "app/plans/plan_service.h"
#include "app/plans/plan_settings.h"
#include "app/shared/logging.h"

#include <algorithm>

namespace doorstep::app {

PlanAdherenceSummary assessPlansInTransaction(Session& session, Date asOf)
{
    const auto& db = session.database().connection();
    storage::PlanRepository repo(db);
    const AdherenceSettings settings = loadPlanSettings(db).adherence;
    PlanAdherenceSummary summary;
    // Core banking has applied an accepted plan when the extract's schedule carries it: the loop closes and
    // the plan is in force from here on, as if a supervisor had confirmed it.
    storage::ProposalQuery accepted;
    accepted.state = ProposalState::Accepted;
    for (ProposalRow row : repo.list(accepted)) {
        const auto plan = planOf(row);
        if (!plan || !scheduleCarriesPlan(repo.instalments(row.loanRowId), plan->instalments)) continue;
        const auto next = moveProposal(row.state, ProposalMove::Activate, Actor::doorstep());
        if (!next) continue;
        storeMove(db, row, ProposalMove::Activate, *next, "doorstep", session.now(), "");
        row.adherence = AdherenceStatus::OnTrack;
        row.daysLate = 0;
        repo.update(row);
        setPlanBeingKept(db, row.borrowerRowId, true);
        session.audit("plan.activate", "plan_proposal", std::to_string(row.id));
        ++summary.activated;
    }
    storage::ProposalQuery inForce;
    inForce.state = ProposalState::Active;
    for (ProposalRow row : repo.list(inForce)) {
        const auto plan = planOf(row);
        if (!plan) {
            logger("app")->error("plan proposal {} in force cannot be recomputed; adherence skipped", row.id);
            continue;
        }
        ++summary.assessed;
        // The payments since the plan took effect; those before it went to the old schedule.
        std::vector<Payment> payments = repo.payments(row.loanRowId);
        std::erase_if(payments, [&](const Payment& p) { return p.paidOn < row.terms.start; });
        const Adherence a = assessAdherence(plan->instalments, payments, asOf, settings);
        row.adherence = a.status;
        row.daysLate = a.daysLate;
        row.assessedOn = formatIsoDate(asOf);
        repo.update(row);
        if (a.status == AdherenceStatus::Late) ++summary.late;
        const auto move = adherenceMove(a.status);
        if (!move) continue;
        const auto next = moveProposal(row.state, *move, Actor::doorstep());
        if (!next) continue;  // the table allows both from active; nothing else reaches here
        storeMove(db, row, *move, *next, "doorstep", session.now(), "");
        if (*move == ProposalMove::MarkBroken) {
            setPlanBeingKept(db, row.borrowerRowId, false);  // back to screening
            session.audit("plan.broken", "plan_proposal", std::to_string(row.id));
            ++summary.broken;
        } else {
            setPlanBeingKept(db, row.borrowerRowId, true);
            session.audit("plan.kept", "plan_proposal", std::to_string(row.id));
            ++summary.kept;
        }
    }
    if (summary.assessed > 0 || summary.activated > 0)
        logger("app")->info("plan adherence as of {}: {} put in force, {} in force, {} late, {} kept, {} broken",
                            formatIsoDate(asOf), summary.activated, summary.assessed, summary.late, summary.kept,
                            summary.broken);
    return summary;
}

}  // namespace doorstep::app
