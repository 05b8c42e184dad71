#pragma once
// A room's climate setpoint for the site's building-management system, on the core thread:
// refused (progress with ok false, audited) unless the operator's role is one of the site's
// setpointRoles, the room has a climate sensor, the values lie within SetpointLimits and a reason
// is given; then sent (ClimateSetpoint on cmd/{bms}), logged, and followed until the BMS answers
// (CommandAck: received, accepted, declined, failed) or its ackTimeoutS passes.
#include "core/outputs.h"
#include "domain/clock.h"
#include "domain/site.h"

#include <QHash>
#include <QObject>

namespace ww {

class AlarmRules;

class Setpoints : public QObject
{
    Q_OBJECT
public:
    Setpoints(const Site& site, const Clock& clock, QObject* parent = nullptr);
    // A station with a log sends setpoints; without it, none are sent.
    void enable(const QString& stationId, AlarmRules* rules, CarePublisher* publisher);
    void send(const ClimateSetpointRequest& request, const QString& operatorId, const QString& operatorName);
    // No final answer within the site's timeout: said and logged. About once a second.
    void checkTimeouts();
    // The answer to a setpoint this station sent (true: it was one, handled).
    bool answer(const CommandAckMsg& m);

Q_SIGNALS:
    // Refused (ok false, no command id), sent, received, accepted, declined, failed, or no answer in
    // time (ok false); text as logged.
    void progress(const QString& commandId, const QString& roomId, bool ok, const QString& text);

private:
    struct Sent
    {
        ClimateSetpointMsg msg;
        QString operatorName;
        qint64 sentSteadyMs = 0;
        bool received = false;
    };
    const Site& m_site;
    const Clock& m_clock;
    QString m_stationId;
    AlarmRules* m_rules = nullptr;
    CarePublisher* m_publisher = nullptr;
    QHash<QString, Sent> m_sent; // by command id, until answered for good
    quint32 m_seq = 0;
};

} // namespace ww
