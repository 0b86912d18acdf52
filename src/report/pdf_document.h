#pragma once
// One way to put an HTML document on A4 paper, for every PDF Doorstep prints (the plan letter, the day sheet,
// the visit report, the audit trail) and for the page images the screens and tests look at: the same layout
// for both, so the pages break where they break in the PDF.
#include <QImage>
#include <QPageLayout>
#include <QString>

#include <vector>

namespace doorstep::report {

struct PageSetup {
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    double marginMillimetres = 15;
    int fontPoints = 10;  // the body text, in the CJK font every document uses
};

// Writes `html` to a PDF file titled `title`; the number of pages, 0 when the file cannot be written.
int writeHtmlPdf(const QString& path, const QString& html, const QString& title, const PageSetup& setup);

// The pages of the same document as images at `dotsPerInch`, white behind the text.
std::vector<QImage> renderHtmlPages(const QString& html, const PageSetup& setup, int dotsPerInch);

// The document's plain text, as the PDF holds it (for the CLI and the tests).
QString htmlPlainText(const QString& html, const PageSetup& setup);

}  // namespace doorstep::report
