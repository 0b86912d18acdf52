#include "gui/appointments/route_picture.h"

#include "gui/shared/theme.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace doorstep::gui {
namespace {

constexpr double kMargin = 22.0;
constexpr double kRadius = 10.0;

}  // namespace

RoutePicture::RoutePicture(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("routePicture"));
    setMinimumSize(220, 220);
}

void RoutePicture::setRoute(std::vector<GeoPoint> stops)
{
    m_stops = std::move(stops);
    update();
}

QPointF RoutePicture::stopPosition(std::size_t index) const
{
    if (index >= m_stops.size()) return {};
    // East–west degrees shrink with the cosine of the latitude; scale both axes alike so shapes are true.
    double minLat = m_stops.front().latitude, maxLat = minLat;
    double minLon = m_stops.front().longitude, maxLon = minLon;
    for (const GeoPoint& p : m_stops) {
        minLat = std::min(minLat, p.latitude);
        maxLat = std::max(maxLat, p.latitude);
        minLon = std::min(minLon, p.longitude);
        maxLon = std::max(maxLon, p.longitude);
    }
    const double shrink = std::cos((minLat + maxLat) / 2.0 * std::numbers::pi / 180.0);
    const double spanX = (maxLon - minLon) * shrink;
    const double spanY = maxLat - minLat;
    const double w = width() - 2 * kMargin;
    const double h = height() - 2 * kMargin;
    const double scale = std::min(spanX > 0 ? w / spanX : 1e12, spanY > 0 ? h / spanY : 1e12);
    const double usedX = spanX * (scale < 1e11 ? scale : 0);
    const double usedY = spanY * (scale < 1e11 ? scale : 0);
    const GeoPoint& p = m_stops[index];
    const double x = kMargin + (w - usedX) / 2 + (scale < 1e11 ? (p.longitude - minLon) * shrink * scale : 0);
    const double y = kMargin + (h - usedY) / 2 + (scale < 1e11 ? (maxLat - p.latitude) * scale : 0);
    return {x, y};
}

void RoutePicture::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    p.setPen(Theme::calendarGridColor());
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_stops.empty()) {
        p.setPen(Theme::mutedColor());
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No route: no visit with a location."));
        return;
    }
    std::vector<QPointF> points;
    for (std::size_t i = 0; i < m_stops.size(); ++i)
        points.push_back(stopPosition(i));
    p.setPen(QPen(Theme::routeLineColor(), 2));
    for (std::size_t i = 1; i < points.size(); ++i)
        p.drawLine(points[i - 1], points[i]);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    // Later stops first, so when two share a place the earlier number is on top.
    for (std::size_t i = points.size(); i-- > 0;) {
        p.setPen(QPen(Theme::selectionOutlineColor(), 1.5));
        p.setBrush(Theme::appointmentConfirmedColor());
        p.drawEllipse(points[i], kRadius, kRadius);
        p.setPen(Theme::calendarTextColor());
        p.drawText(QRectF(points[i].x() - kRadius, points[i].y() - kRadius, 2 * kRadius, 2 * kRadius), Qt::AlignCenter,
                   QString::number(i + 1));
    }
}

}  // namespace doorstep::gui
