#include "app/demo/demo_activity.h"

#include "app/appointments/appointment_service.h"
#include "app/appointments/appointment_settings.h"
#include "app/contacts/contact_service.h"
#include "app/screening/screening_service.h"
#include "app/shared/branch_setup.h"
#include "app/users/user_admin.h"
#include "domain/messages/message.h"
#include "io/demo/synthetic_random.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::app {
namespace {

constexpr int kMinimumOfficers = 4;
constexpr int kDaysAhead = 14;

// The synthetic officers the demo adds, in order, with the demo's printed-on-purpose passwords.
const std::array<DemoAccount, 4> kExtraOfficers{{
    {"officer3", "赵专员（演示）", Role::Officer, "Demo-Zhuanyuan-3"},
    {"officer4", "陈专员（演示）", Role::Officer, "Demo-Zhuanyuan-4"},
    {"officer5", "刘专员（演示）", Role::Officer, "Demo-Zhuanyuan-5"},
    {"officer6", "杨专员（演示）", Role::Officer, "Demo-Zhuanyuan-6"},
}};

std::optional<std::string> demoPassword(const std::string& username)
{
    for (const DemoAccount& a : demoAccounts()) {
        if (a.username == username) return a.password;
    }
    for (const DemoAccount& a : kExtraOfficers) {
        if (a.username == username) return a.password;
    }
    return std::nullopt;
}

// A clock the simulation moves; every session of the run reads it.
class SimulatedClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return m_now; }
    void set(Date date, ClockTime time)
    {
        m_now = std::chrono::sys_days{date} + std::chrono::minutes{time.minutes} - std::chrono::hours{8};
    }

private:
    std::chrono::system_clock::time_point m_now{};
};

struct Actor {
    std::string username;
    std::unique_ptr<Session> session;
};

}  // namespace

Result<DemoActivitySummary> addDemoActivity(Session& admin, Date today, const DemoActivityOptions& options)
{
    if (auto r = admin.require(Permission::ManageUsers); !r) return std::unexpected(r.error());
    if (options.days < 0 || options.days > 60)
        return fail(ErrorCode::InvalidInput, MessageId{"demo.days_out_of_range"}, {MessageArg::number("max", 60)});
    DemoActivitySummary summary;
    io::synthetic::Random random(options.seed);

    // Officers until there are four.
    UserAdministration users(admin);
    auto list = users.list();
    if (!list) return std::unexpected(list.error());
    int officers = static_cast<int>(
        std::ranges::count_if(*list, [](const User& u) { return u.role == Role::Officer && !u.disabled; }));
    for (const DemoAccount& extra : kExtraOfficers) {
        if (officers >= kMinimumOfficers) break;
        if (std::ranges::find(*list, extra.username, &User::username) != list->end()) continue;
        auto added = users.add({extra.username, extra.displayName, Role::Officer, extra.password});
        if (!added) return std::unexpected(added.error());
        ++officers;
        ++summary.officersAdded;
    }
    list = users.list();
    if (!list) return std::unexpected(list.error());

    // Everyone who visits and whose demo password is known acts in their own session on the simulated clock.
    SimulatedClock clock;
    clock.set(addDays(today, -options.days), ClockTime::at(8, 0));
    LoginThrottle throttle(clock);
    std::vector<Actor> officerActors;
    std::unique_ptr<Session> supervisor;
    std::vector<std::string> visitors;
    for (const User& u : *list) {
        if (u.disabled || u.role == Role::Administrator) continue;
        visitors.push_back(u.username);
        const auto password = demoPassword(u.username);
        if (!password) continue;
        auto session = Session::login(admin.databasePath(), u.username, *password, throttle, clock);
        if (!session) continue;  // not a demo account any more: it only visits as second staff
        if (u.role == Role::Officer)
            officerActors.push_back({u.username, std::move(*session)});
        else if (!supervisor)
            supervisor = std::move(*session);
    }
    if (officerActors.empty() || visitors.size() < 2) return fail(ErrorCode::Conflict, MessageId{"demo.staff_missing"});

    // Each officer's cases: their queue entries (open or accepted).
    std::map<std::string, std::vector<std::int64_t>> cases;
    for (Actor& a : officerActors) {
        auto queue = ScreeningService(*a.session).queue({});
        if (!queue) return std::unexpected(queue.error());
        for (const QueueItem& i : *queue)
            cases[a.username].push_back(i.borrowerRowId);
    }

    static constexpr std::array<ContactResult, 6> kOutcomes{
        ContactResult::NoAnswer,          ContactResult::Busy,         ContactResult::Reached,
        ContactResult::AppointmentAgreed, ContactResult::PromiseToPay, ContactResult::CallbackRequested};
    static constexpr std::array<int, 6> kWeights{38, 8, 12, 28, 8, 6};

    // Visit notes draw on a random sequence of their own, so the contacts and visits stay as they were.
    io::synthetic::Random notesRandom(options.seed ^ 0x5649534954ULL);
    std::vector<Session*> officerSessions;
    officerSessions.reserve(officerActors.size());
    for (Actor& a : officerActors)
        officerSessions.push_back(a.session.get());

    for (int offset = -options.days; offset <= 0; ++offset) {
        const Date day = addDays(today, offset);
        // The morning: the supervisor reviews some of the notes written so far; officers answer returned ones.
        if (supervisor && offset > -options.days) {
            clock.set(day, ClockTime::at(8, 30));
            reviewDemoNotes(*supervisor, officerSessions, notesRandom, summary.notes);
        }
        for (Actor& a : officerActors) {
            auto& own = cases[a.username];
            if (own.empty()) continue;
            ContactService contacts(*a.session);
            AppointmentService appointments(*a.session);
            ScreeningService screening(*a.session);
            const int calls = random.between(3, 7);
            int minute = 9 * 60 + random.between(0, 40);
            for (int c = 0; c < calls && minute < 17 * 60; ++c, minute += random.between(15, 70)) {
                const std::int64_t caseRow =
                    own[static_cast<std::size_t>(random.between(0, static_cast<int>(own.size()) - 1))];
                clock.set(day, ClockTime{minute});
                ContactEntry entry;
                entry.borrowerRowId = caseRow;
                entry.who = ContactParty::Borrower;
                entry.channel = ContactChannel::Call;
                entry.numberId = "phone";
                entry.date = day;
                entry.time = ClockTime{minute};
                entry.result = kOutcomes[random.weighted(kWeights)];
                if (entry.result == ContactResult::PromiseToPay) {
                    entry.promisedAmount = Money::fromYuan(random.between(5, 60) * 100);
                    entry.promisedDate = addDays(day, random.between(3, 14));
                }
                auto logged = contacts.logContact(entry);
                if (!logged) {
                    ++summary.refused;
                    continue;
                }
                ++summary.contacts;
                if (entry.result != ContactResult::AppointmentAgreed) continue;

                // The customer agreed a visit: book it with a second member of staff, a few days ahead.
                (void)screening.accept(caseRow);  // a case already accepted stays so
                for (int attempt = 0; attempt < 4; ++attempt) {
                    BookingRequest request;
                    request.borrowerRowId = caseRow;
                    request.date = addDays(day, random.between(1, offset == 0 ? kDaysAhead : 5));
                    request.start = ClockTime::at(random.between(9, 16), random.between(0, 1) * 30);
                    request.durationMinutes = random.pick(std::span<const int>(std::array{30, 45, 60}));
                    std::string second;
                    do {
                        second = visitors[static_cast<std::size_t>(
                            random.between(0, static_cast<int>(visitors.size()) - 1))];
                    } while (second == a.username);
                    request.staff = {a.username, second};
                    request.agreedContactId = logged->eventId;
                    request.confirmed = random.chance(850'000);
                    if (auto booked = appointments.book(request); booked) {
                        ++summary.appointments;
                        break;
                    }
                }
            }
        }
        // The end of a past day: each officer says what happened at the visits of the day. Today's visits stay
        // as they are, for the calendars and tomorrow's reminders.
        if (offset == 0) break;
        clock.set(day, ClockTime::at(18, 30));
        for (Actor& a : officerActors) {
            AppointmentService appointments(*a.session);
            auto todays = appointments.appointments(day, day);
            if (!todays) return std::unexpected(todays.error());
            for (const AppointmentItem& item : *todays) {
                if (item.appointment.staff.empty() || item.appointment.staff.front() != a.username) continue;
                if (item.appointment.state == AppointmentState::Proposed) {
                    if (appointments.cancel(item.id, "客户未确认时间")) ++summary.cancelled;
                    continue;
                }
                if (item.appointment.state != AppointmentState::Confirmed) continue;
                if (random.chance(720'000)) {
                    if (appointments.markDone(item.id)) ++summary.done;
                } else {
                    if (appointments.markNotHome(item.id)) ++summary.notHome;
                }
            }
        }
        // The evening: each officer writes up the visits they led.
        clock.set(day, ClockTime::at(19, 0));
        for (Actor& a : officerActors)
            writeDemoNotes(*a.session, day, notesRandom, summary.notes);
    }
    // The queue as of its date, with the appointments' exclusions applied.
    if (supervisor) {
        ScreeningService screening(*supervisor);
        (void)screening.run(screening.currentAsOf());
    }
    return summary;
}

}  // namespace doorstep::app
