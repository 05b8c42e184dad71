#include "ui/planlayout.h"

#include <QHash>
#include <QLineF>
#include <cmath>
#include <numeric>

namespace ww {

namespace {
quint64 cellKey(qint64 gx, qint64 gy)
{
    return (quint64(quint32(gx)) << 32) | quint32(gy);
}
} // namespace

std::vector<std::vector<int>> groupsCloserThan(const std::vector<QPointF>& points, double distance)
{
    // Single linkage over a grid of cells as wide as the distance: only neighbouring cells are compared.
    std::vector<int> parent(points.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int i) {
        while (parent[size_t(i)] != i)
            i = parent[size_t(i)] = parent[size_t(parent[size_t(i)])];
        return i;
    };
    auto cellOf = [distance](QPointF p) { return std::pair{qint64(std::floor(p.x() / distance)), qint64(std::floor(p.y() / distance))}; };
    QHash<quint64, std::vector<int>> grid;
    for (size_t i = 0; i < points.size(); ++i) {
        const auto [gx, gy] = cellOf(points[i]);
        grid[cellKey(gx, gy)].push_back(int(i));
    }
    for (size_t i = 0; i < points.size(); ++i) {
        const auto [gx, gy] = cellOf(points[i]);
        for (qint64 dx = -1; dx <= 1; ++dx)
            for (qint64 dy = -1; dy <= 1; ++dy) {
                const auto it = grid.constFind(cellKey(gx + dx, gy + dy));
                if (it == grid.cend())
                    continue;
                for (int j : *it)
                    if (size_t(j) > i && QLineF(points[i], points[size_t(j)]).length() < distance)
                        parent[size_t(root(int(i)))] = root(j);
            }
    }
    QHash<int, size_t> index; // root -> its group
    std::vector<std::vector<int>> groups;
    for (size_t i = 0; i < points.size(); ++i) {
        const int r = root(int(i));
        auto it = index.constFind(r);
        if (it == index.cend()) {
            groups.emplace_back();
            it = index.insert(r, groups.size() - 1);
        }
        groups[*it].push_back(int(i));
    }
    return groups;
}

std::vector<std::optional<QRectF>> placeLabels(const std::vector<QPointF>& marks, const std::vector<QSizeF>& sizes, const QRectF& bounds,
                                                double markPx)
{
    const double Gap = markPx / 2 + 3, MarkR = markPx / 2;
    constexpr double Cell = 64;
    std::vector<std::optional<QRectF>> out(marks.size());
    // Labels placed and marks, in a grid of 64 px cells: a crowd of a thousand stays quick.
    QHash<quint64, std::vector<QRectF>> taken;
    QHash<quint64, std::vector<size_t>> markCells;
    auto key = cellKey;
    auto cellsOf = [&](const QRectF& r, auto&& f) {
        for (qint64 gx = qint64(std::floor(r.left() / Cell)); gx <= qint64(std::floor(r.right() / Cell)); ++gx)
            for (qint64 gy = qint64(std::floor(r.top() / Cell)); gy <= qint64(std::floor(r.bottom() / Cell)); ++gy)
                f(key(gx, gy));
    };
    auto markRect = [&](size_t m) { return QRectF(marks[m] - QPointF(MarkR, MarkR), QSizeF(2 * MarkR, 2 * MarkR)); };
    for (size_t m = 0; m < marks.size(); ++m)
        cellsOf(markRect(m), [&](quint64 k) { markCells[k].push_back(m); });
    auto free = [&](const QRectF& r, size_t self, bool clearOfMarks) {
        if (!bounds.contains(r))
            return false;
        bool ok = true;
        cellsOf(r, [&](quint64 k) {
            if (!ok)
                return;
            for (const QRectF& t : taken.value(k))
                if (t.intersects(r)) {
                    ok = false;
                    return;
                }
            if (clearOfMarks)
                for (size_t m : markCells.value(k))
                    if (m != self && r.intersects(markRect(m))) {
                        ok = false;
                        return;
                    }
        });
        return ok;
    };
    for (size_t i = 0; i < marks.size() && i < sizes.size(); ++i) {
        const QPointF c = marks[i];
        const double w = sizes[i].width(), h = sizes[i].height();
        const QRectF candidates[] = {
            {c.x() + Gap, c.y() - h / 2, w, h},         {c.x() - Gap - w, c.y() - h / 2, w, h}, // right, left
            {c.x() - w / 2, c.y() - Gap - h, w, h},     {c.x() - w / 2, c.y() + Gap, w, h},     // above, below
            {c.x() + Gap / 2, c.y() - Gap / 2 - h, w, h}, {c.x() + Gap / 2, c.y() + Gap / 2, w, h},
            {c.x() - Gap / 2 - w, c.y() - Gap / 2 - h, w, h}, {c.x() - Gap / 2 - w, c.y() + Gap / 2, w, h},
        };
        // Clear of every other mark if it can be; in a crowd, over marks but never over a label.
        for (bool clearOfMarks : {true, false}) {
            for (const QRectF& r : candidates)
                if (free(r, i, clearOfMarks)) {
                    out[i] = r;
                    cellsOf(r, [&](quint64 k) { taken[k].push_back(r); });
                    break;
                }
            if (out[i])
                break;
        }
    }
    return out;
}

} // namespace ww
