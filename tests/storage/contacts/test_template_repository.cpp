#include "storage/contacts/template_repository.h"

#include "storage/database/crypto.h"
#include "storage/database/schema.h"
#include "support/temp_dir.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using namespace doorstep::storage;

namespace {

bool hasTable(const Connection& c, std::string_view name)
{
    auto s = c.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.bind(1, name);
    REQUIRE(s.step());
    return s.columnInt(0) == 1;
}

}  // namespace

TEST_CASE("template_repository: an older database gets the default templates and phrases on the step that "
          "creates them, once",
          "[schema][appointments_app]")
{
    test::TempDir dir;
    auto c = Connection::open(dir / "old.db", randomSecret(kKeyBytes), /*create=*/true);
    REQUIRE(c);
    // Step by step, as an older database is opened by a newer Doorstep, until the library's tables appear.
    int version = 0;
    while (!hasTable(*c, "message_templates")) {
        REQUIRE(version < currentSchemaVersion());
        REQUIRE(migrate(*c, ++version));
    }
    TemplateRepository repo(*c);
    const auto templates = repo.all();
    REQUIRE(templates.size() == defaultMessageTemplates().size());
    CHECK(templates.front().tpl.purpose == TemplatePurpose::AppointmentRequest);  // by purpose
    for (const TemplateRow& t : templates)
        CHECK(t.updatedBy == "system");
    const auto phrases = repo.phrases();
    const auto defaults = defaultTonePhrases();
    REQUIRE(phrases.size() == defaults.size());
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        CHECK(phrases[i].text == defaults[i].text);
        CHECK(phrases[i].kind == defaults[i].kind);
    }

    // A supervisor's changes stay: later steps and reopening do not seed again.
    repo.remove(templates.front().id);
    repo.replacePhrases(std::vector<TonePhrase>{{"后果", ToneKind::Threat}});
    REQUIRE(migrate(*c));
    CHECK(repo.all().size() == defaultMessageTemplates().size() - 1);
    CHECK(repo.phrases().size() == 1);
}

TEST_CASE("template_repository: add, update, find and remove keep purpose and audience", "[appointments_app]")
{
    test::TempDir dir;
    auto c = Connection::open(dir / "t.db", randomSecret(kKeyBytes), /*create=*/true);
    REQUIRE(c);
    REQUIRE(migrate(*c));
    TemplateRepository repo(*c);
    TemplateRow row{0, {"转告", TemplatePurpose::Callback, TemplateAudience::ThirdParty, "您好"}, "sup", "t1"};
    row.id = repo.add(row);
    auto found = repo.find(row.id);
    REQUIRE(found);
    CHECK(found->tpl.audience == TemplateAudience::ThirdParty);
    CHECK(found->tpl.purpose == TemplatePurpose::Callback);
    row.tpl.audience = TemplateAudience::Borrower;
    row.tpl.text = "您好！";
    repo.update(row);
    CHECK(repo.find(row.id)->tpl.audience == TemplateAudience::Borrower);
    CHECK(repo.find(row.id)->tpl.text == "您好！");
    repo.remove(row.id);
    CHECK_FALSE(repo.find(row.id));
}
