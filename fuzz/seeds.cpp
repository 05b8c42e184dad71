// Writes the fuzz targets' seed corpora (docs/fuzzing.md): real-looking inputs, protobuf frames
// made by the project's own encoders, each checked against its decoder before it is written (a
// seed named ok-* must be accepted). Run by hand when a format changes, then commit the files:
//   cmake --build build/fuzz --target ww_fuzz_seeds && build/fuzz/ww_fuzz_seeds fuzz/corpus
#include "coldchaincmd.h"
#include "common.h"
#include "domain/site.h"
#include "offline.h"
#include "transport/advbatchscan.h"
#include "transport/recording.h"

#include "wardwatch.pb.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <random>

using namespace ww;

namespace {

QDir g_out;
int g_written = 0;

[[noreturn]] void die(const QString& why)
{
    std::fprintf(stderr, "ww_fuzz_seeds: %s\n", qPrintable(why));
    std::exit(1);
}

void put(const QString& target, const QString& name, const QByteArray& bytes)
{
    if (bytes.size() > 8192)
        die(QStringLiteral("%1/%2: %3 bytes, more than a seed should be")
                .arg(target, name)
                .arg(bytes.size()));
    if (!g_out.mkpath(target))
        die(QStringLiteral("cannot create %1").arg(g_out.filePath(target)));
    QFile f(g_out.filePath(target + u'/' + name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        die(f.fileName() + QStringLiteral(": ") + f.errorString());
    ++g_written;
}

std::span<const std::byte> span(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

// A wire frame: accepted by its decoder unless said otherwise; stored with its kind byte for the
// wire target, and as itself for the adverts scanner and the MOKO target.
void wire(TopicKind kind, const QString& name, const QByteArray& payload, bool accepted = true)
{
    const DecodeContext ctx = fuzz::context();
    const DecodeResult r = decodeWire(kind, fuzz::topicId(kind), span(payload), ctx);
    if (accepted && r.error)
        die(QStringLiteral("wire %1: refused: %2").arg(name, r.error->detail));
    if (!accepted && !r.error)
        die(QStringLiteral("wire %1: accepted, but meant to be refused").arg(name));
    put(QStringLiteral("wire"), name, QByteArray(1, char(int(kind))) + payload);
    if (kind == TopicKind::Adverts)
        put(QStringLiteral("advscan"), name, payload);
    if (kind == TopicKind::Moko)
        put(QStringLiteral("moko"), name, payload);
}

constexpr qint64 Now = fuzz::NowMs;

void signedSeeds(const QByteArray& alarm, const QByteArray& census, const QByteArray& position,
                 const QByteArray& command);

void wireSeeds()
{
    const DeviceDirectory& dir = fuzz::directory();
    const QString device = fuzz::qs(fuzz::DeviceId);

    BeaconBatch batch{0, Now - 400, Now, {}, 0};
    batch.reports = {
        {0, Now - 900, -61, -59}, {1, Now - 700, -78, 0}, {2, Now - 450, -70, -59}, {4, Now - 400, -83, -4}};
    wire(TopicKind::Adverts, QStringLiteral("ok-adverts-4.pb"), encode(batch, dir));
    batch.reports = {{3, Now - 400, -55, -59}};
    wire(TopicKind::Adverts, QStringLiteral("ok-adverts-1.pb"), encode(batch, dir));
    batch.reports.clear();
    wire(TopicKind::Adverts, QStringLiteral("ok-adverts-empty.pb"), encode(batch, dir));
    { // what the scanner declines and libprotobuf reads: an iBeacon frame, raw data, a foreign tag
        v1::AdvBatch m;
        m.set_schema_version(1);
        m.set_device_time_ms(quint64(Now - 300));
        m.set_gateway_id(std::string(fuzz::GatewayId));
        auto* a = m.add_adverts();
        a->set_tag_id(std::string(fuzz::TagId));
        a->set_rssi(-66);
        a->set_tx_power(-59);
        a->set_time_offset_ms(-120);
        a->mutable_ibeacon()->set_uuid(std::string(16, '\x5a'));
        a->mutable_ibeacon()->set_major(7);
        a->mutable_ibeacon()->set_minor(101);
        auto* b = m.add_adverts();
        b->set_tag_id("E2C56DB5DFFB");
        b->set_rssi(-90);
        b->set_raw(std::string("\x02\x01\x06\x1a\xff\x4c\x00\x02\x15", 9));
        auto* c = m.add_adverts();
        c->set_tag_id("WB-2");
        c->set_rssi(-72);
        c->mutable_eddystone_uid()->set_namespace_id(std::string(10, '\x11'));
        c->mutable_eddystone_uid()->set_instance_id(std::string(6, '\x22'));
        const QByteArray frame = QByteArray::fromStdString(m.SerializeAsString());
        AdvBatchView view;
        if (scanAdvBatch(span(frame), view))
            die(QStringLiteral("the iBeacon frame was meant for libprotobuf, but the scanner took it"));
        wire(TopicKind::Adverts, QStringLiteral("ok-adverts-ibeacon-eddystone.pb"), frame);
    }

    VitalsUpdate vitals{device, Now - 1000, Now, {}};
    const std::pair<VitalKind, double> values[] = {
        {VitalKind::HeartRate, 72}, {VitalKind::PulseRate, 74},    {VitalKind::SpO2, 96},
        {VitalKind::RespRate, 16},  {VitalKind::SystolicBp, 122},  {VitalKind::DiastolicBp, 78},
        {VitalKind::MeanBp, 93},    {VitalKind::Temperature, 37.1}};
    for (const auto& [kind, value] : values)
        vitals.samples.push_back({kind, value, Now - 1000});
    wire(TopicKind::Vitals, QStringLiteral("ok-vitals-all.pb"), encode(vitals));
    vitals.samples = {{VitalKind::SpO2, 84, Now - 2000}, {VitalKind::HeartRate, 131, Now - 1500}};
    wire(TopicKind::Vitals, QStringLiteral("ok-vitals-desaturation.pb"), encode(vitals));
    vitals.samples = {{VitalKind::HeartRate, 400, Now - 1000}};
    wire(TopicKind::Vitals, QStringLiteral("bad-vitals-not-physiological.pb"), encode(vitals), false);

    for (const auto& [kind, name] :
         {std::pair{DeviceEventKind::Panic, "panic"}, std::pair{DeviceEventKind::Fall, "fall"},
          std::pair{DeviceEventKind::ButtonDouble, "button-double"},
          std::pair{DeviceEventKind::LowBattery, "low-battery"}})
        wire(TopicKind::Event, QStringLiteral("ok-event-%1.pb").arg(QLatin1String(name)),
             encode(DeviceEventMsg{device, Now - 200, Now, 3, 17, kind, false}));

    EnvUpdate fridge{device, Now - 5000, Now, 4.6, {}, {}, {}, {}, {}, DoorState::Closed};
    wire(TopicKind::Env, QStringLiteral("ok-env-fridge.pb"), encode(fridge));
    EnvUpdate room{device, Now - 5000, Now, 22.4, 41.0, 780.0, 6.5, 0.3, -3.1, DoorState::Open};
    wire(TopicKind::Env, QStringLiteral("ok-env-room.pb"), encode(room));

    DeviceStatusMsg status{device, Now - 60'000, Now, true, 87, 3, QStringLiteral("wb-2.4.1"), 1};
    wire(TopicKind::Status, QStringLiteral("ok-status-online.pb"), encode(status));
    status.online = false;
    status.batteryPct.reset();
    wire(TopicKind::Status, QStringLiteral("ok-status-offline.pb"), encode(status));

    wire(TopicKind::Position, QStringLiteral("ok-position.pb"),
         encode(PositionMsg{fuzz::qs(fuzz::TagId), Now - 800, 12.4, 3.9, 1, QStringLiteral("R103"), 1.8, 0.82,
                            QStringLiteral("engine-1")}));
    wire(TopicKind::Station, QStringLiteral("ok-station.pb"),
         encode(StationPresenceMsg{fuzz::qs(fuzz::StationId), Now - 1000, true,
                                   QStringLiteral("9f2c4d1e6a7b8c90f1e2d3c4b5a69788"), QStringLiteral("S02"),
                                   false}));
    wire(TopicKind::Station, QStringLiteral("ok-station-engine.pb"),
         encode(StationPresenceMsg{fuzz::qs(fuzz::StationId), Now - 1000, false, {}, {}, true}));

    CensusEntryMsg admit{fuzz::qs(fuzz::BedId),     QStringLiteral("P035"),   QStringLiteral("Grace Okafor"),
                         QStringLiteral("wb-101"),  QStringLiteral("vm-101"), Now - 90'000,
                         fuzz::qs(fuzz::StationId), QStringLiteral("S02"),    QStringLiteral("admit")};
    wire(TopicKind::Census, QStringLiteral("ok-census-admit.pb"), encode(admit));
    CensusEntryMsg vacant{fuzz::qs(fuzz::BedId),
                          {},
                          {},
                          {},
                          {},
                          Now - 30'000,
                          fuzz::qs(fuzz::StationId),
                          QStringLiteral("S02"),
                          QStringLiteral("discharge")};
    wire(TopicKind::Census, QStringLiteral("ok-census-vacant.pb"), encode(vacant));

    AlarmState alarm;
    alarm.id = fuzz::qs(fuzz::AlarmId);
    alarm.rule = QStringLiteral("event.fall");
    alarm.category = AlarmCategory::Event;
    alarm.priority = Priority::High;
    alarm.source = device;
    alarm.subject = QStringLiteral("Amelia Nowak");
    alarm.place = QStringLiteral("R101, level 1");
    alarm.roomId = QStringLiteral("R101");
    alarm.condition = QStringLiteral("Fall detected");
    alarm.conditionCode = QStringLiteral("event.fall");
    alarm.onsetMs = Now - 20'000;
    alarm.stationId = fuzz::qs(fuzz::StationId);
    alarm.revision = 1;
    alarm.endsOnAck = true;
    wire(TopicKind::Alarm, QStringLiteral("ok-alarm-active.pb"), encode(alarm, Now - 19'000));
    alarm.ackedBy = QStringLiteral("S02");
    alarm.ackedByName = QStringLiteral("Nurse Demo");
    alarm.ackedStation = fuzz::qs(fuzz::StationId);
    alarm.ackedAtMs = Now - 10'000;
    alarm.revision = 2;
    wire(TopicKind::Alarm, QStringLiteral("ok-alarm-acknowledged.pb"), encode(alarm, Now - 10'000));
    AlarmState vital = alarm;
    vital.rule = QStringLiteral("vitals.spo2.low");
    vital.category = AlarmCategory::Patient;
    vital.priority = Priority::Medium;
    vital.condition = QStringLiteral("SpO2 84 < 90");
    vital.conditionCode = QStringLiteral("vital.low");
    vital.conditionArgs = {QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")};
    vital.value = 84;
    vital.limit = 90;
    vital.latching = true;
    vital.endsOnAck = false;
    vital.endedMs = Now - 5000;
    vital.closedMs = Now - 1000;
    vital.escalationStep = 2;
    vital.revision = 5;
    wire(TopicKind::Alarm, QStringLiteral("ok-alarm-closed.pb"), encode(vital, Now - 1000));
    signedSeeds(encode(vital, Now - 1000), encode(admit),
                encode(PositionMsg{fuzz::qs(fuzz::TagId), Now - 800, 12.4, 3.9, 1, QStringLiteral("R103"),
                                   1.8, 0.82, QStringLiteral("engine-1")}),
                encodeEscalation(alarm, 1, QStringLiteral("bd-01"), fuzz::qs(fuzz::StationId), Now - 15'000));
    wire(TopicKind::Alarm, QStringLiteral("ok-alarm-cleared.pb"), QByteArray());
    wire(TopicKind::Command, QStringLiteral("ok-command-escalation.pb"),
         encodeEscalation(alarm, 1, QStringLiteral("bd-01"), fuzz::qs(fuzz::StationId), Now - 15'000));
    wire(TopicKind::Truth, QStringLiteral("bad-truth.json"), R"({"tag":"WB-1","x":3.5,"y":4.0,"floor":1})",
         false);
}

// Signed state: what stations publish on alarm/, census/, pos/ and cmd/, signed by station-2.
void signedSeed(TopicKind kind, const QString& name, const QByteArray& payload, bool acceptUnsigned,
                SignatureCheck::Outcome expected)
{
    const std::string topic = fuzz::topicOf(kind);
    const SignatureCheck check(
        TrustSettings{{{fuzz::qs(fuzz::StationId), fuzz::stationKey().publicKey()}}, acceptUnsigned});
    const auto r = check.check(topic, span(payload));
    if (r.outcome != expected)
        die(QStringLiteral("signed %1: outcome %2, not %3 (%4)")
                .arg(name)
                .arg(int(r.outcome))
                .arg(int(expected))
                .arg(r.why));
    const int index = kind == TopicKind::Alarm      ? 0
                      : kind == TopicKind::Census   ? 1
                      : kind == TopicKind::Position ? 2
                                                    : 3;
    put(QStringLiteral("signed"), name, QByteArray(1, char(index | (acceptUnsigned ? 0x80 : 0))) + payload);
}

void signedSeeds(const QByteArray& alarm, const QByteArray& census, const QByteArray& position,
                 const QByteArray& command)
{
    using O = SignatureCheck::Outcome;
    MessageSigner station(fuzz::qs(fuzz::StationId), fuzz::stationKey());
    auto sign = [&](TopicKind kind, const QByteArray& body) {
        return station.sign(QString::fromStdString(fuzz::topicOf(kind)), body);
    };
    signedSeed(TopicKind::Alarm, QStringLiteral("ok-signed-alarm.pb"), sign(TopicKind::Alarm, alarm), false,
               O::Valid);
    signedSeed(TopicKind::Census, QStringLiteral("ok-signed-census.pb"), sign(TopicKind::Census, census),
               false, O::Valid);
    signedSeed(TopicKind::Position, QStringLiteral("ok-signed-position.pb"),
               sign(TopicKind::Position, position), false, O::Valid);
    signedSeed(TopicKind::Command, QStringLiteral("ok-signed-command.pb"), sign(TopicKind::Command, command),
               false, O::Valid);
    signedSeed(TopicKind::Alarm, QStringLiteral("ok-unsigned-alarm-migration.pb"), alarm, true, O::Unsigned);
    signedSeed(TopicKind::Alarm, QStringLiteral("bad-unsigned-alarm.pb"), alarm, false, O::Refused);
    MessageSigner rogue(QStringLiteral("rogue-station"),
                        *SigningKey::fromSeed(QByteArray(SigningKey::SeedBytes, '\x07')));
    signedSeed(TopicKind::Alarm, QStringLiteral("bad-unknown-signer.pb"),
               rogue.sign(QString::fromStdString(fuzz::topicOf(TopicKind::Alarm)), alarm), false, O::Refused);
    signedSeed(TopicKind::Census, QStringLiteral("bad-signed-for-another-topic.pb"),
               sign(TopicKind::Alarm, census), false, O::Refused);
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void mokoSeeds()
{
    const QString gw = fuzz::qs(fuzz::GatewayMac), tag = fuzz::qs(fuzz::TagMac);
    const double nowS = double(Now) / 1000;
    auto entry = [](const QString& mac, int rssi, double timestamp) {
        return QJsonObject{{QStringLiteral("type_code"), 0},
                           {QStringLiteral("mac"), mac},
                           {QStringLiteral("rssi"), rssi},
                           {QStringLiteral("rssi_1m"), -59},
                           {QStringLiteral("timestamp"), timestamp},
                           {QStringLiteral("adv_data"),
                            QStringLiteral("0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E0")}};
    };
    const QJsonObject info{{QStringLiteral("mac"), QStringLiteral("AC:23:3F:C0:A1:B2")}};
    wire(TopicKind::Moko, QStringLiteral("ok-moko-3070-scan.json"),
         json({{QStringLiteral("msg_id"), 3070},
               {QStringLiteral("device_info"), info},
               {QStringLiteral("data"), QJsonArray{entry(tag, -64, nowS - 1),
                                                   entry(QStringLiteral("C0FFEE000001"), -88, Now - 500)}}}));
    wire(TopicKind::Moko, QStringLiteral("ok-moko-3004-old-scan.json"),
         json({{QStringLiteral("msg_id"), 3004},
               {QStringLiteral("device_info"), QJsonObject{{QStringLiteral("mac"), gw}}},
               {QStringLiteral("data"), QJsonArray{entry(tag, -71, 12345)}}}));
    wire(TopicKind::Moko, QStringLiteral("ok-moko-3004-heartbeat.json"),
         json({{QStringLiteral("msg_id"), 3004},
               {QStringLiteral("device_info"), QJsonObject{{QStringLiteral("mac"), gw}}},
               {QStringLiteral("data"),
                QJsonObject{{QStringLiteral("timestamp"), nowS}, {QStringLiteral("net_status"), 1}}}}));
    QJsonObject button = entry(tag, -58, nowS);
    button.insert(QStringLiteral("type_code"), 7);
    button.insert(QStringLiteral("frame_type"), 1);
    button.insert(QStringLiteral("trigger_count"), 42);
    wire(TopicKind::Moko, QStringLiteral("ok-moko-bxp-button.json"),
         json({{QStringLiteral("msg_id"), 3070},
               {QStringLiteral("device_info"), info},
               {QStringLiteral("data"), QJsonArray{button}}}));
    // A MOKO H4's T&H frame (22.5 °C, 45.3 %, 3000 mV) next to a tag's advert.
    QJsonObject h4 = entry(fuzz::qs(fuzz::SensorMac), -70, nowS);
    h4.insert(QStringLiteral("type_code"), 10);
    h4.insert(QStringLiteral("adv_data"), QStringLiteral("0201060C16ABFE70000A00E101C50BB8"));
    wire(TopicKind::Moko, QStringLiteral("ok-moko-h4-sensor.json"),
         json({{QStringLiteral("msg_id"), 3070},
               {QStringLiteral("device_info"), info},
               {QStringLiteral("data"), QJsonArray{h4, entry(tag, -64, nowS)}}}));
    wire(TopicKind::Moko, QStringLiteral("ok-moko-empty-scan.json"),
         json({{QStringLiteral("msg_id"), 3070},
               {QStringLiteral("device_info"), info},
               {QStringLiteral("data"), QJsonArray{}}}));
    wire(TopicKind::Moko, QStringLiteral("bad-moko-unknown-gateway.json"),
         json({{QStringLiteral("msg_id"), 3070},
               {QStringLiteral("device_info"),
                QJsonObject{{QStringLiteral("mac"), QStringLiteral("001122334455")}}},
               {QStringLiteral("data"), QJsonArray{entry(tag, -64, nowS)}}}),
         false);
}

// A small ward cut from the default one (resources/site/default-site.json): floor 1, a corridor,
// two patient rooms and the rooms the fridges, assets and exits need.
QJsonObject smallSite(const QString& sourceDir)
{
    QFile f(sourceDir + QStringLiteral("/resources/site/default-site.json"));
    if (!f.open(QIODevice::ReadOnly))
        die(f.fileName() + QStringLiteral(": ") + f.errorString());
    const QJsonObject full = QJsonDocument::fromJson(f.readAll()).object();
    const QSet<QString> rooms{QStringLiteral("F1-CORR"),
                              QStringLiteral("R101"),
                              QStringLiteral("R102"),
                              QStringLiteral("F1-PHARMACY"),
                              QStringLiteral("F1-UTILITYCLEAN"),
                              QStringLiteral("F1-EXIT"),
                              QStringLiteral("F1-STAIRS")};
    auto filter = [&](const char* key, auto keep, int limit = 1000) {
        QJsonArray out;
        for (const auto v : full.value(QLatin1String(key)).toArray())
            if (out.size() < limit && keep(v.toObject()))
                out.append(v);
        return out;
    };
    auto onFloor1 = [](const QJsonObject& o) { return o.value(u"floor").toInt() == 1; };
    QJsonObject s;
    for (const char* key : {"schema", "id", "name", "geo", "lateAfterS", "climateTargets", "deviceTiming"})
        s.insert(QLatin1String(key), full.value(QLatin1String(key)));
    s.insert(QStringLiteral("floors"),
             filter("floors", [](const QJsonObject& o) { return o.value(u"level").toInt() == 1; }));
    s.insert(QStringLiteral("rooms"), filter("rooms", [&](const QJsonObject& o) {
                 return rooms.contains(o.value(u"id").toString());
             }));
    QJsonObject walls = full.value(u"walls").toArray().at(0).toObject();
    QJsonArray segments;
    for (const auto v : walls.value(u"segments").toArray())
        if (segments.size() < 10)
            segments.append(v);
    walls.insert(QStringLiteral("segments"), segments);
    s.insert(QStringLiteral("walls"), QJsonArray{walls});
    s.insert(QStringLiteral("gateways"), filter("gateways", onFloor1, 5));
    const QJsonArray beds =
        filter("beds", [&](const QJsonObject& o) { return rooms.contains(o.value(u"room").toString()); });
    QSet<QString> bedIds;
    for (const auto b : beds)
        bedIds.insert(b.toObject().value(u"id").toString());
    s.insert(QStringLiteral("beds"), beds);
    s.insert(QStringLiteral("patients"), filter("patients", [&](const QJsonObject& o) {
                 return bedIds.contains(o.value(u"bed").toString());
             }));
    for (const char* key : {"spareWristbands", "spareMonitors"})
        s.insert(QLatin1String(key), QJsonArray{full.value(QLatin1String(key)).toArray().at(0)});
    s.insert(QStringLiteral("staff"), filter(
                                          "staff", [](const QJsonObject&) { return true; }, 3));
    s.insert(
        QStringLiteral("assets"),
        filter(
            "assets", [&](const QJsonObject& o) { return rooms.contains(o.value(u"home").toString()); }, 4));
    s.insert(QStringLiteral("parLevels"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("wheelchair")},
                                    {QStringLiteral("name"), QStringLiteral("Wheelchairs")},
                                    {QStringLiteral("rooms"), QJsonArray{QStringLiteral("F1-UTILITYCLEAN")}},
                                    {QStringLiteral("target"), 2},
                                    {QStringLiteral("critical"), 1}}});
    s.insert(QStringLiteral("referenceBeacons"), filter("referenceBeacons", onFloor1, 2));
    const QJsonArray fridges =
        filter("fridges", [&](const QJsonObject& o) { return rooms.contains(o.value(u"room").toString()); });
    QSet<QString> fridgeIds;
    for (const auto v : fridges)
        fridgeIds.insert(v.toObject().value(u"id").toString());
    s.insert(QStringLiteral("fridges"), fridges);
    s.insert(QStringLiteral("sensors"), filter("sensors", [&](const QJsonObject& o) {
                 return rooms.contains(o.value(u"room").toString()) ||
                        fridgeIds.contains(o.value(u"fridge").toString());
             }));
    return s;
}

void site(const QString& name, const QJsonObject& o)
{
    const QByteArray text =
        QJsonDocument(o).toJson(o.size() > 13 ? QJsonDocument::Compact : QJsonDocument::Indented);
    const SiteLoadResult r = SiteLoader::loadBytes(text, name);
    if (!r.site)
        die(QStringLiteral("site %1: refused: %2").arg(name, r.errors.join(u'\n')));
    put(QStringLiteral("site"), name, text);
}

void siteSeeds(const QString& sourceDir)
{
    const QJsonObject small = smallSite(sourceDir);
    site(QStringLiteral("ok-small-ward.json"), small);

    QJsonObject rules = small;
    rules.insert(
        QStringLiteral("alarms"),
        QJsonObject{
            {QStringLiteral("audioPauseS"), 120},
            {QStringLiteral("closeAfterS"), 600},
            {QStringLiteral("lowBatteryPct"), 15},
            {QStringLiteral("nearExitM"), 2.5},
            {QStringLiteral("exitRoomKinds"), QJsonArray{QStringLiteral("exit"), QStringLiteral("stairs")}},
            {QStringLiteral("restrictedRoomKinds"), QJsonArray{QStringLiteral("pharmacy")}},
            {QStringLiteral("responders"),
             QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("charge nurse")}},
                         {QStringLiteral("floorChangeM"), 20}}},
            {QStringLiteral("operators"), QJsonObject{{QStringLiteral("pinMinDigits"), 6},
                                                      {QStringLiteral("maxFailures"), 5},
                                                      {QStringLiteral("lockoutS"), 300},
                                                      {QStringLiteral("autoSignOutS"), 900}}},
            {QStringLiteral("news2"), QJsonObject{{QStringLiteral("enabled"), true},
                                                  {QStringLiteral("urgent"), QStringLiteral("high")}}},
            {QStringLiteral("vitalLimits"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("vitals.spo2.low")},
                                    {QStringLiteral("vital"), QStringLiteral("SpO2")},
                                    {QStringLiteral("below"), 90},
                                    {QStringLiteral("delayS"), 10},
                                    {QStringLiteral("priority"), QStringLiteral("high")},
                                    {QStringLiteral("latching"), true}}}},
            {QStringLiteral("rules"),
             QJsonObject{{QStringLiteral("event.panic"),
                          QJsonObject{{QStringLiteral("priority"), QStringLiteral("high")},
                                      {QStringLiteral("escalation"),
                                       QJsonArray{QJsonObject{
                                           {QStringLiteral("target"), QStringLiteral("nearest-staff")},
                                           {QStringLiteral("ttlS"), 60}}}}}}}}});
    rules.insert(QStringLiteral("geofences"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("id"), QStringLiteral("GF-EXIT-1")},
                     {QStringLiteral("kind"), QStringLiteral("exit")},
                     {QStringLiteral("floor"), 1},
                     {QStringLiteral("polygon"), QJsonArray{QJsonArray{55, 8}, QJsonArray{60, 8},
                                                            QJsonArray{60, 12}, QJsonArray{55, 12}}}}});
    rules.insert(QStringLiteral("positioning"), QJsonObject{{QStringLiteral("bodyShadow"), true}});
    rules.insert(QStringLiteral("network"), QJsonObject{{QStringLiteral("allowClearText"), false}});
    site(QStringLiteral("ok-small-ward-alarms-geofences.json"), rules);

    QJsonObject minimal;
    for (const char* key : {"schema", "id", "name"})
        minimal.insert(QLatin1String(key), small.value(QLatin1String(key)));
    minimal.insert(QStringLiteral("floors"),
                   QJsonArray{QJsonObject{{QStringLiteral("level"), 0},
                                          {QStringLiteral("name"), QStringLiteral("Ground")},
                                          {QStringLiteral("width"), 20},
                                          {QStringLiteral("height"), 10}}});
    for (const char* key :
         {"rooms", "walls", "gateways", "beds", "patients", "staff", "assets", "fridges", "sensors"})
        minimal.insert(QLatin1String(key), QJsonArray{});
    site(QStringLiteral("ok-minimal.json"), minimal);
}

// The offline CSV files, from the log-distance model with a fixed seed's noise (as tst_robustness).
struct Radio
{
    std::mt19937_64 rng{3};
    std::normal_distribution<double> noise{0, 4};
    static constexpr double Gw[5][2] = {{0, 0}, {10, 0}, {10, 8}, {0, 8}, {5, 4}};
    QByteArray level(int g, double x, double y)
    {
        const double d = std::hypot(std::hypot(x - Gw[g][0], y - Gw[g][1]), 1.3);
        return QByteArray::number(
            std::clamp(std::round(-59 - 20 * std::log10(d) + noise(rng)), -127.0, 20.0));
    }
};

void csv(const char* target, const QString& name, const QByteArray& text,
         const std::function<bool(const QString&, QString&)>& accepts, bool accepted = true)
{
    const fuzz::InputFile file("seed.csv");
    QString why;
    const bool ok =
        accepts(file.write(reinterpret_cast<const uint8_t*>(text.constData()), size_t(text.size())), why);
    if (ok != accepted)
        die(QStringLiteral("%1/%2: %3 %4")
                .arg(QLatin1String(target), name,
                     accepted ? QStringLiteral("refused:") : QStringLiteral("accepted"), why));
    put(QLatin1String(target), name, text);
}

void csvSeeds()
{
    const QByteArray fixedGateways = "gateway_id,x,y,z,floor\nGW-1,0,0,2.5,0\nGW-2,10,0,2.5,0\nGW-3,10,8,2.5,"
                                     "0\nGW-4,0,8,2.5,0\nGW-5,5,4,2.5,0\n";

    auto gateways = [](const QString& path, QString& why) {
        return offline::readGateways(path, why).has_value();
    };
    csv("csv_gateways", QStringLiteral("ok-five.csv"), fixedGateways, gateways);
    csv("csv_gateways", QStringLiteral("ok-all-columns-beacons.csv"),
        "gateway_id,x,y,z,floor,rssi_1m,exponent,beacon\n"
        "gw-r101,2.5,3.0,2.7,1,-59,2.0,gb-r101\ngw-r102,7.5,3.0,2.7,1,-61,2.2,gb-r102\n"
        "gw-corr,30,10,2.7,1,,,\ngw-r201,2.5,3.0,2.7,2,-58,1.8,gb-r201\n",
        gateways);
    csv("csv_gateways", QStringLiteral("ok-spreadsheet-bom-crlf-quoted.csv"),
        "\xef\xbb\xbfgateway_id,\"x\",y,z,notes\r\n\"GW,1\",0,0,2.5,\"north wall, \"\"high\"\"\"\r\n"
        "GW-2, 10.0 , 0 ,2.5,\r\n\r\nGW-3,10,8,2.5,east\r\n",
        gateways);
    csv("csv_gateways", QStringLiteral("bad-repeated-id.csv"),
        "gateway_id,x,y,z\nGW-1,0,0,2.5\nGW-1,1,1,2.5\n", gateways, false);

    Radio radio;
    QByteArray reports = "time_s,gateway_id,tag_id,rssi,tx_power\n";
    for (int t = 0; t < 8; ++t)
        for (int g = 0; g < 5; ++g)
            for (int tag = 0; tag < 2; ++tag)
                reports += QByteArray::number(100 + t + 0.1 * g + 0.05 * tag) + ",GW-" +
                           QByteArray::number(g + 1) + ",WB-" + QByteArray::number(tag + 1) + ',' +
                           radio.level(g, 2 + 0.8 * t, 3 + 2 * tag) + ",-59\n";
    auto locateReports = [](const QString& path, QString& why) {
        static const fuzz::InputFile gw("seed-fixed-gateways.csv");
        constexpr char Gateways[] =
            "gateway_id,x,y,z,floor,beacon\n"
            "GW-1,0,0,2.5,0,\nGW-2,10,0,2.5,0,\nGW-3,10,8,2.5,0,\nGW-4,0,8,2.5,0,\nGW-5,5,4,2.5,0,BEACON-5\n";
        offline::LocateOptions o;
        o.gateways = gw.write(reinterpret_cast<const uint8_t*>(Gateways), sizeof Gateways - 1);
        o.reports = path;
        o.out = o.centroidOut = QStringLiteral("/dev/null");
        QTextStream err(&why);
        return offline::locate(o, err) == offline::Done;
    };
    csv("csv_reports", QStringLiteral("ok-two-tags-8s.csv"), reports, locateReports);
    QByteArray beacon = "time_s,gateway_id,tag_id,rssi\n";
    for (int t = 0; t < 4; ++t)
        for (int g = 0; g < 4; ++g)
            beacon += QByteArray::number(200 + t + 0.2 * g) + ",GW-" + QByteArray::number(g + 1) +
                      ",BEACON-5," + radio.level(g, 5, 4) + '\n' + QByteArray::number(200.1 + t + 0.2 * g) +
                      ",GW-" + QByteArray::number(g + 1) + ",\"BD-1\"," + radio.level(g, 8, 6) + '\n';
    csv("csv_reports", QStringLiteral("ok-beacon-and-badge.csv"), beacon, locateReports);
    csv("csv_reports", QStringLiteral("ok-crlf-bom.csv"),
        "\xef\xbb\xbftime_s,gateway_id,tag_id,rssi\r\n1e3,GW-1,WB-1,-60\r\n1000.5,GW-2,WB-1,-71\r\n1001,GW-5,"
        "WB-1,-65\r\n",
        locateReports);
    csv("csv_reports", QStringLiteral("bad-out-of-order.csv"),
        "time_s,gateway_id,tag_id,rssi\n10,GW-1,WB-1,-60\n9,GW-2,WB-1,-70\n", locateReports, false);

    // Three walks 40 s apart (more than mapSessionGapS): the self-check holds each out in turn.
    QByteArray walks = "time_s,gateway_id,tag_id,rssi,x,y\n";
    for (int w = 0; w < 3; ++w)
        for (int t = 0; t < 12; ++t)
            for (int g = 0; g < 5; g += (t % 2 ? 1 : 2)) {
                const double x = 1 + (t % 6) * 1.6, y = 1 + w * 2.5 + (t / 6) * 1.0;
                walks += QByteArray::number(w * 52 + t) + ",GW-" + QByteArray::number(g + 1) + ",walk," +
                         radio.level(g, x, y) + ',' + QByteArray::number(x) + ',' + QByteArray::number(y) +
                         '\n';
            }
    auto locateCalibrated = [](const QString& path, QString& why) {
        static const fuzz::InputFile gw("seed-fixed-gateways.csv"), rep("seed-fixed-reports.csv");
        constexpr char Gateways[] =
            "gateway_id,x,y,z,floor\n"
            "GW-1,0,0,2.5,0\nGW-2,10,0,2.5,0\nGW-3,10,8,2.5,0\nGW-4,0,8,2.5,0\nGW-5,5,4,2.5,0\n";
        constexpr char Reports[] =
            "time_s,gateway_id,tag_id,rssi\n100.0,GW-1,WB-1,-62\n100.2,GW-2,WB-1,-75\n";
        offline::LocateOptions o;
        o.gateways = gw.write(reinterpret_cast<const uint8_t*>(Gateways), sizeof Gateways - 1);
        o.reports = rep.write(reinterpret_cast<const uint8_t*>(Reports), sizeof Reports - 1);
        o.calibration = path;
        o.out = QStringLiteral("/dev/null");
        QTextStream err(&why);
        return offline::locate(o, err) == offline::Done;
    };
    csv("csv_calibration", QStringLiteral("ok-three-walks.csv"), walks, locateCalibrated);
    QByteArray one = "time_s,gateway_id,tag_id,rssi,x,y,z\n";
    for (int t = 0; t < 6; ++t)
        for (int g = 0; g < 5; ++g)
            one += QByteArray::number(t) + ",GW-" + QByteArray::number(g + 1) + ",ref," +
                   radio.level(g, 2 + t, 5) + ',' + QByteArray::number(2 + t) + ",5,1.2\n";
    csv("csv_calibration", QStringLiteral("ok-one-walk-with-z.csv"), one, locateCalibrated);
    csv("csv_calibration", QStringLiteral("bad-unknown-gateway.csv"),
        "time_s,gateway_id,tag_id,rssi,x,y\n0,GW-9,walk,-60,1,1\n", locateCalibrated, false);

    auto coldchain = [](const QString& path, QString& why) {
        offline::ColdChainOptions o;
        o.readings = path;
        o.utc = true;
        QString text;
        QTextStream out(&text), err(&why);
        return offline::coldchain(o, out, err) == offline::Done;
    };
    // 30 hours every 15 min from 2026-05-27 22:00 UTC: an excursion, a gap, door openings.
    QByteArray day = "time_s,temperature_c,door\n";
    const qint64 start = 1'779'919'200;
    for (int i = 0; i < 120; ++i) {
        if (i >= 70 && i < 76)
            continue; // the logger was off: a gap
        const double c = i >= 40 && i < 44 ? 9.1 + 0.4 * (i - 40) : 4.5 + 0.6 * std::sin(i / 7.0);
        day += QByteArray::number(start + i * 900) + ',' + QByteArray::number(c, 'f', 1) + ',' +
               (i % 17 == 3 ? "open" : "closed") + '\n';
    }
    csv("csv_coldchain", QStringLiteral("ok-30h-excursion-gap-doors.csv"), day, coldchain);
    csv("csv_coldchain", QStringLiteral("ok-door-only-rows.csv"),
        "time_s,temperature_c,door\n1779919200,4.2,closed\n1779919260,,1\n1779919300,,0\n1779919500,5.0,"
        "\n1779920100,1.4,false\n",
        coldchain);
    csv("csv_coldchain", QStringLiteral("ok-bom-crlf.csv"),
        "\xef\xbb\xbftime_s,temperature_c\r\n1779919200,4.0\r\n1779919500,4.1\r\n1779919800,3.9\r\n",
        coldchain);
    csv("csv_coldchain", QStringLiteral("bad-not-a-temperature.csv"),
        "time_s,temperature_c\n1779919200,warm\n", coldchain, false);
}

void recordingSeeds()
{
    const fuzz::InputFile file("seed.wwrec");
    const QString path = file.write(nullptr, 0);
    RecordingWriter writer;
    QString error;
    if (!writer.open(path, error))
        die(error);
    const Topics topics(QString::fromLatin1(fuzz::SiteId));
    const DeviceDirectory& dir = fuzz::directory();
    BeaconBatch batch{0, Now - 400, Now, {{0, Now - 900, -61, -59}, {1, Now - 700, -78, 0}}, 0};
    const RecordedFrame frames[] = {
        {Now - 3000, topics.adverts(fuzz::qs(fuzz::GatewayId)).toUtf8(), encode(batch, dir)},
        {Now - 2500, topics.vitals(QStringLiteral("vm-001")).toUtf8(),
         encode(
             VitalsUpdate{QStringLiteral("vm-001"), Now - 2600, Now, {{VitalKind::SpO2, 95, Now - 2600}}})},
        {Now - 2000, topics.event(QStringLiteral("wb-001")).toUtf8(),
         encode(
             DeviceEventMsg{QStringLiteral("wb-001"), Now - 2000, Now, 1, 4, DeviceEventKind::Panic, false})},
        {Now - 1500, topics.env(QStringLiteral("fr-11")).toUtf8(),
         encode(EnvUpdate{
             QStringLiteral("fr-11"), Now - 1500, Now, 5.2, {}, {}, {}, {}, {}, DoorState::Closed})},
        {Now - 1200, topics.status(QStringLiteral("wb-001")).toUtf8(),
         encode(DeviceStatusMsg{QStringLiteral("wb-001"), Now - 1200, Now, true, 64, 1,
                                QStringLiteral("2.4.1"), 1})},
        {Now - 1000, QByteArray("moko/AC233FC0A1B2/send"),
         R"({"msg_id":3070,"device_info":{"mac":"AC233FC0A1B2"},"data":[{"type_code":0,"mac":"AC233FA0B1C2","rssi":-66}]})"},
        {Now - 900, topics.station(fuzz::qs(fuzz::StationId)).toUtf8(),
         encode(StationPresenceMsg{
             fuzz::qs(fuzz::StationId), Now - 900, true, QStringLiteral("abc"), {}, false})},
        {Now - 800, topics.truth(QStringLiteral("tags")).toUtf8(), R"({"WB-1":[3.5,4.0,1]})"},
        {Now - 700, topics.alarm(QStringLiteral("old-alarm")).toUtf8(), QByteArray()},
        {Now - 600, QByteArray("ww/v1/other-ward/gw/GW-1/adv"), encode(batch, dir)},
    };
    for (const auto& f : frames)
        if (!writer.write(f))
            die(writer.errorString());
    QFile written(path);
    if (!written.open(QIODevice::ReadOnly))
        die(written.errorString());
    const QByteArray all = written.readAll();
    RecordingReader reader;
    if (!reader.open(path, error))
        die(error);
    while (reader.next(error)) {
    }
    if (!error.isEmpty() || reader.framesRead() != int(std::size(frames)))
        die(QStringLiteral("recording: read back %1 frames: %2").arg(reader.framesRead()).arg(error));
    put(QStringLiteral("recording"), QStringLiteral("ok-ten-frames.wwrec"), all);
    put(QStringLiteral("recording"), QStringLiteral("ok-empty.wwrec"), QByteArray("WWREC 1\n"));
    put(QStringLiteral("recording"), QStringLiteral("bad-cut-short.wwrec"), all.left(all.size() - 7));
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: ww_fuzz_seeds CORPUS_DIR (fuzz/corpus)\n");
        return 2;
    }
    fuzz::quiet();
    g_out = QDir(QString::fromLocal8Bit(argv[1]));
    wireSeeds();
    mokoSeeds();
    siteSeeds(QStringLiteral(WW_SOURCE_DIR));
    csvSeeds();
    recordingSeeds();
    std::printf("ww_fuzz_seeds: %d seeds written under %s\n", g_written, argv[1]);
    return 0;
}
