// Decoders of wire contract v1 and MOKO JSON: round trips, and every kind of bad input rejected
// with its named reason and the field at fault; the ingest stage's counters.
#include "transport/advbatchscan.h"
#include "transport/ingest.h"
#include "fuzzing.h"
#include "wardwatch.pb.h"

#include <QTest>
#include <google/protobuf/stubs/logging.h>

using namespace ww;

namespace {
std::span<const std::byte> span(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}
constexpr qint64 Now = 1'780'000'000'000;
const DeviceDirectory& directory()
{
    static const DeviceDirectory d = [] {
        QStringList tags{QStringLiteral("C8FB12345678"), QStringLiteral("C8FB12345679"), QStringLiteral("t")};
        for (int i = 0; i < 20; ++i)
            tags << QStringLiteral("tag-%1").arg(i);
        return DeviceDirectory({QStringLiteral("gw-1"), QStringLiteral("AC233FC01234"), QStringLiteral("g1")}, tags);
    }();
    return d;
}
DecodeContext ctx()
{
    DecodeContext c;
    c.nowMs = Now;
    c.receiveTimeMs = Now + 20;
    c.directory = &directory();
    return c;
}
} // namespace

class TestWireCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The directory's flat table: every id of thousands found at its index, others and an empty
    // directory -1, a repeated id keeps its first index.
    void directoryFindsEveryId()
    {
        QStringList gateways, tags;
        for (int i = 0; i < 3000; ++i)
            tags << QStringLiteral("tag-%1").arg(i);
        gateways << QStringLiteral("g1") << QStringLiteral("g2") << QStringLiteral("g1");
        const DeviceDirectory d(gateways, tags);
        for (int i = 0; i < 3000; ++i)
            QCOMPARE(d.tag(QStringLiteral("tag-%1").arg(i).toStdString()), i);
        QCOMPARE(d.tag("tag-3000"), -1);
        QCOMPARE(d.tag(""), -1);
        QCOMPARE(d.tag("g1"), -1);
        QCOMPARE(d.gateway("g1"), 0);
        QCOMPARE(d.gateway("g2"), 1);
        QCOMPARE(DeviceDirectory().tag("tag-1"), -1);
    }

    void advertsRoundTrip()
    {
        BeaconBatch b{directory().gateway("gw-1"), Now, 0, {}, 0};
        for (int i = 0; i < 20; ++i)
            b.reports.push_back({directory().tag(QStringLiteral("tag-%1").arg(i).toStdString()), Now - i * 10, qint16(-40 - i), -59});
        QByteArray wire = encode(b, directory());
        // A foreign tag the gateway also heard: counted, not delivered.
        v1::AdvBatch m;
        QVERIFY(m.ParseFromArray(wire.constData(), int(wire.size())));
        auto* foreign = m.add_adverts();
        foreign->set_tag_id("phone-123");
        foreign->set_rssi(-80);
        wire = QByteArray::fromStdString(m.SerializeAsString());
        const auto r = decodeWire(TopicKind::Adverts, "gw-1", span(wire), ctx());
        QVERIFY(!r.error);
        QCOMPARE(r.messages.size(), 1);
        const auto& d = std::get<BeaconBatch>(r.messages[0]);
        QCOMPARE(d.reports.size(), 20);
        QCOMPARE(d.foreignAdverts, 1);
        QCOMPARE(d.gateway, directory().gateway("gw-1"));
        QCOMPARE(directory().tagId(d.reports[7].tag), QStringLiteral("tag-7"));
        QCOMPARE(int(d.reports[7].rssi), -47);
        QCOMPARE(d.reports[7].timeMs, Now - 70);
        QCOMPARE(d.receiveTimeMs, Now + 20);
    }

    // The hot path's scanner against libprotobuf: on frames of every shape (frames, raw data,
    // unknown fields, repeated fields, non-ASCII and foreign ids, values out of range) and on
    // thousands of mutated ones, whatever the scanner accepts libprotobuf parses to the same view;
    // every ordinary frame is the scanner's. WW_FUZZ_SEED explores other frames.
    void scannerAgreesWithLibprotobuf()
    {
        google::protobuf::LogSilencer quiet; // invalid UTF-8 among the mutations
        const quint64 seed = qEnvironmentVariableIsSet("WW_FUZZ_SEED") ? qEnvironmentVariableIntValue("WW_FUZZ_SEED") : 29;
        testing::Mutator mutate(seed);
        std::mt19937_64 rng(seed);
        auto pick = [&](int n) { return int(rng() % unsigned(n)); };
        std::vector<QByteArray> frames;
        int ordinary = 0;
        for (int f = 0; f < 400; ++f) {
            v1::AdvBatch m;
            const bool plain = f % 2 == 0; // half of them the shape gateways send
            m.set_schema_version(pick(4) ? 1 : quint32(rng()));
            m.set_device_time_ms(pick(4) ? quint64(Now - pick(100000)) : rng());
            m.set_gateway_id(pick(6) ? "gw-1" : (plain ? "" : "gw-\xc3\xa9"));
            for (int i = 0, n = pick(25); i < n; ++i) {
                auto* a = m.add_adverts();
                a->set_tag_id(pick(8) ? QStringLiteral("tag-%1").arg(pick(20)).toStdString() : "phone-1");
                a->set_rssi(pick(10) ? -40 - pick(60) : qint32(rng()));
                a->set_tx_power(pick(3) ? -59 : 0);
                a->set_time_offset_ms(pick(10) ? -pick(2000) : qint32(rng()));
                if (!plain && pick(4) == 0)
                    a->mutable_ibeacon()->set_major(quint32(pick(65536)));
                if (!plain && pick(6) == 0)
                    a->set_raw(std::string(size_t(pick(31)), char(pick(256))));
            }
            std::string wire = m.SerializeAsString();
            if (!plain && pick(3) == 0)
                wire += m.SerializeAsString(); // repeated fields: the last scalar wins, adverts append
            if (!plain && pick(3) == 0)
                wire += std::string("\x78\x05", 2); // field 15, unknown to this station
            frames.push_back(QByteArray::fromStdString(wire));
            ordinary += plain;
        }
        // Edges of the varint: ten bytes with the 64th bit set or beyond it, eleven bytes, a
        // non-canonical two-byte tag; a length beyond the frame; a length of 0 written in five bytes
        // (libprotobuf takes it) and in ten (libprotobuf refuses it: lengths have at most five).
        for (const char* edge : {"\x10\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "\x10\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02",
                                 "\x10\xff\xff\xff\xff\xff\xff\xff\xff\xff\x80\x01", "\x90\x00\x05", "\x22\x7f\x10\x01",
                                 "\x22\x80\x80\x80\x80\x00", "\x22\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00"})
            frames.push_back(QByteArray("\x08\x01", 2) + QByteArray(edge));
        {
            // The ten-byte length: declined (libprotobuf refuses the frame); the five-byte one read.
            const QByteArray tenByteLength("\x08\x01\x22\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00", 13);
            QVERIFY(!v1::AdvBatch().ParseFromArray(tenByteLength.constData(), int(tenByteLength.size())));
            AdvBatchView v;
            QVERIFY(!scanAdvBatch(span(tenByteLength), v));
            const QByteArray fiveByteLength("\x08\x01\x22\x80\x80\x80\x80\x00", 8);
            QVERIFY(v1::AdvBatch().ParseFromArray(fiveByteLength.constData(), int(fiveByteLength.size())));
            QVERIFY(scanAdvBatch(span(fiveByteLength), v));
        }
        AdvBatchView scanned, reference;
        v1::AdvBatch parsed;
        int plainScanned = 0, compared = 0, mutatedCompared = 0;
        for (size_t f = 0; f < 400; f += 2)
            plainScanned += scanAdvBatch(span(frames[f]), scanned);
        QCOMPARE(plainScanned, ordinary);
        for (int n = 0; n < 30000; ++n) {
            const QByteArray& base = frames[size_t(pick(int(frames.size())))];
            const QByteArray frame = n % 5 == 0 ? base : mutate.mutate(base, frames[size_t(pick(int(frames.size())))]);
            if (!scanAdvBatch(span(frame), scanned))
                continue;
            QVERIFY2(parsed.ParseFromArray(frame.constData(), int(frame.size())),
                     qPrintable(QStringLiteral("scanned, but libprotobuf refuses frame %1").arg(n)));
            viewOf(parsed, reference);
            QVERIFY2(scanned == reference, qPrintable(QStringLiteral("frame %1 read differently").arg(n)));
            ++compared;
            mutatedCompared += n % 5 != 0;
        }
        qInfo("scanner: %d of 30000 frames scanned (%d of them mutated), each read as libprotobuf reads it", compared,
              mutatedCompared);
        QVERIFY(mutatedCompared > 500); // the comparison reaches damaged frames the scanner still reads
    }

    // Positioning engines' fields: a position's engine and a presence that is an engine's.
    void engineFieldsRoundTrip()
    {
        const PositionMsg p{QStringLiteral("t"), Now, 3.5, -2.25, 1, QStringLiteral("R101"), 1.5, 0.8, QStringLiteral("eng-a")};
        auto r = decodeWire(TopicKind::Position, "t", span(encode(p)), ctx());
        QVERIFY(!r.error);
        const auto& pd = std::get<PositionMsg>(r.messages[0]);
        QCOMPARE(pd.engineId, QStringLiteral("eng-a"));
        QCOMPARE(pd.x, 3.5);
        QCOMPARE(pd.room, QStringLiteral("R101"));
        for (const bool engine : {true, false}) {
            StationPresenceMsg s;
            s.stationId = QStringLiteral("eng-a");
            s.online = true;
            s.siteHash = QStringLiteral("abc");
            s.engine = engine;
            r = decodeWire(TopicKind::Station, "eng-a", span(encode(s)), ctx());
            QVERIFY(!r.error);
            QCOMPARE(std::get<StationPresenceMsg>(r.messages[0]).engine, engine);
        }
    }

    // A position's room state ("unknown, near", stale, locating) and its near room round-trip; a
    // position without them (an older engine's) is known, with its room or unknown; states that
    // contradict their room, and states this station does not know, are refused.
    void roomStateRoundTripAndBadInput()
    {
        PositionMsg p{QStringLiteral("t"), Now, 3.5, -2.25, 1, QString(), 1.5, 0.8, QStringLiteral("eng-a")};
        p.roomState = RoomState::UnknownNear;
        p.nearRoom = QStringLiteral("R115");
        p.unknownReason = QStringLiteral("the receivers of R115 are offline");
        auto r = decodeWire(TopicKind::Position, "t", span(encode(p)), ctx());
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->detail) : "");
        auto pd = std::get<PositionMsg>(r.messages[0]);
        QCOMPARE(pd.roomState, RoomState::UnknownNear);
        QCOMPARE(pd.nearRoom, QStringLiteral("R115"));
        QCOMPARE(pd.unknownReason, p.unknownReason);
        QVERIFY(pd.room.isEmpty());

        p.roomState = RoomState::Stale;
        p.room = QStringLiteral("R115");
        p.nearRoom.clear();
        r = decodeWire(TopicKind::Position, "t", span(encode(p)), ctx());
        QVERIFY(!r.error);
        pd = std::get<PositionMsg>(r.messages[0]);
        QCOMPARE(pd.roomState, RoomState::Stale);
        QCOMPARE(pd.room, QStringLiteral("R115"));

        p.roomState = RoomState::Locating;
        p.room.clear();
        p.nearRoom = QStringLiteral("R114");
        r = decodeWire(TopicKind::Position, "t", span(encode(p)), ctx());
        QVERIFY(!r.error);
        QCOMPARE(std::get<PositionMsg>(r.messages[0]).roomState, RoomState::Locating);
        QCOMPARE(std::get<PositionMsg>(r.messages[0]).nearRoom, QStringLiteral("R114"));

        // An older engine's position: no state on the wire at all (field 11 absent) is known.
        v1::Position old;
        old.set_schema_version(1);
        old.set_device_time_ms(quint64(Now));
        old.set_tag_id("t");
        old.set_room("R101");
        const QByteArray oldBytes = QByteArray::fromStdString(old.SerializeAsString());
        r = decodeWire(TopicKind::Position, "t", span(oldBytes), ctx());
        QVERIFY(!r.error);
        QCOMPARE(std::get<PositionMsg>(r.messages[0]).roomState, RoomState::Known);
        QCOMPARE(std::get<PositionMsg>(r.messages[0]).room, QStringLiteral("R101"));

        // Contradictions and unknown states.
        v1::Position bad = old;
        bad.set_room_state(v1::Position::ROOM_UNKNOWN_NEAR); // with a room
        r = decodeWire(TopicKind::Position, "t", span(QByteArray::fromStdString(bad.SerializeAsString())), ctx());
        QVERIFY(r.error);
        QVERIFY(r.error->reason == RejectReason::OutOfRange);
        QVERIFY2(r.error->detail.startsWith(QStringLiteral("room: must be empty")), qPrintable(r.error->detail));
        bad.clear_room();
        bad.set_room_state(v1::Position::ROOM_STALE); // without one
        r = decodeWire(TopicKind::Position, "t", span(QByteArray::fromStdString(bad.SerializeAsString())), ctx());
        QVERIFY(r.error);
        QVERIFY(r.error->reason == RejectReason::MissingField);
        bad.set_room_state(v1::Position::RoomState(7)); // a newer engine's
        r = decodeWire(TopicKind::Position, "t", span(QByteArray::fromStdString(bad.SerializeAsString())), ctx());
        QVERIFY(r.error);
        QCOMPARE(r.error->detail, QStringLiteral("room_state: 7 is not a known state"));
    }

    void vitalsEventsEnvStatusRoundTrip()
    {
        VitalsUpdate v{QStringLiteral("vm-1"), Now, 0, {{VitalKind::SpO2, 93, Now}, {VitalKind::Temperature, 38.2, Now - 5}}};
        auto r = decodeWire(TopicKind::Vitals, "vm-1", span(encode(v)), ctx());
        QVERIFY(!r.error);
        const auto& vd = std::get<VitalsUpdate>(r.messages[0]);
        QCOMPARE(vd.samples.size(), 2);
        QCOMPARE(int(vd.samples[1].kind), int(VitalKind::Temperature));
        QCOMPARE(vd.samples[1].value, 38.2);
        QCOMPARE(vd.samples[1].timeMs, Now - 5);

        DeviceEventMsg e{QStringLiteral("bd-1"), Now, 0, 4, 9, DeviceEventKind::Fall, false};
        r = decodeWire(TopicKind::Event, "bd-1", span(encode(e)), ctx());
        QVERIFY(!r.error);
        const auto& ed = std::get<DeviceEventMsg>(r.messages[0]);
        QCOMPARE(int(ed.kind), int(DeviceEventKind::Fall));
        QCOMPARE(ed.boot, 4u);
        QCOMPARE(ed.seq, 9u);
        // A fall from a device whose clock runs 3 h ahead is taken (the core places it at its
        // arrival); one a year and more ahead, and a vitals batch 3 h ahead, are not.
        const qint64 hour = 3'600'000;
        e.deviceTimeMs = Now + 3 * hour;
        r = decodeWire(TopicKind::Event, "bd-1", span(encode(e)), ctx());
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->detail) : "");
        e.deviceTimeMs = Now + EventMaxFutureMs + hour;
        r = decodeWire(TopicKind::Event, "bd-1", span(encode(e)), ctx());
        QVERIFY(r.error && r.error->reason == RejectReason::OutOfRange);
        VitalsUpdate ahead{QStringLiteral("vm-1"), Now + 3 * hour, 0, {{VitalKind::SpO2, 93, 0}}};
        r = decodeWire(TopicKind::Vitals, "vm-1", span(encode(ahead)), ctx());
        QVERIFY(r.error && r.error->reason == RejectReason::OutOfRange);

        EnvUpdate env;
        env.deviceId = QStringLiteral("fr-1");
        env.deviceTimeMs = Now;
        env.temperatureC = 7.5;
        env.door = DoorState::Open;
        r = decodeWire(TopicKind::Env, "fr-1", span(encode(env)), ctx());
        QVERIFY(!r.error);
        const auto& envd = std::get<EnvUpdate>(r.messages[0]);
        QCOMPARE(*envd.temperatureC, 7.5);
        QVERIFY(!envd.humidityPct);
        QCOMPARE(int(envd.door), int(DoorState::Open));

        DeviceStatusMsg s{QStringLiteral("bd-1"), Now, 0, false, 12, 4, QStringLiteral("2.1"), 1};
        r = decodeWire(TopicKind::Status, "bd-1", span(encode(s)), ctx());
        QVERIFY(!r.error);
        QCOMPARE(std::get<DeviceStatusMsg>(r.messages[0]).online, false);
        QCOMPARE(*std::get<DeviceStatusMsg>(r.messages[0]).batteryPct, 12);
    }

    void badInput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("garbage") << int(TopicKind::Adverts) << QByteArray("\xff\xff\xff\x01", 4) << int(RejectReason::Malformed) << "AdvBatch";
        v1::AdvBatch a;
        a.set_schema_version(2);
        a.set_device_time_ms(Now);
        QTest::newRow("version 2") << int(TopicKind::Adverts) << QByteArray::fromStdString(a.SerializeAsString())
                                   << int(RejectReason::UnknownVersion) << "schema_version 2";
        a.set_schema_version(1);
        a.set_device_time_ms(0);
        QTest::newRow("no device time") << int(TopicKind::Adverts) << QByteArray::fromStdString(a.SerializeAsString())
                                        << int(RejectReason::MissingField) << "device_time_ms";
        a.set_device_time_ms(Now + 3'600'000);
        QTest::newRow("future") << int(TopicKind::Adverts) << QByteArray::fromStdString(a.SerializeAsString())
                                << int(RejectReason::OutOfRange) << "future";
        a.set_device_time_ms(Now);
        auto* adv = a.add_adverts();
        adv->set_tag_id("t");
        adv->set_rssi(-200);
        QTest::newRow("rssi") << int(TopicKind::Adverts) << QByteArray::fromStdString(a.SerializeAsString())
                              << int(RejectReason::OutOfRange) << "adverts[0].rssi -200";
        adv->set_rssi(-50);
        a.set_gateway_id("gw-other");
        QTest::newRow("mismatch") << int(TopicKind::Adverts) << QByteArray::fromStdString(a.SerializeAsString())
                                  << int(RejectReason::TopicMismatch) << "gw-other";

        v1::DeviceEvent e;
        e.set_schema_version(1);
        e.set_device_time_ms(Now);
        e.set_seq(0);
        e.set_kind(v1::DeviceEvent::FALL);
        QTest::newRow("seq 0") << int(TopicKind::Event) << QByteArray::fromStdString(e.SerializeAsString())
                               << int(RejectReason::MissingField) << "seq";
        e.set_seq(1);
        e.set_kind(v1::DeviceEvent::KIND_UNSPECIFIED);
        QTest::newRow("no kind") << int(TopicKind::Event) << QByteArray::fromStdString(e.SerializeAsString())
                                 << int(RejectReason::OutOfRange) << "kind";

        v1::ObservationBatch o;
        o.set_schema_version(1);
        o.set_device_time_ms(Now);
        auto* obs = o.add_observations();
        obs->set_mdc_code(mdc::PulsOximSatO2);
        obs->set_value(140);
        QTest::newRow("spo2 140") << int(TopicKind::Vitals) << QByteArray::fromStdString(o.SerializeAsString())
                                  << int(RejectReason::OutOfRange) << "SpO2 = 140";
        obs->set_value(95);
        obs->set_unit_code(mdc::DimMmHg);
        QTest::newRow("wrong unit") << int(TopicKind::Vitals) << QByteArray::fromStdString(o.SerializeAsString())
                                    << int(RejectReason::OutOfRange) << "unit_code";
        obs->set_unit_code(0);
        obs->set_time_ms(165'092'308'704); // a sample of 1975 in a batch of today (found by tst_robustness)
        QTest::newRow("old sample") << int(TopicKind::Vitals) << QByteArray::fromStdString(o.SerializeAsString())
                                    << int(RejectReason::OutOfRange) << "observations[0].time_ms is";

        v1::EnvReading r;
        r.set_schema_version(1);
        r.set_device_time_ms(Now);
        r.set_temperature_c(std::numeric_limits<float>::quiet_NaN());
        QTest::newRow("nan") << int(TopicKind::Env) << QByteArray::fromStdString(r.SerializeAsString())
                             << int(RejectReason::OutOfRange) << "temperature_c";
        QTest::newRow("unknown topic") << int(TopicKind::Unknown) << QByteArray("x") << int(RejectReason::UnknownTopic) << "decoder";
        QTest::newRow("version 3, raw bytes") << int(TopicKind::Adverts) << QByteArray("\x08\x03", 2)
                                              << int(RejectReason::UnknownVersion) << "schema_version 3";
    }

    void badInput()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, payload);
        QFETCH(int, reason);
        QFETCH(QString, mentions);
        const auto r = decodeWire(TopicKind(kind), "gw-1", span(payload), ctx());
        QVERIFY(r.error);
        QCOMPARE(toString(r.error->reason), toString(RejectReason(reason)));
        QVERIFY2(r.error->detail.contains(mentions), qPrintable(r.error->detail));
        QVERIFY(r.messages.isEmpty());
    }

    void unknownGatewayRejected()
    {
        v1::AdvBatch m;
        m.set_schema_version(1);
        m.set_device_time_ms(Now);
        const QByteArray wire = QByteArray::fromStdString(m.SerializeAsString());
        const auto r = decodeWire(TopicKind::Adverts, "gw-9", span(wire), ctx());
        QVERIFY(r.error);
        QCOMPARE(toString(r.error->reason), QStringLiteral("unknown-device"));
        QCOMPARE(r.error->detail, QStringLiteral("gateway \"gw-9\" is not in the site configuration"));
    }

    void mokoScanReport()
    {
        const QByteArray json = R"({"msg_id":3070,"device_info":{"mac":"ac:23:3f:c0:12:34"},"data":[
          {"timestamp":1780000000,"timezone":0,"type_code":0,"type":"iBeacon","rssi":-63,"connectable":1,
           "mac":"C8FB12345678","uuid":"E2C56DB5DFFB48D2B060D0F5A71096E0","major":1,"minor":2,"rssi_1m":-59},
          {"timestamp":12345,"type_code":7,"type":"BXP-Button","rssi":-70,"mac":"C8FB12345679","frame_type":2,
           "alarm_status":1,"trigger_count":5,"batt_vol":3000}]})";
        const auto r = decodeMokoJson(span(json), ctx());
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->detail) : "");
        QCOMPARE(r.messages.size(), 2);
        const auto& b = std::get<BeaconBatch>(r.messages[0]);
        QCOMPARE(directory().gatewayId(b.gateway), QStringLiteral("AC233FC01234"));
        QCOMPARE(b.reports.size(), 2);
        QCOMPARE(directory().tagId(b.reports[0].tag), QStringLiteral("C8FB12345678"));
        QCOMPARE(b.reports[0].timeMs, qint64(1780000000) * 1000); // epoch seconds
        QCOMPARE(int(b.reports[0].txPower), -59);
        QCOMPARE(b.reports[1].timeMs, Now + 20); // uptime: receive time instead
        const auto& ev = std::get<DeviceEventMsg>(r.messages[1]);
        QCOMPARE(int(ev.kind), int(DeviceEventKind::ButtonLong));
        QCOMPARE(ev.seq, 5u);
    }

    void moko3004ByShape()
    {
        const QByteArray heartbeat = R"({"msg_id":3004,"device_info":{"mac":"AC233FC01234"},"data":{"wifi_rssi":-40}})";
        auto r = decodeMokoJson(span(heartbeat), ctx());
        QVERIFY(!r.error);
        QVERIFY(std::holds_alternative<DeviceStatusMsg>(r.messages[0]));
        const QByteArray oldScan = R"({"msg_id":3004,"device_info":{"mac":"AC233FC01234"},"data":[{"rssi":-50,"mac":"C8FB12345678"}]})";
        r = decodeMokoJson(span(oldScan), ctx());
        QVERIFY(!r.error);
        QCOMPARE(std::get<BeaconBatch>(r.messages[0]).reports.size(), 1);
    }

    void mokoBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{\"msg_id\":") << "JSON at offset";
        QTest::newRow("no msg id") << QByteArray(R"({"device_info":{"mac":"AC233FC01234"}})") << "$.msg_id";
        QTest::newRow("bad gw mac") << QByteArray(R"({"msg_id":3070,"device_info":{"mac":"xyz"},"data":[]})") << "$.device_info.mac";
        QTest::newRow("bad rssi") << QByteArray(R"({"msg_id":3070,"device_info":{"mac":"AC233FC01234"},"data":[{"mac":"C8FB12345678","rssi":99}]})")
                                  << "$.data[0].rssi";
        QTest::newRow("no mac") << QByteArray(R"({"msg_id":3070,"device_info":{"mac":"AC233FC01234"},"data":[{"rssi":-50}]})")
                                << "$.data[0].mac";
        QTest::newRow("data object") << QByteArray(R"({"msg_id":3070,"device_info":{"mac":"AC233FC01234"},"data":{}})") << "$.data";
        QTest::newRow("unknown gateway") << QByteArray(R"({"msg_id":3070,"device_info":{"mac":"AC233FC09999"},"data":[]})")
                                         << "$.device_info.mac: gateway AC233FC09999 is not in the site";
    }

    void mokoBadInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto r = decodeMokoJson(span(json), ctx());
        QVERIFY(r.error);
        QVERIFY2(r.error->detail.contains(mentions), qPrintable(r.error->detail));
    }

    void topics()
    {
        Topics t(QStringLiteral("w7"));
        QCOMPARE(int(t.parse("ww/v1/w7/gw/g1/adv").kind), int(TopicKind::Adverts));
        QVERIFY(t.parse("ww/v1/w7/gw/g1/adv").id == "g1");
        QCOMPARE(int(t.parse("ww/v1/w7/gw//adv").kind), int(TopicKind::Unknown));
        QCOMPARE(int(t.parse("ww/v1/w7/alarm/a1/extra").kind), int(TopicKind::Unknown));
        QCOMPARE(int(t.parse("ww/v1/w7/station/s1").kind), int(TopicKind::Station));
        QCOMPARE(int(t.parse("ww/v1/w7/dev/d1/status").kind), int(TopicKind::Status));
        QCOMPARE(int(t.parse("ww/v1/w7/dev/d1/other").kind), int(TopicKind::Unknown));
        QCOMPARE(int(t.parse("ww/v1/w8/gw/g1/adv").kind), int(TopicKind::Unknown));
        QCOMPARE(int(t.parse("ww/v1/w7/truth/tag/x").kind), int(TopicKind::Truth));
        QCOMPARE(int(t.parse("moko/AC/send", "moko/+/send").kind), int(TopicKind::Moko));
        QVERIFY(Topics::matchesFilter("a/#", "a/b/c"));
        QVERIFY(Topics::matchesFilter("a/+/c", "a/b/c"));
        QVERIFY(!Topics::matchesFilter("a/+/c", "a/b"));
        QVERIFY(!Topics::matchesFilter("a/+", "a/b/c"));
    }

    void ingestCountsPerReason()
    {
        ManualClock clock(Now);
        IngestStats stats;
        IngestConfig cfg{QStringLiteral("w7")};
        cfg.maxPayloadBytes = 64;
        Ingest ingest(cfg, directory(), clock, stats);
        int delivered = 0;
        const QByteArray good = encode(BeaconBatch{directory().gateway("g1"), Now, 0, {{directory().tag("t"), Now, -50, 0}}, 0},
                                       directory());
        delivered += int(ingest.decode("ww/v1/w7/gw/g1/adv", span(good), Now).size());
        delivered += int(ingest.decode("ww/v1/w7/gw/g1/adv", span(QByteArray(100, 'x')), Now).size());
        delivered += int(ingest.decode("ww/v1/w7/gw/g1/adv", span(QByteArray("\xff", 1)), Now).size());
        delivered += int(ingest.decode("ww/v1/w7/truth/tag/t", span(QByteArray("{}")), Now).size());
        delivered += int(ingest.decode("ww/v1/w7/nope", span(QByteArray("x")), Now).size());
        const IngestCounters c = stats.snapshot();
        QCOMPARE(delivered, 1);
        QCOMPARE(c.received, 5u);
        QCOMPARE(c.accepted, 1u);
        QCOMPARE(c.beaconReports, 1u);
        QCOMPARE(c.byReason[size_t(RejectReason::Oversized)], 1u);
        QCOMPARE(c.byReason[size_t(RejectReason::Malformed)], 1u);
        QCOMPARE(c.byReason[size_t(RejectReason::UnknownTopic)], 1u);
        QCOMPARE(c.rejected, 3u);
        QCOMPARE(c.rejectedByTopic[size_t(TopicKind::Adverts)], 2u);
    }

    void alarmStateRoundTripAndBadInput()
    {
        AlarmState a;
        a.id = QStringLiteral("event.fall:wb-005:1-3");
        a.rule = QStringLiteral("event.fall");
        a.category = AlarmCategory::Event;
        a.priority = Priority::High;
        a.subject = QStringLiteral("Ava Chen (bed R105-A)");
        a.place = QStringLiteral("Room 105 (floor 1)");
        a.roomId = QStringLiteral("R105");
        a.condition = QStringLiteral("fall from wb-005");
        a.conditionCode = QStringLiteral("event");
        a.conditionArgs = {QStringLiteral("fall"), QStringLiteral("wb-005")};
        a.onsetMs = 1'780'000'000'000;
        a.endedMs = 1'780'000'004'000;
        a.ackedAtMs = 1'780'000'004'000;
        a.ackedBy = QStringLiteral("S02");
        a.ackedByName = QStringLiteral("Martha Silva");
        a.ackedStation = QStringLiteral("station-1");
        a.escalationStep = 2;
        a.stationId = QStringLiteral("station-1");
        a.revision = 7;
        a.latching = true;
        a.late = true;
        const QByteArray wire = encode(a, 1'780'000'005'000);
        auto r = decodeWire(TopicKind::Alarm, "event.fall:wb-005:1-3", span(wire), ctx());
        QVERIFY(!r.error);
        const auto& m = std::get<AlarmStateMsg>(r.messages.at(0));
        QVERIFY(!m.cleared);
        const AlarmState& b = m.state;
        QCOMPARE(b.id, a.id);
        QCOMPARE(int(b.phase()), int(Phase::Resolved));
        QCOMPARE(int(b.priority), int(Priority::High));
        QCOMPARE(int(b.category), int(AlarmCategory::Event));
        QCOMPARE(b.ackedByName, a.ackedByName);
        QCOMPARE(b.condition, a.condition);
        QCOMPARE(b.conditionCode, a.conditionCode); // the condition as data crosses the wire
        QCOMPARE(b.conditionArgs, a.conditionArgs);
        QCOMPARE(b.escalationStep, 2);
        QCOMPARE(b.revision, quint64(7));
        QCOMPARE(b.place, a.place);
        QCOMPARE(b.roomId, a.roomId);
        QVERIFY(b.latching && b.late);

        // An empty retained payload: the alarm was closed and cleared.
        r = decodeWire(TopicKind::Alarm, "x:y:1", {}, ctx());
        QVERIFY(!r.error);
        QVERIFY(std::get<AlarmStateMsg>(r.messages.at(0)).cleared);
        QCOMPARE(std::get<AlarmStateMsg>(r.messages.at(0)).state.id, QStringLiteral("x:y:1"));

        const QByteArray junk("\xff\xff\xff", 3);
        r = decodeWire(TopicKind::Alarm, "x:y:1", span(junk), ctx());
        QVERIFY(r.error);
        QCOMPARE(int(r.error->reason), int(RejectReason::Malformed));

        v1::AlarmState bad;
        bad.set_schema_version(1);
        bad.set_alarm_id("x:y:1");
        bad.set_priority(v1::AlarmState::HIGH);
        bad.set_phase(v1::AlarmState::ACKNOWLEDGED); // acknowledged by nobody
        const QByteArray noOperator = QByteArray::fromStdString(bad.SerializeAsString());
        r = decodeWire(TopicKind::Alarm, "x:y:1", span(noOperator), ctx());
        QVERIFY(r.error);
        QCOMPARE(int(r.error->reason), int(RejectReason::MissingField));
        QVERIFY(r.error->detail.contains(QStringLiteral("acked_by")));
        bad.set_phase(v1::AlarmState::ACTIVE);
        bad.set_priority(v1::AlarmState::PRIORITY_UNSPECIFIED);
        const QByteArray noPriority = QByteArray::fromStdString(bad.SerializeAsString());
        r = decodeWire(TopicKind::Alarm, "x:y:1", span(noPriority), ctx());
        QVERIFY(r.error);
        QCOMPARE(int(r.error->reason), int(RejectReason::OutOfRange));

        // An acknowledgement dated 1970 would win the merge (the earliest acknowledgement is kept)
        // and rewrite who acknowledged and when: refused, as is an onset of 1970.
        AlarmState forged = a;
        forged.ackedAtMs = 1;
        forged.ackedBy = QStringLiteral("S99");
        const QByteArray early = encode(forged, 1'780'000'005'000);
        r = decodeWire(TopicKind::Alarm, "event.fall:wb-005:1-3", span(early), ctx());
        QVERIFY(r.error);
        QCOMPARE(int(r.error->reason), int(RejectReason::OutOfRange));
        QVERIFY2(r.error->detail.contains(QStringLiteral("acked_at_ms 1 is before the onset")), qPrintable(r.error->detail));
        forged = a;
        forged.onsetMs = 0;
        const QByteArray noOnset = encode(forged, 1'780'000'005'000);
        r = decodeWire(TopicKind::Alarm, "event.fall:wb-005:1-3", span(noOnset), ctx());
        QVERIFY(r.error);
        QVERIFY2(r.error->detail.contains(QStringLiteral("onset_ms 0")), qPrintable(r.error->detail));
    }
};

QTEST_GUILESS_MAIN(TestWireCodec)
#include "tst_wirecodec.moc"
