#include "coldchaincmd.h"
#include "offline.h"
#include "domain/coldchain.h"

#include <QDateTime>
#include <QFile>
#include <cmath>

namespace ww::offline {

std::optional<qint64> parseTime(const QString& text)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (ok)
        return std::isfinite(s) && std::abs(s) < 1e12 ? std::optional<qint64>(qint64(std::llround(s * 1000))) : std::nullopt;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime && !text.contains(u'+') && !text.endsWith(u'Z'))
        t.setTimeZone(QTimeZone::utc());
    return t.toMSecsSinceEpoch();
}

int coldchain(const ColdChainOptions& o, QTextStream& out, QTextStream& err)
{
    const double limits[] = {o.minC, o.maxC, o.maxGapS, o.doorLimitS};
    for (double v : limits)
        if (!std::isfinite(v)) {
            err << "coldchain: options must be finite numbers" << Qt::endl;
            return BadInput;
        }
    if (!(o.minC < o.maxC) || o.minC < -100 || o.maxC > 100) {
        err << "coldchain: --min " << o.minC << " and --max " << o.maxC << " are not a fridge's range" << Qt::endl;
        return BadInput;
    }
    if (o.maxGapS <= 0 || o.maxGapS > 86400 * 7 || o.doorLimitS < 0 || o.doorLimitS > 86400) {
        err << "coldchain: --max-gap-s must lie in (0, 604800] and --door-limit-s in [0, 86400]" << Qt::endl;
        return BadInput;
    }
    CsvFile csv(o.readings);
    if (!csv.ok()) {
        err << csv.error() << Qt::endl;
        return BadInput;
    }
    const int tCol = csv.column(QStringLiteral("time_s")), cCol = csv.column(QStringLiteral("temperature_c")),
              dCol = csv.column(QStringLiteral("door"));
    if (tCol < 0 || cCol < 0) {
        err << o.readings << ": missing column " << (tCol < 0 ? "time_s" : "temperature_c")
            << " (header: time_s,temperature_c[,door])" << Qt::endl;
        return BadInput;
    }
    std::vector<coldchain::Sample> temps;
    std::vector<coldchain::DoorSample> doors;
    for (int r = 0; r < csv.rows(); ++r) {
        bool okT = false, okC = true;
        const double t = csv.cell(r, tCol).toDouble(&okT);
        const QByteArray cText = csv.cell(r, cCol);
        const double c = cText.isEmpty() ? 0 : cText.toDouble(&okC);
        if (!okT || !std::isfinite(t) || std::abs(t) >= 1e12) {
            err << csv.where(r) << ": time_s \"" << csv.cell(r, tCol) << "\" is not a time in seconds" << Qt::endl;
            return BadInput;
        }
        if (!okC || !std::isfinite(c) || c < -100 || c > 100) {
            err << csv.where(r) << ": temperature_c \"" << cText << "\" is not a temperature in [-100, 100] °C" << Qt::endl;
            return BadInput;
        }
        const qint64 ms = qint64(std::llround(t * 1000));
        if ((!temps.empty() && ms < temps.back().timeMs) || (!doors.empty() && ms < doors.back().timeMs)) {
            err << csv.where(r) << ": time_s " << csv.cell(r, tCol) << " is earlier than the row before it" << Qt::endl;
            return BadInput;
        }
        if (!cText.isEmpty())
            temps.push_back({ms, c});
        if (std::optional<bool> open; dCol >= 0) {
            if (!readDoorCell(csv, r, dCol, open, err))
                return BadInput;
            if (open)
                doors.push_back({ms, *open});
        }
        if (cText.isEmpty() && (dCol < 0 || csv.cell(r, dCol).isEmpty())) {
            err << csv.where(r) << ": neither a temperature nor a door state" << Qt::endl;
            return BadInput;
        }
    }
    if (temps.empty() && (o.from.isEmpty() || o.to.isEmpty())) {
        err << o.readings << ": no temperature readings (give --from and --to to report an empty period)" << Qt::endl;
        return BadInput;
    }
    // By default the period runs from the first reading to the last, which it includes.
    qint64 from = temps.empty() ? 0 : temps.front().timeMs, to = temps.empty() ? 0 : temps.back().timeMs + 1;
    for (auto [text, target, name] : {std::tuple{o.from, &from, "--from"}, std::tuple{o.to, &to, "--to"}}) {
        if (text.isEmpty())
            continue;
        const auto t = parseTime(text);
        if (!t) {
            err << "coldchain: " << name << " \"" << text << "\" is neither ISO 8601 nor epoch seconds" << Qt::endl;
            return BadInput;
        }
        *target = *t;
    }
    if (to <= from) {
        err << "coldchain: the period is empty (its end is not after its start)" << Qt::endl;
        return BadInput;
    }
    coldchain::Options opt;
    opt.minC = o.minC;
    opt.maxC = o.maxC;
    opt.maxGapMs = qint64(o.maxGapS * 1000);
    opt.doorOpenLimitMs = qint64(o.doorLimitS * 1000);
    if (o.utc)
        opt.zone = QTimeZone::utc();
    QString error;
    const coldchain::Report report = coldchain::buildReport(temps, doors, from, to, opt, &error);
    if (!error.isEmpty()) {
        err << o.readings << ": " << error << Qt::endl;
        return BadInput;
    }
    const QString name = o.name.isEmpty() ? o.readings : o.name;
    out << coldchain::toText(report, name);
    out.flush();
    if (!o.jsonOut.isEmpty()) {
        QFile f(o.jsonOut);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(coldchain::toJson(report, name)) < 0) {
            err << o.jsonOut << ": cannot write: " << f.errorString() << Qt::endl;
            return Failure;
        }
    }
    return Done;
}

} // namespace ww::offline
