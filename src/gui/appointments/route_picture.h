#pragma once
// A map-free picture of a day's route: the stops placed by their coordinates (north up, distances true to
// scale in both directions), numbered in the order of the plan, joined by straight lines.
#include "domain/appointments/travel.h"

#include <QWidget>
#include <vector>

namespace doorstep::gui {

class RoutePicture final : public QWidget {
    Q_OBJECT
public:
    explicit RoutePicture(QWidget* parent = nullptr);
    void setRoute(std::vector<GeoPoint> stops);
    // Where stop `index` (0-based, in order) is drawn, for the tests.
    QPointF stopPosition(std::size_t index) const;
    QSize sizeHint() const override { return {320, 320}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<GeoPoint> m_stops;
};

}  // namespace doorstep::gui
