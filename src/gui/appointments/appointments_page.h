#pragma once
// The Appointments page (issue 10): the home visits by day or week and person — a painted calendar with a
// block per appointment coloured by state, and a sortable list with filters — the moves the user may make on
// the selected one (confirm, visited, not at home, cancel with a reason, reschedule), booking a visit, and one
// person's day plan: the visits in the order to make them with estimated arrivals, a picture of the route and
// the printable day sheet. It refreshes itself when appointments change.
#include "app/appointments/appointment_details.h"
#include "gui/appointments/appointment_text.h"
#include "gui/shared/workspace.h"
#include "report/day_sheet.h"

#include <QWidget>
#include <map>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace doorstep::gui {

class AppointmentCalendar;
class AppointmentTableModel;
class RoutePicture;

class AppointmentsPage final : public QWidget {
    Q_OBJECT
public:
    explicit AppointmentsPage(Workspace& workspace, QWidget* parent = nullptr);

    void reload();
    void showDate(Date date);
    void showWeek(bool week);
    // One person's appointments ("" = the whole team; supervisors only).
    void showPerson(const std::string& userName);
    bool selectAppointment(std::int64_t id);
    std::int64_t selectedAppointment() const { return m_selected; }
    // The move on the selected appointment; Cancel asks for a reason first (`reason` given: no question).
    bool moveSelected(AppointmentMove move, std::optional<QString> reason = std::nullopt);
    void bookVisit();
    void rescheduleSelected();
    // The day sheet of the chosen person and date (none, having said why, when there is no one person).
    std::optional<report::DaySheet> daySheet();
    // Writes the day sheet; the number of pages (0, having said why, when it could not be written).
    int printDaySheet(const QString& path);

    AppointmentCalendar* calendar() const { return m_calendar; }
    AppointmentTableModel* listModel() const { return m_listModel; }
    RoutePicture* route() const { return m_route; }

private:
    void loadCalendar();
    void loadList();
    void loadDayPlan();
    void updateActions();
    void openSelected();
    void askAndPrint();
    void listSelectionChanged();
    void showSelectionInList();  // the list's selection follows the calendar's
    const app::AppointmentDetail* detail(std::int64_t id) const;
    QString tooltipOf(const app::AppointmentDetail& d) const;
    std::string person() const;  // the person shown, "" for the whole team

    app::Session& m_session;
    StaffNames m_names;
    Date m_anchor{};
    bool m_week = true;
    std::int64_t m_selected = 0;
    std::map<std::int64_t, app::AppointmentDetail> m_details;  // what either view shows, by id
    std::optional<app::OfficerDayPlan> m_plan;

    QLabel* m_range = nullptr;
    QComboBox* m_view = nullptr;
    QComboBox* m_person = nullptr;
    QTabWidget* m_tabs = nullptr;
    AppointmentCalendar* m_calendar = nullptr;
    AppointmentTableModel* m_listModel = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_list = nullptr;
    QComboBox* m_stateFilter = nullptr;
    QDateEdit* m_listFrom = nullptr;
    QDateEdit* m_listTo = nullptr;
    QLabel* m_planTitle = nullptr;
    QTableWidget* m_itinerary = nullptr;
    RoutePicture* m_route = nullptr;
    QPushButton* m_print = nullptr;
    std::map<AppointmentMove, QPushButton*> m_moveButtons;
    QLabel* m_status = nullptr;
};

}  // namespace doorstep::gui
