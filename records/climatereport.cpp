#include "records/climatereport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTextStream>
#include <algorithm>
#include <cmath>

namespace ww {

namespace {

const char* const Names[ClimateQuantityCount] = {"temperature_c", "humidity_pct", "co2_ppm", "pm25", "tvoc", "diff_pressure_pa"};

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString duration(qint64 ms)
{
    const qint64 min = ms / 60'000;
    return min >= 60 ? QStringLiteral("%1 h %2 min").arg(min / 60).arg(min % 60) : QStringLiteral("%1 min").arg(min);
}

// A door's open time to the second.
QString durationS(qint64 ms)
{
    const qint64 sec = ms / 1000;
    return sec >= 60 ? QStringLiteral("%1 min %2 s").arg(sec / 60).arg(sec % 60) : QStringLiteral("%1 s").arg(sec);
}

QString rangeText(const Range& r)
{
    if (r.min && r.max)
        return QStringLiteral("%1 to %2").arg(*r.min).arg(*r.max);
    if (r.min)
        return QStringLiteral(">= %1").arg(*r.min);
    if (r.max)
        return QStringLiteral("<= %1").arg(*r.max);
    return QStringLiteral("no target");
}

} // namespace

ClimateReport buildClimateReport(const QString& place, const QString& kind,
                                 const std::array<std::vector<ClimatePoint>, ClimateQuantityCount>& series,
                                 const ClimateTargets& targets, qint64 fromMs, qint64 toMs, qint64 maxGapMs)
{
    ClimateReport r{place, kind, fromMs, toMs, maxGapMs, {}, {}};
    for (int qi = 0; qi < ClimateQuantityCount; ++qi) {
        const auto q = ClimateQuantity(qi);
        std::vector<ClimatePoint> pts;
        for (const ClimatePoint& p : series[size_t(qi)])
            if (p.timeMs >= fromMs && p.timeMs < toMs)
                pts.push_back(p);
        if (pts.empty())
            continue;
        QuantityCompliance c;
        c.quantity = q;
        c.target = targetOf(targets, q);
        c.min = pts.front().min;
        c.max = pts.front().max;
        double sum = 0;
        std::optional<ClimateExcursion> open;
        for (size_t i = 0; i < pts.size(); ++i) {
            // A reading, or an aggregate of a minute or hour: judged by its min and max, so that
            // an excursion inside it counts (the whole minute or hour then counts as outside).
            const ClimatePoint& p = pts[i];
            const int n = std::max(1, p.count);
            c.readings += n;
            c.min = std::min(c.min, p.min);
            c.max = std::max(c.max, p.max);
            sum += p.mean * n;
            const bool high = c.target.max && p.max > *c.target.max, low = c.target.min && p.min < *c.target.min;
            const double v = high ? p.max : low ? p.min : p.mean;
            // A reading holds until the next one, at most maxGapMs, never past the period.
            const qint64 next = i + 1 < pts.size() ? pts[i + 1].timeMs : toMs;
            const qint64 holds = std::min({next, pts[i].timeMs + maxGapMs, toMs}) - pts[i].timeMs;
            c.coveredMs += holds;
            const bool in = !high && !low;
            if (in)
                c.inRangeMs += holds;
            if (!in) {
                const bool above = high;
                if (open && open->above == above) {
                    open->toMs = pts[i].timeMs + holds;
                    open->peak = above ? std::max(open->peak, v) : std::min(open->peak, v);
                } else {
                    if (open)
                        r.excursions.push_back(*open);
                    open = ClimateExcursion{q, pts[i].timeMs, pts[i].timeMs + holds, v, above, false, {}, 0};
                }
            } else if (open) {
                open->toMs = pts[i].timeMs;
                r.excursions.push_back(*open);
                open.reset();
            }
        }
        if (open) {
            open->ongoing = true;
            r.excursions.push_back(*open);
        }
        c.mean = sum / double(c.readings);
        r.quantities.push_back(c);
    }
    std::sort(r.excursions.begin(), r.excursions.end(),
              [](const ClimateExcursion& a, const ClimateExcursion& b) { return a.fromMs < b.fromMs; });
    return r;
}

void attachDoors(ClimateReport& report, std::span<const coldchain::DoorSample> doors, qint64 longOpeningMs)
{
    report.door = coldchain::summariseDoors(doors, report.fromMs, report.toMs, longOpeningMs);
    report.longDoorOpeningMs = longOpeningMs;
    for (ClimateExcursion& x : report.excursions) {
        x.doorOpenings = coldchain::summariseDoors(doors, x.fromMs, x.toMs, longOpeningMs).openings;
        // A door already open as the excursion began is one of its openings too.
        bool open = false;
        for (const coldchain::DoorSample& d : doors) {
            if (d.timeMs >= x.fromMs)
                break;
            open = d.open;
        }
        x.doorOpenings += open ? 1 : 0;
    }
}

void attachAcknowledgements(ClimateReport& report, const QString& roomId, const std::vector<LogEntry>& log)
{
    for (const LogEntry& e : log) {
        if (e.kind != u"acknowledged" || e.state.roomId != roomId)
            continue;
        const bool pressure = e.state.rule == u"env.pressure";
        if (!pressure && e.state.rule != u"env.climate")
            continue;
        for (ClimateExcursion& x : report.excursions) {
            if ((x.quantity == ClimateQuantity::DiffPressure) != pressure || !x.ackedBy.isEmpty())
                continue;
            // The alarm was raised before the excursion ended and acknowledged after it began (one
            // climate alarm may cover several quantities; an acknowledgement before an excursion
            // began is not of it).
            const bool overlaps = e.state.onsetMs <= x.toMs && e.utcMs >= x.fromMs;
            if (overlaps) {
                x.ackedBy = e.operatorName.isEmpty() ? e.operatorId : e.operatorName;
                x.ackedAtMs = e.utcMs;
            }
        }
    }
}

QString ClimateReport::text() const
{
    QString s;
    QTextStream out(&s);
    out << "Room climate compliance: " << place << (kind.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(kind)) << "\n";
    out << "Period: " << when(fromMs) << " to " << when(toMs) << " UTC; a reading holds at most " << duration(maxGapMs) << "\n\n";
    out << "quantity            target        readings   covered   in range      min      mean       max\n";
    for (const QuantityCompliance& c : quantities)
        out << QStringLiteral("%1 %2 %3 %4 %5 % %6 %7 %8\n")
                   .arg(QLatin1String(Names[int(c.quantity)]), -19)
                   .arg(rangeText(c.target), -13)
                   .arg(c.readings, 8)
                   .arg(duration(c.coveredMs), 9)
                   .arg(c.inRangeShare() * 100, 8, 'f', 1)
                   .arg(c.min, 8, 'f', 1)
                   .arg(c.mean, 9, 'f', 1)
                   .arg(c.max, 9, 'f', 1);
    if (door)
        out << "\nDoor openings: " << door->openings << ", " << door->longOpenings << " longer than "
            << duration(longDoorOpeningMs) << "; open " << durationS(door->openMs) << " in all, longest "
            << durationS(door->longestMs) << "\n";
    out << "\nExcursions: " << excursions.size() << "\n";
    for (const ClimateExcursion& x : excursions)
        out << "  " << Names[int(x.quantity)] << (x.above ? " above" : " below") << " from " << when(x.fromMs) << " to "
            << when(x.toMs) << (x.ongoing ? " (still outside)" : "") << ", " << duration(x.toMs - x.fromMs) << ", peak "
            << QString::number(x.peak, 'f', 1) << ", "
            << (x.ackedBy.isEmpty() ? QStringLiteral("not acknowledged") : QStringLiteral("acknowledged by %1 at %2").arg(x.ackedBy, when(x.ackedAtMs)))
            << (door ? QStringLiteral(", door opened %1 times").arg(x.doorOpenings) : QString()) << "\n";
    return s;
}

QByteArray ClimateReport::csv(bool header) const
{
    QByteArray out = !header ? QByteArray() : "place,section,quantity,target,readings,covered_s,in_range_s,in_range_pct,min,mean,max,from,to,peak,direction,ongoing,acknowledged_by,acknowledged_at,door_openings,door_long_openings,door_open_s,door_longest_s\n";
    auto q = [](const QString& s) { return '"' + QString(s).replace(u'"', QStringLiteral("\"\"")).toUtf8() + '"'; };
    for (const QuantityCompliance& c : quantities)
        out += q(place) + ",compliance," + QByteArray(Names[int(c.quantity)]) + ',' + q(rangeText(c.target)) + ',' + QByteArray::number(c.readings) + ',' +
               QByteArray::number(c.coveredMs / 1000) + ',' + QByteArray::number(c.inRangeMs / 1000) + ',' +
               QByteArray::number(c.inRangeShare() * 100, 'f', 2) + ',' + QByteArray::number(c.min, 'f', 2) + ',' +
               QByteArray::number(c.mean, 'f', 2) + ',' + QByteArray::number(c.max, 'f', 2) + ",,,,,,,,,,,\n";
    for (const ClimateExcursion& x : excursions)
        out += q(place) + ",excursion," + QByteArray(Names[int(x.quantity)]) + ",,,,,,,,," + when(x.fromMs).toUtf8() + ',' + when(x.toMs).toUtf8() + ',' +
               QByteArray::number(x.peak, 'f', 2) + ',' + (x.above ? "above" : "below") + ',' + (x.ongoing ? "yes" : "no") + ',' +
               q(x.ackedBy) + ',' + (x.ackedAtMs ? when(x.ackedAtMs).toUtf8() : QByteArray()) + ',' +
               (door ? QByteArray::number(x.doorOpenings) : QByteArray()) + ",,,\n";
    if (door)
        out += q(place) + ",door,,,,,,,,,,,,,,,,," + QByteArray::number(door->openings) + ',' + QByteArray::number(door->longOpenings) + ',' +
               QByteArray::number(door->openMs / 1000) + ',' + QByteArray::number(door->longestMs / 1000) + '\n';
    return out;
}

QJsonObject ClimateReport::json() const
{
    QJsonArray qs, xs;
    for (const QuantityCompliance& c : quantities)
        qs.append(QJsonObject{{QStringLiteral("quantity"), QLatin1String(Names[int(c.quantity)])},
                              {QStringLiteral("target"), rangeText(c.target)},
                              {QStringLiteral("readings"), c.readings},
                              {QStringLiteral("coveredS"), double(c.coveredMs) / 1000},
                              {QStringLiteral("inRangeS"), double(c.inRangeMs) / 1000},
                              {QStringLiteral("inRangePct"), c.inRangeShare() * 100},
                              {QStringLiteral("min"), c.min},
                              {QStringLiteral("mean"), c.mean},
                              {QStringLiteral("max"), c.max}});
    for (const ClimateExcursion& x : excursions)
        xs.append(QJsonObject{{QStringLiteral("quantity"), QLatin1String(Names[int(x.quantity)])},
                              {QStringLiteral("from"), when(x.fromMs)},
                              {QStringLiteral("to"), when(x.toMs)},
                              {QStringLiteral("peak"), x.peak},
                              {QStringLiteral("above"), x.above},
                              {QStringLiteral("ongoing"), x.ongoing},
                              {QStringLiteral("acknowledgedBy"), x.ackedBy},
                              {QStringLiteral("doorOpenings"), door ? QJsonValue(x.doorOpenings) : QJsonValue()}});
    QJsonObject o{{QStringLiteral("place"), place}, {QStringLiteral("kind"), kind}, {QStringLiteral("from"), when(fromMs)},
                  {QStringLiteral("to"), when(toMs)}, {QStringLiteral("quantities"), qs}, {QStringLiteral("excursions"), xs}};
    if (door)
        o.insert(QStringLiteral("door"), QJsonObject{{QStringLiteral("openings"), door->openings},
                                                     {QStringLiteral("longOpenings"), door->longOpenings},
                                                     {QStringLiteral("openS"), double(door->openMs) / 1000},
                                                     {QStringLiteral("longestS"), double(door->longestMs) / 1000}});
    return o;
}

} // namespace ww
