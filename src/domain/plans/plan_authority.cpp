#include "domain/plans/plan_authority.h"

namespace doorstep {

Result<void> validateOfficerAuthority(const OfficerAuthority& authority)
{
    if (authority.waiverLimit < kZeroMoney || authority.discountLimit < kZeroMoney)
        return fail(ErrorCode::InvalidInput, MessageId{"plan.authority_negative"});
    return {};
}

ApprovalNeed approvalNeed(const Plan& plan, const OfficerAuthority& authority)
{
    ApprovalNeed need;
    if (plan.waivedInterest > authority.waiverLimit) {
        need.reasons.push_back(
            {MessageId{"plan.approval.waiver"},
             {MessageArg::money("amount", plan.waivedInterest), MessageArg::money("limit", authority.waiverLimit)}});
    }
    if (plan.discount > authority.discountLimit) {
        need.reasons.push_back(
            {MessageId{"plan.approval.discount"},
             {MessageArg::money("amount", plan.discount), MessageArg::money("limit", authority.discountLimit)}});
    }
    need.supervisorNeeded = !need.reasons.empty();
    return need;
}

}  // namespace doorstep
