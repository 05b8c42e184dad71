#pragma once
// Layouts and noiseless reports shared by the positioning engine's unit tests.
#include "positioning/engine.h"

#include <cmath>
#include <utility>
#include <vector>

namespace ww::pos::test {
inline std::vector<Receiver> square(double side = 10)
{
    return {{QStringLiteral("a"), 0, 0, 2.5, 0, -59, 2}, {QStringLiteral("b"), side, 0, 2.5, 0, -59, 2},
            {QStringLiteral("c"), 0, side, 2.5, 0, -59, 2}, {QStringLiteral("d"), side, side, 2.5, 0, -59, 2}};
}
inline double modelRssi(const Receiver& g, double x, double y, double h)
{
    const double d = std::sqrt((x - g.x) * (x - g.x) + (y - g.y) * (y - g.y) + (g.z - h) * (g.z - h));
    return g.rssiAt1m - 10 * g.exponent * std::log10(d);
}
inline void feed(Engine& e, int tag, const std::vector<Receiver>& gws, double x, double y, double t0, double t1)
{
    for (double t = t0; t < t1; t += 0.25)
        for (int g = 0; g < int(gws.size()); ++g)
            e.addReport(tag, g, t, modelRssi(gws[size_t(g)], x, y, 1.2));
}
// Nine receivers on an 8 m grid as configured, and the truth: the centre one hears 6 dB more.
inline std::pair<std::vector<Receiver>, std::vector<Receiver>> loudCentre()
{
    std::vector<Receiver> gws;
    for (int i = 0; i < 9; ++i)
        gws.push_back({QString::number(i), 8.0 * (i % 3), 8.0 * (i / 3), 2.5, 0, -59, 2});
    auto truth = gws;
    truth[4].rssiAt1m += 6;
    return {gws, truth};
}
// Two 5 x 10 m rooms side by side ("west" and "east", the wall between them at x = 5), each with
// a receiver at its centre and a door onto the corridor south of them (y -4 to 0, two receivers):
// the rooms are neighbours of the corridor, not of each other.
inline std::pair<std::vector<Receiver>, std::vector<RoomShape>> twoRoomsOffACorridor()
{
    return {{{QStringLiteral("w"), 2.5, 5, 2.5, 0, -59, 2}, {QStringLiteral("e"), 7.5, 5, 2.5, 0, -59, 2},
             {QStringLiteral("c1"), 2.5, -2, 2.5, 0, -59, 2}, {QStringLiteral("c2"), 7.5, -2, 2.5, 0, -59, 2}},
            {{QStringLiteral("west"), 0, Polygon(QRectF(0, 0, 5, 10)), 1.0, QPointF(2.5, 0)},
             {QStringLiteral("east"), 0, Polygon(QRectF(5, 0, 5, 10)), 1.0, QPointF(7.5, 0)},
             {QStringLiteral("corridor"), 0, Polygon(QRectF(0, -4, 10, 4)), 0.5, std::nullopt}}};
}
} // namespace ww::pos::test
