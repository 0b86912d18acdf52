#pragma once
// The Portfolio page: every loan with its delinquency, filters, a search box, and the case view.
#include "gui/shared/workspace.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QCheckBox;
class QLabel;
class QTableView;

namespace doorstep::gui {

class PortfolioModel;

class PortfolioPage final : public QWidget {
    Q_OBJECT
public:
    explicit PortfolioPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();  // also by itself after an import or recompute (ChangeNotifier)
    PortfolioModel* model() const { return m_model; }

private:
    void applyFilter();
    void openCase(const QModelIndex& index);
    void fillChoices();

    app::Session& m_session;
    PortfolioModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_bucket = nullptr;
    QComboBox* m_class = nullptr;
    QComboBox* m_district = nullptr;
    QComboBox* m_product = nullptr;
    QComboBox* m_officer = nullptr;
    QLineEdit* m_search = nullptr;
    int m_sortColumn = 0;  // the last sortable column clicked, and its order
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QCheckBox* m_overdueOnly = nullptr;
    QCheckBox* m_leftBookOnly = nullptr;  // the loans no later extract held (DOMAIN.md section 3)
    QLabel* m_countLabel = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QTimer m_searchDelay;
};

}  // namespace doorstep::gui
