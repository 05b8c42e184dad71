#pragma once
// The census record: every admission, transfer, discharge and device pairing this station made or
// took from another station, one row per bed entry (domain/messages.h CensusEntryMsg), in the
// station's log file (beside the alarm log, its own table), append-only. Written before the change
// is shown; read at start so a restart keeps the census even when the broker lost its retained state.
#include "domain/messages.h"

#include <QString>
#include <vector>

namespace ww {

class CensusRecord
{
public:
    explicit CensusRecord(QString path);
    ~CensusRecord();
    CensusRecord(const CensusRecord&) = delete;
    CensusRecord& operator=(const CensusRecord&) = delete;

    // Appends entries in one transaction; false (and lastError()) when they did not reach the disk.
    bool append(const std::vector<CensusEntryMsg>& entries);
    // The newest entry of every bed (by time, then station), bed order; empty with lastError() set
    // when the database cannot be read.
    [[nodiscard]] std::vector<CensusEntryMsg> latest();
    [[nodiscard]] const QString& lastError() const { return m_error; }

private:
    bool ensureOpen();
    QString m_path, m_connection, m_error;
    bool m_open = false;
};

} // namespace ww
