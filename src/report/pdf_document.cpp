#include "report/pdf_document.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <memory>

namespace doorstep::report {
namespace {

constexpr int kPdfResolution = 150;

// The document is laid out on a device of the PDF's resolution, so a 10-point font is 10/72 inch on a page whose
// size is given in that resolution's pixels. Without it QTextDocument measures fonts at the screen's resolution
// (about 96 dpi) and print() scales the whole page onto the paper: the text came out at 6.4 points.
QPaintDevice* layoutDevice()
{
    static QImage device = [] {
        QImage image(1, 1, QImage::Format_RGB32);
        const int dotsPerMetre = qRound(kPdfResolution / 0.0254);
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        return image;
    }();
    return &device;
}

QPageLayout a4Layout(const PageSetup& setup)
{
    const double m = setup.marginMillimetres;
    return QPageLayout(QPageSize(QPageSize::A4), setup.orientation, QMarginsF(m, m, m, m), QPageLayout::Millimeter);
}

QSizeF pageSize(const PageSetup& setup)
{
    return a4Layout(setup).paintRectPixels(kPdfResolution).size();
}

std::unique_ptr<QTextDocument> layOut(const QString& html, const PageSetup& setup)
{
    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->setPaintDevice(layoutDevice());
    document->setDefaultFont(QFont(QStringLiteral("Noto Sans CJK SC"), setup.fontPoints));
    document->setHtml(html);
    document->setPageSize(pageSize(setup));
    return document;
}

}  // namespace

int writeHtmlPdf(const QString& path, const QString& html, const QString& title, const PageSetup& setup)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
    QPdfWriter writer(&file);
    writer.setResolution(kPdfResolution);
    writer.setPageLayout(a4Layout(setup));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Doorstep"));
    const auto document = layOut(html, setup);
    const int pages = document->pageCount();
    document->print(&writer);
    file.close();
    return file.error() == QFileDevice::NoError ? pages : 0;
}

std::vector<QImage> renderHtmlPages(const QString& html, const PageSetup& setup, int dotsPerInch)
{
    const QSizeF page = pageSize(setup);
    const auto document = layOut(html, setup);
    const double scale = static_cast<double>(dotsPerInch) / kPdfResolution;
    std::vector<QImage> images;
    for (int i = 0; i < document->pageCount(); ++i) {
        QImage image((page * scale).toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        painter.translate(0, -page.height() * i);
        document->drawContents(&painter, QRectF(QPointF(0, page.height() * i), page));
        painter.end();
        images.push_back(std::move(image));
    }
    return images;
}

QString htmlPlainText(const QString& html, const PageSetup& setup)
{
    return layOut(html, setup)->toPlainText();
}

}  // namespace doorstep::report
