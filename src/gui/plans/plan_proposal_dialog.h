#pragma once
// A repayment-plan proposal for one loan (issue 12): the household's budget, two to four options side by
// side with their figures, affordability and approval need, Doorstep's suggestion and why; the officer saves
// the chosen option as a draft or submits it.
#include "app/plans/plan_service.h"

#include <QDialog>
#include <QString>
#include <memory>
#include <optional>

namespace Ui {
class PlanProposalDialog;
}

namespace doorstep::gui {

class PlanProposalDialog final : public QDialog {
    Q_OBJECT
public:
    // The plan types an option row offers.
    enum class OptionType { EqualInstalment, EqualPrincipal, GraceInterestOnly, GraceNoPayment, Extension, Settlement };
    // Columns of the options table.
    enum OptionColumn { TypeColumn, MonthsColumn, GraceColumn, WaiveColumn, DiscountColumn, SettlementColumn };

    PlanProposalDialog(app::Session& session, std::int64_t loanRowId, QWidget* parent = nullptr);
    // Revising a stored draft or returned proposal: its household budget and start are filled in, and the
    // chosen option replaces its terms (PlanService::revise).
    PlanProposalDialog(app::Session& session, const app::ProposalRow& proposal, QWidget* parent = nullptr);
    ~PlanProposalDialog() override;
    PlanProposalDialog(const PlanProposalDialog&) = delete;
    PlanProposalDialog& operator=(const PlanProposalDialog&) = delete;

    // For tests and the buttons: set one option row's values (an empty QString leaves the discount alone).
    void setOption(int row, OptionType type, int months, int graceMonths, bool waive, const QString& discountYuan = {},
                   int settlementInstalments = 1);
    int optionCount() const;
    void addOption();
    void removeOption();
    bool compare();  // false when an input is wrong (the dialog says which)
    // Saves the chosen option (0-based) as a draft, then submits it when asked; the proposal's id.
    std::optional<std::int64_t> propose(int option, bool submit);
    std::optional<std::int64_t> proposalId() const { return m_proposalId; }
    const std::optional<app::Comparison>& comparison() const { return m_comparison; }
    // Where the income and expenses shown came from: a visit note, the core-banking extract, the proposal being
    // revised, or typed into the form.
    QString incomeSourceText() const { return m_incomeSource; }
    QString expensesSourceText() const { return m_expensesSource; }

private:
    void setUpOptionRow(int row);
    std::optional<PlanTerms> termsFor(int row);
    std::optional<Household> household();
    void showComparison();
    void showError(const QString& text);
    void showHouseholdSources();
    std::unique_ptr<Ui::PlanProposalDialog> m_ui;
    app::Session& m_session;
    std::optional<app::PlanCase> m_case;
    std::optional<app::Comparison> m_comparison;
    std::vector<PlanTerms> m_compared;  // the terms of the comparison shown
    Household m_comparedHousehold;
    std::optional<std::int64_t> m_proposalId;
    QString m_incomeSource;
    QString m_expensesSource;
};

}  // namespace doorstep::gui
