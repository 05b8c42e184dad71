#include "offline.h"

#include "domain/site.h"

#include <QFile>
#include <cmath>
#include <algorithm>
#include <queue>
#include <limits>
#include <memory>

namespace ww::offline {

namespace {

// One fix per tag for each whole second in which it was heard, at that second's last report: a
// tag's fix is due when its next report falls into a later second, and at the end of the input.
class EverySecond
{
public:
    // A report of `tag` at t (a tag number new to it is added); due(tag, t) first if the
    // tag's last second ended. `what` is kept with the report and handed back by last().
    template <typename Due> void heard(int tag, double t, size_t what, Due&& due)
    {
        if (tag >= int(m_last.size()))
            m_last.resize(size_t(tag) + 1);
        const qint64 second = qint64(std::floor(t));
        if (m_last[size_t(tag)].second != second && m_last[size_t(tag)].second != None)
            due(tag, m_last[size_t(tag)].t);
        m_last[size_t(tag)] = {second, t, what};
    }
    template <typename Due> void finish(Due&& due)
    {
        for (int tag = 0; tag < int(m_last.size()); ++tag)
            if (m_last[size_t(tag)].second != None)
                due(tag, m_last[size_t(tag)].t);
    }
    [[nodiscard]] size_t last(int tag) const { return m_last[size_t(tag)].what; }

private:
    static constexpr qint64 None = std::numeric_limits<qint64>::min();
    struct Last
    {
        qint64 second = None;
        double t = 0;
        size_t what = 0;
    };
    std::vector<Last> m_last;
};

// The calibration checks itself. Its recordings (split where the reports pause for more than
// mapSessionGapS) are held out in turn, in up to five folds as in the radio map's
// cross-validation: the model calibrated on the rest positions each held-out tag second by second,
// as live, and each fix is compared with the place its report was taken at. The accuracy circle
// should hold 68 % of those fixes; where it holds fewer, the model's bias is what its spread does
// not show, and the reported accuracy is widened by the factor that makes it hold 68 % (never
// narrowed). A single recording, or fewer than 30 fixes, checks nothing.
// The same fixes are positioned by the weighted centroid. Where the model does not fit the building
// (obstacles it cannot learn, receivers it mis-models), the engine alone can be worse than the
// centroid: then (guard) the centroid is blended in, by the share of 0.25, 0.5, 0.75 or 1 whose
// held-out median is least, if that beats the engine alone by more than BlendMargin (on a building
// the model fits, a blend's small gain on the held-out recordings is noise, and it is not taken).
std::optional<SelfCheck> checkCalibration(const std::vector<pos::Receiver>& uncalibrated, const std::vector<pos::CalibrationReport>& reports,
                                          const std::vector<QString>& tags, const std::vector<pos::RoomShape>& rooms,
                                          const std::vector<pos::WallShape>& walls, pos::EngineConfig config,
                                          const pos::CalibrationOptions& options, bool guard)
{
    constexpr double BlendMargin = 0.05;
    std::vector<size_t> order(reports.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return reports[a].t < reports[b].t; });
    std::vector<int> recording(reports.size(), 0);
    int recordings = order.empty() ? 0 : 1;
    for (size_t k = 1; k < order.size(); ++k) {
        if (reports[order[k]].t - reports[order[k - 1]].t > options.mapSessionGapS)
            ++recordings;
        recording[order[k]] = recordings - 1;
    }
    if (recordings < 2)
        return std::nullopt;
    SelfCheck check;
    check.recordings = recordings;
    check.folds = std::min(5, recordings);
    config.accuracyScale = 1;
    config.centroidBlend = 0;
    struct Held
    {
        double ex, ey, cx, cy, x, y, accuracy; // the engine's fix, the centroid's, the place
    };
    std::vector<Held> held;
    for (int fold = 0; fold < check.folds; ++fold) {
        std::vector<pos::CalibrationReport> rest;
        for (size_t i = 0; i < reports.size(); ++i)
            if (recording[i] % check.folds != fold)
                rest.push_back(reports[i]);
        std::vector<pos::Receiver> receivers = uncalibrated;
        const pos::CalibrationResult calibration = pos::calibrate(receivers, rest, walls, options);
        if (calibration.reports == 0)
            continue;
        pos::EngineConfig c = config;
        if (!walls.empty())
            c.wallLossDb = calibration.wallLossDb;
        pos::Engine engine(receivers, c, rooms, walls);
        engine.setRadioMap(calibration.map);
        engine.setSelfCalibrate(false);
        // As locate does: a tag's fix at each second's last report, against that report's place.
        // A survey that stops at places jumps from one to the next in its record (the walk between
        // is not in it): the fixes of the first two windows at a new place are not scored, as the
        // track cannot have arrived; a walk recorded continuously never jumps.
        QHash<QString, int> index;
        EverySecond seconds;
        std::vector<double> arrived; // per tag: when its place last jumped by more than 1 m
        auto fix = [&](int tag, double t) {
            const pos::CalibrationReport& at = reports[seconds.last(tag)];
            const double since = t - arrived[size_t(tag)]; // < 0: a fix due at the last place, before the jump
            const bool settling = since >= 0 && since < 2 * c.windowS;
            if (const auto f = engine.update(tag, t); f && !settling) {
                const auto mid = engine.centroid(tag, t);
                const bool sameFloor = mid && mid->floor == f->floor; // the engine blends only then
                held.push_back({f->x, f->y, sameFloor ? mid->x : f->x, sameFloor ? mid->y : f->y, at.x, at.y, f->accuracyM});
            }
        };
        for (const size_t i : order) {
            if (recording[i] % check.folds != fold)
                continue;
            auto tag = index.find(tags[i]);
            if (tag == index.end()) {
                tag = index.insert(tags[i], int(index.size()));
                arrived.push_back(-std::numeric_limits<double>::infinity());
            } else if (const pos::CalibrationReport& before = reports[seconds.last(*tag)];
                       std::hypot(reports[i].x - before.x, reports[i].y - before.y) > 1) {
                arrived[size_t(*tag)] = reports[i].t;
            }
            seconds.heard(*tag, reports[i].t, i, fix);
            engine.addReport(*tag, reports[i].receiver, reports[i].t, reports[i].rssi);
        }
        seconds.finish(fix);
    }
    check.fixes = int(held.size());
    if (check.fixes < 30)
        return std::nullopt;
    auto quantile = [](std::vector<double> v, double q) {
        const auto at = v.begin() + std::ptrdiff_t(q * double(v.size() - 1));
        std::nth_element(v.begin(), at, v.end());
        return *at;
    };
    auto errorsAt = [&](double w) {
        std::vector<double> e;
        for (const Held& h : held)
            e.push_back(std::hypot(h.ex + w * (h.cx - h.ex) - h.x, h.ey + w * (h.cy - h.ey) - h.y));
        return e;
    };
    check.engineMedianM = quantile(errorsAt(0), 0.5);
    check.centroidMedianM = quantile(errorsAt(1), 0.5);
    check.medianErrorM = check.engineMedianM;
    if (guard)
        for (const double w : {0.25, 0.5, 0.75, 1.0})
            if (const double m = quantile(errorsAt(w), 0.5); m < check.engineMedianM * (1 - BlendMargin) && m < check.medianErrorM) {
                check.blend = w;
                check.medianErrorM = m;
            }
    const std::vector<double> errors = errorsAt(check.blend);
    std::vector<double> ratios;
    for (size_t i = 0; i < held.size(); ++i)
        ratios.push_back(errors[i] / std::max(held[i].accuracy, 1e-3));
    check.circleHolds = double(std::count_if(ratios.begin(), ratios.end(), [](double r) { return r <= 1; })) / double(ratios.size());
    check.accuracyScale = std::max(1.0, quantile(ratios, 0.68));
    return check;
}

} // namespace

namespace {
// One line's cells: split at commas, except inside double quotes ("a,b"; "" is a quote), as
// spreadsheets write them. Fields spanning lines are not supported.
QList<QByteArray> splitCsvLine(const QByteArray& text)
{
    if (!text.contains('"'))
        return text.split(',');
    QList<QByteArray> cells(1);
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' && quoted && i + 1 < text.size() && text[i + 1] == '"')
            cells.back().append(text[++i]);
        else if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            cells.append(QByteArray());
        else
            cells.back().append(c);
    }
    return cells;
}
// A cell as written: quoted when it holds a comma, a quote or a line end (ids read from quoted cells).
QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}
} // namespace

CsvFile::CsvFile(const QString& path) : m_path(path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = path + QStringLiteral(": cannot open: ") + f.errorString();
        return;
    }
    int line = 0;
    bool header = true;
    while (!f.atEnd()) {
        QByteArray text = f.readLine();
        ++line;
        if (text.endsWith('\n'))
            text.chop(1);
        if (text.endsWith('\r'))
            text.chop(1);
        if (line == 1 && text.startsWith("\xef\xbb\xbf"))
            text.remove(0, 3); // the byte-order mark spreadsheets write before UTF-8
        if (text.trimmed().isEmpty())
            continue;
        QList<QByteArray> cells = splitCsvLine(text);
        if (header) {
            for (int i = 0; i < cells.size(); ++i)
                m_columns.insert(QString::fromUtf8(cells[i].trimmed()), i);
            header = false;
            continue;
        }
        m_rows.push_back(std::move(cells));
        m_lines.push_back(line);
    }
    if (header)
        m_error = path + QStringLiteral(": empty file (a header row is required)");
}

QByteArray CsvFile::cell(int row, int column) const
{
    const auto& r = m_rows[size_t(row)];
    return column >= 0 && column < r.size() ? r[column].trimmed() : QByteArray();
}

bool readDoorCell(const QByteArray& cell, std::optional<bool>& open)
{
    const QByteArray d = cell.toLower();
    if (d == "open" || d == "1" || d == "true")
        open = true;
    else if (d == "closed" || d == "0" || d == "false")
        open = false;
    else if (d.isEmpty())
        open.reset();
    else
        return false;
    return true;
}

bool readDoorCell(const CsvFile& csv, int row, int column, std::optional<bool>& open, QTextStream& err)
{
    if (readDoorCell(csv.cell(row, column), open))
        return true;
    err << csv.where(row) << ": door \"" << csv.cell(row, column) << "\" is not open, closed, 1 or 0" << Qt::endl;
    return false;
}

namespace {

// What a value may be: levels as the wire contract's, places within 10 km of the origin, times within
// 10^12 s (epoch or relative): a typo's 1e308 must not become a NaN fix or a grid of the whole earth.
struct Limits
{
    double lo = -std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::max();
    bool integer = false;
};
constexpr Limits Time{-1e12, 1e12}, Place{-10'000, 10'000}, Level{-127, 20}, Exponent{0.5, 8}, Floor{-100, 100, true};

// Reads a number or says which line and column are wrong.
bool number(const CsvFile& csv, int row, int column, const char* name, double& out, QString& error, bool required = true,
            Limits limits = Time)
{
    const QByteArray text = csv.cell(row, column);
    if (text.isEmpty() && !required)
        return true;
    bool ok = false;
    out = text.toDouble(&ok);
    if (!ok || !std::isfinite(out)) {
        error = QStringLiteral("%1: %2 \"%3\" is not a number").arg(csv.where(row), QLatin1String(name), QString::fromUtf8(text));
        return false;
    }
    if (out < limits.lo || out > limits.hi || (limits.integer && out != std::round(out))) {
        error = QStringLiteral("%1: %2 %3 is not %4 within [%5, %6]")
                    .arg(csv.where(row), QLatin1String(name), QString::fromUtf8(text),
                         limits.integer ? QStringLiteral("a whole number") : QStringLiteral("a value"))
                    .arg(limits.lo)
                    .arg(limits.hi);
        return false;
    }
    return true;
}

// Opens an output CSV and writes its header; null (with the reason on err) when it cannot.
std::unique_ptr<QFile> openCsvOut(const QString& path, const char* header, QTextStream& err)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        err << path << ": cannot write: " << file->errorString() << Qt::endl;
        return nullptr;
    }
    file->write(header);
    return file;
}

bool requireColumns(const CsvFile& csv, const QStringList& names, QString& error)
{
    for (const auto& n : names)
        if (csv.column(n) < 0) {
            error = QStringLiteral("%1:1: missing column \"%2\" (needs %3)").arg(csv.path(), n, names.join(u','));
            return false;
        }
    return true;
}

} // namespace

std::optional<std::vector<pos::Receiver>> readGateways(const QString& path, QString& error, QStringList* beacons)
{
    CsvFile csv(path);
    if (!csv.ok()) {
        error = csv.error();
        return std::nullopt;
    }
    if (!requireColumns(csv, {QStringLiteral("gateway_id"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}, error))
        return std::nullopt;
    std::vector<pos::Receiver> out;
    QHash<QString, int> seen;
    for (int r = 0; r < csv.rows(); ++r) {
        pos::Receiver g;
        g.id = QString::fromUtf8(csv.cell(r, csv.column(QStringLiteral("gateway_id"))));
        if (g.id.isEmpty() || seen.contains(g.id)) {
            error = QStringLiteral("%1: gateway_id \"%2\" is empty or repeated").arg(csv.where(r), g.id);
            return std::nullopt;
        }
        seen.insert(g.id, r);
        double floor = 0;
        if (!number(csv, r, csv.column(QStringLiteral("x")), "x", g.x, error, true, Place) ||
            !number(csv, r, csv.column(QStringLiteral("y")), "y", g.y, error, true, Place) ||
            !number(csv, r, csv.column(QStringLiteral("z")), "z", g.z, error, true, Place) ||
            !number(csv, r, csv.column(QStringLiteral("floor")), "floor", floor, error, false, Floor) ||
            !number(csv, r, csv.column(QStringLiteral("rssi_1m")), "rssi_1m", g.rssiAt1m, error, false, Level) ||
            !number(csv, r, csv.column(QStringLiteral("exponent")), "exponent", g.exponent, error, false, Exponent))
            return std::nullopt;
        g.floor = int(floor);
        out.push_back(g);
        // Optional: the tag id of the gateway's own advertisements (heard by the others at its place).
        const QString beacon = QString::fromUtf8(csv.cell(r, csv.column(QStringLiteral("beacon"))));
        if (!beacon.isEmpty() && (seen.contains(QStringLiteral("beacon:") + beacon))) {
            error = QStringLiteral("%1: beacon \"%2\" is repeated").arg(csv.where(r), beacon);
            return std::nullopt;
        }
        if (!beacon.isEmpty())
            seen.insert(QStringLiteral("beacon:") + beacon, r);
        if (beacons)
            beacons->push_back(beacon);
    }
    if (out.empty()) {
        error = path + QStringLiteral(": no gateways");
        return std::nullopt;
    }
    return out;
}

int locate(const LocateOptions& o, QTextStream& err, LocateStats* stats)
{
    if (!std::isfinite(o.tagHeight) || std::abs(o.tagHeight) > 100) {
        err << "--tag-height " << o.tagHeight << " is not a height in metres within [-100, 100]" << Qt::endl;
        return BadInput;
    }
    QString error;
    QStringList beacons;
    auto gateways = readGateways(o.gateways, error, &beacons);
    if (!gateways) {
        err << error << Qt::endl;
        return BadInput;
    }
    // Tags at surveyed places: gateways that advertise, and the site's reference beacons.
    struct Known
    {
        QString tag;
        double x, y, z;
        int floor, gateway;
    };
    std::vector<Known> known;
    std::vector<ReferenceBeacon> siteBeacons;
    std::vector<pos::RoomShape> rooms;
    std::vector<pos::WallShape> walls;
    double siteBlend = 0;
    if (!o.site.isEmpty()) {
        // The site's gateways, walls and rooms win; differences are warned about.
        const SiteLoadResult loaded = SiteLoader::loadFile(o.site);
        if (!loaded.site) {
            err << loaded.errors.join(u'\n') << Qt::endl;
            return BadInput;
        }
        for (auto& g : *gateways) {
            const auto it = std::find_if(loaded.site->gateways.begin(), loaded.site->gateways.end(),
                                         [&](const Gateway& s) { return s.id == g.id; });
            if (it == loaded.site->gateways.end())
                continue;
            if (QString& beacon = beacons[&g - gateways->data()]; beacon.isEmpty())
                beacon = it->beacon; // the site says it advertises
            if (std::abs(it->x - g.x) > 0.01 || std::abs(it->y - g.y) > 0.01 || std::abs(it->z - g.z) > 0.01 || it->floor != g.floor)
                err << "warning: gateway " << g.id << " differs between " << o.gateways << " and the site; using the site's"
                    << Qt::endl;
            g.x = it->x;
            g.y = it->y;
            g.z = it->z;
            g.floor = it->floor;
            g.rssiAt1m = it->rssiAt1m;
            g.exponent = it->exponent;
        }
        siteBeacons = loaded.site->referenceBeacons;
        for (const auto& r : loaded.site->rooms)
            rooms.push_back({r.id, r.floor, r.polygon});
        for (const auto& w : loaded.site->walls)
            walls.push_back({w.floor, QLineF(w.a, w.b)});
        siteBlend = loaded.site->centroidBlend;
    }
    QHash<QString, int> gatewayIndex;
    for (int i = 0; i < int(gateways->size()); ++i)
        gatewayIndex.insert((*gateways)[size_t(i)].id, i);
    for (int i = 0; i < int(gateways->size()); ++i)
        if (const auto& g = (*gateways)[size_t(i)]; !beacons.value(i).isEmpty())
            known.push_back({beacons.value(i), g.x, g.y, g.z, g.floor, i});
    for (const auto& b : siteBeacons) // gateways' beacons came with the gateways above
        if (b.gateway.isEmpty() && std::none_of(known.begin(), known.end(), [&](const Known& k) { return k.tag == b.id; }))
            known.push_back({b.id, b.x, b.y, b.z, b.floor, -1});

    pos::EngineConfig config = o.config.value_or(pos::EngineConfig{});
    config.reorderWindowS = o.reorderWindowS;
    config.tagHeightM = o.tagHeight;
    config.worn = config.worn || o.worn;
    if (siteBlend > 0)
        config.centroidBlend = siteBlend; // unless the calibration's self-check measures it, below
    std::optional<pos::CalibrationResult> calibration;
    std::optional<SelfCheck> selfCheck;
    if (!o.calibration.isEmpty()) {
        CsvFile csv(o.calibration);
        if (!csv.ok()) {
            err << csv.error() << Qt::endl;
            return BadInput;
        }
        if (!requireColumns(csv, {QStringLiteral("time_s"), QStringLiteral("gateway_id"), QStringLiteral("tag_id"),
                                  QStringLiteral("rssi"), QStringLiteral("x"), QStringLiteral("y")}, error)) {
            err << error << Qt::endl;
            return BadInput;
        }
        std::vector<pos::CalibrationReport> reports;
        std::vector<QString> tags;
        const int tagCol = csv.column(QStringLiteral("tag_id"));
        for (int r = 0; r < csv.rows(); ++r) {
            const QString gw = QString::fromUtf8(csv.cell(r, csv.column(QStringLiteral("gateway_id"))));
            const int g = gatewayIndex.value(gw, -1);
            if (g < 0) {
                err << csv.where(r) << ": unknown gateway \"" << gw << "\"" << Qt::endl;
                return BadInput;
            }
            pos::CalibrationReport c{g, 0, 0, 0, o.tagHeight};
            if (!number(csv, r, csv.column(QStringLiteral("time_s")), "time_s", c.t, error) ||
                !number(csv, r, csv.column(QStringLiteral("rssi")), "rssi", c.rssi, error, true, Level) ||
                !number(csv, r, csv.column(QStringLiteral("x")), "x", c.x, error, true, Place) ||
                !number(csv, r, csv.column(QStringLiteral("y")), "y", c.y, error, true, Place) ||
                !number(csv, r, csv.column(QStringLiteral("z")), "z", c.z, error, false, Place)) {
                err << error << Qt::endl;
                return BadInput;
            }
            reports.push_back(c);
            tags.push_back(QString::fromUtf8(csv.cell(r, tagCol)));
        }
        selfCheck = checkCalibration(*gateways, reports, tags, rooms, walls, config, o.calibrationOptions, o.centroidGuard);
        calibration = pos::calibrate(*gateways, reports, walls, o.calibrationOptions);
        if (calibration->reports == 0) {
            err << o.calibration << ": too few usable calibration reports" << Qt::endl;
            return BadInput;
        }
    }

    CsvFile csv(o.reports);
    if (!csv.ok()) {
        err << csv.error() << Qt::endl;
        return BadInput;
    }
    if (!requireColumns(csv, {QStringLiteral("time_s"), QStringLiteral("gateway_id"), QStringLiteral("tag_id"),
                              QStringLiteral("rssi")}, error)) {
        err << error << Qt::endl;
        return BadInput;
    }
    if (calibration && !walls.empty())
        config.wallLossDb = calibration->wallLossDb; // what the calibration walk measured
    if (selfCheck) {
        config.accuracyScale = selfCheck->accuracyScale;
        if (o.centroidGuard)
            config.centroidBlend = selfCheck->blend;
        err << "calibration self-check: " << selfCheck->fixes << " fixes of " << selfCheck->recordings << " recordings held out in "
            << selfCheck->folds << " folds, median error " << QString::number(selfCheck->medianErrorM, 'f', 2)
            << " m (engine " << QString::number(selfCheck->engineMedianM, 'f', 2) << " m, weighted centroid "
            << QString::number(selfCheck->centroidMedianM, 'f', 2) << " m), the accuracy circle holds "
            << QString::number(100 * selfCheck->circleHolds, 'f', 0) << " %"
            << (selfCheck->accuracyScale > 1 ? QStringLiteral("; accuracy widened x%1 to hold 68 %").arg(selfCheck->accuracyScale, 0, 'f', 2)
                                             : QString())
            << Qt::endl;
        if (selfCheck->blend > 0)
            err << "calibration self-check: the engine's model does not fit this building (the centroid is better on held-out "
                   "recordings): positions blend in the weighted centroid's by "
                << selfCheck->blend << "; for the live engines set positioning.centroidBlend: " << selfCheck->blend
                << " in the site file" << Qt::endl;
    }
    const int txCol = csv.column(QStringLiteral("tx_power"));
    if (txCol >= 0 && config.txRef == 0)
        config.txRef = -59; // mixed-power tags are brought to a common reference
    pos::Engine engine(*gateways, config, rooms, walls);
    if (calibration) {
        engine.setRadioMap(calibration->map);
        engine.setSelfCalibrate(false); // the calibration measured the receivers
    }

    // room_state: known, unknown_near, stale or locating (docs/positioning.md, "Room states").
    constexpr const char* FixHeader = "time_s,tag_id,x,y,floor,room,accuracy_m,room_state,near_room\n";
    static const char* const StateNames[] = {"known", "unknown_near", "stale", "locating"};
    std::unique_ptr<QFile> out;
    std::unique_ptr<QTextStream> po;
    if (!o.out.isEmpty() || !o.afterFix) {
        out = openCsvOut(o.out, FixHeader, err);
        if (!out)
            return Failure;
        po = std::make_unique<QTextStream>(out.get());
    }
    std::unique_ptr<QFile> centroidFile;
    std::unique_ptr<QTextStream> co;
    if (!o.centroidOut.isEmpty()) {
        centroidFile = openCsvOut(o.centroidOut, FixHeader, err);
        if (!centroidFile)
            return Failure;
        co = std::make_unique<QTextStream>(centroidFile.get());
    }

    QHash<QString, int> tagIndex;
    std::vector<QString> tagIds;
    for (const auto& k : known) { // numbered first, placed before any report
        tagIndex.insert(k.tag, int(tagIds.size()));
        engine.setKnownPosition(int(tagIds.size()), k.x, k.y, k.floor, k.z, k.gateway);
        tagIds.push_back(k.tag);
    }
    EverySecond seconds;
    auto emitFix = [&](int tag, double t) {
        if (const auto f = engine.update(tag, t)) {
            if (po)
                *po << QString::number(t, 'f', 3) << ',' << csvField(tagIds[size_t(tag)]) << ','
                    << QString::number(f->x, 'f', 3) << ',' << QString::number(f->y, 'f', 3) << ',' << f->floor << ','
                    << csvField(f->room) << ',' << QString::number(f->accuracyM, 'f', 2) << ','
                    << StateNames[int(f->roomState)] << ',' << csvField(f->nearRoom) << '\n';
            if (stats)
                ++stats->fixes;
            if (o.afterFix)
                o.afterFix(tag, tagIds[size_t(tag)], engine);
        }
        if (co)
            if (const auto c = engine.centroid(tag, t))
                *co << QString::number(t, 'f', 3) << ',' << csvField(tagIds[size_t(tag)]) << ',' << QString::number(c->x, 'f', 3)
                    << ',' << QString::number(c->y, 'f', 3) << ',' << c->floor << ",,,,\n";
    };
    const int tCol = csv.column(QStringLiteral("time_s")), gCol = csv.column(QStringLiteral("gateway_id")),
              tagCol = csv.column(QStringLiteral("tag_id")), rCol = csv.column(QStringLiteral("rssi"));
    // Rows go to the engine in time order (ties in file order), each once every row up to
    // reorderWindowS later has been read; a row that comes after its place was passed is refused.
    struct Pending
    {
        double t, rssi, tx;
        int row, tag, gateway;
        bool operator>(const Pending& o) const { return t != o.t ? t > o.t : row > o.row; }
    };
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
    double newest = -std::numeric_limits<double>::infinity(), released = newest;
    int refusedLate = 0;
    auto release = [&](double upTo) {
        while (!pending.empty() && pending.top().t <= upTo) {
            const Pending p = pending.top();
            pending.pop();
            released = p.t;
            seconds.heard(p.tag, p.t, 0, emitFix);
            engine.addReport(p.tag, p.gateway, p.t, p.rssi, p.tx);
        }
    };
    for (int r = 0; r < csv.rows(); ++r) {
        double t = 0, rssi = 0, tx = 0;
        if (!number(csv, r, tCol, "time_s", t, error) || !number(csv, r, rCol, "rssi", rssi, error, true, Level) ||
            !number(csv, r, txCol, "tx_power", tx, error, false, Level)) {
            err << error << Qt::endl;
            return BadInput;
        }
        if (rssi < -127 || rssi > 20) {
            err << csv.where(r) << ": rssi " << rssi << " dBm is outside [-127, 20]" << Qt::endl;
            return BadInput;
        }
        if (t < released) {
            if (++refusedLate <= 10)
                err << csv.where(r) << ": time_s " << QString::number(t, 'f', 3) << " is more than "
                    << QString::number(o.reorderWindowS, 'g', 3) << " s before a row already read ("
                    << QString::number(newest, 'f', 3) << "): refused" << Qt::endl;
            continue;
        }
        newest = std::max(newest, t);
        const QString gw = QString::fromUtf8(csv.cell(r, gCol));
        const int g = gatewayIndex.value(gw, -1);
        if (g < 0) {
            err << csv.where(r) << ": unknown gateway \"" << gw << "\"" << Qt::endl;
            return BadInput;
        }
        const QString tagId = QString::fromUtf8(csv.cell(r, tagCol));
        if (tagId.isEmpty()) {
            err << csv.where(r) << ": empty tag_id" << Qt::endl;
            return BadInput;
        }
        auto it = tagIndex.find(tagId);
        if (it == tagIndex.end()) {
            it = tagIndex.insert(tagId, int(tagIds.size()));
            tagIds.push_back(tagId);
        }
        pending.push({t, rssi, tx, r, *it, g});
        release(newest - o.reorderWindowS);
    }
    release(std::numeric_limits<double>::infinity());
    seconds.finish(emitFix);
    if (refusedLate > 0)
        err << o.reports << ": " << refusedLate << " row(s) more than " << QString::number(o.reorderWindowS, 'g', 3)
            << " s out of time order refused (--reorder-window-s)" << Qt::endl;
    if (stats) {
        stats->refusedLate = refusedLate;
        stats->reports = csv.rows();
        stats->tags = int(tagIds.size());
        stats->calibration = calibration;
        stats->selfCheck = selfCheck;
    }
    return Done;
}

int crlb(const CrlbOptions& o, QTextStream& err)
{
    if (!(o.step >= 0.01 && o.sigmaDb > 0 && o.exponent > 0 && std::isfinite(o.sigmaDb) && std::isfinite(o.exponent) &&
          std::isfinite(o.tagHeight) && std::abs(o.tagHeight) <= 100)) {
        err << "--step, --sigma-db and --exponent must be positive and finite (step >= 0.01), --tag-height within "
               "[-100, 100] m" << Qt::endl;
        return BadInput;
    }
    QString error;
    const auto gateways = readGateways(o.gateways, error);
    if (!gateways) {
        err << error << Qt::endl;
        return BadInput;
    }
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& g : *gateways) {
        x0 = std::min(x0, g.x);
        y0 = std::min(y0, g.y);
        x1 = std::max(x1, g.x);
        y1 = std::max(y1, g.y);
    }
    constexpr double MaxPoints = 1e7; // about 300 MB of CSV
    const double points = ((x1 - x0 + 4) / o.step + 1) * ((y1 - y0 + 4) / o.step + 1);
    if (points > MaxPoints) {
        err << o.gateways << ": the gateways span " << QString::number(x1 - x0, 'f', 0) << " x "
            << QString::number(y1 - y0, 'f', 0) << " m, a grid of " << QString::number(points, 'g', 3)
            << " points at --step " << o.step << " (at most 1e7): use a larger --step" << Qt::endl;
        return BadInput;
    }
    const auto out = openCsvOut(o.out, "x,y,crlb_m\n", err);
    if (!out)
        return Failure;
    QTextStream s(out.get());
    for (double y = y0 - 2; y <= y1 + 2 + 1e-9; y += o.step)
        for (double x = x0 - 2; x <= x1 + 2 + 1e-9; x += o.step) {
            const double b = pos::cramerRaoBound(*gateways, x, y, o.sigmaDb, o.exponent, o.tagHeight);
            s << QString::number(x, 'f', 2) << ',' << QString::number(y, 'f', 2) << ','
              << (std::isfinite(b) ? QString::number(b, 'f', 3) : QStringLiteral("inf")) << '\n';
        }
    return Done;
}

} // namespace ww::offline
