#include "records/climatereport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace ww {

namespace {

// The shown report's words are translated in the context "ClimateReport".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClimateReport)
};

// The room kinds (domain/site.h's keys) as the report names them.
[[maybe_unused]] const char* const RoomKinds[] = {
    QT_TRANSLATE_NOOP("ww::RoomKind", "patient"),       QT_TRANSLATE_NOOP("ww::RoomKind", "icu"),
    QT_TRANSLATE_NOOP("ww::RoomKind", "or"),            QT_TRANSLATE_NOOP("ww::RoomKind", "isolation"),
    QT_TRANSLATE_NOOP("ww::RoomKind", "pharmacy"),      QT_TRANSLATE_NOOP("ww::RoomKind", "utility-clean"),
    QT_TRANSLATE_NOOP("ww::RoomKind", "utility-dirty"), QT_TRANSLATE_NOOP("ww::RoomKind", "corridor"),
    QT_TRANSLATE_NOOP("ww::RoomKind", "exit"),          QT_TRANSLATE_NOOP("ww::RoomKind", "staff"),
    QT_TRANSLATE_NOOP("ww::RoomKind", "toilet"),        QT_TRANSLATE_NOOP("ww::RoomKind", "office"),
    QT_TRANSLATE_NOOP("ww::RoomKind", "stairs"),
};

// Each quantity as the shown report names it (the CSV's and JSON's names are Names below).
const char* const ShownNames[ClimateQuantityCount] = {
    QT_TRANSLATE_NOOP("ClimateReport", "temperature"), QT_TRANSLATE_NOOP("ClimateReport", "humidity"),
    QT_TRANSLATE_NOOP("ClimateReport", "CO₂"),         QT_TRANSLATE_NOOP("ClimateReport", "PM2.5"),
    QT_TRANSLATE_NOOP("ClimateReport", "TVOC"),        QT_TRANSLATE_NOOP("ClimateReport", "pressure difference"),
};
const char* const Units[ClimateQuantityCount] = {nullptr, "%", "ppm", "µg/m³", "ppb", "Pa"};

// Columns of monospaced text as wide as a terminal draws them: CJK characters take two cells.
int cells(const QString& s)
{
    int n = 0;
    for (const QChar c : s)
        n += c.unicode() >= 0x2E80 && c.unicode() < 0xFF61 ? 2 : 1;
    return n;
}

QString pad(const QString& s, int width, bool right)
{
    const QString fill(std::max(0, width - cells(s)), u' ');
    return right ? fill + s : s + fill;
}

const char* const Names[ClimateQuantityCount] = {"temperature_c", "humidity_pct", "co2_ppm", "pm25", "tvoc", "diff_pressure_pa"};

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
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

QString ClimateReport::text(TemperatureUnit unit, const QLocale& locale) const
{
    auto shownDuration = [&](qint64 ms) {
        const qint64 min = ms / 60'000;
        return min >= 60 ? Text::tr("%1 h %2 min").arg(locale.toString(min / 60), locale.toString(min % 60))
                         : Text::tr("%1 min").arg(locale.toString(min));
    };
    auto shownSeconds = [&](qint64 ms) {
        const qint64 sec = ms / 1000;
        return sec >= 60 ? Text::tr("%1 min %2 s").arg(locale.toString(sec / 60), locale.toString(sec % 60))
                         : Text::tr("%1 s").arg(locale.toString(sec));
    };
    // A quantity's value as a number in its unit shown (a temperature converted).
    auto number = [&](ClimateQuantity q, double v, int decimals = 1) {
        return q == ClimateQuantity::Temperature ? formatTemperatureValue(v, unit, locale, decimals) : locale.toString(v, 'f', decimals);
    };
    auto unitOf = [&](ClimateQuantity q) {
        return q == ClimateQuantity::Temperature ? temperatureUnitSymbol(unit) : QString::fromUtf8(Units[int(q)]);
    };
    auto name = [&](ClimateQuantity q) { return Text::tr(ShownNames[int(q)]) + u' ' + unitOf(q); };
    auto limit = [&](ClimateQuantity q, double v) {
        // A whole °C limit stays whole; in °F it needs its decimal.
        const bool whole = v == std::round(v) && !(q == ClimateQuantity::Temperature && unit == TemperatureUnit::Fahrenheit);
        return number(q, v, whole ? 0 : 1);
    };
    auto range = [&](ClimateQuantity q, const Range& r) {
        if (r.min && r.max)
            return Text::tr("%1 to %2").arg(limit(q, *r.min), limit(q, *r.max));
        if (r.min)
            return Text::tr(">= %1").arg(limit(q, *r.min));
        if (r.max)
            return Text::tr("<= %1").arg(limit(q, *r.max));
        return Text::tr("no target");
    };
    const QString shownKind = kind.isEmpty() ? QString() : QCoreApplication::translate("ww::RoomKind", kind.toUtf8().constData());

    QString s;
    s += (shownKind.isEmpty() ? Text::tr("Room climate compliance: %1").arg(place)
                              : Text::tr("Room climate compliance: %1 (%2)").arg(place, shownKind)) + u'\n';
    s += Text::tr("Period: %1 to %2 UTC; a reading holds at most %3").arg(when(fromMs), when(toMs), shownDuration(maxGapMs)) + QStringLiteral("\n\n");
    // The table: each column as wide as its widest cell; numbers to the right.
    QList<QStringList> rows{{Text::tr("quantity"), Text::tr("target"), Text::tr("readings"), Text::tr("covered"), Text::tr("in range"), Text::tr("min"), Text::tr("mean"), Text::tr("max")}};
    for (const QuantityCompliance& q : quantities)
        rows << QStringList{name(q.quantity),
                            range(q.quantity, q.target),
                            locale.toString(q.readings),
                            shownDuration(q.coveredMs),
                            locale.toString(q.inRangeShare() * 100, 'f', 1) + QStringLiteral(" %"),
                            number(q.quantity, q.min),
                            number(q.quantity, q.mean),
                            number(q.quantity, q.max)};
    QList<int> widths(rows.front().size(), 0);
    for (const QStringList& row : std::as_const(rows))
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], cells(row[i]));
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QStringList line;
        for (qsizetype i = 0; i < rows[r].size(); ++i)
            line << pad(rows[r][i], int(widths[i]), i >= 2); // the numbers' columns, headers too
        s += line.join(QStringLiteral("   ")).trimmed() + u'\n';
    }
    if (door)
        s += u'\n' + Text::tr("Door openings: %1, %2 longer than %3; open %4 in all, longest %5")
                         .arg(locale.toString(door->openings), locale.toString(door->longOpenings), shownDuration(longDoorOpeningMs),
                              shownSeconds(door->openMs), shownSeconds(door->longestMs)) + u'\n';
    s += u'\n' + Text::tr("Excursions: %1").arg(locale.toString(qulonglong(excursions.size()))) + u'\n';
    for (const ClimateExcursion& x : excursions) {
        QString line = (x.above ? Text::tr("%1 above from %2 to %3") : Text::tr("%1 below from %2 to %3"))
                           .arg(Text::tr(ShownNames[int(x.quantity)]), when(x.fromMs), when(x.toMs));
        if (x.ongoing)
            line += Text::tr(" (still outside)");
        line += Text::tr(", %1, peak %2").arg(shownDuration(x.toMs - x.fromMs), number(x.quantity, x.peak) + u' ' + unitOf(x.quantity));
        line += QStringLiteral(", ") + (x.ackedBy.isEmpty() ? Text::tr("not acknowledged") : Text::tr("acknowledged by %1 at %2").arg(x.ackedBy, when(x.ackedAtMs)));
        if (door)
            line += Text::tr(", door opened %1 times").arg(locale.toString(x.doorOpenings));
        s += QStringLiteral("  ") + line + u'\n';
    }
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
