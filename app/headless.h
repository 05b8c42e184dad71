#pragma once
// A station without a window, for tests, benchmarks and a second station in the demo: every alarm
// change goes to stdout as one JSON line; commands come on stdin, one per line:
//   signin STAFF PIN | ack ALARM_ID | quit
#include "models/alarmcontroller.h"

#include <QObject>
#include <QSocketNotifier>

namespace ww {

class HeadlessStation : public QObject
{
    Q_OBJECT
public:
    HeadlessStation(AlarmController& alarms, const Clock& clock, QObject* parent = nullptr);

private:
    void line(const QByteArray& text);
    void print(const QJsonObject& o);
    AlarmController& m_alarms;
    const Clock& m_clock;
    QSocketNotifier m_stdin;
    QByteArray m_buffer;
};

} // namespace ww
