// The encoders of wire contract v1 (docs/wire-contract.md): what the station, the engines and the
// simulator publish, each message as its protobuf. The decoders are in wirecodec.cpp.
#include "transport/wirecodec.h"

#include "wardwatch.pb.h"

namespace ww {

QByteArray encode(const BeaconBatch& batch, const DeviceDirectory& directory)
{
    v1::AdvBatch m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(batch.deviceTimeMs));
    m.set_gateway_id(directory.gatewayId(batch.gateway).toStdString());
    for (const auto& r : batch.reports) {
        auto* a = m.add_adverts();
        a->set_tag_id(directory.tagId(r.tag).toStdString());
        a->set_rssi(r.rssi);
        a->set_tx_power(r.txPower);
        a->set_time_offset_ms(int(r.timeMs - batch.deviceTimeMs));
    }
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const VitalsUpdate& update)
{
    v1::ObservationBatch m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(update.deviceTimeMs));
    m.set_device_id(update.deviceId.toStdString());
    for (const auto& s : update.samples) {
        auto* o = m.add_observations();
        o->set_mdc_code(mdcFromVitalKind(s.kind));
        o->set_unit_code(mdcUnitFor(s.kind));
        o->set_value(s.value);
        o->set_time_ms(quint64(s.timeMs));
    }
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const DeviceEventMsg& event)
{
    v1::DeviceEvent m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(event.deviceTimeMs));
    m.set_device_id(event.deviceId.toStdString());
    m.set_boot(event.boot);
    m.set_seq(event.seq);
    m.set_kind(v1::DeviceEvent::Kind(int(event.kind) + 1));
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const EnvUpdate& r)
{
    v1::EnvReading m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(r.deviceTimeMs));
    m.set_device_id(r.deviceId.toStdString());
    if (r.temperatureC)
        m.set_temperature_c(float(*r.temperatureC));
    if (r.humidityPct)
        m.set_humidity_pct(float(*r.humidityPct));
    if (r.co2Ppm)
        m.set_co2_ppm(float(*r.co2Ppm));
    if (r.pm25)
        m.set_pm25_ugm3(float(*r.pm25));
    if (r.tvoc)
        m.set_tvoc_mgm3(float(*r.tvoc));
    if (r.diffPressurePa)
        m.set_diff_pressure_pa(float(*r.diffPressurePa));
    m.set_door(r.door == DoorState::Open     ? v1::EnvReading::DOOR_OPEN
               : r.door == DoorState::Closed ? v1::EnvReading::DOOR_CLOSED
                                             : v1::EnvReading::DOOR_UNKNOWN);
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const DeviceStatusMsg& s)
{
    v1::DeviceStatus m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(s.deviceTimeMs));
    m.set_device_id(s.deviceId.toStdString());
    m.set_online(s.online);
    if (s.batteryPct)
        m.set_battery_pct(quint32(*s.batteryPct));
    m.set_boot(s.boot);
    m.set_firmware(s.firmware.toStdString());
    m.set_report_interval_s(quint32(s.reportIntervalS));
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const PositionMsg& p)
{
    v1::Position m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(p.timeMs));
    m.set_tag_id(p.tagId.toStdString());
    m.set_x(p.x);
    m.set_y(p.y);
    m.set_floor(p.floor);
    m.set_room(p.room.toStdString());
    m.set_accuracy_m(p.accuracyM);
    m.set_confidence(p.confidence);
    m.set_engine_id(p.engineId.toStdString());
    m.set_room_state(v1::Position::RoomState(int(p.roomState)));
    m.set_near_room(p.nearRoom.toStdString());
    m.set_unknown_reason(p.unknownReason.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const StationPresenceMsg& s)
{
    v1::StationPresence m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(s.deviceTimeMs));
    m.set_station_id(s.stationId.toStdString());
    m.set_online(s.online);
    m.set_site_hash(s.siteHash.toStdString());
    m.set_operator_id(s.operatorId.toStdString());
    m.set_engine(s.engine);
    m.set_audio_paused_until_ms(quint64(std::max<qint64>(0, s.audioPausedUntilMs)));
    m.set_audio_paused_by(s.audioPausedBy.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const CensusEntryMsg& c)
{
    v1::CensusEntry m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(c.timeMs));
    m.set_station_id(c.stationId.toStdString());
    m.set_bed(c.bed.toStdString());
    m.set_patient_id(c.patientId.toStdString());
    m.set_patient_name(c.patientName.toStdString());
    m.set_wristband(c.wristband.toStdString());
    m.set_monitor(c.monitor.toStdString());
    m.set_operator_id(c.operatorId.toStdString());
    m.set_action(c.action.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const AlarmState& a, qint64 nowMs)
{
    v1::AlarmState m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(nowMs));
    m.set_alarm_id(a.id.toStdString());
    m.set_priority(v1::AlarmState::Priority(int(a.priority)));
    m.set_rule(a.rule.toStdString());
    m.set_source(a.source.toStdString());
    m.set_subject(a.subject.toStdString());
    m.set_condition(a.condition.toStdString());
    m.set_condition_code(a.conditionCode.toStdString());
    m.set_ends_on_ack(a.endsOnAck);
    for (const QString& arg : a.conditionArgs)
        m.add_condition_args(arg.toStdString());
    m.set_place(a.place.toStdString());
    m.set_room_id(a.roomId.toStdString());
    m.set_value(a.value);
    m.set_limit(a.limit);
    m.set_phase(v1::AlarmState::Phase(int(a.phase())));
    m.set_onset_ms(quint64(a.onsetMs));
    m.set_acked_by(a.ackedBy.toStdString());
    m.set_acked_by_name(a.ackedByName.toStdString());
    m.set_acked_station(a.ackedStation.toStdString());
    m.set_comment(a.ackComment.toStdString());
    m.set_patient_id(a.patientId.toStdString());
    m.set_acked_at_ms(quint64(a.ackedAtMs));
    m.set_ended_ms(quint64(a.endedMs));
    m.set_closed_ms(quint64(a.closedMs));
    m.set_escalation_step(quint32(a.escalationStep));
    m.set_station_id(a.stationId.toStdString());
    m.set_revision(a.revision);
    m.set_late(a.late);
    m.set_latching(a.latching);
    m.set_category(toString(a.category).toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encodeEscalation(const AlarmState& a, int step, const QString& target, const QString& stationId, qint64 nowMs)
{
    v1::Command m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(nowMs));
    m.set_command_id((a.id + QChar(u'#') + QString::number(step)).toStdString());
    m.set_issued_by(stationId.toStdString());
    auto* e = m.mutable_alarm_escalation();
    e->set_alarm_id(a.id.toStdString());
    e->set_step(quint32(step));
    e->set_target(target.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const CareEntryMsg& c)
{
    v1::CareEntry m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(c.timeMs));
    m.set_station_id(c.stationId.toStdString());
    m.set_patient_id(c.patientId.toStdString());
    m.set_nurse_id(c.nurseId.toStdString());
    m.set_fall_risk(c.fallRisk);
    m.set_elopement_risk(c.elopementRisk);
    m.set_bed_exit_armed(c.bedExitArmed);
    m.set_reposition_every_min(quint32(std::max(0, c.repositionEveryMin)));
    for (const QString& t : c.medicationTimes)
        m.add_medication_times(t.toStdString());
    m.set_operator_id(c.operatorId.toStdString());
    m.set_action(c.action.toStdString());
    m.set_plan_since_ms(quint64(std::max<qint64>(0, c.planSinceMs)));
    const std::pair<v1::PartVersion*, const PartVersion*> parts[] = {{m.mutable_assignment_version(), &c.assignmentVersion},
                                                                     {m.mutable_flags_version(), &c.flagsVersion},
                                                                     {m.mutable_schedule_version(), &c.scheduleVersion}};
    for (const auto& [wire, version] : parts) {
        wire->set_time_ms(quint64(std::max<qint64>(0, version->timeMs)));
        wire->set_station_id(version->stationId.toStdString());
    }
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const ShiftRoleMsg& r)
{
    v1::ShiftRole m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(r.timeMs));
    m.set_station_id(r.stationId.toStdString());
    m.set_role(r.role.toStdString());
    m.set_staff_id(r.staffId.toStdString());
    m.set_operator_id(r.operatorId.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const CommandAckMsg& a)
{
    v1::CommandAck m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(a.deviceTimeMs));
    m.set_command_id(a.commandId.toStdString());
    m.set_device_id(a.deviceId.toStdString());
    m.set_status(v1::CommandAck::Status(int(a.status)));
    m.set_detail(a.detail.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encodeBadgeCall(const AlarmState& a, int step, const QString& text, const QString& stationId, qint64 nowMs)
{
    v1::Command m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(nowMs));
    m.set_command_id((a.id + QChar(u'#') + QString::number(step)).toStdString());
    m.set_issued_by(stationId.toStdString());
    auto* b = m.mutable_badge_buzz();
    b->set_pattern(quint32(a.priority));
    b->set_duration_ms(a.priority == Priority::High ? 10'000 : 3'000);
    b->set_alarm_id(a.id.toStdString());
    b->set_text(text.toStdString());
    b->set_step(quint32(step));
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encodeHelpComing(const AlarmState& a, const QString& responderName, const QString& stationId, qint64 nowMs)
{
    v1::Command m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(nowMs));
    m.set_command_id((a.id + QStringLiteral("#help")).toStdString());
    m.set_issued_by(stationId.toStdString());
    auto* h = m.mutable_help_coming();
    h->set_alarm_id(a.id.toStdString());
    h->set_responder_name(responderName.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}


QByteArray encode(const BedUpdate& b)
{
    v1::BedReading m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(b.deviceTimeMs));
    m.set_device_id(b.deviceId.toStdString());
    if (b.occupied)
        m.set_occupied(*b.occupied);
    if (b.brakeSet)
        m.set_brake_set(*b.brakeSet);
    if (b.railsUp)
        m.set_rails_up(quint32(std::max(0, *b.railsUp)));
    if (b.headAngleDeg)
        m.set_head_angle_deg(float(*b.headAngleDeg));
    m.set_exit_alert(b.exitAlert);
    return QByteArray::fromStdString(m.SerializeAsString());
}

QByteArray encode(const ClimateSetpointMsg& s)
{
    v1::Command m;
    m.set_schema_version(SchemaVersion);
    m.set_device_time_ms(quint64(s.timeMs));
    m.set_command_id(s.commandId.toStdString());
    m.set_issued_by(s.stationId.toStdString());
    auto* w = m.mutable_climate_setpoint();
    w->set_room_id(s.roomId.toStdString());
    if (s.temperatureC)
        w->set_temperature_c(float(*s.temperatureC));
    if (s.humidityPct)
        w->set_humidity_pct(float(*s.humidityPct));
    w->set_ventilation(v1::ClimateSetpoint::Ventilation(int(s.ventilation)));
    w->set_operator_id(s.operatorId.toStdString());
    w->set_reason(s.reason.toStdString());
    return QByteArray::fromStdString(m.SerializeAsString());
}

} // namespace ww
