#pragma once
// Administration: users (add, disable, remove, role, password reset), the branch's delinquency rules and
// the audit trail.
#include "gui/shared/workspace.h"

#include <QWidget>

class QTableView;
class QPushButton;
class QLabel;

namespace doorstep::gui {

class UserTableModel;
class AuditTableModel;

class AdminPage final : public QWidget {
    Q_OBJECT
public:
    explicit AdminPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    // Writes the whole audit trail as a PDF at `path`, in the words of the table on screen; says how it went.
    void exportAuditTo(const QString& path);

private:
    const User* selectedUser() const;
    void updateButtons();
    void addUser();
    void toggleDisabled();
    void setRole(Role role);
    void resetPassword();
    void removeUser();
    void verifyAudit();
    void exportAudit();
    void editDelinquencySettings();
    void editPlanSettings();
    void offerRecompute();
    void showResult(const Result<void>& result, const QString& success);

    Workspace& m_workspace;
    app::Session& m_session;
    UserTableModel* m_users = nullptr;
    AuditTableModel* m_audit = nullptr;
    QTableView* m_userView = nullptr;
    QTableView* m_auditView = nullptr;
    QPushButton* m_disableButton = nullptr;
    QPushButton* m_roleButton = nullptr;
    QPushButton* m_resetButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLabel* m_auditLabel = nullptr;
};

}  // namespace doorstep::gui
