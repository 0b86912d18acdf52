#include "gui/appointments/booking_dialog.h"

#include "app/appointments/appointment_details.h"
#include "app/appointments/appointment_settings.h"
#include "app/screening/screening_service.h"
#include "gui/appointments/appointment_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_booking_dialog.h"

#include <QPushButton>
#include <QSignalBlocker>
#include <algorithm>

namespace doorstep::gui {
namespace {

constexpr int kMaxMatches = 50;

}  // namespace

BookingDialog::BookingDialog(app::Session& session, std::optional<BookingCustomer> customer, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::BookingDialog>()), m_session(session), m_customer(std::move(customer))
{
    setUp();
}

BookingDialog::BookingDialog(app::Session& session, const app::AppointmentItem& appointment,
                             const QString& customerLabel, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::BookingDialog>()), m_session(session),
      m_customer(BookingCustomer{appointment.borrowerRowId, customerLabel}), m_rescheduling(appointment)
{
    setUp();
}

BookingDialog::~BookingDialog() = default;

void BookingDialog::setUp()
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("BookingDialog"));
    m_ui->refusalLabel->setStyleSheet(Theme::errorStyle());
    for (PlaceKind kind : {PlaceKind::Home, PlaceKind::Workplace, PlaceKind::Other})
        m_ui->placeCombo->addItem(placeKindText(kind), static_cast<int>(kind));

    // The visiting staff, by display name; the user first when they visit.
    m_names = StaffNames(app::ScreeningService(m_session).staffNames());
    const StaffNames& names = m_names;
    const std::string me = m_session.user().username;
    if (auto staff = app::AppointmentService(m_session).visitingStaff()) {
        std::ranges::stable_partition(*staff, [&me](const std::string& s) { return s == me; });
        for (QComboBox* combo : {m_ui->staff1Combo, m_ui->staff2Combo}) {
            for (const std::string& s : *staff)
                combo->addItem(names(s), toQString(s));
        }
        if (m_ui->staff2Combo->count() > 1) m_ui->staff2Combo->setCurrentIndex(1);
    }

    const LocalDateTime now = app::localNow(m_session);
    if (m_rescheduling) {
        setWindowTitle(tr("Reschedule a visit"));
        const Appointment& a = m_rescheduling->appointment;
        m_ui->dateEdit->setDate(toQDate(a.date));
        m_ui->startEdit->setTime(QTime(a.start.hour(), a.start.minute()));
        m_ui->durationSpin->setValue(a.durationMinutes);
        m_ui->placeCombo->setCurrentIndex(m_ui->placeCombo->findData(static_cast<int>(a.place)));
        m_ui->placeEdit->setText(toQString(m_rescheduling->placeNote));
        for (std::size_t i = 0; i < a.staff.size() && i < 2; ++i) {
            QComboBox* combo = i == 0 ? m_ui->staff1Combo : m_ui->staff2Combo;
            combo->setCurrentIndex(combo->findData(toQString(a.staff[i])));
        }
        for (QWidget* w : std::initializer_list<QWidget*>{m_ui->placeCombo, m_ui->placeEdit, m_ui->staff1Combo,
                                                          m_ui->staff2Combo, m_ui->confirmedCheck})
            w->setEnabled(false);
        m_ui->confirmedCheck->hide();
    } else {
        m_ui->dateEdit->setDate(toQDate(addDays(now.date, 1)));
        m_ui->startEdit->setTime(QTime(10, 0));
    }
    m_ui->dateEdit->setMinimumDate(toQDate(now.date));

    if (m_customer) {
        m_ui->customerFixed->setText(m_customer->label);
        m_ui->customerSearch->hide();
        m_ui->customerCombo->hide();
    } else {
        m_ui->customerFixed->hide();
        if (auto queue = app::ScreeningService(m_session).queue({})) {
            for (const app::QueueItem& q : *queue) {
                if (q.state != QueueState::Accepted) continue;
                m_accepted.push_back(BookingCustomer{
                    q.borrowerRowId, toQString(q.borrowerId + " " + q.borrowerName + " (" + q.district + ")")});
            }
        }
        search({});
        connect(m_ui->customerSearch, &QLineEdit::textChanged, this, &BookingDialog::search);
        connect(m_ui->customerCombo, &QComboBox::currentIndexChanged, this, &BookingDialog::refresh);
    }

    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, &BookingDialog::refresh);
    connect(m_ui->startEdit, &QTimeEdit::timeChanged, this, &BookingDialog::refresh);
    connect(m_ui->durationSpin, &QSpinBox::valueChanged, this, &BookingDialog::refresh);
    connect(m_ui->placeCombo, &QComboBox::currentIndexChanged, this, &BookingDialog::refresh);
    connect(m_ui->placeEdit, &QLineEdit::textChanged, this, &BookingDialog::refresh);
    connect(m_ui->staff1Combo, &QComboBox::currentIndexChanged, this, &BookingDialog::refresh);
    connect(m_ui->staff2Combo, &QComboBox::currentIndexChanged, this, &BookingDialog::refresh);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &BookingDialog::tryAccept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

void BookingDialog::search(const QString& text)
{
    const QString needle = text.trimmed();
    const QSignalBlocker block(m_ui->customerCombo);
    m_ui->customerCombo->clear();
    for (const BookingCustomer& c : m_accepted) {
        if (!needle.isEmpty() && !c.label.contains(needle, Qt::CaseInsensitive)) continue;
        m_ui->customerCombo->addItem(c.label, QVariant::fromValue(static_cast<qlonglong>(c.borrowerRowId)));
        if (m_ui->customerCombo->count() >= kMaxMatches) break;
    }
    if (m_ui->customerCombo->count() == 0)
        m_ui->customerCombo->setPlaceholderText(m_accepted.empty() ? tr("No accepted queue entry to book.")
                                                                   : tr("No accepted queue entry matches."));
    refresh();
}

app::BookingRequest BookingDialog::request() const
{
    app::BookingRequest r;
    r.borrowerRowId = m_customer ? m_customer->borrowerRowId : m_ui->customerCombo->currentData().toLongLong();
    r.date = fromQDate(m_ui->dateEdit->date());
    const QTime t = m_ui->startEdit->time();
    r.start = ClockTime::at(t.hour(), t.minute());
    r.durationMinutes = m_ui->durationSpin->value();
    r.place = static_cast<PlaceKind>(m_ui->placeCombo->currentData().toInt());
    r.placeNote = toStd(m_ui->placeEdit->text().trimmed());
    r.staff = {toStd(m_ui->staff1Combo->currentData().toString()), toStd(m_ui->staff2Combo->currentData().toString())};
    r.confirmed = m_ui->confirmedCheck->isChecked();
    return r;
}

bool BookingDialog::canAccept() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled();
}

void BookingDialog::refresh()
{
    m_ui->placeEdit->setVisible(static_cast<PlaceKind>(m_ui->placeCombo->currentData().toInt()) == PlaceKind::Other);
    m_refusals.clear();
    const app::BookingRequest r = request();
    if (m_rescheduling) {
        auto found = app::rescheduleRefusals(m_session, m_rescheduling->id, r.date, r.start, r.durationMinutes);
        if (!found) {
            m_refusals << errorText(found.error());
        } else {
            for (const BookingRefusal& refusal : *found)
                m_refusals << errorText(m_names.named(refusal.error));
        }
    } else if (r.borrowerRowId == 0) {
        m_refusals << tr("Choose the customer to visit.");
    } else if (auto found = app::AppointmentService(m_session).refusals(r); !found) {
        m_refusals << errorText(found.error());
    } else {
        for (const BookingRefusal& refusal : *found)
            m_refusals << errorText(m_names.named(refusal.error));
    }
    // A reschedule opens on the appointment's own time, which is no new time: OK stays disabled, but that is
    // not yet an error to show in red — until the user has moved it once.
    if (m_rescheduling) {
        const Appointment& a = m_rescheduling->appointment;
        m_moved = m_moved || r.date != a.date || r.start != a.start || r.durationMinutes != a.durationMinutes;
    }
    m_ui->refusalLabel->setText(m_rescheduling && !m_moved ? QString() : m_refusals.join(QLatin1Char('\n')));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_refusals.isEmpty());
}

void BookingDialog::tryAccept()
{
    if (!canAccept()) return;
    app::AppointmentService service(m_session);
    const app::BookingRequest r = request();
    auto done =
        m_rescheduling ? service.reschedule(m_rescheduling->id, r.date, r.start, r.durationMinutes) : service.book(r);
    if (!done) {
        m_refusals = QStringList{errorText(m_names.named(done.error()))};
        m_ui->refusalLabel->setText(m_refusals.front());
        return;
    }
    m_bookedId = done->id;
    accept();
}

}  // namespace doorstep::gui
