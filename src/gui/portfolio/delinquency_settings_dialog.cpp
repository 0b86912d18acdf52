#include "gui/portfolio/delinquency_settings_dialog.h"

#include "gui/shared/error_text.h"
#include "gui/shared/theme.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <string>

namespace doorstep::gui {
namespace {

QString componentText(Component c)
{
    switch (c) {
    case Component::Penalty: return DelinquencySettingsDialog::tr("Penalty interest");
    case Component::Compound: return DelinquencySettingsDialog::tr("Compound interest");
    case Component::Interest: return DelinquencySettingsDialog::tr("Interest");
    case Component::Principal: return DelinquencySettingsDialog::tr("Principal");
    }
    return {};
}

// `label` is the field's name as the form shows it; messages name the field by it.
QSpinBox* daySpin(QWidget* parent, const QString& name, const QString& label, int maximum)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setAccessibleName(label);
    spin->setRange(0, maximum);
    spin->setSuffix(DelinquencySettingsDialog::tr(" days"));
    return spin;
}

}  // namespace

DelinquencySettingsDialog::DelinquencySettingsDialog(const DelinquencySettings& settings, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("DelinquencySettingsDialog"));
    setWindowTitle(tr("Delinquency rules"));
    auto* layout = new QVBoxLayout(this);

    auto* penaltyBox = new QGroupBox(tr("Penalty and compound interest"), this);
    auto* penaltyLayout = new QHBoxLayout(penaltyBox);
    penaltyLayout->addWidget(new QLabel(tr("Penalty rate = contract rate plus"), penaltyBox));
    m_markup = new QSpinBox(penaltyBox);
    m_markup->setObjectName(QStringLiteral("markupSpin"));
    m_markup->setAccessibleName(tr("Penalty rate"));
    m_markup->setRange(0, 100);
    m_markup->setSuffix(QStringLiteral(" %"));
    penaltyLayout->addWidget(m_markup);
    penaltyLayout->addWidget(
        new QLabel(tr("(regulation: 30–50 %; compound interest accrues at the same rate)"), penaltyBox), 1);
    layout->addWidget(penaltyBox);

    auto* orderBox = new QGroupBox(tr("A payment settles an instalment's parts in this order"), this);
    auto* orderLayout = new QHBoxLayout(orderBox);
    m_order = new QListWidget(orderBox);
    m_order->setObjectName(QStringLiteral("allocationOrder"));
    m_order->setAccessibleName(orderBox->title());
    m_order->setMaximumHeight(m_order->sizeHintForRow(0) * 4 + 4 * m_order->frameWidth() + 80);
    orderLayout->addWidget(m_order, 1);
    auto* moveButtons = new QVBoxLayout;
    auto* up = new QPushButton(tr("Move &up"), orderBox);
    auto* down = new QPushButton(tr("Move do&wn"), orderBox);
    up->setObjectName(QStringLiteral("moveUpButton"));
    down->setObjectName(QStringLiteral("moveDownButton"));
    moveButtons->addWidget(up);
    moveButtons->addWidget(down);
    moveButtons->addStretch(1);
    orderLayout->addLayout(moveButtons);
    layout->addWidget(orderBox);

    auto* bucketBox = new QGroupBox(tr("Buckets: the last day past due of each"), this);
    auto* bucketLayout = new QGridLayout(bucketBox);
    for (int i = 0; i < 6; ++i) {
        const QString label = QStringLiteral("M%1").arg(i + 1);
        bucketLayout->addWidget(new QLabel(label, bucketBox), 0, i);
        m_buckets[static_cast<std::size_t>(i)] =
            daySpin(bucketBox, QStringLiteral("bucketM%1").arg(i + 1), label, 9999);
        bucketLayout->addWidget(m_buckets[static_cast<std::size_t>(i)], 1, i);
    }
    bucketLayout->addWidget(new QLabel(tr("M0 is current; M7 is every day past due after M6."), bucketBox), 2, 0, 1, 6);
    layout->addWidget(bucketBox);

    auto* classBox = new QGroupBox(tr("Five-category class: a class applies over this many days past due"), this);
    auto* classLayout = new QGridLayout(classBox);
    const QStringList classes{tr("Special mention"), tr("Substandard"), tr("Doubtful"), tr("Loss")};
    for (int i = 0; i < 4; ++i)
        classLayout->addWidget(new QLabel(classes[i], classBox), 0, i + 1);
    const QString loans = tr("Loans");
    const QString cards = tr("Credit cards");
    classLayout->addWidget(new QLabel(loans, classBox), 1, 0);
    classLayout->addWidget(new QLabel(cards, classBox), 2, 0);
    for (int i = 0; i < 4; ++i) {
        const auto k = static_cast<std::size_t>(i);
        //: A class threshold field's name in messages: the class, then the row's label (Loans or Credit cards).
        const auto name = [&](const QString& profile) { return tr("%1 (%2)").arg(classes[i], profile); };
        m_loanClasses[k] = daySpin(classBox, QStringLiteral("loanClass%1").arg(i), name(loans), 9999);
        m_cardClasses[k] = daySpin(classBox, QStringLiteral("cardClass%1").arg(i), name(cards), 9999);
        classLayout->addWidget(m_loanClasses[k], 1, i + 1);
        classLayout->addWidget(m_cardClasses[k], 2, i + 1);
    }
    layout->addWidget(classBox);

    auto* note = new QLabel(tr("Changes apply to every loan at the next recompute."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setStyleSheet(Theme::errorStyle());
    m_error->setWordWrap(true);
    // The message area keeps its two lines whether or not it says anything, so a message never moves or
    // squeezes the fields above it (the form fits 1366×768).
    m_error->setFixedHeight(2 * m_error->fontMetrics().lineSpacing() + 4);
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveSettingsButton"));
    buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaultsButton"));
    layout->addWidget(buttons);

    connect(up, &QPushButton::clicked, this, [this] { moveComponent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveComponent(+1); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSettings(DelinquencySettings{}); });
    for (auto* spin : findChildren<QSpinBox*>())
        connect(spin, &QSpinBox::valueChanged, this, [this, spin] { m_lastEdited = spin; });
    setSettings(settings);
}

void DelinquencySettingsDialog::setSettings(const DelinquencySettings& settings)
{
    m_markup->setValue(settings.penaltyMarkupPercent);
    m_order->clear();
    for (Component c : settings.allocationOrder) {
        auto* item = new QListWidgetItem(componentText(c), m_order);
        item->setData(Qt::UserRole, static_cast<int>(c));
    }
    m_order->setCurrentRow(0);
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i]->setValue(settings.buckets.lastDay[i]);
    const auto fill = [](const std::array<QSpinBox*, 4>& spins, const ClassThresholds& t) {
        spins[0]->setValue(t.specialMentionOver);
        spins[1]->setValue(t.substandardOver);
        spins[2]->setValue(t.doubtfulOver);
        spins[3]->setValue(t.lossOver);
    };
    fill(m_loanClasses, settings.classes.loan);
    fill(m_cardClasses, settings.classes.creditCard);
    m_lastEdited = nullptr;
    flag(nullptr);
    m_error->clear();
}

DelinquencySettings DelinquencySettingsDialog::settings() const
{
    DelinquencySettings s;
    s.penaltyMarkupPercent = m_markup->value();
    for (int row = 0; row < m_order->count() && row < 4; ++row)
        s.allocationOrder[static_cast<std::size_t>(row)] =
            static_cast<Component>(m_order->item(row)->data(Qt::UserRole).toInt());
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        s.buckets.lastDay[i] = m_buckets[i]->value();
    const auto read = [](const std::array<QSpinBox*, 4>& spins) {
        return ClassThresholds{spins[0]->value(), spins[1]->value(), spins[2]->value(), spins[3]->value()};
    };
    s.classes.loan = read(m_loanClasses);
    s.classes.creditCard = read(m_cardClasses);
    return s;
}

void DelinquencySettingsDialog::showError(const QString& text)
{
    m_error->setText(text);
}

void DelinquencySettingsDialog::accept()
{
    flag(nullptr);
    m_error->clear();
    if (const auto problem = problemIn(settings())) {
        showError(problem->text);
        flag(problem->field);
        return;
    }
    QDialog::accept();
}

std::optional<DelinquencySettingsDialog::Problem>
DelinquencySettingsDialog::problemIn(const DelinquencySettings& s) const
{
    // The domain decides what is valid and which boundary breaks it; the form only finds the field.
    if (const auto ok = validateBucketBoundaries(s.buckets); !ok) {
        std::size_t later = 0;
        for (const MessageArg& a : ok.error().args) {
            if (a.name == "bucket") later = static_cast<std::size_t>(std::max(1, std::stoi(a.value))) - 1;
        }
        return outOfOrder(m_buckets, std::min(later, m_buckets.size() - 1), true);
    }
    const std::pair<const ClassThresholds&, const std::array<QSpinBox*, 4>&> profiles[] = {
        {s.classes.loan, m_loanClasses}, {s.classes.creditCard, m_cardClasses}};
    for (const auto& [thresholds, fields] : profiles) {
        const auto ok = validateClassThresholds(thresholds);
        if (ok) continue;
        const std::string& id = ok.error().id;
        const std::size_t later = id == "classification.substandard_below" ? 1
                                  : id == "classification.doubtful_below"  ? 2
                                  : id == "classification.loss_below"      ? 3
                                                                           : 0;
        if (later == 0) return Problem{fields[0], tr("%1: %2").arg(fields[0]->accessibleName(), errorText(ok.error()))};
        return outOfOrder(fields, later, false);
    }
    if (const auto ok = validateDelinquencySettings(s); !ok) {
        QWidget* field = ok.error().id == "delinquency.markup_range" ? static_cast<QWidget*>(m_markup) : m_order;
        return Problem{field, tr("%1: %2").arg(field->accessibleName(), errorText(ok.error()))};
    }
    return std::nullopt;
}

DelinquencySettingsDialog::Problem DelinquencySettingsDialog::outOfOrder(std::span<QSpinBox* const> fields,
                                                                         std::size_t later, bool buckets) const
{
    QSpinBox* after = fields[later];
    if (later == 0) return Problem{after, tr("%1: must be at least 1 day.").arg(after->accessibleName())};
    QSpinBox* before = fields[later - 1];
    if (m_lastEdited == before) {
        const QString text = buckets ? tr("%1: must end on an earlier day than %2, which ends on day %L3.")
                                     : tr("%1: must be at most the %L3 days of %2.");
        return Problem{before, text.arg(before->accessibleName(), after->accessibleName()).arg(after->value())};
    }
    const QString text = buckets ? tr("%1: must end on a later day than %2, which ends on day %L3.")
                                 : tr("%1: must be at least the %L3 days of %2.");
    return Problem{after, text.arg(after->accessibleName(), before->accessibleName()).arg(before->value())};
}

void DelinquencySettingsDialog::flag(QWidget* field)
{
    if (m_flagged != nullptr) m_flagged->setPalette(QPalette());
    m_flagged = field;
    if (field == nullptr) return;
    QPalette palette = field->palette();
    palette.setColor(QPalette::Base, Theme::invalidFieldBackground());
    field->setPalette(palette);
    field->setFocus(Qt::OtherFocusReason);
    if (auto* spin = qobject_cast<QSpinBox*>(field)) spin->selectAll();
}

void DelinquencySettingsDialog::moveComponent(int step)
{
    const int row = m_order->currentRow();
    const int target = row + step;
    if (row < 0 || target < 0 || target >= m_order->count()) return;
    m_order->insertItem(target, m_order->takeItem(row));
    m_order->setCurrentRow(target);
}

}  // namespace doorstep::gui
