#include "gui/screening/auto_assign_dialog.h"

#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_auto_assign_dialog.h"

#include <QHeaderView>
#include <QPushButton>
#include <algorithm>

namespace doorstep::gui {
namespace {

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    return item;
}

}  // namespace

AutoAssignDialog::AutoAssignDialog(app::Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_ui(std::make_unique<Ui::AutoAssignDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("AutoAssignDialog"));
    const app::ScreeningService service(session);
    m_staffNames = service.staffNames();
    if (auto names = service.officers()) {
        for (const auto& name : *names) {
            auto* item = new QListWidgetItem(staffName(name), m_ui->dutyOfficers);
            item->setData(Qt::UserRole, toQString(name));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    // The branch's realistic caseload per officer (setting assignment.capacity_per_officer, 40 by default).
    m_ui->capacity->setValue(service.capacityPerOfficer());

    m_ui->proposalTable->setColumnCount(4);
    m_ui->proposalTable->setHorizontalHeaderLabels({tr("Officer"), tr("Cases"), tr("Weight"), tr("Districts")});
    m_ui->proposalTable->verticalHeader()->hide();
    m_ui->proposalTable->horizontalHeader()->setStretchLastSection(true);

    m_ui->changesTable->setColumnCount(ChangeColumnCount);
    m_ui->changesTable->setHorizontalHeaderLabels({tr("Move"), tr("Customer no."), tr("Customer"), tr("District"),
                                                   tr("Officer now"), tr("Officer after"), tr("Assigned by")});
    m_ui->changesTable->verticalHeader()->hide();
    m_ui->changesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->changesTable->horizontalHeaderItem(Release)->setToolTip(
        tr("Tick a case assigned by hand to let the automatic assignment move it."));

    m_ui->lastRunLabel->setStyleSheet(Theme::secondaryTextStyle());
    auto* applyButton = m_ui->buttonBox->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    applyButton->setObjectName(QStringLiteral("applyButton"));
    applyButton->setEnabled(false);

    connect(m_ui->proposeButton, &QPushButton::clicked, this, &AutoAssignDialog::propose);
    connect(applyButton, &QPushButton::clicked, this, &AutoAssignDialog::apply);
    connect(m_ui->undoButton, &QPushButton::clicked, this, &AutoAssignDialog::undoLast);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->changesTable, &QTableWidget::cellChanged, this, &AutoAssignDialog::releaseToggled);
    // A changed choice makes the proposal shown out of date.
    const auto outdated = [this] {
        if (!m_proposal) return;
        m_proposal.reset();
        findChild<QPushButton*>(QStringLiteral("applyButton"))->setEnabled(false);
        m_ui->proposalSummary->setText(tr("The choices changed: propose again."));
    };
    connect(m_ui->dutyOfficers, &QListWidget::itemChanged, this, outdated);
    connect(m_ui->capacity, &QSpinBox::valueChanged, this, outdated);
    connect(m_ui->reassignAll, &QCheckBox::toggled, this, outdated);
    showLastRun();
}

AutoAssignDialog::~AutoAssignDialog() = default;

QString AutoAssignDialog::staffName(const std::string& username) const
{
    if (username.empty()) return tr("(unassigned)");
    const auto it = m_staffNames.find(username);
    return toQString(it != m_staffNames.end() && !it->second.empty() ? it->second : username);
}

QString AutoAssignDialog::originText(const app::QueueItem& item) const
{
    if (item.officer.empty()) return {};
    if (!item.assignmentOrigin) return tr("Core banking");
    if (*item.assignmentOrigin == AssignmentOrigin::Automatic) return tr("Automatic");
    return tr("By hand (%1)").arg(staffName(item.assignedBy));
}

void AutoAssignDialog::propose()
{
    std::vector<std::string> onDuty;
    for (int i = 0; i < m_ui->dutyOfficers->count(); ++i) {
        if (m_ui->dutyOfficers->item(i)->checkState() == Qt::Checked)
            onDuty.push_back(toStd(m_ui->dutyOfficers->item(i)->data(Qt::UserRole).toString()));
    }
    const app::ScreeningService service(m_session);
    auto* applyButton = findChild<QPushButton*>(QStringLiteral("applyButton"));
    m_proposal.reset();
    applyButton->setEnabled(false);
    m_items.clear();
    if (auto items = service.queue({})) {
        for (auto& i : *items)
            m_items.emplace(i.borrowerRowId, std::move(i));
    }
    auto proposal =
        service.proposeAssignment(onDuty, m_ui->capacity->value(), m_ui->reassignAll->isChecked(), m_released);
    if (!proposal) {
        m_ui->proposalTable->setRowCount(0);
        m_ui->changesTable->setRowCount(0);
        m_ui->proposalSummary->setText(errorText(proposal.error()));
        return;
    }
    m_proposal = std::move(*proposal);
    fillLoads();
    fillChanges();
    const int changes = static_cast<int>(m_proposal->changes.size());
    QString summary =
        changes == 0 ? tr("No case would change officer.") : tr("%Ln case(s) would change officer.", nullptr, changes);
    if (!m_proposal->unassigned.empty()) {
        summary = tr("%1 %2", "two sentences")
                      .arg(summary, tr("%Ln case(s) do not fit anyone's capacity and stay as they are.", nullptr,
                                       static_cast<int>(m_proposal->unassigned.size())));
    }
    m_ui->proposalSummary->setText(summary);
    applyButton->setEnabled(changes > 0);
}

void AutoAssignDialog::fillLoads()
{
    // Districts per officer once the proposal is applied: current officers, overridden by the proposal.
    std::map<std::int64_t, std::pair<std::string, std::string>> caseOf;  // id → officer, district
    for (const auto& [id, i] : m_items) {
        if (i.state != QueueState::Dismissed) caseOf[id] = {i.officer, i.district};
    }
    for (const auto& a : m_proposal->assignments)
        caseOf[a.caseId].first = a.officer;
    std::map<std::string, std::set<std::string>> districts;
    for (const auto& [id, c] : caseOf) {
        if (!c.first.empty()) districts[c.first].insert(c.second);
    }
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    m_ui->proposalTable->setRowCount(0);
    for (const OfficerLoad& load : m_proposal->resultingLoads) {
        const int row = m_ui->proposalTable->rowCount();
        m_ui->proposalTable->insertRow(row);
        m_ui->proposalTable->setItem(row, 0, cell(staffName(load.officer)));
        m_ui->proposalTable->setItem(row, 1, cell(tr("%L1 / %L2").arg(load.cases).arg(load.capacity), right));
        m_ui->proposalTable->setItem(row, 2, cell(QStringLiteral("%L1").arg(load.weight), right));
        m_ui->proposalTable->setItem(
            row, 3, cell(QStringLiteral("%L1").arg(static_cast<int>(districts[load.officer].size())), right));
    }
    m_ui->proposalTable->resizeColumnsToContents();
}

void AutoAssignDialog::fillChanges()
{
    m_filling = true;
    QTableWidget* table = m_ui->changesTable;
    table->setRowCount(0);
    const auto addRow = [&](const app::QueueItem& item, const std::string& to, bool manual, bool released) {
        const int row = table->rowCount();
        table->insertRow(row);
        auto* release = cell(QString());
        release->setData(Qt::UserRole, QVariant::fromValue(static_cast<qlonglong>(item.borrowerRowId)));
        if (manual) {
            release->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            release->setCheckState(released ? Qt::Checked : Qt::Unchecked);
        } else {
            release->setFlags(Qt::ItemIsEnabled);
        }
        table->setItem(row, Release, release);
        table->setItem(row, Customer, cell(toQString(item.borrowerId)));
        table->setItem(row, Name, cell(toQString(item.borrowerName)));
        table->setItem(row, District, cell(toQString(item.district)));
        table->setItem(row, From, cell(staffName(item.officer)));
        table->setItem(row, To, cell(to == item.officer ? tr("stays") : staffName(to)));
        table->setItem(row, Origin, cell(originText(item)));
    };
    // First the cases assigned by hand, kept or released, so the supervisor decides on them; then the others.
    std::map<std::int64_t, std::string> changeTo;
    for (const AssignmentChange& change : m_proposal->changes)
        changeTo.emplace(change.caseId, change.to);
    for (const bool manualRows : {true, false}) {
        for (const auto& [id, item] : m_items) {
            const bool manual = item.assignmentOrigin == AssignmentOrigin::Manual;
            if (manual != manualRows) continue;
            const auto to = changeTo.find(id);
            if (to != changeTo.end()) {
                addRow(item, to->second, manual, m_released.contains(id));
            } else if (manual && m_ui->reassignAll->isChecked() && item.state == QueueState::Open) {
                addRow(item, item.officer, true, m_released.contains(id));  // kept by hand
            }
        }
    }
    table->resizeColumnsToContents();
    m_filling = false;
}

void AutoAssignDialog::releaseToggled(int row, int column)
{
    if (m_filling || column != Release) return;
    const QTableWidgetItem* item = m_ui->changesTable->item(row, Release);
    if (!item || !(item->flags() & Qt::ItemIsUserCheckable)) return;
    const auto id = static_cast<std::int64_t>(item->data(Qt::UserRole).toLongLong());
    if (item->checkState() == Qt::Checked) {
        m_released.insert(id);
    } else {
        m_released.erase(id);
    }
    // Let the model's signal finish before the table is rebuilt.
    QMetaObject::invokeMethod(this, &AutoAssignDialog::propose, Qt::QueuedConnection);
}

void AutoAssignDialog::apply()
{
    if (!m_proposal || m_proposal->changes.empty()) return;
    const int changes = static_cast<int>(m_proposal->changes.size());
    if (!MessageBox::confirm(
            this, tr("Apply the automatic assignment"),
            tr("Change the officer of %Ln case(s)? The last automatic assignment can be undone.", nullptr, changes),
            tr("Apply")))
        return;
    auto applied = app::ScreeningService(m_session).applyAssignment(*m_proposal);
    if (!applied) {
        m_ui->proposalSummary->setText(errorText(applied.error()));
        return;
    }
    m_applied = *applied;
    accept();
}

void AutoAssignDialog::showLastRun()
{
    const auto run = app::ScreeningService(m_session).lastAssignmentRun();
    const bool undoable = run && run->has_value() && !(*run)->undone;
    m_ui->undoButton->setEnabled(undoable);
    if (!run || !run->has_value()) {
        m_ui->lastRunLabel->setText(tr("No automatic assignment has been applied yet."));
        return;
    }
    const auto& r = **run;
    QString text = tr("Last automatic assignment: %1 by %2, %Ln case(s) changed officer.", nullptr, r.changes)
                       .arg(timestampText(r.runAt), staffName(r.runBy));
    if (r.undone) text = tr("%1 %2", "two sentences").arg(text, tr("It has been undone."));
    m_ui->lastRunLabel->setText(text);
}

void AutoAssignDialog::undoLast()
{
    const auto run = app::ScreeningService(m_session).lastAssignmentRun();
    if (!run || !run->has_value() || (*run)->undone) return;
    if (!MessageBox::confirm(this, tr("Undo the automatic assignment"),
                             tr("Give the %Ln case(s) of the last automatic assignment back their previous officers? "
                                "Cases reassigned by hand since then stay as they are.",
                                nullptr, (*run)->changes),
                             tr("Undo")))
        return;
    const auto undone = app::ScreeningService(m_session).undoLastAssignment();
    if (!undone) {
        m_ui->proposalSummary->setText(errorText(undone.error()));
        return;
    }
    m_undone = *undone;
    QString text = tr("%Ln case(s) have their previous officer again.", nullptr, undone->restored);
    if (undone->skipped > 0)
        text = tr("%1 %2", "two sentences")
                   .arg(text, tr("%Ln case(s) reassigned since then were left as they are.", nullptr, undone->skipped));
    m_ui->proposalSummary->setText(text);
    m_proposal.reset();
    findChild<QPushButton*>(QStringLiteral("applyButton"))->setEnabled(false);
    m_ui->proposalTable->setRowCount(0);
    m_ui->changesTable->setRowCount(0);
    showLastRun();
}

}  // namespace doorstep::gui
