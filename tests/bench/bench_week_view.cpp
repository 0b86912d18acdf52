// How fast the Appointments page's calendar draws (issue 10: the week view of a team of 10 officers with 200
// appointments in under 100 ms). A plain program, not a test: `bench_week_view [draws]` (default 50) lays out
// a week of 200 appointments (two staff each, 30–90 minutes, 09:00–18:00) for 10 officers in a widget of the
// size the page gives it at 1366×768, renders it into an image that many times and prints the median and
// worst time per draw (CPU time and wall clock), the layout time (setItems), and the same for one day's view.
// Runs offscreen (QT_QPA_PLATFORM=offscreen is set when nothing else is). Run it from a Release build.
#include "gui/appointments/appointment_calendar.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string_view>
#include <vector>

using namespace doorstep;

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double threadCpuMilliseconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

const Date kMonday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

std::vector<gui::CalendarItem> weekOfAppointments(const std::vector<gui::CalendarPerson>& people, int count)
{
    std::mt19937 random(20261130);
    std::uniform_int_distribution<int> day(0, 6), slot(0, 15), length(1, 3),
        person(0, static_cast<int>(people.size()) - 1);
    const std::array states{AppointmentState::Proposed, AppointmentState::Confirmed, AppointmentState::Done,
                            AppointmentState::NotHome, AppointmentState::Cancelled};
    std::vector<gui::CalendarItem> items;
    for (int n = 0; n < count; ++n) {
        const int a = person(random);
        int b = person(random);
        if (b == a) b = (a + 1) % static_cast<int>(people.size());
        gui::CalendarItem i;
        i.id = n + 1;
        i.date = addDays(kMonday, day(random));
        i.start = 9 * 60 + 30 * slot(random);
        i.durationMinutes = 30 * length(random);
        i.state = states[static_cast<std::size_t>(n) % states.size()];
        i.staff = {people[static_cast<std::size_t>(a)].userName, people[static_cast<std::size_t>(b)].userName};
        i.label = QStringLiteral("C%1\n浦东新区").arg(1000000 + n * 37);
        i.tooltip = QStringLiteral("<b>C%1</b>").arg(1000000 + n * 37);
        items.push_back(std::move(i));
    }
    return items;
}

struct Figures {
    double medianCpu, worstCpu, medianWall, worstWall;
};

Figures timeDraws(gui::AppointmentCalendar& view, int draws)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> cpu, wall;
    for (int n = 0; n < draws; ++n) {
        const double c0 = threadCpuMilliseconds();
        const auto w0 = std::chrono::steady_clock::now();
        view.render(&image);
        wall.push_back(millisecondsSince(w0));
        cpu.push_back(threadCpuMilliseconds() - c0);
    }
    return {median(cpu), *std::ranges::max_element(cpu), median(wall), *std::ranges::max_element(wall)};
}

}  // namespace

int main(int argc, char** argv)
{
    int draws = 50;
    if (argc > 1) {
        const std::string_view arg = argv[1];
        if (std::from_chars(arg.data(), arg.data() + arg.size(), draws).ec != std::errc() || draws < 1) {
            fmt::print(stderr, "usage: bench_week_view [draws]\n");
            return 2;
        }
    }
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);

    std::vector<gui::CalendarPerson> people;
    for (int n = 1; n <= 10; ++n)
        people.push_back({"officer" + std::to_string(n), QStringLiteral("专员%1").arg(n)});
    auto items = weekOfAppointments(people, 200);

    gui::AppointmentCalendar view;
    view.resize(1140, 560);  // the calendar's share of a maximised window at 1366×768
    view.setWorkingHours(9 * 60, 18 * 60);
    view.setPeople(people);
    view.setDays(kMonday, 7);
    const auto l0 = std::chrono::steady_clock::now();
    view.setItems(items);
    const double layout = millisecondsSince(l0);
    std::size_t blocks = 0;
    for (const auto& i : items)
        blocks += view.blocksOf(i.id).size();
    const Figures week = timeDraws(view, draws);
    fmt::print("week view, 10 officers, 200 appointments ({} blocks), {}x{} px, {} draws:\n", blocks, view.width(),
               view.height(), draws);
    fmt::print("  layout (setItems) {:.2f} ms\n", layout);
    fmt::print("  draw: median {:.2f} ms CPU ({:.2f} ms wall), worst {:.2f} ms CPU ({:.2f} ms wall)\n", week.medianCpu,
               week.medianWall, week.worstCpu, week.worstWall);

    view.setDays(kMonday, 1);
    const Figures day = timeDraws(view, draws);
    fmt::print("day view, 10 officers, Monday's appointments:\n");
    fmt::print("  draw: median {:.2f} ms CPU ({:.2f} ms wall), worst {:.2f} ms CPU ({:.2f} ms wall)\n", day.medianCpu,
               day.medianWall, day.worstCpu, day.worstWall);
    return week.medianWall < 100.0 ? 0 : 1;
}
