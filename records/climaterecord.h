#pragma once
// The room-climate record: every climate sensor's readings (temperature, relative humidity, CO2,
// PM2.5, TVOC, differential pressure) kept across restarts in a database file of its own (beside
// the alarm log: "station.sqlite" -> "station-climate.sqlite"), in three tiers so that months stay
// small and fast to read:
// - raw readings, one row per sensor reading with up to six quantities (default 7 days);
// - per-minute aggregates, each quantity's min, mean, max and count (default 30 days);
// - per-hour aggregates, the same (default 400 days, more than 13 months).
// The aggregates are rebuilt from the tier below for the minutes and hours a batch touched, in the
// batch's own transaction, so they always agree with the readings (a late reading included) and
// a crash leaves nothing half-aggregated. Values are stored as scaled integers (0.01 °C, 0.01 %,
// 1 ppm, 0.1 µg/m³, 1 ppb, 0.01 Pa): a reading takes about 30 bytes.
// A room's door contacts are kept beside its climate as their changes (opened, closed), as long as
// the hour tier: an open door explains an isolation room's lost pressure difference.
//
// ClimateRecord writes (one owner thread); query() and heatMap() read from any thread with their
// own read-only connections. ClimateRecorder (below) runs a ClimateRecord on a thread of its own,
// so the core thread hands it batches and never waits on the disk.
#include "domain/coldchain.h"
#include "domain/site.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <span>
#include <vector>

class QSqlDatabase;
class QThread;

namespace ww {

enum class ClimateQuantity { Temperature, Humidity, Co2, Pm25, Tvoc, DiffPressure };
inline constexpr int ClimateQuantityCount = 6;
// Column names, units and the stored scale (stored integer = value * scale).
[[nodiscard]] const char* columnOf(ClimateQuantity q);
[[nodiscard]] double scaleOf(ClimateQuantity q);

using ClimateValues = std::array<std::optional<double>, ClimateQuantityCount>;

struct ClimateReading
{
    QString sensorId, roomId;
    qint64 timeMs = 0;
    ClimateValues values;
    std::optional<bool> doorOpen; // a door contact's state (true: open)
};

enum class ClimateTier { Raw, Minute, Hour };

// One point of a series: a reading (min = mean = max, count 1) or an aggregate.
struct ClimatePoint
{
    qint64 timeMs = 0;
    double min = 0, mean = 0, max = 0;
    int count = 0;
};

struct ClimateSeries
{
    ClimateTier tier = ClimateTier::Raw;
    std::array<std::vector<ClimatePoint>, ClimateQuantityCount> quantities; // time order
};

// An aggregate row written directly into a tier (a logger's history imported; the benchmark's
// older months). Quantities without data have count 0.
struct ClimateAggregate
{
    QString sensorId, roomId;
    qint64 timeMs = 0; // the minute's or hour's start
    std::array<ClimatePoint, ClimateQuantityCount> values;
};

class ClimateRecord
{
public:
    // cacheKiB: SQLite's page cache for the writes. Bulk writes (a history imported, the benchmark's
    // months) rebuild their aggregates in memory with a large one; the station's recorder, writing a
    // few readings at a time, keeps SQLite's default so that a growing record does not grow the station.
    static constexpr int BulkCacheKiB = 32 * 1024, LiveCacheKiB = 2 * 1024;
    explicit ClimateRecord(QString path, ClimateRetention retention = {}, int cacheKiB = BulkCacheKiB);
    ~ClimateRecord();
    ClimateRecord(const ClimateRecord&) = delete;
    ClimateRecord& operator=(const ClimateRecord&) = delete;

    // Opens (creating, migrating) the file; false with lastError() naming it when it cannot.
    bool open();
    // Writes the readings and rebuilds the aggregates of the minutes and hours they touch, in one
    // transaction; false (nothing written) with lastError() when it cannot. A reading already in
    // the record (same sensor and millisecond) is kept once. nowMs (0: not checked): readings older
    // than the raw tier keeps at nowMs are dropped and counted (droppedOld()), since their minute
    // could no longer be rebuilt from readings.
    bool write(std::span<const ClimateReading> readings, qint64 nowMs = 0);
    [[nodiscard]] quint64 droppedOld() const { return m_droppedOld; }
    // Writes aggregate rows into a tier (Minute or Hour) as they are; the hour tier is not rebuilt
    // from minutes written this way.
    bool writeAggregates(ClimateTier tier, std::span<const ClimateAggregate> rows);
    // Deletes what is older than each tier's retention at nowMs; false with lastError() when it cannot.
    bool applyRetention(qint64 nowMs);
    [[nodiscard]] const QString& lastError() const { return m_error; }
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] const ClimateRetention& retention() const { return m_retention; }

    // The tier a chart of [fromMs, toMs) reads at nowMs: raw up to 12 h, minutes up to 3 days,
    // hours beyond, each only while its retention still covers fromMs.
    [[nodiscard]] static ClimateTier tierFor(qint64 fromMs, qint64 toMs, qint64 nowMs, const ClimateRetention& retention);
    // A room's series over [fromMs, toMs) from a tier. Empty (error set) when the file cannot be read.
    [[nodiscard]] static std::optional<ClimateSeries> query(const QString& path, const QString& roomId, qint64 fromMs,
                                                            qint64 toMs, ClimateTier tier, QString* error = nullptr);
    // Every room's aggregates over [fromMs, toMs) from a tier (Minute or Hour), by room id, each in time order.
    struct RoomAggregates
    {
        QString roomId;
        std::vector<ClimateAggregate> rows;
    };
    // A room's door state over [fromMs, toMs): open while any of its door contacts is, one sample
    // per change in time order, the state the period began in first (at its own time). Empty
    // (error set) when the file cannot be read.
    [[nodiscard]] static std::optional<std::vector<coldchain::DoorSample>> doors(const QString& path, const QString& roomId,
                                                                                 qint64 fromMs, qint64 toMs,
                                                                                 QString* error = nullptr);
    [[nodiscard]] static std::optional<std::vector<RoomAggregates>> aggregates(const QString& path, const QStringList& roomIds,
                                                                               qint64 fromMs, qint64 toMs, ClimateTier tier,
                                                                               QString* error = nullptr);

private:
    bool ensureOpen();
    std::optional<qint64> sensorKey(const QString& sensorId, const QString& roomId);
    // Rebuilds the minutes of [fromMs, toMs) (whole minutes) and the hours containing them.
    bool rebuild(qint64 sensor, qint64 fromMs, qint64 toMs);
    // Keeps a door reading when it changes the state the record holds at its time.
    bool writeDoor(qint64 sensor, qint64 timeMs, bool open);
    // A transaction: begun (false, error set, when it cannot), then rolled back with the error
    // (false) or committed (false when that fails).
    bool begin(QSqlDatabase& db);
    bool abandon(QSqlDatabase& db, const QString& why);
    bool finish(QSqlDatabase& db);

    QString m_path, m_connection, m_error;
    ClimateRetention m_retention;
    int m_cacheKiB;
    bool m_open = false;
    QHash<QString, qint64> m_sensors; // "sensor id\nroom id" -> key
    quint64 m_droppedOld = 0;
    [[nodiscard]] qint64 rawCutoff(qint64 nowMs) const;
};

// Where a station's climate record lives: beside its alarm log ("station.sqlite" ->
// "station-climate.sqlite"; ":memory:" and "" stay as they are).
[[nodiscard]] QString climatePathFor(const QString& alarmLogPath);

// A ClimateRecord on a thread of its own. add() and flush() are for the owner's thread and return
// at once; the writes happen on the record's thread, which retries a failed batch with the next
// and drops the oldest readings beyond MaxPending (counted). Retention runs there once an hour.
class ClimateRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr size_t MaxPending = 200'000;
    ClimateRecorder(QString path, ClimateRetention retention, QObject* parent = nullptr);
    ~ClimateRecorder() override;

    void add(ClimateReading reading);
    // Hands what was added to the record's thread.
    void flush();
    // Blocks until everything handed over so far was written or failed (tests, shutdown).
    void waitForWrites();
    [[nodiscard]] QString path() const { return m_path; }

Q_SIGNALS:
    // The record's health changed (on the owner's thread): ok false with the error, true when it writes again.
    void health(bool ok, const QString& error);

private:
    QString m_path;
    std::vector<ClimateReading> m_batch;
    QThread* m_thread;
    QObject* m_worker;
};

} // namespace ww
