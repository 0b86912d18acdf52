#include "gui/portfolio/import_page.h"

#include "app/portfolio/portfolio_import.h"
#include "gui/portfolio/import_problem_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QVBoxLayout>

namespace doorstep::gui {

ImportPage::ImportPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Import from core banking"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);
    auto* intro = new QLabel(tr("Choose the folder of this morning's extract (manifest.csv, borrowers.csv, loans.csv "
                                "…). The whole extract is checked first; if any row is wrong, nothing is imported "
                                "and the problems are listed here. Doorstep's own records (cases, notes, "
                                "appointments, plans) are kept; importing the same extract twice changes nothing."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    auto* row = new QHBoxLayout;
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("importFolder"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    row->addWidget(m_folder, 1);
    row->addWidget(browse);
    auto* folderLabel = new QLabel(tr("E&xtract folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, row);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Detect (UTF-8 or GB18030)"), static_cast<int>(io::Encoding::Auto));
    m_encoding->addItem(QStringLiteral("UTF-8"), static_cast<int>(io::Encoding::Utf8));
    m_encoding->addItem(QStringLiteral("GB18030"), static_cast<int>(io::Encoding::Gb18030));
    form->addRow(tr("Encoding:"), m_encoding);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_importButton = new QPushButton(tr("&Check and import"), this);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancelButton->setShortcut(QKeySequence(Qt::Key_Escape));
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_stage = new QLabel(this);
    layout->addWidget(m_stage);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    m_problems = new QPlainTextEdit(this);
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setReadOnly(true);
    m_problems->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_problems, 1);
    m_warningsTitle = new QLabel(this);
    m_warningsTitle->setObjectName(QStringLiteral("importWarningsTitle"));
    m_warningsTitle->setWordWrap(true);
    layout->addWidget(m_warningsTitle);
    m_warnings = new QPlainTextEdit(this);
    m_warnings->setObjectName(QStringLiteral("importWarnings"));
    m_warnings->setReadOnly(true);
    m_warnings->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_warnings, 1);
    // While the lists are hidden the page's spare height goes here, so the form stays at the top instead of being
    // spread over the page; once a list shows, its stretch takes the height (a stretch of 0 yields to it).
    layout->addStretch(0);
    setRunning(false);
    m_progress->hide();
    m_problems->hide();
    m_warningsTitle->hide();
    m_warnings->hide();

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Extract folder"), m_folder->text());
        if (!dir.isEmpty()) setFolder(dir);
    });
    connect(m_importButton, &QPushButton::clicked, this, &ImportPage::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_workspace.job.cancel();
        m_stage->setText(tr("Cancelling…"));
    });
    connect(&m_workspace.job, &BackgroundJob::progressed, this, [this](int stage, int perMille) {
        if (m_running) showProgress(stage, perMille);
    });
}

void ImportPage::setFolder(const QString& folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

void ImportPage::setRunning(bool running)
{
    m_running = running;
    m_importButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_folder->setEnabled(!running);
    m_encoding->setEnabled(!running);
}

void ImportPage::showProgress(int stage, int perMille)
{
    static const char* const kStages[] = {QT_TR_NOOP("Checking every row…"), QT_TR_NOOP("Writing…"),
                                          QT_TR_NOOP("Computing days past due, buckets and classes…")};
    // Whole-extract progress: checking is about half the work, writing 40 %, recomputing 10 %.
    static constexpr int kStart[] = {0, 500, 900};
    static constexpr int kShare[] = {500, 400, 100};
    if (stage < 0 || stage > 2) return;
    m_progress->setValue(kStart[stage] + kShare[stage] * perMille / 1000);
    m_stage->setText(tr(kStages[stage]));
}

void ImportPage::startImport()
{
    const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (folder.isEmpty()) {
        m_result->setText(tr("Choose the extract folder first."));
        return;
    }
    app::ImportOptions options;
    options.encoding = static_cast<io::Encoding>(m_encoding->currentData().toInt());
    const std::filesystem::path path = toStd(folder);
    const bool started = m_workspace.job.start<Result<app::ImportReport>>(
        this,
        [path, options](app::Session& session, const JobProgress& progress) mutable {
            options.progress = [&progress](app::ImportStage stage, int perMille) {
                return progress(static_cast<int>(stage), perMille);
            };
            return app::importExtract(session, path, options);
        },
        [this](Result<app::ImportReport> report) { showReport(report); });
    if (!started) {
        m_result->setStyleSheet(Theme::errorStyle());
        m_result->setText(tr("Another long task is still running; try again when it has finished."));
        return;
    }
    setRunning(true);
    m_progress->show();
    m_progress->setValue(0);
    m_problems->clear();
    m_problems->hide();
    m_warnings->clear();
    m_warnings->hide();
    m_warningsTitle->hide();
    m_result->clear();
}

void ImportPage::showReport(const Result<app::ImportReport>& report)
{
    setRunning(false);
    m_stage->clear();
    const auto done = qScopeGuard([this] { Q_EMIT finished(); });
    if (!report) {
        m_progress->hide();
        m_result->setStyleSheet(Theme::errorStyle());
        m_result->setText(errorText(report.error()));
        return;
    }
    if (report->cancelled) {
        m_progress->hide();
        m_result->setStyleSheet(QString());
        m_result->setText(tr("Import cancelled. Nothing was changed."));
        return;
    }
    if (!report->problems.empty()) {
        m_progress->hide();
        m_result->setStyleSheet(Theme::errorStyle());
        m_result->setText(tr("The extract has %Ln problem(s); nothing was imported. Fix the files and import again.",
                             nullptr, static_cast<int>(report->problems.size())) +
                          (report->moreProblems ? tr(" Only the first ones are listed.") : QString()));
        QStringList lines;
        for (const auto& p : report->problems)
            lines << importProblemText(p);
        m_problems->setPlainText(lines.join(QLatin1Char('\n')));
        m_problems->show();
        return;
    }
    m_progress->setValue(1000);
    const auto& c = report->counts;
    m_result->setStyleSheet(Theme::successStyle());
    m_result->setText(
        tr("Imported the extract of %1: %L2 borrowers, %L3 loans, %L4 instalments, %L5 payments; %L6 rows "
           "changed. As of %1, %L7 loans are overdue.")
            .arg(toQString(formatIsoDate(report->extractDate)))
            .arg(c.borrowers)
            .arg(c.loans)
            .arg(c.instalments)
            .arg(c.payments)
            .arg(report->rowsChanged)
            .arg(report->recompute.overdue) +
        QLatin1Char('\n') +
        // DOMAIN.md section 3: the extract is the book; who is no longer in it, and who is back.
        tr("No longer in the book: %1 loans and %2 borrowers. Back in the book: %3 loans and %4 "
           "borrowers.")
            .arg(QLocale().toString(static_cast<qlonglong>(report->loansLeft)),
                 QLocale().toString(static_cast<qlonglong>(report->borrowersLeft)),
                 QLocale().toString(static_cast<qlonglong>(report->loansReturned)),
                 QLocale().toString(static_cast<qlonglong>(report->borrowersReturned))));
    if (report->warningCount > 0) {
        const auto listed = static_cast<qint64>(report->warnings.size());
        m_warningsTitle->setText(
            tr("Imported with %Ln warning(s): rows a real extract should not hold. Ask the bank to check them.",
               nullptr, static_cast<int>(report->warningCount)) +
            (report->warningCount > listed ? tr(" Only the first ones are listed.") : QString()));
        QStringList lines;
        for (const auto& w : report->warnings)
            lines << importProblemText(w);
        m_warnings->setPlainText(lines.join(QLatin1Char('\n')));
        m_warningsTitle->show();
        m_warnings->show();
    }
}

}  // namespace doorstep::gui
