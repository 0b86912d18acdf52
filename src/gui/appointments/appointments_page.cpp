#include "gui/appointments/appointments_page.h"

#include "app/appointments/appointment_settings.h"
#include "app/screening/screening_service.h"
#include "gui/appointments/appointment_calendar.h"
#include "gui/appointments/appointment_table_model.h"
#include "gui/appointments/booking_dialog.h"
#include "gui/appointments/route_picture.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace doorstep::gui {
namespace {

Date mondayOf(Date date)
{
    const std::chrono::weekday wd{std::chrono::sys_days{date}};
    return addDays(date, -static_cast<int>(wd.iso_encoding() - 1));
}

// The list's filter: a state, or every one.
class StateFilter final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setState(std::optional<AppointmentState> state)
    {
        m_state = state;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex&) const override
    {
        if (!m_state) return true;
        const auto* model = static_cast<const AppointmentTableModel*>(sourceModel());
        const auto* r = model->rowAt(row);
        return r != nullptr && r->item.appointment.state == *m_state;
    }

private:
    std::optional<AppointmentState> m_state;
};

QPushButton* button(const QString& text, const QString& name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

}  // namespace

AppointmentsPage::AppointmentsPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_session(workspace.session), m_names(app::ScreeningService(workspace.session).staffNames()),
      m_anchor(app::localNow(workspace.session).date)
{
    const bool team = m_session.can(Permission::ViewAllCases);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Appointments"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);

    // Previous / today / next, day or week, whose.
    auto* bar = new QHBoxLayout;
    auto* previous = button(tr("◀ &Previous week"), QStringLiteral("previousButton"), this);
    auto* today = button(tr("&Today"), QStringLiteral("todayButton"), this);
    auto* next = button(tr("&Next week ▶"), QStringLiteral("nextButton"), this);
    m_range = new QLabel(this);
    m_range->setObjectName(QStringLiteral("appointmentRange"));
    m_range->setStyleSheet(Theme::headlineStyle());
    m_view = new QComboBox(this);
    m_view->setObjectName(QStringLiteral("appointmentView"));
    m_view->addItem(tr("Week"), true);
    m_view->addItem(tr("Day"), false);
    m_person = new QComboBox(this);
    m_person->setObjectName(QStringLiteral("appointmentPerson"));
    if (team) m_person->addItem(tr("Whole team"), QString());
    if (auto staff = app::AppointmentService(m_session).visitingStaff()) {
        for (const std::string& s : *staff) {
            if (team || s == m_session.user().username) m_person->addItem(m_names(s), toQString(s));
        }
    }
    m_person->setEnabled(team);
    auto* book = button(tr("&Book visit…"), QStringLiteral("bookButton"), this);
    for (QWidget* w : std::initializer_list<QWidget*>{previous, today, next})
        bar->addWidget(w);
    bar->addSpacing(12);
    bar->addWidget(m_range);
    bar->addStretch(1);
    bar->addWidget(m_view);
    bar->addWidget(m_person);
    bar->addWidget(book);
    layout->addLayout(bar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("appointmentTabs"));
    m_calendar = new AppointmentCalendar(m_tabs);
    m_tabs->addTab(m_calendar, tr("Calendar"));

    // The list, with its own dates and a state filter.
    auto* listPage = new QWidget(m_tabs);
    auto* listLayout = new QVBoxLayout(listPage);
    auto* filters = new QHBoxLayout;
    m_stateFilter = new QComboBox(listPage);
    m_stateFilter->setObjectName(QStringLiteral("appointmentStateFilter"));
    m_stateFilter->addItem(tr("All states"), -1);
    for (const auto& [state, code] : kAppointmentStateCodes)
        m_stateFilter->addItem(appointmentStateText(state), static_cast<int>(state));
    m_listFrom = new QDateEdit(toQDate(m_anchor), listPage);
    m_listTo = new QDateEdit(toQDate(addDays(m_anchor, 13)), listPage);
    for (QDateEdit* e : {m_listFrom, m_listTo}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_listFrom->setObjectName(QStringLiteral("listFrom"));
    m_listTo->setObjectName(QStringLiteral("listTo"));
    filters->addWidget(new QLabel(tr("State:"), listPage));
    filters->addWidget(m_stateFilter);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("From:"), listPage));
    filters->addWidget(m_listFrom);
    filters->addWidget(new QLabel(tr("to:"), listPage));
    filters->addWidget(m_listTo);
    filters->addStretch(1);
    listLayout->addLayout(filters);
    m_listModel = new AppointmentTableModel(this);
    auto* stateFilter = new StateFilter(this);
    m_sorted = stateFilter;
    m_sorted->setSourceModel(m_listModel);
    m_sorted->setSortRole(AppointmentTableModel::SortRole);
    m_list = new QTableView(listPage);
    m_list->setObjectName(QStringLiteral("appointmentList"));
    m_list->setModel(m_sorted);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(AppointmentTableModel::Date, Qt::AscendingOrder);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    listLayout->addWidget(m_list, 1);
    m_tabs->addTab(listPage, tr("List"));

    // One person's day: the itinerary, the route and the day sheet.
    auto* planPage = new QWidget(m_tabs);
    auto* planLayout = new QVBoxLayout(planPage);
    auto* planBar = new QHBoxLayout;
    m_planTitle = new QLabel(planPage);
    m_planTitle->setObjectName(QStringLiteral("dayPlanTitle"));
    m_planTitle->setWordWrap(true);
    m_print = button(tr("Print &day sheet…"), QStringLiteral("printDaySheetButton"), planPage);
    planBar->addWidget(m_planTitle, 1);
    planBar->addWidget(m_print);
    planLayout->addLayout(planBar);
    auto* planSplit = new QSplitter(Qt::Horizontal, planPage);
    m_itinerary = new QTableWidget(0, 7, planSplit);
    m_itinerary->setObjectName(QStringLiteral("itinerary"));
    m_itinerary->setHorizontalHeaderLabels({tr("No."), tr("Arrive about"), tr("Agreed time"), tr("Travel"),
                                            tr("Customer no."), tr("Customer"), tr("Place")});
    m_itinerary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itinerary->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itinerary->verticalHeader()->hide();
    m_itinerary->horizontalHeader()->setStretchLastSection(true);
    m_itinerary->setWordWrap(false);
    m_route = new RoutePicture(planSplit);
    planSplit->addWidget(m_itinerary);
    planSplit->addWidget(m_route);
    planSplit->setStretchFactor(0, 3);
    planSplit->setStretchFactor(1, 2);
    planLayout->addWidget(planSplit, 1);
    m_tabs->addTab(planPage, tr("Day plan"));
    layout->addWidget(m_tabs, 1);

    // The moves on the selected appointment.
    auto* actions = new QHBoxLayout;
    const std::pair<AppointmentMove, QString> moves[] = {
        {AppointmentMove::Confirm, tr("&Confirm")},         {AppointmentMove::MarkDone, tr("&Visited")},
        {AppointmentMove::MarkNotHome, tr("Not at &home")}, {AppointmentMove::Reschedule, tr("&Reschedule…")},
        {AppointmentMove::Cancel, tr("C&ancel visit…")},
    };
    const std::map<AppointmentMove, QString> names{
        {AppointmentMove::Confirm, QStringLiteral("confirmAppointmentButton")},
        {AppointmentMove::MarkDone, QStringLiteral("visitedButton")},
        {AppointmentMove::MarkNotHome, QStringLiteral("notHomeButton")},
        {AppointmentMove::Reschedule, QStringLiteral("rescheduleButton")},
        {AppointmentMove::Cancel, QStringLiteral("cancelAppointmentButton")},
    };
    for (const auto& [move, text] : moves) {
        auto* b = button(text, names.at(move), this);
        b->setEnabled(false);
        if (move == AppointmentMove::Reschedule) {
            connect(b, &QPushButton::clicked, this, &AppointmentsPage::rescheduleSelected);
        } else {
            connect(b, &QPushButton::clicked, this, [this, m = move] { moveSelected(m); });
        }
        m_moveButtons[move] = b;
        actions->addWidget(b);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("appointmentStatus"));
    // A long message wraps in the space the buttons leave; it never widens the window past the screen.
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    actions->addSpacing(12);
    actions->addWidget(m_status, 1);
    // What the colours of the blocks mean.
    QStringList legend;
    for (AppointmentState state : {AppointmentState::Proposed, AppointmentState::Confirmed, AppointmentState::Done,
                                   AppointmentState::NotHome, AppointmentState::Cancelled}) {
        legend << QStringLiteral("<span style='background-color:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2")
                      .arg(appointmentColor(state).name(), appointmentStateText(state).toHtmlEscaped());
    }
    auto* key = new QLabel(legend.join(QStringLiteral("&nbsp;&nbsp; ")), this);
    key->setObjectName(QStringLiteral("appointmentLegend"));
    key->setTextFormat(Qt::RichText);
    actions->addWidget(key);
    layout->addLayout(actions);

    const BookingSettings hours = app::loadAppointmentSettings(m_session.database().connection()).booking;
    m_calendar->setWorkingHours(hours.workingHours.from.minutes, hours.workingHours.to.minutes);

    connect(previous, &QPushButton::clicked, this, [this] { showDate(addDays(m_anchor, m_week ? -7 : -1)); });
    connect(next, &QPushButton::clicked, this, [this] { showDate(addDays(m_anchor, m_week ? 7 : 1)); });
    connect(today, &QPushButton::clicked, this, [this] { showDate(app::localNow(m_session).date); });
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] { showWeek(m_view->currentData().toBool()); });
    connect(m_person, &QComboBox::currentIndexChanged, this, &AppointmentsPage::reload);
    connect(book, &QPushButton::clicked, this, &AppointmentsPage::bookVisit);
    connect(m_calendar, &AppointmentCalendar::selectionChanged, this, [this](qint64 id) {
        m_selected = id;
        showSelectionInList();
        updateActions();
    });
    // The buttons act on what the tab in front shows selected: on the list, a visit the list does not hold (another
    // date range, another filter) is no longer the one they would move.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, listPage] {
        if (m_tabs->currentWidget() != listPage || m_listModel->rowOf(m_selected) >= 0) return;
        m_selected = 0;
        updateActions();
    });
    connect(m_calendar, &AppointmentCalendar::activated, this, &AppointmentsPage::openSelected);
    connect(m_calendar, &AppointmentCalendar::dayChosen, this, [this](Date date) {
        m_anchor = date;  // the same week; the day plan follows the chosen day
        loadDayPlan();
    });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this, stateFilter] {
        const int s = m_stateFilter->currentData().toInt();
        stateFilter->setState(s < 0 ? std::nullopt : std::optional(static_cast<AppointmentState>(s)));
    });
    for (QDateEdit* e : {m_listFrom, m_listTo})
        connect(e, &QDateEdit::dateChanged, this, &AppointmentsPage::loadList);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AppointmentsPage::listSelectionChanged);
    connect(m_list, &QTableView::activated, this, &AppointmentsPage::openSelected);
    connect(m_print, &QPushButton::clicked, this, &AppointmentsPage::askAndPrint);
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    connect(&workspace.changes, &ChangeNotifier::appointmentsChanged, refresher, &PageRefresher::dataChanged);
    reload();
}

std::string AppointmentsPage::person() const
{
    return toStd(m_person->currentData().toString());
}

void AppointmentsPage::showDate(Date date)
{
    m_anchor = date;
    reload();
}

void AppointmentsPage::showWeek(bool week)
{
    m_week = week;
    // The buttons say how far they go: a week or a day.
    findChild<QPushButton*>(QStringLiteral("previousButton"))
        ->setText(week ? tr("◀ &Previous week") : tr("◀ &Previous day"));
    findChild<QPushButton*>(QStringLiteral("nextButton"))->setText(week ? tr("&Next week ▶") : tr("&Next day ▶"));
    const int index = m_view->findData(week);
    if (index != m_view->currentIndex()) {
        const QSignalBlocker block(m_view);
        m_view->setCurrentIndex(index);
    }
    reload();
}

void AppointmentsPage::showPerson(const std::string& userName)
{
    const int index = m_person->findData(toQString(userName));
    if (index >= 0) m_person->setCurrentIndex(index);  // reloads
}

void AppointmentsPage::reload()
{
    m_details.clear();
    loadCalendar();
    loadList();
    loadDayPlan();
    updateActions();
}

const app::AppointmentDetail* AppointmentsPage::detail(std::int64_t id) const
{
    const auto it = m_details.find(id);
    return it != m_details.end() ? &it->second : nullptr;
}

QString AppointmentsPage::tooltipOf(const app::AppointmentDetail& d) const
{
    const Appointment& a = d.item.appointment;
    QStringList staff;
    for (const std::string& s : a.staff)
        staff << m_names(s);
    QString html = QStringLiteral("<b>%1 %2</b><br>%3 %4–%5<br>%6")
                       .arg(toQString(a.caseId).toHtmlEscaped(), toQString(d.customerName).toHtmlEscaped(),
                            toQString(formatIsoDate(a.date)), clockText(a.start.minutes), clockText(a.endMinutes()),
                            toQString(d.item.district).toHtmlEscaped());
    html += QStringLiteral("<br>") +
            tr("Place: %1").arg(d.address.empty() ? placeKindText(a.place) : toQString(d.address).toHtmlEscaped());
    if (!d.maskedPhone.empty()) html += QStringLiteral("<br>") + tr("Phone: %1").arg(toQString(d.maskedPhone));
    html += QStringLiteral("<br>") + tr("Visiting staff: %1").arg(staff.join(tr(", ")).toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("State: %1").arg(appointmentStateText(a.state));
    if (!a.cancelReason.empty())
        html += QStringLiteral("<br>") + tr("Reason: %1").arg(toQString(a.cancelReason).toHtmlEscaped());
    return html;
}

void AppointmentsPage::loadCalendar()
{
    const Date first = m_week ? mondayOf(m_anchor) : m_anchor;
    const int days = m_week ? 7 : 1;
    const Date last = addDays(first, days - 1);
    m_range->setText(m_week ? tr("%1 – %2").arg(toQString(formatIsoDate(first)), toQString(formatIsoDate(last)))
                            : toQString(formatIsoDate(first)));
    std::vector<CalendarPerson> people;
    const std::string who = person();
    for (int i = m_person->findData(QString()) == 0 ? 1 : 0; i < m_person->count(); ++i) {
        const std::string user = toStd(m_person->itemData(i).toString());
        if (who.empty() || user == who) people.push_back({user, m_person->itemText(i)});
    }
    m_calendar->setPeople(std::move(people));
    m_calendar->setDays(first, days);
    m_calendar->setToday(app::localNow(m_session).date);
    auto items = app::AppointmentService(m_session).appointments(first, last, who);
    auto details = items ? app::appointmentDetails(m_session, *items)
                         : Result<std::vector<app::AppointmentDetail>>(std::unexpect, items.error());
    if (!details) {
        m_status->setText(errorText(details.error()));
        m_calendar->setItems({});
        return;
    }
    std::vector<CalendarItem> shown;
    shown.reserve(details->size());
    for (app::AppointmentDetail& d : *details) {
        const Appointment& a = d.item.appointment;
        shown.push_back(CalendarItem{d.item.id, a.date, a.start.minutes, a.durationMinutes, a.state, a.staff,
                                     toQString(a.caseId) + QLatin1Char('\n') + toQString(d.item.district),
                                     tooltipOf(d)});
        m_details[d.item.id] = std::move(d);
    }
    m_calendar->setItems(std::move(shown));
    if (m_selected != 0) m_calendar->select(m_selected);
}

void AppointmentsPage::loadList()
{
    const Date from = fromQDate(m_listFrom->date());
    const Date to = fromQDate(m_listTo->date());
    auto items = app::AppointmentService(m_session).appointments(from, std::max(from, to), person());
    auto details = items ? app::appointmentDetails(m_session, *items)
                         : Result<std::vector<app::AppointmentDetail>>(std::unexpect, items.error());
    if (!details) {
        m_status->setText(errorText(details.error()));
        return;
    }
    for (const app::AppointmentDetail& d : *details)
        m_details.try_emplace(d.item.id, d);
    const std::int64_t keep = m_selected;
    m_listModel->setRows(std::move(*details), m_names);
    m_list->resizeColumnsToContents();
    if (keep != 0) {
        const int row = m_listModel->rowOf(keep);
        if (row >= 0) m_list->selectRow(m_sorted->mapFromSource(m_listModel->index(row, 0)).row());
    }
    m_selected = keep;
}

void AppointmentsPage::loadDayPlan()
{
    m_plan.reset();
    m_itinerary->setRowCount(0);
    m_route->setRoute({});
    const std::string who = person();
    if (who.empty()) {
        m_planTitle->setText(
            tr("Choose one person above to plan their day (%1).").arg(toQString(formatIsoDate(m_anchor))));
        m_print->setEnabled(false);
        return;
    }
    auto plan = app::officerDayPlan(m_session, who, m_anchor);
    if (!plan) {
        m_planTitle->setText(errorText(plan.error()));
        m_print->setEnabled(false);
        return;
    }
    m_plan = std::move(*plan);
    QStringList staff;
    for (const std::string& s : m_plan->staff)
        staff << m_names(s);
    QString title = tr("%1, %2: %Ln visit(s), about %3 minutes of travel between them.", nullptr,
                       static_cast<int>(m_plan->stops.size()))
                        .arg(staff.join(tr(", ")), toQString(formatIsoDate(m_anchor)))
                        .arg(m_plan->plan.travelMinutes);
    if (m_plan->plan.lateMinutes > 0)
        title += QLatin1Char(' ') +
                 tr("This order misses the agreed times by %1 minutes in all.").arg(m_plan->plan.lateMinutes);
    if (!m_plan->unplaced.empty())
        title += QLatin1Char(' ') + tr("%Ln visit(s) without a location are not on the route.", nullptr,
                                       static_cast<int>(m_plan->unplaced.size()));
    m_planTitle->setText(title);
    std::vector<GeoPoint> points;
    int row = 0;
    for (const app::DayPlanStopView& s : m_plan->stops) {
        const Appointment& a = s.detail.item.appointment;
        m_itinerary->insertRow(row);
        const QStringList cells{QString::number(row + 1),
                                clockText(s.visit.arrival),
                                clockText(a.start.minutes) + QStringLiteral("–") + clockText(a.endMinutes()),
                                tr("%1 min").arg(s.visit.travelMinutes),
                                toQString(a.caseId),
                                toQString(s.detail.customerName),
                                s.detail.address.empty() ? placeKindText(a.place) : toQString(s.detail.address)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            if (c == 1 && s.visit.lateMinutes > 0) cell->setForeground(Theme::errorColor());
            m_itinerary->setItem(row, c, cell);
        }
        points.push_back(s.point);
        ++row;
    }
    m_itinerary->resizeColumnsToContents();
    m_route->setRoute(std::move(points));
    m_print->setEnabled(!m_plan->stops.empty() || !m_plan->unplaced.empty());
}

void AppointmentsPage::showSelectionInList()
{
    const QSignalBlocker quiet(m_list->selectionModel());
    const int row = m_listModel->rowOf(m_selected);
    if (row >= 0)
        m_list->selectRow(m_sorted->mapFromSource(m_listModel->index(row, 0)).row());
    else
        m_list->clearSelection();
}

void AppointmentsPage::listSelectionChanged()
{
    const auto rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    const auto* r = m_listModel->rowAt(m_sorted->mapToSource(rows.first()).row());
    if (r == nullptr) return;
    m_selected = r->item.id;
    m_calendar->select(m_selected);
    updateActions();
}

bool AppointmentsPage::selectAppointment(std::int64_t id)
{
    if (detail(id) == nullptr) return false;
    m_selected = id;
    m_calendar->select(id);
    const int row = m_listModel->rowOf(id);
    if (row >= 0) m_list->selectRow(m_sorted->mapFromSource(m_listModel->index(row, 0)).row());
    updateActions();
    return true;
}

void AppointmentsPage::updateActions()
{
    for (auto& [move, b] : m_moveButtons)
        b->setEnabled(false);
    const app::AppointmentDetail* d = detail(m_selected);
    if (d == nullptr) return;
    // The buttons offer what the appointment's state machine allows this user (domain/appointments/appointment.h).
    for (AppointmentMove move : app::AppointmentService(m_session).allowedMoves(d->item)) {
        if (auto it = m_moveButtons.find(move); it != m_moveButtons.end()) it->second->setEnabled(true);
    }
}

bool AppointmentsPage::moveSelected(AppointmentMove move, std::optional<QString> reason)
{
    const app::AppointmentDetail* d = detail(m_selected);
    if (d == nullptr) return false;
    const std::int64_t id = m_selected;
    const QString caseId = toQString(d->item.appointment.caseId);
    if (move == AppointmentMove::Cancel && !reason) {
        bool ok = false;
        const QString text = QInputDialog::getText(
            this, tr("Cancel visit"), tr("Why is the visit to %1 cancelled?").arg(caseId), QLineEdit::Normal, {}, &ok);
        if (!ok) return false;
        reason = text.trimmed();
    }
    app::AppointmentService service(m_session);
    Result<app::AppointmentItem> done = [&]() -> Result<app::AppointmentItem> {
        switch (move) {
        case AppointmentMove::Confirm: return service.confirm(id);
        case AppointmentMove::MarkDone: return service.markDone(id);
        case AppointmentMove::MarkNotHome: return service.markNotHome(id);
        case AppointmentMove::Cancel: return service.cancel(id, toStd(reason.value_or(QString())));
        case AppointmentMove::Reschedule: break;
        }
        return fail(ErrorCode::Internal, MessageId{"appointment.move_elsewhere"});
    }();
    if (!done) {
        MessageBox::warning(this, tr("Appointments"), errorText(m_names.named(done.error())));
        return false;
    }
    reload();
    selectAppointment(id);
    m_status->setText(tr("%1: %2.").arg(caseId, appointmentStateText(done->appointment.state)));
    return true;
}

void AppointmentsPage::bookVisit()
{
    BookingDialog dialog(m_session, std::nullopt, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const app::BookingRequest r = dialog.request();
    m_anchor = r.date;
    reload();
    selectAppointment(dialog.bookedId());
    m_status->setText(
        tr("Visit booked for %1 at %2.").arg(toQString(formatIsoDate(r.date)), clockText(r.start.minutes)));
}

void AppointmentsPage::rescheduleSelected()
{
    const app::AppointmentDetail* d = detail(m_selected);
    if (d == nullptr) return;
    BookingDialog dialog(m_session, d->item, toQString(d->item.appointment.caseId + " " + d->customerName), this);
    if (dialog.exec() != QDialog::Accepted) return;
    m_anchor = dialog.request().date;
    reload();
    selectAppointment(dialog.bookedId());
    m_status->setText(tr("Rescheduled: the customer confirms the new time."));
}

void AppointmentsPage::openSelected()
{
    const app::AppointmentDetail* d = detail(m_selected);
    if (d == nullptr) return;
    const auto moves = app::AppointmentService(m_session).allowedMoves(d->item);
    if (std::ranges::find(moves, AppointmentMove::Reschedule) != moves.end()) {
        rescheduleSelected();
        return;
    }
    MessageBox::information(this, tr("Appointment"), tooltipOf(*d));
}

std::optional<report::DaySheet> AppointmentsPage::daySheet()
{
    if (!m_plan) {
        m_status->setText(tr("Choose one person to print their day sheet."));
        return std::nullopt;
    }
    report::DaySheet sheet;
    sheet.date = m_plan->date;
    for (const std::string& s : m_plan->staff)
        sheet.staff.push_back(toStd(m_names(s)));
    const auto stopOf = [](const app::AppointmentDetail& d, int arrival) {
        const Appointment& a = d.item.appointment;
        const std::string place = d.address.empty() ? toStd(placeKindText(a.place)) : d.address;
        return report::DaySheetStop{arrival,        a.start, a.durationMinutes, a.caseId,
                                    d.customerName, place,   d.maskedPhone};
    };
    for (const app::DayPlanStopView& s : m_plan->stops)
        sheet.stops.push_back(stopOf(s.detail, s.visit.arrival));
    for (const app::AppointmentDetail& d : m_plan->unplaced)
        sheet.unplaced.push_back(stopOf(d, d.item.appointment.start.minutes));
    sheet.travelMinutes = m_plan->plan.travelMinutes;
    sheet.lateMinutes = m_plan->plan.lateMinutes;
    sheet.printedBy = toStd(m_names(m_session.user().username));
    sheet.printedOn = app::localNow(m_session).date;
    return sheet;
}

int AppointmentsPage::printDaySheet(const QString& path)
{
    const auto sheet = daySheet();
    if (!sheet) return 0;
    const int pages = report::writeDaySheetPdf(path, *sheet, uiLanguage());
    m_status->setText(pages > 0 ? tr("Day sheet written to %1.").arg(QDir::toNativeSeparators(path))
                                : tr("The day sheet could not be written to %1.").arg(QDir::toNativeSeparators(path)));
    return pages;
}

void AppointmentsPage::askAndPrint()
{
    const QString name =
        QStringLiteral("day-sheet-%1-%2.pdf").arg(toQString(person()), toQString(formatIsoDate(m_anchor)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Print day sheet"), QDir::home().filePath(name),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty()) printDaySheet(path);
}

}  // namespace doorstep::gui
