#include "climatecmd.h"
#include "coldchaincmd.h"
#include "offline.h"
#include "records/climatereport.h"

#include <QFile>
#include <QJsonDocument>
#include <cmath>

namespace ww::offline {

namespace {
// The logger's columns, in ClimateQuantity order, with the values a reading may take.
struct Column
{
    const char* name;
    double lo, hi;
};
constexpr Column Columns[ClimateQuantityCount] = {{"temperature_c", -40, 85}, {"humidity_pct", 0, 100}, {"co2_ppm", 0, 40000},
                                                   {"pm25", 0, 5000},        {"tvoc", 0, 100000},     {"diff_pressure_pa", -500, 500}};
} // namespace

int climate(const ClimateOptions& o, QTextStream& out, QTextStream& err)
{
    if (!std::isfinite(o.maxGapS) || o.maxGapS <= 0 || o.maxGapS > 86400 * 7) {
        err << "climate: --max-gap-s must lie in (0, 604800]" << Qt::endl;
        return BadInput;
    }
    if (!std::isfinite(o.doorLimitS) || o.doorLimitS > 86400 || (o.doorLimitS < 0 && o.doorLimitS != -1)) {
        err << "climate: --door-limit-s must lie in [0, 86400]" << Qt::endl;
        return BadInput;
    }
    const auto kind = roomKindFromString(o.kind);
    if (!kind) {
        err << "climate: --kind \"" << o.kind << "\" is not a room kind (patient, icu, or, isolation, pharmacy, …)" << Qt::endl;
        return BadInput;
    }
    const SiteLoadResult loaded = o.site.isEmpty() ? SiteLoader::loadDefault() : SiteLoader::loadFile(o.site);
    if (!loaded.site) {
        for (const QString& e : loaded.errors)
            err << e << Qt::endl;
        return BadInput;
    }
    const ClimateTargets targets = loaded.site->climateTargets.value(*kind);
    CsvFile csv(o.readings);
    if (!csv.ok()) {
        err << csv.error() << Qt::endl;
        return BadInput;
    }
    const int tCol = csv.column(QStringLiteral("time_s"));
    int cols[ClimateQuantityCount];
    const int doorCol = csv.column(QStringLiteral("door"));
    bool any = doorCol >= 0;
    for (int q = 0; q < ClimateQuantityCount; ++q) {
        cols[q] = csv.column(QLatin1String(Columns[q].name));
        any = any || cols[q] >= 0;
    }
    if (tCol < 0 || !any) {
        err << o.readings << ": missing column " << (tCol < 0 ? "time_s" : "for a quantity")
            << " (header: time_s and any of temperature_c, humidity_pct, co2_ppm, pm25, tvoc, diff_pressure_pa, door)" << Qt::endl;
        return BadInput;
    }
    std::array<std::vector<ClimatePoint>, ClimateQuantityCount> series;
    std::vector<coldchain::DoorSample> doors;
    qint64 first = 0, last = 0, previous = std::numeric_limits<qint64>::min();
    for (int r = 0; r < csv.rows(); ++r) {
        bool okT = false;
        const double t = csv.cell(r, tCol).toDouble(&okT);
        if (!okT || !std::isfinite(t) || std::abs(t) >= 1e12) {
            err << csv.where(r) << ": time_s \"" << csv.cell(r, tCol) << "\" is not a time in seconds" << Qt::endl;
            return BadInput;
        }
        const qint64 ms = qint64(std::llround(t * 1000));
        if (ms < previous) {
            err << csv.where(r) << ": time_s " << csv.cell(r, tCol) << " is earlier than the row before it" << Qt::endl;
            return BadInput;
        }
        previous = ms;
        first = r == 0 ? ms : first;
        last = ms;
        for (int q = 0; q < ClimateQuantityCount; ++q) {
            if (cols[q] < 0 || csv.cell(r, cols[q]).isEmpty())
                continue;
            bool ok = false;
            const double v = csv.cell(r, cols[q]).toDouble(&ok);
            if (!ok || !std::isfinite(v) || v < Columns[q].lo || v > Columns[q].hi) {
                err << csv.where(r) << ": " << Columns[q].name << " \"" << csv.cell(r, cols[q]) << "\" is not a value in ["
                    << Columns[q].lo << ", " << Columns[q].hi << "]" << Qt::endl;
                return BadInput;
            }
            series[size_t(q)].push_back({ms, v, v, v, 1});
        }
        if (std::optional<bool> open; doorCol >= 0) {
            if (!readDoorCell(csv, r, doorCol, open, err))
                return BadInput;
            if (open)
                doors.push_back({ms, *open});
        }
    }
    if (csv.rows() == 0) {
        err << o.readings << ": no readings" << Qt::endl;
        return BadInput;
    }
    const auto from = o.from.isEmpty() ? std::optional<qint64>(first) : parseTime(o.from);
    const auto to = o.to.isEmpty() ? std::optional<qint64>(last + 1) : parseTime(o.to);
    if (!from || !to || *to <= *from) {
        err << "climate: --from and --to must be times (seconds or ISO 8601) with --from before --to" << Qt::endl;
        return BadInput;
    }
    ClimateReport report = buildClimateReport(o.name.isEmpty() ? o.readings : o.name, o.kind, series, targets, *from, *to,
                                              qint64(o.maxGapS * 1000));
    if (doorCol >= 0)
        attachDoors(report, doors, 1000 * qint64(o.doorLimitS >= 0 ? o.doorLimitS : loaded.site->alarms.roomDoorOpenLimitS));
    out << report.text();
    auto write = [&](const QString& path, const QByteArray& bytes) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
            err << path << ": cannot write: " << f.errorString() << Qt::endl;
            return false;
        }
        return true;
    };
    if (!o.jsonOut.isEmpty() && !write(o.jsonOut, QJsonDocument(report.json()).toJson()))
        return BadInput;
    if (!o.csvOut.isEmpty() && !write(o.csvOut, report.csv()))
        return BadInput;
    return 0;
}

} // namespace ww::offline
