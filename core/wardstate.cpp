#include "core/wardstate.h"
#include "transport/ingest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>
#include <cmath>
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

WardState::WardState(const Site& site, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats)
    : m_site(site), m_clock(clock), m_stats(stats), m_rows(initialRows(site))
{
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

    m_dirty[Patients].flag.assign(m_rows.patients.size(), 0);
    m_dirty[Staff].flag.assign(m_rows.staff.size(), 0);
    m_dirty[Assets].flag.assign(m_rows.assets.size(), 0);
    m_dirty[Environment].flag.assign(m_rows.environment.size(), 0);
    m_dirty[Devices].flag.assign(m_rows.devices.size(), 0);
}

const DeviceRef* WardState::ref(const QString& deviceId, TopicKind topic)
{
    const auto it = m_refs.constFind(deviceId);
    if (it == m_refs.constEnd()) {
        m_stats.countRejected(topic, RejectReason::UnknownDevice, deviceId,
                              QStringLiteral("device \"%1\" is not in the site configuration").arg(deviceId));
        return nullptr;
    }
    return &it.value();
}

const DeviceRef* WardState::find(const QString& deviceId) const
{
    const auto it = m_refs.constFind(deviceId);
    return it == m_refs.constEnd() ? nullptr : &it.value();
}

DeviceRef* WardState::find(const QString& deviceId)
{
    const auto it = m_refs.find(deviceId);
    return it == m_refs.end() ? nullptr : &it.value();
}

const DeviceRef& WardState::tagRef(int tag) const
{
    return *find(m_rows.devices[size_t(m_tagDevice[size_t(tag)])].id);
}

int WardState::rowWhere(QString PatientRow::*field, const QString& value) const
{
    if (value.isEmpty())
        return -1;
    for (int i = 0; i < int(m_rows.patients.size()); ++i)
        if (m_rows.patients[size_t(i)].*field == value)
            return i;
    return -1;
}

SignalState WardState::deviceSignal(const QString& deviceId) const
{
    const DeviceRef* r = find(deviceId);
    return r && r->device >= 0 ? m_rows.devices[size_t(r->device)].signal : SignalState::Waiting;
}

void WardState::seen(int deviceRow, qint64 receiveTimeMs)
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
    markDevice(deviceRow);
}

void WardState::heard(const BeaconBatch& m)
{
    // Gateway and tags were resolved by the decoder (DeviceDirectory): no look-ups by name here.
    seen(m_gatewayDevice[size_t(m.gateway)], m.receiveTimeMs);
    const qint64 steadyNow = m_clock.steadyMs(); // once per batch, not per report: the clock read is not free
    for (const auto& r : m.reports) {
        const int device = m_tagDevice[size_t(r.tag)];
        DeviceRow& d = m_rows.devices[size_t(device)];
        d.lastSeenMs = std::max(d.lastSeenMs, m.receiveTimeMs);
        d.lastSeenSteadyMs = steadyNow;
        ++d.messages;
        if (d.signal != SignalState::Live) {
            d.signal = SignalState::Live;
            markDevice(device);
        }
    }
}

int WardState::apply(const VitalsUpdate& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Vitals);
    if (!r || r->patient < 0)
        return -1;
    PatientRow& p = m_rows.patients[size_t(r->patient)];
    for (const auto& s : m.samples) {
        Reading& reading = p.vitals[size_t(s.kind)];
        if (s.timeMs >= reading.timeMs) // an older sample arriving late never overwrites a newer one
            reading = Reading{s.value, s.timeMs, true};
    }
    p.vitalsSignal = SignalState::Live;
    markPatient(r->patient);
    seen(r->device, m.receiveTimeMs);
    return r->patient;
}

int WardState::apply(const EnvUpdate& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Env);
    if (!r || r->env < 0)
        return -1;
    EnvRow& e = m_rows.environment[size_t(r->env)];
    if (m.deviceTimeMs < e.timeMs)
        return -1; // stale reading delivered late
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
    markEnv(r->env);
    seen(r->device, m.receiveTimeMs);
    return r->env;
}

void WardState::evaluateTargets(EnvRow& e)
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

int WardState::apply(const DeviceStatusMsg& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Status);
    if (!r)
        return -1;
    DeviceRow& d = m_rows.devices[size_t(r->device)];
    d.statusOnline = m.online;
    if (m.batteryPct)
        d.batteryPct = m.batteryPct;
    markDevice(r->device);
    if (m.online)
        seen(r->device, m.receiveTimeMs);
    else
        checkSignals(); // an offline status (or will) is "no signal" at once
    return r->device;
}

void WardState::noteEvent(int deviceRow, const DeviceEventMsg& ev)
{
    DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    d.lastEvent = toString(ev.kind) + QChar(u' ') +
                  QDateTime::fromMSecsSinceEpoch(ev.deviceTimeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss")) +
                  (ev.late ? QCoreApplication::translate("ww::WardState", " (late)") : QString());
    seen(deviceRow, ev.receiveTimeMs);
}

void WardState::setLocation(int tag, const Location& loc)
{
    const DeviceRef& r = tagRef(tag);
    if (r.patient >= 0) {
        m_rows.patients[size_t(r.patient)].location = loc;
        markPatient(r.patient);
    } else if (r.staff >= 0) {
        m_rows.staff[size_t(r.staff)].location = loc;
        markStaff(r.staff);
    } else if (r.asset >= 0) {
        AssetRow& a = m_rows.assets[size_t(r.asset)];
        a.location = loc;
        a.status = statusFor(m_site.room(loc.roomId));
        markAsset(r.asset);
    }
}

SignalState WardState::signalOf(int deviceRow, qint64 steadyNowMs) const
{
    const DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    if (d.statusOnline && !*d.statusOnline)
        return SignalState::NoSignal;
    if (!d.lastSeenSteadyMs)
        return SignalState::Waiting;
    const double limitS = m_site.timingFor(d.kind).silentAfterS;
    return steadyNowMs - *d.lastSeenSteadyMs > qint64(limitS * 1000) ? SignalState::NoSignal : SignalState::Live;
}

void WardState::checkSignals()
{
    const qint64 now = m_clock.steadyMs(); // a step of the wall clock neither silences nor wakes devices
    for (int i = 0; i < int(m_rows.devices.size()); ++i) {
        DeviceRow& d = m_rows.devices[size_t(i)];
        const SignalState s = signalOf(i, now);
        if (s != d.signal) {
            d.signal = s;
            markDevice(i);
        }
    }
    auto follow = [this](SignalState& dst, const QString& deviceId, Table table, int row) {
        const DeviceRef* r = find(deviceId);
        if (!r)
            return;
        const SignalState s = m_rows.devices[size_t(r->device)].signal;
        if (dst != s) {
            dst = s;
            m_dirty[table].mark(row);
        }
    };
    for (int i = 0; i < int(m_rows.patients.size()); ++i) {
        PatientRow& p = m_rows.patients[size_t(i)];
        follow(p.tagSignal, p.wristband, Patients, i);
        if (!p.monitor.isEmpty())
            follow(p.vitalsSignal, p.monitor, Patients, i);
    }
    for (int i = 0; i < int(m_rows.staff.size()); ++i)
        follow(m_rows.staff[size_t(i)].signal, m_rows.staff[size_t(i)].badge, Staff, i);
    for (int i = 0; i < int(m_rows.assets.size()); ++i)
        follow(m_rows.assets[size_t(i)].signal, m_rows.assets[size_t(i)].tag, Assets, i);
    for (int i = 0; i < int(m_rows.environment.size()); ++i)
        follow(m_rows.environment[size_t(i)].signal, m_rows.environment[size_t(i)].sensorId, Environment, i);
}

void WardState::accountAssetUse()
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
            markAsset(int(i));
    }
}

std::shared_ptr<WardUpdate> WardState::takeUpdate()
{
    auto update = std::make_shared<WardUpdate>();
    update->patients = take(m_dirty[Patients], m_rows.patients);
    update->staff = take(m_dirty[Staff], m_rows.staff);
    update->assets = take(m_dirty[Assets], m_rows.assets);
    update->environment = take(m_dirty[Environment], m_rows.environment);
    update->devices = take(m_dirty[Devices], m_rows.devices);
    return update;
}

} // namespace ww
