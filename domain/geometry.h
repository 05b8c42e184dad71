#pragma once
// Plane geometry of the site frame (metres), shared by the positioning engine, the core and the
// views. Qt Core only: the server executables link no Qt Gui.
#include <QList>
#include <QPointF>
#include <QRectF>

namespace ww {

// A closed polygon (the last point joins the first), as Polygon without Qt Gui: the views pass it
// to QPainter as a Polygon (a QList<QPointF> too).
class Polygon : public QList<QPointF>
{
public:
    Polygon() = default;
    Polygon(const QList<QPointF>& points) : QList<QPointF>(points) {}
    Polygon(std::initializer_list<QPointF> points) : QList<QPointF>(points) {}
    explicit Polygon(const QRectF& r) : QList<QPointF>{r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()} {}

    [[nodiscard]] QRectF boundingRect() const;
    // Even-odd rule, as QPolygonF::containsPoint(p, Qt::OddEvenFill).
    [[nodiscard]] bool contains(QPointF p) const;
};

// Distance from a point to a polygon's area (0 inside it).
[[nodiscard]] double distanceTo(const Polygon& poly, QPointF p);

} // namespace ww
