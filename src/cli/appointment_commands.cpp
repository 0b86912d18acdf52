#include "cli/appointment_commands.h"

#include "app/appointments/appointment_service.h"
#include "app/appointments/calendar_export.h"
#include "app/contacts/contact_service.h"
#include "app/contacts/sms_outbox.h"
#include "domain/shared/code_table.h"
#include "io/shared/csv_writer.h"

#include <cstdio>
#include <fmt/core.h>
#include <optional>
#include <string>

namespace doorstep::cli {
namespace {

int usage(std::string_view message)
{
    fmt::print(stderr, "doorstep-cli: {}\nTry 'doorstep-cli --help'.\n", message);
    return 2;
}

int failed(const Error& e)
{
    fmt::print(stderr, "doorstep-cli: {}\n", e.message);
    return e.code == ErrorCode::InvalidInput ? 2 : 1;
}

std::optional<std::string> option(const Options& options, const std::string& name)
{
    const auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

std::optional<Date> dateOption(const Options& options, const std::string& name)
{
    const auto text = option(options, name);
    if (!text) return std::nullopt;
    auto date = parseIsoDate(*text);
    if (!date) return std::nullopt;
    return *date;
}

std::optional<bool> jsonFormat(const Options& options)
{
    const std::string format = option(options, "format").value_or("csv");
    if (format != "csv" && format != "json") return std::nullopt;
    return format == "json";
}

std::string json(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20) {
            out += fmt::format("\\u{:04x}", u);
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// One record: CSV fields, or a JSON object of the header's names.
class Table {
public:
    Table(bool asJson, std::vector<std::string> names) : m_json(asJson), m_names(std::move(names))
    {
        if (m_json) {
            m_out = "[";
        } else {
            for (std::size_t k = 0; k < m_names.size(); ++k)
                m_out += (k ? "," : "") + m_names[k];
            m_out += "\n";
        }
    }
    // Each value as text; `numeric` says which are numbers (unquoted in JSON).
    void row(const std::vector<std::string>& values, const std::vector<bool>& numeric)
    {
        if (m_json) {
            m_out += m_rows ? ",\n{" : "\n{";
            for (std::size_t k = 0; k < values.size(); ++k) {
                m_out += (k ? "," : "") + json(m_names[k]) + ":";
                m_out += numeric[k] && !values[k].empty() ? values[k] : json(values[k]);
            }
            m_out += "}";
        } else {
            for (std::size_t k = 0; k < values.size(); ++k) {
                if (k) m_out += ',';
                io::appendCsvField(m_out, values[k]);
            }
            m_out += "\n";
        }
        ++m_rows;
    }
    void print()
    {
        if (m_json) m_out += m_rows ? "\n]\n" : "]\n";
        std::fwrite(m_out.data(), 1, m_out.size(), stdout);
    }

private:
    bool m_json;
    std::vector<std::string> m_names;
    std::string m_out;
    int m_rows = 0;
};

std::string numberText(std::int64_t n)
{
    return std::to_string(n);
}

}  // namespace

int runContactsCommand(app::Session& session, const Options& options)
{
    const auto asOf = dateOption(options, "as-of");
    if (!asOf) return usage("contacts needs --as-of YYYY-MM-DD");
    const auto from = option(options, "from") ? dateOption(options, "from") : asOf;
    if (!from) return usage("--from is a date YYYY-MM-DD");
    const auto asJson = jsonFormat(options);
    if (!asJson) return usage("--format is csv or json");
    auto contacts = app::ContactService(session).contacts(*from, *asOf);
    if (!contacts) return failed(contacts.error());
    Table table(*asJson,
                {"contact_id",      "date",          "time",           "borrower_id",      "district",       "who",
                 "relation",        "channel",       "number",         "result",           "reached",        "outcome",
                 "promised_amount", "promised_date", "exception_rule", "exception_reason", "appointment_id", "note",
                 "logged_by",       "logged_at"});
    const std::vector<bool> numeric{true,  false, false, false, false, false, false, false, false, false,
                                    false, false, true,  false, false, false, true,  false, false, false};
    for (const app::ContactItem& c : *contacts) {
        table.row({numberText(c.eventId),
                   formatIsoDate(c.date),
                   formatClockTime(ClockTime{c.minuteOfDay}),
                   c.borrowerBankId,
                   c.district,
                   std::string(contactPartyName(c.who)),
                   c.relation,
                   std::string(contactChannelName(c.channel)),
                   c.numberId,
                   std::string(codeOf(kContactResultCodes, c.result)),
                   std::string(contactPartyName(c.reached)),
                   std::string(contactOutcomeName(c.outcome)),
                   numberText(c.promisedAmount.fen),
                   c.promisedDate ? formatIsoDate(*c.promisedDate) : std::string(),
                   c.exceptionRule ? std::string(codeOf(kContactRuleCodes, *c.exceptionRule)) : std::string(),
                   c.exceptionReason,
                   c.appointmentId ? numberText(c.appointmentId) : std::string(),
                   c.note,
                   c.loggedBy,
                   c.loggedAt},
                  numeric);
    }
    table.print();
    return 0;
}

int runAppointmentsCommand(app::Session& session, const Options& options)
{
    const auto from = dateOption(options, "from");
    const auto to = dateOption(options, "to");
    if (!from || !to) return usage("appointments needs --from YYYY-MM-DD and --to YYYY-MM-DD");
    const auto asJson = jsonFormat(options);
    if (!asJson) return usage("--format is csv or json");
    auto items = app::AppointmentService(session).appointments(*from, *to, option(options, "officer").value_or(""));
    if (!items) return failed(items.error());
    Table table(*asJson, {"appointment_id", "borrower_id", "district", "date", "start", "end", "duration_minutes",
                          "place", "staff1", "staff2", "state", "agreed_contact_id", "replaces_id", "cancel_reason",
                          "created_by", "created_at", "updated_by", "updated_at"});
    const std::vector<bool> numeric{true,  false, false, false, false, false, true,  false, false,
                                    false, false, true,  true,  false, false, false, false, false};
    for (const app::AppointmentItem& i : *items) {
        const Appointment& a = i.appointment;
        table.row({numberText(i.id), a.caseId, i.district, formatIsoDate(a.date), formatClockTime(a.start),
                   formatClockTime(ClockTime{a.endMinutes()}), numberText(a.durationMinutes),
                   std::string(codeOf(kPlaceKindCodes, a.place)), !a.staff.empty() ? a.staff[0] : std::string(),
                   a.staff.size() > 1 ? a.staff[1] : std::string(),
                   std::string(codeOf(kAppointmentStateCodes, a.state)),
                   i.agreedContactId ? numberText(i.agreedContactId) : std::string(),
                   i.replacesId ? numberText(i.replacesId) : std::string(), a.cancelReason, i.createdBy, i.createdAt,
                   i.updatedBy, i.updatedAt},
                  numeric);
    }
    table.print();
    return 0;
}

int runCalendarExportCommand(app::Session& session, const Options& options)
{
    const auto officer = option(options, "officer");
    const auto from = dateOption(options, "from");
    const auto to = dateOption(options, "to");
    const auto out = option(options, "out");
    if (!officer || !from || !to || !out)
        return usage("calendar export needs --officer NAME --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.ics");
    auto count = app::exportCalendar(session, *officer, *from, *to, *out);
    if (!count) return failed(count.error());
    fmt::print("Wrote {} visit(s) of {} from {} to {} to {}.\n", *count, *officer, formatIsoDate(*from),
               formatIsoDate(*to), *out);
    return 0;
}

int runOutboxCommand(app::Session& session, const Options& options)
{
    const auto date = dateOption(options, "date");
    const auto out = option(options, "out");
    if (!date || !out) return usage("outbox needs --date YYYY-MM-DD --out FILE.csv");
    auto summary = app::SmsService(session).exportOutbox(*date, *out);
    if (!summary) return failed(summary.error());
    fmt::print("Wrote {} message(s) of {} to {}.\n", summary->messages, formatIsoDate(*date), *out);
    return 0;
}

}  // namespace doorstep::cli
