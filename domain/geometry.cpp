#include "domain/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww {

QRectF Polygon::boundingRect() const
{
    if (isEmpty())
        return {};
    double x0 = first().x(), x1 = x0, y0 = first().y(), y1 = y0;
    for (const QPointF& p : *this) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

bool Polygon::contains(QPointF p) const
{
    // The even-odd rule exactly as QPolygonF::containsPoint counts it (so that a point on an edge
    // falls the same way): edges crossing p's scan line at or left of p, horizontal edges ignored,
    // each edge's lower end included and its upper end not.
    if (isEmpty())
        return false;
    int crossings = 0;
    auto edge = [&](QPointF a, QPointF b) {
        if (qFuzzyCompare(a.y(), b.y()))
            return;
        if (b.y() < a.y())
            std::swap(a, b);
        if (p.y() >= a.y() && p.y() < b.y() && a.x() + ((b.x() - a.x()) / (b.y() - a.y())) * (p.y() - a.y()) <= p.x())
            ++crossings;
    };
    for (qsizetype i = 1; i < size(); ++i)
        edge(at(i - 1), at(i));
    if (last() != first())
        edge(last(), first());
    return crossings % 2 != 0;
}

double distanceTo(const Polygon& poly, QPointF p)
{
    if (poly.contains(p))
        return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < poly.size(); ++i) {
        const QPointF a = poly[i], b = poly[(i + 1) % poly.size()];
        const QPointF ab = b - a;
        const double len2 = QPointF::dotProduct(ab, ab);
        const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
        const QPointF q = a + t * ab;
        best = std::min(best, std::hypot(p.x() - q.x(), p.y() - q.y()));
    }
    return best;
}

} // namespace ww
