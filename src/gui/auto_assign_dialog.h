#pragma once
// Automatic assignment of the visit queue: choose who is on duty and how many cases each can take,
// see the proposal (cases and weight per officer, districts kept together), then apply it in one step.
#include "app/screening_service.h"

#include <QDialog>
#include <map>
#include <optional>
#include <string>

class QListWidget;
class QSpinBox;
class QCheckBox;
class QTableWidget;
class QLabel;
class QPushButton;

namespace doorstep::gui {

class AutoAssignDialog final : public QDialog {
    Q_OBJECT
public:
    AutoAssignDialog(app::Session& session, QWidget* parent = nullptr);
    void propose();
    void apply();
    const std::optional<AssignmentProposal>& proposal() const { return m_proposal; }

private:
    app::Session& m_session;
    QListWidget* m_officers = nullptr;
    QSpinBox* m_capacity = nullptr;
    QCheckBox* m_reassignAll = nullptr;
    QTableWidget* m_loads = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_applyButton = nullptr;
    std::optional<AssignmentProposal> m_proposal;
    std::map<std::string, std::string> m_staffNames;  // display names by user name
};

}  // namespace doorstep::gui
