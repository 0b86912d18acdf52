#include "app/appointments/appointment_settings.h"

#include "storage/database/settings_repository.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

TEST_CASE("appointment_settings: the domain's defaults until an administrator saves others", "[appointments_app]")
{
    test::TestBranch branch;
    auto admin = branch.loginAdmin();
    const auto& db = admin->database().connection();
    const auto defaults = app::loadAppointmentSettings(db);
    CHECK(defaults.contactRules.quietHours.from == ClockTime::at(22, 0));
    CHECK(defaults.contactRules.quietHours.to == ClockTime::at(8, 0));
    CHECK(defaults.contactRules.maxUnansweredCallsPerNumber == 6);
    CHECK(defaults.contactRules.maxConversationsPerCustomer == 3);
    CHECK(defaults.booking.workingHours.from == ClockTime::at(9, 0));
    CHECK(defaults.booking.workingHours.to == ClockTime::at(18, 0));
    CHECK(defaults.booking.dailyVisitCapacity == 6);
    CHECK(defaults.booking.travel.detourFactor == 1.4);
    CHECK(defaults.booking.travel.speedKmh == 20.0);

    app::AppointmentSettings s;
    s.contactRules.quietHours = {ClockTime::at(21, 30), ClockTime::at(8, 30)};
    s.contactRules.maxUnansweredCallsPerNumber = 4;
    s.contactRules.maxConversationsPerCustomer = 2;
    s.booking.workingHours = {ClockTime::at(8, 30), ClockTime::at(17, 30)};
    s.booking.dailyVisitCapacity = 5;
    s.booking.travel.detourFactor = 1.25;
    s.booking.travel.speedKmh = 18.5;
    REQUIRE(app::saveAppointmentSettings(*admin, s));
    const auto loaded = app::loadAppointmentSettings(db);
    CHECK(loaded.contactRules.quietHours.from == ClockTime::at(21, 30));
    CHECK(loaded.contactRules.quietHours.to == ClockTime::at(8, 30));
    CHECK(loaded.contactRules.maxUnansweredCallsPerNumber == 4);
    CHECK(loaded.contactRules.maxConversationsPerCustomer == 2);
    CHECK(loaded.booking.workingHours.from == ClockTime::at(8, 30));
    CHECK(loaded.booking.dailyVisitCapacity == 5);
    CHECK(loaded.booking.travel.detourFactor == 1.25);
    CHECK(loaded.booking.travel.speedKmh == 18.5);
    // The booking checks use the contact rules' quiet hours.
    CHECK(loaded.booking.quietHours.from == ClockTime::at(21, 30));
    CHECK(storage::SettingsRepository(db).get("contact.quiet_hours") == "21:30-08:30");
}

TEST_CASE("appointment_settings: out-of-range figures are refused; only administrators save", "[appointments_app]")
{
    test::TestBranch branch;
    branch.addUser("sup", Role::Supervisor, "officer-pass-2026");
    auto admin = branch.loginAdmin();
    app::AppointmentSettings s;
    s.booking.dailyVisitCapacity = 0;
    auto refused = app::saveAppointmentSettings(*admin, s);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    s = {};
    s.booking.travel.detourFactor = 3.5;
    CHECK_FALSE(app::saveAppointmentSettings(*admin, s));
    s = {};
    s.contactRules.maxUnansweredCallsPerNumber = 0;
    CHECK_FALSE(app::saveAppointmentSettings(*admin, s));

    auto sup = branch.login("sup", "officer-pass-2026");
    auto notAllowed = app::saveAppointmentSettings(*sup, {});
    REQUIRE_FALSE(notAllowed);
    CHECK(notAllowed.error().code == ErrorCode::PermissionDenied);

    // A stored value the domain refuses falls back to the defaults.
    storage::SettingsRepository(admin->database().connection()).set("booking.daily_visit_capacity", "0");
    CHECK(app::loadAppointmentSettings(admin->database().connection()).booking.dailyVisitCapacity == 6);
}

TEST_CASE("appointment_settings: local time is Asia/Shanghai, eight hours ahead of UTC", "[appointments_app]")
{
    using namespace std::chrono;
    const auto t = sys_days{year{2026} / 11 / 29} + hours{17} + minutes{30} + seconds{59};
    const LocalDateTime local = app::localDateTime(t);
    CHECK(local.date == Date{year{2026}, November, day{30}});
    CHECK(local.time == ClockTime::at(1, 30));
}
