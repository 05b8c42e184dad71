#include "records/climatereview.h"

#include <cmath>
#include <limits>

namespace ww {

const Range& targetOf(const ClimateTargets& t, ClimateQuantity q)
{
    switch (q) {
    case ClimateQuantity::Temperature: return t.temperatureC;
    case ClimateQuantity::Humidity: return t.humidityPct;
    case ClimateQuantity::Co2: return t.co2Ppm;
    case ClimateQuantity::Pm25: return t.pm25;
    case ClimateQuantity::Tvoc: return t.tvoc;
    case ClimateQuantity::DiffPressure: return t.diffPressurePa;
    }
    return t.temperatureC;
}

Compliance complianceOf(const ClimatePoint& p, const Range& target)
{
    if (p.count <= 0 || !target.isSet())
        return Compliance::NoData;
    if (!target.contains(p.mean))
        return Compliance::Out;
    if (!target.contains(p.min) || !target.contains(p.max))
        return Compliance::Brief;
    return Compliance::InRange;
}

Compliance complianceOf(const ClimateAggregate& a, const ClimateTargets& targets)
{
    Compliance worst = Compliance::NoData;
    for (int i = 0; i < ClimateQuantityCount; ++i)
        worst = std::max(worst, complianceOf(a.values[size_t(i)], targetOf(targets, ClimateQuantity(i))));
    return worst;
}

std::vector<Span> outOfRangeSpans(const std::vector<ClimatePoint>& points, const Range& target, qint64 stepMs)
{
    std::vector<Span> out;
    if (!target.isSet())
        return out;
    for (size_t i = 0; i < points.size(); ++i) {
        if (target.contains(points[i].mean))
            continue;
        const qint64 from = points[i].timeMs;
        const qint64 to = i + 1 < points.size() ? points[i + 1].timeMs : from + stepMs;
        if (!out.empty() && out.back().toMs >= from)
            out.back().toMs = to;
        else
            out.push_back({from, to});
    }
    return out;
}

double ComplianceMatrix::inRangeShare(int room) const
{
    int data = 0, in = 0;
    for (int b = 0; b < buckets; ++b) {
        const Compliance c = at(room, b);
        if (c == Compliance::NoData)
            continue;
        ++data;
        in += c == Compliance::InRange ? 1 : 0;
    }
    return data == 0 ? std::numeric_limits<double>::quiet_NaN() : double(in) / data;
}

ComplianceMatrix complianceMatrix(const std::vector<ClimateRecord::RoomAggregates>& rooms,
                                  const QHash<QString, ClimateTargets>& targetsByRoom, qint64 fromMs, qint64 toMs, qint64 bucketMs)
{
    ComplianceMatrix m;
    m.fromMs = fromMs;
    m.bucketMs = std::max<qint64>(1, bucketMs);
    m.buckets = int(std::max<qint64>(0, (toMs - fromMs + m.bucketMs - 1) / m.bucketMs));
    m.cells.assign(rooms.size() * size_t(m.buckets), Compliance::NoData);
    for (size_t r = 0; r < rooms.size(); ++r) {
        m.rooms << rooms[r].roomId;
        const ClimateTargets targets = targetsByRoom.value(rooms[r].roomId);
        for (const ClimateAggregate& a : rooms[r].rows) {
            const qint64 b = (a.timeMs - fromMs) / m.bucketMs;
            if (a.timeMs < fromMs || b >= m.buckets)
                continue;
            Compliance& cell = m.cells[r * size_t(m.buckets) + size_t(b)];
            cell = std::max(cell, complianceOf(a, targets));
        }
    }
    return m;
}

} // namespace ww
