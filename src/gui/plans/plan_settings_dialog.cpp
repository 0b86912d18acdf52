#include "gui/plans/plan_settings_dialog.h"

#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_plan_settings_dialog.h"

#include <QPushButton>

namespace doorstep::gui {

PlanSettingsDialog::PlanSettingsDialog(const app::PlanSettings& settings, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PlanSettingsDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(Theme::errorStyle());
    m_ui->errorLabel->hide();
    m_ui->affordabilitySpin->setValue(settings.affordability.limitPercent);
    m_ui->waiverEdit->setText(toQString(formatYuanPlain(settings.authority.waiverLimit)));
    m_ui->discountEdit->setText(toQString(formatYuanPlain(settings.authority.discountLimit)));
    m_ui->brokenSpin->setValue(settings.adherence.brokenAfterDays);
    m_ui->observationSpin->setMaximum(app::kMaxObservationMonths);
    m_ui->observationSpin->setValue(settings.observationMonths);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PlanSettingsDialog::validateAndAccept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PlanSettingsDialog::~PlanSettingsDialog() = default;

std::optional<app::PlanSettings> PlanSettingsDialog::settings()
{
    const auto waiver = parseYuan(toStd(m_ui->waiverEdit->text().trimmed()));
    const auto discount = parseYuan(toStd(m_ui->discountEdit->text().trimmed()));
    if (!waiver || !discount) {
        showError(tr("The limits are amounts in yuan (like 500.00)."));
        return std::nullopt;
    }
    app::PlanSettings s;
    s.affordability.limitPercent = m_ui->affordabilitySpin->value();
    s.authority = OfficerAuthority{*waiver, *discount};
    s.adherence.brokenAfterDays = m_ui->brokenSpin->value();
    s.observationMonths = m_ui->observationSpin->value();
    return s;
}

void PlanSettingsDialog::validateAndAccept()
{
    const auto s = settings();
    if (!s) return;
    if (auto valid = app::validatePlanSettings(*s); !valid) {
        showError(errorText(valid.error()));
        return;
    }
    accept();
}

void PlanSettingsDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->show();
}

}  // namespace doorstep::gui
