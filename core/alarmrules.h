#pragma once
// The alarm rules on the core thread: device events, vital-sign limits, NEWS2, fridges, doors and
// room climate, geofences, silent or flapping devices, device clocks and batteries, PAR levels and
// the station's own technical conditions, turned into alarm occurrences by the alarm engine
// (alarms/), which logs, shares and escalates them. It reads the ward's rows and changes only the
// patients' NEWS2 columns.
#include "alarms/alarmengine.h"
#include "alarms/conditiontracker.h"
#include "core/news2score.h"
#include "core/wardstate.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <atomic>
#include <memory>

namespace ww {

// An alarm's place (text) and room id: where the tag is located, else (patients) the bed's room.
void placeAt(AlarmRaise& a, const Location& loc);
void placeAt(AlarmRaise& a, const PatientRow& p, const Site& site);

class AlarmRules
{
    Q_DECLARE_TR_FUNCTIONS(ww::AlarmRules)

public:
    // log, publisher, observer: as AlarmEngine's (the log is required for acknowledgements to hold).
    AlarmRules(const Site& site, const Clock& clock, WardState& state, const QString& stationId, AlarmLog* log,
               AlarmPublisher* publisher, AlarmEngine::Observer* observer);

    [[nodiscard]] AlarmEngine& engine() { return m_engine; }
    [[nodiscard]] const AlarmEngine& engine() const { return m_engine; }
    [[nodiscard]] const QString& stationId() const { return m_engine.stationId(); }
    // A silent or offline device's alarm ends only once the device has been back this long.
    static constexpr qint64 BackForMs = 60'000;

    void evaluatePatient(int row, qint64 now);
    void evaluateEnv(int row, qint64 now);
    void evaluateLocation(int tag, qint64 now);
    void evaluateDevice(int row, qint64 now);
    void event(const DeviceEventMsg& ev, int deviceRow);
    void apply(const AlarmStateMsg& m); // another station's alarm state
    // Every rule over the current rows (1 s tick, first) ...
    void evaluateRules();
    // ... then the station's own conditions and the engine's timers (escalation, closing).
    void evaluateStation();

    // The station's own technical conditions (broker lost, audio, no other station, GUI hung, log);
    // re-evaluated every second while they hold, so their onset delays elapse.
    // code and args: domain/conditiontext.h (a code it does not know is taken as the text).
    void setLocalCondition(const QString& rule, const QString& key, bool holds, const QString& code,
                           const QStringList& args = {});
    // The GUI thread's heartbeat (steady-clock ms); tech.gui-hung when it stops for 5 s.
    void setGuiHeartbeat(const std::atomic<qint64>* beat) { m_guiBeat = beat; }

    // Operator actions (audited; ignored without an operator).
    [[nodiscard]] AckResult acknowledge(const QString& alarmId, const QString& operatorId, const QString& operatorName,
                                        const QString& comment = {});
    void setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2,
                        const QString& operatorId, const QString& operatorName);
    void setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above,
                         const QString& operatorId, const QString& operatorName); // NaN: no limit
    bool audit(const QString& what, const QString& operatorId, const QString& operatorName);
    QString raise(const AlarmRaise& a) { return m_engine.raise(a); }
    // A patient left the census: their condition alarms end and their inputs and limits go.
    void forgetPatient(int row, const QString& patientId);

private:
    [[nodiscard]] WardRows& rows() { return m_state.rows(); }
    [[nodiscard]] const WardRows& rows() const { return m_state.rows(); }
    [[nodiscard]] const VitalLimit* limitFor(int patient, const VitalLimit& rule) const;
    void evaluateParLevels(qint64 now);

    struct LocalCondition
    {
        QString rule, key, code;
        QStringList args;
        bool holds = false;
    };
    const Site& m_site;
    const Clock& m_clock;
    WardState& m_state;
    AlarmEngine m_engine;
    ConditionTracker m_conditions;
    std::vector<News2StationInputs> m_news2Inputs;           // per patient row
    // The last NEWS2 written to the log per patient (logNews2).
    struct News2Logged
    {
        int score = -1;
        qint64 atMs = 0;
    };
    QHash<QString, News2Logged> m_news2Logged;
    void logNews2(const PatientRow& p, const News2Now& n2, qint64 now);
    QSet<QString> m_exitLogged; // patients not at elopement risk at an exit now: logged once per visit
    std::vector<QHash<QString, VitalLimit>> m_patientLimits; // per patient row: rule id -> override
    QHash<QString, QString> m_openEventAlarms;               // "sos|device" -> alarm id
    QHash<QString, LocalCondition> m_local;
    const std::atomic<qint64>* m_guiBeat = nullptr;
};

} // namespace ww
