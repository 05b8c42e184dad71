#pragma once
// The care record: every care-plan entry (a patient's assigned nurse, risk flags, bed-exit arming,
// reminder schedules) and every shift-role entry (who took charge) this station made or took from
// another station, append-only, in the station's log file beside the census record. Written before
// the change is shown; read at start so a restart keeps the plan even when the broker lost its
// retained state.
#include "domain/messages.h"

#include <QString>
#include <vector>

namespace ww {

class CareRecord
{
public:
    explicit CareRecord(QString path);
    ~CareRecord();
    CareRecord(const CareRecord&) = delete;
    CareRecord& operator=(const CareRecord&) = delete;

    // Append one entry; false (and lastError()) when it did not reach the disk.
    bool append(const CareEntryMsg& entry);
    bool append(const ShiftRoleMsg& entry);
    // The newest entry of every patient and of every role (by time, then station); empty with
    // lastError() set when the database cannot be read.
    [[nodiscard]] std::vector<CareEntryMsg> latestCare();
    [[nodiscard]] std::vector<ShiftRoleMsg> latestRoles();
    [[nodiscard]] const QString& lastError() const { return m_error; }

private:
    bool ensureOpen();
    bool insert(const QString& kind, const QString& key, qint64 timeMs, const QString& station, const QByteArray& json);
    [[nodiscard]] std::vector<QByteArray> latest(const QString& kind);
    QString m_path, m_connection, m_error;
    bool m_open = false;
};

} // namespace ww
