#pragma once
// Tomorrow's reminders (issue 10): the confirmed visits of tomorrow whose customer has not yet been sent a
// reminder, with the reminder template filled; "send" logs an SMS contact and puts it in the outbox, for the
// selected rows. The day's outbox is exported from here as CSV for the bank's SMS platform.
#include "app/contacts/sms_outbox.h"

#include <QDialog>
#include <memory>

namespace Ui {
class RemindersDialog;
}

namespace doorstep::gui {

class ReminderTableModel;

class RemindersDialog final : public QDialog {
    Q_OBJECT
public:
    explicit RemindersDialog(app::Session& session, QWidget* parent = nullptr);
    ~RemindersDialog() override;
    RemindersDialog(const RemindersDialog&) = delete;
    RemindersDialog& operator=(const RemindersDialog&) = delete;

    void reload();
    ReminderTableModel* model() const { return m_model; }
    bool selectAppointment(std::int64_t appointmentId);
    // Sends the selected reminders; the status line says how many went and why any did not.
    void sendSelected();
    // Writes today's outbox to `path`; false (and the status line says why) on failure.
    bool exportOutbox(const QString& path);
    QString statusText() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void chooseExportFile();
    void selectionChanged();

    app::Session& m_session;
    std::unique_ptr<Ui::RemindersDialog> m_ui;
    ReminderTableModel* m_model = nullptr;
};

}  // namespace doorstep::gui
