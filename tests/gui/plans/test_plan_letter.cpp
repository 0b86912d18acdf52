// The repayment-plan letter (report/plan_letter.h): a PDF with the schedule for the customer's signature,
// in Chinese or English; its pages rendered to images are looked at for ink where the text should be.
#include "report/plan_letter.h"

#include "domain/shared/masking.h"
#include "gui_fixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace doorstep;

namespace {

Date day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

report::PlanLetter letter(int months)
{
    const OutstandingDebt debt{Money{1'150'000}, Money{50'000}, Money{15'000}, Money{3'000}};
    PlanTerms terms{day(2026, 11, 30), Waiver::full(debt),
                    Reamortisation{RepaymentMethod::EqualInstalment, AnnualRate{60'000}, months}};
    report::PlanLetter l;
    l.customerName = "王秀英";
    l.maskedIdNumber = maskIdNumber("110101199003071233");
    l.loanId = "L001-1";
    l.proposalId = 12;
    l.plan = buildPlan(debt, terms).value();
    l.start = terms.start;
    l.brokenAfterDays = 30;
    l.observationMonths = 12;
    l.officer = "ofc1";
    l.printedOn = day(2026, 11, 30);
    return l;
}

}  // namespace

class TestPlanLetter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aShortPlanIsOnePdfPageWithTextAndTable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("letter.pdf"));
        QCOMPARE(report::writePlanLetterPdf(path, letter(3), Language::Chinese), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 5000);  // the fonts are embedded

        const auto pages = report::renderPlanLetterPages(letter(3), Language::Chinese, 72);
        QCOMPARE(pages.size(), std::size_t{1});
        const QImage& page = pages.front();
        QVERIFY(qAbs(page.width() - 510) <= 1);         // A4 less 15 mm margins: 180 mm at 72 dpi
        QVERIFY(test::inkIn(page, 0.0, 0.1) > 0.005);   // the title and the customer
        QVERIFY(test::inkIn(page, 0.1, 0.5) > 0.01);    // the schedule's table
        QVERIFY(test::inkIn(page, 0.95, 1.0) < 0.001);  // a short letter leaves the foot of the page blank
    }

    void theEnglishLetterDiffersAndALongPlanRunsOverSeveralPages()
    {
        const auto zh = report::renderPlanLetterPages(letter(3), Language::Chinese, 60);
        const auto en = report::renderPlanLetterPages(letter(3), Language::English, 60);
        QCOMPARE(en.size(), std::size_t{1});
        QVERIFY(zh.front() != en.front());

        QTemporaryDir dir;
        const int pdfPages =
            report::writePlanLetterPdf(dir.filePath(QStringLiteral("long.pdf")), letter(120), Language::English);
        QVERIFY(pdfPages >= 3);
        const auto pages = report::renderPlanLetterPages(letter(120), Language::English, 40);
        QCOMPARE(static_cast<int>(pages.size()), pdfPages);
        // The signature lines end up at the top of the last page (at 10 points a 120-month plan fills five pages).
        QVERIFY(test::inkIn(pages.back(), 0.0, 0.15) > 0.002);
    }

    void anUnwritablePathIsZeroPages()
    {
        QCOMPARE(
            report::writePlanLetterPdf(QStringLiteral("/nonexistent-folder/letter.pdf"), letter(3), Language::Chinese),
            0);
    }
};

QTEST_MAIN(TestPlanLetter)
#include "test_plan_letter.moc"
