#include "domain/contacts/message_template.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace doorstep;

namespace {

const std::vector<TonePhrase> kPhrases = defaultTonePhrases();

TemplateValues values()
{
    TemplateValues v;
    v.customerName = "王先生";
    v.appointmentDate = *parseIsoDate("2026-11-30");
    v.appointmentTime = ClockTime::at(14, 30);
    v.appointmentPlace = "西湖区文三路 88 号";
    v.officer = "李明";
    v.branchPhone = "0571-87654321";
    return v;
}

const MessageTemplate kReminder{
    "预约提醒", "{customer_name}您好，{officer}将于 {appointment_date} {appointment_time} 到{appointment_place}拜访，"
                "如需改约请致电 {branch_phone}。"};

}  // namespace

TEST_CASE("template: every placeholder is filled from the values, by key or Chinese alias", "[message_template]")
{
    const auto filled = fillTemplate(kReminder, values(), ContactParty::Borrower, kPhrases);
    REQUIRE(filled.has_value());
    CHECK(*filled == "王先生您好，李明将于 11 月 30 日 14:30 到西湖区文三路 88 号拜访，如需改约请致电 0571-87654321。");

    const MessageTemplate alias{"", "{客户称呼}，{预约日期}{预约时间}，{预约地点}，{催收专员}，{网点电话}"};
    CHECK(fillTemplate(alias, values(), ContactParty::Borrower, kPhrases) ==
          "王先生，11 月 30 日14:30，西湖区文三路 88 号，李明，0571-87654321");

    const auto parts = parseTemplate("a{officer}b");
    REQUIRE(parts.has_value());
    REQUIRE(parts->size() == 3);
    CHECK((*parts)[0].literal == "a");
    CHECK((*parts)[1].field == TemplateField::Officer);
    CHECK((*parts)[2].literal == "b");
    CHECK(templateFieldKey(TemplateField::BranchPhone) == "branch_phone");
    CHECK(templateFieldAlias(TemplateField::CustomerName) == "客户称呼");
}

TEST_CASE("template: unknown placeholders, open braces and missing values are refused by name", "[message_template]")
{
    auto r = fillTemplate({"", "您好 {amount}"}, values(), ContactParty::Borrower, kPhrases);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().id == "template.unknown_placeholder");
    CHECK(errorMessage(r.error(), Language::Chinese) == "模板中有无法识别的占位符 {amount}。");
    CHECK(parseTemplate("您好 {officer").error().id == "template.unclosed_brace");
    CHECK(parseTemplate("您好 {off{officer}").error().id == "template.unclosed_brace");

    TemplateValues v = values();
    v.appointmentTime.reset();
    r = fillTemplate(kReminder, v, ContactParty::Borrower, kPhrases);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().id == "template.value_missing");
    CHECK(errorMessage(r.error(), Language::Chinese) == "模板需要填写预约时间，但该项为空。");
    v = values();
    v.branchPhone.clear();
    CHECK(errorMessage(fillTemplate(kReminder, v, ContactParty::Borrower, kPhrases).error(), Language::English) ==
          "The template needs the branch phone, which is not filled in.");
    // A value the template does not use may be empty.
    v = values();
    v.appointmentPlace.clear();
    CHECK(fillTemplate({"", "{customer_name}您好"}, v, ContactParty::Borrower, kPhrases).has_value());
}

TEST_CASE("template: a flagged template cannot be used, for anyone", "[message_template]")
{
    const MessageTemplate harsh{"", "{customer_name}，再不处理后果自负，我们将起诉。"};
    for (ContactParty to : {ContactParty::Borrower, ContactParty::Guarantor, ContactParty::ThirdParty}) {
        const auto r = fillTemplate(harsh, values(), to, kPhrases);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().id == "template.tone_flagged");
        CHECK(errorMessage(r.error(), Language::Chinese) ==
              "模板措辞可能带有威胁、羞辱或施压意味（“后果”；“起诉”），请修改后再使用。");
    }
    const auto review = reviewTemplate(harsh.text, kPhrases);
    REQUIRE(review.has_value());
    CHECK_FALSE(review->usable());
    CHECK(review->tone.size() == 2);
    // Changed, it may be used.
    CHECK(fillTemplate({"", "{customer_name}，请您方便时回电。"}, values(), ContactParty::Borrower, kPhrases));
    // A value that brings flagged wording in stops the message too.
    TemplateValues v = values();
    v.customerName = "老赖";
    const auto r = fillTemplate({"", "{customer_name}您好"}, v, ContactParty::Borrower, kPhrases);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().id == "template.tone_flagged_filled_text");
}

TEST_CASE("template: no amount or debt word in a message to anyone but the borrower", "[message_template]")
{
    const MessageTemplate debt{"", "{customer_name}您好，您的贷款已逾期，请尽快还款 5,000 元。"};
    // The borrower may read it.
    CHECK(fillTemplate(debt, values(), ContactParty::Borrower, kPhrases).has_value());
    // Anyone else may not: the template is named as the place, with what was found.
    for (ContactParty to : {ContactParty::Guarantor, ContactParty::ThirdParty, ContactParty::None}) {
        const auto r = fillTemplate(debt, values(), to, kPhrases);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().id == "template.amount_in_template");
        CHECK(errorMessage(r.error(), Language::Chinese) ==
              "模板中含有金额（5,000 元），发给借款人以外的人的短信不得含有金额。");
    }
    const auto word = fillTemplate({"", "{customer_name}您好，关于您的欠款事宜请回电。"}, values(),
                                   ContactParty::ThirdParty, kPhrases);
    REQUIRE_FALSE(word.has_value());
    CHECK(word.error().id == "template.debt_word_in_template");
    CHECK(errorMessage(word.error(), Language::English) ==
          "The template mentions the debt (“欠款”): a message to anyone but the borrower may not.");
    CHECK(fillTemplate({"", "Please tell {customer_name} the loan is overdue."}, values(), ContactParty::ThirdParty,
                       kPhrases)
              .error()
              .id == "template.debt_word_in_template");

    // A neutral template is fine for a third party …
    const MessageTemplate neutral{"", "您好，我是{officer}，请转告{customer_name}方便时回电 {branch_phone}，谢谢。"};
    CHECK(fillTemplate(neutral, values(), ContactParty::ThirdParty, kPhrases).has_value());
    // … unless a value carries a debt detail in: the filled text is named, and the value is not repeated.
    TemplateValues v = values();
    v.officer = "信用卡催收部";
    auto r = fillTemplate(neutral, v, ContactParty::ThirdParty, kPhrases);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().id == "template.debt_word_in_filled_text");
    CHECK(r.error().message.find("信用卡") == std::string::npos);
    v = values();
    v.customerName = "欠 ¥3,000 的王先生";
    r = fillTemplate(neutral, v, ContactParty::ThirdParty, kPhrases);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().id == "template.amount_in_filled_text");
    CHECK(fillTemplate(neutral, v, ContactParty::Borrower, kPhrases).has_value());
}

TEST_CASE("debt details: amounts need a currency sign or unit; dates, times, numbers do not count",
          "[message_template]")
{
    const auto amounts = [](std::string_view text) {
        std::vector<std::string> out;
        for (const DisclosureFinding& f : findDebtDetails(text, DisclosureWhere::Template)) {
            if (f.kind == DisclosureKind::Amount) out.push_back(f.found);
        }
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(amounts("请还 5,000 元。") == V{"5,000 元"});
    CHECK(amounts("请还5000元") == V{"5000元"});
    CHECK(amounts("金额 ¥1,234.56。") == V{"¥1,234.56"});
    CHECK(amounts("金额￥300") == V{"￥300"});
    CHECK(amounts("RMB 300 due") == V{"RMB 300"});
    CHECK(amounts("pay 300 yuan") == V{"300 yuan"});
    CHECK(amounts("共计 3 万元") == V{"3 万元"});
    CHECK(amounts("共计三千元") == V{"三千元"});
    CHECK(amounts("尚欠五万块") == V{"五万块"});
    CHECK(amounts("11 月 30 日 14:30，文三路 88 号 3 单元，电话 0571-87654321").empty());
    CHECK(amounts("Room 12, 30 November, 2:30 pm").empty());
    // Debt words, both languages; English as whole words only.
    const auto words = findDebtDetails("您的逾期贷款 and your DEBT", DisclosureWhere::FilledText);
    REQUIRE(words.size() == 3);
    CHECK(words[0] == DisclosureFinding{DisclosureWhere::FilledText, DisclosureKind::DebtWord, "贷款"});
    CHECK(words[1].found == "逾期");
    CHECK(words[2].found == "debt");
    CHECK(findDebtDetails("the Lloans and towed cars; a reloan", DisclosureWhere::Template).empty());
    CHECK(findDebtDetails("我们想上门拜访，了解您的近况", DisclosureWhere::Template).empty());
}
