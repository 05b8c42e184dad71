#pragma once
// wardctl climate: a room's climate compliance (records/climatereport.h) from a logger's CSV,
// against the targets of a room kind in the site (the default ward's unless --site names one).
#include <QString>
#include <QTextStream>

namespace ww::offline {

struct ClimateOptions
{
    QString readings, kind, name, site, from, to, jsonOut, csvOut;
    double maxGapS = 900;
    double doorLimitS = -1; // a door opening longer than this counts as long; -1: the site's roomDoorOpenLimitS
};

// 0: the report on out; BadInput (said on err, naming the file, line and column) otherwise.
int climate(const ClimateOptions& o, QTextStream& out, QTextStream& err);

} // namespace ww::offline
