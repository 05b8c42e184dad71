#pragma once
// Plane geometry of the site frame (metres), shared by the positioning engine and the models.
#include <QPointF>
#include <QPolygonF>

namespace ww {

// Distance from a point to a polygon's area (0 inside it).
[[nodiscard]] double distanceTo(const QPolygonF& poly, QPointF p);

} // namespace ww
