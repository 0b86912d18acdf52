#pragma once
// First start without a database: create the branch database and its first administrator,
// or point Doorstep at an existing database.
#include <QWizard>

class QLineEdit;
class QLabel;

namespace doorstep::gui {

class SetupWizard final : public QWizard {
    Q_OBJECT
public:
    explicit SetupWizard(QWidget* parent = nullptr);

    // The database to use after the wizard was accepted (new or existing).
    QString databasePath() const { return m_databasePath; }

private:
    class LocationPage;
    class AdministratorPage;
    QString m_databasePath;
};

}  // namespace doorstep::gui
