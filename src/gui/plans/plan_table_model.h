#pragma once
// The repayment-plan proposals of the Plans page, one row each, newest first.
#include "app/plans/plan_service.h"
#include "gui/shared/staff_names.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class PlanTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Number,
        Loan,
        Customer,
        Officer,
        State,
        Type,
        Instalments,
        Largest,
        TotalPaid,
        Adherence,
        Updated,
        ColumnCount
    };

    struct Row {
        app::ProposalRow proposal;
        PlanKind kind = PlanKind::Reamortisation;
        PlanFigures figures;
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(std::vector<Row> rows, StaffNames names);
    const Row* rowAt(int row) const;
    int rowOf(std::int64_t proposalId) const;  // -1 when not shown

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Row> m_rows;
    StaffNames m_names;
};

QString proposalStateText(ProposalState state);
QString adherenceText(const app::ProposalRow& row);

}  // namespace doorstep::gui
