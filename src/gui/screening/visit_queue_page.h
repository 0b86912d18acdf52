#pragma once
// The Visit queue page: customers who need a home visit, in score order, each with the reasons that
// put them there; accept or dismiss (with a reason); supervisors assign, auto-assign, edit the rules
// and rerun screening.
#include "app/screening/screening_service.h"
#include "gui/shared/workspace.h"

#include <QWidget>
#include <memory>
#include <vector>

class QComboBox;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace doorstep::gui {

class VisitQueueModel;
class VisitQueueSortModel;

class VisitQueuePage final : public QWidget {
    Q_OBJECT
public:
    explicit VisitQueuePage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();  // reads the queue again (it changed), then shows what the filters pick
    void acceptSelected();
    void dismissSelected();
    void reopenSelected();
    void rerunScreening();  // in the window's background job; the page says so while it runs
    void editRules();
    void autoAssign();
    void logContact();  // with the selected customer (issue 10)
    VisitQueueModel* model() const { return m_model; }

Q_SIGNALS:
    void screeningFinished();  // a rerun ended (for tests)

private:
    void applyFilter();  // shows the entries of the queue read last that the filters pick
    void showDetail();
    void assignSelected(const QString& officer);
    std::int64_t selectedBorrower() const;
    const app::QueueItem* selectedItem() const;
    // The entry after the selected one (else the one before): where the selection goes once it is decided.
    std::int64_t neighbourOfSelected() const;
    void selectBorrower(std::int64_t borrowerRowId);
    void openCase();

    void showScreeningResult(const Result<app::ScreeningSummary>& summary);

    Workspace& m_workspace;
    app::Session& m_session;
    VisitQueueModel* m_model = nullptr;
    std::shared_ptr<const std::vector<app::QueueItem>> m_queue;  // every entry this user may see, dismissed too
    bool m_fitColumns = false;  // the queue was read again: fit the columns to it once shown
    VisitQueueSortModel* m_sorted = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_district = nullptr;
    QComboBox* m_bucket = nullptr;
    QComboBox* m_officer = nullptr;
    QCheckBox* m_unassigned = nullptr;
    QCheckBox* m_showDismissed = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_count = nullptr;       // how many customers the list shows
    QLabel* m_status = nullptr;      // what the last action did
    QLabel* m_refreshing = nullptr;  // shown while long work changes what the page shows
    QPushButton* m_accept = nullptr;
    QPushButton* m_dismiss = nullptr;
    QPushButton* m_reopen = nullptr;  // supervisors, on a dismissed case
    QPushButton* m_assign = nullptr;
    QPushButton* m_book = nullptr;  // a visit for an accepted entry (issue 10)
    QPushButton* m_logContact = nullptr;
};

}  // namespace doorstep::gui
