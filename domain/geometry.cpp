#include "domain/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww {

double distanceTo(const QPolygonF& poly, QPointF p)
{
    if (poly.containsPoint(p, Qt::OddEvenFill))
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
