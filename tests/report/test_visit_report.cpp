#include "report/visit_report.h"

#include "support/file_bytes.h"
#include "support/temp_dir.h"
#include "support/visit_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace doorstep;
using app::VisitNoteService;
using Catch::Matchers::ContainsSubstring;

namespace {

report::VisitReport reportOf(const app::VisitReportFacts& f)
{
    report::VisitReport r;
    r.customerId = f.detail.borrowerBankId;
    r.customerName = f.detail.borrowerName;
    r.maskedIdNumber = f.maskedIdNumber;
    r.district = f.district;
    r.start = f.detail.appointment.appointment.start;
    r.durationMinutes = f.detail.appointment.appointment.durationMinutes;
    r.appointmentState = f.detail.appointment.appointment.state;
    r.note = f.detail.note;
    for (const auto& p : f.detail.promises)
        r.promises.push_back({p.promise, p.check.status, p.check.paid});
    r.printedBy = f.printedBy;
    r.printedAt = f.printedAt;
    r.staffNames = f.staffNames;
    return r;
}

}  // namespace

TEST_CASE("visit report: every version, the addendum, the review and the signature lines, names by role",
          "[visits_app]")
{
    test::VisitBranch b;
    auto ofc1 = b.login("ofc1");
    VisitNoteService officer(*ofc1);
    VisitNoteService supervisor(*b.sup);
    const auto id = officer.open(b.madeVisit(true)).value();
    VisitNoteDraft draft = test::completeDraft();
    draft.content.metRelation = MetRelation::Spouse;
    draft.content.metName = "王小红";
    draft.content.place = PlaceKind::Other;
    draft.content.placeNote = "幸福路 12 号";
    REQUIRE(officer.submit(id, draft));
    REQUIRE(supervisor.returnForCorrection(id, "请补充医院名称。"));
    draft.addendumText = "住院地点为市第一人民医院。";
    REQUIRE(officer.addAddendum(id, draft));
    REQUIRE(supervisor.approve(id, "同意。"));

    auto bySupervisor = supervisor.reportFacts(id);
    REQUIRE(bySupervisor);
    const std::string full = report::visitReportText({reportOf(*bySupervisor)}, Language::Chinese);
    CHECK_THAT(full, ContainsSubstring("走访记录报告（记录编号 " + std::to_string(id) + "）"));
    CHECK_THAT(full, ContainsSubstring("第 1 版：提交，周专员"));
    CHECK_THAT(full, ContainsSubstring("第 2 版：补充说明，周专员"));
    CHECK_THAT(full, ContainsSubstring("住院地点为市第一人民医院。"));
    CHECK_THAT(full, ContainsSubstring("第 1 版：退回，吴主管"));
    CHECK_THAT(full, ContainsSubstring("请补充医院名称。"));
    CHECK_THAT(full, ContainsSubstring("第 2 版：审核通过，吴主管"));
    CHECK_THAT(full, ContainsSubstring("已出示工作证件"));
    CHECK_THAT(full, ContainsSubstring("疾病或家庭变故；其他（Shop closed for renovation）"));
    CHECK_THAT(full, ContainsSubstring("¥5,200.00"));
    CHECK_THAT(full, ContainsSubstring("2026-12-07 前还款 ¥800.00"));
    CHECK_THAT(full, ContainsSubstring("走访人员\n周专员、郑专员"));  // the visit
    CHECK_THAT(full, ContainsSubstring("走访人员：周专员"));              // a signature line
    CHECK_THAT(full, ContainsSubstring("审核主管"));
    CHECK_THAT(full, ContainsSubstring("填写人\n周专员"));
    CHECK_THAT(full, ContainsSubstring("打印人：吴主管"));
    CHECK_THAT(full, !ContainsSubstring("ofc1"));  // no user name where people read names
    CHECK_THAT(full, ContainsSubstring("王小红"));
    CHECK_THAT(full, ContainsSubstring("幸福路 12 号"));
    CHECK_THAT(full, ContainsSubstring(bySupervisor->detail.borrowerName));
    CHECK(bySupervisor->maskedIdNumber.find("********") != std::string::npos);

    // The officer's copy: the names after their first character and the place are masked.
    auto byOfficer = officer.reportFacts(id);
    REQUIRE(byOfficer);
    const std::string masked = report::visitReportText({reportOf(*byOfficer)}, Language::Chinese);
    CHECK_THAT(masked, ContainsSubstring("王**"));
    CHECK_THAT(masked, !ContainsSubstring("王小红"));
    CHECK_THAT(masked, !ContainsSubstring("幸福路"));
    CHECK_THAT(masked, !ContainsSubstring(bySupervisor->detail.borrowerName));
    CHECK(b.audit("visit_note.print").size() == 2);

    // The PDF: A4 pages, one note from one page on; the range's notes each from a new page.
    test::TempDir dir;
    const auto path = (dir.path() / "visit.pdf").string();
    const int pages = report::writeVisitReportPdf(path, {reportOf(*bySupervisor)}, Language::Chinese);
    CHECK(pages >= 1);
    CHECK(test::readBytes(path).starts_with("%PDF-"));
    CHECK(test::readBytes(path).size() > 10'000);
    const int twice =
        report::writeVisitReportPdf(path, {reportOf(*bySupervisor), reportOf(*bySupervisor)}, Language::Chinese);
    CHECK(twice == 2 * pages);  // the second note starts on a page of its own
    CHECK(report::writeVisitReportPdf(path, {reportOf(*bySupervisor)}, Language::English) >= 1);
    CHECK_THAT(report::visitReportText({reportOf(*bySupervisor)}, Language::English),
               ContainsSubstring("Version 2: addendum, by 周专员"));
    CHECK(report::writeVisitReportPdf(path, {}, Language::Chinese) == 0);
    CHECK(report::writeVisitReportPdf((dir.path() / "missing" / "x.pdf").string(), {reportOf(*bySupervisor)},
                                      Language::Chinese) == 0);
}
