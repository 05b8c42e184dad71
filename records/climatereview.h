#pragma once
// Room climate against targets, for review: a point's or an aggregate's compliance, the
// out-of-range spans of a series, and a rooms x time compliance matrix (the heat map's data).
// Pure functions over what the climate record returns.
#include "records/climaterecord.h"

#include <QHash>

namespace ww {

// Worst first when compared: Out > Brief > InRange > NoData.
enum class Compliance { NoData = 0, InRange = 1, Brief = 2, Out = 3 };

// The target range of a quantity in a room kind's targets.
[[nodiscard]] const Range& targetOf(const ClimateTargets& t, ClimateQuantity q);
// In range: min and max within the target. Brief: the mean within but the min or max outside
// (an excursion inside the minute or hour). Out: the mean outside. NoData: no readings, or no target.
[[nodiscard]] Compliance complianceOf(const ClimatePoint& p, const Range& target);
// The worst of the aggregate's quantities that have data and a target.
[[nodiscard]] Compliance complianceOf(const ClimateAggregate& a, const ClimateTargets& targets);

// The spans of a series whose mean is outside the target: [from, to) each, a point covering
// until the next (or stepMs for the last).
struct Span
{
    qint64 fromMs = 0, toMs = 0;
};
[[nodiscard]] std::vector<Span> outOfRangeSpans(const std::vector<ClimatePoint>& points, const Range& target, qint64 stepMs);

// Rooms x time buckets, each cell the worst compliance of the aggregates in it.
struct ComplianceMatrix
{
    QStringList rooms;
    qint64 fromMs = 0, bucketMs = 0;
    int buckets = 0;
    std::vector<Compliance> cells; // row-major: rooms.size() x buckets
    [[nodiscard]] Compliance at(int room, int bucket) const { return cells[size_t(room) * size_t(buckets) + size_t(bucket)]; }
    // Share of the buckets with data that were in range, per room (NaN: no data).
    [[nodiscard]] double inRangeShare(int room) const;
};
[[nodiscard]] ComplianceMatrix complianceMatrix(const std::vector<ClimateRecord::RoomAggregates>& rooms,
                                                const QHash<QString, ClimateTargets>& targetsByRoom, qint64 fromMs,
                                                qint64 toMs, qint64 bucketMs);

} // namespace ww
