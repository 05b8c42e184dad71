// AlarmRules (core/alarmrules.h): each rule's condition over the ward's rows, observed with its
// onset delay and raised, refreshed or ended through the alarm engine. Core thread only.
#include "core/alarmrules.h"
#include "core/news2score.h"
#include "core/logging.h"

#include <QDateTime>
#include <cmath>

namespace ww {

namespace {

QString fmt(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

int decimalsFor(VitalKind k)
{
    return k == VitalKind::Temperature ? 1 : 0;
}

} // namespace

AlarmRules::AlarmRules(const Site& site, const Clock& clock, WardState& state, const QString& stationId, AlarmLog* log,
                       AlarmPublisher* publisher, AlarmEngine::Observer* observer)
    : m_site(site), m_clock(clock), m_state(state), m_engine(site.alarms, clock, stationId, log, publisher, observer),
      m_conditions(m_engine), m_news2Inputs(state.rows().patients.size()), m_patientLimits(state.rows().patients.size())
{
}

void placeAt(AlarmRaise& a, const Location& loc)
{
    if (!loc.known)
        return;
    a.place = loc.roomName.isEmpty() ? QStringLiteral("floor %1").arg(loc.floor)
                                     : loc.roomName + QStringLiteral(" (floor %1)").arg(loc.floor);
    a.roomId = loc.roomId;
}

void placeAt(AlarmRaise& a, const PatientRow& p, const Site& site)
{
    if (p.location.known)
        return placeAt(a, p.location);
    if (const Bed* bed = site.bed(p.bed))
        if (const Room* room = site.room(bed->room)) {
            a.place = room->name + QStringLiteral(" (bed %1)").arg(p.bed);
            a.roomId = room->id;
        }
}

const VitalLimit* AlarmRules::limitFor(int patient, const VitalLimit& rule) const
{
    const auto& overrides = m_patientLimits[size_t(patient)];
    const auto it = overrides.constFind(rule.id);
    return it == overrides.constEnd() ? &rule : &it.value();
}

void AlarmRules::evaluatePatient(int row, qint64 now)
{
    PatientRow& p = rows().patients[size_t(row)];
    if (p.vacant())
        return;
    const AlarmSettings& cfg = m_site.alarms;
    const qint64 maxAge = qint64(cfg.news2.vitalsMaxAgeS) * 1000;
    const bool live = p.vitalsSignal == SignalState::Live;
    auto fresh = [&](VitalKind k) {
        const Reading& r = p.vitals[size_t(k)];
        return live && r.valid && now - r.timeMs <= maxAge;
    };
    const QString subject = p.name + QStringLiteral(" (bed %1)").arg(p.bed);
    for (const VitalLimit& rule : cfg.vitalLimits) {
        const VitalLimit& l = *limitFor(row, rule);
        const Reading& r = p.vitals[size_t(l.kind)];
        const bool low = l.below && r.value < *l.below;
        const bool high = l.above && r.value > *l.above;
        const bool holds = fresh(l.kind) && (low || high);
        m_conditions.observe(l.id + QChar(u'|') + p.id, holds, r.timeMs, now, l.delayS, [&] {
            AlarmRaise a;
            a.rule = l.id;
            a.subjectKey = p.id;
            a.patientId = p.id;
            a.subject = subject;
            placeAt(a, p, m_site);
            a.source = p.monitor;
            a.value = r.value;
            a.limit = low ? *l.below : *l.above;
            a.setCondition(low ? QStringLiteral("vital.low") : QStringLiteral("vital.high"),
                           {toString(l.kind), fmt(r.value, decimalsFor(l.kind)), fmt(a.limit, decimalsFor(l.kind))});
            a.priority = l.priority;
            return a;
        });
    }

    // Out of a bed armed for it (the care plan): high for a patient at fall risk.
    {
        const bool out = p.bedExitArmed && p.bedState.left() && now - p.bedState.timeMs <= maxAge;
        m_conditions.observe(QStringLiteral("bed.exit|") + p.id, out, p.bedState.timeMs, now, cfg.rule(QStringLiteral("bed.exit")).delayS, [&] {
            AlarmRaise a;
            a.rule = QStringLiteral("bed.exit");
            a.subjectKey = p.id;
            a.patientId = p.id;
            a.subject = subject;
            placeAt(a, p, m_site);
            const Bed* bed = m_site.bed(p.bed);
            a.source = bed ? bed->device : p.bed;
            a.setCondition(p.fallRisk ? QStringLiteral("bed.exit.fall-risk") : QStringLiteral("bed.exit"), {p.bed});
            if (p.fallRisk)
                a.priority = Priority::High;
            return a;
        });
    }
    // NEWS2 from the latest readings and the station's inputs (core/news2score.h).
    const News2Now n2 = news2Now(p, m_news2Inputs[size_t(row)], cfg.news2, now);
    if (!n2.any) {
        if (p.news2 != -1) {
            p.news2 = -1;
            m_state.markPatient(row);
        }
        return;
    }
    const int total = n2.total;
    const bool partial = n2.partial;
    const QStringList& missing = n2.missing;
    const qint64 sampleMs = n2.sampleMs;
    const QString& detail = n2.detail;
    const news2::Response band = n2.band;
    const std::optional<Priority>& bandPriority = n2.bandPriority;
    const bool single3 = band == news2::Response::UrgentWardResponse;
    if (p.news2 != total || p.news2Partial != partial || p.news2Detail != detail || p.news2Priority != bandPriority ||
        p.news2Single3 != single3) {
        p.news2Single3 = single3;
        p.news2 = total;
        p.news2Partial = partial;
        p.news2Detail = detail;
        p.news2Priority = bandPriority;
        m_state.markPatient(row);
    }
    logNews2(p, n2, now);
    if (!cfg.news2.enabled)
        return;
    const news2::Response resp = band;
    // One occurrence per band: a rise to a higher band is a new alarm that sounds again.
    struct Band
    {
        news2::Response level;
        const char* key;
        Priority priority;
        int limit;
    };
    const Band bands[] = {{news2::Response::UrgentWardResponse, "single3", cfg.news2.single3, 3},
                          {news2::Response::Urgent, "urgent", cfg.news2.urgent, 5},
                          {news2::Response::Emergency, "emergency", cfg.news2.emergency, 7}};
    for (const Band& b : bands) {
        m_conditions.observe(QStringLiteral("news2|%1|%2").arg(p.id, QLatin1String(b.key)), resp == b.level, sampleMs,
                              now, cfg.rule(QStringLiteral("news2")).delayS, [&] {
                                  AlarmRaise a;
                                  a.rule = QStringLiteral("news2");
                                  a.subjectKey = p.id + QChar(u'-') + QLatin1String(b.key);
                                  a.subject = subject;
                                  a.patientId = p.id;
                                  placeAt(a, p, m_site);
                                  a.source = p.monitor;
                                  a.value = total;
                                  a.limit = b.limit;
                                  const bool single = b.level == news2::Response::UrgentWardResponse;
                                  QStringList args{QString::number(total)};
                                  if (!single)
                                      args << QString::number(b.limit);
                                  if (partial)
                                      args << missing.join(QStringLiteral(", "));
                                  a.setCondition(QStringLiteral("news2.%1%2")
                                                     .arg(single ? QStringLiteral("single3") : QStringLiteral("band"),
                                                          partial ? QStringLiteral(".partial") : QString()),
                                                 args);
                                  a.priority = b.priority;
                                  return a;
                              });
    }
}

void AlarmRules::evaluateEnv(int row, qint64 now)
{
    const EnvRow& e = rows().environment[size_t(row)];
    const AlarmSettings& cfg = m_site.alarms;
    const bool live = e.signal == SignalState::Live;
    if (e.kind == EnvKind::Fridge) {
        const Fridge* f = m_site.fridge(e.id);
        const auto& t = e.temperatureC;
        const bool low = t && f && *t < f->minC, high = t && f && *t > f->maxC;
        m_conditions.observe(QStringLiteral("env.fridge|") + e.id, live && (low || high), e.timeMs, now,
                              f ? f->graceS : 900, [&] {
                                  AlarmRaise a;
                                  a.rule = QStringLiteral("env.fridge");
                                  a.subjectKey = e.id;
                                  a.subject = e.name;
                                  if (const Room* room = f ? m_site.room(f->room) : nullptr) {
                                      a.place = room->name;
                                      a.roomId = room->id;
                                  }
                                  a.source = e.sensorId;
                                  a.value = *t;
                                  a.limit = low ? f->minC : f->maxC;
                                  a.setCondition(low ? QStringLiteral("fridge.low") : QStringLiteral("fridge.high"),
                                                 {fmt(*t, 1), fmt(a.limit, 1)});
                                  return a;
                              });
    }
    if (e.kind == EnvKind::Fridge || e.kind == EnvKind::Door) {
        const Fridge* f = e.kind == EnvKind::Fridge ? m_site.fridge(e.id) : nullptr;
        const int limitS = f ? f->doorOpenLimitS : cfg.roomDoorOpenLimitS;
        const bool open = e.door == DoorState::Open;
        m_conditions.observe(QStringLiteral("env.door|") + e.sensorId, live && open, e.doorSinceMs, now, limitS, [&] {
            AlarmRaise a;
            a.rule = QStringLiteral("env.door");
            a.subjectKey = e.sensorId;
            a.subject = e.name;
            a.place = f ? (m_site.room(f->room) ? m_site.room(f->room)->name : QString()) : e.name;
            a.roomId = f ? f->room : e.id; // a door or room sensor's row is its room
            a.source = e.sensorId;
            a.value = double(now - e.doorSinceMs) / 1000.0;
            a.limit = limitS;
            a.setCondition(QStringLiteral("door.open"), {fmt(a.value), QString::number(limitS)});
            return a;
        });
    }
    if (e.kind == EnvKind::Room) {
        // The pressure difference of an isolation room (or any room with a dP target) is its own
        // alarm: medium, high while a patient lies in the room per the census.
        const auto& dp = e.diffPressurePa;
        const Range& dpTarget = e.targets.diffPressurePa;
        const bool dpLow = dp && dpTarget.min && *dp < *dpTarget.min, dpHigh = dp && dpTarget.max && *dp > *dpTarget.max;
        m_conditions.observe(QStringLiteral("env.pressure|") + e.id, live && (dpLow || dpHigh), e.timeMs, now,
                              m_site.alarms.rule(QStringLiteral("env.pressure")).delayS, [&] {
                                  AlarmRaise a;
                                  a.rule = QStringLiteral("env.pressure");
                                  a.subjectKey = e.id;
                                  a.subject = e.name;
                                  a.place = e.name;
                                  a.roomId = e.id;
                                  a.source = e.sensorId;
                                  a.value = *dp;
                                  a.limit = dpLow ? *dpTarget.min : *dpTarget.max;
                                  QStringList occupants;
                                  for (const PatientRow& p : rows().patients)
                                      if (const Bed* bed = p.vacant() ? nullptr : m_site.bed(p.bed); bed && bed->room == e.id)
                                          occupants << p.name;
                                  if (!occupants.isEmpty())
                                      a.priority = Priority::High;
                                  QStringList args{fmt(*dp, 1), dpLow ? QStringLiteral(">=") : QStringLiteral("<="), fmt(a.limit, 1)};
                                  if (!occupants.isEmpty())
                                      args << occupants.join(QStringLiteral(", "));
                                  a.setCondition(occupants.isEmpty() ? QStringLiteral("climate.pressure") : QStringLiteral("climate.pressure-occupied"),
                                                 args);
                                  return a;
                              });
        // The other quantities together: one climate alarm per room, after the site's grace time.
        QStringList others;
        for (const QString& item : e.outOfTarget)
            if (!item.startsWith(QStringLiteral("dP ")))
                others << item;
        m_conditions.observe(QStringLiteral("env.climate|") + e.id, live && !others.isEmpty(), e.timeMs, now,
                              std::max(cfg.climateGraceS, m_site.alarms.rule(QStringLiteral("env.climate")).delayS), [&] {
                                  AlarmRaise a;
                                  a.rule = QStringLiteral("env.climate");
                                  a.subjectKey = e.id;
                                  a.subject = e.name;
                                  a.place = e.name;
                                  a.roomId = e.id;
                                  a.source = e.sensorId;
                                  a.setCondition(QStringLiteral("climate.out-of-range"), {others.join(QStringLiteral(", "))});
                                  return a;
                              });
    }
}

void AlarmRules::evaluateLocation(int tag, qint64 now)
{
    if (tag < 0 || m_state.tagDevice(tag) < 0)
        return;
    const DeviceRef& r = m_state.tagRef(tag);
    const AlarmSettings& cfg = m_site.alarms;
    // The geofence of a kind that holds the located tag; of overlapping ones, the nearest centre.
    auto fenceAt = [this](const Location& loc, GeofenceKind kind) -> const Geofence* {
        if (!loc.known)
            return nullptr;
        const Geofence* best = nullptr;
        double bestD = 0;
        for (const Geofence& g : m_site.geofences)
            if (g.kind == kind && g.contains(loc.floor, QPointF(loc.x, loc.y))) {
                const QPointF c = g.polygon.boundingRect().center();
                const double d = std::hypot(c.x() - loc.x, c.y() - loc.y);
                if (!best || d < bestD) {
                    best = &g;
                    bestD = d;
                }
            }
        return best;
    };
    if (r.patient >= 0) {
        const PatientRow& p = rows().patients[size_t(r.patient)];
        const bool live = p.tagSignal != SignalState::NoSignal;
        for (const auto& [rule, kind] : {std::pair{QStringLiteral("loc.exit"), GeofenceKind::Exit},
                                         std::pair{QStringLiteral("loc.restricted"), GeofenceKind::Restricted}}) {
            const Geofence* fence = live ? fenceAt(p.location, kind) : nullptr;
            // At an exit: an alarm for a patient at elopement risk; for anyone else a line in the log,
            // once per visit (docs/alarms.md, "The shift").
            if (kind == GeofenceKind::Exit && !p.elopementRisk) {
                if (fence && !m_exitLogged.contains(p.id))
                    m_engine.audit(QStringLiteral("location: %1 (%2) at %3, not at elopement risk: logged, no alarm")
                                       .arg(p.id, p.name, fence->name),
                                   {}, {});
                if (fence)
                    m_exitLogged.insert(p.id);
                else
                    m_exitLogged.remove(p.id);
                fence = nullptr;
            }
            m_conditions.observe(rule + QChar(u'|') + p.id, fence != nullptr, p.location.timeMs, now, cfg.rule(rule).delayS, [&] {
                AlarmRaise a;
                a.rule = rule;
                a.subjectKey = p.id;
                a.subject = p.name + QStringLiteral(" (bed %1)").arg(p.bed);
                a.patientId = p.id;
                placeAt(a, p.location);
                a.source = p.wristband;
                a.setCondition(kind == GeofenceKind::Exit ? QStringLiteral("location.exit") : QStringLiteral("location.restricted"),
                               {fence->name});
                return a;
            });
        }
    } else if (r.asset >= 0) {
        // Leaving the ward: an asset in an exit fence. Moving between the ward's floors is normal use.
        const AssetRow& as = rows().assets[size_t(r.asset)];
        const Geofence* fence = as.signal != SignalState::NoSignal ? fenceAt(as.location, GeofenceKind::Exit) : nullptr;
        const QString rule = QStringLiteral("loc.asset-zone");
        m_conditions.observe(rule + QChar(u'|') + as.id, fence != nullptr, as.location.timeMs, now, cfg.rule(rule).delayS, [&] {
            AlarmRaise a;
            a.rule = rule;
            a.subjectKey = as.id;
            a.subject = as.name;
            placeAt(a, as.location);
            a.source = as.tag;
            a.setCondition(QStringLiteral("location.asset-leaving"), {fence->name});
            return a;
        });
    }
}

void AlarmRules::evaluateDevice(int row, qint64 now)
{
    const DeviceRow& d = rows().devices[size_t(row)];
    const DeviceFaults& faults = m_state.faults(row);
    const bool gateway = d.kind == DeviceKind::Gateway;
    const QString silentRule = gateway ? QStringLiteral("tech.gateway-offline") : QStringLiteral("tech.silent");
    const QString silentKey = silentRule + QChar(u'|') + d.id;
    auto subject = [&d] {
        return d.subject.isEmpty() ? d.id : d.subject + QStringLiteral(" (") + d.id + QChar(u')');
    };
    const qint64 steadyNow = m_clock.steadyMs();
    // Onset: when the silence limit passed, from the last message (rounded to the second). The
    // silence is measured on the steady clock, as "no signal" is, and dated back from now.
    const qint64 silentForMs = d.lastSeenSteadyMs ? steadyNow - *d.lastSeenSteadyMs : 0;
    const qint64 onset = ((now - silentForMs) / 1000) * 1000 + qint64(m_site.timingFor(d.kind).silentAfterS * 1000);
    const bool down = d.inService && d.signal == SignalState::NoSignal && d.lastSeenMs != 0;
    // Hysteresis: once raised, the alarm holds until the device has been back for BackForMs, so a
    // device that keeps dropping out (a flapping gateway, a status toggling) is one alarm, not one
    // per drop; while it drops again and again it says so.
    const bool recovering = !down && d.inService && d.signal == SignalState::Live &&
                            m_conditions.active(silentKey) && faults.liveSinceSteadyMs &&
                            steadyNow - *faults.liveSinceSteadyMs < BackForMs;
    const int drops = m_state.recentDrops(row, steadyNow);
    m_conditions.observe(silentKey, down || recovering, onset, now, 0, [&] {
        AlarmRaise a;
        a.rule = silentRule;
        a.subjectKey = d.id;
        a.subject = subject();
        a.source = d.id;
        a.value = double(silentForMs) / 1000.0;
        a.limit = m_site.timingFor(d.kind).silentAfterS;
        if (drops >= 2)
            a.setCondition(QStringLiteral("device.unstable"),
                           {toString(d.kind), QString::number(drops),
                            QString::number(WardState::FlapWindowMs / 60'000)});
        else if (d.statusOnline && !*d.statusOnline)
            a.setCondition(QStringLiteral("device.offline"), {toString(d.kind)});
        else
            a.setCondition(QStringLiteral("device.silent"), {toString(d.kind), fmt(a.limit)});
        return a;
    });
    // A clock far off: the station corrects the device's times (core/wardstate.h), and says so.
    const qint64 correction = faults.clock.correctionMs();
    m_conditions.observe(QStringLiteral("tech.device-clock|") + d.id, d.inService && faults.clock.wrong(),
                         (now / 1000) * 1000, now,
                         m_site.alarms.rule(QStringLiteral("tech.device-clock")).delayS, [&] {
                             AlarmRaise a;
                             a.rule = QStringLiteral("tech.device-clock");
                             a.subjectKey = d.id;
                             a.subject = subject();
                             a.source = d.id;
                             a.value = std::round(double(std::abs(correction)) / 60'000.0);
                             a.limit = double(DeviceClock::WrongMs / 60'000);
                             a.setCondition(correction < 0 ? QStringLiteral("device.clock-behind")
                                                           : QStringLiteral("device.clock-ahead"),
                                            {toString(d.kind), fmt(a.value)});
                             return a;
                         });
    const int limit = m_site.alarms.lowBatteryPct;
    const bool low = d.inService && d.batteryPct && *d.batteryPct < limit;
    m_conditions.observe(QStringLiteral("tech.battery|") + d.id, low, now, now, 0, [&] {
        AlarmRaise a;
        a.rule = QStringLiteral("tech.battery");
        a.subjectKey = d.id;
        a.occurrence = QStringLiteral("battery");
        a.subject = d.subject.isEmpty() ? d.id : d.subject + QStringLiteral(" (") + d.id + QChar(u')');
        a.source = d.id;
        a.value = *d.batteryPct;
        a.limit = limit;
        a.setCondition(QStringLiteral("device.battery-low"), {QString::number(*d.batteryPct), QString::number(limit)});
        return a;
    });
}

void AlarmRules::event(const DeviceEventMsg& ev, int deviceRow)
{
    QString rule;
    switch (ev.kind) {
    case DeviceEventKind::Panic:
    case DeviceEventKind::ButtonLong: rule = QStringLiteral("event.panic"); break;
    case DeviceEventKind::Fall: rule = QStringLiteral("event.fall"); break;
    case DeviceEventKind::SosStart: rule = QStringLiteral("event.sos"); break;
    case DeviceEventKind::ManDown:
    case DeviceEventKind::AbnormalInactivity: rule = QStringLiteral("event.man-down"); break;
    case DeviceEventKind::RemovedFromBody: rule = QStringLiteral("event.band-removed"); break;
    case DeviceEventKind::SosEnd: {
        const QString id = m_openEventAlarms.take(QStringLiteral("sos|") + ev.deviceId);
        if (!id.isEmpty())
            m_engine.end(id);
        return;
    }
    case DeviceEventKind::LowBattery:
    case DeviceEventKind::ButtonSingle:
    case DeviceEventKind::ButtonDouble: return; // battery: from the status; single and double presses: no alarm
    }
    const DeviceRef& r = *m_state.find(ev.deviceId);
    AlarmRaise a;
    a.rule = rule;
    a.subjectKey = ev.deviceId;
    a.occurrence = QStringLiteral("%1-%2").arg(ev.boot).arg(ev.seq);
    // On this station's clock: a device clock hours behind makes no event "late" by hours, and
    // none is placed after it arrived.
    const WardState::EventTime at = m_state.eventTime(deviceRow, ev);
    a.onsetMs = at.timeMs;
    a.source = ev.deviceId;
    a.late = at.late;
    a.endsOnAck = ev.kind != DeviceEventKind::SosStart;
    Location where;
    if (r.patient >= 0) {
        const PatientRow& p = rows().patients[size_t(r.patient)];
        a.subject = p.name + QStringLiteral(" (bed %1)").arg(p.bed);
        a.patientId = p.id;
        placeAt(a, p, m_site);
    } else if (r.staff >= 0) {
        const StaffRow& s = rows().staff[size_t(r.staff)];
        a.subject = s.name + QStringLiteral(" (") + s.role + QChar(u')');
        placeAt(a, s.location);
    } else {
        a.subject = rows().devices[size_t(deviceRow)].subject;
    }
    if (at.late)
        a.setCondition(
            QStringLiteral("event.late"),
            {toString(ev.kind), ev.deviceId,
             QDateTime::fromMSecsSinceEpoch(at.timeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"))});
    else
        a.setCondition(QStringLiteral("event"), {toString(ev.kind), ev.deviceId});
    const QString id = m_engine.raise(a);
    if (ev.kind == DeviceEventKind::SosStart && !id.isEmpty())
        m_openEventAlarms.insert(QStringLiteral("sos|") + ev.deviceId, id);
}

void AlarmRules::apply(const AlarmStateMsg& m)
{
    if (m.cleared)
        m_engine.applyRemoteClosed(m.state.id);
    else if (m.state.stationId != stationId() || !m_engine.find(m.state.id))
        m_engine.applyRemote(m.state);
}

void AlarmRules::setLocalCondition(const QString& rule, const QString& key, bool holds, const QString& code,
                                   const QStringList& args)
{
    m_local.insert(rule + QChar(u'|') + key, LocalCondition{rule, key, code, args, holds});
    const qint64 now = m_clock.nowMs();
    m_conditions.observe(rule + QChar(u'|') + key, holds, now, now, m_site.alarms.rule(rule).delayS, [&] {
        AlarmRaise a;
        a.rule = rule;
        a.subjectKey = stationId() + QChar(u'-') + key;
        a.subject = QStringLiteral("Station %1").arg(stationId()); // English data: shownData()
        a.source = stationId();
        if (knownCondition(code))
            a.setCondition(code, args);
        else
            a.condition = code; // a text without a code
        // Other stations must learn that this one cannot log or that its screen froze.
        a.local = rule != u"tech.gui-hung" && rule != u"tech.log";
        return a;
    });
}

AckResult AlarmRules::acknowledge(const QString& alarmId, const QString& operatorId, const QString& operatorName,
                                  const QString& comment)
{
    return m_engine.acknowledge(alarmId, operatorId, operatorName, comment);
}

bool AlarmRules::audit(const QString& what, const QString& operatorId, const QString& operatorName)
{
    return m_engine.audit(what, operatorId, operatorName);
}

void AlarmRules::logNews2(const PatientRow& p, const News2Now& n2, qint64 now)
{
    // The score's trend for the record (the shift report reads it): when the score changes or every
    // 15 min, at most once a minute per patient. A partial score says so and what it misses.
    News2Logged& last = m_news2Logged[p.id];
    const bool changed = last.score != n2.total;
    if ((changed && now - last.atMs < 60'000) || (!changed && now - last.atMs < 15 * 60'000))
        return;
    AlarmState s;
    s.rule = QStringLiteral("news2");
    s.category = AlarmCategory::Patient;
    s.patientId = p.id;
    s.subject = p.name + QStringLiteral(" (bed %1)").arg(p.bed);
    s.source = p.monitor;
    s.value = n2.total;
    s.onsetMs = n2.sampleMs;
    s.condition = QStringLiteral("NEWS2 %1%2").arg(n2.total).arg(n2.partial ? QStringLiteral(" (partial)") : QString());
    if (m_engine.record(QStringLiteral("news2"), s, n2.detail))
        last = {n2.total, now};
}

void AlarmRules::forgetPatient(int row, const QString& patientId)
{
    m_news2Logged.remove(patientId);
    m_conditions.endSubject(patientId); // vitals, NEWS2 and geofence alarms lose their cause
    m_news2Inputs[size_t(row)] = {};
    m_patientLimits[size_t(row)].clear();
}

void AlarmRules::setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2,
                              const QString& operatorId, const QString& operatorName)
{
    for (int i = 0; i < int(rows().patients.size()); ++i) {
        if (rows().patients[size_t(i)].id != patientId || operatorId.isEmpty())
            continue;
        News2StationInputs& in = m_news2Inputs[size_t(i)];
        in.consciousness = news2::Consciousness(std::clamp(consciousness, 0, 4));
        in.onOxygen = onOxygen;
        in.scale2 = scale2;
        in.enteredMs = m_clock.nowMs();
        in.enteredBy = operatorId;
        m_engine.audit(QStringLiteral("NEWS2 inputs for %1: ACVPU %2, %3, SpO2 scale %4")
                            .arg(patientId, news2::letter(in.consciousness), onOxygen ? QStringLiteral("oxygen") : QStringLiteral("air"))
                            .arg(scale2 ? 2 : 1),
                        operatorId, operatorName);
        evaluatePatient(i, m_clock.nowMs());
    }
}

void AlarmRules::setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above,
                               const QString& operatorId, const QString& operatorName)
{
    if (operatorId.isEmpty())
        return;
    for (int i = 0; i < int(rows().patients.size()); ++i) {
        if (rows().patients[size_t(i)].id != patientId)
            continue;
        for (const VitalLimit& rule : m_site.alarms.vitalLimits) {
            if (rule.id != ruleId)
                continue;
            const VitalLimit l = rule.withBounds(below, above);
            const VitalLimit* before = limitFor(i, rule);
            auto text = [](const VitalLimit& v) {
                return QStringLiteral("below %1, above %2")
                    .arg(v.below ? QString::number(*v.below) : QStringLiteral("-"),
                         v.above ? QString::number(*v.above) : QStringLiteral("-"));
            };
            m_engine.audit(QStringLiteral("limit %1 for %2: %3 -> %4").arg(ruleId, patientId, text(*before), text(l)),
                            operatorId, operatorName);
            m_patientLimits[size_t(i)].insert(ruleId, l);
            evaluatePatient(i, m_clock.nowMs());
        }
    }
}

// PAR levels: fewer assets of a type available in their zone than the critical count. The onset is
// the newest position among the type's assets, as every station positions them from the same reports.
void AlarmRules::evaluateParLevels(qint64 now)
{
    const QString rule = QStringLiteral("asset.par-low");
    for (const ParCount& c : parCounts(m_site, rows().assets)) {
        const ParLevel& par = *c.level;
        qint64 newest = 0;
        for (const AssetRow& a : rows().assets)
            if (a.type == par.type)
                newest = std::max(newest, a.location.timeMs);
        m_conditions.observe(rule + QChar(u'|') + par.type, c.critical(), newest ? newest : now, now,
                              m_site.alarms.rule(rule).delayS, [&] {
                                  QStringList rooms;
                                  for (const QString& id : par.rooms)
                                      if (const Room* room = m_site.room(id))
                                          rooms << room->name;
                                  AlarmRaise a;
                                  a.rule = rule;
                                  a.subjectKey = par.type;
                                  a.subject = par.name;
                                  a.place = rooms.isEmpty() ? QStringLiteral("clean utility rooms") : rooms.join(QStringLiteral(", "));
                                  a.source = QStringLiteral("par:") + par.type;
                                  a.setCondition(QStringLiteral("asset.par-low"),
                                                 {par.name, QString::number(c.available), QString::number(par.critical),
                                                  QString::number(par.target)});
                                  a.value = c.available;
                                  a.limit = par.critical;
                                  return a;
                              });
    }
}

void AlarmRules::evaluateRules()
{
    const qint64 now = m_clock.nowMs();
    for (int i = 0; i < int(rows().patients.size()); ++i)
        evaluatePatient(i, now);
    for (int i = 0; i < int(rows().environment.size()); ++i)
        evaluateEnv(i, now);
    for (int i = 0; i < int(rows().devices.size()); ++i)
        evaluateDevice(i, now);
    for (int tag = 0; tag < m_state.tagCount(); ++tag)
        evaluateLocation(tag, now);
    evaluateParLevels(now);
}

void AlarmRules::evaluateStation()
{
    for (const auto& c : std::as_const(m_local))
        if (c.holds)
            setLocalCondition(c.rule, c.key, c.holds, c.code, c.args);
    if (m_engine.logHealthy())
        setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("log"), false, {}, {});
    if (m_guiBeat) {
        const qint64 silentMs = m_clock.steadyMs() - m_guiBeat->load(std::memory_order_relaxed); // steady, as the beat
        setLocalCondition(QStringLiteral("tech.gui-hung"), QStringLiteral("gui"), silentMs > 5000,
                          QStringLiteral("station.screen-hung"), {QString::number(silentMs / 1000)});
    }
    m_engine.tick();
}

} // namespace ww
