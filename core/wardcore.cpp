#include "core/wardcore.h"
#include "core/logging.h"
#include "transport/signing.h"

#include <algorithm>
#include <utility>

namespace ww {

namespace {

IngestConfig forSite(IngestConfig c, const Site& site)
{
    c.siteId = site.id;
    c.trust = TrustSettings{site.signingKeys, site.acceptUnsigned};
    return c;
}

// Live readings can wait for the next drain tick; everything else (events, statuses, alarm state,
// presence, census) wakes the core at once.
std::vector<QString> roomIds(const Site& site)
{
    std::vector<QString> out;
    for (const Room& r : site.rooms)
        out.push_back(r.id);
    return out;
}

bool isLive(TopicKind kind)
{
    return kind == TopicKind::Adverts || kind == TopicKind::Vitals || kind == TopicKind::Env ||
           kind == TopicKind::Position || kind == TopicKind::Moko;
}

} // namespace

WardCore::WardCore(const Site& site, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats,
                   IngestConfig ingest, QObject* parent)
    : QObject(parent), m_site(site), m_clock(clock), m_stats(stats),
      m_ingest(forSite(std::move(ingest), site), directory, clock, stats),
      m_mokoFilter(m_ingest.config().mokoFilter.toStdString()), m_state(site, directory, clock, stats),
      m_fixer(site, directory), m_share(m_state.tagIds()), m_presence(site.hash), m_census(site, clock, m_state, this),
      m_care(site, clock, m_state, this),
      m_responders(site, m_state.rows().staff), m_history(roomIds(site), m_state.tagCount()), m_flushTimer(this), m_signalTimer(this), m_drainTimer(this),
      m_alarmTimer(this), m_memoryTimer(this) // children: they move to the core thread with us
{
    qRegisterMetaType<ww::WardUpdatePtr>();
    qRegisterMetaType<ww::DeviceEventMsg>();
    qRegisterMetaType<ww::AlarmState>();
    qRegisterMetaType<ww::ResponderMap>();
    qRegisterMetaType<ww::NearbyAsset>();
    qRegisterMetaType<ww::TagPosition>();
    qRegisterMetaType<ww::TrackPoint>();
    qRegisterMetaType<ww::TagExplanation>();
    connect(&m_setpoints, &Setpoints::progress, this, &WardCore::setpointProgress);
    connect(&m_census, &Census::result, this, &WardCore::censusResult);
    connect(&m_census, &Census::committed, this, &WardCore::flush);
    connect(&m_census, &Census::recordFailed, this, [this](const QString& code, const QString& error) {
        setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("census"), true, code, {error});
    });
    // A patient admitted, moved or discharged: the plan follows the patient onto their row.
    connect(&m_census, &Census::committed, &m_care, &CarePlan::refreshRows);
    connect(&m_care, &CarePlan::result, this, &WardCore::careResult);
    connect(&m_care, &CarePlan::changed, this, &WardCore::flush);
    connect(&m_care, &CarePlan::recordFailed, this, [this](const QString& code, const QString& error) {
        setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("care"), true, code, {error});
    });

    m_flushTimer.setInterval(FlushIntervalMs);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, &WardCore::flush);
    m_signalTimer.setInterval(1000);
    connect(&m_signalTimer, &QTimer::timeout, this, [this] {
        m_state.checkSignals();
        m_state.accountAssetUse();
    });
    m_drainTimer.setInterval(DrainIntervalMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &WardCore::drain);
    m_alarmTimer.setInterval(1000);
    connect(&m_alarmTimer, &QTimer::timeout, this, &WardCore::evaluateAlarms);
    m_memoryTimer.setInterval(60'000);
    connect(&m_memoryTimer, &QTimer::timeout, this, &WardCore::saveMemory);
}

WardCore::~WardCore()
{
    // Only a core that started (and so recalled the file) writes it: one never started knows less.
    if (!m_memoryPath.isEmpty() && m_started)
        saveMemory();
}

void WardCore::recallMemory()
{
    m_recalled = m_fixer.recallFile(m_memoryPath, m_clock.nowMs());
    if (!m_recalled.error.isEmpty())
        qCWarning(lcCore).noquote() << "positioning memory" << m_memoryPath << "not taken:" << m_recalled.error;
    else if (m_recalled.read)
        qCInfo(lcCore).noquote() << "positioning memory" << m_memoryPath << "recalled:" << m_recalled.levels << "receivers,"
                                 << m_recalled.tags << "tags;" << m_recalled.tooOld << "tags left out (last located too long ago),"
                                 << m_recalled.skipped << "entries not for this site as it is";
}

bool WardCore::saveMemory()
{
    const QString error = m_fixer.saveMemory(m_memoryPath, m_clock.nowMs());
    if (!error.isEmpty())
        qCWarning(lcCore).noquote() << "positioning memory" << m_memoryPath << "not saved:" << error;
    return error.isEmpty();
}

void WardCore::enableAlarms(const QString& stationId, const QString& logPath, StationOutputs outputs,
                            std::shared_ptr<const SigningKey> sealKey)
{
    m_alarmLog = std::make_unique<AlarmLog>(logPath);
    if (sealKey)
        m_alarmLog->setSealer(LogSealer{stationId, [sealKey](const QByteArray& m) { return signDetached(*sealKey, m); },
                                        [sealKey](const QByteArray& m, const QByteArray& sig) {
                                            return verifyDetached(sealKey->publicKey(), m, sig);
                                        }});
    m_envRecord = std::make_unique<EnvRecord>(readingsPathFor(logPath), logPath);
    if (const QString climatePath = climatePathFor(logPath); !climatePath.isEmpty() && climatePath != u":memory:") {
        m_climateRecord = std::make_unique<ClimateRecorder>(climatePath, m_site.climateRecord);
        m_climateRecord->moveToThread(thread()); // the core's thread, which adds, flushes and ends it
        connect(m_climateRecord.get(), &ClimateRecorder::health, this, [this](bool ok, const QString& error) {
            setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("climate-record"), !ok, QStringLiteral("station.climate-failed"),
                              {error});
        });
    }
    m_censusRecord = std::make_unique<CensusRecord>(logPath);
    AlarmEngine::Observer* observer = this;
    m_rules = std::make_unique<AlarmRules>(m_site, m_clock, m_state, stationId, m_alarmLog.get(), outputs.alarms, observer);
    m_rules->setGuiHeartbeat(m_guiBeat);
    m_census.enable(stationId, m_censusRecord.get(), m_rules.get(), outputs.census);
    m_careRecord = std::make_unique<CareRecord>(logPath);
    m_care.enable(stationId, m_careRecord.get(), m_rules.get(), outputs.care);
    m_setpoints.enable(stationId, m_rules.get(), outputs.care);
    m_carePublisher = outputs.care;
    m_presence.setStationId(stationId);
}

void WardCore::enableEngine(const QString& engineId, PositionPublisher* publisher)
{
    m_share.enable(engineId);
    m_positionPublisher = publisher;
    m_positionSource = PositionSource::Own;
    m_presence.setEngineId(engineId);
}

void WardCore::setGuiHeartbeat(const std::atomic<qint64>* beat)
{
    m_guiBeat = beat;
    if (m_rules)
        m_rules->setGuiHeartbeat(beat);
}

void WardCore::start()
{
    m_started = true;
    if (!m_memoryPath.isEmpty()) {
        recallMemory();
        m_memoryTimer.start();
    }
    m_flushTimer.start();
    m_signalTimer.start();
    m_drainTimer.start();
    if (m_rules) {
        m_rules->engine().restore();
        m_census.restore();
        m_care.restore();
        restoreRemindersDone();
        // The charge role as the record has it: the screen shows who is in charge from the start.
        if (const QString charge = m_care.holder(ChargeRole); !charge.isEmpty())
            Q_EMIT shiftRoleChanged(ChargeRole, charge, m_care.nameOf(charge));
        m_alarmTimer.start();
    }
    // The readings record before the first reading: the charts and reports read its file.
    if (m_envRecord && !m_envRecord->open()) {
        m_envRecordFailing = true;
        setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("env-record"), true, QStringLiteral("station.readings-failed"),
                          {m_envRecord->lastError()});
    }
    if (m_share.enabled()) // an engine's share before any other engine is heard: every tag
        Q_EMIT enginesChanged(m_share.engines(), m_share.ownedCount());
}

void WardCore::wake()
{
    QMetaObject::invokeMethod(this, &WardCore::drain, Qt::QueuedConnection);
}

void WardCore::receive(const char* topic, std::span<const std::byte> payload, qint64 rxMs)
{
    const ParsedTopic parsed = m_ingest.classify(topic);
    if (!m_ingest.admits(topic, parsed, payload.size()))
        return; // over the limit: counted, never copied
    if (m_inbox.addFrame(topic, parsed, payload, rxMs, !isLive(parsed.kind)))
        wake();
}

void WardCore::post(QVector<Decoded>&& messages)
{
    bool urgent = false;
    for (const auto& m : messages)
        urgent |= !(std::holds_alternative<BeaconBatch>(m) || std::holds_alternative<VitalsUpdate>(m) ||
                    std::holds_alternative<EnvUpdate>(m));
    if (m_inbox.addDecoded(std::move(messages), urgent))
        wake();
}

void WardCore::drain()
{
    QVector<Decoded> decoded = m_inbox.take([this](const Inbox::Frame& f) {
        apply(m_ingest.decode(f.topic, f.parsed, f.payload, f.rxMs));
    });
    apply(std::move(decoded));
}

void WardCore::apply(QVector<Decoded>&& messages)
{
    for (const auto& m : messages)
        std::visit([this](const auto& msg) { apply(msg); }, m);
    m_applied.fetch_add(quint64(messages.size()), std::memory_order_relaxed);
}

void WardCore::flushNow()
{
    drain();
    flush();
}

void WardCore::apply(const BeaconBatch& m)
{
    m_state.heard(m);
    m_fixer.add(m);
    m_reports.fetch_add(quint64(m.reports.size()), std::memory_order_relaxed);
}

void WardCore::apply(const VitalsUpdate& m)
{
    if (const int row = m_state.apply(m); row >= 0 && m_rules)
        m_rules->evaluatePatient(row, m_clock.nowMs());
}

void WardCore::apply(const DeviceEventMsg& m)
{
    const DeviceRef* r = m_state.ref(m.deviceId, TopicKind::Event);
    if (!r)
        return;
    if (!m_dedup.first(m, m_clock.steadyMs())) {
        m_duplicates.fetch_add(1, std::memory_order_relaxed);
        m_stats.countRejected(TopicKind::Event, RejectReason::Duplicate, m.deviceId,
                              QStringLiteral("event boot %1 seq %2 already seen").arg(m.boot).arg(m.seq));
        return;
    }
    DeviceEventMsg ev = m;
    ev.late = m.receiveTimeMs - m.deviceTimeMs > qint64(m_site.lateAfterS) * 1000;
    m_state.noteEvent(r->device, ev);
    qCInfo(lcCore) << "event" << toString(ev.kind) << "from" << ev.deviceId << (ev.late ? "late" : "");
    if (m_rules)
        m_rules->event(ev, r->device);
    Q_EMIT deviceEvent(ev);
}

void WardCore::apply(const EnvUpdate& m)
{
    // A fridge's record keeps every reading, late ones too: the compliance report is built from it.
    const DeviceRef* r = m_state.find(m.deviceId);
    if (m_envRecord && r && r->env >= 0 && m_state.rows().environment[size_t(r->env)].kind == EnvKind::Fridge)
        m_envRecord->add(m_state.rows().environment[size_t(r->env)].id, m.deviceId, m.deviceTimeMs, m.temperatureC,
                         m.door == DoorState::Unknown ? std::nullopt : std::optional<bool>(m.door == DoorState::Open));
    // A room's climate sensor or door contact: every reading into the climate record (its thread writes it).
    if (m_climateRecord && r && r->env >= 0) {
        const EnvRow& env = m_state.rows().environment[size_t(r->env)];
        if (env.kind == EnvKind::Room && (m.temperatureC || m.humidityPct || m.co2Ppm || m.pm25 || m.tvoc || m.diffPressurePa))
            m_climateRecord->add(ClimateReading{m.deviceId, env.id, m.deviceTimeMs,
                                                {m.temperatureC, m.humidityPct, m.co2Ppm, m.pm25, m.tvoc, m.diffPressurePa}, {}});
        else if (env.kind == EnvKind::Door && m.door != DoorState::Unknown)
            m_climateRecord->add(ClimateReading{m.deviceId, env.id, m.deviceTimeMs, {}, m.door == DoorState::Open});
    }
    if (const int row = m_state.apply(m); row >= 0 && m_rules)
        m_rules->evaluateEnv(row, m_clock.nowMs());
}

void WardCore::apply(const BedUpdate& m)
{
    if (const int row = m_state.apply(m); row >= 0 && m_rules)
        m_rules->evaluatePatient(row, m_clock.nowMs());
}

void WardCore::apply(const DeviceStatusMsg& m)
{
    if (const int row = m_state.apply(m); row >= 0 && m_rules)
        m_rules->evaluateDevice(row, m_clock.nowMs());
}

void WardCore::apply(const PositionMsg& m)
{
    const DeviceRef* r = m_state.ref(m.tagId, TopicKind::Position);
    if (!r || r->tag < 0)
        return;
    // A station that locates tags itself leaves the engines' answers aside: two sources would make
    // a tag's location alternate between them.
    if (!m.engineId.isEmpty() && m_positionSource == PositionSource::Own)
        return;
    // A position from an engine is evidence that the tag was heard: the tag is live, as with its
    // own adverts.
    if (!m.nearRoom.isEmpty() && !m_site.room(m.nearRoom)) {
        m_stats.countRejected(TopicKind::Position, RejectReason::OutOfRange, m.tagId,
                              QStringLiteral("$.near_room: \"%1\" is not a room of site %2").arg(m.nearRoom.left(64), m_site.id));
        return;
    }
    m_state.seen(r->device, m.timeMs);
    setLocation(r->tag, locationOf(m.room, m.roomState, m.nearRoom, m.floor, m.x, m.y, m.accuracyM, m.timeMs, true));
}

Location WardCore::locationOf(const QString& roomId, RoomState state, const QString& nearRoomId, int floor, double x, double y,
                              double accuracyM, qint64 timeMs, bool fromEngine) const
{
    const Room* room = m_site.room(roomId);
    const Room* near = m_site.room(nearRoomId);
    Location l{roomId, room ? room->name : QString(), floor, x, y, accuracyM, timeMs, fromEngine || room != nullptr};
    // A room state that names no room is unknown whatever room came with it.
    if (state == RoomState::UnknownNear || state == RoomState::Locating) {
        l.roomId.clear();
        l.roomName.clear();
        l.known = false;
    }
    l.roomState = state;
    l.nearRoomId = near ? near->id : QString();
    l.nearRoomName = near ? near->name : QString();
    return l;
}

void WardCore::apply(const StationPresenceMsg& m)
{
    // Another station's AUDIO PAUSED (or its end): shown here, never applied here.
    // Only a signing station of the site counts, and no pause lasts longer than the site's.
    if (!m.engine && m.stationId != m_presence.stationId() &&
        (m_site.signingKeys.contains(m.stationId) || m_site.acceptUnsigned)) {
        const qint64 now = m_clock.nowMs();
        const qint64 until = m.online && m.audioPausedUntilMs > now
                                 ? std::min(m.audioPausedUntilMs, now + qint64(m_site.alarms.audioPauseS + 5) * 1000)
                                 : 0;
        if (m_remotePauses.value(m.stationId) != until) {
            if (until == 0)
                m_remotePauses.remove(m.stationId);
            else
                m_remotePauses.insert(m.stationId, until);
            Q_EMIT remoteAudioPause(m.stationId, until, m.audioPausedBy.left(100));
        }
    }
    if (!m_presence.apply(m))
        return;
    if (m.engine) {
        if (m_share.setPeers(m_presence.engines()))
            Q_EMIT enginesChanged(m_share.engines(), m_share.ownedCount());
        Q_EMIT enginesOnline(m_presence.engines());
        if (m_positionSource == PositionSource::Engines)
            setEngineCondition();
    }
    const QStringList mismatch = m_presence.mismatched();
    setLocalCondition(QStringLiteral("tech.site-hash"), QStringLiteral("site"), !mismatch.isEmpty(),
                      QStringLiteral("station.site-differs"), {mismatch.join(QStringLiteral(", "))});
    Q_EMIT stationsChanged(m_presence.stations(), mismatch);
}

void WardCore::apply(const AlarmStateMsg& m)
{
    if (!m_rules)
        return;
    // An acknowledgement names a member of the site's staff, or the whole state is refused: a
    // client on the broker cannot silence an alarm "as" someone who does not exist.
    if (!m.cleared && m.state.acknowledged() && !m_site.staffMember(m.state.ackedBy)) {
        refuse(m_ingest.topics().alarm(m.state.id), m.state.stationId,
               QStringLiteral("acknowledged by '%1', who is not on the staff list").arg(m.state.ackedBy));
        return;
    }
    m_rules->apply(m);
}

void WardCore::apply(const CensusEntryMsg& m)
{
    // A census change names the staff member who made it, on the site's staff list.
    if (!m_site.staffMember(m.operatorId)) {
        refuse(m_ingest.topics().census(m.bed), m.stationId,
               m.operatorId.isEmpty() ? QStringLiteral("no staff member named")
                                      : QStringLiteral("made by '%1', who is not on the staff list").arg(m.operatorId));
        return;
    }
    m_census.apply(m);
    m_care.refreshRows();
}

void WardCore::apply(const CareEntryMsg& m)
{
    // A care-plan change names the staff member who made it, on the site's staff list, and a nurse
    // who is on it too.
    if (!m_site.staffMember(m.operatorId) || (!m.nurseId.isEmpty() && !m_site.staffMember(m.nurseId))) {
        refuse(m_ingest.topics().care(m.patientId), m.stationId,
               m.operatorId.isEmpty() ? QStringLiteral("no staff member named")
               : !m_site.staffMember(m.operatorId) ? QStringLiteral("made by '%1', who is not on the staff list").arg(m.operatorId)
                                                   : QStringLiteral("assigns '%1', who is not on the staff list").arg(m.nurseId));
        return;
    }
    m_care.apply(m);
}

void WardCore::apply(const ShiftRoleMsg& m)
{
    if (!m_site.staffMember(m.operatorId) || (!m.staffId.isEmpty() && !m_site.staffMember(m.staffId))) {
        refuse(m_ingest.topics().role(m.role), m.stationId,
               QStringLiteral("role '%1' given by '%2' to '%3': not both on the staff list").arg(m.role, m.operatorId, m.staffId));
        return;
    }
    const QString before = m_care.holder(m.role);
    m_care.apply(m);
    if (m_care.holder(m.role) != before)
        Q_EMIT shiftRoleChanged(m.role, m.staffId, m_care.nameOf(m.staffId));
}

void WardCore::sendSetpoint(const ClimateSetpointRequest& request, const QString& operatorId, const QString& operatorName)
{
    m_setpoints.send(request, operatorId, operatorName);
}

void WardCore::apply(const CommandAckMsg& m)
{
    if (m_setpoints.answer(m))
        return; // the BMS's answer to a setpoint of this station's
    const auto it = m_calls.constFind(m.commandId);
    if (it == m_calls.constEnd())
        return; // not a call this station made (another station's, or a device's answer to something else)
    const Call call = *it;
    if (call.badge != m.deviceId) {
        qCWarning(lcCore).noquote() << "call" << m.commandId << "answered by" << m.deviceId << "instead of" << call.badge << ": ignored";
        return;
    }
    const QString name = m_care.nameOf(call.staffId);
    if (m_rules)
        m_rules->audit(QStringLiteral("call %1 to %2 (%3, badge %4): %5%6")
                           .arg(m.commandId, name, call.staffId, m.deviceId, toString(m.status),
                                m.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.detail)),
                       {}, {});
    Q_EMIT callAnswered(call.alarmId, name, m.status);
    if (m.status == CommandAckStatus::Accepted && m_rules)
        if (const AlarmState* a = m_rules->engine().find(call.alarmId))
            confirmHelp(*a, name);
    // Nobody is coming from this call: the next step goes out now, not when this one's time runs out.
    if ((m.status == CommandAckStatus::Declined || m.status == CommandAckStatus::Failed) && m_rules)
        m_rules->engine().advanceEscalation(call.alarmId, call.step,
                                            QStringLiteral("%1 %2 the call").arg(name, m.status == CommandAckStatus::Declined
                                                                                             ? QStringLiteral("declined")
                                                                                             : QStringLiteral("could not take")));
    if (m.status != CommandAckStatus::Received)
        m_calls.remove(m.commandId);
}

QString WardCore::callText(const AlarmState& a)
{
    const QString what = a.condition.isEmpty() ? a.rule : a.condition;
    return QStringLiteral("%1: %2%3").arg(what, a.subject, a.place.isEmpty() ? QString() : QStringLiteral(", ") + a.place).left(120);
}

void WardCore::confirmHelp(const AlarmState& a, const QString& responderName)
{
    // Only the device that raised an event alarm (a press, a fall) is told; a device's own id is its source.
    if (a.category != AlarmCategory::Event || a.source.isEmpty() || !m_carePublisher || m_helpSent.contains(a.id))
        return;
    m_helpSent.insert(a.id);
    m_carePublisher->helpComing(a, responderName);
    if (m_rules)
        m_rules->audit(QStringLiteral("help coming: told %1 for %2 (%3)").arg(a.source, a.id, responderName), {}, {});
}

void WardCore::refuse(const QString& topic, const QString& signer, const QString& why)
{
    m_refused.fetch_add(1, std::memory_order_relaxed);
    // A signer the site lists has an alarm of its own; every other name (anyone can write one into
    // a forgery) shares one, so a flood of invented signers is one alarm a minute, counting them.
    const bool listed = !signer.isEmpty() && m_site.signingKeys.contains(signer);
    const QString key = listed ? signer : QStringLiteral("unlisted");
    const qint64 now = m_clock.nowMs(), minute = now / 60'000;
    if (minute != m_refusedMinute) {
        for (auto it = m_refusedThisMinute.cbegin(); it != m_refusedThisMinute.cend(); ++it)
            if (it.value() > RefusalLinesPerMinute)
                qCWarning(lcCore).noquote() << it.value() - RefusalLinesPerMinute << "more refusals (" << it.key() << ") not shown";
        m_refusedThisMinute.clear();
        m_refusedMinute = minute;
    }
    const int count = ++m_refusedThisMinute[key];
    if (count <= RefusalLinesPerMinute)
        qCWarning(lcCore).noquote() << "refused" << topic << "from" << (signer.isEmpty() ? QStringLiteral("?") : signer) << ":" << why;
    if (!m_rules)
        return;
    AlarmRaise a;
    a.rule = QStringLiteral("tech.refused");
    a.subjectKey = key;
    a.occurrence = QString::number(minute);
    a.onsetMs = now;
    a.subject = listed ? signer : QStringLiteral("unlisted sender"); // English data: shownData()
    a.source = signer;
    // The latest refusal's topic, signer and reason, and how many this minute.
    a.setCondition(QStringLiteral("station.refused"),
                   {topic, signer.isEmpty() ? QStringLiteral("unknown sender") : signer,
                    count > 1 ? QStringLiteral("%1 (%2 refused this minute)").arg(why).arg(count) : why});
    a.local = true;
    a.endsOnAck = true;
    m_rules->raise(a);
}

void WardCore::setLocation(int tag, const Location& loc)
{
    m_state.setLocation(tag, loc);
    m_history.record(tag, loc);
    if (m_rules)
        m_rules->evaluateLocation(tag, m_clock.nowMs());
}

bool WardCore::computesFix(int tag) const
{
    if (m_positionSource == PositionSource::Engines)
        return false; // the engines' positions locate it
    return !m_share.enabled() || m_share.owns(tag);
}

void WardCore::setEngineCondition()
{
    setLocalCondition(QStringLiteral("tech.engine"), QStringLiteral("engines"), m_presence.noEngine(),
                      QStringLiteral("station.no-engine"));
}

void WardCore::setLocalCondition(const QString& rule, const QString& key, bool holds, const QString& code,
                                 const QStringList& args)
{
    if (m_rules)
        m_rules->setLocalCondition(rule, key, holds, code, args);
}

void WardCore::evaluateAlarms()
{
    if (!m_rules)
        return;
    m_rules->evaluateRules();
    raiseLostEvents();
    m_setpoints.checkTimeouts();
    // The log's file removed, replaced or truncated under the station: at once, until restarted.
    if (m_alarmLog) {
        const QString problem = m_alarmLog->fileProblem();
        setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("log-file"), !problem.isEmpty(),
                          QStringLiteral("station.log-file"), {problem});
    }
    setLocalCondition(QStringLiteral("tech.alone"), QStringLiteral("alone"), m_presence.alone(), QStringLiteral("station.alone"));
    evaluateReminders();
    if (m_positionSource == PositionSource::Engines)
        setEngineCondition();
    m_rules->evaluateStation();
}

void WardCore::raiseLostEvents()
{
    for (const EventDedup::Lost& l : m_dedup.takeLost(m_clock.steadyMs(), EventGapGraceMs)) {
        const QString range = l.firstSeq == l.lastSeq ? QString::number(l.firstSeq)
                                                       : QStringLiteral("%1-%2").arg(l.firstSeq).arg(l.lastSeq);
        qCWarning(lcCore).noquote() << l.count << "events of" << l.deviceId << "boot" << l.boot << "seq" << range
                                    << "never arrived";
        AlarmRaise a;
        a.rule = QStringLiteral("tech.events-lost");
        a.subjectKey = l.deviceId;
        a.occurrence = QStringLiteral("%1-%2").arg(l.boot).arg(l.firstSeq);
        a.onsetMs = m_clock.nowMs();
        a.subject = l.deviceId;
        a.source = l.deviceId;
        a.setCondition(QStringLiteral("device.events-lost"), {QString::number(l.count), l.deviceId, range});
        a.local = true;
        a.endsOnAck = true;
        m_rules->raise(a);
    }
}

void WardCore::evaluateReminders()
{
    // Patients under the care plan (taken or assigned: its planSinceMs) get their reminders; each
    // due one is a low alarm of its own occurrence (its due time), rising when overdue; done is its
    // acknowledgement, at any station (onAlarmChanged).
    if (!m_site.reminders.enabled)
        return;
    const qint64 now = m_clock.nowMs();
    const QTimeZone zone = m_site.zone();
    // Counted from the plan's start, or from the ward's last midnight when that is later: the same
    // at every station (so every station raises the same occurrence), and never a backlog of days.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, zone);
    const qint64 midnight = QDateTime(local.date(), QTime(0, 0), zone).toMSecsSinceEpoch();
    QHash<QString, QString> wanted; // "patient|rule" -> the occurrence due now
    for (const PatientRow& p : m_state.rows().patients) {
        if (p.vacant())
            continue;
        const CareEntryMsg plan = m_care.entry(p.id);
        if (plan.planSinceMs == 0)
            continue;
        // A partial score is a lower bound: observations are due as with no score (at once, then
        // every news2LowHours), never at a longer interval than the missing inputs would allow.
        const PatientSchedule schedule{p.news2Partial ? -1 : p.news2, p.news2Single3, plan.repositionEveryMin,
                                       plan.medicationTimes};
        const qint64 since = std::max(plan.planSinceMs, midnight);
        for (const DueReminder& due : dueReminders(schedule, m_remindersDone.value(p.id), since, now, m_site.reminders, zone)) {
            AlarmRaise a;
            a.rule = ruleFor(due.kind);
            a.subjectKey = p.id;
            a.occurrence = QString::number(due.dueMs);
            a.onsetMs = due.dueMs;
            a.patientId = p.id;
            a.subject = p.name + QStringLiteral(" (bed %1)").arg(p.bed);
            placeAt(a, p, m_site);
            a.source = p.id;
            a.priority = due.priority;
            a.setCondition(QStringLiteral("reminder"), {due.detail});
            a.endsOnAck = true; // marking it done is acknowledging it
            wanted.insert(p.id + QChar(u'|') + a.rule, m_rules->raise(a));
        }
    }
    // One reminder per patient and kind: an open one no longer due (the score changed its
    // frequency, the schedule changed, the patient left the plan or the ward) ends here.
    for (auto it = m_openReminders.begin(); it != m_openReminders.end();) {
        if (wanted.value(it.key()) != it.value()) {
            m_rules->engine().end(it.value());
            it = m_openReminders.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        m_openReminders.insert(it.key(), it.value());
}

void WardCore::restoreRemindersDone()
{
    // When each task was last done, from the log's acknowledgements of reminders (the last day).
    if (!m_alarmLog)
        return;
    LogFilter f;
    f.fromMs = m_clock.nowMs() - 24 * 3'600'000LL;
    f.text = QStringLiteral("reminder.");
    f.alarmsOnly = true;
    for (const LogEntry& e : AlarmLog::query(m_alarmLog->path(), f)) {
        const AlarmState& s = e.state;
        if (e.kind == u"acknowledged" && s.rule.startsWith(QStringLiteral("reminder.")) && !s.patientId.isEmpty())
            noteReminderDone(s);
    }
}

void WardCore::noteReminderDone(const AlarmState& s)
{
    LastDone& done = m_remindersDone[s.patientId];
    qint64* at = s.rule == ruleFor(ReminderKind::Observations) ? &done.observationsMs
                 : s.rule == ruleFor(ReminderKind::Medication) ? &done.medicationMs
                                                               : &done.repositionMs;
    *at = std::max(*at, s.ackedAtMs);
}

void WardCore::onAlarmChanged(const AlarmState& s)
{
    // A reminder acknowledged (here or at another station) is the task done at that time.
    if (s.acknowledged() && !s.patientId.isEmpty() && s.rule.startsWith(QStringLiteral("reminder.")))
        noteReminderDone(s);
    // A closed alarm's calls and confirmation are over.
    if (s.closed()) {
        m_helpSent.remove(s.id);
        m_calls.removeIf([&](const auto& it) { return it.value().alarmId == s.id; });
    }
    m_responders.touch(s.id);
    Q_EMIT alarmChanged(s);
}

void WardCore::onLogFailed(const QString& error)
{
    // Queued: the engine is in the middle of a transition.
    QMetaObject::invokeMethod(this, [this, error] {
        setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("log"), true, QStringLiteral("station.log-failed"), {error});
    }, Qt::QueuedConnection);
}

AlarmEngine::Observer::Target WardCore::resolveTarget(const AlarmState& a, const QString& target)
{
    // A person of the care plan, by badge; remembered so their badge's answer finds the alarm.
    auto call = [&](const QString& staffId, const QString& why) -> std::optional<Target> {
        const QString badge = m_care.badgeOf(staffId);
        if (badge.isEmpty())
            return std::nullopt;
        m_calls.insert(a.id + QChar(u'#') + QString::number(a.escalationStep), Call{a.id, staffId, badge, a.escalationStep});
        return Target{badge, QStringLiteral("%1 (%2), %3").arg(m_care.nameOf(staffId), staffId, why), callText(a)};
    };
    const QString charge = m_care.holder(ChargeRole);
    if (target == AssignedNurseTarget) {
        const QString nurse = a.patientId.isEmpty() ? QString() : m_care.entry(a.patientId).nurseId;
        if (auto t = call(nurse, QStringLiteral("assigned nurse of %1").arg(a.patientId)))
            return *t;
        const QString why = a.patientId.isEmpty() ? QStringLiteral("no patient's alarm")
                                                  : QStringLiteral("%1 has no assigned nurse with a badge").arg(a.patientId);
        if (auto t = call(charge, QStringLiteral("charge nurse (%1)").arg(why)))
            return *t;
        return {AllStationsTarget, why + QStringLiteral(" and nobody has taken charge, so to all-stations"), {}};
    }
    if (target == ChargeNurseTarget) {
        if (auto t = call(charge, QStringLiteral("charge nurse")))
            return *t;
        return {AllStationsTarget, QStringLiteral("nobody has taken charge, so to all-stations"), {}};
    }
    const auto [resolved, why] = m_responders.escalationTarget(a, target);
    if (target == NearestStaffTarget && resolved != AllStationsTarget) {
        for (const StaffRow& s : m_state.rows().staff)
            if (s.badge == resolved)
                m_calls.insert(a.id + QChar(u'#') + QString::number(a.escalationStep), Call{a.id, s.id, resolved, a.escalationStep});
        return {resolved, why, callText(a)};
    }
    return {resolved, why, {}};
}

void WardCore::assignPatient(const QString& patientId, const QString& nurseId, const QString& operatorId,
                             const QString& operatorName)
{
    m_care.assign(patientId, nurseId, operatorId, operatorName);
}

void WardCore::setRiskFlags(const QString& patientId, bool fallRisk, bool elopementRisk, bool bedExitArmed,
                            const QString& operatorId, const QString& operatorName)
{
    m_care.setFlags(patientId, fallRisk, elopementRisk, bedExitArmed, operatorId, operatorName);
}

void WardCore::setCareSchedule(const QString& patientId, int repositionEveryMin, const QStringList& medicationTimes,
                               const QString& operatorId, const QString& operatorName)
{
    m_care.setSchedule(patientId, repositionEveryMin, medicationTimes, operatorId, operatorName);
}

void WardCore::takeShiftRole(const QString& role, const QString& operatorId, const QString& operatorName)
{
    const QString before = m_care.holder(role);
    m_care.takeRole(role, operatorId, operatorName);
    if (m_care.holder(role) != before)
        Q_EMIT shiftRoleChanged(role, operatorId, operatorName);
}

void WardCore::acknowledge(const QString& alarmId, const QString& operatorId, const QString& operatorName,
                           const QString& comment)
{
    if (!m_rules) {
        Q_EMIT acknowledgeResult(alarmId, false, tr("The alarm engine is not running."));
        return;
    }
    const AckResult r = m_rules->acknowledge(alarmId, operatorId, operatorName, comment);
    Q_EMIT acknowledgeResult(alarmId, r.ok, r.message);
    if (r.ok)
        if (const AlarmState* a = m_rules->engine().find(alarmId))
            confirmHelp(*a, operatorName);
}

void WardCore::setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2,
                              const QString& operatorId, const QString& operatorName)
{
    if (m_rules)
        m_rules->setNews2Inputs(patientId, consciousness, onOxygen, scale2, operatorId, operatorName);
}

void WardCore::setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above,
                               const QString& operatorId, const QString& operatorName)
{
    if (m_rules)
        m_rules->setPatientLimit(patientId, ruleId, below, above, operatorId, operatorName);
}

void WardCore::admitPatient(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
                            const QString& monitor, const QString& operatorId, const QString& operatorName)
{
    m_census.admit(bed, patientId, name, wristband, monitor, operatorId, operatorName);
}

void WardCore::transferPatient(const QString& patientId, const QString& bed, const QString& operatorId,
                               const QString& operatorName)
{
    m_census.transfer(patientId, bed, operatorId, operatorName);
}

void WardCore::dischargePatient(const QString& patientId, const QString& operatorId, const QString& operatorName)
{
    const bool admitted = m_state.rowOfPatient(patientId) >= 0;
    m_census.discharge(patientId, operatorId, operatorName);
    if (admitted && m_state.rowOfPatient(patientId) < 0)
        m_care.endPlan(patientId, operatorId, operatorName);
}

void WardCore::pairDevices(const QString& patientId, const QString& wristband, const QString& monitor,
                           const QString& operatorId, const QString& operatorName)
{
    m_census.pairDevices(patientId, wristband, monitor, operatorId, operatorName);
}

void WardCore::findNearestAsset(const QString& requestId, const QString& roomId, const QString& assetType)
{
    const auto found = m_responders.nearestAsset(roomId, assetType, m_state.rows().assets);
    Q_EMIT nearestAsset(requestId, found.has_value(), found.value_or(NearbyAsset{}));
}

void WardCore::queryPositionsAt(const QString& requestId, qint64 timeMs, qint64 maxAgeMs)
{
    QVector<TagPosition> out;
    for (int tag = 0; tag < m_state.tagCount(); ++tag)
        if (const auto p = m_history.at(tag, timeMs, maxAgeMs))
            out.push_back(TagPosition{m_state.tagId(tag), *p});
    Q_EMIT positionsAt(requestId, timeMs, out);
}

void WardCore::queryTrack(const QString& requestId, const QString& tagId, qint64 fromMs, qint64 toMs)
{
    QVector<TrackPoint> out;
    if (const DeviceRef* r = m_state.find(tagId); r && r->tag >= 0)
        for (const TrackPoint& p : m_history.track(r->tag, fromMs, toMs))
            out.push_back(p);
    Q_EMIT track(requestId, tagId, out);
}

void WardCore::explainTag(const QString& requestId, const QString& tagId, int minutes)
{
    const DeviceRef* r = m_state.find(tagId);
    if (!r || r->tag < 0) {
        TagExplanation e;
        e.requestId = requestId;
        e.tagId = tagId;
        Q_EMIT tagExplained(e);
        return;
    }
    const int tag = r->tag;
    minutes = std::clamp(minutes, 1, 24 * 60);
    m_fixer.setExplaining(tag, true);
    Explained& x = m_explained[tag];
    if (x.sinceMs == 0)
        x.sinceMs = m_clock.nowMs();
    TagExplanation e = explanationOf(tag, requestId, minutes);
    // Explained already (asked before): answered; otherwise answered again at its next fix.
    x.minutes = minutes;
    x.requestId = e.status == TagExplanation::Status::Explained ? QString() : requestId;
    if (e.explanation)
        x.fixT = e.explanation->fix.t;
    Q_EMIT tagExplained(e);
}

void WardCore::stopExplaining(const QString& tagId)
{
    if (const DeviceRef* r = m_state.find(tagId); r && r->tag >= 0 && m_explained.remove(r->tag))
        m_fixer.setExplaining(r->tag, false);
}

TagExplanation WardCore::explanationOf(int tag, const QString& requestId, int minutes) const
{
    TagExplanation e;
    e.requestId = requestId;
    e.tagId = m_state.tagId(tag);
    e.lastHeardMs = m_fixer.lastHeardMs(tag);
    e.explainingSinceMs = m_explained.value(tag).sinceMs;
    if (!computesFix(tag))
        e.positionedBy = m_positionSource == PositionSource::Engines
                             ? (m_presence.engines().isEmpty() ? QStringLiteral("-") : ownerOf(e.tagId, m_presence.engines()))
                             : ownerOf(e.tagId, m_share.engines());
    e.explanation = m_fixer.explanation(tag);
    e.status = e.explanation ? TagExplanation::Status::Explained
               : e.lastHeardMs == 0 ? TagExplanation::Status::NotHeard
                                    : TagExplanation::Status::Waiting;
    e.toMs = m_clock.nowMs();
    e.fromMs = e.toMs - qint64(minutes) * 60'000;
    for (const TrackPoint& p : m_history.track(tag, e.fromMs, e.toMs))
        e.shown.push_back(p);
    return e;
}

void WardCore::answerExplained()
{
    for (auto it = m_explained.begin(); it != m_explained.end(); ++it) {
        if (it->requestId.isEmpty())
            continue;
        TagExplanation e = explanationOf(it.key(), it->requestId, it->minutes);
        if (e.status != TagExplanation::Status::Explained || e.explanation->fix.t == it->fixT)
            continue;
        it->requestId.clear();
        it->fixT = e.explanation->fix.t;
        Q_EMIT tagExplained(e);
    }
}

void WardCore::republishAlarms()
{
    if (!m_rules)
        return;
    const int n = m_rules->engine().republish();
    if (n > 0)
        qCInfo(lcCore) << "new broker session: published the state of" << n << "open alarms again";
}

void WardCore::auditAudioPause(const QString& operatorId, const QString& operatorName, int seconds, const QString& comment)
{
    if (m_rules)
        m_rules->audit(QStringLiteral("audio paused for %1 s%2").arg(seconds).arg(comment.isEmpty() ? QString() : QStringLiteral(": ") + comment),
                       operatorId, operatorName);
    Q_EMIT audioPaused(m_clock.nowMs() + qint64(seconds) * 1000, operatorName.isEmpty() ? tr("(nobody signed in)") : operatorName);
}

void WardCore::auditSignIn(const QString& operatorId, const QString& operatorName, bool ok, const QString& detail)
{
    if (m_rules)
        m_rules->audit(ok ? QStringLiteral("signed in") : QStringLiteral("sign-in refused: ") + detail, operatorId,
                       operatorName);
}

void WardCore::flush()
{
    const int fixes = m_fixer.fix([this](int tag) { return computesFix(tag); },
                                  [this](int tag, const pos::Fix& fix, qint64 t) {
                                      setLocation(tag, locationOf(fix.room, fix.roomState, fix.nearRoom, fix.floor, fix.x, fix.y,
                                                                  fix.accuracyM, t, false));
                                      if (m_positionPublisher)
                                          m_positionPublisher->publishPosition(
                                              PositionMsg{m_state.tagId(tag), t, fix.x, fix.y, fix.floor, fix.room,
                                                          fix.accuracyM, fix.confidence, m_share.engineId(), fix.roomState,
                                                          fix.nearRoom, fix.unknownReason});
                                  });
    m_fixes.fetch_add(quint64(fixes), std::memory_order_relaxed);
    if (!m_explained.isEmpty())
        answerExplained();
    if (m_climateRecord)
        m_climateRecord->flush();
    if (m_envRecord && m_envRecord->pending() > 0) {
        const bool ok = m_envRecord->commit();
        if (ok == m_envRecordFailing) {
            m_envRecordFailing = !ok;
            setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("env-record"), !ok,
                              QStringLiteral("station.readings-failed"), {m_envRecord->lastError()});
        }
    }
    auto update = m_state.takeUpdate();
    if (m_rules && (m_responders.touched() || !update->staff.empty()) &&
        m_responders.update(m_rules->engine(), !update->staff.empty()))
        Q_EMIT respondersChanged(m_responders.map());
    if (!update->empty())
        Q_EMIT updatesReady(std::move(update));
}

} // namespace ww
