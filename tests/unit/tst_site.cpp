// Site configuration: the embedded default ward, and errors that name file, JSON path and problem.
#include "domain/devicedirectory.h"
#include "domain/site.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace ww;

class TestSite : public QObject
{
    Q_OBJECT
private:
    static QByteArray defaultBytes()
    {
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QStringList errorsAfter(const std::function<void(QJsonObject&)>& edit)
    {
        QJsonObject root = QJsonDocument::fromJson(defaultBytes()).object();
        edit(root);
        return SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("edited.json")).errors;
    }

private Q_SLOTS:
    // network.allowClearText: off by default, a boolean or an error naming its path.
    void clearTextIsASiteChoice()
    {
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("s.json")).site->allowClearText);
        root.insert(QStringLiteral("network"), QJsonObject{{QStringLiteral("allowClearText"), true}});
        QVERIFY(SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("s.json")).site->allowClearText);
        root.insert(QStringLiteral("network"), QJsonObject{{QStringLiteral("allowClearText"), QStringLiteral("yes")}});
        const SiteLoadResult bad = SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("s.json"));
        QVERIFY(!bad.site);
        QVERIFY2(bad.errors.join(u'|').contains(QStringLiteral("$.network.allowClearText: must be true or false")),
                 qPrintable(bad.errors.join(u'|')));
    }

    // A site file over the size limit is refused before it is read, naming the file and its size;
    // one just under it is read (and fails as the JSON it is, not for its size).
    void oversizedSiteFileIsRefused()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("huge-site.json"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(SiteLoader::MaxSiteFileBytes + 1)); // sparse: nothing is written
        }
        QElapsedTimer t;
        t.start();
        const SiteLoadResult r = SiteLoader::loadFile(big);
        QVERIFY(!r.site);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.front().startsWith(big + QStringLiteral(": 8.0 MB, larger than a site file may be (8 MB)")),
                 qPrintable(r.errors.front()));
        const QString fits = dir.filePath(QStringLiteral("fits.json"));
        {
            QFile f(fits);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(SiteLoader::MaxSiteFileBytes));
        }
        const SiteLoadResult read = SiteLoader::loadFile(fits);
        QVERIFY(!read.site);
        QVERIFY2(!read.errors.front().contains(QStringLiteral("larger than")), qPrintable(read.errors.front()));
        qInfo("the oversized file was refused in %lld ms", static_cast<long long>(t.elapsed()));
    }

    void defaultWardIsBelievable()
    {
        const auto r = SiteLoader::loadDefault();
        QVERIFY2(r.site, qPrintable(r.errors.join(u'\n')));
        const Site& s = *r.site;
        QCOMPARE(s.floors.size(), size_t(2));
        QVERIFY(s.beds.size() >= 24);
        QVERIFY(!s.fridges.empty());
        QVERIFY(!s.hash.isEmpty());
        int clean = 0, dirty = 0, exits = 0;
        for (const auto& room : s.rooms) {
            clean += room.kind == RoomKind::UtilityClean;
            dirty += room.kind == RoomKind::UtilityDirty;
            exits += room.kind == RoomKind::Exit;
            if (room.kind == RoomKind::PatientRoom || room.kind == RoomKind::Icu || room.kind == RoomKind::Isolation) {
                bool hasGateway = false;
                for (const auto& g : s.gateways)
                    hasGateway |= g.room == room.id;
                QVERIFY2(hasGateway, qPrintable(room.id + QStringLiteral(" has no receiver")));
            }
        }
        QVERIFY(clean > 0 && dirty > 0 && exits > 0);
        // PAR levels: pumps in the two clean utility rooms, wheelchairs in any clean utility room.
        QCOMPARE(s.parLevels.size(), size_t(2));
        QCOMPARE(s.parLevels[0].type, QStringLiteral("infusion-pump"));
        QCOMPARE(s.parLevels[0].rooms.size(), 2);
        QCOMPARE(s.parLevels[0].target, 3);
        QCOMPARE(s.parLevels[0].critical, 1);
        QVERIFY(s.parLevels[1].rooms.isEmpty());
        for (const auto& p : s.patients)
            QVERIFY(s.bed(p.bed));
        QVERIFY(s.devices().size() > s.gateways.size() + s.patients.size());
        QCOMPARE(s.roomAt(1, {2.5, 3})->id, QStringLiteral("R101"));
        // Reference beacons: surveyed, numbered after the asset tags, listed as devices.
        QVERIFY(s.referenceBeacons.size() >= 2);
        const DeviceDirectory directory(s);
        QCOMPARE(directory.tag(s.referenceBeacons[0].id.toStdString()),
                 int(s.patients.size() + s.staff.size() + s.assets.size()));
        const auto devices = s.devices();
        QVERIFY(std::any_of(devices.begin(), devices.end(), [&](const Device& d) {
            return d.id == s.referenceBeacons[0].id && d.kind == DeviceKind::ReferenceBeacon;
        }));
        // Gateways that advertise are reference beacons at their own place and height.
        int advertising = 0;
        for (const auto& g : s.gateways) {
            if (g.beacon.isEmpty())
                continue;
            ++advertising;
            const auto b = std::find_if(s.referenceBeacons.begin(), s.referenceBeacons.end(),
                                        [&](const ReferenceBeacon& ref) { return ref.id == g.beacon; });
            QVERIFY(b != s.referenceBeacons.end());
            QCOMPARE(b->gateway, g.id);
            QCOMPARE(s.gatewayIndex(b->gateway), int(&g - s.gateways.data()));
            QVERIFY(b->x == g.x && b->y == g.y && b->z == g.z && b->floor == g.floor);
            QVERIFY(directory.tag(g.beacon.toStdString()) >= 0);
        }
        QCOMPARE(advertising, int(s.gateways.size()));
        QCOMPARE(s.gatewayIndex(QStringLiteral("no-such-gateway")), -1);
    }

    void errorsNamePathAndProblem_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("polygon") << 0 << "edited.json: $.rooms[1].polygon: needs at least 3 points";
        QTest::newRow("bed room") << 1 << "edited.json: $.beds[0].room: unknown room \"nowhere\"";
        QTest::newRow("duplicate device") << 2 << "edited.json: $.staff[0].badge: device id \"wb-001\" is used twice";
        QTest::newRow("floor") << 3 << "edited.json: $.gateways[0].floor: unknown floor 9";
        QTest::newRow("range") << 4 << "edited.json: $.gateways[0].exponent: 9 is out of range [1, 6]";
        QTest::newRow("fridge") << 5 << "edited.json: $.fridges[0].minC: must be below maxC";
        QTest::newRow("schema") << 6 << "edited.json: $.schema: must be \"wardwatch-site/1\"";
        QTest::newRow("geofence") << 7 << "edited.json: $.geofences[0].kind: unknown geofence kind \"moat\" (exit, restricted)";
        QTest::newRow("alarm rule") << 8 << "edited.json: $.alarms.rules.event.meteor: unknown rule (see docs/alarms.md for the built-in rules)";
        QTest::newRow("reference floor") << 9 << "edited.json: $.referenceBeacons[0].floor: unknown floor 7";
        QTest::newRow("reference id") << 10 << "edited.json: $.referenceBeacons[1].id: device id \"wb-001\" is used twice";
        QTest::newRow("gateway beacon") << 11 << "edited.json: $.gateways[1].beacon: device id \"gw-r101\" is used twice";
        QTest::newRow("far point") << 12 << "edited.json: $.rooms[2].polygon[1]: [40, 1e+09] is outside the plan's +-1000 m";
        QTest::newRow("wall text") << 13 << "edited.json: $.walls[0].segments[0]: must be [x1, y1, x2, y2], metres within +-1000";
        QTest::newRow("par type") << 14 << "edited.json: $.parLevels[0].type: no asset has the type \"infusion-pumps\"";
        QTest::newRow("par room") << 15 << "edited.json: $.parLevels[0].rooms[1]: unknown room \"F9-CLEAN\"";
        QTest::newRow("par critical") << 16 << "edited.json: $.parLevels[1].critical: must not exceed target";
        QTest::newRow("par room id") << 17 << "edited.json: $.parLevels[0].rooms[0]: must be a room id";
        QTest::newRow("body shadow") << 18 << "edited.json: $.positioning.bodyShadow: must be true or false";
        QTest::newRow("positioning") << 19 << "edited.json: $.positioning: must be an object";
        QTest::newRow("time zone") << 20
                                   << "edited.json: $.timeZone: \"Mars/Olympus\" is not a time zone this system knows (an IANA id such as \"Europe/London\")";
        QTest::newRow("centroid blend") << 22 << "edited.json: $.positioning.centroidBlend: 1.5 is out of range [0, 1]";
        QTest::newRow("reorder window") << 23 << "edited.json: $.positioning.reorderWindowS: must be a number";
        // The default ward's 152 wall segments copied 90 times: 13680 segments, 60 gateways, 5043 cells.
        QTest::newRow("walls") << 21
                               << "edited.json: $.walls: 13680 wall segments and 60 gateways over 55 x 14 m make 2070 million wall tests "
                                  "for the positioning engine, more than its 2000 million (each start would take seconds more, up to "
                                  "minutes): draw each wall as one segment, or split the site";
    }

    void errorsNamePathAndProblem()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        auto setIn = [](QJsonObject& root, const char* list, int i, const char* key, const QJsonValue& v) {
            QJsonArray a = root.value(QLatin1String(list)).toArray();
            QJsonObject o = a.at(i).toObject();
            o.insert(QLatin1String(key), v);
            a.replace(i, o);
            root.insert(QLatin1String(list), a);
        };
        const QStringList errors = errorsAfter([&](QJsonObject& root) {
            switch (which) {
            case 0: setIn(root, "rooms", 1, "polygon", QJsonArray{QJsonArray{0, 0}, QJsonArray{1, 1}}); break;
            case 1: setIn(root, "beds", 0, "room", QStringLiteral("nowhere")); break;
            case 2: setIn(root, "staff", 0, "badge", QStringLiteral("wb-001")); break;
            case 3: setIn(root, "gateways", 0, "floor", 9); break;
            case 4: setIn(root, "gateways", 0, "exponent", 9); break;
            case 5: setIn(root, "fridges", 0, "minC", 9); break;
            case 6: root.insert(QStringLiteral("schema"), QStringLiteral("v0")); break;
            case 7:
                root.insert(QStringLiteral("geofences"),
                            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("g")}, {QStringLiteral("kind"), QStringLiteral("moat")},
                                                   {QStringLiteral("floor"), 1},
                                                   {QStringLiteral("polygon"), QJsonArray{QJsonArray{0, 0}, QJsonArray{1, 0}, QJsonArray{1, 1}}}}});
                break;
            case 9: setIn(root, "referenceBeacons", 0, "floor", 7); break;
            case 10: setIn(root, "referenceBeacons", 1, "id", QStringLiteral("wb-001")); break;
            case 11: setIn(root, "gateways", 1, "beacon", QStringLiteral("gw-r101")); break;
            case 12: // a typo's kilometres made the engine's room tables unbounded (found by tst_robustness)
                setIn(root, "rooms", 2, "polygon", QJsonArray{QJsonArray{0, 0}, QJsonArray{40, 1e9}, QJsonArray{0, 5}});
                break;
            case 13: // text in a wall was read as 0
                setIn(root, "walls", 0, "segments", QJsonArray{QJsonArray{0, 0, QStringLiteral("x"), 5}});
                break;
            case 14: setIn(root, "parLevels", 0, "type", QStringLiteral("infusion-pumps")); break;
            case 15: setIn(root, "parLevels", 0, "rooms", QJsonArray{QStringLiteral("F1-UTILITYCLEAN"), QStringLiteral("F9-CLEAN")}); break;
            case 16: setIn(root, "parLevels", 1, "critical", 5); break;
            case 17: setIn(root, "parLevels", 0, "rooms", QJsonArray{3}); break;
            case 18: root.insert(QStringLiteral("positioning"), QJsonObject{{QStringLiteral("bodyShadow"), QStringLiteral("yes")}}); break;
            case 19: root.insert(QStringLiteral("positioning"), true); break;
            case 20: root.insert(QStringLiteral("timeZone"), QStringLiteral("Mars/Olympus")); break;
            case 22: root.insert(QStringLiteral("positioning"), QJsonObject{{QStringLiteral("centroidBlend"), 1.5}}); break;
            case 23: root.insert(QStringLiteral("positioning"), QJsonObject{{QStringLiteral("reorderWindowS"), QStringLiteral("2 s")}}); break;
            case 21: {
                QJsonArray walls = root.value(u"walls").toArray();
                for (qsizetype f = 0; f < walls.size(); ++f) {
                    QJsonObject w = walls.at(f).toObject();
                    const QJsonArray one = w.value(u"segments").toArray();
                    QJsonArray many;
                    for (int k = 0; k < 90; ++k)
                        for (const QJsonValue& seg : one)
                            many.append(seg);
                    w.insert(QStringLiteral("segments"), many);
                    walls.replace(f, w);
                }
                root.insert(QStringLiteral("walls"), walls);
                break;
            }
            case 8:
                root.insert(QStringLiteral("alarms"),
                            QJsonObject{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("event.meteor"), QJsonObject{}}}}});
                break;
            }
        });
        QVERIFY2(errors.contains(expected), qPrintable(errors.join(u'\n')));
    }

    void syntaxErrorNamesLine()
    {
        const auto r = SiteLoader::loadBytes("{\n \"id\": \"x\",\n \"name\": oops\n}", QStringLiteral("bad.json"));
        QVERIFY(!r.site);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().startsWith(QStringLiteral("bad.json: line 3:")), qPrintable(r.errors.first()));
    }

    void missingFile()
    {
        const auto r = SiteLoader::loadFile(QStringLiteral("/nonexistent/site.json"));
        QVERIFY(!r.site);
        QVERIFY(r.errors.first().startsWith(QStringLiteral("/nonexistent/site.json: ")));
    }
};

QTEST_GUILESS_MAIN(TestSite)
#include "tst_site.moc"
