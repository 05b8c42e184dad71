#pragma once
#include <QString>
#include <QTextStream>

namespace ww {
// `wardwatch --self-test [--site FILE]`: no broker, no display; runs the checks on the site file given
// (the embedded ward without one); prints one line per check; returns the exit code.
int runSelfTest(QTextStream& out, const QString& siteFile = {});
} // namespace ww
