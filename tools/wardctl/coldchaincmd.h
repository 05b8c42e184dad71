#pragma once
// `wardctl coldchain`: a fridge's compliance record from a CSV of its readings (domain/coldchain.h).
#include <QString>
#include <QTextStream>
#include <optional>

namespace ww::offline {

struct ColdChainOptions
{
    QString readings, name, jsonOut;
    QString from, to;             // ISO 8601 or epoch seconds; empty: the first and the last reading
    double minC = 2, maxC = 8;
    double maxGapS = 900, doorLimitS = 60;
    bool utc = false;             // days by UTC midnights instead of the machine's time zone
};

// A time given on the command line: ISO 8601 (UTC unless it says otherwise) or epoch seconds, in
// milliseconds since the epoch; none when it is neither (also used by `wardctl shift-report`).
std::optional<qint64> parseTime(const QString& text);

// The text record on out; with jsonOut also the JSON. Done (also when not compliant: the record says
// so), BadInput with file:line and reason, or Failure.
int coldchain(const ColdChainOptions& options, QTextStream& out, QTextStream& err);

} // namespace ww::offline
