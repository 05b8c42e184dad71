#include "core/wardstate.h"
#include "core/logging.h"
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

QString minutes(qint64 ms)
{
    return QString::number(std::llround(double(std::abs(ms)) / 60'000.0));
}

} // namespace

// --- a device's clock ---------------------------------------------------------------------------

std::optional<qint64> DeviceClock::windowMax() const
{
    if (m_bucketMax && m_previousMax)
        return std::max(*m_bucketMax, *m_previousMax);
    return m_bucketMax ? m_bucketMax : m_previousMax;
}

bool DeviceClock::observe(qint64 deviceTimeMs, qint64 receiveTimeMs, qint64 steadyMs)
{
    if (deviceTimeMs <= 0 || receiveTimeMs <= 0)
        return false; // no arrival time to compare with
    const qint64 offset = deviceTimeMs - receiveTimeMs;
    if (steadyMs - m_bucketStartMs >= BucketMs) {
        m_previousMax = steadyMs - m_bucketStartMs < 2 * BucketMs ? m_bucketMax : std::nullopt;
        m_bucketMax.reset();
        m_bucketStartMs = steadyMs;
    }
    const std::optional<qint64> before = windowMax();
    if (before && offset < *before - WrongMs) {
        // Far earlier than the messages just before: late (a queue delivered after a reconnect), or
        // the clock was set back. Only messages that agree with each other for ConfirmMs move it.
        if (m_lowCount == 0 || offset > m_lowMaxMs + WrongMs || offset < m_lowMinMs - WrongMs) {
            m_lowCount = 0;
            m_lowSinceMs = steadyMs;
            m_lowMinMs = m_lowMaxMs = offset;
        }
        ++m_lowCount;
        m_lowMinMs = std::min(m_lowMinMs, offset);
        m_lowMaxMs = std::max(m_lowMaxMs, offset);
        if (m_lowCount < 2 || steadyMs - m_lowSinceMs < ConfirmMs)
            return false;
        m_bucketMax = m_lowMaxMs; // the clock was set back: the earlier messages no longer count
        m_previousMax.reset();
        m_bucketStartMs = steadyMs;
        m_beyondSign = 0; // the run that moved it is its confirmation
        m_beyondCount = m_lowCount;
        m_beyondSinceMs = m_lowSinceMs;
        m_lowCount = 0;
    } else {
        m_lowCount = 0;
        m_bucketMax = m_bucketMax ? std::max(*m_bucketMax, offset) : offset;
    }
    const qint64 estimate = *windowMax();
    m_offsetMs = estimate;
    const bool wasWrong = m_wrong;
    if (std::abs(estimate) > WrongMs) {
        const int sign = estimate > 0 ? 1 : -1;
        if (m_beyondSign != sign) {
            if (m_beyondSign != 0 || m_beyondCount == 0) { // a new stretch (not one a set-back run confirmed)
                m_beyondCount = 0;
                m_beyondSinceMs = steadyMs;
            }
            m_beyondSign = sign;
        }
        ++m_beyondCount;
        if (m_beyondCount >= 2 && steadyMs - m_beyondSinceMs >= ConfirmMs)
            m_wrong = true;
    } else {
        m_beyondCount = 0;
        m_beyondSign = 0;
        if (std::abs(estimate) <= RightMs)
            m_wrong = false;
    }
    if (m_wrong)
        m_correctionMs = (estimate >= 0 ? estimate + 500 : estimate - 500) / 1000 * 1000; // whole seconds
    return m_wrong != wasWrong;
}

qint64 DeviceClock::stationTime(qint64 deviceTimeMs, qint64 receiveTimeMs) const
{
    const qint64 t = deviceTimeMs - correctionMs();
    return receiveTimeMs > 0 && t > receiveTimeMs + SlackMs ? receiveTimeMs : t;
}

// --- the ward's state ---------------------------------------------------------------------------

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
    m_faults.resize(m_rows.devices.size());
    m_locatingUntilSteadyMs = m_clock.steadyMs() + LocatingGraceMs;
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
        setSignal(deviceRow, SignalState::Live, *d.lastSeenSteadyMs);
        checkSignals(); // propagate to the owner row now, not at the next 1 s tick
    }
    markDevice(deviceRow);
}

void WardState::heard(const BeaconBatch& m)
{
    // Gateway and tags were resolved by the decoder (DeviceDirectory): no look-ups by name here.
    const int gateway = m_gatewayDevice[size_t(m.gateway)];
    if (gateway >= 0) {
        observeClock(gateway, m.deviceTimeMs, m.receiveTimeMs);
        reconnected(gateway, stationTime(gateway, m.deviceTimeMs, m.receiveTimeMs));
    }
    seen(gateway, m.receiveTimeMs);
    const qint64 steadyNow = m_clock.steadyMs(); // once per batch, not per report: the clock read is not free
    for (const auto& r : m.reports) {
        const int device = m_tagDevice[size_t(r.tag)];
        DeviceRow& d = m_rows.devices[size_t(device)];
        d.lastSeenMs = std::max(d.lastSeenMs, m.receiveTimeMs);
        d.lastSeenSteadyMs = steadyNow;
        ++d.messages;
        // Heard, but its own connection reported offline: it stays so (as seen() keeps it), rather
        // than turning live at each batch and back at each check.
        if (d.signal != SignalState::Live && (!d.statusOnline || *d.statusOnline)) {
            setSignal(device, SignalState::Live, steadyNow);
            markDevice(device);
        }
    }
}

void WardState::setSignal(int deviceRow, SignalState s, qint64 steadyNowMs)
{
    DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    DeviceFaults& f = m_faults[size_t(deviceRow)];
    if (s == SignalState::Live && d.signal != SignalState::Live)
        f.liveSinceSteadyMs = steadyNowMs;
    if (s == SignalState::NoSignal && d.signal == SignalState::Live) {
        ++f.drops;
        ++m_counts.drops;
        f.recentDrops.push_back(steadyNowMs);
        while (!f.recentDrops.empty() && steadyNowMs - f.recentDrops.front() > FlapWindowMs)
            f.recentDrops.pop_front();
        if (f.recentDrops.size() > 256) // a bound, far above what "unstable" needs
            f.recentDrops.pop_front();
    }
    d.signal = s;
}

int WardState::recentDrops(int deviceRow, qint64 steadyNowMs) const
{
    const auto& drops = m_faults[size_t(deviceRow)].recentDrops;
    return int(
        std::count_if(drops.begin(), drops.end(), [&](qint64 t) { return steadyNowMs - t <= FlapWindowMs; }));
}

void WardState::observeClock(int deviceRow, qint64 deviceTimeMs, qint64 receiveTimeMs)
{
    DeviceFaults& f = m_faults[size_t(deviceRow)];
    if (!f.clock.observe(deviceTimeMs, receiveTimeMs, m_clock.steadyMs()))
        return;
    const DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    if (f.clock.wrong()) {
        ++f.clockFaults;
        ++m_counts.clockFaults;
        qCWarning(lcCore).noquote() << "device" << d.id << "clock" << minutes(f.clock.correctionMs()) << "min"
                                    << (f.clock.correctionMs() < 0 ? "behind" : "ahead")
                                    << ": its times are corrected";
    } else {
        qCInfo(lcCore).noquote() << "device" << d.id << "clock right again";
    }
    markDevice(deviceRow);
}

void WardState::reconnected(int deviceRow, qint64 t)
{
    DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    if (d.statusOnline && !*d.statusOnline && t > m_faults[size_t(deviceRow)].offlineAtMs)
        d.statusOnline = true; // sent after it went offline: its connection is back (seen() makes it live)
}

void WardState::countDuplicate(int deviceRow, TopicKind topic, const QString& deviceId, qint64 timeMs)
{
    ++m_faults[size_t(deviceRow)].duplicates;
    ++m_counts.duplicates;
    m_stats.countRejected(
        topic, RejectReason::Duplicate, deviceId,
        QStringLiteral("the message of %1 again")
            .arg(QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs)));
}

DeviceFaultCounts WardState::faultCounts() const
{
    DeviceFaultCounts c = m_counts;
    c.clocksWrong = int(std::count_if(m_faults.begin(), m_faults.end(),
                                      [](const DeviceFaults& f) { return f.clock.wrong(); }));
    return c;
}

int WardState::apply(const VitalsUpdate& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Vitals);
    if (!r || r->patient < 0)
        return -1;
    const int device = r->device;
    if (device < 0)
        return -1; // every device of the site has a row: a ref without one is no device
    observeClock(device, m.deviceTimeMs, m.receiveTimeMs);
    PatientRow& p = m_rows.patients[size_t(r->patient)];
    // Each sample on this station's clock; only one newer than the row's reading becomes current,
    // so an older batch (reordered, or from a clock set back) never replaces a newer one.
    bool taken = m.samples.isEmpty(), repeat = !m.samples.isEmpty(), corrected = false;
    qint64 newest = 0;
    for (const auto& s : m.samples) {
        const qint64 t = stationTime(device, s.timeMs, m.receiveTimeMs);
        corrected |= t != s.timeMs;
        newest = std::max(newest, t);
        Reading& reading = p.vitals[size_t(s.kind)];
        if (!reading.valid || t > reading.timeMs || (t == reading.timeMs && s.value != reading.value)) {
            reading = Reading{s.value, t, true};
            taken = true;
            repeat = false;
        } else if (t != reading.timeMs) {
            repeat = false;
        }
    }
    DeviceFaults& f = m_faults[size_t(device)];
    if (corrected) {
        ++f.corrected;
        ++m_counts.corrected;
    }
    if (repeat) {
        countDuplicate(device, TopicKind::Vitals, m.deviceId, m.deviceTimeMs);
        return -1; // the same batch again: nothing new, and no sign of life
    }
    reconnected(device, newest ? newest : stationTime(device, m.deviceTimeMs, m.receiveTimeMs));
    seen(device, m.receiveTimeMs);
    if (!taken) {
        ++f.stale;
        ++m_counts.stale;
        return -1; // the device is alive, but its row already shows newer readings
    }
    p.vitalsSignal = m_rows.devices[size_t(device)].signal;
    markPatient(r->patient);
    return r->patient;
}

int WardState::apply(const EnvUpdate& m)
{
    m_lastReadingMs.reset();
    const DeviceRef* r = ref(m.deviceId, TopicKind::Env);
    if (!r || r->env < 0)
        return -1;
    const int device = r->device;
    if (device < 0)
        return -1; // every device of the site has a row: a ref without one is no device
    observeClock(device, m.deviceTimeMs, m.receiveTimeMs);
    const qint64 t = stationTime(device, m.deviceTimeMs, m.receiveTimeMs);
    DeviceFaults& f = m_faults[size_t(device)];
    if (t != m.deviceTimeMs) {
        ++f.corrected;
        ++m_counts.corrected;
    }
    EnvRow& e = m_rows.environment[size_t(r->env)];
    auto same = [](const std::optional<double>& now, const std::optional<double>& v) {
        return !v || now == v;
    };
    if (t == e.timeMs && same(e.temperatureC, m.temperatureC) && same(e.humidityPct, m.humidityPct) &&
        same(e.co2Ppm, m.co2Ppm) && same(e.pm25, m.pm25) && same(e.tvoc, m.tvoc) &&
        same(e.diffPressurePa, m.diffPressurePa) && (m.door == DoorState::Unknown || m.door == e.door)) {
        countDuplicate(device, TopicKind::Env, m.deviceId, m.deviceTimeMs);
        return -1; // the same reading again
    }
    reconnected(device, t);
    m_lastReadingMs = t;
    if (t < e.timeMs) {
        ++f.stale;
        ++m_counts.stale;
        seen(device, m.receiveTimeMs);
        return -1; // older than the reading shown (reordered, or delivered late): not current
    }
    e.timeMs = t;
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
        e.doorSinceMs = t;
    }
    seen(device, m.receiveTimeMs);
    e.signal = m_rows.devices[size_t(device)].signal;
    evaluateTargets(e);
    markEnv(r->env);
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

int WardState::apply(const BedUpdate& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Bed);
    if (!r || r->device < 0)
        return -1;
    const int device = r->device;
    observeClock(device, m.deviceTimeMs, m.receiveTimeMs);
    const qint64 t = stationTime(device, m.deviceTimeMs, m.receiveTimeMs);
    reconnected(device, t);
    seen(device, m.receiveTimeMs);
    const auto bed = std::find_if(m_site.beds.begin(), m_site.beds.end(), [&](const Bed& b) { return b.device == m.deviceId; });
    const int row = bed == m_site.beds.end() ? -1 : rowOfBed(bed->id);
    if (row < 0)
        return -1;
    PatientRow::BedState& s = m_rows.patients[size_t(row)].bedState;
    if (t < s.timeMs) {
        ++m_faults[size_t(device)].stale;
        ++m_counts.stale;
        return -1; // older than the state shown
    }
    s.timeMs = t;
    if (m.occupied)
        s.occupied = m.occupied;
    if (m.brakeSet)
        s.brakeSet = m.brakeSet;
    if (m.railsUp)
        s.railsUp = m.railsUp;
    if (m.headAngleDeg)
        s.headAngleDeg = m.headAngleDeg;
    s.exitAlert = m.exitAlert;
    markPatient(row);
    return row;
}

int WardState::apply(const DeviceStatusMsg& m)
{
    const DeviceRef* r = ref(m.deviceId, TopicKind::Status);
    if (!r)
        return -1;
    const int device = r->device;
    if (device < 0)
        return -1; // every device of the site has a row: a ref without one is no device
    DeviceRow& d = m_rows.devices[size_t(device)];
    DeviceFaults& f = m_faults[size_t(device)];
    observeClock(device, m.deviceTimeMs, m.receiveTimeMs);
    const qint64 t = m.deviceTimeMs > 0 ? stationTime(device, m.deviceTimeMs, m.receiveTimeMs) : 0;
    // Statuses are taken in device-time order: an online status older than the last one neither
    // masks a newer offline nor brings back an old battery level. An offline status always counts:
    // a will carries the time its device connected, long before the broker sends it.
    const bool older = t > 0 && t < f.lastStatusMs;
    if (older && m.online) {
        ++f.stale;
        ++m_counts.stale;
        return -1;
    }
    d.statusOnline = m.online;
    if (m.batteryPct && !older)
        d.batteryPct = m.batteryPct;
    f.lastStatusMs = std::max(f.lastStatusMs, t);
    markDevice(device);
    if (m.online) {
        seen(device, m.receiveTimeMs);
    } else {
        f.offlineAtMs = t;
        checkSignals(); // an offline status (or will) is "no signal" at once
    }
    return device;
}

void WardState::noteEvent(int deviceRow, const DeviceEventMsg& ev)
{
    observeClock(deviceRow, ev.deviceTimeMs, ev.receiveTimeMs);
    const EventTime at = eventTime(deviceRow, ev);
    if (at.timeMs != ev.deviceTimeMs) {
        ++m_faults[size_t(deviceRow)].corrected;
        ++m_counts.corrected;
    }
    DeviceRow& d = m_rows.devices[size_t(deviceRow)];
    d.lastEvent =
        toString(ev.kind) + QChar(u' ') +
        QDateTime::fromMSecsSinceEpoch(at.timeMs).toLocalTime().toString(QStringLiteral("HH:mm:ss")) +
        (at.late ? QCoreApplication::translate("ww::WardState", " (late)") : QString());
    reconnected(deviceRow, at.timeMs);
    seen(deviceRow, ev.receiveTimeMs);
}

WardState::EventTime WardState::eventTime(int deviceRow, const DeviceEventMsg& ev) const
{
    const qint64 t = stationTime(deviceRow, ev.deviceTimeMs, ev.receiveTimeMs);
    if (t == ev.deviceTimeMs)
        return {t, ev.late};
    // Corrected (a wrong clock) or placed at its arrival: late only by the station's own clock.
    return {t, ev.receiveTimeMs - t > qint64(m_site.lateAfterS) * 1000};
}

void WardState::setLocation(int tag, const Location& given)
{
    const DeviceRef& r = tagRef(tag);
    Location loc = given;
    // A stale room was last known for sure when the tag was last placed there without doubt.
    auto heard = [&loc](const Location& before) {
        if (loc.roomState == RoomState::Known && loc.known && !loc.roomId.isEmpty())
            loc.roomHeardMs = loc.timeMs;
        else if (loc.roomState == RoomState::Stale && loc.roomHeardMs == 0)
            loc.roomHeardMs = before.roomId == loc.roomId && before.roomHeardMs > 0 ? before.roomHeardMs : before.timeMs;
    };
    if (r.patient >= 0) {
        heard(m_rows.patients[size_t(r.patient)].location);
        m_rows.patients[size_t(r.patient)].location = loc;
        markPatient(r.patient);
    } else if (r.staff >= 0) {
        heard(m_rows.staff[size_t(r.staff)].location);
        m_rows.staff[size_t(r.staff)].location = loc;
        markStaff(r.staff);
    } else if (r.asset >= 0) {
        AssetRow& a = m_rows.assets[size_t(r.asset)];
        heard(a.location);
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
            setSignal(i, s, now);
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
    if (m_locatingUntilSteadyMs && now >= m_locatingUntilSteadyMs) {
        // The grace is over: a tag not located by now is not "locating…" any more.
        m_locatingUntilSteadyMs = 0;
        auto expire = [this](Location& l, Table table, int row) {
            if (l.roomState == RoomState::Locating && l.timeMs == 0) {
                l.roomState = RoomState::Known;
                m_dirty[table].mark(row);
            }
        };
        for (int i = 0; i < int(m_rows.patients.size()); ++i)
            expire(m_rows.patients[size_t(i)].location, Patients, i);
        for (int i = 0; i < int(m_rows.staff.size()); ++i)
            expire(m_rows.staff[size_t(i)].location, Staff, i);
        for (int i = 0; i < int(m_rows.assets.size()); ++i)
            expire(m_rows.assets[size_t(i)].location, Assets, i);
    }
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
