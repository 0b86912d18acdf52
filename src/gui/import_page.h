#pragma once
// The Import page (supervisors and administrators): check and import a core-banking extract, with
// progress and cancel; problems are listed so a person can fix the files.
#include "app/session.h"

#include <QElapsedTimer>
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
    explicit ImportPage(app::Session& session, QWidget* parent = nullptr);

    void setFolder(const QString& folder);  // tests and drag-and-drop
    void startImport();

Q_SIGNALS:
    void imported();  // the portfolio changed

private:
    bool reportProgress(int stage, int perMille);
    void setRunning(bool running);

    app::Session& m_session;
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
    bool m_cancelRequested = false;
    QElapsedTimer m_sinceEvents;
};

}  // namespace doorstep::gui
