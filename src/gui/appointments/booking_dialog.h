#pragma once
// Books a home visit (issue 10): the customer (given by the caller — a case, a queue entry — or found by
// customer number or name among the accepted queue entries), date, start time, duration, place and the two
// visiting staff, and whether the customer already agreed. Every reason the booking would be refused is shown
// under the form as it is filled in (AppointmentService::refusals), and OK stays disabled while there is one.
// The same form reschedules an appointment: only the date, time and duration change, checked the same way.
#include "app/appointments/appointment_service.h"
#include "gui/shared/staff_names.h"

#include <QDialog>
#include <QString>
#include <memory>
#include <optional>

namespace Ui {
class BookingDialog;
}

namespace doorstep::gui {

struct BookingCustomer {
    std::int64_t borrowerRowId = 0;
    QString label;  // "C001 王秀英"
};

class BookingDialog final : public QDialog {
    Q_OBJECT
public:
    // A new booking for `customer`, or for one the user searches for when none is given.
    BookingDialog(app::Session& session, std::optional<BookingCustomer> customer, QWidget* parent = nullptr);
    // Rescheduling `appointment` (of the customer `customerLabel`).
    BookingDialog(app::Session& session, const app::AppointmentItem& appointment, const QString& customerLabel,
                  QWidget* parent = nullptr);
    ~BookingDialog() override;
    BookingDialog(const BookingDialog&) = delete;
    BookingDialog& operator=(const BookingDialog&) = delete;

    app::BookingRequest request() const;
    // What the form says stands in the way (empty when the booking may be made).
    QStringList refusals() const { return m_refusals; }
    bool canAccept() const;
    // The appointment booked (or the rescheduled replacement), once accepted.
    std::int64_t bookedId() const { return m_bookedId; }

private:
    void setUp();
    void search(const QString& text);
    void refresh();
    void tryAccept();

    std::unique_ptr<Ui::BookingDialog> m_ui;
    app::Session& m_session;
    std::optional<BookingCustomer> m_customer;
    std::optional<app::AppointmentItem> m_rescheduling;
    std::vector<BookingCustomer> m_accepted;  // the accepted queue entries, for the search
    StaffNames m_names;                       // the staff lists and the refusals show display names
    QStringList m_refusals;
    std::int64_t m_bookedId = 0;
    bool m_moved = false;  // rescheduling: the date, time or length changed since the dialog opened
};

}  // namespace doorstep::gui
