#pragma once
// An alarm's condition as data: a code and its arguments (value, limit, unit, device, ...), rendered
// through the translation where it is shown, so an alarm reads in the reader's language at every
// station and in the history, whichever station raised it. The English rendering is kept beside
// it (AlarmState::condition): the log's text column, searches, and stations that do not know the
// code (a newer program's) show that. docs/alarms.md lists the codes.
#include "domain/alarmtypes.h"

#include <QString>
#include <QStringList>

namespace ww {

// The condition of codes: arguments are plain text (numbers in C locale, as raised); where an
// argument is itself a name the program knows (a vital sign, a device kind, a device event), it is
// translated too.
[[nodiscard]] QString renderCondition(const QString& code, const QStringList& args, bool translate = true);
// The codes this program renders, in the order of docs/alarms.md.
[[nodiscard]] QStringList conditionCodes();
// Whether the code is one this program renders.
[[nodiscard]] bool knownCondition(const QString& code);
// An English text the core writes into an alarm as data (a subject "Anna Berg (bed 3-A)", "Station
// s1", a refusal's reason) in the reader's language; any other text (a name, an id) as it is.
[[nodiscard]] QString shownData(const QString& english);
// What to show for an alarm: its code rendered in the reader's language, else its text.
[[nodiscard]] QString shownCondition(const AlarmState& a);

} // namespace ww
