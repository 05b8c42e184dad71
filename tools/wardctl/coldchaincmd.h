#pragma once
// `wardctl coldchain`: a fridge's compliance record from a CSV of its readings (domain/coldchain.h).
#include <QString>
#include <QTextStream>

namespace ww::offline {

struct ColdChainOptions
{
    QString readings, name, jsonOut;
    QString from, to;             // ISO 8601 or epoch seconds; empty: the first and the last reading
    double minC = 2, maxC = 8;
    double maxGapS = 900, doorLimitS = 60;
    bool utc = false;             // days by UTC midnights instead of the machine's time zone
};

// The text record on out; with jsonOut also the JSON. Done (also when not compliant: the record says
// so), BadInput with file:line and reason, or Failure.
int coldchain(const ColdChainOptions& options, QTextStream& out, QTextStream& err);

} // namespace ww::offline
