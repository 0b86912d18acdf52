#include "storage/users/user_repository.h"

#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

struct Fixture {
    test::TempDir dir;
    Connection db = test::migratedDatabase(dir / "x.db");
    UserRepository users{db};

    std::int64_t add(std::string name, Role role, bool disabled = false)
    {
        auto id = users.add(User{0, name, "Name of " + name, role, disabled}, "2026-11-29T05:04:32Z");
        REQUIRE(id);
        return *id;
    }
};

}  // namespace

TEST_CASE("users are stored and found by name and id", "[user_repository]")
{
    Fixture f;
    const auto id = f.users.add(User{0, "li.wei", "李伟", Role::Supervisor, false}, "2026-11-29T05:04:32Z");
    REQUIRE(id);
    const auto byName = f.users.findByName("li.wei");
    REQUIRE(byName);
    CHECK(byName->id == *id);
    CHECK(byName->displayName == "李伟");
    CHECK(byName->role == Role::Supervisor);
    CHECK_FALSE(byName->disabled);
    CHECK(f.users.findById(*id)->username == "li.wei");
    CHECK_FALSE(f.users.findByName("LI.WEI"));  // names are exact
    CHECK_FALSE(f.users.findById(*id + 1));
}

TEST_CASE("a user name is unique", "[user_repository]")
{
    Fixture f;
    f.add("li.wei", Role::Officer);
    const auto again = f.users.add(User{0, "li.wei", "Another", Role::Officer, false}, "t");
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::AlreadyExists);
    CHECK(f.users.list().size() == 1);
}

TEST_CASE("the list is ordered by user name", "[user_repository]")
{
    Fixture f;
    f.add("zhao", Role::Officer);
    f.add("admin", Role::Administrator);
    f.add("li.wei", Role::Supervisor);
    std::vector<std::string> names;
    for (const User& u : f.users.list())
        names.push_back(u.username);
    CHECK(names == std::vector<std::string>{"admin", "li.wei", "zhao"});
}

TEST_CASE("role, state and display name change; removal deletes", "[user_repository]")
{
    Fixture f;
    const auto id = f.add("li.wei", Role::Officer);
    f.users.setRole(id, Role::Administrator);
    f.users.setDisabled(id, true);
    f.users.setDisplayName(id, "李伟 (北京)");
    const auto u = f.users.findById(id);
    REQUIRE(u);
    CHECK(u->role == Role::Administrator);
    CHECK(u->disabled);
    CHECK(u->displayName == "李伟 (北京)");
    f.users.remove(id);
    CHECK_FALSE(f.users.findById(id));
}

TEST_CASE("active administrators are counted without disabled ones", "[user_repository]")
{
    Fixture f;
    CHECK(f.users.countActiveAdministrators() == 0);
    f.add("a1", Role::Administrator);
    const auto a2 = f.add("a2", Role::Administrator);
    f.add("a3", Role::Administrator, /*disabled=*/true);
    f.add("s", Role::Supervisor);
    CHECK(f.users.countActiveAdministrators() == 2);
    f.users.setDisabled(a2, true);
    CHECK(f.users.countActiveAdministrators() == 1);
}

TEST_CASE("the schema refuses a role it does not know", "[user_repository]")
{
    Fixture f;
    CHECK_THROWS_AS(f.db.execute("INSERT INTO users (username, display_name, role, created_at) "
                                 "VALUES ('x', 'x', 'root', 't')"),
                    DatabaseError);
}
