#include "report/pdf_document.h"

#include "support/temp_dir.h"

#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <catch2/catch_test_macros.hpp>

using namespace doorstep;

namespace {

// Fonts need a QGuiApplication; the report tests have none of their own.
void ensureApplication()
{
    if (QCoreApplication::instance() != nullptr) return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "doorstep_report_tests";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* application = new QGuiApplication(argc, argv);
    (void)application;
}

// Ten full-width characters: ten ems wide, so 100 points at 10 points.
const QString kLine = QStringLiteral("<p>一二三四五六七八九十</p>");

// The width of the ink on a page image, in pixels.
int inkWidth(const QImage& page)
{
    int left = page.width(), right = -1;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            if (qGray(page.pixel(x, y)) >= 160) continue;
            left = std::min(left, x);
            right = std::max(right, x);
        }
    }
    return right < 0 ? 0 : right - left + 1;
}

}  // namespace

TEST_CASE("PDF text has the size asked for: ten 10-point characters are 100 points wide", "[pdf_document]")
{
    ensureApplication();
    SECTION("on the page images (72 dpi: a pixel is a point)")
    {
        for (const int points : {10, 20}) {
            CAPTURE(points);
            const auto pages = report::renderHtmlPages(kLine, report::PageSetup{.fontPoints = points}, 72);
            REQUIRE(pages.size() == 1);
            const int width = inkWidth(pages.front());
            CHECK(width >= 9 * points);  // the first and last glyphs' side bearings are not ink
            CHECK(width <= 10 * points + 2);
        }
    }
    SECTION("in the PDF file, as poppler reads it")
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        REQUIRE_FALSE(pdftotext.isEmpty());  // poppler-utils, installed by scripts/bootstrap.sh
        test::TempDir dir;
        const QString pdf = QString::fromStdString((dir / "line.pdf").string());
        REQUIRE(report::writeHtmlPdf(pdf, kLine, QStringLiteral("line"), report::PageSetup{}) == 1);
        QProcess process;
        process.start(pdftotext, {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
        REQUIRE(process.waitForFinished(30000));
        const QString xhtml = QString::fromUtf8(process.readAllStandardOutput());
        // <word xMin="…" yMin="…" xMax="…" yMax="…">…</word>, in points; the line may come as one word or several.
        static const QRegularExpression word(QStringLiteral("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" "
                                                            "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\""));
        double left = 1e9, right = -1;
        for (auto it = word.globalMatch(xhtml); it.hasNext();) {
            const auto m = it.next();
            left = std::min(left, m.captured(1).toDouble());
            right = std::max(right, m.captured(2).toDouble());
        }
        REQUIRE(right > 0);
        CHECK(right - left >= 95.0);
        CHECK(right - left <= 105.0);
        CHECK(left > 15 / 25.4 * 72 - 1);  // the 15 mm margin
    }
}
