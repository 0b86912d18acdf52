#pragma once
// One borrower's case: a summary (total overdue, worst DPD, bucket, class, officer, queue score and state),
// who they are, the timeline of contacts, promises, payments, queue decision and visits, their loans with
// schedule (opening at the first overdue instalment; paid and future ones collapsible), payments newest first
// and how the overdue amounts were computed, their credit record and contact persons. Read-only.
#include "app/cases/case_overview.h"
#include "app/portfolio/portfolio_service.h"

#include <QDialog>
#include <map>
#include <string>

class QTabWidget;
class QTableWidget;

namespace doorstep::gui {

class CaseDialog final : public QDialog {
    Q_OBJECT
public:
    CaseDialog(app::Session& session, app::BorrowerCase borrowerCase, QWidget* parent = nullptr);

private:
    QWidget* summaryHeader();
    QWidget* borrowerTab();
    QWidget* timelineTab();
    QWidget* loanTab(const app::LoanDetail& loan);
    QWidget* scheduleView(const app::LoanDetail& detail, QWidget* parent);
    QWidget* contactsTab();
    QWidget* flagsBox(QWidget* parent);
    app::Session& m_session;
    app::BorrowerCase m_case;
    std::map<std::string, std::string> m_staffNames;  // display names by user name
};

}  // namespace doorstep::gui
