#include "gui/contacts/reminders_dialog.h"

#include "app/appointments/appointment_settings.h"
#include "gui/contacts/reminder_table_model.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_reminders_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QPushButton>
#include <QShowEvent>

namespace doorstep::gui {

RemindersDialog::RemindersDialog(app::Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_ui(std::make_unique<Ui::RemindersDialog>())
{
    m_ui->setupUi(this);
    m_model = new ReminderTableModel(this);
    m_ui->reminderTable->setModel(m_model);
    m_ui->reminderTable->verticalHeader()->hide();
    m_ui->reminderTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->reminderTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The message wraps: its rows follow the column's width as the dialog is laid out and resized.
    connect(m_ui->reminderTable->horizontalHeader(), &QHeaderView::sectionResized, m_ui->reminderTable,
            &QTableView::resizeRowsToContents);
    connect(m_ui->sendButton, &QPushButton::clicked, this, &RemindersDialog::sendSelected);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &RemindersDialog::chooseExportFile);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->reminderTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RemindersDialog::selectionChanged);
    reload();
}

RemindersDialog::~RemindersDialog() = default;

void RemindersDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Only now has the message column its width: the wrapped rows take the height they need, no more.
    m_ui->reminderTable->resizeRowsToContents();
}

void RemindersDialog::reload()
{
    auto reminders = app::SmsService(m_session).tomorrowsReminders();
    if (!reminders) {
        m_model->setReminders({});
        m_ui->statusLabel->setStyleSheet(Theme::errorStyle());
        m_ui->statusLabel->setText(errorText(reminders.error()));
        return;
    }
    m_model->setReminders(std::move(*reminders));
    for (int c = 0; c < ReminderTableModel::Message; ++c)
        m_ui->reminderTable->resizeColumnToContents(c);
    if (isVisible()) m_ui->reminderTable->resizeRowsToContents();
    if (m_model->rowCount() > 0) m_ui->reminderTable->selectAll();
    selectionChanged();
}

bool RemindersDialog::selectAppointment(std::int64_t appointmentId)
{
    const int row = m_model->rowOfAppointment(appointmentId);
    if (row < 0) return false;
    m_ui->reminderTable->clearSelection();
    m_ui->reminderTable->selectRow(row);
    return true;
}

void RemindersDialog::selectionChanged()
{
    const int selected = static_cast<int>(m_ui->reminderTable->selectionModel()->selectedRows().size());
    m_ui->sendButton->setEnabled(selected > 0);
    m_ui->sendButton->setText(selected > 0 ? tr("&Send %Ln reminder(s)", nullptr, selected) : tr("&Send"));
}

QString RemindersDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

void RemindersDialog::sendSelected()
{
    std::vector<std::int64_t> ids;
    for (const QModelIndex& index : m_ui->reminderTable->selectionModel()->selectedRows()) {
        if (const app::Reminder* r = m_model->reminderAt(index.row())) ids.push_back(r->appointment.id);
    }
    int sent = 0;
    QStringList problems;
    for (const std::int64_t id : ids) {
        auto r = app::SmsService(m_session).sendReminder(id);
        if (r) {
            ++sent;
        } else {
            const int row = m_model->rowOfAppointment(id);
            const app::Reminder* reminder = m_model->reminderAt(row);
            problems << tr("%1: %2").arg(reminder != nullptr ? toQString(reminder->appointment.appointment.caseId)
                                                             : QString(),
                                         errorText(r.error()));
        }
    }
    reload();
    QString text = tr("%Ln reminder(s) put in the outbox.", nullptr, sent);
    if (!problems.isEmpty()) text += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    // Green when all went, red when none did; some of each in the plain colour (a sent reminder is no error).
    m_ui->statusLabel->setStyleSheet(problems.isEmpty() ? Theme::successStyle()
                                     : sent == 0        ? Theme::errorStyle()
                                                        : QString());
    m_ui->statusLabel->setText(text);
}

bool RemindersDialog::exportOutbox(const QString& path)
{
    const Date today = app::localNow(m_session).date;
    auto summary = app::SmsService(m_session).exportOutbox(today, toStd(path));
    if (!summary) {
        m_ui->statusLabel->setStyleSheet(Theme::errorStyle());
        m_ui->statusLabel->setText(errorText(summary.error()));
        return false;
    }
    m_ui->statusLabel->setStyleSheet(Theme::successStyle());
    m_ui->statusLabel->setText(tr("%Ln message(s) of %1 written to %2. The file holds phone numbers: hand it to the "
                                  "SMS platform and delete it afterwards.",
                                  nullptr, static_cast<int>(summary->messages))
                                   .arg(toQString(formatIsoDate(today)), QDir::toNativeSeparators(path)));
    return true;
}

void RemindersDialog::chooseExportFile()
{
    const QString name =
        QStringLiteral("sms-outbox-%1.csv").arg(toQString(formatIsoDate(app::localNow(m_session).date)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export SMS outbox"), QDir::home().filePath(name),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) exportOutbox(path);
}

}  // namespace doorstep::gui
