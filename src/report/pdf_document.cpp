#include "report/pdf_document.h"

#include <QFile>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <memory>

namespace doorstep::report {
namespace {

constexpr int kPdfResolution = 150;

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
