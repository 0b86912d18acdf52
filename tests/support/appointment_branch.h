#pragma once
// A branch for the contact and appointment use-case tests: a supervisor, three officers (ofc3 owns no case),
// a small synthetic extract imported and screened as of 2026-11-30, and the clock at 09:00 that morning,
// Asia/Shanghai (01:00 UTC).
#include "app/portfolio/portfolio_import.h"
#include "app/screening/screening_service.h"
#include "io/demo/synthetic_extract.h"
#include "storage/audit/audit_repository.h"
#include "storage/contacts/contact_log_repository.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace doorstep::test {

inline constexpr std::string_view kStaffPassword = "officer-pass-2026";
inline const Date kDay{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

// The instant of `hour:minute` on `date`, Asia/Shanghai.
inline std::chrono::sys_seconds shanghai(Date date, int hour, int minute)
{
    return std::chrono::sys_days{date} + std::chrono::hours{hour - 8} + std::chrono::minutes{minute};
}

struct AppointmentBranch {
    AppointmentBranch()
    {
        // Display names unlike the user names, so a text that shows a user name where people read names shows.
        branch.addUser("sup", Role::Supervisor, kStaffPassword, "吴主管");
        branch.addUser("ofc1", Role::Officer, kStaffPassword, "周专员");
        branch.addUser("ofc2", Role::Officer, kStaffPassword, "郑专员");
        branch.addUser("ofc3", Role::Officer, kStaffPassword, "冯专员");
        io::SyntheticOptions options;
        options.loans = 250;
        options.seed = 7;
        options.officers = {"ofc1", "ofc2"};
        const auto folder = branch.dir() / "extract";
        REQUIRE(io::writeSyntheticExtract(folder, options));
        sup = branch.login("sup", kStaffPassword);
        auto imported = app::importExtract(*sup, folder, {});
        REQUIRE(imported);
        REQUIRE(imported->imported);
        branch.clock.set(shanghai(kDay, 9, 0));
    }

    std::unique_ptr<app::Session> login(std::string_view name) { return branch.login(name, kStaffPassword); }
    const storage::Connection& db() { return sup->database().connection(); }

    // An open queue entry of `officer` with no contact on kDay, so the day's counts start at zero.
    app::QueueItem openCaseOf(const std::string& officer, std::size_t skip = 0)
    {
        auto queue = app::ScreeningService(*sup).queue({});
        REQUIRE(queue);
        for (const app::QueueItem& item : *queue) {
            if (item.officer != officer || item.state != QueueState::Open) continue;
            if (!storage::ContactLogRepository(db()).onDay(item.borrowerRowId, kDay).empty()) continue;
            if (skip-- == 0) return item;
        }
        FAIL("no open case of " << officer);
        return {};
    }

    std::vector<AuditEvent> audit(std::string_view action)
    {
        std::vector<AuditEvent> out;
        storage::AuditRepository(db()).forEach([&](const AuditEvent& e) {
            if (e.action == action) out.push_back(e);
        });
        return out;
    }

    TestBranch branch;
    std::unique_ptr<app::Session> sup;
};

}  // namespace doorstep::test
