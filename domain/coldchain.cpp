#include "domain/coldchain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <map>

namespace ww::coldchain {

namespace {

// The report's words are translated in the context "ColdChainReport".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ColdChainReport)
};

// Σ tᵢ e^(−ΔH/(R Tᵢ)) and Σ tᵢ, accumulated piece by piece.
struct MktSum
{
    double weighted = 0, total = 0;
    void add(double c, double duration)
    {
        weighted += duration * std::exp(-ActivationOverR / (c + KelvinOffset));
        total += duration;
    }
    [[nodiscard]] std::optional<double> value() const
    {
        if (total <= 0 || weighted <= 0)
            return std::nullopt;
        return ActivationOverR / -std::log(weighted / total) - KelvinOffset;
    }
};

struct DayAcc
{
    Day day;
    MktSum mkt;
    bool any = false;
    void see(double c, qint64 t)
    {
        if (!any || c < day.minC) {
            day.minC = c;
            day.minAtMs = t;
        }
        if (!any || c > day.maxC) {
            day.maxC = c;
            day.maxAtMs = t;
        }
        any = true;
    }
};

bool outOfRange(double c, const Options& o)
{
    return c < o.minC || c > o.maxC;
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

QString local(qint64 ms, const QTimeZone& zone, const QString& format)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(format);
}

QString duration(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60) : QStringLiteral("%1 min").arg(s / 60);
    return s % 3600 / 60 ? QStringLiteral("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60) : QStringLiteral("%1 h").arg(s / 3600);
}

} // namespace

std::optional<double> meanKineticTemperature(std::span<const double> temperaturesC, std::span<const double> durations)
{
    MktSum sum;
    for (size_t i = 0; i < temperaturesC.size() && i < durations.size(); ++i)
        if (durations[i] > 0)
            sum.add(temperaturesC[i], durations[i]);
    return sum.value();
}

Report buildReport(std::span<const Sample> temperatures, std::span<const DoorSample> doors, qint64 fromMs, qint64 toMs,
                   const Options& options, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return Report{};
    };
    if (toMs <= fromMs)
        return fail(QStringLiteral("the period's end (%1) is not after its start (%2)").arg(isoUtc(toMs), isoUtc(fromMs)));
    // Centuries are a time typed wrong (a digit too many), not a period: its report would list a
    // row per day, millions of them. Ten years is more than a fridge's record is asked for.
    constexpr qint64 MaxPeriodMs = 3660LL * 86'400'000;
    if (toMs - fromMs > MaxPeriodMs)
        return fail(QStringLiteral("the period from %1 to %2 is longer than ten years (a time typed wrong?)")
                        .arg(isoUtc(fromMs), isoUtc(toMs)));
    if (!(std::isfinite(options.minC) && std::isfinite(options.maxC) && options.minC < options.maxC))
        return fail(QStringLiteral("the range [%1, %2] °C is not a range").arg(options.minC).arg(options.maxC));
    if (options.maxGapMs <= 0)
        return fail(QStringLiteral("the largest gap allowed must be positive"));
    for (size_t i = 0; i < temperatures.size(); ++i) {
        if (!std::isfinite(temperatures[i].temperatureC) || std::abs(temperatures[i].temperatureC) > 200)
            return fail(QStringLiteral("temperature sample %1: %2 °C is not a fridge temperature")
                            .arg(i + 1)
                            .arg(temperatures[i].temperatureC));
        if (i > 0 && temperatures[i].timeMs < temperatures[i - 1].timeMs)
            return fail(QStringLiteral("temperature sample %1 (%2) is earlier than the one before it")
                            .arg(i + 1)
                            .arg(isoUtc(temperatures[i].timeMs)));
    }
    for (size_t i = 1; i < doors.size(); ++i)
        if (doors[i].timeMs < doors[i - 1].timeMs)
            return fail(QStringLiteral("door sample %1 (%2) is earlier than the one before it").arg(i + 1).arg(isoUtc(doors[i].timeMs)));
    if (error)
        error->clear();

    Report r;
    r.fromMs = fromMs;
    r.toMs = toMs;
    r.options = options;

    // Days, by the zone's midnights.
    std::map<QDate, DayAcc> days;
    auto dayOf = [&](qint64 t) { return QDateTime::fromMSecsSinceEpoch(t, options.zone).date(); };
    auto dayEnd = [&](const QDate& d) {
        return QDateTime(d.addDays(1), QTime(0, 0), options.zone).toMSecsSinceEpoch();
    };
    for (QDate d = dayOf(fromMs), last = dayOf(toMs - 1); d <= last; d = d.addDays(1))
        days[d].day.date = d;

    MktSum mkt;
    double weightedSum = 0;
    std::optional<Excursion> open;
    auto closeExcursion = [&](qint64 at) {
        if (open) {
            open->endMs = at;
            r.excursions.push_back(*open);
            open.reset();
        }
    };
    auto see = [&](double c, qint64 t) {
        if (!r.minC || c < *r.minC)
            r.minC = c;
        if (!r.maxC || c > *r.maxC)
            r.maxC = c;
        days[dayOf(t)].see(c, t);
    };

    // The first sample that counts: the last one at or before fromMs, else the first after it.
    auto first = std::upper_bound(temperatures.begin(), temperatures.end(), fromMs,
                                  [](qint64 t, const Sample& s) { return t < s.timeMs; });
    if (first != temperatures.begin())
        --first;
    qint64 coveredUntil = fromMs; // where the record stands so far
    for (auto it = first; it != temperatures.end() && it->timeMs < toMs; ++it) {
        const double c = it->temperatureC;
        const bool inPeriod = it->timeMs >= fromMs;
        if (inPeriod) {
            ++r.samples;
            ++days[dayOf(it->timeMs)].day.samples;
            see(c, it->timeMs);
        }
        const qint64 next = std::next(it) != temperatures.end() ? std::next(it)->timeMs : toMs;
        const qint64 start = std::max(it->timeMs, fromMs), end = std::min(next, toMs);
        if (next - it->timeMs > options.maxGapMs) {
            closeExcursion(start);
            if (start > coveredUntil && start - coveredUntil > options.maxGapMs)
                r.gaps.push_back({coveredUntil, start});
            r.gaps.push_back({start, end});
            coveredUntil = end;
            continue;
        }
        if (start > coveredUntil && start - coveredUntil > options.maxGapMs)
            r.gaps.push_back({coveredUntil, start}); // the record began late
        coveredUntil = end;
        if (end <= start)
            continue;
        if (!inPeriod)
            see(c, start); // held into the period
        // The reading stands for [start, end): split at midnights.
        for (qint64 a = start; a < end;) {
            const QDate d = dayOf(a);
            const qint64 b = std::min(end, dayEnd(d));
            DayAcc& acc = days[d];
            if (a != start)
                acc.see(c, a);
            acc.day.recordedMs += b - a;
            acc.mkt.add(c, double(b - a));
            if (outOfRange(c, options))
                acc.day.outOfRangeMs += b - a;
            a = b;
        }
        r.recordedMs += end - start;
        mkt.add(c, double(end - start));
        weightedSum += c * double(end - start);
        const bool above = c > options.maxC;
        if (outOfRange(c, options)) {
            r.outOfRangeMs += end - start;
            if (open && open->above != above)
                closeExcursion(start);
            if (!open)
                open = Excursion{start, end, c, above, false};
            open->peakC = above ? std::max(open->peakC, c) : std::min(open->peakC, c);
            open->endMs = end;
        } else {
            closeExcursion(start);
        }
    }
    if (open) {
        open->ongoing = open->endMs >= toMs;
        closeExcursion(open->endMs);
    }
    if (toMs - coveredUntil > options.maxGapMs)
        r.gaps.push_back({coveredUntil, toMs}); // nothing since (or nothing at all)
    r.mktC = mkt.value();
    if (r.recordedMs > 0)
        r.meanC = weightedSum / double(r.recordedMs);
    for (auto& [date, acc] : days) {
        acc.day.mktC = acc.mkt.value().value_or(0);
        r.days.push_back(acc.day);
    }

    r.door = summariseDoors(doors, fromMs, toMs, options.doorOpenLimitMs);
    return r;
}

DoorSummary summariseDoors(std::span<const DoorSample> doors, qint64 fromMs, qint64 toMs, qint64 longOpeningMs)
{
    DoorSummary s;
    bool isOpen = false;
    qint64 openedAt = 0;
    auto endOpening = [&](qint64 at) {
        const qint64 from = std::max(openedAt, fromMs), to = std::min(at, toMs);
        if (to > from)
            s.openMs += to - from;
        const qint64 length = at - openedAt;
        if (openedAt >= fromMs && openedAt < toMs) {
            s.longestMs = std::max(s.longestMs, length);
            if (length > longOpeningMs)
                ++s.longOpenings;
        }
    };
    for (const DoorSample& d : doors) {
        if (d.open && !isOpen) {
            isOpen = true;
            openedAt = d.timeMs;
            if (d.timeMs >= fromMs && d.timeMs < toMs)
                ++s.openings;
        } else if (!d.open && isOpen) {
            isOpen = false;
            endOpening(d.timeMs);
        }
    }
    if (isOpen)
        endOpening(std::max(toMs, openedAt));
    return s;
}

QByteArray toJson(const Report& r, const QString& fridgeName)
{
    auto opt = [](const std::optional<double>& v) { return v ? QJsonValue(std::round(*v * 100) / 100) : QJsonValue(); };
    QJsonArray excursions, gaps, days;
    for (const Excursion& e : r.excursions)
        excursions.append(QJsonObject{{QStringLiteral("start"), isoUtc(e.startMs)}, {QStringLiteral("end"), isoUtc(e.endMs)},
                                      {QStringLiteral("duration_s"), double(e.durationMs()) / 1000},
                                      {QStringLiteral("peak_c"), e.peakC},
                                      {QStringLiteral("side"), e.above ? QStringLiteral("above") : QStringLiteral("below")},
                                      {QStringLiteral("ongoing"), e.ongoing}});
    for (const Gap& g : r.gaps)
        gaps.append(QJsonObject{{QStringLiteral("start"), isoUtc(g.startMs)}, {QStringLiteral("end"), isoUtc(g.endMs)},
                                {QStringLiteral("duration_s"), double(g.endMs - g.startMs) / 1000}});
    for (const Day& d : r.days)
        days.append(QJsonObject{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                {QStringLiteral("readings"), d.samples},
                                {QStringLiteral("min_c"), d.samples || d.recordedMs ? QJsonValue(d.minC) : QJsonValue()},
                                {QStringLiteral("max_c"), d.samples || d.recordedMs ? QJsonValue(d.maxC) : QJsonValue()},
                                {QStringLiteral("mkt_c"), d.recordedMs ? QJsonValue(std::round(d.mktC * 100) / 100) : QJsonValue()},
                                {QStringLiteral("recorded_s"), double(d.recordedMs) / 1000},
                                {QStringLiteral("out_of_range_s"), double(d.outOfRangeMs) / 1000}});
    const QJsonObject o{
        {QStringLiteral("fridge"), fridgeName},
        {QStringLiteral("from"), isoUtc(r.fromMs)},
        {QStringLiteral("to"), isoUtc(r.toMs)},
        {QStringLiteral("range_c"), QJsonArray{r.options.minC, r.options.maxC}},
        {QStringLiteral("max_gap_s"), double(r.options.maxGapMs) / 1000},
        {QStringLiteral("readings"), r.samples},
        {QStringLiteral("min_c"), opt(r.minC)},
        {QStringLiteral("max_c"), opt(r.maxC)},
        {QStringLiteral("mean_c"), opt(r.meanC)},
        {QStringLiteral("mkt_c"), opt(r.mktC)},
        {QStringLiteral("recorded_s"), double(r.recordedMs) / 1000},
        {QStringLiteral("out_of_range_s"), double(r.outOfRangeMs) / 1000},
        {QStringLiteral("excursions"), excursions},
        {QStringLiteral("gaps"), gaps},
        {QStringLiteral("days"), days},
        {QStringLiteral("door"), QJsonObject{{QStringLiteral("openings"), r.door.openings},
                                             {QStringLiteral("long_openings"), r.door.longOpenings},
                                             {QStringLiteral("open_s"), double(r.door.openMs) / 1000},
                                             {QStringLiteral("longest_s"), double(r.door.longestMs) / 1000}}},
        {QStringLiteral("compliant"), r.compliant()}};
    return QJsonDocument(o).toJson();
}

QString toText(const Report& r, const QString& fridgeName, TemperatureUnit unit, const QLocale& locale)
{
    auto celsius = [&](double c) { return formatTemperature(c, unit, locale, 1); };
    const QTimeZone& z = r.options.zone;
    const QString dt = QStringLiteral("yyyy-MM-dd HH:mm"), hm = QStringLiteral("HH:mm:ss");
    QString s;
    s += Text::tr("Cold-chain record: %1").arg(fridgeName) + u'\n';
    s += Text::tr("Period: %1 to %2 (%3)").arg(local(r.fromMs, z, dt), local(r.toMs, z, dt), QString::fromUtf8(z.id())) + u'\n';
    s += Text::tr("Range: %1 to %2; a silence over %3 is a gap in the record")
             .arg(celsius(r.options.minC), celsius(r.options.maxC), duration(r.options.maxGapMs)) + u'\n';
    const double share = 100.0 * double(r.recordedMs) / double(std::max<qint64>(1, r.toMs - r.fromMs));
    s += Text::tr("Readings: %1; the record covers %2 % of the period").arg(r.samples).arg(locale.toString(share, 'f', 1)) + u'\n';
    if (r.minC && r.maxC)
        s += Text::tr("Minimum %1, maximum %2, mean %3, mean kinetic temperature %4")
                 .arg(celsius(*r.minC), celsius(*r.maxC), r.meanC ? celsius(*r.meanC) : QStringLiteral("–"),
                      r.mktC ? celsius(*r.mktC) : QStringLiteral("–")) + u'\n';
    s += Text::tr("Time out of range: %1; excursions: %2").arg(duration(r.outOfRangeMs)).arg(r.excursions.size()) + u'\n';
    for (const Excursion& e : r.excursions)
        s += QStringLiteral("  ") + Text::tr("%1 %2 from %3 to %4%5 (%6), peak %7")
                                       .arg(e.above ? Text::tr("above") : Text::tr("below"), celsius(e.above ? r.options.maxC : r.options.minC),
                                            local(e.startMs, z, dt), local(e.endMs, z, hm),
                                            e.ongoing ? Text::tr(", still outside") : QString(), duration(e.durationMs()),
                                            celsius(e.peakC)) + u'\n';
    s += Text::tr("Gaps in the record: %1").arg(r.gaps.size()) + u'\n';
    for (const Gap& g : r.gaps)
        s += QStringLiteral("  ") + Text::tr("no reading from %1 to %2 (%3)").arg(local(g.startMs, z, dt), local(g.endMs, z, dt),
                                                                           duration(g.endMs - g.startMs)) + u'\n';
    s += Text::tr("Door openings: %1, of which %2 longer than %3; open %4 in all, longest %5")
             .arg(r.door.openings)
             .arg(r.door.longOpenings)
             .arg(duration(r.options.doorOpenLimitMs), duration(r.door.openMs), duration(r.door.longestMs)) + u'\n';
    s += Text::tr("Day         readings   min %1   max %1   MKT %1   out of range").arg(temperatureUnitSymbol(unit)) + u'\n';
    for (const Day& d : r.days) {
        const bool any = d.recordedMs > 0 || d.samples > 0;
        auto num = [&](double v) { return any ? formatTemperatureValue(v, unit, locale, 1) : QStringLiteral("–"); };
        s += QStringLiteral("%1  %2  %3  %4  %5   %6\n")
                 .arg(d.date.toString(Qt::ISODate))
                 .arg(d.samples, 9)
                 .arg(num(d.minC), 7)
                 .arg(num(d.maxC), 7)
                 .arg(d.recordedMs ? formatTemperatureValue(d.mktC, unit, locale, 1) : QStringLiteral("–"), 7)
                 .arg(duration(d.outOfRangeMs));
    }
    s += (r.compliant() ? Text::tr("Result: within range for the whole period, no gaps")
                        : Text::tr("Result: NOT COMPLIANT (excursions: %1, gaps: %2%3)")
                              .arg(r.excursions.size())
                              .arg(r.gaps.size())
                              .arg(r.samples ? QString() : Text::tr(", no readings"))) + u'\n';
    s += u'\n' + Text::tr("Reviewed by: ______________________   Signature: ______________   Date: __________") + u'\n';
    return s;
}

} // namespace ww::coldchain
