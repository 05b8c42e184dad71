// MOKO sensor frames in a MOKO gateway's scan report (transport/mokoadv.cpp, mokojson.cpp): the
// H4's temperature/humidity frame (service data 0xFEAB, frame 0x70) read from adv_data with values
// computed by hand, damaged frames dropped with their reason and path, unknown frames counted; a
// sensor named by its MAC in the site file; the ingest stage's counters.
#include "transport/ingest.h"
#include "transport/mokoadv.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ww;

namespace {
std::span<const std::byte> span(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}
constexpr qint64 Now = 1'780'000'000'000;
constexpr auto SensorMac = "AC233FB0C1D2";
constexpr auto TagMac = "C8FB12345678";

// A ward with one MOKO gateway, one tag, and a climate sensor whose MAC is written with colons.
const QByteArray SiteJson = R"({"schema": "wardwatch-site/1", "id": "w", "name": "w",
  "floors": [{"level": 1, "name": "1", "width": 20, "height": 10}],
  "rooms": [{"id": "R1", "name": "R1", "floor": 1, "kind": "patient", "polygon": [[0,0],[10,0],[10,10],[0,10]]}],
  "gateways": [{"id": "g1", "mac": "AC233FC01234", "floor": 1, "x": 5, "y": 5}],
  "assets": [{"id": "a1", "name": "Pump", "type": "pump", "tag": "C8FB12345678", "home": "R1"}],
  "walls": [], "beds": [], "patients": [], "staff": [], "fridges": [],
  "sensors": [{"id": "env-r1", "kind": "climate", "room": "R1", "mac": "ac:23:3f:b0:c1:d2"},
              {"id": "door-r1", "kind": "door", "room": "R1"}]})";

const Site& site()
{
    static const Site s = [] {
        auto r = SiteLoader::loadBytes(SiteJson, QStringLiteral("moko.json"));
        if (!r.site)
            qFatal("site: %s", qPrintable(r.errors.join(u'\n')));
        return *r.site;
    }();
    return s;
}
const DeviceDirectory& directory()
{
    static const DeviceDirectory d(site());
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

// One scan entry of the sensor: type_code 10 ("other") with the raw advert.
QString sensorEntry(const QString& advData, const QString& extra = {})
{
    return QStringLiteral(R"({"timestamp":1780000000,"type_code":10,"type":"other","rssi":-70,"mac":"%1","adv_data":"%2"%3})")
        .arg(QLatin1String(SensorMac), advData, extra);
}
QByteArray scanReport(const QStringList& entries)
{
    return QStringLiteral(R"({"msg_id":3070,"device_info":{"mac":"AC233FC01234"},"data":[%1]})").arg(entries.join(u',')).toUtf8();
}
const QString TagEntry = QStringLiteral(R"({"timestamp":1780000000,"type_code":0,"rssi":-60,"mac":"C8FB12345678"})");
// iBeacon (REFERENCE.md): 02 01 06 1A FF 4C 00 02 15, UUID, major 1, minor 2, power -59 (C5).
const QString IBeacon = QStringLiteral("0201061AFF4C000215" "E2C56DB5DFFB48D2B060D0F5A71096E0" "0001" "0002" "C5");

// Advert hex, byte by byte. Flags AD: 02 01 06. The T&H service data AD: length 0C (type + UUID +
// 9 frame bytes), type 16, UUID AB FE (0xFEAB little-endian), then the frame: 70 (frame type),
// 00 0A (bytes 1-2, not read), temperature (bytes 3-4), humidity (5-6), battery mV (7-8).
QString thAdvert(const char* temperature, const char* humidity, const char* battery = "0BB8")
{
    return QStringLiteral("020106") + QStringLiteral("0C16ABFE") + QStringLiteral("70000A") + QLatin1String(temperature) +
           QLatin1String(humidity) + QLatin1String(battery);
}
} // namespace

class TestMokoSensors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The site names a sensor by MAC: colons dropped, upper case; the directory finds it by that MAC
    // and gives the sensor's id. A sensor without a MAC is not in the MAC table.
    void siteNamesSensorByMac()
    {
        QCOMPARE(site().sensors[0].mac, QString::fromLatin1(SensorMac));
        QVERIFY(site().sensors[1].mac.isEmpty());
        const int s = directory().sensor(SensorMac);
        QVERIFY(s >= 0);
        QCOMPARE(directory().sensorId(s), QStringLiteral("env-r1"));
        QCOMPARE(directory().sensorCount(), 1);
        QCOMPARE(directory().sensor("env-r1"), -1);
        QCOMPARE(directory().sensor(TagMac), -1);
    }

    void siteSensorMacErrors_data()
    {
        QTest::addColumn<QString>("sensor");
        QTest::addColumn<QString>("error");
        QTest::newRow("not hex") << R"({"id": "env-r1", "kind": "climate", "room": "R1", "mac": "AC233FB0C1DZ"})"
                                 << "moko.json: $.sensors[0].mac: must be 12 hex digits";
        QTest::newRow("too short") << R"({"id": "env-r1", "kind": "climate", "room": "R1", "mac": "AC233F"})"
                                   << "moko.json: $.sensors[0].mac: must be 12 hex digits";
        QTest::newRow("not a string") << R"({"id": "env-r1", "kind": "climate", "room": "R1", "mac": 12})"
                                      << "moko.json: $.sensors[0].mac: must be a non-empty string";
        QTest::newRow("the gateway's MAC") << R"({"id": "env-r1", "kind": "climate", "room": "R1", "mac": "AC233FC01234"})"
                                           << "moko.json: $.sensors[0].mac: device id \"AC233FC01234\" is used twice";
        QTest::newRow("a tag's MAC") << R"({"id": "env-r1", "kind": "climate", "room": "R1", "mac": "C8:FB:12:34:56:78"})"
                                     << "moko.json: $.sensors[0].mac: device id \"C8FB12345678\" is used twice";
    }
    void siteSensorMacErrors()
    {
        QFETCH(QString, sensor);
        QFETCH(QString, error);
        QByteArray json = SiteJson;
        const qsizetype at = json.indexOf("\"sensors\": [");
        json.truncate(at);
        json += "\"sensors\": [" + sensor.toUtf8() + "]}";
        const auto r = SiteLoader::loadBytes(json, QStringLiteral("moko.json"));
        QVERIFY(!r.site);
        QVERIFY2(r.errors.contains(error), qPrintable(r.errors.join(u'\n')));
    }

    // Good frames, values computed by hand from the bytes.
    void goodFrames_data()
    {
        QTest::addColumn<QString>("hex");
        QTest::addColumn<double>("temperatureC");
        QTest::addColumn<double>("humidityPct");
        QTest::addColumn<int>("batteryMv");
        // 00E1 = 225 -> 22.5 °C; 01C5 = 453 -> 45.3 %; 0BB8 = 3000 mV.
        QTest::newRow("room") << thAdvert("00E1", "01C5") << 22.5 << 45.3 << 3000;
        // FFCC = -52 (two's complement) -> -5.2 °C; 0000 -> 0.0 %; 0B86 = 2950 mV.
        QTest::newRow("below zero") << thAdvert("FFCC", "0000", "0B86") << -5.2 << 0.0 << 2950;
        // FE70 = -400 -> -40.0 °C and 03E8 = 1000 -> 100.0 %: the ends of the range are readings.
        QTest::newRow("coldest, saturated") << thAdvert("FE70", "03E8") << -40.0 << 100.0 << 3000;
        // 0352 = 850 -> 85.0 °C.
        QTest::newRow("hottest") << thAdvert("0352", "0064") << 85.0 << 10.0 << 3000;
        QTest::newRow("lower case") << thAdvert("00E1", "01C5").toLower() << 22.5 << 45.3 << 3000;
        // The frame with 6 more bytes after the battery (length 12 = 0x12): only bytes 0-8 are read.
        QTest::newRow("longer frame") << QStringLiteral("020106" "12" "16ABFE" "70000A" "00E1" "01C5" "0BB8" "AC233FB0C1D2")
                                      << 22.5 << 45.3 << 3000;
        // A tx power AD (02 0A 00) and an ACC frame (0x60) of the same service before the T&H frame.
        QTest::newRow("after other structures")
            << QStringLiteral("020106" "020A00" "0616ABFE60000A" "0C16ABFE70000A" "0109" "0226" "0C1C") << 26.5 << 55.0 << 3100;
        // Zero padding after the significant part (a length of 0 ends it).
        QTest::newRow("padded") << thAdvert("00E1", "01C5") + QStringLiteral("000000") << 22.5 << 45.3 << 3000;
    }
    void goodFrames()
    {
        QFETCH(QString, hex);
        QFETCH(double, temperatureC);
        QFETCH(double, humidityPct);
        QFETCH(int, batteryMv);
        const MokoAdvert a = decodeMokoAdvert(hex);
        QVERIFY2(!a.error, a.error ? qPrintable(a.error->detail) : "");
        QVERIFY(a.th);
        QCOMPARE(a.th->temperatureC, temperatureC);
        QCOMPARE(a.th->humidityPct, humidityPct);
        QCOMPARE(a.th->batteryMv, batteryMv);
    }

    // Damaged frames: refused with their reason and a detail saying what is wrong.
    void damagedFrames_data()
    {
        QTest::addColumn<QString>("hex");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("detail");
        const int malformed = int(RejectReason::Malformed), outOfRange = int(RejectReason::OutOfRange);
        QTest::newRow("odd digits") << QStringLiteral("0201060") << malformed << QStringLiteral("odd number of hex digits (7)");
        QTest::newRow("not hex") << QStringLiteral("02010G") << malformed
                                 << QStringLiteral("character 5 ('G') is not a hex digit");
        QTest::newRow("separators") << QStringLiteral("02:01:06") << malformed
                                    << QStringLiteral("character 2 (':') is not a hex digit");
        // 0C says 12 bytes follow; 4 do.
        QTest::newRow("structure past the end") << QStringLiteral("020106" "0C16ABFE70") << malformed
                                                << QStringLiteral("AD structure at byte 3 is 12 bytes long, 4 follow");
        // Length 8: type, UUID, then 5 frame bytes (70 00 0A 00 E1) of the 9 the frame needs.
        QTest::newRow("frame too short") << QStringLiteral("020106" "0816ABFE" "70000A00E1") << malformed
                                         << QStringLiteral("T&H frame (0xFEAB, 0x70) is 5 bytes, needs 9");
        // 0353 = 851 -> 85.1 °C; FE6F = -401 -> -40.1 °C.
        QTest::newRow("too hot") << thAdvert("0353", "01C5") << outOfRange
                                 << QStringLiteral("T&H frame: temperature 85.1 °C outside [-40, 85]");
        QTest::newRow("too cold") << thAdvert("FE6F", "01C5") << outOfRange
                                  << QStringLiteral("T&H frame: temperature -40.1 °C outside [-40, 85]");
        // 03E9 = 1001 -> 100.1 %; FFFF = 65535 -> 6553.5 %.
        QTest::newRow("humidity above 100") << thAdvert("00E1", "03E9") << outOfRange
                                            << QStringLiteral("T&H frame: humidity 100.1 % above 100");
        QTest::newRow("humidity all ones") << thAdvert("00E1", "FFFF") << outOfRange
                                           << QStringLiteral("T&H frame: humidity 6553.5 % above 100");
    }
    void damagedFrames()
    {
        QFETCH(QString, hex);
        QFETCH(int, reason);
        QFETCH(QString, detail);
        const MokoAdvert a = decodeMokoAdvert(hex);
        QVERIFY(!a.th);
        QVERIFY(a.error);
        QCOMPARE(int(a.error->reason), reason);
        QCOMPARE(a.error->detail, detail);
    }

    // Frames WardWatch does not read: neither a reading nor an error (the caller counts them).
    void unknownFrames_data()
    {
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty") << QString();
        QTest::newRow("iBeacon") << IBeacon;
        // Eddystone TLM (service 0xFEAA, frame 0x20): not a MOKO sensor frame.
        QTest::newRow("Eddystone TLM")
            << QStringLiteral("0201060303AAFE" "1116AAFE" "2000" "0BB8" "1600" "00000010" "00000100");
        // The same service, the ACC frame type 0x60: another slot of the same sensor.
        QTest::newRow("FEAB frame 0x60") << QStringLiteral("020106" "0C16ABFE" "60000A" "00E101C50BB8");
        // Service data of 0xFEAB with no frame byte.
        QTest::newRow("FEAB without a frame") << QStringLiteral("020106" "0316ABFE");
        // Manufacturer data that happens to hold the bytes of the frame: not service data.
        QTest::newRow("bytes in manufacturer data") << QStringLiteral("020106" "0CFFABFE70000A00E101C50BB8");
    }
    void unknownFrames()
    {
        QFETCH(QString, hex);
        const MokoAdvert a = decodeMokoAdvert(hex);
        QVERIFY2(!a.error, a.error ? qPrintable(a.error->detail) : "");
        QVERIFY(!a.th);
    }

    // In a scan report: the sensor's frame becomes the sensor's EnvUpdate (its site id, the entry's
    // time), the tag's advert a beacon report; the sensor is neither positioned nor foreign.
    void scanReportReading()
    {
        const QString foreign = QStringLiteral(R"({"type_code":10,"rssi":-90,"mac":"C0FFEE000001","adv_data":"zz"})");
        const auto r = decodeMokoJson(span(scanReport({sensorEntry(thAdvert("00E1", "01C5")), TagEntry, foreign})), ctx());
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->detail) : "");
        QVERIFY(r.droppedParts.isEmpty()); // a foreign device's advert is not read, damaged or not
        QCOMPARE(r.unknownFrames, 0);
        QCOMPARE(r.messages.size(), 2);
        const auto& b = std::get<BeaconBatch>(r.messages[0]);
        QCOMPARE(b.reports.size(), 1);
        QCOMPARE(directory().tagId(b.reports[0].tag), QString::fromLatin1(TagMac));
        QCOMPARE(b.foreignAdverts, 1);
        const auto& u = std::get<EnvUpdate>(r.messages[1]);
        QCOMPARE(u.deviceId, QStringLiteral("env-r1"));
        QCOMPARE(u.deviceTimeMs, qint64(1780000000) * 1000);
        QCOMPARE(u.receiveTimeMs, Now + 20);
        QCOMPARE(*u.temperatureC, 22.5);
        QCOMPARE(*u.humidityPct, 45.3);
        QVERIFY(!u.co2Ppm && !u.pm25 && !u.tvoc && !u.diffPressurePa);
        QCOMPARE(int(u.door), int(DoorState::Unknown));
    }

    // A damaged sensor frame drops that entry only, with its reason and JSON path; the report's
    // other adverts are taken. An entry with no frame read is counted as unknown.
    void scanReportDamagedAndUnknown()
    {
        const QString bxpTh = QStringLiteral(R"({"type_code":6,"type":"BXP-TH","rssi":-70,"mac":"AC:23:3F:B0:C1:D2"})");
        const auto r = decodeMokoJson(span(scanReport({sensorEntry(thAdvert("00E1", "03E9")), TagEntry,
                                                       sensorEntry(QStringLiteral("02010G")), bxpTh,
                                                       sensorEntry(IBeacon),
                                                       sensorEntry({}, QStringLiteral(R"(,"x":1)")).replace(
                                                           QStringLiteral(R"("adv_data":"")"), QStringLiteral(R"("adv_data":7)"))})),
                                      ctx());
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->detail) : "");
        QCOMPARE(r.messages.size(), 1); // the beacon batch only
        QCOMPARE(std::get<BeaconBatch>(r.messages[0]).reports.size(), 1);
        QCOMPARE(std::get<BeaconBatch>(r.messages[0]).foreignAdverts, 0);
        QCOMPARE(r.droppedParts.size(), 3);
        QCOMPARE(int(r.droppedParts[0].reason), int(RejectReason::OutOfRange));
        QCOMPARE(r.droppedParts[0].detail, QStringLiteral("$.data[0].adv_data: T&H frame: humidity 100.1 % above 100"));
        QCOMPARE(int(r.droppedParts[1].reason), int(RejectReason::Malformed));
        QCOMPARE(r.droppedParts[1].detail, QStringLiteral("$.data[2].adv_data: character 5 ('G') is not a hex digit"));
        QCOMPARE(r.droppedParts[2].detail, QStringLiteral("$.data[5].adv_data: must be a hex string"));
        // The BXP-TH entry without adv_data (its decoded fields are not read) and the sensor's
        // iBeacon advert, which holds no T&H frame.
        QCOMPARE(r.unknownFrames, 2);
    }

    // A bad entry field that every entry needs still refuses the whole report, sensor or not.
    void sensorEntryWithBadRssiRefusesReport()
    {
        const auto r = decodeMokoJson(span(scanReport({TagEntry, sensorEntry(thAdvert("00E1", "01C5")).replace(
                                                                     QStringLiteral("-70"), QStringLiteral("99"))})),
                                      ctx());
        QVERIFY(r.error);
        QCOMPARE(r.error->detail, QStringLiteral("$.data[1].rssi: 99 dBm outside [-127, 20]"));
        QVERIFY(r.messages.isEmpty());
    }

    // The ingest stage takes the report (accepted, not rejected), counts the dropped part and the
    // unknown frame, and delivers the reading.
    void ingestCounts()
    {
        ManualClock clock(Now);
        IngestStats stats;
        Ingest ingest(IngestConfig{QStringLiteral("w")}, directory(), clock, stats);
        const QByteArray good = scanReport({sensorEntry(thAdvert("00E1", "01C5")), TagEntry});
        const QByteArray mixed = scanReport({sensorEntry(thAdvert("0353", "01C5")), sensorEntry(QStringLiteral("0201060316ABFE")),
                                             TagEntry});
        const QVector<Decoded> first = ingest.decode("moko/AC233FC01234/send", span(good), Now);
        const QVector<Decoded> second = ingest.decode("moko/AC233FC01234/send", span(mixed), Now);
        QCOMPARE(first.size(), 2);
        QVERIFY(std::holds_alternative<EnvUpdate>(first[1]));
        QCOMPARE(second.size(), 1);
        const IngestCounters c = stats.snapshot();
        QCOMPARE(c.received, 2u);
        QCOMPARE(c.accepted, 2u);
        QCOMPARE(c.rejected, 0u);
        QCOMPARE(c.beaconReports, 2u);
        QCOMPARE(c.foreignAdverts, 0u);
        QCOMPARE(c.droppedParts, 1u);
        QCOMPARE(c.unknownFrames, 1u);
    }

    // Random bytes and random hex never crash the advert reader; whatever it says is consistent.
    void randomAdvertsNeverCrash()
    {
        QRandomGenerator rng(7);
        static constexpr char Digits[] = "0123456789ABCDEFabcdefXx: ";
        for (int n = 0; n < 20000; ++n) {
            QString hex;
            const int len = int(rng.bounded(70));
            for (int i = 0; i < len; ++i)
                hex += QLatin1Char(Digits[rng.bounded(n % 2 ? 16 : int(sizeof(Digits) - 1))]);
            if (n % 3 == 0)
                hex = QStringLiteral("0201060C16ABFE70") + hex; // near the frame
            const MokoAdvert a = decodeMokoAdvert(hex);
            QVERIFY(!(a.th && a.error));
            if (a.error)
                QVERIFY(!a.error->detail.isEmpty());
            if (a.th) {
                QVERIFY(a.th->temperatureC >= -40 && a.th->temperatureC <= 85);
                QVERIFY(a.th->humidityPct >= 0 && a.th->humidityPct <= 100);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMokoSensors)
#include "tst_mokosensors.moc"
