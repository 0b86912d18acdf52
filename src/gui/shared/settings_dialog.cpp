#include "gui/shared/settings_dialog.h"

#include "gui/shared/app_settings.h"
#include "ui_settings_dialog.h"

#include <QDir>

namespace doorstep::gui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    // Each language is named in itself, so a person who cannot read the current one still finds theirs.
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->setCurrentIndex(m_ui->languageCombo->findData(AppSettings::language()));
    m_ui->idleSpin->setRange(AppSettings::kMinIdleLockMinutes, AppSettings::kMaxIdleLockMinutes);
    m_ui->idleSpin->setSuffix(tr(" min"));
    m_ui->idleSpin->setValue(AppSettings::idleLockMinutes());
    const QString path = AppSettings::databasePath();
    m_ui->databasePathLabel->setText(path.isEmpty() ? tr("(not set)") : QDir::toNativeSeparators(path));
    m_ui->noteLabel->setText(tr("A new language takes effect the next time Doorstep starts."));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::save()
{
    AppSettings::setLanguage(m_ui->languageCombo->currentData().toString());
    AppSettings::setIdleLockMinutes(m_ui->idleSpin->value());
    accept();
}

}  // namespace doorstep::gui
