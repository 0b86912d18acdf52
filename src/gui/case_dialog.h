#pragma once
// One borrower's case: who they are, their loans with schedule, payments and how the overdue amounts
// were computed, their credit record and contact persons. Read-only.
#include "app/portfolio_service.h"

#include <QDialog>

class QTabWidget;

namespace doorstep::gui {

class CaseDialog final : public QDialog {
    Q_OBJECT
public:
    CaseDialog(app::Session& session, app::BorrowerCase borrowerCase, QWidget* parent = nullptr);

private:
    QWidget* borrowerTab();
    QWidget* loanTab(const app::LoanDetail& loan);
    QWidget* contactsTab();
    QWidget* flagsBox(QWidget* parent);
    app::Session& m_session;
    app::BorrowerCase m_case;
};

}  // namespace doorstep::gui
