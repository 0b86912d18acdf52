#include "domain/users/role.h"

namespace doorstep {

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::Officer: return "officer";
    case Role::Supervisor: return "supervisor";
    case Role::Administrator: return "administrator";
    }
    return "officer";
}

std::optional<Role> parseRole(std::string_view name)
{
    for (Role r : {Role::Officer, Role::Supervisor, Role::Administrator}) {
        if (roleName(r) == name) return r;
    }
    return std::nullopt;
}

bool roleAllows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::ManageUsers:
    case Permission::ChangeSettings: return role == Role::Administrator;
    case Permission::VerifyAudit: return role == Role::Administrator || role == Role::Supervisor;
    case Permission::ReviewWork: return role == Role::Supervisor;
    case Permission::WorkCases:
    case Permission::ViewPortfolio: return role == Role::Officer || role == Role::Supervisor;
    case Permission::ViewAllCases: return role == Role::Supervisor;
    case Permission::ImportPortfolio: return role == Role::Supervisor || role == Role::Administrator;
    }
    return false;
}

}  // namespace doorstep
