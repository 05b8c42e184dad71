#include "models/wardcore.h"
#include "models/logging.h"
#include "transport/ingest.h"

#include <QDateTime>
#include <algorithm>
#include <cstring>
#include <utility>

namespace ww {

namespace {

template <typename Row, typename D> RowChanges<Row> take(D& dirty, const std::vector<Row>& rows)
{
    RowChanges<Row> out;
    std::sort(dirty.rows.begin(), dirty.rows.end());
    out.reserve(dirty.rows.size());
    for (int r : dirty.rows) {
        out.emplace_back(r, rows[size_t(r)]);
        dirty.flag[size_t(r)] = 0;
    }
    dirty.rows.clear();
    return out;
}

template <typename D> void sizeDirty(D& d, size_t n)
{
    d.flag.assign(n, 0);
}

AssetStatus statusFor(const Room* room)
{
    if (!room)
        return AssetStatus::Unknown;
    switch (room->kind) {
    case RoomKind::UtilityClean: return AssetStatus::Available;
    case RoomKind::UtilityDirty: return AssetStatus::NeedsCleaning;
    case RoomKind::PatientRoom:
    case RoomKind::Icu:
    case RoomKind::Isolation:
    case RoomKind::OperatingRoom: return AssetStatus::InUse;
    default: return AssetStatus::InTransit;
    }
}

} // namespace

WardCore::WardCore(const Site& site, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats,
                   QObject* parent)
    : QObject(parent), m_site(site), m_clock(clock), m_stats(stats), m_rows(initialRows(site)),
      m_engine(pos::engineForSite(site, {}, &directory)), m_lastReportMs(size_t(directory.tagCount()), 0),
      m_lastFixMs(size_t(directory.tagCount()), 0), m_flushTimer(this), m_signalTimer(this),
      m_drainTimer(this), m_alarmTimer(this) // children: they move to the core thread with us
{
    qRegisterMetaType<ww::WardUpdatePtr>();
    qRegisterMetaType<ww::DeviceEventMsg>();
    qRegisterMetaType<ww::AlarmState>();
    qRegisterMetaType<ww::ResponderMap>();
    for (int i = 0; i < int(m_rows.devices.size()); ++i)
        m_refs[m_rows.devices[size_t(i)].id].device = i;
    m_tagDevice.assign(size_t(directory.tagCount()), -1);
    for (int t = 0; t < directory.tagCount(); ++t)
        m_tagIds.push_back(directory.tagId(t));
    auto tagFor = [&](const QString& id) {
        DeviceRef& r = m_refs[id];
        r.tag = directory.tag(id.toStdString());
        m_tagDevice[size_t(r.tag)] = r.device;
        return &r;
    };
    for (int g = 0; g < directory.gatewayCount(); ++g)
        m_gatewayDevice.push_back(m_refs.value(directory.gatewayId(g)).device);
    for (const auto& p : site.patients) // every wristband is a tag, whoever wears it
        tagFor(p.wristband);
    for (int i = 0; i < int(m_rows.patients.size()); ++i) { // census rows are in bed order
        const PatientRow& p = m_rows.patients[size_t(i)];
        if (!p.wristband.isEmpty())
            m_refs[p.wristband].patient = i;
        if (!p.monitor.isEmpty())
            m_refs[p.monitor].patient = i;
    }
    for (int i = 0; i < int(site.staff.size()); ++i)
        tagFor(site.staff[size_t(i)].badge)->staff = i;
    for (int i = 0; i < int(site.assets.size()); ++i)
        tagFor(site.assets[size_t(i)].tag)->asset = i;
    for (const auto& b : site.referenceBeacons)
        tagFor(b.id); // heard for calibration and watched for silence; no row of its own
    for (const auto& w : site.spareWristbands)
        tagFor(w); // located from the start; a patient's once the station pairs it
    for (int i = 0; i < int(site.sensors.size()); ++i)
        m_refs[site.sensors[size_t(i)].id].env = i;

    sizeDirty(m_dirtyPatients, m_rows.patients.size());
    sizeDirty(m_dirtyStaff, m_rows.staff.size());
    sizeDirty(m_dirtyAssets, m_rows.assets.size());
    sizeDirty(m_dirtyEnv, m_rows.environment.size());
    sizeDirty(m_dirtyDevices, m_rows.devices.size());
    m_tagMoved.assign(m_tagDevice.size(), 0);

    m_flushTimer.setInterval(FlushIntervalMs);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, &WardCore::flush);
    m_signalTimer.setInterval(1000);
    connect(&m_signalTimer, &QTimer::timeout, this, [this] {
        checkSignals();
        accountAssetUse();
    });
    m_drainTimer.setInterval(DrainIntervalMs);
    connect(&m_drainTimer, &QTimer::timeout, this, &WardCore::drain);
}

void WardCore::start()
{
    m_flushTimer.start();
    m_signalTimer.start();
    m_drainTimer.start();
    if (m_alarms) {
        m_alarms->restore();
        restoreCensus();
        m_alarmTimer.start();
    }
    if (!m_engineId.isEmpty()) // an engine's share before any other engine is heard: every tag
        Q_EMIT enginesChanged(m_engines, int(std::count(m_owned.begin(), m_owned.end(), 1)));
}

void WardCore::setFrameHandler(FrameHandler handler)
{
    m_frameHandler = std::move(handler);
}

void WardCore::wake()
{
    QMetaObject::invokeMethod(this, &WardCore::drain, Qt::QueuedConnection);
}

void WardCore::postFrame(const char* topic, std::span<const std::byte> payload, qint64 rxMs, bool urgent)
{
    const size_t topicLen = std::strlen(topic) + 1;
    bool schedule = false;
    {
        std::lock_guard lock(m_inboxMutex);
        auto& b = m_frames.bytes;
        const size_t at = b.size();
        b.resize(at + topicLen + payload.size());
        std::memcpy(b.data() + at, topic, topicLen);
        if (!payload.empty())
            std::memcpy(b.data() + at + topicLen, payload.data(), payload.size());
        m_frames.frames.push_back({at, at + topicLen, payload.size(), rxMs});
        if (urgent || m_frames.frames.size() >= size_t(WakeBacklog))
            schedule = !std::exchange(m_drainQueued, true);
    }
    if (schedule)
        wake();
}

void WardCore::post(QVector<Decoded>&& messages)
{
    bool urgent = false;
    for (const auto& m : messages)
        urgent |= !(std::holds_alternative<BeaconBatch>(m) || std::holds_alternative<VitalsUpdate>(m) ||
                    std::holds_alternative<EnvUpdate>(m));
    bool schedule = false;
    {
        std::lock_guard lock(m_inboxMutex);
        if (m_inbox.isEmpty())
            m_inbox = std::move(messages);
        else
            for (auto& m : messages)
                m_inbox.push_back(std::move(m));
        if (urgent || m_inbox.size() >= WakeBacklog)
            schedule = !std::exchange(m_drainQueued, true);
    }
    if (schedule)
        wake();
}

void WardCore::drain()
{
    QVector<Decoded> work;
    {
        std::lock_guard lock(m_inboxMutex);
        work.swap(m_inbox);
        std::swap(m_frames, m_framesDraining);
        m_drainQueued = false;
    }
    // Frames first: a decoded message posted later never overtakes a frame received earlier.
    if (m_frameHandler)
        for (const auto& f : m_framesDraining.frames)
            m_frameHandler(m_framesDraining.bytes.data() + f.topic,
                           {reinterpret_cast<const std::byte*>(m_framesDraining.bytes.data() + f.payload), f.payloadSize},
                           f.rxMs);
    m_framesDraining.bytes.clear();
    m_framesDraining.frames.clear();
    apply(std::move(work));
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

const WardCore::DeviceRef* WardCore::ref(const QString& deviceId, TopicKind topic)
{
    const auto it = m_refs.constFind(deviceId);
    if (it == m_refs.constEnd()) {
        m_stats.countRejected(topic, RejectReason::UnknownDevice, deviceId,
                              QStringLiteral("device \"%1\" is not in the site configuration").arg(deviceId));
        return nullptr;
    }
    return &it.value();
}

void WardCore::seen(int deviceRow, qint64 receiveTimeMs)
{
    if (deviceRow < 0)
        return;
    DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    d.lastSeenMs = std::max(d.lastSeenMs, receiveTimeMs);
    d.lastSeenSteadyMs = m_clock.steadyMs();
    ++d.messages;
    if (d.signal != SignalState::Live && (!d.statusOnline || *d.statusOnline)) {
        d.signal = SignalState::Live;
        checkSignals(); // propagate to the owner row now, not at the next 1 s tick
    }
    m_dirtyDevices.mark(deviceRow);
}

void WardCore::apply(const BeaconBatch& m)
{
    // Gateway and tags were resolved by the decoder (DeviceDirectory): no look-ups by name here.
    seen(m_gatewayDevice[size_t(m.gateway)], m.receiveTimeMs);
    const qint64 steadyNow = m_clock.steadyMs(); // once per batch: a clock read per report cost 4 % of ingest
    for (const auto& r : m.reports) {
        m_engine.addReport(r.tag, m.gateway, r.timeMs / 1000.0, r.rssi, r.txPower);
        m_lastReportMs[size_t(r.tag)] = std::max(m_lastReportMs[size_t(r.tag)], r.timeMs);
        const int device = m_tagDevice[size_t(r.tag)];
        DeviceRow& d = m_rows.devices[size_t(device)];
        d.lastSeenMs = std::max(d.lastSeenMs, m.receiveTimeMs);
        d.lastSeenSteadyMs = steadyNow;
        ++d.messages;
        if (d.signal != SignalState::Live) {
            d.signal = SignalState::Live;
            m_dirtyDevices.mark(device);
        }
        if (!m_tagMoved[size_t(r.tag)]) {
            m_tagMoved[size_t(r.tag)] = 1;
            m_movedTags.push_back(r.tag);
        }
    }
    m_reports.fetch_add(quint64(m.reports.size()), std::memory_order_relaxed);
}

void WardCore::apply(const VitalsUpdate& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Vitals);
    if (!r || r->patient < 0)
        return;
    PatientRow& p = m_rows.patients[size_t(r->patient)];
    for (const auto& s : m.samples) {
        Reading& reading = p.vitals[size_t(s.kind)];
        if (s.timeMs >= reading.timeMs) // an older sample arriving late never overwrites a newer one
            reading = Reading{s.value, s.timeMs, true};
    }
    p.vitalsSignal = SignalState::Live;
    m_dirtyPatients.mark(r->patient);
    seen(r->device, m.receiveTimeMs);
    evaluatePatient(r->patient, m_clock.nowMs());
}

void WardCore::apply(const DeviceEventMsg& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Event);
    if (!r)
        return;
    // A device's (boot, seq) names one event; a reboot starts a new boot, so a new press after a
    // restart is never mistaken for a duplicate. The window keeps the last 1024 keys per device.
    DedupWindow& w = m_dedup[m.deviceId];
    const quint64 key = (quint64(m.boot) << 32) | m.seq;
    if (!w.seen.insert(key).second) {
        m_duplicates.fetch_add(1, std::memory_order_relaxed);
        m_stats.countRejected(TopicKind::Event, RejectReason::Duplicate, m.deviceId,
                              QStringLiteral("event boot %1 seq %2 already seen").arg(m.boot).arg(m.seq));
        return;
    }
    w.order.push_back(key);
    if (w.order.size() > 1024) {
        w.seen.erase(w.order.front());
        w.order.pop_front();
    }
    DeviceEventMsg ev = m;
    ev.late = m.receiveTimeMs - m.deviceTimeMs > qint64(m_site.lateAfterS) * 1000;
    DeviceRow& d = m_rows.devices[size_t(r->device)];
    d.lastEvent = toString(ev.kind) + QChar(u' ') +
                  QDateTime::fromMSecsSinceEpoch(ev.deviceTimeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss")) +
                  (ev.late ? tr(" (late)") : QString());
    seen(r->device, m.receiveTimeMs);
    qCInfo(lcCore) << "event" << toString(ev.kind) << "from" << ev.deviceId << (ev.late ? "late" : "");
    eventAlarm(ev, r->device);
    Q_EMIT deviceEvent(ev);
}

void WardCore::apply(const EnvUpdate& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Env);
    if (!r || r->env < 0)
        return;
    EnvRow& e = m_rows.environment[size_t(r->env)];
    // A fridge's record keeps every reading, late ones too: the compliance report is built from it.
    if (m_envRecord && e.kind == EnvKind::Fridge)
        m_envRecord->add(e.id, m.deviceId, m.deviceTimeMs, m.temperatureC,
                         m.door == DoorState::Unknown ? std::nullopt : std::optional<bool>(m.door == DoorState::Open));
    if (m.deviceTimeMs < e.timeMs)
        return; // stale reading delivered late
    e.timeMs = m.deviceTimeMs;
    auto take = [](std::optional<double>& dst, const std::optional<double>& src) {
        if (src)
            dst = src;
    };
    take(e.temperatureC, m.temperatureC);
    take(e.humidityPct, m.humidityPct);
    take(e.co2Ppm, m.co2Ppm);
    take(e.pm25, m.pm25);
    take(e.tvoc, m.tvoc);
    take(e.diffPressurePa, m.diffPressurePa);
    if (m.door != DoorState::Unknown && m.door != e.door) {
        e.door = m.door;
        e.doorSinceMs = m.deviceTimeMs;
    }
    e.signal = SignalState::Live;
    evaluateTargets(e);
    m_dirtyEnv.mark(r->env);
    seen(r->device, m.receiveTimeMs);
    evaluateEnv(r->env, m_clock.nowMs());
}

void WardCore::evaluateTargets(EnvRow& e) const
{
    e.outOfTarget.clear();
    auto check = [&e](const char* label, const std::optional<double>& v, const Range& range) {
        if (!v)
            return;
        if (range.min && *v < *range.min)
            e.outOfTarget << QStringLiteral("%1 %2 < %3").arg(QLatin1String(label)).arg(*v, 0, 'f', 1).arg(*range.min);
        else if (range.max && *v > *range.max)
            e.outOfTarget << QStringLiteral("%1 %2 > %3").arg(QLatin1String(label)).arg(*v, 0, 'f', 1).arg(*range.max);
    };
    check("T", e.temperatureC, e.targets.temperatureC);
    check("RH", e.humidityPct, e.targets.humidityPct);
    check("CO2", e.co2Ppm, e.targets.co2Ppm);
    check("PM2.5", e.pm25, e.targets.pm25);
    check("TVOC", e.tvoc, e.targets.tvoc);
    check("dP", e.diffPressurePa, e.targets.diffPressurePa);
}

void WardCore::apply(const DeviceStatusMsg& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Status);
    if (!r)
        return;
    DeviceRow& d = m_rows.devices[size_t(r->device)];
    d.statusOnline = m.online;
    if (m.batteryPct)
        d.batteryPct = m.batteryPct;
    m_dirtyDevices.mark(r->device);
    if (m.online)
        seen(r->device, m.receiveTimeMs);
    else
        checkSignals(); // an offline status (or will) is "no signal" at once
    evaluateDevice(r->device, m_clock.nowMs());
}

void WardCore::apply(const PositionMsg& m)
{
    const DeviceRef* r = ref(m.tagId, TopicKind::Position);
    if (!r || r->tag < 0)
        return;
    // A station that locates tags itself leaves the engines' answers aside: two sources would make
    // a tag's location alternate between them.
    if (!m.engineId.isEmpty() && m_positionSource == PositionSource::Own)
        return;
    // A position from the headless engine is evidence that the tag was heard: the tag is live, as
    // with its own adverts (without this, every tag stayed "waiting" at stations fed positions).
    seen(r->device, m.timeMs);
    const Room* room = m_site.room(m.room);
    setLocation(r->tag, Location{m.room, room ? room->name : QString(), m.floor, m.x, m.y, m.accuracyM, m.timeMs,
                                 true});
}

void WardCore::setLocation(int tag, const Location& loc)
{
    const DeviceRef& r = m_refs[m_rows.devices[size_t(m_tagDevice[size_t(tag)])].id];
    if (r.patient >= 0) {
        m_rows.patients[size_t(r.patient)].location = loc;
        m_dirtyPatients.mark(r.patient);
    } else if (r.staff >= 0) {
        m_rows.staff[size_t(r.staff)].location = loc;
        m_dirtyStaff.mark(r.staff);
    } else if (r.asset >= 0) {
        AssetRow& a = m_rows.assets[size_t(r.asset)];
        a.location = loc;
        a.status = statusFor(m_site.room(loc.roomId));
        m_dirtyAssets.mark(r.asset);
    }
    evaluateLocation(tag, m_clock.nowMs());
}

SignalState WardCore::signalOf(int deviceRow, qint64 steadyNowMs) const
{
    const DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    if (d.statusOnline && !*d.statusOnline)
        return SignalState::NoSignal;
    if (!d.lastSeenSteadyMs)
        return SignalState::Waiting;
    const double limitS = m_site.timingFor(d.kind).silentAfterS;
    return steadyNowMs - *d.lastSeenSteadyMs > qint64(limitS * 1000) ? SignalState::NoSignal : SignalState::Live;
}

void WardCore::checkSignals()
{
    const qint64 now = m_clock.steadyMs(); // a step of the wall clock neither silences nor wakes devices
    for (int i = 0; i < int(m_rows.devices.size()); ++i) {
        DeviceRow& d = m_rows.devices[size_t(i)];
        const SignalState s = signalOf(i, now);
        if (s != d.signal) {
            d.signal = s;
            m_dirtyDevices.mark(i);
        }
    }
    auto follow = [this](SignalState& dst, const QString& deviceId, auto& dirty, int row) {
        const auto it = m_refs.constFind(deviceId);
        if (it == m_refs.constEnd())
            return;
        const SignalState s = m_rows.devices[size_t(it->device)].signal;
        if (dst != s) {
            dst = s;
            dirty.mark(row);
        }
    };
    for (int i = 0; i < int(m_rows.patients.size()); ++i) {
        PatientRow& p = m_rows.patients[size_t(i)];
        follow(p.tagSignal, p.wristband, m_dirtyPatients, i);
        if (!p.monitor.isEmpty())
            follow(p.vitalsSignal, p.monitor, m_dirtyPatients, i);
    }
    for (int i = 0; i < int(m_rows.staff.size()); ++i)
        follow(m_rows.staff[size_t(i)].signal, m_rows.staff[size_t(i)].badge, m_dirtyStaff, i);
    for (int i = 0; i < int(m_rows.assets.size()); ++i)
        follow(m_rows.assets[size_t(i)].signal, m_rows.assets[size_t(i)].tag, m_dirtyAssets, i);
    for (int i = 0; i < int(m_rows.environment.size()); ++i)
        follow(m_rows.environment[size_t(i)].signal, m_rows.environment[size_t(i)].sensorId, m_dirtyEnv, i);
}

void WardCore::accountAssetUse()
{
    constexpr qint64 HourMs = 3'600'000;
    constexpr auto N = qint64(AssetUse::Slices);
    const qint64 now = m_clock.steadyMs(), slice = now / AssetUse::SliceMs;
    m_assetUse.resize(m_rows.assets.size());
    for (size_t i = 0; i < m_rows.assets.size(); ++i) {
        AssetRow& a = m_rows.assets[i];
        AssetUse& u = m_assetUse[i];
        for (qint64 k = std::max(u.slice + 1, slice - N + 1); u.slice >= 0 && k <= slice; ++k) {
            const auto at = size_t(k % N); // slices that passed since the last call start empty
            u.inUseTotalMs -= std::exchange(u.inUseMs[at], 0);
            u.knownTotalMs -= std::exchange(u.knownMs[at], 0);
        }
        // The status held since the last call; a gap of more than a minute (a stalled thread, a
        // suspended machine) counts as a minute, not as hours of whatever the status was.
        const auto dt = qint32(u.lastSteadyMs >= 0 ? std::clamp<qint64>(now - u.lastSteadyMs, 0, 60'000) : 0);
        if (a.status != AssetStatus::Unknown && a.signal == SignalState::Live) {
            u.knownMs[size_t(slice % N)] += dt;
            u.knownTotalMs += dt;
            if (a.status == AssetStatus::InUse) {
                u.inUseMs[size_t(slice % N)] += dt;
                u.inUseTotalMs += dt;
            }
        }
        u.slice = slice;
        u.lastSteadyMs = now;
        const qint64 inUse = u.inUseTotalMs, known = u.knownTotalMs;
        const std::optional<double> pct =
            known >= 60'000 ? std::optional<double>(100.0 * double(inUse) / double(known)) : std::nullopt;
        const double observedH = double(known) / double(HourMs);
        // Sent when the shown figures change: a whole percent or a tenth of an hour.
        const bool changed = pct.has_value() != a.utilisationPct.has_value() ||
                             (pct && std::lround(*pct) != std::lround(*a.utilisationPct)) ||
                             std::lround(observedH * 10) != std::lround(a.observedH * 10);
        a.utilisationPct = pct;
        a.observedH = observedH;
        if (changed)
            m_dirtyAssets.mark(int(i));
    }
}

void WardCore::flush()
{
    // One fix per tag and second at most, at the time of its latest report (causal, as offline).
    std::vector<int> later;
    for (int tag : m_movedTags) {
        const qint64 t = m_lastReportMs[size_t(tag)];
        if (m_lastFixMs[size_t(tag)] != 0 && t - m_lastFixMs[size_t(tag)] < 1000) {
            later.push_back(tag);
            continue;
        }
        m_tagMoved[size_t(tag)] = 0;
        m_lastFixMs[size_t(tag)] = t;
        if (!computesFix(tag))
            continue; // the engines' positions locate it
        const auto fix = m_engine.update(tag, t / 1000.0);
        if (!fix)
            continue;
        m_fixes.fetch_add(1, std::memory_order_relaxed);
        const Room* room = m_site.room(fix->room);
        setLocation(tag, Location{fix->room, room ? room->name : QString(), fix->floor, fix->x, fix->y, fix->accuracyM,
                                  t, room != nullptr});
        if (m_publishPosition)
            m_publishPosition(PositionMsg{m_tagIds[size_t(tag)], t, fix->x, fix->y, fix->floor, fix->room, fix->accuracyM,
                                          fix->confidence, m_engineId});
    }
    m_movedTags = std::move(later);
    if (m_envRecord && m_envRecord->pending() > 0) {
        const bool ok = m_envRecord->commit();
        if (ok == m_envRecordFailing) {
            m_envRecordFailing = !ok;
            setLocalCondition(QStringLiteral("tech.log"), QStringLiteral("env-record"), !ok,
                              tr("Fridge record write failed: %1").arg(m_envRecord->lastError()));
        }
    }
    auto update = std::make_shared<WardUpdate>();
    update->patients = take(m_dirtyPatients, m_rows.patients);
    update->staff = take(m_dirtyStaff, m_rows.staff);
    update->assets = take(m_dirtyAssets, m_rows.assets);
    update->environment = take(m_dirtyEnv, m_rows.environment);
    update->devices = take(m_dirtyDevices, m_rows.devices);
    if (m_alarms && (!m_touchedAlarms.isEmpty() || !update->staff.empty()))
        updateResponders(!update->staff.empty());
    if (!update->empty())
        Q_EMIT updatesReady(std::move(update));
}

} // namespace ww
