#pragma once
// Tomorrow's reminders, one row per confirmed visit still without one: time, customer, number (masked), the
// visiting staff and the filled message, or why it cannot be sent.
#include "app/contacts/sms_outbox.h"

#include <QAbstractTableModel>
#include <vector>

namespace doorstep::gui {

class ReminderTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Customer, Number, Staff, Message, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setReminders(std::vector<app::Reminder> reminders);
    const app::Reminder* reminderAt(int row) const;
    int rowOfAppointment(std::int64_t appointmentId) const;  // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<app::Reminder> m_rows;
};

}  // namespace doorstep::gui
