#pragma once
// Past days of room climate for a station's climate record (records/climaterecord.h), so that its
// review has weeks to show from the first minute (the demo; trying the review out): every room's
// climate sensor once a minute, the live simulation's model of the room (a daily swing, each room a
// little warmer or cooler, noise; isolation rooms' negative pressure), and, so that the heat map
// has something to find, two rooms (the site's third and seventh climate rooms) that overheat one afternoon and an isolation room whose pressure
// difference is lost for two hours; isolation rooms' door contacts open about twice an hour, and the
// pressure difference collapses while they are open. Deterministic for a seed.
#include "domain/site.h"

namespace ww::sim {

// Writes days of history ending at endMs into the record at path; the number of readings written,
// or -1 with error set.
qint64 writeClimateHistory(const Site& site, const QString& path, int days, qint64 endMs, quint32 seed, QString& error);

} // namespace ww::sim
