#pragma once
// `wardctl record` and `wardctl replay`: MQTT traffic to a file and back (transport/recording.h).
#include <QStringList>
#include <QTextStream>

namespace ww::offline {

// record --port P [--host H] --out FILE [--topic FILTER]... [--count N] [--duration S]
int recordCommand(const QStringList& args, QTextStream& err);
// replay --in FILE --port P [--host H] [--speed X]  (X simulated seconds per second; 0: at once)
int replayCommand(const QStringList& args, QTextStream& err);

} // namespace ww::offline
