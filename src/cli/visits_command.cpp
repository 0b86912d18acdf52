#include "cli/visits_command.h"

#include "app/appointments/appointment_settings.h"
#include "app/plans/plan_export.h"
#include "app/visits/visit_note_service.h"

#include <cstdio>
#include <fmt/core.h>

namespace doorstep::cli {
namespace {

int usage(const std::string& message)
{
    fmt::print(stderr, "doorstep-cli visits: {}\n", message);
    return 2;
}

int failed(const Error& error)
{
    fmt::print(stderr, "doorstep-cli visits: {}\n", error.message);
    return 1;
}

// A CSV field: neutralised against spreadsheet formulas, quoted when RFC 4180 needs it (customer numbers and
// user names come from outside).
std::string csvText(std::string_view s)
{
    std::string safe = app::neutralisedCsvText(s);
    if (safe.find_first_of(",\"\r\n") == std::string::npos) return safe;
    std::string out = "\"";
    for (const char c : safe) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string jsonText(std::string_view s)
{
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += fmt::format("\\u{:04x}", static_cast<int>(c));
            else
                out += c;
        }
    }
    return out + "\"";
}

std::string timeText(const std::optional<ClockTime>& t)
{
    return t ? formatClockTime(*t) : std::string();
}

std::string fenText(const std::optional<Money>& m)
{
    return m ? std::to_string(m->fen) : std::string();
}

// The hardship reasons' codes, separated by ';' (the list's own separator inside one CSV field).
std::string hardshipCodes(const VisitNoteContent& c)
{
    std::string out;
    for (HardshipReason r : c.hardship) {
        if (!out.empty()) out += ';';
        out += codeOf(kHardshipReasonCodes, r);
    }
    return out;
}

struct Row {
    const app::VisitNoteItem& item;
    const app::VisitNoteDetail& detail;
};

std::string lastDecision(const VisitNote& note)
{
    return note.reviews.empty() ? std::string()
                                : std::string(codeOf(kReviewDecisionCodes, note.reviews.back().decision));
}

constexpr std::string_view kCsvHeader =
    "id,appointment_id,customer_id,visit_date,author,visitors,state,versions,addenda,last_decision,submitted_at,"
    "customer_home,met_relation,place,arrived,left,id_shown,consent_asked,consent_given,purpose_told,hardship,"
    "income_fen,expenses_fen,ability,willingness,attitude,propose_plan,promises,promised_fen,promises_kept,"
    "promises_broken,attachments,updated_at\n";

std::string csvRow(const Row& r)
{
    const VisitNote& n = r.detail.note;
    const VisitNoteContent& c = n.currentContent();
    int addenda = 0;
    for (const auto& v : n.versions)
        addenda += v.kind == VersionKind::Addendum ? 1 : 0;
    Money promised;
    int kept = 0, broken = 0;
    for (const auto& p : c.promises)
        promised += p.amount;
    for (const auto& p : r.detail.promises) {
        kept += p.check.status == PromiseStatus::Kept ? 1 : 0;
        broken += p.check.status == PromiseStatus::Broken ? 1 : 0;
    }
    std::string visitors;
    for (const auto& v : c.visitors)
        visitors += (visitors.empty() ? "" : ";") + v;
    return fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", n.id,
        n.appointmentId, csvText(r.item.borrowerBankId), formatIsoDate(n.visitDate), csvText(n.author),
        csvText(visitors), codeOf(kNoteStateCodes, n.state), n.versions.size(), addenda, lastDecision(n),
        n.versions.empty() ? std::string() : n.versions.front().at, c.customerHome ? 1 : 0,
        c.customerHome ? codeOf(kMetRelationCodes, c.metRelation) : std::string_view(),
        codeOf(kPlaceKindCodes, c.place), timeText(c.arrived), timeText(c.left), c.protocol.identificationShown ? 1 : 0,
        c.protocol.consentToEnterAsked ? 1 : 0, c.protocol.consentToEnterGiven ? 1 : 0, c.protocol.purposeTold ? 1 : 0,
        hardshipCodes(c), fenText(c.monthlyIncome), fenText(c.monthlyExpenses), c.ability, c.willingness,
        codeOf(kAttitudeCodes, c.attitude), c.proposePlan ? 1 : 0, c.promises.size(), promised.fen, kept, broken,
        r.detail.attachments.size(), n.updatedAt);
}

std::string jsonRow(const Row& r)
{
    const VisitNote& n = r.detail.note;
    const VisitNoteContent& c = n.currentContent();
    std::string visitors, hardship, promises, versions;
    for (const auto& v : c.visitors)
        visitors += (visitors.empty() ? "" : ",") + jsonText(v);
    for (HardshipReason h : c.hardship)
        hardship += (hardship.empty() ? "\"" : ",\"") + std::string(codeOf(kHardshipReasonCodes, h)) + "\"";
    if (!r.detail.promises.empty()) {
        for (const auto& p : r.detail.promises) {
            promises += fmt::format("{}{{\"amount_fen\":{},\"due_date\":\"{}\",\"status\":\"{}\",\"paid_fen\":{}}}",
                                    promises.empty() ? "" : ",", p.promise.amount.fen, formatIsoDate(p.promise.due),
                                    codeOf(kPromiseStatusCodes, p.check.status), p.check.paid.fen);
        }
    } else {
        for (const auto& p : c.promises) {  // a draft's: not yet tracked
            promises += fmt::format("{}{{\"amount_fen\":{},\"due_date\":\"{}\",\"status\":null,\"paid_fen\":null}}",
                                    promises.empty() ? "" : ",", p.amount.fen, formatIsoDate(p.due));
        }
    }
    for (const auto& v : n.versions) {
        versions +=
            fmt::format("{}{{\"version\":{},\"kind\":\"{}\",\"by\":{},\"at\":\"{}\"}}", versions.empty() ? "" : ",",
                        v.number, codeOf(kVersionKindCodes, v.kind), jsonText(v.by), v.at);
    }
    std::string reviews;
    for (const auto& rv : n.reviews) {
        reviews +=
            fmt::format("{}{{\"version\":{},\"decision\":\"{}\",\"by\":{},\"at\":\"{}\"}}", reviews.empty() ? "" : ",",
                        rv.version, codeOf(kReviewDecisionCodes, rv.decision), jsonText(rv.by), rv.at);
    }
    const auto optionalFen = [](const std::optional<Money>& m) { return m ? std::to_string(m->fen) : "null"; };
    const auto optionalTime = [](const std::optional<ClockTime>& t) {
        return t ? "\"" + formatClockTime(*t) + "\"" : std::string("null");
    };
    return fmt::format(
        "{{\"id\":{},\"appointment_id\":{},\"customer_id\":{},\"visit_date\":\"{}\",\"author\":{},\"visitors\":[{}],"
        "\"state\":\"{}\",\"customer_home\":{},\"met_relation\":{},\"place\":\"{}\",\"arrived\":{},\"left\":{},"
        "\"checklist\":{{\"id_shown\":{},\"consent_asked\":{},\"consent_given\":{},\"purpose_told\":{}}},"
        "\"hardship\":[{}],\"income_fen\":{},\"expenses_fen\":{},\"ability\":{},\"willingness\":{},"
        "\"attitude\":\"{}\",\"propose_plan\":{},\"promises\":[{}],\"versions\":[{}],\"reviews\":[{}],"
        "\"attachments\":{},\"updated_at\":\"{}\"}}",
        n.id, n.appointmentId, jsonText(r.item.borrowerBankId), formatIsoDate(n.visitDate), jsonText(n.author),
        visitors, codeOf(kNoteStateCodes, n.state), c.customerHome ? "true" : "false",
        c.customerHome ? "\"" + std::string(codeOf(kMetRelationCodes, c.metRelation)) + "\"" : std::string("null"),
        codeOf(kPlaceKindCodes, c.place), optionalTime(c.arrived), optionalTime(c.left),
        c.protocol.identificationShown ? "true" : "false", c.protocol.consentToEnterAsked ? "true" : "false",
        c.protocol.consentToEnterGiven ? "true" : "false", c.protocol.purposeTold ? "true" : "false", hardship,
        optionalFen(c.monthlyIncome), optionalFen(c.monthlyExpenses), c.ability, c.willingness,
        codeOf(kAttitudeCodes, c.attitude), c.proposePlan ? "true" : "false", promises, versions, reviews,
        r.detail.attachments.size(), n.updatedAt);
}

}  // namespace

int runVisitsCommand(app::Session& session, const std::map<std::string, std::string>& options)
{
    const auto option = [&](const std::string& name) -> std::optional<std::string> {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    };
    const auto fromText = option("from");
    const auto toText = option("to");
    if (!fromText || !toText) return usage("needs --from YYYY-MM-DD and --to YYYY-MM-DD");
    const auto from = parseIsoDate(*fromText);
    const auto to = parseIsoDate(*toText);
    if (!from || !to) return usage("--from and --to are dates, YYYY-MM-DD");
    if (*to < *from) return usage("--to is before --from");
    const std::string format = option("format").value_or("csv");
    if (format != "csv" && format != "json") return usage("--format is csv or json");
    const bool json = format == "json";

    app::VisitNoteService service(session);
    auto items = service.notes(*from, *to);
    if (!items) return failed(items.error());
    std::string out = json ? "[" : std::string(kCsvHeader);
    bool first = true;
    for (const auto& item : *items) {
        auto detail = service.note(item.id);
        if (!detail) return failed(detail.error());
        const Row row{item, *detail};
        if (json)
            out += (first ? "\n" : ",\n") + jsonRow(row);
        else
            out += csvRow(row);
        first = false;
    }
    if (json) out += first ? "]\n" : "\n]\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace doorstep::cli
