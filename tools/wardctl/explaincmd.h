#pragma once
// `wardctl explain`: why the engine placed a tag where it did, over its last minutes in a
// recording (the same run as `wardctl locate`): per gateway the level heard and the level the
// model expected at the fix, the rooms' evidence, and the room decisions with their reasons.
#include "offline.h"

namespace ww::offline {

struct ExplainOptions
{
    LocateOptions locate;     // gateways, reports, site, calibration (out unused)
    QString tag;
    double minutes = 5;       // how far back from the last fix explained
    std::optional<double> at; // explain as of this time_s (default: the tag's last fix)
};

// Writes the explanation to out. Done; BadInput naming what is wrong (a tag never fixed among
// them); or what locate returns.
int explain(const ExplainOptions& options, QTextStream& out, QTextStream& err);

} // namespace ww::offline
