#include "gui/shared/setup_wizard.h"

#include "app/shared/branch_setup.h"
#include "app/shared/paths.h"
#include "app/users/session.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace doorstep::gui {

// The pages have no meta-object of their own; their texts belong to the wizard's translation context.
class SetupWizard::LocationPage final : public QWizardPage {
    static QString tr(const char* text) { return SetupWizard::tr(text); }

public:
    explicit LocationPage(SetupWizard* wizard) : QWizardPage(wizard), m_wizard(wizard)
    {
        setTitle(tr("Where the branch database lives"));
        setSubTitle(tr("Doorstep keeps the branch's cases in one encrypted database file. Choose where to create "
                       "it, or open one that already exists."));
        auto* layout = new QVBoxLayout(this);
        auto* row = new QHBoxLayout;
        m_path = new QLineEdit(this);
        m_path->setObjectName(QStringLiteral("databasePathEdit"));
        m_path->setText(QDir::toNativeSeparators(toQString((app::dataDirectory() / "branch.db").string())));
        auto* browse = new QPushButton(tr("&Browse…"), this);
        row->addWidget(new QLabel(tr("New database file:"), this));
        row->addWidget(m_path, 1);
        row->addWidget(browse);
        layout->addLayout(row);
        m_error = new QLabel(this);
        m_error->setStyleSheet(Theme::errorStyle());
        m_error->setWordWrap(true);
        layout->addWidget(m_error);
        layout->addStretch(1);
        auto* open = new QPushButton(tr("&Open an existing database instead…"), this);
        open->setObjectName(QStringLiteral("openExistingButton"));
        layout->addWidget(open, 0, Qt::AlignLeft);
        registerField(QStringLiteral("databasePath*"), m_path);

        connect(browse, &QPushButton::clicked, this, [this] {
            const QString file = QFileDialog::getSaveFileName(this, tr("New branch database"), m_path->text(),
                                                              tr("Doorstep database (*.db)"));
            if (!file.isEmpty()) m_path->setText(QDir::toNativeSeparators(file));
        });
        connect(open, &QPushButton::clicked, this, [this] {
            const QString file = QFileDialog::getOpenFileName(this, tr("Open branch database"), QString(),
                                                              tr("Doorstep database (*.db);;All files (*)"));
            if (file.isEmpty()) return;
            m_wizard->m_databasePath = file;
            m_wizard->accept();
        });
    }

    bool validatePage() override
    {
        const QFileInfo info(QDir::fromNativeSeparators(m_path->text().trimmed()));
        if (info.exists() || QFileInfo::exists(info.filePath() + QStringLiteral(".keyring"))) {
            m_error->setText(tr("A database already exists there. Choose another name, or open it instead."));
            return false;
        }
        m_error->clear();
        return true;
    }

private:
    SetupWizard* m_wizard;
    QLineEdit* m_path = nullptr;
    QLabel* m_error = nullptr;
};

class SetupWizard::AdministratorPage final : public QWizardPage {
    static QString tr(const char* text) { return SetupWizard::tr(text); }

public:
    explicit AdministratorPage(SetupWizard* wizard) : QWizardPage(wizard), m_wizard(wizard)
    {
        setTitle(tr("The first administrator"));
        setSubTitle(tr("The administrator adds the officers and supervisors. Keep this password safe: without "
                       "any administrator's password nobody can add users."));
        auto* form = new QFormLayout(this);
        m_username = new QLineEdit(this);
        m_username->setObjectName(QStringLiteral("adminUsernameEdit"));
        m_username->setMaxLength(32);
        m_displayName = new QLineEdit(this);
        m_displayName->setObjectName(QStringLiteral("adminDisplayNameEdit"));
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("adminPasswordEdit"));
        m_password->setEchoMode(QLineEdit::Password);
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(QStringLiteral("adminConfirmEdit"));
        m_confirm->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&User name:"), m_username);
        form->addRow(tr("&Display name:"), m_displayName);
        form->addRow(tr("&Password:"), m_password);
        form->addRow(tr("&Repeat password:"), m_confirm);
        m_error = new QLabel(this);
        m_error->setStyleSheet(Theme::errorStyle());
        m_error->setWordWrap(true);
        form->addRow(m_error);
    }

    bool validatePage() override
    {
        if (m_password->text() != m_confirm->text()) {
            m_error->setText(tr("The two passwords differ."));
            return false;
        }
        const QString path = QDir::fromNativeSeparators(field(QStringLiteral("databasePath")).toString().trimmed());
        const app::FirstAdministrator admin{toStd(m_username->text().trimmed()), toStd(m_displayName->text().trimmed()),
                                            toStd(m_password->text())};
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        const auto created = app::createBranchDatabase(toStd(path), admin, app::Session::kdfParamsForNewSlots());
        QGuiApplication::restoreOverrideCursor();
        if (!created) {
            m_error->setText(errorText(created.error()));
            return false;
        }
        m_wizard->m_databasePath = path;
        return true;
    }

private:
    SetupWizard* m_wizard;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error = nullptr;
};

SetupWizard::SetupWizard(QWidget* parent) : QWizard(parent)
{
    setObjectName(QStringLiteral("SetupWizard"));
    setWindowTitle(tr("Set up Doorstep"));
    setWizardStyle(QWizard::ModernStyle);
    addPage(new LocationPage(this));
    addPage(new AdministratorPage(this));
    setButtonText(QWizard::FinishButton, tr("Create database"));
    resize(640, 420);
}

}  // namespace doorstep::gui
