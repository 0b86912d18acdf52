#include "app/shared/branch_setup.h"

#include "app/appointments/appointment_settings.h"
#include "app/contacts/template_service.h"
#include "app/demo/demo_activity.h"
#include "app/demo/demo_plans.h"

#include "app/portfolio/portfolio_import.h"
#include "app/shared/clock.h"
#include "app/users/session.h"
#include "io/demo/synthetic_extract.h"

#include "app/shared/logging.h"
#include "storage/audit/audit_repository.h"
#include "storage/database/branch_database.h"
#include "storage/database/keyring.h"
#include "storage/users/user_repository.h"

#include <algorithm>

namespace doorstep::app {

Result<void> createBranchDatabase(const std::filesystem::path& path, const FirstAdministrator& admin,
                                  const storage::KdfParams& kdf)
{
    if (auto r = validateUsername(admin.username); !r) return r;
    if (auto r = validateDisplayName(admin.displayName); !r) return r;
    if (auto r = validateNewPassword(admin.password, admin.username); !r) return r;
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    auto db = storage::BranchDatabase::create(path, admin.username, admin.password, kdf);
    if (!db) return std::unexpected(db.error());
    const std::string now = formatUtc(SystemClock().now());
    try {
        storage::Transaction tx(db->connection());
        storage::AuditRepository audit(db->connection());
        audit.append(now, admin.username, "database.create", "database", db->keyring().databaseId());
        const User user{0, admin.username, admin.displayName, Role::Administrator, false};
        auto id = storage::UserRepository(db->connection()).add(user, now);
        if (!id) return std::unexpected(id.error());
        audit.append(now, admin.username, "user.add", "user", std::to_string(*id));
        tx.commit();
    } catch (const storage::DatabaseError& e) {
        logger("app")->error("create database: {}", e.what());
        return fail(ErrorCode::Io, MessageId{"database.create_failed"});
    }
    logger("app")->info("branch database created");
    return {};
}

Result<void> checkBranchDatabaseFiles(const std::filesystem::path& path)
{
    return storage::BranchDatabase::checkFiles(path);
}

const std::vector<DemoAccount>& demoAccounts()
{
    static const std::vector<DemoAccount> accounts = {
        {"admin", "系统管理员（演示）", Role::Administrator, "Demo-Guanli-2026"},
        {"supervisor", "王主管（演示）", Role::Supervisor, "Demo-Zhuguan-2026"},
        {"officer1", "李专员（演示）", Role::Officer, "Demo-Zhuanyuan-1"},
        {"officer2", "张专员（演示）", Role::Officer, "Demo-Zhuanyuan-2"},
    };
    return accounts;
}

namespace {

// The demo portfolio goes through the real path: a synthetic extract written to a private folder,
// imported by the demo supervisor, the folder removed. Synthetic people only.
Result<void> importDemoPortfolio(const std::filesystem::path& path, std::int64_t loans)
{
    std::error_code ec;
    const auto folder = path.parent_path() / "demo-extract.tmp";
    std::filesystem::remove_all(folder, ec);
    std::filesystem::create_directories(folder, ec);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
    io::SyntheticOptions options;
    options.loans = loans;
    options.seed = 20261130;
    for (const DemoAccount& a : demoAccounts()) {
        if (a.role == Role::Officer) options.officers.push_back(a.username);
    }
    auto written = io::writeSyntheticExtract(folder, options);
    Result<void> outcome;
    if (!written) {
        outcome = std::unexpected(written.error());
    } else {
        const DemoAccount& supervisor = *std::ranges::find(demoAccounts(), Role::Supervisor, &DemoAccount::role);
        SystemClock clock;
        LoginThrottle throttle(clock);
        auto session = Session::login(path, supervisor.username, supervisor.password, throttle, clock);
        if (!session) {
            outcome = std::unexpected(session.error());
        } else if (auto report = importExtract(**session, folder, {}); !report) {
            outcome = std::unexpected(report.error());
        } else if (!report->imported) {
            outcome = fail(ErrorCode::Internal, MessageId{"demo.import_failed"});
        }
    }
    std::filesystem::remove_all(folder, ec);
    return outcome;
}

// Contacts and appointments of the last two weeks and the next two (issue 10), made by the demo staff.
Result<void> addDemoActivityTo(const std::filesystem::path& path)
{
    const DemoAccount& administrator = demoAccounts().front();
    SystemClock clock;
    LoginThrottle throttle(clock);
    auto session = Session::login(path, administrator.username, administrator.password, throttle, clock);
    if (!session) return std::unexpected(session.error());
    DemoActivityOptions options;
    options.seed = 20261130;
    auto added = addDemoActivity(**session, localNow(**session).date, options);
    if (!added) return std::unexpected(added.error());
    return {};
}

// The number the demo's messages give (issue 10): set by the demo supervisor, as at a real branch.
Result<void> setDemoBranchPhone(const std::filesystem::path& path)
{
    const auto& accounts = demoAccounts();
    const auto supervisor =
        std::ranges::find_if(accounts, [](const DemoAccount& a) { return a.role == Role::Supervisor; });
    if (supervisor == accounts.end()) return {};
    SystemClock clock;
    LoginThrottle throttle(clock);
    auto session = Session::login(path, supervisor->username, supervisor->password, throttle, clock);
    if (!session) return std::unexpected(session.error());
    return TemplateService(**session).setBranchPhone("021-5888 0000");
}

}  // namespace

constexpr std::int64_t kDemoPlanMinimumLoans = 500;

Result<bool> ensureDemoDatabase(const std::filesystem::path& path, bool reset, const storage::KdfParams& kdf,
                                std::int64_t loans)
{
    std::error_code ec;
    const auto keyring = storage::Keyring::pathFor(path);
    if (!reset && std::filesystem::exists(path, ec) && std::filesystem::exists(keyring, ec)) return false;
    for (const auto& p :
         {path, keyring, std::filesystem::path(path.string() + "-wal"), std::filesystem::path(path.string() + "-shm")})
        std::filesystem::remove(p, ec);

    const auto& accounts = demoAccounts();
    const DemoAccount& first = accounts.front();
    if (auto r = createBranchDatabase(path, {first.username, first.displayName, first.password}, kdf); !r)
        return std::unexpected(r.error());
    auto db = storage::BranchDatabase::open(path, first.username, first.password);
    if (!db) return std::unexpected(db.error());
    const std::string now = formatUtc(SystemClock().now());
    storage::UserRepository users(db->connection());
    storage::AuditRepository audit(db->connection());
    for (std::size_t i = 1; i < accounts.size(); ++i) {
        // One transaction per account: its row, its audit event and its staged slot commit together.
        storage::Transaction tx(db->connection());
        const DemoAccount& a = accounts[i];
        auto id = users.add(User{0, a.username, a.displayName, a.role, false}, now);
        if (!id) return std::unexpected(id.error());
        audit.append(now, first.username, "user.add", "user", std::to_string(*id));
        auto slot = db->stageSlot(a.username, a.password, kdf);
        if (!slot) return std::unexpected(slot.error());
        tx.commit();
        if (auto r = slot->finish(); !r) return std::unexpected(r.error());
    }
    db->close();
    if (loans > 0) {
        if (auto r = importDemoPortfolio(path, loans); !r) return std::unexpected(r.error());
        if (auto r = addDemoActivityTo(path); !r) return std::unexpected(r.error());
        if (auto r = setDemoBranchPhone(path); !r) return std::unexpected(r.error());
        // Repayment-plan proposals in every state (issue 12), so the Plans page is not empty; they need a
        // portfolio with enough overdue loans of each kind, which a tiny test branch does not have.
        if (loans >= kDemoPlanMinimumLoans) {
            if (auto r = makeDemoPlanProposals(path); !r) return std::unexpected(r.error());
        }
    }
    return true;
}

}  // namespace doorstep::app
