#include "app/contacts/template_service.h"

#include "support/appointment_branch.h"

#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using app::TemplateService;

TEST_CASE("template_service: a new branch has the default templates; officers read, supervisors change, audited",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    auto ofc1 = b.login("ofc1");
    auto templates = TemplateService(*ofc1).templates();
    REQUIRE(templates);
    REQUIRE(templates->size() == defaultMessageTemplates().size());
    CHECK(TemplateService(*ofc1).phrases()->size() == defaultTonePhrases().size());
    CHECK(TemplateService(*ofc1).branchPhone()->empty());

    app::TemplateItem item{
        0, {"新模板", TemplatePurpose::Other, TemplateAudience::Borrower, "{customer_name}您好"}, {}, {}};
    CHECK(TemplateService(*ofc1).save(item).error().code == ErrorCode::PermissionDenied);
    CHECK(TemplateService(*ofc1).savePhrases({}).error().code == ErrorCode::PermissionDenied);
    CHECK(TemplateService(*ofc1).setBranchPhone("021-5888 0000").error().code == ErrorCode::PermissionDenied);
    CHECK(b.audit("template.save").empty());

    auto id = TemplateService(*b.sup).save(item);
    REQUIRE(id);
    auto saved = TemplateService(*ofc1).findTemplate(*id);
    REQUIRE(saved);
    CHECK(saved->updatedBy == "sup");
    CHECK(b.audit("template.save").size() == 1);

    // Edited to a flagged wording: kept (the editor shows the flag), filling refuses it.
    item.id = *id;
    item.tpl.text = "{customer_name}，否则后果自负";
    REQUIRE(TemplateService(*b.sup).save(item));
    auto review = TemplateService(*ofc1).review(item.tpl.text);
    REQUIRE(review);
    CHECK_FALSE(review->usable());
    CHECK(b.audit("template.save").size() == 2);

    // A third-party template with a debt word is not stored.
    item.tpl.audience = TemplateAudience::ThirdParty;
    item.tpl.text = "请转告其尽快还款";
    CHECK(TemplateService(*b.sup).save(item).error().id == "template.debt_word_in_template");
    CHECK(b.audit("template.save").size() == 2);

    REQUIRE(TemplateService(*b.sup).remove(*id));
    CHECK(TemplateService(*ofc1).findTemplate(*id).error().code == ErrorCode::NotFound);
    CHECK(TemplateService(*b.sup).remove(*id).error().code == ErrorCode::NotFound);
    CHECK(b.audit("template.remove").size() == 1);
}

TEST_CASE("template_service: the phrase list and the branch phone", "[appointments_app]")
{
    test::AppointmentBranch b;
    TemplateService service(*b.sup);
    REQUIRE(service.savePhrases({{"立即处理", ToneKind::Pressure}}));
    CHECK(service.phrases()->size() == 1);
    CHECK(b.audit("template.phrases").size() == 1);
    // The new list decides: the old default phrase no longer flags, the new one does.
    CHECK(service.review("后果")->usable());
    CHECK_FALSE(service.review("请立即处理")->usable());
    CHECK(service.savePhrases({{"a", ToneKind::Threat}, {"A", ToneKind::Threat}}).error().id == "tone.phrase_twice");
    CHECK(service.phrases()->size() == 1);

    CHECK(service.setBranchPhone("12").error().id == "template.branch_phone_invalid");
    CHECK(service.setBranchPhone("021-5888 0000 ext").error().id == "template.branch_phone_invalid");
    CHECK(service.setBranchPhone(std::string(21, '1')).error().id == "template.branch_phone_invalid");
    REQUIRE(service.setBranchPhone(std::string(20, '1')));
    REQUIRE(service.setBranchPhone("+86 21 5888 0000"));
    CHECK(*service.branchPhone() == "+86 21 5888 0000");
    CHECK(b.audit("template.branch_phone").size() == 2);
}
