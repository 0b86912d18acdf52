#pragma once
// The Plans page (issue 12): the repayment-plan proposals by state (officers: their own), the chosen one's
// schedule, history and any supervisor comment; the moves the current user may make (a supervisor approves
// or returns another officer's proposal; the Review area comes later) and the plan letter to print.
#include "app/plans/plan_service.h"
#include "domain/messages/message.h"
#include "gui/shared/staff_names.h"
#include "gui/shared/workspace.h"
#include "report/plan_letter.h"

#include <QWidget>
#include <map>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace doorstep::gui {

class PlanTableModel;

class PlansPage final : public QWidget {
    Q_OBJECT
public:
    explicit PlansPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    bool selectProposal(std::int64_t proposalId);
    // The move on the selected proposal; Return and Withdraw ask for a comment first (`comment` given: no
    // question, for tests).
    bool moveSelected(ProposalMove move, std::optional<QString> comment = std::nullopt);
    // Writes the selected proposal's letter; false (and says why) when it cannot.
    bool printLetter(const QString& path, Language language);
    // What printLetter writes for the selected proposal (none, having said why, when it cannot be printed).
    std::optional<report::PlanLetter> selectedLetter();
    // Opens the proposal dialog on the selected draft or returned proposal (its owner only).
    void reviseSelected();
    PlanTableModel* model() const { return m_model; }

private:
    void showDetail();
    void askAndPrint();
    std::int64_t selectedProposal() const;

    app::Session& m_session;
    PlanTableModel* m_model = nullptr;
    StaffNames m_names;
    QTableView* m_view = nullptr;
    QComboBox* m_state = nullptr;
    QComboBox* m_letterLanguage = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_status = nullptr;
    std::map<ProposalMove, QPushButton*> m_moveButtons;
    QPushButton* m_print = nullptr;
};

}  // namespace doorstep::gui
