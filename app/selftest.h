#pragma once
#include <QTextStream>

namespace ww {
// `wardwatch --self-test`: no broker, no display; prints one line per check; returns the exit code.
int runSelfTest(QTextStream& out);
} // namespace ww
