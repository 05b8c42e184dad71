#include "records/carerecord.h"
#include "records/sqlitedb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace ww {

namespace {

// One table for both kinds: (kind, key) names what an entry is about ("care", patient id; "role",
// role), the entry itself is JSON (its fields grow without a migration of the table).
const sqlite::Migration Steps[] = {
    {1,
     {"CREATE TABLE IF NOT EXISTS care_record("
      " seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, key TEXT NOT NULL, time_ms INTEGER NOT NULL,"
      " station TEXT NOT NULL, entry TEXT NOT NULL)",
      "CREATE TRIGGER IF NOT EXISTS care_record_no_update BEFORE UPDATE ON care_record "
      " BEGIN SELECT RAISE(ABORT, 'the care record is append-only'); END",
      "CREATE TRIGGER IF NOT EXISTS care_record_no_delete BEFORE DELETE ON care_record "
      " BEGIN SELECT RAISE(ABORT, 'the care record is append-only'); END"}},
};
const sqlite::Schema Schema{"care_record", Steps};

QJsonObject toJson(const PartVersion& v)
{
    return QJsonObject{{QStringLiteral("timeMs"), QString::number(v.timeMs)}, {QStringLiteral("stationId"), v.stationId}};
}

// A part's version; rows written before parts had versions take the entry's own.
PartVersion partVersion(const QJsonObject& entry, QStringView key, const CareEntryMsg& e)
{
    if (!entry.contains(key))
        return PartVersion{e.timeMs, e.stationId};
    const QJsonObject o = entry.value(key).toObject();
    return PartVersion{o.value(u"timeMs").toString().toLongLong(), o.value(u"stationId").toString()};
}

QByteArray toJson(const CareEntryMsg& e)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("patientId"), e.patientId},
                                     {QStringLiteral("nurseId"), e.nurseId},
                                     {QStringLiteral("fallRisk"), e.fallRisk},
                                     {QStringLiteral("elopementRisk"), e.elopementRisk},
                                     {QStringLiteral("bedExitArmed"), e.bedExitArmed},
                                     {QStringLiteral("repositionEveryMin"), e.repositionEveryMin},
                                     {QStringLiteral("medicationTimes"), QJsonArray::fromStringList(e.medicationTimes)},
                                     {QStringLiteral("planSinceMs"), QString::number(e.planSinceMs)},
                                     {QStringLiteral("timeMs"), QString::number(e.timeMs)},
                                     {QStringLiteral("stationId"), e.stationId},
                                     {QStringLiteral("operatorId"), e.operatorId},
                                     {QStringLiteral("action"), e.action},
                                     {QStringLiteral("assignmentVersion"), toJson(e.assignmentVersion)},
                                     {QStringLiteral("flagsVersion"), toJson(e.flagsVersion)},
                                     {QStringLiteral("scheduleVersion"), toJson(e.scheduleVersion)}})
        .toJson(QJsonDocument::Compact);
}

QByteArray toJson(const ShiftRoleMsg& r)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("role"), r.role},
                                     {QStringLiteral("staffId"), r.staffId},
                                     {QStringLiteral("timeMs"), QString::number(r.timeMs)},
                                     {QStringLiteral("stationId"), r.stationId},
                                     {QStringLiteral("operatorId"), r.operatorId}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

CareRecord::CareRecord(QString path) : m_path(std::move(path)), m_connection(sqlite::connectionName("care", "writer")) {}

CareRecord::~CareRecord()
{
    if (m_open)
        sqlite::close(m_connection);
}

bool CareRecord::ensureOpen()
{
    if (!m_open && sqlite::openForAppend(m_path, m_connection, Schema, m_error))
        m_open = true;
    return m_open;
}

bool CareRecord::insert(const QString& kind, const QString& key, qint64 timeMs, const QString& station, const QByteArray& json)
{
    if (!ensureOpen())
        return false;
    auto text = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; }; // a null QString binds as NULL
    const bool written = sqlite::insertAll(
        m_path, m_connection,
        QStringLiteral("INSERT INTO care_record(kind, key, time_ms, station, entry) VALUES(?,?,?,?,?)"), 1,
        [&](QSqlQuery& q, size_t) {
            q.addBindValue(kind);
            q.addBindValue(text(key));
            q.addBindValue(timeMs);
            q.addBindValue(text(station));
            q.addBindValue(QString::fromUtf8(json));
        },
        m_error);
    if (written)
        m_error.clear();
    return written;
}

bool CareRecord::append(const CareEntryMsg& e)
{
    return insert(QStringLiteral("care"), e.patientId, e.timeMs, e.stationId, toJson(e));
}

bool CareRecord::append(const ShiftRoleMsg& r)
{
    return insert(QStringLiteral("role"), r.role, r.timeMs, r.stationId, toJson(r));
}

std::vector<QByteArray> CareRecord::latest(const QString& kind)
{
    std::vector<QByteArray> out;
    if (!ensureOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT key, entry FROM care_record WHERE kind = ? ORDER BY key, time_ms, station, seq"));
    q.addBindValue(kind);
    if (!q.exec()) {
        m_error = QStringLiteral("%1: cannot read the care record: %2").arg(m_path, q.lastError().text());
        return out;
    }
    QString lastKey;
    while (q.next()) { // the last row read for a key is its newest
        const QString key = q.value(0).toString();
        if (!out.empty() && key == lastKey)
            out.back() = q.value(1).toString().toUtf8();
        else
            out.push_back(q.value(1).toString().toUtf8());
        lastKey = key;
    }
    return out;
}

std::vector<CareEntryMsg> CareRecord::latestCare()
{
    std::vector<CareEntryMsg> out;
    for (const QByteArray& json : latest(QStringLiteral("care"))) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        CareEntryMsg e;
        e.patientId = o.value(u"patientId").toString();
        e.nurseId = o.value(u"nurseId").toString();
        e.fallRisk = o.value(u"fallRisk").toBool();
        e.elopementRisk = o.value(u"elopementRisk").toBool();
        e.bedExitArmed = o.value(u"bedExitArmed").toBool();
        e.repositionEveryMin = o.value(u"repositionEveryMin").toInt();
        for (const auto& t : o.value(u"medicationTimes").toArray())
            e.medicationTimes << t.toString();
        e.planSinceMs = o.value(u"planSinceMs").toString().toLongLong();
        e.timeMs = o.value(u"timeMs").toString().toLongLong();
        e.stationId = o.value(u"stationId").toString();
        e.operatorId = o.value(u"operatorId").toString();
        e.action = o.value(u"action").toString();
        e.assignmentVersion = partVersion(o, u"assignmentVersion", e);
        e.flagsVersion = partVersion(o, u"flagsVersion", e);
        e.scheduleVersion = partVersion(o, u"scheduleVersion", e);
        if (!e.patientId.isEmpty())
            out.push_back(std::move(e));
    }
    return out;
}

std::vector<ShiftRoleMsg> CareRecord::latestRoles()
{
    std::vector<ShiftRoleMsg> out;
    for (const QByteArray& json : latest(QStringLiteral("role"))) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        ShiftRoleMsg r{o.value(u"role").toString(), o.value(u"staffId").toString(), o.value(u"timeMs").toString().toLongLong(),
                       o.value(u"stationId").toString(), o.value(u"operatorId").toString()};
        if (!r.role.isEmpty())
            out.push_back(std::move(r));
    }
    return out;
}

} // namespace ww
