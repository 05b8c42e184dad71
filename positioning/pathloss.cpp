// The measurement model: the level a receiver should hear from a tag at a place (log-distance path
// loss, the walls crossed on the way, counted once per receiver on a 0.5 m grid, and the radio map).
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace ww::pos {

// Walls crossed on the way from a to b. Crossings closer than 0.3 m along the way are one wall:
// plans often trace a wall as two parallel lines (both faces).
int wallsCrossed(const std::vector<WallShape>& walls, int floor, QPointF a, QPointF b)
{
    const QLineF ray(a, b);
    const double len = std::max(ray.length(), 1e-9);
    double at[64];
    int n = 0;
    for (const auto& w : walls) {
        QPointF p;
        if (w.floor == floor && n < 64 && ray.intersects(w.line, &p) == QLineF::BoundedIntersection)
            at[n++] = QLineF(a, p).length() / len;
    }
    std::sort(at, at + n);
    int count = 0;
    for (int i = 0; i < n; ++i)
        if (i == 0 || (at[i] - at[i - 1]) * len > 0.3)
            ++count;
    return count;
}

void Engine::buildWallGrid()
{
    m_gridX0 = m_bounds[0] - 3;
    m_gridY0 = m_bounds[1] - 3;
    m_gridW = int(std::ceil((m_bounds[2] + 3 - m_gridX0) / CellM)) + 1;
    m_gridH = int(std::ceil((m_bounds[3] + 3 - m_gridY0) / CellM)) + 1;
    m_wallCount.resize(m_receivers.size());
    for (size_t r = 0; r < m_receivers.size(); ++r) {
        const Receiver& g = m_receivers[r];
        std::vector<WallShape> own;
        for (const auto& w : m_walls)
            if (w.floor == g.floor)
                own.push_back(w);
        auto& grid = m_wallCount[r];
        grid.assign(size_t(m_gridW) * size_t(m_gridH), 0);
        for (int cy = 0; cy < m_gridH; ++cy)
            for (int cx = 0; cx < m_gridW; ++cx) {
                const int n = wallsCrossed(own, g.floor, {g.x, g.y}, {m_gridX0 + (cx + 0.5) * CellM, m_gridY0 + (cy + 0.5) * CellM});
                grid[size_t(cy) * size_t(m_gridW) + size_t(cx)] = (unsigned char)std::min(n, 255);
            }
    }
}

int Engine::wallsBetween(int receiver, double x, double y) const
{
    if (m_wallCount.empty())
        return 0;
    const int cx = std::clamp(int((x - m_gridX0) / CellM), 0, m_gridW - 1);
    const int cy = std::clamp(int((y - m_gridY0) / CellM), 0, m_gridH - 1);
    return m_wallCount[size_t(receiver)][size_t(cy) * size_t(m_gridW) + size_t(cx)];
}

double Engine::logDistance(int receiver, double x, double y, double z) const
{
    const Receiver& g = m_receivers[size_t(receiver)];
    const double dx = x - g.x, dy = y - g.y, dz = g.z - z;
    return -5 * std::log10(std::max(dx * dx + dy * dy + dz * dz, 0.01));
}

double Engine::modelled(int receiver, double x, double y) const
{
    return modelledWith(receiver, logDistance(receiver, x, y, m_config.tagHeightM), x, y);
}

double Engine::modelledWith(int receiver, double logDistance, double x, double y) const
{
    // Walls are charged only as far as the radio map lacks support: where it has, it measured them.
    const Receiver& g = m_receivers[size_t(receiver)];
    const int walls = wallsBetween(receiver, x, y);
    return g.rssiAt1m + g.exponent * logDistance - (walls ? m_config.wallLossDb * walls * (1 - m_map.support(receiver, x, y)) : 0.0) +
           m_map.at(receiver, x, y);
}

} // namespace ww::pos
