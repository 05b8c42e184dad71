#pragma once
// The append-only alarm log: every transition of every alarm, and every operator action that
// alarms depend on (sign-in, limit changes, NEWS2 inputs), with UTC time, operator, station,
// value and limits in force. SQLite in WAL mode; UPDATE and DELETE are refused by triggers.
// Every row is hash-chained to the one before it, and the station seals the log's head (the last
// row's number and chain) with its signing key at every append: a row changed, removed, inserted or
// cut off the end, even with the chain recomputed, no longer matches a seal only the station's key
// can make. One connection per thread: the core thread appends, history queries run on a worker.
#include "domain/alarmtypes.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace ww {

struct LogEntry
{
    qint64 seq = 0;
    qint64 utcMs = 0;
    QString kind;      // raised, updated, acknowledged, ended, escalated, closed, restored, audit, refused
    AlarmState state;  // the alarm after the transition (empty id for audit entries)
    QString operatorId, operatorName, station;
    QString detail;    // free text: limits in force, the audited change
};

struct LogFilter
{
    qint64 fromMs = 0, toMs = 0; // 0: open
    std::optional<Priority> minPriority;
    QString text;                // matches subject, place, condition (in English or as shown), rule or operator
    bool alarmsOnly = false;     // leave out audit entries
    QString patientId;           // only alarms of this census patient (AlarmState::patientId)
    int limit = 5000;
};

QJsonObject toJson(const AlarmState& s);
AlarmState alarmFromJson(const QJsonObject& o);

// The log's seal: its signer's signature over sealMessage(seq, chain) of the last row.
struct LogSeal
{
    qint64 seq = 0;
    QByteArray chain; // hex, as the row's
    QString signer;
    QByteArray signature;
};
[[nodiscard]] QByteArray sealMessage(qint64 seq, const QByteArray& chain);

// How a station seals its log: its id, a signature of a message, and the check of one with its key.
struct LogSealer
{
    QString signer;
    std::function<QByteArray(const QByteArray& message)> sign;
    std::function<bool(const QByteArray& message, const QByteArray& signature)> verify;
};

class AlarmLog
{
public:
    explicit AlarmLog(QString path);
    ~AlarmLog();
    AlarmLog(const AlarmLog&) = delete;
    AlarmLog& operator=(const AlarmLog&) = delete;

    [[nodiscard]] const QString& path() const { return m_path; }
    // Seals every append from now on; set before the first append. Opening a sealed log checks
    // its seal (fileProblem() says what is wrong); a log written before seals is sealed then.
    void setSealer(LogSealer sealer) { m_sealer = std::move(sealer); }
    // Appends one entry; false (and lastError()) when the write did not reach the database.
    bool append(const LogEntry& e);
    [[nodiscard]] QString lastError() const { return m_error; }
    // What is wrong with the file under the open log, empty when nothing: removed (the station
    // would write to an unlinked file nobody can read), replaced by another file, or shorter than
    // when last checked (truncated). Checked every second by the core (tech.log).
    [[nodiscard]] QString fileProblem();
    // Groups appends into one transaction (one disk sync), e.g. all escalations of one tick.
    void beginBatch();
    bool endBatch();
    // The latest state of every alarm that is not closed (for restart), oldest first.
    [[nodiscard]] std::vector<AlarmState> openAlarms();

    // Any thread: opens its own read-only connection.
    [[nodiscard]] static std::vector<LogEntry> query(const QString& path, const LogFilter& filter, QString* error = nullptr);
    // RFC 4180 CSV with UTC and local time columns.
    [[nodiscard]] static QByteArray toCsv(const std::vector<LogEntry>& entries);
    // The hash chain of a log file (version 3 on): every row's chain recomputed from the row
    // before it and its values. brokenAtSeq: the first row that does not follow (a row changed,
    // removed, inserted or reordered at or before it); error: the file cannot be read.
    struct ChainCheck
    {
        qint64 rows = 0; // rows read (up to the broken one)
        std::optional<qint64> brokenAtSeq;
        QString error;
        qint64 lastSeq = 0;           // the last row read, and its chain
        QByteArray lastChain;
        bool sealable = false;        // the file has a seal table (version 4 on)
        std::optional<LogSeal> seal;  // the seal found there
    };
    [[nodiscard]] static ChainCheck verifyChain(const QString& path);
    // What is wrong with a checked log's seal, empty when it covers the last row and verifies
    // (verify: the signer's key; none: the signature is not checked, only what it covers).
    // A log without rows, or written before seals, needs none.
    [[nodiscard]] static QString sealProblem(const ChainCheck& check,
                                             const std::function<bool(const QByteArray&, const QByteArray&)>& verify);
    // Rows in the log file at path (read-only); -1 when there is no such file or no log in it.
    [[nodiscard]] static qint64 rowCount(const QString& path);

private:
    bool ensureOpen();
    bool loadLastChain();
    bool writeSeal(qint64 seq, const QByteArray& chain);
    QString m_path, m_connection;
    QString m_error;
    bool m_open = false;
    struct FileId
    {
        quint64 device = 0, inode = 0;
        qint64 size = 0;
    };
    std::optional<FileId> m_file; // the file opened, as last checked (none: in memory, or not open)
    QByteArray m_lastChain;       // the chain of the last row written
    bool m_chainLoaded = false;
    QString m_chainProblem;       // the chain or seal found broken when the log was opened
    LogSealer m_sealer;
};

} // namespace ww
