#include "domain/users/role.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

TEST_CASE("role names round-trip and unknown names are refused", "[role]")
{
    for (Role r : {Role::Officer, Role::Supervisor, Role::Administrator})
        CHECK(parseRole(roleName(r)) == r);
    CHECK(roleName(Role::Administrator) == "administrator");  // stored in the database: never rename
    CHECK_FALSE(parseRole("Administrator").has_value());
    CHECK_FALSE(parseRole("").has_value());
    CHECK_FALSE(parseRole("root").has_value());
}

// DOMAIN.md section 8: who may do what.
TEST_CASE("the permission table of the three roles", "[role]")
{
    using enum Permission;
    CHECK(roleAllows(Role::Administrator, ManageUsers));
    CHECK(roleAllows(Role::Administrator, ChangeSettings));
    CHECK(roleAllows(Role::Administrator, VerifyAudit));
    CHECK_FALSE(roleAllows(Role::Administrator, ReviewWork));
    CHECK_FALSE(roleAllows(Role::Administrator, WorkCases));

    CHECK(roleAllows(Role::Supervisor, VerifyAudit));
    CHECK(roleAllows(Role::Supervisor, ReviewWork));
    CHECK(roleAllows(Role::Supervisor, WorkCases));
    CHECK_FALSE(roleAllows(Role::Supervisor, ManageUsers));
    CHECK_FALSE(roleAllows(Role::Supervisor, ChangeSettings));

    CHECK(roleAllows(Role::Officer, WorkCases));
    CHECK_FALSE(roleAllows(Role::Officer, ManageUsers));
    CHECK_FALSE(roleAllows(Role::Officer, VerifyAudit));
    CHECK_FALSE(roleAllows(Role::Officer, ReviewWork));
    CHECK_FALSE(roleAllows(Role::Officer, ChangeSettings));
}
