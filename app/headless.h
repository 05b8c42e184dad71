#pragma once
// A station without a window, for tests, benchmarks and a second station in the demo: every alarm
// change goes to stdout as one JSON line; commands come on stdin, one per line:
//   signin STAFF PIN | ack ALARM_ID | quit
//   admit BED PATIENT_ID WRISTBAND MONITOR NAME... | transfer PATIENT_ID BED | discharge PATIENT_ID |
//   devices PATIENT_ID WRISTBAND MONITOR      ("-": no device)
//   take PATIENT_ID | assign PATIENT_ID NURSE ("-": unassign) | charge | flags PATIENT_ID [f][e][b]-
//      (the care plan: fall risk, elopement risk, bed exit armed; "-": none)
// A census row that changes (who lies in a bed, their devices, nurse, flags) is printed as a "bed"
// line; care-plan results as "care" lines, the charge role as "charge" lines.
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSocketNotifier>

namespace ww {

class HeadlessStation : public QObject
{
    Q_OBJECT
public:
    HeadlessStation(AlarmController& alarms, const PatientModel& census, const Clock& clock, QObject* parent = nullptr);

private:
    void line(const QByteArray& text);
    void print(const QJsonObject& o);
    AlarmController& m_alarms;
    const PatientModel& m_census;
    QStringList m_printed; // per census row: what its last "bed" line said
    QHash<QString, QJsonObject> m_alarmPrinted; // per alarm: its last "alarm" line (without its time), printed on change only
    const Clock& m_clock;
    QSocketNotifier m_stdin;
    QByteArray m_buffer;
};

} // namespace ww
