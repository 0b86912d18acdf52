#pragma once
// The three roles of DOMAIN.md section 8 and what each may do.
#include <optional>
#include <string_view>

namespace doorstep {

enum class Role { Officer, Supervisor, Administrator };

enum class Permission {
    ManageUsers,      // add, disable, remove users, set roles, reset passwords
    VerifyAudit,      // check the audit chain
    ChangeSettings,   // branch-wide settings
    ReviewWork,       // review visit notes, approve plans, assign cases
    WorkCases,        // work the cases assigned to oneself
};

std::string_view roleName(Role role);  // stable identifier stored in the database
std::optional<Role> parseRole(std::string_view name);
bool roleAllows(Role role, Permission permission);

}  // namespace doorstep
