#pragma once
// Automatic assignment of the visit queue: choose who is on duty and how many cases each can take, see the
// proposal (cases and weight per officer, and every case whose officer would change), keep or release the
// cases assigned by hand, apply it after a confirmation, or undo the last run.
#include "app/screening/screening_service.h"

#include <QDialog>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace Ui {
class AutoAssignDialog;
}

namespace doorstep::gui {

class AutoAssignDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AutoAssignDialog(app::Session& session, QWidget* parent = nullptr);
    ~AutoAssignDialog() override;
    AutoAssignDialog(const AutoAssignDialog&) = delete;
    AutoAssignDialog& operator=(const AutoAssignDialog&) = delete;

    void propose();
    void apply();     // asks for confirmation with the number of changes
    void undoLast();  // asks for confirmation
    const std::optional<AssignmentProposal>& proposal() const { return m_proposal; }
    int appliedChanges() const { return m_applied; }
    const std::optional<app::AssignmentUndoSummary>& undone() const { return m_undone; }

    // The columns of the changes table.
    enum ChangeColumn { Release, Customer, Name, District, From, To, Origin, ChangeColumnCount };

private:
    QString staffName(const std::string& username) const;
    QString originText(const app::QueueItem& item) const;
    void fillLoads();
    void fillChanges();
    void releaseToggled(int row, int column);
    void showLastRun();

    app::Session& m_session;
    std::unique_ptr<Ui::AutoAssignDialog> m_ui;
    std::optional<AssignmentProposal> m_proposal;
    std::map<std::int64_t, app::QueueItem> m_items;   // the queue the proposal was made from
    std::set<std::int64_t> m_released;                // manual assignments the supervisor lets move
    std::map<std::string, std::string> m_staffNames;  // display names by user name
    int m_applied = 0;
    std::optional<app::AssignmentUndoSummary> m_undone;
    bool m_filling = false;
};

}  // namespace doorstep::gui
