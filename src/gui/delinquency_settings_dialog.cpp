#include "gui/delinquency_settings_dialog.h"

#include "gui/error_text.h"
#include "gui/theme.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

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

QSpinBox* daySpin(QWidget* parent, const QString& name, int maximum)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(name);
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
        bucketLayout->addWidget(new QLabel(QStringLiteral("M%1").arg(i + 1), bucketBox), 0, i);
        m_buckets[static_cast<std::size_t>(i)] = daySpin(bucketBox, QStringLiteral("bucketM%1").arg(i + 1), 9999);
        bucketLayout->addWidget(m_buckets[static_cast<std::size_t>(i)], 1, i);
    }
    bucketLayout->addWidget(new QLabel(tr("M0 is current; M7 is every day past due after M6."), bucketBox), 2, 0, 1, 6);
    layout->addWidget(bucketBox);

    auto* classBox = new QGroupBox(tr("Five-category class: a class applies over this many days past due"), this);
    auto* classLayout = new QGridLayout(classBox);
    const QStringList classes{tr("Special mention"), tr("Substandard"), tr("Doubtful"), tr("Loss")};
    for (int i = 0; i < 4; ++i)
        classLayout->addWidget(new QLabel(classes[i], classBox), 0, i + 1);
    classLayout->addWidget(new QLabel(tr("Loans"), classBox), 1, 0);
    classLayout->addWidget(new QLabel(tr("Credit cards"), classBox), 2, 0);
    for (int i = 0; i < 4; ++i) {
        const auto k = static_cast<std::size_t>(i);
        m_loanClasses[k] = daySpin(classBox, QStringLiteral("loanClass%1").arg(i), 9999);
        m_cardClasses[k] = daySpin(classBox, QStringLiteral("cardClass%1").arg(i), 9999);
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
    m_error->hide();
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
    m_error->show();
}

void DelinquencySettingsDialog::accept()
{
    const DelinquencySettings s = settings();
    if (!validateBucketBoundaries(s.buckets)) {
        showError(tr("Each bucket must end on a later day than the one before it (M1 after day 0)."));
        return;
    }
    if (const auto ok = validateClassThresholds(s.classes.loan); !ok) {
        showError(tr("Loans: %1").arg(errorText(ok.error())));
        return;
    }
    if (const auto ok = validateClassThresholds(s.classes.creditCard); !ok) {
        showError(tr("Credit cards: %1").arg(errorText(ok.error())));
        return;
    }
    if (const auto ok = validateDelinquencySettings(s); !ok) {
        showError(errorText(ok.error()));
        return;
    }
    QDialog::accept();
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
