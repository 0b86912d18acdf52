#include "gui/screening/rule_set_dialog.h"

#include "gui/screening/screening_text.h"
#include "gui/shared/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace doorstep::gui {
namespace {

enum RuleColumn { Enabled, Kind, Threshold, Points };
constexpr RuleKind kKinds[] = {RuleKind::DpdAtLeast,
                               RuleKind::TotalOverdueAtLeast,
                               RuleKind::BrokenPromisesAtLeast,
                               RuleKind::FailedContactsAtLeast,
                               RuleKind::OverdueElsewhereAtLeast,
                               RuleKind::WorstDpd24MonthsAtLeast,
                               RuleKind::BucketWorsened};

// Amounts are typed in yuan and kept in fen.
bool inYuan(RuleKind kind)
{
    return kind == RuleKind::TotalOverdueAtLeast;
}

}  // namespace

RuleSetDialog::RuleSetDialog(const RuleSet& rules, QWidget* parent) : QDialog(parent), m_version(rules.version)
{
    setObjectName(QStringLiteral("RuleSetDialog"));
    setWindowTitle(rules.version > 0 ? tr("Screening rules (version %1)").arg(rules.version)
                                     : tr("Screening rules (defaults)"));
    auto* layout = new QVBoxLayout(this);
    auto* rulesBox = new QGroupBox(tr("Rules that add points"), this);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    m_rules = new QTableWidget(0, 4, rulesBox);
    m_rules->setObjectName(QStringLiteral("ruleTable"));
    m_rules->setHorizontalHeaderLabels({tr("On"), tr("Rule"), tr("Threshold"), tr("Points")});
    m_rules->verticalHeader()->hide();
    m_rules->horizontalHeader()->setSectionResizeMode(Kind, QHeaderView::Stretch);
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const ScoringRule& r : rules.rules)
        addRuleRow(r);
    rulesLayout->addWidget(m_rules);
    auto* rowButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add rule"), rulesBox);
    auto* remove = new QPushButton(tr("&Remove rule"), rulesBox);
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    rulesLayout->addLayout(rowButtons);
    layout->addWidget(rulesBox, 1);

    auto* exclusionsBox = new QGroupBox(tr("Never queue a customer who is …"), this);
    auto* exLayout = new QVBoxLayout(exclusionsBox);
    for (ExclusionKind kind :
         {ExclusionKind::Litigation, ExclusionKind::Dispute, ExclusionKind::Deceased, ExclusionKind::PlanBeingKept,
          ExclusionKind::VisitedRecently, ExclusionKind::OpenAppointment}) {
        auto* check = new QCheckBox(exclusionText(kind), exclusionsBox);
        const auto it = std::ranges::find(rules.exclusions, kind, &ExclusionRule::kind);
        check->setChecked(it != rules.exclusions.end() && it->enabled);
        if (kind == ExclusionKind::VisitedRecently) {
            auto* row = new QHBoxLayout;
            m_visitedDays = new QSpinBox(exclusionsBox);
            m_visitedDays->setObjectName(QStringLiteral("visitedDays"));
            m_visitedDays->setRange(1, 365);
            m_visitedDays->setSuffix(tr(" days"));
            m_visitedDays->setValue(it != rules.exclusions.end() && it->days > 0 ? it->days : 30);
            row->addWidget(check);
            row->addWidget(m_visitedDays);
            row->addStretch(1);
            exLayout->addLayout(row);
        } else {
            exLayout->addWidget(check);
        }
        m_exclusions.emplace_back(kind, check);
    }
    layout->addWidget(exclusionsBox);

    auto* minimumRow = new QHBoxLayout;
    minimumRow->addWidget(new QLabel(tr("Queue a customer from a score of"), this));
    m_minimumScore = new QSpinBox(this);
    m_minimumScore->setObjectName(QStringLiteral("minimumScore"));
    m_minimumScore->setRange(0, 100000);
    m_minimumScore->setValue(rules.minimumScore);
    minimumRow->addWidget(m_minimumScore);
    minimumRow->addStretch(1);
    layout->addLayout(minimumRow);
    m_error = new QLabel(this);
    m_error->setStyleSheet(Theme::errorStyle());
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save as a new version"));
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveRulesButton"));
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, [this] { addRuleRow(ScoringRule{RuleKind::DpdAtLeast, true, 30, 10}); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_rules->currentRow();
        if (row >= 0) m_rules->removeRow(row);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 620);
}

void RuleSetDialog::addRuleRow(const ScoringRule& rule)
{
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    auto* on = new QTableWidgetItem;
    on->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    on->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    m_rules->setItem(row, Enabled, on);
    auto* kind = new QComboBox(m_rules);
    for (RuleKind k : kKinds)
        kind->addItem(ruleKindText(k), static_cast<int>(k));
    kind->setCurrentIndex(kind->findData(static_cast<int>(rule.kind)));
    m_rules->setCellWidget(row, Kind, kind);
    auto* threshold = new QSpinBox(m_rules);
    threshold->setRange(0, 1'000'000'000);
    threshold->setValue(static_cast<int>(inYuan(rule.kind) ? rule.threshold / 100 : rule.threshold));
    m_rules->setCellWidget(row, Threshold, threshold);
    auto* points = new QSpinBox(m_rules);
    points->setRange(0, 1000);
    points->setValue(rule.points);
    m_rules->setCellWidget(row, Points, points);
}

QSpinBox* RuleSetDialog::pointsEditor(int row) const
{
    return qobject_cast<QSpinBox*>(m_rules->cellWidget(row, Points));
}

RuleSet RuleSetDialog::ruleSet() const
{
    RuleSet rules;
    rules.version = m_version;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        ScoringRule r;
        r.enabled = m_rules->item(row, Enabled)->checkState() == Qt::Checked;
        r.kind = static_cast<RuleKind>(qobject_cast<QComboBox*>(m_rules->cellWidget(row, Kind))->currentData().toInt());
        const auto value = qobject_cast<QSpinBox*>(m_rules->cellWidget(row, Threshold))->value();
        r.threshold = inYuan(r.kind) ? std::int64_t{value} * 100 : value;
        r.points = pointsEditor(row)->value();
        rules.rules.push_back(r);
    }
    for (const auto& [kind, check] : m_exclusions)
        rules.exclusions.push_back(ExclusionRule{kind, check->isChecked(),
                                                 kind == ExclusionKind::VisitedRecently ? m_visitedDays->value() : 0});
    rules.minimumScore = m_minimumScore->value();
    return rules;
}

void RuleSetDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

}  // namespace doorstep::gui
