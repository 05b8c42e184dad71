#include "records/censusrecord.h"
#include "records/sqlitedb.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace ww {

namespace {

// Version 1: the schema before versions were recorded (a file from then opens as version 1).
const sqlite::Migration Steps[] = {
    {1,
     {"CREATE TABLE IF NOT EXISTS census_record("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, bed TEXT NOT NULL, time_ms INTEGER NOT NULL, station TEXT NOT NULL,"
    " patient_id TEXT NOT NULL, patient_name TEXT NOT NULL, wristband TEXT NOT NULL, monitor TEXT NOT NULL,"
    " operator TEXT NOT NULL, action TEXT NOT NULL)",
    "CREATE TRIGGER IF NOT EXISTS census_record_no_update BEFORE UPDATE ON census_record "
    " BEGIN SELECT RAISE(ABORT, 'the census record is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS census_record_no_delete BEFORE DELETE ON census_record "
    " BEGIN SELECT RAISE(ABORT, 'the census record is append-only'); END"}},
};
const sqlite::Schema Schema{"census_record", Steps};

} // namespace

CensusRecord::CensusRecord(QString path) : m_path(std::move(path)), m_connection(sqlite::connectionName("census", "writer")) {}

CensusRecord::~CensusRecord()
{
    if (m_open)
        sqlite::close(m_connection);
}

bool CensusRecord::ensureOpen()
{
    if (!m_open && sqlite::openForAppend(m_path, m_connection, Schema, m_error))
        m_open = true;
    return m_open;
}

bool CensusRecord::append(const std::vector<CensusEntryMsg>& entries)
{
    if (!ensureOpen())
        return false;
    auto text = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; }; // a null QString binds as NULL
    const bool written = sqlite::insertAll(
        m_path, m_connection,
        QStringLiteral("INSERT INTO census_record(bed, time_ms, station, patient_id, patient_name, wristband, monitor,"
                       " operator, action) VALUES(?,?,?,?,?,?,?,?,?)"),
        entries.size(),
        [&](QSqlQuery& q, size_t i) {
            const CensusEntryMsg& e = entries[i];
            q.addBindValue(text(e.bed));
            q.addBindValue(e.timeMs);
            for (const QString* s : {&e.stationId, &e.patientId, &e.patientName, &e.wristband, &e.monitor, &e.operatorId, &e.action})
                q.addBindValue(text(*s));
        },
        m_error);
    if (!written)
        return false;
    m_error.clear();
    return true;
}

std::vector<CensusEntryMsg> CensusRecord::latest()
{
    std::vector<CensusEntryMsg> out;
    if (!ensureOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Rows in time order: the last row read for a bed is its newest (ties: the greater station).
    if (!q.exec(QStringLiteral("SELECT bed, time_ms, station, patient_id, patient_name, wristband, monitor, operator, action"
                               " FROM census_record ORDER BY bed, time_ms, station, seq"))) {
        m_error = QStringLiteral("%1: cannot read the census record: %2").arg(m_path, q.lastError().text());
        return out;
    }
    while (q.next()) {
        CensusEntryMsg e{q.value(0).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                         q.value(6).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(7).toString(),
                         q.value(8).toString()};
        if (!out.empty() && out.back().bed == e.bed)
            out.back() = std::move(e);
        else
            out.push_back(std::move(e));
    }
    return out;
}

} // namespace ww
