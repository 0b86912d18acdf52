#pragma once
// The Import page (supervisors and administrators): check and import a core-banking extract, with
// progress and cancel; problems are listed so a person can fix the files.
#include "app/portfolio/portfolio_import.h"
#include "gui/shared/workspace.h"

#include <QWidget>

class QLineEdit;
class QComboBox;
class QPushButton;
class QProgressBar;
class QLabel;
class QPlainTextEdit;

namespace doorstep::gui {

class ImportPage final : public QWidget {
    Q_OBJECT
public:
    explicit ImportPage(Workspace& workspace, QWidget* parent = nullptr);

    void setFolder(const QString& folder);  // tests and drag-and-drop
    void startImport();                     // runs in the window's background job; the page stays usable

Q_SIGNALS:
    void finished();  // the import ended (imported, refused, cancelled or failed); for tests

private:
    void showProgress(int stage, int perMille);
    void setRunning(bool running);
    void showReport(const Result<app::ImportReport>& report);

    Workspace& m_workspace;
    QLineEdit* m_folder = nullptr;
    QComboBox* m_encoding = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_stage = nullptr;
    QLabel* m_result = nullptr;
    QPlainTextEdit* m_problems = nullptr;
    QLabel* m_warningsTitle = nullptr;
    QPlainTextEdit* m_warnings = nullptr;  // imported all the same, worth asking the bank about
    bool m_running = false;
};

}  // namespace doorstep::gui
