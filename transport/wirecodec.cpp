// The decoders of wire contract v1 (docs/wire-contract.md): every topic kind's payload checked and
// turned into the domain's messages, with a reason for whatever is refused; and the command a device
// reads (decodeCommand). The encoders are in wireencode.cpp.
#include "transport/wirecodec.h"

#include "transport/advbatchscan.h"

#include "wardwatch.pb.h"

#include <QRegularExpression>

#include <cmath>

namespace ww {

QString toString(RejectReason reason)
{
    static const char* names[RejectReasonCount] = {"malformed",     "oversized",      "unknown-version",
                                                   "out-of-range",  "missing-field",  "topic-mismatch",
                                                   "unknown-topic", "duplicate",      "unknown-device",
                                                   "unsigned",      "bad-signature",  "replayed"};
    return QLatin1String(names[int(reason)]);
}

namespace {

DecodeResult fail(RejectReason reason, QString detail)
{
    return {{}, DecodeError{reason, std::move(detail)}};
}

std::optional<DecodeError> checkHeader(quint32 version, quint64 deviceTimeMs, const DecodeContext& ctx)
{
    if (version != SchemaVersion)
        return DecodeError{RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(version)};
    if (deviceTimeMs == 0)
        return DecodeError{RejectReason::MissingField, QStringLiteral("device_time_ms is 0")};
    // Compared unsigned first: a time past 2^63 ms would turn negative as a qint64.
    if (deviceTimeMs > quint64(ctx.nowMs + ctx.maxFutureMs))
        return DecodeError{RejectReason::OutOfRange,
                           QStringLiteral("device_time_ms is %1 s in the future").arg((deviceTimeMs - quint64(ctx.nowMs)) / 1000)};
    const qint64 t = qint64(deviceTimeMs);
    if (t < ctx.nowMs - ctx.maxPastMs)
        return DecodeError{RejectReason::OutOfRange,
                           QStringLiteral("device_time_ms is %1 days old").arg((ctx.nowMs - t) / 86'400'000)};
    return std::nullopt;
}

template <typename Msg> bool parse(Msg& msg, std::span<const std::byte> payload)
{
    return msg.ParseFromArray(payload.data(), int(payload.size()));
}

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The id a message is about: the payload's, which must agree with the topic's when both are given.
std::string_view idFrom(std::string_view payloadId, std::string_view topicId, std::optional<DecodeError>& err,
                        const char* field)
{
    if (payloadId.empty())
        return topicId;
    if (payloadId != topicId)
        err = DecodeError{RejectReason::TopicMismatch, QStringLiteral("%1 \"%2\" differs from the topic's \"%3\"")
                                                           .arg(QLatin1String(field), utf8(payloadId), utf8(topicId))};
    return payloadId;
}

bool finite(double v) { return std::isfinite(v); }

DecodeResult decodeAdverts(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    // The hot path: the scanner reads ordinary frames without libprotobuf; whatever it declines,
    // libprotobuf parses. One view and one message per thread, reused: nothing allocated once warm.
    thread_local AdvBatchView m;
    if (!scanAdvBatch(payload, m)) {
        thread_local v1::AdvBatch parsed;
        if (!parse(parsed, payload))
            return fail(RejectReason::Malformed, QStringLiteral("not a valid AdvBatch"));
        viewOf(parsed, m);
    }
    if (auto e = checkHeader(m.schemaVersion, m.deviceTimeMs, ctx))
        return {{}, e};
    std::optional<DecodeError> err;
    const std::string_view gatewayId = idFrom(m.gatewayId, id, err, "gateway_id");
    if (err)
        return {{}, err};
    BeaconBatch b;
    b.gateway = ctx.directory ? ctx.directory->gateway(gatewayId) : -1;
    if (b.gateway < 0)
        return fail(RejectReason::UnknownDevice, QStringLiteral("gateway \"%1\" is not in the site configuration").arg(utf8(gatewayId)));
    b.deviceTimeMs = qint64(m.deviceTimeMs);
    b.receiveTimeMs = ctx.receiveTimeMs;
    b.reports.reserve(qsizetype(m.adverts.size()));
    for (int i = 0; i < int(m.adverts.size()); ++i) {
        const AdvertView& a = m.adverts[size_t(i)];
        if (a.tagId.empty())
            return fail(RejectReason::MissingField, QStringLiteral("adverts[%1].tag_id is empty").arg(i));
        if (a.rssi < -127 || a.rssi > 20)
            return fail(RejectReason::OutOfRange, QStringLiteral("adverts[%1].rssi %2 dBm outside [-127, 20]").arg(i).arg(a.rssi));
        if (a.txPower < -127 || a.txPower > 20)
            return fail(RejectReason::OutOfRange, QStringLiteral("adverts[%1].tx_power %2 dBm outside [-127, 20]").arg(i).arg(a.txPower));
        if (a.timeOffsetMs > 0 || a.timeOffsetMs < -600'000)
            return fail(RejectReason::OutOfRange,
                        QStringLiteral("adverts[%1].time_offset_ms %2 outside [-600000, 0]").arg(i).arg(a.timeOffsetMs));
        const int tag = ctx.directory->tag(a.tagId);
        if (tag < 0) {
            ++b.foreignAdverts;
            continue;
        }
        b.reports.push_back({tag, b.deviceTimeMs + a.timeOffsetMs, qint16(a.rssi), qint8(a.txPower)});
    }
    return {{std::move(b)}, {}};
}

DecodeResult decodeVitals(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::ObservationBatch m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid ObservationBatch"));
    if (auto e = checkHeader(m.schema_version(), m.device_time_ms(), ctx))
        return {{}, e};
    std::optional<DecodeError> err;
    VitalsUpdate u;
    u.deviceId = utf8(idFrom(m.device_id(), id, err, "device_id"));
    if (err)
        return {{}, err};
    u.deviceTimeMs = qint64(m.device_time_ms());
    u.receiveTimeMs = ctx.receiveTimeMs;
    for (int i = 0; i < m.observations_size(); ++i) {
        const auto& o = m.observations(i);
        const auto kind = vitalKindFromMdc(o.mdc_code());
        if (!kind)
            continue; // codes we do not chart yet are ignored, as unknown fields are
        if (o.unit_code() != 0 && o.unit_code() != mdcUnitFor(*kind))
            return fail(RejectReason::OutOfRange, QStringLiteral("observations[%1].unit_code %2 is not %3 for MDC code %4")
                                                      .arg(i).arg(o.unit_code()).arg(mdcUnitFor(*kind)).arg(o.mdc_code()));
        if (!finite(o.value()) || !vitalInRange(*kind, o.value()))
            return fail(RejectReason::OutOfRange,
                        QStringLiteral("observations[%1] %2 = %3 is not physiological").arg(i).arg(toString(*kind)).arg(o.value()));
        if (o.time_ms() > quint64(ctx.nowMs + ctx.maxFutureMs)) // unsigned: past 2^63 is the future too
            return fail(RejectReason::OutOfRange, QStringLiteral("observations[%1].time_ms is in the future").arg(i));
        const qint64 t = o.time_ms() ? qint64(o.time_ms()) : u.deviceTimeMs;
        if (o.time_ms() && t < ctx.nowMs - ctx.maxPastMs)
            return fail(RejectReason::OutOfRange, QStringLiteral("observations[%1].time_ms is %2 days old")
                                                      .arg(i)
                                                      .arg((ctx.nowMs - t) / 86'400'000));
        u.samples.push_back({*kind, o.value(), t});
    }
    return {{std::move(u)}, {}};
}

DecodeResult decodeEvent(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::DeviceEvent m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid DeviceEvent"));
    // An event may be a call for help: one from a device whose clock runs hours ahead is taken, not
    // dropped as from the future (the core places it at its arrival and raises the clock,
    // core/wardstate). A year ahead is no clock, it is damage.
    DecodeContext eventCtx = ctx;
    eventCtx.maxFutureMs = std::max(ctx.maxFutureMs, EventMaxFutureMs);
    if (auto e = checkHeader(m.schema_version(), m.device_time_ms(), eventCtx))
        return {{}, e};
    std::optional<DecodeError> err;
    DeviceEventMsg ev;
    ev.deviceId = utf8(idFrom(m.device_id(), id, err, "device_id"));
    if (err)
        return {{}, err};
    if (m.seq() == 0)
        return fail(RejectReason::MissingField, QStringLiteral("seq is 0 (sequence numbers start at 1)"));
    if (m.kind() == v1::DeviceEvent::KIND_UNSPECIFIED || !v1::DeviceEvent::Kind_IsValid(m.kind()))
        return fail(RejectReason::OutOfRange, QStringLiteral("kind %1 is not a known event").arg(int(m.kind())));
    ev.deviceTimeMs = qint64(m.device_time_ms());
    ev.receiveTimeMs = ctx.receiveTimeMs;
    ev.boot = m.boot();
    ev.seq = m.seq();
    ev.kind = DeviceEventKind(int(m.kind()) - 1);
    return {{std::move(ev)}, {}};
}

DecodeResult decodeBed(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::BedReading m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid BedReading"));
    if (auto e = checkHeader(m.schema_version(), m.device_time_ms(), ctx))
        return {{}, e};
    std::optional<DecodeError> err;
    BedUpdate b;
    b.deviceId = utf8(idFrom(m.device_id(), id, err, "device_id"));
    if (err)
        return {{}, err};
    b.deviceTimeMs = qint64(m.device_time_ms());
    b.receiveTimeMs = ctx.receiveTimeMs;
    if (m.has_occupied())
        b.occupied = m.occupied();
    if (m.has_brake_set())
        b.brakeSet = m.brake_set();
    if (m.has_rails_up()) {
        if (m.rails_up() > 4)
            return fail(RejectReason::OutOfRange, QStringLiteral("rails_up: %1 is more than 4").arg(m.rails_up()));
        b.railsUp = int(m.rails_up());
    }
    if (m.has_head_angle_deg()) {
        if (!finite(m.head_angle_deg()) || m.head_angle_deg() < 0 || m.head_angle_deg() > 90)
            return fail(RejectReason::OutOfRange, QStringLiteral("head_angle_deg: %1 outside [0, 90]").arg(m.head_angle_deg()));
        b.headAngleDeg = m.head_angle_deg();
    }
    b.exitAlert = m.exit_alert();
    return {{std::move(b)}, {}};
}

DecodeResult decodeEnv(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::EnvReading m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid EnvReading"));
    if (auto e = checkHeader(m.schema_version(), m.device_time_ms(), ctx))
        return {{}, e};
    std::optional<DecodeError> err;
    EnvUpdate r;
    r.deviceId = utf8(idFrom(m.device_id(), id, err, "device_id"));
    if (err)
        return {{}, err};
    r.deviceTimeMs = qint64(m.device_time_ms());
    r.receiveTimeMs = ctx.receiveTimeMs;
    struct Field
    {
        bool has;
        float value;
        double lo, hi;
        const char* name;
        std::optional<double>* out;
    };
    const Field fields[] = {
        {m.has_temperature_c(), m.temperature_c(), -100, 100, "temperature_c", &r.temperatureC},
        {m.has_humidity_pct(), m.humidity_pct(), 0, 100, "humidity_pct", &r.humidityPct},
        {m.has_co2_ppm(), m.co2_ppm(), 0, 40000, "co2_ppm", &r.co2Ppm},
        {m.has_pm25_ugm3(), m.pm25_ugm3(), 0, 2000, "pm25_ugm3", &r.pm25},
        {m.has_tvoc_mgm3(), m.tvoc_mgm3(), 0, 100, "tvoc_mgm3", &r.tvoc},
        {m.has_diff_pressure_pa(), m.diff_pressure_pa(), -500, 500, "diff_pressure_pa", &r.diffPressurePa},
    };
    for (const auto& f : fields) {
        if (!f.has)
            continue;
        if (!finite(f.value) || f.value < f.lo || f.value > f.hi)
            return fail(RejectReason::OutOfRange,
                        QStringLiteral("%1 = %2 outside [%3, %4]").arg(QLatin1String(f.name)).arg(f.value).arg(f.lo).arg(f.hi));
        *f.out = double(f.value);
    }
    r.door = m.door() == v1::EnvReading::DOOR_OPEN    ? DoorState::Open
             : m.door() == v1::EnvReading::DOOR_CLOSED ? DoorState::Closed
                                                       : DoorState::Unknown;
    return {{std::move(r)}, {}};
}

DecodeResult decodeStatus(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::DeviceStatus m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid DeviceStatus"));
    // Retained statuses may be old: only the version is checked, not the age.
    if (m.schema_version() != SchemaVersion)
        return fail(RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(m.schema_version()));
    if (m.device_time_ms() > quint64(ctx.nowMs + ctx.maxFutureMs))
        return fail(RejectReason::OutOfRange, QStringLiteral("device_time_ms is in the future"));
    std::optional<DecodeError> err;
    DeviceStatusMsg s;
    s.deviceId = utf8(idFrom(m.device_id(), id, err, "device_id"));
    if (err)
        return {{}, err};
    if (m.has_battery_pct() && m.battery_pct() > 100)
        return fail(RejectReason::OutOfRange, QStringLiteral("battery_pct %1 > 100").arg(m.battery_pct()));
    s.deviceTimeMs = qint64(m.device_time_ms());
    s.receiveTimeMs = ctx.receiveTimeMs;
    s.online = m.online();
    if (m.has_battery_pct())
        s.batteryPct = int(m.battery_pct());
    s.boot = m.boot();
    s.firmware = QString::fromStdString(m.firmware());
    s.reportIntervalS = int(m.report_interval_s());
    return {{std::move(s)}, {}};
}

DecodeResult decodePosition(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::Position m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid Position"));
    if (auto e = checkHeader(m.schema_version(), m.device_time_ms(), ctx))
        return {{}, e};
    std::optional<DecodeError> err;
    PositionMsg p;
    p.tagId = utf8(idFrom(m.tag_id(), id, err, "tag_id"));
    if (err)
        return {{}, err};
    if (!finite(m.x()) || !finite(m.y()) || std::abs(m.x()) > 10'000 || std::abs(m.y()) > 10'000)
        return fail(RejectReason::OutOfRange, QStringLiteral("x, y outside +-10 km"));
    if (!finite(m.accuracy_m()) || m.accuracy_m() < 0 || !(m.confidence() >= 0 && m.confidence() <= 1)) // NaN too
        return fail(RejectReason::OutOfRange, QStringLiteral("accuracy_m or confidence out of range"));
    p.timeMs = qint64(m.device_time_ms());
    p.x = m.x();
    p.y = m.y();
    p.floor = m.floor();
    p.room = QString::fromStdString(m.room());
    p.accuracyM = m.accuracy_m();
    p.confidence = m.confidence();
    p.engineId = QString::fromStdString(m.engine_id());
    // A state this station does not know (a newer engine's) is refused rather than guessed: a room
    // shown as known that its sender meant as doubtful would be the wrong room.
    if (const int state = int(m.room_state()); state < 0 || state >= RoomStateCount)
        return fail(RejectReason::OutOfRange, QStringLiteral("room_state: %1 is not a known state").arg(state));
    p.roomState = RoomState(int(m.room_state()));
    p.nearRoom = QString::fromStdString(m.near_room());
    p.unknownReason = QString::fromStdString(m.unknown_reason()).left(200);
    // Unknown and locating name no room; a stale position names the room it keeps.
    if ((p.roomState == RoomState::UnknownNear || p.roomState == RoomState::Locating) && !p.room.isEmpty())
        return fail(RejectReason::OutOfRange, QStringLiteral("room: must be empty when room_state is %1")
                                                  .arg(p.roomState == RoomState::UnknownNear ? QStringLiteral("ROOM_UNKNOWN_NEAR")
                                                                                              : QStringLiteral("ROOM_LOCATING")));
    if (p.roomState == RoomState::Stale && p.room.isEmpty())
        return fail(RejectReason::MissingField, QStringLiteral("room: required when room_state is ROOM_STALE"));
    return {{std::move(p)}, {}};
}

DecodeResult decodeStation(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::StationPresence m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid StationPresence"));
    if (m.schema_version() != SchemaVersion)
        return fail(RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(m.schema_version()));
    std::optional<DecodeError> err;
    StationPresenceMsg s;
    s.stationId = utf8(idFrom(m.station_id(), id, err, "station_id"));
    if (err)
        return {{}, err};
    s.deviceTimeMs = qint64(m.device_time_ms());
    s.online = m.online();
    s.siteHash = QString::fromStdString(m.site_hash());
    s.operatorId = QString::fromStdString(m.operator_id());
    s.engine = m.engine();
    s.audioPausedUntilMs = qint64(m.audio_paused_until_ms());
    s.audioPausedBy = QString::fromStdString(m.audio_paused_by()).left(100);
    Q_UNUSED(ctx);
    return {{std::move(s)}, {}};
}

// Retained for as long as the patient stays: its time may be old, never in the future.
DecodeResult decodeCensus(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::CensusEntry m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid CensusEntry"));
    if (m.schema_version() != SchemaVersion)
        return fail(RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(m.schema_version()));
    if (m.device_time_ms() == 0)
        return fail(RejectReason::MissingField, QStringLiteral("device_time_ms is 0"));
    if (m.device_time_ms() > quint64(ctx.nowMs + ctx.maxFutureMs))
        return fail(RejectReason::OutOfRange, QStringLiteral("device_time_ms is %1 s in the future")
                                                  .arg((m.device_time_ms() - quint64(ctx.nowMs)) / 1000));
    std::optional<DecodeError> err;
    CensusEntryMsg c;
    c.bed = utf8(idFrom(m.bed(), id, err, "bed"));
    if (err)
        return {{}, err};
    if (m.station_id().empty())
        return fail(RejectReason::MissingField, QStringLiteral("station_id: missing"));
    c.patientId = QString::fromStdString(m.patient_id());
    c.patientName = QString::fromStdString(m.patient_name());
    if (!c.patientId.isEmpty() && c.patientName.isEmpty())
        return fail(RejectReason::MissingField, QStringLiteral("patient_name: missing for patient \"%1\"").arg(c.patientId));
    c.wristband = QString::fromStdString(m.wristband());
    c.monitor = QString::fromStdString(m.monitor());
    c.timeMs = qint64(m.device_time_ms());
    c.stationId = QString::fromStdString(m.station_id());
    c.operatorId = QString::fromStdString(m.operator_id());
    c.action = QString::fromStdString(m.action());
    return {{std::move(c)}, {}};
}

// The checks every retained entry of shared state shares (census, care, role): its version, a time
// that is set and not in the future, and the station that made it.
template <typename M>
std::optional<DecodeError> checkSharedEntry(const M& m, const DecodeContext& ctx, const char* type)
{
    if (m.schema_version() != SchemaVersion)
        return DecodeError{RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(m.schema_version())};
    if (m.device_time_ms() == 0)
        return DecodeError{RejectReason::MissingField, QStringLiteral("%1.device_time_ms is 0").arg(QLatin1String(type))};
    if (m.device_time_ms() > quint64(ctx.nowMs + ctx.maxFutureMs))
        return DecodeError{RejectReason::OutOfRange, QStringLiteral("%1.device_time_ms is %2 s in the future")
                                                         .arg(QLatin1String(type)).arg((m.device_time_ms() - quint64(ctx.nowMs)) / 1000)};
    if (m.station_id().empty())
        return DecodeError{RejectReason::MissingField, QStringLiteral("%1.station_id: missing").arg(QLatin1String(type))};
    return std::nullopt;
}

DecodeResult decodeCare(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::CareEntry m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid CareEntry"));
    if (auto err = checkSharedEntry(m, ctx, "CareEntry"))
        return {{}, err};
    std::optional<DecodeError> err;
    CareEntryMsg c;
    c.patientId = utf8(idFrom(m.patient_id(), id, err, "patient_id"));
    if (err)
        return {{}, err};
    c.nurseId = QString::fromStdString(m.nurse_id());
    c.fallRisk = m.fall_risk();
    c.elopementRisk = m.elopement_risk();
    c.bedExitArmed = m.bed_exit_armed();
    if (m.reposition_every_min() > 24 * 60)
        return fail(RejectReason::OutOfRange, QStringLiteral("reposition_every_min: %1 is more than a day").arg(m.reposition_every_min()));
    c.repositionEveryMin = int(m.reposition_every_min());
    for (int i = 0; i < m.medication_times_size(); ++i) {
        const QString t = QString::fromStdString(m.medication_times(i));
        if (!isTimeOfDay(t))
            return fail(RejectReason::OutOfRange, QStringLiteral("medication_times[%1]: \"%2\" is not a time of day (HH:MM)").arg(i).arg(t.left(16)));
        c.medicationTimes << t;
    }
    c.timeMs = qint64(m.device_time_ms());
    if (m.plan_since_ms() > m.device_time_ms())
        return fail(RejectReason::OutOfRange, QStringLiteral("plan_since_ms: after the entry's own time"));
    c.planSinceMs = qint64(m.plan_since_ms());
    c.stationId = QString::fromStdString(m.station_id());
    c.operatorId = QString::fromStdString(m.operator_id());
    c.action = QString::fromStdString(m.action());
    // A part is never newer than the entry that carries it (the entry's time is its newest part's).
    const std::pair<const v1::PartVersion*, PartVersion*> parts[] = {
        {m.has_assignment_version() ? &m.assignment_version() : nullptr, &c.assignmentVersion},
        {m.has_flags_version() ? &m.flags_version() : nullptr, &c.flagsVersion},
        {m.has_schedule_version() ? &m.schedule_version() : nullptr, &c.scheduleVersion}};
    // Time 0: never set. No part set at all (an entry from before parts had versions): every part
    // is the entry's own.
    for (const auto& [wire, version] : parts) {
        if (!wire)
            continue;
        if (wire->time_ms() > m.device_time_ms() || (wire->time_ms() != 0) == wire->station_id().empty())
            return fail(RejectReason::OutOfRange,
                        QStringLiteral("CareEntry.%1: after the entry's own time, or a time without a station")
                            .arg(version == &c.assignmentVersion ? QStringLiteral("assignment_version")
                                 : version == &c.flagsVersion    ? QStringLiteral("flags_version")
                                                                 : QStringLiteral("schedule_version")));
        *version = PartVersion{qint64(wire->time_ms()), QString::fromStdString(wire->station_id())};
    }
    c.fillVersions();
    return {{std::move(c)}, {}};
}

DecodeResult decodeRole(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::ShiftRole m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid ShiftRole"));
    if (auto err = checkSharedEntry(m, ctx, "ShiftRole"))
        return {{}, err};
    std::optional<DecodeError> err;
    ShiftRoleMsg r;
    r.role = utf8(idFrom(m.role(), id, err, "role"));
    if (err)
        return {{}, err};
    r.staffId = QString::fromStdString(m.staff_id());
    r.timeMs = qint64(m.device_time_ms());
    r.stationId = QString::fromStdString(m.station_id());
    r.operatorId = QString::fromStdString(m.operator_id());
    return {{std::move(r)}, {}};
}

DecodeResult decodeCommandAck(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    v1::CommandAck m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid CommandAck"));
    if (m.schema_version() != SchemaVersion)
        return fail(RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(m.schema_version()));
    std::optional<DecodeError> err;
    CommandAckMsg a;
    a.deviceId = utf8(idFrom(m.device_id(), id, err, "device_id"));
    if (err)
        return {{}, err};
    if (m.command_id().empty())
        return fail(RejectReason::MissingField, QStringLiteral("command_id: missing"));
    if (m.status() < v1::CommandAck::RECEIVED || m.status() > v1::CommandAck::FAILED)
        return fail(RejectReason::OutOfRange, QStringLiteral("status: %1 is not a known status").arg(int(m.status())));
    a.commandId = QString::fromStdString(m.command_id());
    a.status = CommandAckStatus(int(m.status()));
    a.detail = QString::fromStdString(m.detail()).left(200);
    a.deviceTimeMs = qint64(m.device_time_ms());
    a.receiveTimeMs = ctx.receiveTimeMs;
    return {{std::move(a)}, {}};
}

DecodeResult decodeAlarm(std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    AlarmStateMsg out;
    out.receiveTimeMs = ctx.receiveTimeMs;
    if (payload.empty()) { // a cleared retained message: the alarm was closed
        out.cleared = true;
        out.state.id = QString::fromUtf8(id.data(), qsizetype(id.size()));
        return {{std::move(out)}, {}};
    }
    v1::AlarmState m;
    if (!parse(m, payload))
        return fail(RejectReason::Malformed, QStringLiteral("not a valid AlarmState"));
    if (m.schema_version() != SchemaVersion)
        return fail(RejectReason::UnknownVersion, QStringLiteral("schema_version %1 (this station reads 1)").arg(m.schema_version()));
    std::optional<DecodeError> err;
    AlarmState& a = out.state;
    a.id = utf8(idFrom(m.alarm_id(), id, err, "alarm_id"));
    if (err)
        return {{}, err};
    if (m.priority() < v1::AlarmState::LOW || m.priority() > v1::AlarmState::HIGH)
        return fail(RejectReason::OutOfRange, QStringLiteral("priority: %1 is not low, medium or high").arg(int(m.priority())));
    if (m.phase() == v1::AlarmState::PHASE_UNSPECIFIED)
        return fail(RejectReason::MissingField, QStringLiteral("phase: missing"));
    a.priority = Priority(int(m.priority()));
    a.rule = QString::fromStdString(m.rule());
    a.source = QString::fromStdString(m.source());
    a.subject = QString::fromStdString(m.subject());
    a.condition = QString::fromStdString(m.condition());
    a.conditionCode = QString::fromStdString(m.condition_code());
    a.endsOnAck = m.ends_on_ack();
    for (const auto& arg : m.condition_args())
        a.conditionArgs << QString::fromStdString(arg);
    a.place = QString::fromStdString(m.place());
    a.roomId = QString::fromStdString(m.room_id());
    a.value = m.value();
    a.limit = m.limit();
    a.onsetMs = qint64(m.onset_ms());
    a.ackedBy = QString::fromStdString(m.acked_by());
    a.ackedByName = QString::fromStdString(m.acked_by_name());
    a.ackedStation = QString::fromStdString(m.acked_station());
    a.ackComment = QString::fromStdString(m.comment()).left(200); // as long as a station lets one be written
    a.patientId = QString::fromStdString(m.patient_id());
    a.ackedAtMs = qint64(m.acked_at_ms());
    a.endedMs = qint64(m.ended_ms());
    a.closedMs = qint64(m.closed_ms());
    a.escalationStep = int(m.escalation_step());
    a.stationId = QString::fromStdString(m.station_id());
    a.revision = m.revision();
    a.late = m.late();
    a.latching = m.latching();
    const QString category = QString::fromStdString(m.category());
    for (AlarmCategory c : {AlarmCategory::Patient, AlarmCategory::Event, AlarmCategory::Environment,
                            AlarmCategory::Location, AlarmCategory::Technical})
        if (toString(c) == category)
            a.category = c;
    // A phase without its fact (another implementation): take the publish time as the fact's time.
    const qint64 t = m.device_time_ms() ? qint64(m.device_time_ms()) : ctx.receiveTimeMs;
    const auto phase = m.phase();
    const bool ackedPhase = phase == v1::AlarmState::ACKNOWLEDGED || phase == v1::AlarmState::RESOLVED;
    if ((ackedPhase || a.ackedAtMs != 0) && a.ackedBy.isEmpty())
        return fail(RejectReason::MissingField, QStringLiteral("acked_by: an acknowledgement names its operator"));
    if ((phase == v1::AlarmState::ACKNOWLEDGED || phase == v1::AlarmState::RESOLVED) && a.ackedAtMs == 0)
        a.ackedAtMs = t;
    if ((phase == v1::AlarmState::RESOLVED_UNACKED || phase == v1::AlarmState::RESOLVED) && a.endedMs == 0)
        a.endedMs = t;
    if (phase == v1::AlarmState::CLOSED && a.closedMs == 0)
        a.closedMs = t;
    // Times an alarm's merge keeps the earliest of: a corrupt or forged 1970 must not become who
    // acknowledged it and when. The onset lies within the usual window; the facts after the onset
    // (less the clock skew allowed for) and never in the future.
    constexpr qint64 Year = 365LL * 86'400'000; // an alarm may stay open (latched) longer than a device's data
    if (a.onsetMs < ctx.nowMs - Year || a.onsetMs > ctx.nowMs + ctx.maxFutureMs)
        return fail(RejectReason::OutOfRange, QStringLiteral("onset_ms %1 is not within the last year").arg(a.onsetMs));
    for (const auto& [name, v] : {std::pair{"acked_at_ms", a.ackedAtMs}, std::pair{"ended_ms", a.endedMs},
                                  std::pair{"closed_ms", a.closedMs}})
        if (v != 0 && (v < a.onsetMs - ctx.maxFutureMs || v > ctx.nowMs + ctx.maxFutureMs))
            return fail(RejectReason::OutOfRange,
                        QStringLiteral("%1 %2 is before the onset or in the future").arg(QLatin1String(name)).arg(v));
    return {{std::move(out)}, {}};
}

} // namespace

DecodeResult decodeWire(TopicKind kind, std::string_view id, std::span<const std::byte> payload, const DecodeContext& ctx)
{
    switch (kind) {
    case TopicKind::Adverts: return decodeAdverts(id, payload, ctx);
    case TopicKind::Vitals: return decodeVitals(id, payload, ctx);
    case TopicKind::Event: return decodeEvent(id, payload, ctx);
    case TopicKind::Env: return decodeEnv(id, payload, ctx);
    case TopicKind::Status: return decodeStatus(id, payload, ctx);
    case TopicKind::Position: return decodePosition(id, payload, ctx);
    case TopicKind::Station: return decodeStation(id, payload, ctx);
    case TopicKind::Moko: return decodeMokoJson(payload, ctx);
    case TopicKind::Alarm: return decodeAlarm(id, payload, ctx);
    case TopicKind::Census: return decodeCensus(id, payload, ctx);
    case TopicKind::Care: return decodeCare(id, payload, ctx);
    case TopicKind::Role: return decodeRole(id, payload, ctx);
    case TopicKind::CommandAck: return decodeCommandAck(id, payload, ctx);
    case TopicKind::Bed: return decodeBed(id, payload, ctx);
    case TopicKind::Command: return {}; // addressed to devices and people; stations do not act on them
    case TopicKind::Truth:
    case TopicKind::Unknown: break;
    }
    return fail(RejectReason::UnknownTopic, QStringLiteral("no decoder for this topic"));
}

std::optional<CommandMsg> decodeCommand(std::span<const std::byte> payload)
{
    // Stations sign their commands ("WWS1" + Signed, docs/wire-contract.md): the command is the
    // envelope's body. A device that holds the site's keys checks the signature first
    // (SignatureCheck); this reads the command either way.
    v1::Signed envelope;
    std::string body;
    constexpr std::string_view Magic = "WWS1";
    if (payload.size() >= Magic.size() && std::string_view(reinterpret_cast<const char*>(payload.data()), Magic.size()) == Magic) {
        if (!envelope.ParseFromArray(payload.data() + Magic.size(), int(payload.size() - Magic.size())))
            return std::nullopt;
        body = envelope.body();
        payload = std::as_bytes(std::span(body.data(), body.size()));
    }
    v1::Command m;
    if (!parse(m, payload) || m.schema_version() != SchemaVersion || m.command_id().empty())
        return std::nullopt;
    CommandMsg c;
    c.commandId = QString::fromStdString(m.command_id());
    c.issuedBy = QString::fromStdString(m.issued_by());
    if (m.has_badge_buzz()) {
        c.kind = CommandMsg::Kind::BadgeCall;
        c.alarmId = QString::fromStdString(m.badge_buzz().alarm_id());
        c.text = QString::fromStdString(m.badge_buzz().text());
    } else if (m.has_help_coming()) {
        c.kind = CommandMsg::Kind::HelpComing;
        c.alarmId = QString::fromStdString(m.help_coming().alarm_id());
        c.text = QString::fromStdString(m.help_coming().responder_name());
    } else if (m.has_alarm_escalation()) {
        c.kind = CommandMsg::Kind::Escalation;
        c.alarmId = QString::fromStdString(m.alarm_escalation().alarm_id());
    } else if (m.has_climate_setpoint()) {
        c.kind = CommandMsg::Kind::ClimateSetpoint;
        const auto& w = m.climate_setpoint();
        ClimateSetpointMsg sp;
        sp.commandId = c.commandId;
        sp.stationId = c.issuedBy;
        sp.timeMs = qint64(m.device_time_ms());
        sp.roomId = QString::fromStdString(w.room_id());
        if (w.has_temperature_c())
            sp.temperatureC = double(w.temperature_c());
        if (w.has_humidity_pct())
            sp.humidityPct = double(w.humidity_pct());
        sp.ventilation = w.ventilation() >= 0 && w.ventilation() <= 3 ? VentilationMode(int(w.ventilation())) : VentilationMode::Unchanged;
        sp.operatorId = QString::fromStdString(w.operator_id());
        sp.reason = QString::fromStdString(w.reason());
        c.setpoint = sp;
    }
    return c;
}

} // namespace ww
