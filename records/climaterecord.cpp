#include "records/climaterecord.h"
#include "records/sqlitedb.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSet>
#include <QThread>
#include <algorithm>
#include <cmath>

namespace ww {

namespace {

constexpr qint64 MinuteMs = 60'000, HourMs = 3'600'000, DayMs = 86'400'000;
constexpr const char* Columns[ClimateQuantityCount] = {"temperature", "humidity", "co2", "pm25", "tvoc", "dp"};
constexpr double Scales[ClimateQuantityCount] = {100, 100, 1, 10, 1, 100};

// "q_min, q_mean, q_max, q_n" for every quantity, the aggregate tiers' columns.
QString aggregateColumns(const char* suffixFormat = "%1_min INTEGER, %1_mean INTEGER, %1_max INTEGER, %1_n INTEGER")
{
    QStringList out;
    for (const char* c : Columns)
        out << QString::fromLatin1(suffixFormat).arg(QLatin1String(c));
    return out.join(QStringLiteral(", "));
}

// Schema version 1: sensors, the raw tier and the two aggregate tiers, all keyed (sensor, time).
std::vector<QByteArray> version1Sql()
{
    QStringList raw;
    for (const char* c : Columns)
        raw << QStringLiteral("%1 INTEGER").arg(QLatin1String(c));
    return {
        // A sensor in a room: a sensor moved to another room is a new row, so its past stays its old room's.
        "CREATE TABLE IF NOT EXISTS climate_sensor(id INTEGER PRIMARY KEY, name TEXT NOT NULL, room TEXT NOT NULL, UNIQUE(name, room))",
        "CREATE INDEX IF NOT EXISTS climate_sensor_room ON climate_sensor(room)",
        QStringLiteral("CREATE TABLE IF NOT EXISTS climate_raw(sensor INTEGER NOT NULL, t INTEGER NOT NULL, %1,"
                       " PRIMARY KEY(sensor, t)) WITHOUT ROWID")
            .arg(raw.join(QStringLiteral(", ")))
            .toUtf8(),
        QStringLiteral("CREATE TABLE IF NOT EXISTS climate_minute(sensor INTEGER NOT NULL, t INTEGER NOT NULL, %1,"
                       " PRIMARY KEY(sensor, t)) WITHOUT ROWID")
            .arg(aggregateColumns())
            .toUtf8(),
        QStringLiteral("CREATE TABLE IF NOT EXISTS climate_hour(sensor INTEGER NOT NULL, t INTEGER NOT NULL, %1,"
                       " PRIMARY KEY(sensor, t)) WITHOUT ROWID")
            .arg(aggregateColumns())
            .toUtf8()};
}

const std::vector<QByteArray>& version1()
{
    static const std::vector<QByteArray> sql = version1Sql();
    return sql;
}

const std::vector<const char*>& version1Pointers()
{
    static const std::vector<const char*> p = [] {
        std::vector<const char*> out;
        for (const QByteArray& s : version1())
            out.push_back(s.constData());
        return out;
    }();
    return p;
}

// Version 2: door contacts' changes (open 1, closed 0) by sensor and time.
const std::vector<const char*> version2 = {
    "CREATE TABLE IF NOT EXISTS climate_door(sensor INTEGER NOT NULL, t INTEGER NOT NULL, open INTEGER NOT NULL,"
    " PRIMARY KEY(sensor, t)) WITHOUT ROWID"};

const sqlite::Schema& schema()
{
    static const sqlite::Migration steps[] = {{1, version1Pointers()}, {2, version2}};
    static const sqlite::Schema s{"climate_record", steps};
    return s;
}

QString tableOf(ClimateTier tier)
{
    switch (tier) {
    case ClimateTier::Raw: return QStringLiteral("climate_raw");
    case ClimateTier::Minute: return QStringLiteral("climate_minute");
    case ClimateTier::Hour: return QStringLiteral("climate_hour");
    }
    return {};
}

QVariant stored(std::optional<double> v, int q)
{
    if (!v || !std::isfinite(*v))
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(qint64(std::llround(*v * Scales[q])));
}

// A read-only connection for one query on the calling thread, closed when it goes.
class Reader
{
public:
    explicit Reader(const QString& path) : m_name(sqlite::connectionName("climaterecord", "reader"))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!QFileInfo::exists(path))
            m_error = QStringLiteral("%1: no such file").arg(path);
        else if (!db.open())
            m_error = QStringLiteral("%1: %2").arg(path, db.lastError().text());
    }
    ~Reader()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    [[nodiscard]] QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    [[nodiscard]] const QString& error() const { return m_error; }

private:
    QString m_name, m_error;
};

} // namespace

const char* columnOf(ClimateQuantity q)
{
    return Columns[int(q)];
}

double scaleOf(ClimateQuantity q)
{
    return Scales[int(q)];
}

QString climatePathFor(const QString& alarmLogPath)
{
    if (alarmLogPath.isEmpty() || alarmLogPath == u":memory:")
        return alarmLogPath;
    const QFileInfo f(alarmLogPath);
    return f.dir().filePath(f.completeBaseName() + QStringLiteral("-climate.") +
                            (f.suffix().isEmpty() ? QStringLiteral("sqlite") : f.suffix()));
}

ClimateRecord::ClimateRecord(QString path, ClimateRetention retention, int cacheKiB)
    : m_path(std::move(path)), m_connection(sqlite::connectionName("climaterecord", "writer")), m_retention(retention),
      m_cacheKiB(cacheKiB)
{
}

ClimateRecord::~ClimateRecord()
{
    if (m_open)
        sqlite::close(m_connection);
}

bool ClimateRecord::open()
{
    return ensureOpen();
}

bool ClimateRecord::ensureOpen()
{
    if (m_open)
        return true;
    if (!sqlite::openForAppend(m_path, m_connection, schema(), m_error))
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(m_cacheKiB));
    m_open = true;
    return true;
}

std::optional<qint64> ClimateRecord::sensorKey(const QString& sensorId, const QString& roomId)
{
    const QString cacheKey = sensorId + QChar(u'\n') + roomId;
    if (const auto it = m_sensors.constFind(cacheKey); it != m_sensors.constEnd())
        return *it;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM climate_sensor WHERE name = ? AND room = ?"));
    q.addBindValue(sensorId);
    q.addBindValue(roomId);
    if (!q.exec())
        return std::nullopt;
    qint64 key = 0;
    if (q.next()) {
        key = q.value(0).toLongLong();
    } else {
        q.prepare(QStringLiteral("INSERT INTO climate_sensor(name, room) VALUES (?, ?)"));
        q.addBindValue(sensorId);
        q.addBindValue(roomId);
        if (!q.exec())
            return std::nullopt;
        key = q.lastInsertId().toLongLong();
    }
    m_sensors.insert(cacheKey, key);
    return key;
}

// The minute aggregates of [fromMs, toMs) (whole minutes) from the raw tier, then the hours
// containing them from the minutes.
bool ClimateRecord::rebuild(qint64 sensor, qint64 fromMs, qint64 toMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    static const QString minuteSql = [] {
        QStringList cols, sel;
        for (const char* c : Columns) {
            const QString n = QLatin1String(c);
            cols << QStringLiteral("%1_min, %1_mean, %1_max, %1_n").arg(n);
            sel << QStringLiteral("min(%1), CAST(round(avg(%1)) AS INTEGER), max(%1), count(%1)").arg(n);
        }
        return QStringLiteral("INSERT OR REPLACE INTO climate_minute(sensor, t, %1) SELECT sensor, (t / 60000) * 60000 AS m, %2"
                              " FROM climate_raw WHERE sensor = ? AND t >= ? AND t < ? GROUP BY sensor, m")
            .arg(cols.join(QStringLiteral(", ")), sel.join(QStringLiteral(", ")));
    }();
    static const QString hourSql = [] {
        QStringList cols, sel;
        for (const char* c : Columns) {
            const QString n = QLatin1String(c);
            cols << QStringLiteral("%1_min, %1_mean, %1_max, %1_n").arg(n);
            sel << QStringLiteral("min(%1_min), CAST(round(sum(%1_mean * %1_n) * 1.0 / nullif(sum(%1_n), 0)) AS INTEGER),"
                                  " max(%1_max), coalesce(sum(%1_n), 0)")
                       .arg(n);
        }
        return QStringLiteral("INSERT OR REPLACE INTO climate_hour(sensor, t, %1) SELECT sensor, (t / 3600000) * 3600000 AS h, %2"
                              " FROM climate_minute WHERE sensor = ? AND t >= ? AND t < ? GROUP BY sensor, h")
            .arg(cols.join(QStringLiteral(", ")), sel.join(QStringLiteral(", ")));
    }();
    const qint64 m0 = fromMs / MinuteMs * MinuteMs, m1 = (toMs + MinuteMs - 1) / MinuteMs * MinuteMs;
    const qint64 h0 = fromMs / HourMs * HourMs, h1 = (toMs + HourMs - 1) / HourMs * HourMs;
    QSqlQuery q(db);
    q.prepare(minuteSql);
    q.addBindValue(sensor);
    q.addBindValue(m0);
    q.addBindValue(m1);
    if (!q.exec()) {
        m_error = QStringLiteral("%1: cannot aggregate minutes: %2").arg(m_path, q.lastError().text());
        return false;
    }
    q.prepare(hourSql);
    q.addBindValue(sensor);
    q.addBindValue(h0);
    q.addBindValue(h1);
    if (!q.exec()) {
        m_error = QStringLiteral("%1: cannot aggregate hours: %2").arg(m_path, q.lastError().text());
        return false;
    }
    return true;
}

bool ClimateRecord::writeDoor(qint64 sensor, qint64 timeMs, bool open)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT open FROM climate_door WHERE sensor = ? AND t <= ? ORDER BY t DESC LIMIT 1"));
    q.addBindValue(sensor);
    q.addBindValue(timeMs);
    if (!q.exec()) {
        m_error = QStringLiteral("cannot read the door's state: %1").arg(q.lastError().text());
        return false;
    }
    if (q.next() && (q.value(0).toInt() != 0) == open)
        return true;
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO climate_door(sensor, t, open) VALUES (?, ?, ?)"));
    q.addBindValue(sensor);
    q.addBindValue(timeMs);
    q.addBindValue(open ? 1 : 0);
    if (!q.exec()) {
        m_error = QStringLiteral("cannot write a door's state: %1").arg(q.lastError().text());
        return false;
    }
    return true;
}

qint64 ClimateRecord::rawCutoff(qint64 nowMs) const
{
    return (nowMs - qint64(m_retention.rawDays) * DayMs) / MinuteMs * MinuteMs;
}

bool ClimateRecord::write(std::span<const ClimateReading> readings, qint64 nowMs)
{
    if (readings.empty())
        return true;
    if (!ensureOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!begin(db))
        return false;
    const auto known = m_sensors; // restored if the batch is rolled back
    auto fail = [&](const QString& why) {
        m_error = QStringLiteral("%1: %2").arg(m_path, why);
        db.rollback();
        m_sensors = known;
        return false;
    };
    QHash<qint64, QSet<qint64>> touched; // sensor -> the minutes its readings fall in
    qint64 dropped = 0;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO climate_raw(sensor, t, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(QStringLiteral("temperature, humidity, co2, pm25, tvoc, dp")));
        for (const ClimateReading& r : readings) {
            // Older than the raw tier keeps: its minute could not be rebuilt from readings any more.
            if (nowMs > 0 && r.timeMs < rawCutoff(nowMs)) {
                ++dropped;
                continue;
            }
            const auto key = sensorKey(r.sensorId, r.roomId);
            if (!key)
                return fail(QStringLiteral("cannot record sensor %1: %2").arg(r.sensorId, db.lastError().text()));
            if (r.doorOpen && !writeDoor(*key, r.timeMs, *r.doorOpen))
                return fail(m_error);
            if (std::none_of(r.values.begin(), r.values.end(), [](const auto& v) { return v.has_value(); }))
                continue;
            q.addBindValue(*key);
            q.addBindValue(r.timeMs);
            for (int i = 0; i < ClimateQuantityCount; ++i)
                q.addBindValue(stored(r.values[size_t(i)], i));
            if (!q.exec())
                return fail(QStringLiteral("cannot write a reading: %1").arg(q.lastError().text()));
            touched[*key].insert(r.timeMs / MinuteMs * MinuteMs);
        }
    }
    // The minutes touched, runs of consecutive ones rebuilt together (a late reading is a run of its own).
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
        std::vector<qint64> minutes(it->begin(), it->end());
        std::sort(minutes.begin(), minutes.end());
        for (size_t i = 0; i < minutes.size();) {
            size_t j = i;
            while (j + 1 < minutes.size() && minutes[j + 1] == minutes[j] + MinuteMs)
                ++j;
            if (!rebuild(it.key(), minutes[i], minutes[j] + MinuteMs))
                return fail(m_error.mid(m_path.size() + 2));
            i = j + 1;
        }
    }
    m_droppedOld += quint64(dropped);
    if (!db.commit())
        return fail(QStringLiteral("cannot commit: %1").arg(db.lastError().text()));
    m_error.clear();
    return true;
}

bool ClimateRecord::writeAggregates(ClimateTier tier, std::span<const ClimateAggregate> rows)
{
    if (tier == ClimateTier::Raw)
        return false;
    if (rows.empty())
        return true;
    if (!ensureOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!begin(db))
        return false;
    QStringList marks;
    for (int i = 0; i < 2 + 4 * ClimateQuantityCount; ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO %1(sensor, t, %2) VALUES (%3)")
                  .arg(tableOf(tier), aggregateColumns("%1_min, %1_mean, %1_max, %1_n"), marks.join(QChar(u','))));
    for (const ClimateAggregate& a : rows) {
        const auto key = sensorKey(a.sensorId, a.roomId);
        if (!key)
            return abandon(db, QStringLiteral("cannot record sensor %1").arg(a.sensorId));
        q.addBindValue(*key);
        q.addBindValue(a.timeMs);
        for (int i = 0; i < ClimateQuantityCount; ++i) {
            const ClimatePoint& p = a.values[size_t(i)];
            const bool any = p.count > 0;
            q.addBindValue(any ? stored(p.min, i) : stored(std::nullopt, i));
            q.addBindValue(any ? stored(p.mean, i) : stored(std::nullopt, i));
            q.addBindValue(any ? stored(p.max, i) : stored(std::nullopt, i));
            q.addBindValue(p.count);
        }
        if (!q.exec())
            return abandon(db, QStringLiteral("cannot write an aggregate: %1").arg(q.lastError().text()));
    }
    return finish(db);
}

bool ClimateRecord::applyRetention(qint64 nowMs)
{
    if (!ensureOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery sensors(db);
    if (!sensors.exec(QStringLiteral("SELECT id FROM climate_sensor"))) {
        m_error = QStringLiteral("%1: cannot read the sensors: %2").arg(m_path, sensors.lastError().text());
        return false;
    }
    std::vector<qint64> keys;
    while (sensors.next())
        keys.push_back(sensors.value(0).toLongLong());
    // Cut at a whole minute (raw) and a whole hour (minutes): an aggregate rebuilt at the edge
    // then still has all of its readings or minutes.
    // The doors' changes are kept as long as the hour tier.
    const qint64 hourCutoff = nowMs - qint64(m_retention.hourDays) * DayMs;
    const std::pair<QString, qint64> tables[] = {
        {tableOf(ClimateTier::Raw), rawCutoff(nowMs)},
        {tableOf(ClimateTier::Minute), (nowMs - qint64(m_retention.minuteDays) * DayMs) / HourMs * HourMs},
        {tableOf(ClimateTier::Hour), hourCutoff},
        {QStringLiteral("climate_door"), hourCutoff}};
    if (!begin(db))
        return false;
    QSqlQuery q(db);
    for (const auto& [table, cutoff] : tables) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE sensor = ? AND t < ?").arg(table));
        for (const qint64 key : keys) { // by sensor: each delete walks the (sensor, t) key
            q.addBindValue(key);
            q.addBindValue(cutoff);
            if (!q.exec())
                return abandon(db, QStringLiteral("cannot apply retention: %1").arg(q.lastError().text()));
        }
    }
    return finish(db);
}

bool ClimateRecord::begin(QSqlDatabase& db)
{
    if (db.transaction())
        return true;
    m_error = QStringLiteral("%1: cannot begin: %2").arg(m_path, db.lastError().text());
    return false;
}

bool ClimateRecord::abandon(QSqlDatabase& db, const QString& why)
{
    m_error = QStringLiteral("%1: %2").arg(m_path, why);
    db.rollback();
    return false;
}

bool ClimateRecord::finish(QSqlDatabase& db)
{
    if (db.commit())
        return true;
    m_error = QStringLiteral("%1: cannot commit: %2").arg(m_path, db.lastError().text());
    return false;
}

ClimateTier ClimateRecord::tierFor(qint64 fromMs, qint64 toMs, qint64 nowMs, const ClimateRetention& retention)
{
    const qint64 span = toMs - fromMs;
    if (span <= 12 * HourMs && fromMs >= nowMs - qint64(retention.rawDays) * DayMs)
        return ClimateTier::Raw;
    if (span <= 3 * DayMs && fromMs >= nowMs - qint64(retention.minuteDays) * DayMs)
        return ClimateTier::Minute;
    return ClimateTier::Hour;
}

std::optional<ClimateSeries> ClimateRecord::query(const QString& path, const QString& roomId, qint64 fromMs, qint64 toMs,
                                                  ClimateTier tier, QString* error)
{
    Reader reader(path);
    if (!reader.error().isEmpty()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    QSqlQuery q(reader.db());
    const QString cols = tier == ClimateTier::Raw ? QStringLiteral("temperature, humidity, co2, pm25, tvoc, dp")
                                                  : aggregateColumns("%1_min, %1_mean, %1_max, %1_n");
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t, %1 FROM %2 WHERE sensor IN (SELECT id FROM climate_sensor WHERE room = ?)"
                             " AND t >= ? AND t < ? ORDER BY t")
                  .arg(cols, tableOf(tier)));
    q.addBindValue(roomId);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, q.lastError().text());
        return std::nullopt;
    }
    ClimateSeries s;
    s.tier = tier;
    while (q.next()) {
        const qint64 t = q.value(0).toLongLong();
        for (int i = 0; i < ClimateQuantityCount; ++i) {
            if (tier == ClimateTier::Raw) {
                const QVariant v = q.value(1 + i);
                if (v.isNull())
                    continue;
                const double x = double(v.toLongLong()) / Scales[i];
                s.quantities[size_t(i)].push_back({t, x, x, x, 1});
            } else {
                const int n = q.value(1 + 4 * i + 3).toInt();
                if (n <= 0)
                    continue;
                s.quantities[size_t(i)].push_back({t, double(q.value(1 + 4 * i).toLongLong()) / Scales[i],
                                                   double(q.value(2 + 4 * i).toLongLong()) / Scales[i],
                                                   double(q.value(3 + 4 * i).toLongLong()) / Scales[i], n});
            }
        }
    }
    return s;
}

std::optional<std::vector<coldchain::DoorSample>> ClimateRecord::doors(const QString& path, const QString& roomId, qint64 fromMs,
                                                                       qint64 toMs, QString* error)
{
    Reader reader(path);
    if (!reader.error().isEmpty()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    // Each contact's last change before the period (its state as the period begins), then its
    // changes within, merged in time order.
    QSqlQuery q(reader.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT d.sensor, d.t, d.open FROM climate_door d JOIN climate_sensor s ON s.id = d.sensor"
                             " WHERE s.room = :room AND d.t < :to AND d.t >= coalesce((SELECT max(b.t) FROM climate_door b"
                             " WHERE b.sensor = d.sensor AND b.t < :before), :from) ORDER BY d.t, d.sensor"));
    q.bindValue(QStringLiteral(":room"), roomId);
    q.bindValue(QStringLiteral(":to"), toMs);
    q.bindValue(QStringLiteral(":before"), fromMs);
    q.bindValue(QStringLiteral(":from"), fromMs);
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, q.lastError().text());
        return std::nullopt;
    }
    std::vector<coldchain::DoorSample> out;
    QSet<qint64> open; // the contacts open now
    while (q.next()) {
        const bool was = !open.isEmpty();
        if (q.value(2).toInt() != 0)
            open.insert(q.value(0).toLongLong());
        else
            open.remove(q.value(0).toLongLong());
        if (out.empty() || was != !open.isEmpty())
            out.push_back({q.value(1).toLongLong(), !open.isEmpty()});
    }
    return out;
}

std::optional<std::vector<ClimateRecord::RoomAggregates>> ClimateRecord::aggregates(const QString& path, const QStringList& roomIds,
                                                                                    qint64 fromMs, qint64 toMs, ClimateTier tier,
                                                                                    QString* error)
{
    if (tier == ClimateTier::Raw)
        tier = ClimateTier::Minute;
    Reader reader(path);
    if (!reader.error().isEmpty()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    std::vector<RoomAggregates> out;
    QSqlQuery q(reader.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.name, a.t, %1 FROM %2 a JOIN climate_sensor s ON s.id = a.sensor"
                             " WHERE s.room = ? AND a.t >= ? AND a.t < ? ORDER BY a.t")
                  .arg(aggregateColumns("a.%1_min, a.%1_mean, a.%1_max, a.%1_n"), tableOf(tier)));
    for (const QString& room : roomIds) {
        q.addBindValue(room);
        q.addBindValue(fromMs);
        q.addBindValue(toMs);
        if (!q.exec()) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(path, q.lastError().text());
            return std::nullopt;
        }
        RoomAggregates r{room, {}};
        while (q.next()) {
            ClimateAggregate a;
            a.sensorId = q.value(0).toString();
            a.roomId = room;
            a.timeMs = q.value(1).toLongLong();
            for (int i = 0; i < ClimateQuantityCount; ++i) {
                ClimatePoint& p = a.values[size_t(i)];
                p.timeMs = a.timeMs;
                p.count = q.value(2 + 4 * i + 3).toInt();
                if (p.count > 0) {
                    p.min = double(q.value(2 + 4 * i).toLongLong()) / Scales[i];
                    p.mean = double(q.value(3 + 4 * i).toLongLong()) / Scales[i];
                    p.max = double(q.value(4 + 4 * i).toLongLong()) / Scales[i];
                }
            }
            r.rows.push_back(std::move(a));
        }
        out.push_back(std::move(r));
    }
    return out;
}

// ---- the recorder's thread ----

namespace {

class ClimateWriter : public QObject
{
    Q_OBJECT
public:
    ClimateWriter(QString path, ClimateRetention retention) : m_record(std::move(path), retention, ClimateRecord::LiveCacheKiB) {}

    void write(std::vector<ClimateReading> batch)
    {
        m_pending.insert(m_pending.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
        if (m_pending.size() > ClimateRecorder::MaxPending) {
            const size_t drop = m_pending.size() - ClimateRecorder::MaxPending;
            m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(drop));
            m_dropped += drop;
        }
        const bool ok = m_record.write(m_pending, m_newestMs);
        if (ok)
            m_pending.clear();
        if (ok != m_healthy || (!ok && m_dropped != m_reportedDropped)) {
            m_healthy = ok;
            m_reportedDropped = m_dropped;
            Q_EMIT health(ok, ok ? QString()
                                 : m_record.lastError() + (m_dropped ? QStringLiteral(" (%1 readings dropped)").arg(m_dropped)
                                                                     : QString()));
        }
        // Retention once an hour, by the newest reading's time.
        if (ok && !m_lastRetention.isValid()) {
            m_lastRetention.start();
            m_record.applyRetention(m_newestMs);
        } else if (ok && m_lastRetention.hasExpired(HourMs)) {
            m_lastRetention.restart();
            m_record.applyRetention(m_newestMs);
        }
    }
    void noteTime(qint64 ms) { m_newestMs = std::max(m_newestMs, ms); }

Q_SIGNALS:
    void health(bool ok, const QString& error);

private:
    ClimateRecord m_record;
    std::vector<ClimateReading> m_pending;
    quint64 m_dropped = 0, m_reportedDropped = 0;
    bool m_healthy = true;
    qint64 m_newestMs = 0;
    QElapsedTimer m_lastRetention;
};

} // namespace

ClimateRecorder::ClimateRecorder(QString path, ClimateRetention retention, QObject* parent)
    : QObject(parent), m_path(path), m_thread(new QThread), m_worker(new ClimateWriter(std::move(path), retention))
{
    m_thread->setObjectName(QStringLiteral("climate-record"));
    m_worker->moveToThread(m_thread);
    connect(static_cast<ClimateWriter*>(m_worker), &ClimateWriter::health, this, &ClimateRecorder::health, Qt::QueuedConnection);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

ClimateRecorder::~ClimateRecorder()
{
    // Everything handed over is written before the thread ends (its loop leaves queued work behind).
    waitForWrites();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void ClimateRecorder::add(ClimateReading reading)
{
    m_batch.push_back(std::move(reading));
}

void ClimateRecorder::flush()
{
    if (m_batch.empty())
        return;
    auto* worker = static_cast<ClimateWriter*>(m_worker);
    qint64 newest = 0;
    for (const ClimateReading& r : m_batch)
        newest = std::max(newest, r.timeMs);
    QMetaObject::invokeMethod(worker, [worker, batch = std::move(m_batch), newest]() mutable {
        worker->noteTime(newest);
        worker->write(std::move(batch));
    }, Qt::QueuedConnection);
    m_batch = {};
}

void ClimateRecorder::waitForWrites()
{
    flush();
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace ww

#include "climaterecord.moc"
