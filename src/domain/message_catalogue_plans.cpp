// The words of the repayment plans: the calculators' refusals, the comparison's suggestion, the officer's
// authority limits and the proposal's workflow.
#include "domain/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> planMessages()
{
    static constexpr std::array<MessageText, 59> rows{{
        // The calculators (plan_schedule.h).
        {"plan.amount_negative", "An amount cannot be negative.", "金额不能为负数。"},
        {"plan.amount_too_large", "The amount is above the largest a plan can handle ({max}).",
         "金额超过还款方案可处理的上限（{max}）。"},
        {"plan.waiver_above_owed", "The {what} waived ({amount}) is more than is owed ({owed}).",
         "减免的{what}（{amount}）超过了应还金额（{owed}）。"},
        {"plan.word.penalty", "penalty interest", "罚息"},
        {"plan.word.compound", "compound interest", "复利"},
        {"plan.nothing_to_repay", "Nothing is left to repay after the waiver.", "减免后已无需还款。"},
        {"plan.method", "A plan repays as equal instalments or as equal principal.",
         "还款方案仅支持等额本息或等额本金。"},
        {"plan.rate_range", "The interest rate must be from 0% to 1000% a year.", "年利率须在 0% 至 1000% 之间。"},
        {"plan.term_range", "The term must be from 1 to {max} months, grace period included, not {months}.",
         "期限须为 1 至 {max} 个月（含宽限期），不能为 {months} 个月。"},
        {"plan.extension_range",
         "The extension must be 1 to {max} months and the months left on the contract 0 to {max}.",
         "展期须为 1 至 {max} 个月，合同剩余期限须为 0 至 {max} 个月。"},
        {"plan.settlement_instalments", "A settlement is paid in 1 to {max} instalments, not {count}.",
         "结清须分 1 至 {max} 期支付，不能为 {count} 期。"},
        {"plan.discount_range",
         "The settlement discount must be at least zero and less than the amount to settle ({amount}).",
         "结清优惠金额不能为负数，且须低于应结清金额（{amount}）。"},
        {"plan.term_too_long",
         "The amount is too small for {months} monthly instalments at this rate: rounded to the fen they would not "
         "add up within one instalment. Choose a shorter term.",
         "按此利率，金额相对于 {months} 期过小：各期金额取整到分后，差额将超过一期还款额。请缩短期限。"},
        {"plan.start_date", "The plan's start date is not a day of the calendar.", "方案起始日期无效。"},
        {"plan.kind.reamortisation", "re-amortisation", "重新约定还款计划"},
        {"plan.kind.grace_period", "grace period", "宽限期"},
        {"plan.kind.term_extension", "term extension", "展期"},
        {"plan.kind.settlement", "settlement", "结清"},
        // The comparison (plan_comparison.h).
        {"plan.affordability_limit", "The affordability limit must be 1% to 100% of disposable income, not {limit}%.",
         "可负担上限须为可支配收入的 1% 至 100%，不能为 {limit}%。"},
        {"plan.suggest.no_options", "There is no option to compare.", "没有可比较的方案。"},
        {"plan.suggest.no_income", "No option is affordable: the household has no disposable income.",
         "没有可负担的方案：该家庭没有可支配收入。"},
        {"plan.suggest.none_affordable",
         "No option is affordable: each asks more than {limit} of the household's disposable income in some month.",
         "没有可负担的方案：每个方案都有月还款额超过家庭可支配收入的 {limit}。"},
        {"plan.suggest.best",
         "Option {option} recovers the most of the affordable options: {recovered}, {recovery} of the amount owed. "
         "Its heaviest monthly payment, {instalment}, is {share} of the household's disposable income, within the "
         "{limit} limit.",
         "方案 {option} 在可负担的方案中回收最多：{recovered}，占当前应还总额的 {recovery}。其最高月还款额 "
         "{instalment} 占家庭可支配收入的 {share}，未超过 {limit} 的上限。"},
        {"plan.suggest.best_lump_sum",
         "Option {option} recovers the most of the affordable options: {recovered}, {recovery} of the amount owed, "
         "all of it from the sum the household can pay at once.",
         "方案 {option} 在可负担的方案中回收最多：{recovered}，占当前应还总额的 "
         "{recovery}，全部由该家庭可一次性支付的款项支付。"},
        // The officer's authority (plan_authority.h) and adherence (plan_adherence.h).
        {"plan.authority_negative", "An authority limit cannot be negative.", "审批权限金额不能为负数。"},
        {"plan.approval.waiver",
         "The waiver of {amount} is above the officer's limit of {limit}: a supervisor must approve it.",
         "减免金额 {amount} 超过催收专员的权限 {limit}，须由主管审批。"},
        {"plan.approval.discount",
         "The settlement discount of {amount} is above the officer's limit of {limit}: a supervisor must approve it.",
         "结清优惠 {amount} 超过催收专员的权限 {limit}，须由主管审批。"},
        {"plan.broken_after_range", "The days late after which a plan is broken must be 1 to 365, not {days}.",
         "判定方案未履约的逾期天数须为 1 至 365 天，不能为 {days} 天。"},
        // The proposal's workflow (plan_proposal_state.h).
        {"proposal.own_review", "You proposed this plan yourself: another supervisor must {move}.",
         "该方案由您本人提出，须由其他主管{move}。"},
        {"proposal.record", "repayment-plan proposal", "还款方案"},
        {"proposal.state.draft", "a draft", "草稿"},
        {"proposal.state.submitted", "submitted for approval", "待审批"},
        {"proposal.state.returned", "returned for changes", "已退回"},
        {"proposal.state.approved", "approved", "已批准"},
        {"proposal.state.accepted", "accepted by the customer", "客户已接受"},
        {"proposal.state.active", "in force", "执行中"},
        {"proposal.state.kept", "kept", "已履约"},
        {"proposal.state.broken", "broken", "未履约"},
        {"proposal.state.withdrawn", "withdrawn", "已撤回"},
        {"proposal.move.submit", "submit it for approval", "提交审批"},
        {"proposal.move.approve", "approve it", "审批通过"},
        {"proposal.move.return", "return it for changes", "退回修改"},
        {"proposal.move.revise", "revise it", "修改方案"},
        {"proposal.move.record_acceptance", "record the customer's acceptance", "登记客户接受"},
        {"proposal.move.activate", "put it into force", "使方案生效"},
        {"proposal.move.mark_kept", "mark it kept", "标记为已履约"},
        {"proposal.move.mark_broken", "mark it broken", "标记为未履约"},
        {"proposal.move.withdraw", "withdraw it", "撤回方案"},
        // The proposals' use cases (app/plan_service.h, app/plan_settings.h).
        {"plan.not_found", "The repayment-plan proposal does not exist.", "该还款方案不存在。"},
        {"plan.loan_not_found", "The loan does not exist.", "该贷款不存在。"},
        {"plan.not_your_case", "Only the case's officer or a supervisor may propose a plan for this loan.",
         "仅该案件的催收专员或主管可为此贷款制定还款方案。"},
        {"plan.no_status", "The loan has no delinquency state yet: import the extract or recompute first.",
         "该贷款尚无逾期状态，请先导入数据或重新计算。"},
        {"plan.not_owner", "Only the officer who drafted the proposal may change it.",
         "仅起草该方案的催收专员可修改。"},
        {"plan.other_loan", "A proposal stays with the loan it was drafted for.", "还款方案不能改为其他贷款。"},
        {"plan.options_count", "Compare two to four options, not {count}.", "请比较 2 至 4 个方案，而非 {count} 个。"},
        {"plan.household_negative", "Income, expenses and a lump sum cannot be negative.",
         "收入、支出和一次性还款金额不能为负数。"},
        {"plan.comment_needed", "Say in a few words what should change.", "请简要说明需要修改的内容。"},
        {"plan.comment_too_long", "The comment is too long.", "意见过长。"},
        {"plan.observation_range", "The observation period must be 1 to {max} months, not {months}.",
         "观察期须为 1 至 {max} 个月，而非 {months} 个月。"},
    }};
    return rows;
}

}  // namespace doorstep
