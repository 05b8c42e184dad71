#pragma once
// The fridges' temperature and door record, for the compliance report (domain/coldchain.h): every
// reading as it arrived, late ones included, in the station's readings file (apart from the alarm
// log, so that the readings' volume never slows the log), append-only like the log. The core thread adds readings and commits them once per
// flush in one transaction; a failed commit keeps them for the next one. Reports query on a worker.
#include "domain/coldchain.h"

#include <QElapsedTimer>
#include <QString>
#include <optional>
#include <vector>

namespace ww {

class EnvRecord
{
public:
    // Readings held while the database cannot be written; beyond this the oldest are dropped and counted.
    static constexpr size_t MaxPending = 100'000;

    // legacyPath: a file that may hold readings from before the record had a file of its own (the
    // alarm log's); they are copied in when the record is created.
    explicit EnvRecord(QString path, QString legacyPath = {});
    ~EnvRecord();
    EnvRecord(const EnvRecord&) = delete;
    EnvRecord& operator=(const EnvRecord&) = delete;

    void add(const QString& placeId, const QString& sensorId, qint64 timeMs, std::optional<double> temperatureC,
             std::optional<bool> doorOpen);
    // Opens the record now (creating it, migrating it, moving a legacy file's readings in), as a
    // station does at start; commit() opens it otherwise. After a failure, retried at most once a
    // minute. False (and lastError()) when it cannot.
    bool open() { return ensureOpen(); }
    // Writes what was added since the last commit; false (and lastError()) when it did not reach the disk.
    bool commit();
    [[nodiscard]] size_t pending() const { return m_pending.size(); }
    [[nodiscard]] quint64 dropped() const { return m_dropped; }
    [[nodiscard]] const QString& lastError() const { return m_error; }

    struct Series
    {
        std::vector<coldchain::Sample> temperatures; // time order; the last one before fromMs first, if any
        std::vector<coldchain::DoorSample> doors;    // likewise
    };
    // Any thread: its own read-only connection. Empty (and error set) when the database cannot be read.
    [[nodiscard]] static std::optional<Series> query(const QString& path, const QString& placeId, qint64 fromMs, qint64 toMs,
                                                     QString* error = nullptr);

private:
    struct Row
    {
        QString place, sensor;
        qint64 timeMs;
        std::optional<double> temperatureC;
        std::optional<bool> doorOpen;
    };
    bool ensureOpen();
    QString m_path, m_legacyPath, m_connection, m_error;
    std::vector<Row> m_pending;
    quint64 m_dropped = 0;
    bool m_open = false;
    static constexpr qint64 RetryMs = 60'000;
    QElapsedTimer m_lastTry;
};

// Where a station's readings record lives: beside its alarm log ("station.sqlite" ->
// "station-readings.sqlite"; ":memory:" and "" stay as they are).
[[nodiscard]] QString readingsPathFor(const QString& alarmLogPath);

} // namespace ww
