#include "cli/report_command.h"

#include "app/visits/visit_note_service.h"
#include "report/visit_report.h"

#include <charconv>
#include <fmt/core.h>

namespace doorstep::cli {
namespace {

int usage(const std::string& message)
{
    fmt::print(stderr, "doorstep-cli report: {}\n", message);
    return 2;
}

int failed(const Error& error)
{
    fmt::print(stderr, "doorstep-cli report: {}\n", error.message);
    return error.code == ErrorCode::InvalidInput ? 2 : 1;
}

report::VisitReport reportOf(const app::VisitReportFacts& f)
{
    report::VisitReport r;
    const app::VisitNoteDetail& d = f.detail;
    r.customerId = d.borrowerBankId;
    r.customerName = d.borrowerName;
    r.maskedIdNumber = f.maskedIdNumber;
    r.district = f.district;
    r.start = d.appointment.appointment.start;
    r.durationMinutes = d.appointment.appointment.durationMinutes;
    r.appointmentState = d.appointment.appointment.state;
    r.note = d.note;
    for (const auto& p : d.promises)
        r.promises.push_back({p.promise, p.check.status, p.check.paid});
    for (const auto& a : d.attachments)
        r.attachments.push_back({a.fileName, a.sizeBytes, a.version});
    r.printedBy = f.printedBy;
    r.printedAt = f.printedAt;
    r.staffNames = f.staffNames;
    return r;
}

}  // namespace

int runReportCommand(app::Session& session, const std::vector<std::string>& words,
                     const std::map<std::string, std::string>& options)
{
    const auto option = [&](const std::string& name) -> std::optional<std::string> {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    };
    const auto out = option("out");
    if (words.size() != 2 || (words[1] != "visit" && words[1] != "visits"))
        return usage("report visit --id N --out FILE.pdf, or report visits --from DATE --to DATE --out FILE.pdf");
    if (!out) return usage("needs --out FILE.pdf");
    const std::string lang = option("lang").value_or("zh");
    if (lang != "zh" && lang != "en") return usage("--lang is zh or en");
    const Language language = lang == "zh" ? Language::Chinese : Language::English;

    app::VisitNoteService service(session);
    std::vector<report::VisitReport> reports;
    if (words[1] == "visit") {
        const auto idText = option("id");
        std::int64_t id = 0;
        if (!idText ||
            std::from_chars(idText->data(), idText->data() + idText->size(), id).ptr != idText->data() + idText->size())
            return usage("report visit needs --id N (the note's number)");
        auto facts = service.reportFacts(id);
        if (!facts) return failed(facts.error());
        reports.push_back(reportOf(*facts));
    } else {
        const auto from = parseIsoDate(option("from").value_or(""));
        const auto to = parseIsoDate(option("to").value_or(""));
        if (!from || !to || *to < *from) return usage("report visits needs --from YYYY-MM-DD --to YYYY-MM-DD");
        auto all = service.reportFacts(*from, *to);
        if (!all) return failed(all.error());
        if (all->empty()) {
            fmt::print(stderr, "doorstep-cli report: no submitted visit note from {} to {}\n", formatIsoDate(*from),
                       formatIsoDate(*to));
            return 1;
        }
        for (const auto& f : *all)
            reports.push_back(reportOf(f));
    }
    const int pages = report::writeVisitReportPdf(*out, reports, language);
    if (pages == 0) {
        fmt::print(stderr, "doorstep-cli report: cannot write {}\n", *out);
        return 1;
    }
    fmt::print(stderr, "Wrote {} visit note(s) on {} page(s) to {}.\n", reports.size(), pages, *out);
    return 0;
}

}  // namespace doorstep::cli
