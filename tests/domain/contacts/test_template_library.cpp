#include "domain/contacts/template_library.h"

#include "domain/messages/message_catalogue.h"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace doorstep;

namespace {

std::string chars(std::size_t n, std::string_view one = "字")
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += one;
    return s;
}

LibraryTemplate tpl(std::string name, std::string text, TemplateAudience audience = TemplateAudience::Borrower)
{
    return LibraryTemplate{std::move(name), TemplatePurpose::Other, audience, std::move(text)};
}

}  // namespace

TEST_CASE("template_library: the defaults are polite, fill, and hold nothing a third party may not read",
          "[appointments]")
{
    const auto defaults = defaultMessageTemplates();
    REQUIRE(defaults.size() == 4);
    const auto phrases = defaultTonePhrases();
    bool reminder = false;
    for (const LibraryTemplate& t : defaults) {
        INFO(t.name);
        auto review = checkTemplateForSaving(t, phrases);
        REQUIRE(review);
        CHECK(review->usable());
        CHECK(review->usableForNonBorrower());  // none of them names an amount or the debt
        reminder = reminder || t.purpose == TemplatePurpose::AppointmentReminder;
        TemplateValues v{"王先生",
                         Date{std::chrono::year{2026}, std::chrono::December, std::chrono::day{1}},
                         ClockTime::at(10, 0),
                         "您家",
                         "李专员",
                         "021-5888 0000"};
        auto filled = fillTemplate(MessageTemplate{t.name, t.text}, v, ContactParty::Borrower, phrases);
        REQUIRE(filled);
        CHECK(filled->find("021-5888 0000") != std::string::npos);
        CHECK(filled->find('{') == std::string::npos);
    }
    CHECK(reminder);
}

TEST_CASE("template_library: a template is checked before it is stored, at its limits", "[appointments]")
{
    const auto phrases = defaultTonePhrases();
    CHECK(checkTemplateForSaving(tpl(chars(40), "您好"), phrases));
    CHECK(checkTemplateForSaving(tpl(chars(41), "您好"), phrases).error().id == "template.name_too_long");
    CHECK(checkTemplateForSaving(tpl("  ", "您好"), phrases).error().id == "template.name_missing");
    CHECK(checkTemplateForSaving(tpl("名", " \n"), phrases).error().id == "template.text_missing");
    CHECK(checkTemplateForSaving(tpl("名", chars(500)), phrases));
    CHECK(checkTemplateForSaving(tpl("名", chars(501)), phrases).error().id == "template.text_too_long");
    CHECK(checkTemplateForSaving(tpl("名", "{nobody}"), phrases).error().id == "template.unknown_placeholder");

    // An amount or a debt word: the borrower's template may hold it, one for anyone may not.
    CHECK(checkTemplateForSaving(tpl("名", "您的欠款 300 元"), phrases));
    CHECK(checkTemplateForSaving(tpl("名", "您的 300 元", TemplateAudience::ThirdParty), phrases).error().id ==
          "template.amount_in_template");
    CHECK(checkTemplateForSaving(tpl("名", "关于欠款", TemplateAudience::ThirdParty), phrases).error().id ==
          "template.debt_word_in_template");

    // A tone finding does not stop storing: the review says so, and filling refuses.
    auto flagged = checkTemplateForSaving(tpl("名", "否则后果自负"), phrases);
    REQUIRE(flagged);
    CHECK_FALSE(flagged->usable());
}

TEST_CASE("template_library: the phrase list is trimmed and refuses empty, long and repeated phrases", "[appointments]")
{
    auto ok =
        checkTonePhrases(std::vector<TonePhrase>{{" 后果 ", ToneKind::Threat}, {"Final warning", ToneKind::Pressure}});
    REQUIRE(ok);
    CHECK((*ok)[0].text == "后果");
    CHECK((*ok)[1].text == "Final warning");
    CHECK(checkTonePhrases(std::vector<TonePhrase>{{"\u3000", ToneKind::Threat}}).error().id == "tone.phrase_empty");
    CHECK(checkTonePhrases(std::vector<TonePhrase>{{chars(40), ToneKind::Threat}}));
    CHECK(checkTonePhrases(std::vector<TonePhrase>{{chars(41), ToneKind::Threat}}).error().id ==
          "tone.phrase_too_long");
    CHECK(
        checkTonePhrases(std::vector<TonePhrase>{{"sue", ToneKind::Threat}, {"SUE", ToneKind::Pressure}}).error().id ==
        "tone.phrase_twice");
    CHECK(checkTonePhrases(defaultTonePhrases()));
    CHECK(checkTonePhrases(std::vector<TonePhrase>{}));  // an empty list is a list
}

TEST_CASE("template_library: how a message addresses the customer", "[appointments]")
{
    // 17th digit odd: male; even: female (the check character is valid for each).
    CHECK(customerSalutation("王秀英", "110101199003071233") == "王先生");
    CHECK(customerSalutation("王秀英", "110101199003071225") == "王女士");
    CHECK(customerSalutation("欧阳娜娜", "110101199003071225") == "欧阳女士");
    CHECK(customerSalutation("欧阳", "110101199003071233") == "欧先生");    // a two-character name: 欧 is the surname
    CHECK(customerSalutation("王秀英", "110101199003071234") == "王秀英");  // wrong check character
    CHECK(customerSalutation("王秀英", "") == "王秀英");
    CHECK(customerSalutation("John Smith", "110101199003071233") == "John Smith");
    CHECK(customerSalutation("", "110101199003071233").empty());
}

TEST_CASE("template_library: audiences and places", "[appointments]")
{
    CHECK(audienceAllows(TemplateAudience::Borrower, ContactParty::Borrower));
    CHECK_FALSE(audienceAllows(TemplateAudience::Borrower, ContactParty::Guarantor));
    CHECK_FALSE(audienceAllows(TemplateAudience::Borrower, ContactParty::ThirdParty));
    CHECK(audienceAllows(TemplateAudience::ThirdParty, ContactParty::ThirdParty));
    CHECK(audienceAllows(TemplateAudience::ThirdParty, ContactParty::Borrower));
    CHECK(appointmentPlaceText(PlaceKind::Home, "x") == "您家");
    CHECK(appointmentPlaceText(PlaceKind::Workplace, "") == "您的工作单位");
    CHECK(appointmentPlaceText(PlaceKind::Other, " 张杨路 1500 号 ") == "张杨路 1500 号");
    for (TemplatePurpose p : {TemplatePurpose::AppointmentRequest, TemplatePurpose::AppointmentReminder,
                              TemplatePurpose::Callback, TemplatePurpose::Other})
        CHECK(findMessage(templatePurposeName(p).value) != nullptr);
}
