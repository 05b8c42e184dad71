#pragma once
// The station's side of alarms, on the GUI thread: the open-alarm list, audible signalling, the
// signed-in operator and the operator's actions, which it hands to the core thread. It never
// waits: PIN hashing runs on a worker, acknowledgements come back as signals.
#include "records/envrecord.h"
#include "alarms/alarmaudio.h"
#include "alarms/operators.h"
#include "models/alarmlistmodel.h"
#include "models/flashclock.h"

#include <QObject>
#include <QTimer>
#include <atomic>

namespace ww {

class WardCore;

class AlarmController : public QObject
{
    Q_OBJECT
public:
    // sound may be null (no audio at all: reported as a technical alarm).
    AlarmController(const Site& site, const Clock& clock, WardCore* core, AlarmSound* sound, QObject* parent = nullptr);
    ~AlarmController() override;

    [[nodiscard]] AlarmListModel& alarms() { return m_model; }
    // The clock every flashing indicator of this station follows (banner, floor plan).
    [[nodiscard]] FlashClock& flashClock() { return m_flash; }
    // The core the station's views ask their questions of (routes, look-back); null in unit tests.
    [[nodiscard]] WardCore* core() const { return m_core; }
    [[nodiscard]] const Site& site() const { return m_site; }
    [[nodiscard]] AlarmAudio* audio() { return m_audio.get(); }
    [[nodiscard]] QString operatorId() const { return m_operatorId; }
    [[nodiscard]] QString operatorName() const { return m_operatorName; }
    // Audio paused at other stations: who paused it where, until when (shown, never applied here).
    struct RemotePause
    {
        QString stationId, operatorName;
        qint64 untilMs = 0; // wall clock
    };
    [[nodiscard]] const QVector<RemotePause>& remotePauses() const { return m_remotePauses; }
    // Whether pausing now needs a comment: a high-priority alarm is sounding.
    [[nodiscard]] bool pauseNeedsComment() const;
    // Who holds the charge role, as last heard from the core (empty: nobody).
    [[nodiscard]] QString chargeNurseId() const { return m_chargeNurseId; }
    // The station's clock (wall and steady): what the views time "open for" and countdowns by.
    [[nodiscard]] const Clock& clock() const { return m_clock; }
    [[nodiscard]] QString logPath() const { return m_logPath; }
    // The station's readings record (fridges), beside the log (empty: none).
    [[nodiscard]] QString readingsPath() const { return readingsPathFor(m_logPath); }
    // The alarm log; the operators' record (rehashed PINs, lockouts) lies beside it.
    void setLogPath(const QString& path)
    {
        m_logPath = path;
        m_operators.setRecordPath(OperatorRecord::pathFor(path));
    }
    // The GUI thread's heartbeat, read by the core's watchdog.
    [[nodiscard]] const std::atomic<qint64>* heartbeat() const { return &m_heartbeat; }

public Q_SLOTS:
    void signIn(const QString& staffId, const QString& pin);
    void signOut();
    void acknowledge(const QString& alarmId, const QString& comment = {});
    // AUDIO PAUSED at this station for the site's audioPauseS. A high-priority alarm sounding needs
    // a comment (why it may wait), logged with the operator; refused (message, false) without one.
    bool pauseAudio(const QString& comment = {});
    void setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2);
    // A per-patient vital-sign limit (NaN: no limit on that side); logged with the operator.
    void setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above);
    // The census, made by the signed-in operator (the core checks, records, audits and publishes;
    // the outcome comes back as censusResult).
    void admitPatient(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
                      const QString& monitor);
    void transferPatient(const QString& patientId, const QString& bed);
    void dischargePatient(const QString& patientId);
    void pairDevices(const QString& patientId, const QString& wristband, const QString& monitor);
    // The care plan (core/careplan.h), by the signed-in operator; the outcome comes back as careResult.
    void assignPatient(const QString& patientId, const QString& nurseId); // nurseId empty: unassign
    void takePatient(const QString& patientId) { assignPatient(patientId, m_operatorId); }
    void setRiskFlags(const QString& patientId, bool fallRisk, bool elopementRisk, bool bedExitArmed);
    void setCareSchedule(const QString& patientId, int repositionEveryMin, const QStringList& medicationTimes);
    void takeCharge(); // the signed-in operator takes the charge role
    // A room's climate setpoint to the BMS, as the signed-in operator (the core checks the role).
    void sendSetpoint(const ww::ClimateSetpointRequest& request);

public:
    // The limit in force for a patient as this station set it (the site's rule otherwise).
    [[nodiscard]] VitalLimit patientLimit(const QString& patientId, const VitalLimit& rule) const;

Q_SIGNALS:
    void operatorChanged();
    void signInFinished(bool ok, const QString& message);
    void message(const QString& text, bool error);
    void audioChanged();
    void alarmUpdated(const ww::AlarmState& alarm); // after the list took it
    void censusResult(bool ok, const QString& message);
    void careResult(bool ok, const QString& message);
    // A climate setpoint's progress (WardCore::setpointProgress).
    void setpointProgress(const QString& commandId, const QString& roomId, bool ok, const QString& text);
    void chargeNurseChanged(const QString& staffId, const QString& name);
    void remotePausesChanged();

private:
    void onAlarm(const AlarmState& a);
    // Runs f(core, operator id, operator name) on the core thread, if someone is signed in.
    // Without an operator: the refusal as a message and as the result signal (census or care).
    template <typename F>
    void asOperator(const QString& refusal, F&& f, void (AlarmController::*result)(bool, const QString&) = &AlarmController::censusResult);

    const Site& m_site;
    const Clock& m_clock;
    WardCore* m_core;
    AlarmSound* m_sound;
    AlarmListModel m_model;
    FlashClock m_flash{m_model};
    std::unique_ptr<AlarmAudio> m_audio;
    OperatorRegistry m_operators;
    QString m_operatorId, m_operatorName, m_logPath, m_chargeNurseId;
    QVector<RemotePause> m_remotePauses;
    QHash<QString, VitalLimit> m_limits; // "patient|rule" -> limit set here
    QString m_discharging;               // a discharge sent to the core, until its result
    qint64 m_lastActionMs = 0;            // the operator's last action, for the automatic sign-out
    QTimer m_tick;
    std::atomic<qint64> m_heartbeat{0};
    std::shared_ptr<std::atomic<bool>> m_alive = std::make_shared<std::atomic<bool>>(true);
};

} // namespace ww
