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
    ViewPortfolio,    // see loans and borrowers (officers: only those assigned to them)
    ViewAllCases,     // see every officer's loans, not only one's own
    ImportPortfolio,  // import the core-banking extract, recompute delinquency
};

std::string_view roleName(Role role);  // stable identifier stored in the database
std::optional<Role> parseRole(std::string_view name);
bool roleAllows(Role role, Permission permission);

}  // namespace doorstep
