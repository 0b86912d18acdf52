#include "gui/auto_assign_dialog.h"

#include "gui/error_text.h"
#include "gui/qt_text.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <set>

namespace doorstep::gui {

AutoAssignDialog::AutoAssignDialog(app::Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("AutoAssignDialog"));
    setWindowTitle(tr("Assign the visit queue automatically"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_officers = new QListWidget(this);
    m_officers->setObjectName(QStringLiteral("dutyOfficers"));
    const app::ScreeningService service(session);
    m_staffNames = service.staffNames();
    const auto& staff = m_staffNames;
    const auto displayName = [&staff](const std::string& username) {
        const auto it = staff.find(username);
        return toQString(it != staff.end() && !it->second.empty() ? it->second : username);
    };
    if (auto names = service.officers()) {
        for (const auto& name : *names) {
            auto* item = new QListWidgetItem(displayName(name), m_officers);
            item->setData(Qt::UserRole, toQString(name));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_officers->setMaximumHeight(140);
    form->addRow(tr("Officers on duty:"), m_officers);
    m_capacity = new QSpinBox(this);
    m_capacity->setObjectName(QStringLiteral("capacity"));
    m_capacity->setRange(1, 1000);
    // The branch's realistic caseload per officer (setting assignment.capacity_per_officer, 40 by default).
    m_capacity->setValue(service.capacityPerOfficer());
    m_capacity->setSuffix(tr(" cases each"));
    form->addRow(tr("&Capacity:"), m_capacity);
    m_reassignAll = new QCheckBox(tr("Al&so move open cases that already have an officer"), this);
    form->addRow(m_reassignAll);
    layout->addLayout(form);
    auto* proposeButton = new QPushButton(tr("&Propose"), this);
    proposeButton->setObjectName(QStringLiteral("proposeButton"));
    layout->addWidget(proposeButton, 0, Qt::AlignLeft);
    m_loads = new QTableWidget(0, 4, this);
    m_loads->setObjectName(QStringLiteral("proposalTable"));
    m_loads->setHorizontalHeaderLabels({tr("Officer"), tr("Cases"), tr("Weight"), tr("Districts")});
    m_loads->verticalHeader()->hide();
    m_loads->horizontalHeader()->setStretchLastSection(true);
    m_loads->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_loads, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("proposalSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(proposeButton, &QPushButton::clicked, this, &AutoAssignDialog::propose);
    connect(m_applyButton, &QPushButton::clicked, this, &AutoAssignDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, 560);
}

void AutoAssignDialog::propose()
{
    std::vector<std::string> onDuty;
    for (int i = 0; i < m_officers->count(); ++i) {
        if (m_officers->item(i)->checkState() == Qt::Checked)
            onDuty.push_back(toStd(m_officers->item(i)->data(Qt::UserRole).toString()));
    }
    auto proposal =
        app::ScreeningService(m_session).proposeAssignment(onDuty, m_capacity->value(), m_reassignAll->isChecked());
    m_proposal.reset();
    m_applyButton->setEnabled(false);
    m_loads->setRowCount(0);
    if (!proposal) {
        m_summary->setText(errorText(proposal.error()));
        return;
    }
    // Districts per officer once the proposal is applied: current officers, overridden by the proposal.
    std::map<std::string, std::set<std::string>> districts;
    if (auto items = app::ScreeningService(m_session).queue({})) {
        std::map<std::int64_t, std::pair<std::string, std::string>> caseOf;  // id → officer, district
        for (const auto& i : *items) {
            if (i.state != QueueState::Dismissed) caseOf[i.borrowerRowId] = {i.officer, i.district};
        }
        for (const auto& a : proposal->assignments)
            caseOf[a.caseId].first = a.officer;
        for (const auto& [id, c] : caseOf) {
            if (!c.first.empty()) districts[c.first].insert(c.second);
        }
    }
    for (const OfficerLoad& load : proposal->resultingLoads) {
        const int row = m_loads->rowCount();
        m_loads->insertRow(row);
        m_loads->setItem(row, 0,
                         new QTableWidgetItem(m_staffNames.contains(load.officer)
                                                  ? toQString(m_staffNames.at(load.officer))
                                                  : toQString(load.officer)));
        m_loads->setItem(row, 1, new QTableWidgetItem(QStringLiteral("%1 / %2").arg(load.cases).arg(load.capacity)));
        m_loads->setItem(row, 2, new QTableWidgetItem(QString::number(load.weight)));
        m_loads->setItem(row, 3, new QTableWidgetItem(QString::number(districts[load.officer].size())));
    }
    m_summary->setText(tr("%Ln case(s) to assign.", nullptr, static_cast<int>(proposal->assignments.size())) +
                       (proposal->unassigned.empty()
                            ? QString()
                            : tr(" %Ln case(s) do not fit anyone's capacity and stay unassigned.", nullptr,
                                 static_cast<int>(proposal->unassigned.size()))));
    m_proposal = std::move(*proposal);
    m_applyButton->setEnabled(!m_proposal->assignments.empty());
}

void AutoAssignDialog::apply()
{
    if (!m_proposal) return;
    if (auto r = app::ScreeningService(m_session).applyAssignment(*m_proposal); !r) {
        m_summary->setText(errorText(r.error()));
        return;
    }
    accept();
}

}  // namespace doorstep::gui
