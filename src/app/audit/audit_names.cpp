#include "app/audit/audit_names.h"

#include "storage/portfolio/portfolio_query.h"
#include "storage/users/user_repository.h"

#include <charconv>
#include <vector>

namespace doorstep::app {

Result<AuditNames> auditNames(Session& session, std::span<const AuditEvent> events)
{
    if (auto r = session.require(Permission::VerifyAudit); !r) return std::unexpected(r.error());
    const auto& db = session.database().connection();
    AuditNames names;
    for (const User& u : storage::UserRepository(db).list()) {
        const std::string shown = u.displayName.empty() ? u.username : u.displayName;
        names.staffByUserName[u.username] = shown;
        names.staffByUserId[std::to_string(u.id)] = shown;
    }
    std::vector<std::int64_t> borrowers;
    for (const AuditEvent& e : events) {
        std::int64_t id = 0;
        const auto& text = e.recordId;
        if (e.recordType == "borrower" && std::from_chars(text.data(), text.data() + text.size(), id).ec == std::errc{})
            borrowers.push_back(id);
    }
    for (const auto& [id, number] : storage::PortfolioQuery(db).customerNumbers(borrowers))
        names.customerByRowId[std::to_string(id)] = number;
    return names;
}

}  // namespace doorstep::app
