#include "app/contacts/sms_outbox.h"

#include "app/appointments/appointment_service.h"
#include "app/contacts/template_service.h"
#include "storage/contacts/sms_outbox_repository.h"
#include "storage/database/settings_repository.h"
#include "support/appointment_branch.h"
#include "support/file_bytes.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>

using namespace doorstep;
using app::SmsService;
using test::kDay;

namespace {

std::int64_t templateNamed(app::Session& s, const std::string& name)
{
    auto all = app::TemplateService(s).templates();
    REQUIRE(all);
    const auto it = std::ranges::find_if(*all, [&](const app::TemplateItem& t) { return t.tpl.name == name; });
    REQUIRE(it != all->end());
    return it->id;
}

app::SmsRequest sms(std::int64_t borrowerRowId, std::int64_t templateId, int hour, int minute)
{
    app::SmsRequest r;
    r.entry.borrowerRowId = borrowerRowId;
    r.entry.who = ContactParty::Borrower;
    r.entry.numberId = "phone";
    r.entry.date = kDay;
    r.entry.time = ClockTime::at(hour, minute);
    r.templateId = templateId;
    return r;
}

app::AppointmentItem bookTomorrow(test::AppointmentBranch& b, std::int64_t borrowerRowId, int hour, bool confirmed)
{
    app::BookingRequest r;
    r.borrowerRowId = borrowerRowId;
    r.date = addDays(kDay, 1);
    r.start = ClockTime::at(hour, 0);
    r.staff = {"ofc1", "ofc2"};
    r.confirmed = confirmed;
    auto booked = app::AppointmentService(*b.sup).book(r);
    INFO((booked ? std::string() : booked.error().message));
    REQUIRE(booked);
    return *booked;
}

}  // namespace

TEST_CASE("sms_outbox: an SMS is logged through the guard and put in the outbox with its filled text",
          "[appointments_app]")
{
    test::AppointmentBranch b;
    REQUIRE(app::TemplateService(*b.sup).setBranchPhone("021-5888 0000"));
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    SmsService service(*ofc1);
    const std::int64_t callback = templateNamed(*ofc1, "请回电");

    auto preview = service.preview(sms(item.borrowerRowId, callback, 9, 30));
    REQUIRE(preview);
    CHECK(preview->find("021-5888 0000") != std::string::npos);
    auto sent = service.send(sms(item.borrowerRowId, callback, 9, 30));
    REQUIRE(sent);
    CHECK(sent->text == *preview);

    const auto rows = storage::ContactLogRepository(b.db()).onDay(item.borrowerRowId, kDay);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].channel == ContactChannel::Sms);
    CHECK(rows[0].result == ContactResult::MessageSent);
    CHECK(rows[0].note == "请回电");
    const auto outbox = service.outbox(kDay);
    REQUIRE(outbox);
    REQUIRE(outbox->size() == 1);
    CHECK((*outbox)[0].eventId == sent->contact.eventId);
    CHECK((*outbox)[0].text == sent->text);
    CHECK((*outbox)[0].phone.size() >= 11);  // the full number, for the SMS platform
    CHECK((*outbox)[0].appointmentId == 0);
    CHECK(b.audit("sms.outbox").size() == 1);
    CHECK(b.audit("contact.log").size() == 1);

    // Another officer sees none of it; the supervisor sees all.
    auto ofc2 = b.login("ofc2");
    CHECK(SmsService(*ofc2).outbox(kDay)->empty());
    CHECK(SmsService(*b.sup).outbox(kDay)->size() == 1);
}

TEST_CASE("sms_outbox: refused SMS store nothing", "[appointments_app]")
{
    test::AppointmentBranch b;
    REQUIRE(app::TemplateService(*b.sup).setBranchPhone("021-5888 0000"));
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    SmsService service(*ofc1);

    SECTION("a flagged template")
    {
        auto flagged = *app::TemplateService(*ofc1).findTemplate(templateNamed(*ofc1, "请回电"));
        flagged.tpl.text += "否则后果自负。";
        REQUIRE(app::TemplateService(*b.sup).save(flagged));
        CHECK(service.preview(sms(item.borrowerRowId, flagged.id, 9, 30)).error().id == "template.tone_flagged");
        CHECK(service.send(sms(item.borrowerRowId, flagged.id, 9, 30)).error().id == "template.tone_flagged");
    }
    SECTION("a borrower's template for a contact person")
    {
        auto r = sms(item.borrowerRowId, templateNamed(*ofc1, "请回电"), 9, 30);
        r.entry.who = ContactParty::ThirdParty;
        r.entry.relation = "配偶";
        r.entry.borrowerUnreachable = true;
        CHECK(service.send(r).error().id == "template.borrower_only");
    }
    SECTION("the quiet hours")
    {
        CHECK(service.send(sms(item.borrowerRowId, templateNamed(*ofc1, "请回电"), 22, 0)).error().id ==
              "contact_rule.quiet_hours");
    }
    SECTION("no branch phone to fill in")
    {
        storage::SettingsRepository(b.db()).set("contact.branch_phone", "");  // as before a supervisor sets it
        CHECK(service.send(sms(item.borrowerRowId, templateNamed(*ofc1, "请回电"), 9, 30)).error().id ==
              "template.value_missing");
    }
    CHECK(storage::ContactLogRepository(b.db()).onDay(item.borrowerRowId, kDay).empty());
    CHECK(service.outbox(kDay)->empty());
    CHECK(b.audit("sms.outbox").empty());
}

TEST_CASE("sms_outbox: tomorrow's reminders list confirmed visits until their reminder is sent", "[appointments_app]")
{
    test::AppointmentBranch b;
    REQUIRE(app::TemplateService(*b.sup).setBranchPhone("021-5888 0000"));
    const auto first = b.openCaseOf("ofc1");
    const auto second = b.openCaseOf("ofc1", 1);
    const auto confirmed = bookTomorrow(b, first.borrowerRowId, 10, true);
    const auto proposed = bookTomorrow(b, second.borrowerRowId, 14, false);  // proposed: no reminder yet

    auto ofc1 = b.login("ofc1");
    SmsService service(*ofc1);
    auto reminders = service.tomorrowsReminders();
    REQUIRE(reminders);
    REQUIRE(reminders->size() == 1);
    const app::Reminder& r = reminders->front();
    CHECK(r.appointment.id == confirmed.id);
    CHECK_FALSE(r.problem.has_value());
    CHECK(r.text.find("12 月 1 日 10:00") != std::string::npos);
    CHECK(r.text.find("您家") != std::string::npos);
    CHECK(r.numberMasked.find("****") != std::string::npos);
    // ofc3 visits on neither: nothing to remind.
    CHECK(SmsService(*b.login("ofc3")).tomorrowsReminders()->empty());
    // ofc2 visits with ofc1 on ofc1's case: the reminder is ofc1's to send (ofc2 may not contact the customer, and
    // the list offered it and the send then failed); the supervisor sees it.
    CHECK(SmsService(*b.login("ofc2")).tomorrowsReminders()->empty());
    CHECK(SmsService(*b.sup).tomorrowsReminders()->size() == 1);

    auto sent = service.sendReminder(confirmed.id);
    REQUIRE(sent);
    CHECK(sent->text == r.text);
    CHECK(service.tomorrowsReminders()->empty());
    CHECK(service.sendReminder(confirmed.id).error().id == "sms.reminder_sent");
    const auto outbox = *service.outbox(kDay);
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].appointmentId == confirmed.id);
    const auto logged = storage::ContactLogRepository(b.db()).onDay(first.borrowerRowId, kDay);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].appointmentId == confirmed.id);

    // Without a usable reminder template the list says why.
    auto sup = app::TemplateService(*b.sup);
    REQUIRE(sup.savePhrases({{"温馨提醒", ToneKind::Pressure}}));
    REQUIRE(app::AppointmentService(*b.sup).confirm(proposed.id));
    reminders = service.tomorrowsReminders();
    REQUIRE(reminders->size() == 1);
    REQUIRE(reminders->front().problem.has_value());
    CHECK(reminders->front().appointment.id == proposed.id);
    CHECK(reminders->front().problem->id == "sms.no_reminder_template");
    CHECK(service.sendReminder(proposed.id).error().id == "sms.no_reminder_template");
}

TEST_CASE("sms_outbox: the day's outbox as CSV for the SMS platform, formula-guarded", "[appointments_app]")
{
    test::AppointmentBranch b;
    REQUIRE(app::TemplateService(*b.sup).setBranchPhone("021-5888 0000"));
    app::TemplateItem formula{
        0, {"公式", TemplatePurpose::Other, TemplateAudience::Borrower, "=HYPERLINK(\"x\")"}, {}, {}};
    const auto formulaId = app::TemplateService(*b.sup).save(formula);
    REQUIRE(formulaId);
    auto ofc1 = b.login("ofc1");
    const auto item = b.openCaseOf("ofc1");
    SmsService service(*ofc1);
    REQUIRE(service.send(sms(item.borrowerRowId, templateNamed(*ofc1, "请回电"), 9, 30)));
    REQUIRE(service.send(sms(item.borrowerRowId, *formulaId, 9, 31)));

    const auto path = b.branch.dir() / "outbox.csv";
    auto summary = service.exportOutbox(kDay, path);
    REQUIRE(summary);
    CHECK(summary->messages == 2);
    const std::string csv = test::readBytes(path);
    CHECK(csv.starts_with("message_id,date,time,phone,text,customer_no,sent_by,template\r\n"));
    const auto outbox = *service.outbox(kDay);
    CHECK(csv.find(outbox[0].phone) != std::string::npos);
    CHECK(csv.find("2026-11-30,09:30,") != std::string::npos);
    CHECK(csv.find("'=HYPERLINK") != std::string::npos);  // shown as text, never run
    CHECK(csv.find(",=HYPERLINK") == std::string::npos);
    CHECK(csv.find("\"=HYPERLINK") == std::string::npos);
    CHECK(b.audit("sms.export").size() == 1);

    // Another day: only the header.
    REQUIRE(service.exportOutbox(addDays(kDay, 1), path));
    CHECK(test::readBytes(path) == "message_id,date,time,phone,text,customer_no,sent_by,template\r\n");
}
