#include "domain/alarmtypes.h"

#include <algorithm>

namespace ww {

QString toString(Priority p)
{
    switch (p) {
    case Priority::Low: return QStringLiteral("low");
    case Priority::Medium: return QStringLiteral("medium");
    case Priority::High: return QStringLiteral("high");
    }
    return {};
}

std::optional<Priority> priorityFromString(const QString& text)
{
    for (Priority p : {Priority::Low, Priority::Medium, Priority::High})
        if (text == toString(p))
            return p;
    return std::nullopt;
}

QString toString(Phase p)
{
    switch (p) {
    case Phase::Active: return QStringLiteral("active");
    case Phase::ResolvedUnacked: return QStringLiteral("resolved-unacknowledged");
    case Phase::Acknowledged: return QStringLiteral("acknowledged");
    case Phase::Resolved: return QStringLiteral("resolved");
    case Phase::Closed: return QStringLiteral("closed");
    }
    return {};
}

QString toString(AlarmCategory c)
{
    switch (c) {
    case AlarmCategory::Patient: return QStringLiteral("patient");
    case AlarmCategory::Event: return QStringLiteral("event");
    case AlarmCategory::Environment: return QStringLiteral("environment");
    case AlarmCategory::Location: return QStringLiteral("location");
    case AlarmCategory::Technical: return QStringLiteral("technical");
    }
    return {};
}

const AlarmRule& AlarmSettings::rule(const QString& id) const
{
    static const AlarmRule fallback{QString(), AlarmCategory::Technical, Priority::Low, false, 0, true, {}};
    const auto it = rules.constFind(id);
    return it == rules.constEnd() ? fallback : it.value();
}

AlarmSettings defaultAlarmSettings()
{
    AlarmSettings s;
    const std::vector<EscalationStep> chain{{QStringLiteral("assigned-nurse"), 60},
                                            {QStringLiteral("charge-nurse"), 120},
                                            {QStringLiteral("all-stations"), 0}};
    const std::vector<EscalationStep> facilities{{QStringLiteral("facilities"), 900}, {QStringLiteral("charge-nurse"), 0}};
    const std::vector<EscalationStep> it{{QStringLiteral("it-on-call"), 0}};
    auto add = [&s](const char* id, AlarmCategory c, Priority p, bool latching, int delayS, std::vector<EscalationStep> esc) {
        AlarmRule r{QLatin1String(id), c, p, latching, delayS, true, std::move(esc)};
        s.rules.insert(r.id, r);
    };
    using C = AlarmCategory;
    using P = Priority;
    add("event.panic", C::Event, P::High, true, 0, chain);
    add("event.fall", C::Event, P::High, true, 0, chain);
    add("event.sos", C::Event, P::High, true, 0, chain);
    add("event.man-down", C::Event, P::High, true, 0, chain);
    add("event.band-removed", C::Event, P::Medium, true, 0, chain);
    add("news2", C::Patient, P::Low, false, 30, chain); // priority by band (News2Settings); a band must hold 30 s
    add("env.fridge", C::Environment, P::Medium, true, 0, facilities); // delay: the fridge's graceS
    add("env.door", C::Environment, P::Low, false, 0, facilities);     // delay: doorOpenLimitS
    add("env.climate", C::Environment, P::Low, false, 600, facilities);
    // An isolation room's pressure difference: medium, high while a patient lies in the room.
    add("env.pressure", C::Environment, P::Medium, false, 60, facilities);
    add("loc.exit", C::Location, P::Medium, false, 5, chain);
    // Reminders (domain/reminders.h): low until overdue, then the site's overduePriority. A task on
    // the list, not a call: no escalation (a site may add one).
    add("reminder.observations", C::Patient, P::Low, false, 0, {});
    add("reminder.medication", C::Patient, P::Low, false, 0, {});
    add("reminder.reposition", C::Patient, P::Low, false, 0, {});
    // A patient out of a bed armed for it: medium; high for a patient at fall risk (docs/alarms.md).
    // Latching: a patient back in bed may have fallen on the way; someone goes to see.
    add("bed.exit", C::Patient, P::Medium, true, 0, chain);
    add("loc.restricted", C::Location, P::Medium, false, 10, chain);
    add("loc.asset-zone", C::Location, P::Low, false, 10, facilities);
    add("asset.par-low", C::Location, P::Low, false, 60, facilities); // fewer available than the PAR's critical
    add("tech.silent", C::Technical, P::Low, false, 0, it);
    add("tech.gateway-offline", C::Technical, P::Medium, false, 0, it);
    add("tech.battery", C::Technical, P::Low, false, 0, it);
    // A device's clock far off (core/wardstate.h, DeviceClock): the station corrects its times, but
    // onsets, charts and records need the device fixed. Low, like a silent device.
    add("tech.device-clock", C::Technical, P::Low, false, 0, it);
    // Losing the broker: no alarm of any device reaches this station. High, above every other
    // technical alarm, after a short grace (a hung broker is noticed by the keepalive first).
    add("tech.broker", C::Technical, P::High, false, 2, {});
    // Shared state from the wire refused (docs/wire-contract.md, "What a station accepts").
    add("tech.refused", C::Technical, P::Medium, true, 0, {});
    add("tech.log", C::Technical, P::High, true, 0, {});
    // Device events whose sequence numbers never arrived (a broker that died before saving them):
    // one of them may have been a press or a fall. Latching; acknowledging ends it.
    add("tech.events-lost", C::Technical, P::Medium, true, 0, {});
    add("tech.audio", C::Technical, P::Medium, false, 0, {});
    add("tech.alone", C::Technical, P::Low, false, 30, {});
    add("tech.site-hash", C::Technical, P::Medium, false, 0, {});
    // A station fed by positioning engines with none online: locations and geofences stand still.
    add("tech.engine", C::Technical, P::Medium, false, 10, {});
    add("tech.gui-hung", C::Technical, P::High, false, 0, {});
    // Another station's later entry put someone else into a bed this station had filled: the
    // displaced patient is no longer in this census (docs/operations.md); acknowledging ends it.
    add("tech.census-conflict", C::Technical, P::Medium, true, 0, {});
    // Vital-sign limits: SpO2 and very low pulse are prompt, life-threatening harm (high);
    // tachycardia, respiration and blood pressure reversible (medium); fever low.
    auto limit = [&](const char* id, VitalKind k, std::optional<double> below, std::optional<double> above, int delayS,
                     P p) {
        s.vitalLimits.push_back(VitalLimit{QLatin1String(id), k, below, above, delayS, p, false});
        add(id, C::Patient, p, false, delayS, chain);
    };
    limit("vitals.spo2-low", VitalKind::SpO2, 90, std::nullopt, 10, P::High);
    limit("vitals.hr-high", VitalKind::HeartRate, std::nullopt, 130, 10, P::Medium);
    limit("vitals.hr-low", VitalKind::HeartRate, 40, std::nullopt, 10, P::High);
    limit("vitals.rr-high", VitalKind::RespRate, std::nullopt, 30, 30, P::Medium);
    limit("vitals.rr-low", VitalKind::RespRate, 8, std::nullopt, 30, P::High);
    limit("vitals.sbp-low", VitalKind::SystolicBp, 90, std::nullopt, 30, P::Medium);
    limit("vitals.temp-high", VitalKind::Temperature, std::nullopt, 39.0, 120, P::Low);
    return s;
}

bool mergeAlarm(AlarmState& into, const AlarmState& o)
{
    if (into.id != o.id)
        return false;
    const AlarmState before = into;
    if (o.revision > into.revision || (o.revision == into.revision && o.stationId < into.stationId)) {
        into.condition = o.condition;
        into.conditionCode = o.conditionCode;
        into.conditionArgs = o.conditionArgs;
        into.value = o.value;
        into.limit = o.limit;
        if (!o.place.isEmpty())
            into.place = o.place;
        if (!o.roomId.isEmpty())
            into.roomId = o.roomId;
    }
    if (into.roomId.isEmpty()) // a station that sends no room id (older) never erases one
        into.roomId = o.roomId;
    if (into.rule.isEmpty()) {
        into.rule = o.rule;
        into.category = o.category;
        into.source = o.source;
        into.subject = o.subject;
        into.latching = o.latching;
    }
    into.endsOnAck = into.endsOnAck || o.endsOnAck;
    into.priority = std::max(into.priority, o.priority);
    if (o.onsetMs != 0 && (into.onsetMs == 0 || o.onsetMs < into.onsetMs))
        into.onsetMs = o.onsetMs;
    if (o.endedMs != 0 && (into.endedMs == 0 || o.endedMs < into.endedMs))
        into.endedMs = o.endedMs;
    if (o.ackedAtMs != 0 &&
        (into.ackedAtMs == 0 || o.ackedAtMs < into.ackedAtMs ||
         (o.ackedAtMs == into.ackedAtMs && o.ackedStation < into.ackedStation))) {
        into.ackedAtMs = o.ackedAtMs;
        into.ackedBy = o.ackedBy;
        into.ackedByName = o.ackedByName;
        into.ackedStation = o.ackedStation;
        into.ackComment = o.ackComment;
    }
    if (into.patientId.isEmpty())
        into.patientId = o.patientId;
    if (o.closedMs != 0 && (into.closedMs == 0 || o.closedMs < into.closedMs))
        into.closedMs = o.closedMs;
    into.escalationStep = std::max(into.escalationStep, o.escalationStep);
    into.late = into.late || o.late;
    if (o.revision > into.revision) {
        into.revision = o.revision;
        into.stationId = o.stationId;
    }
    return into.priority != before.priority || into.onsetMs != before.onsetMs || into.endedMs != before.endedMs ||
           into.ackedAtMs != before.ackedAtMs || into.ackedStation != before.ackedStation || into.ackComment != before.ackComment ||
           into.patientId != before.patientId ||
           into.closedMs != before.closedMs || into.escalationStep != before.escalationStep || into.late != before.late ||
           into.condition != before.condition || into.conditionArgs != before.conditionArgs || into.roomId != before.roomId || into.revision != before.revision;
}

} // namespace ww
