// What a station keeps across a restart (pos::Engine::Memory through TagFixes' JSON and WardCore's
// file): what is saved, what a restarted station recalls, and what it refuses (bad files, an old
// memory's tags, ids the site no longer has).
#include "core/tagfixes.h"
#include "core/wardcore.h"
#include "domain/clock.h"
#include "domain/site.h"
#include "transport/ingest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cmath>

using namespace ww;

namespace {

constexpr qint64 Start = 1'780'000'000'000;

// A tag standing 1.5 m from one of the site's gateways (the first unless told), heard by every gateway of that floor within
// 20 m once a second from fromS to toS, its levels from the log-distance model without walls (the
// engine places it off that spot: only what it does with the levels matters here) and a small
// deterministic ripple (the statistic is not exactly zero).
void hear(TagFixes& fixes, const Site& site, int tag, int fromS, int toS, int* located = nullptr, QString* lastRoom = nullptr,
          QPointF* lastAt = nullptr, int homeGateway = 0, std::vector<QString>* rooms = nullptr)
{
    const Gateway& home = site.gateways[size_t(homeGateway)];
    const double x = home.x + 1.5, y = home.y;
    for (int t = fromS; t < toS; ++t) {
        for (int g = 0; g < int(site.gateways.size()); ++g) {
            const Gateway& gw = site.gateways[size_t(g)];
            const double d = std::hypot(std::hypot(gw.x - x, gw.y - y), gw.z - 1.0);
            if (gw.floor != home.floor || d > 20)
                continue;
            BeaconBatch b;
            b.gateway = g;
            b.receiveTimeMs = Start + t * 1000 + g;
            b.reports.push_back({tag, Start + t * 1000 + g, qint16(std::lround(gw.rssiAt1m - 10 * gw.exponent * std::log10(d) + std::sin(t * 0.7 + g))), 0});
            fixes.add(b);
        }
        fixes.fix([](int) { return true; }, [&](int, const pos::Fix& f, qint64) {
            if (located)
                ++*located;
            if (lastRoom)
                *lastRoom = f.room;
            if (lastAt)
                *lastAt = QPointF(f.x, f.y);
            if (rooms)
                rooms->push_back(f.room);
        });
    }
}

} // namespace

class TestPositioningMemory : public QObject
{
    Q_OBJECT
    std::optional<Site> m_site;

private Q_SLOTS:
    void initTestCase()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        m_site = loaded.site;
    }

    void aSettledTagIsSavedWithItsRoomAndLevelsAtRest()
    {
        const DeviceDirectory directory(*m_site);
        TagFixes fixes(*m_site, directory);
        QString room;
        QPointF at;
        hear(fixes, *m_site, 0, 0, 300, nullptr, &room, &at);
        QVERIFY(!room.isEmpty());
        const QJsonObject root = QJsonDocument::fromJson(fixes.memoryJson(Start + 300'000)).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("wardwatch-positioning-memory"));
        QCOMPARE(root.value(QStringLiteral("savedMs")).toDouble(), double(Start + 300'000));
        const QJsonArray tags = root.value(QStringLiteral("tags")).toArray();
        QCOMPARE(tags.size(), 1);
        const QJsonObject t = tags.first().toObject();
        QCOMPARE(t.value(QStringLiteral("id")).toString(), directory.tagId(0));
        QCOMPARE(t.value(QStringLiteral("room")).toString(), room);
        QVERIFY2(t.value(QStringLiteral("stillForS")).toDouble() > 200, qPrintable(QString::number(t.value(QStringLiteral("stillForS")).toDouble())));
        QVERIFY(t.value(QStringLiteral("restForS")).toDouble() > 120);
        QVERIFY(t.value(QStringLiteral("rest")).toArray().size() >= 3);
        // Its place at rest: the fixes' slow average, where the engine had it.
        QVERIFY(std::hypot(t.value(QStringLiteral("x")).toDouble() - at.x(), t.value(QStringLiteral("y")).toDouble() - at.y()) < 1);
    }

    // Recalled within minutes, the tag's first room once its window fills is the one it had, held:
    // the decision says it was recalled.
    void aRestartedStationRecallsTheRoom()
    {
        const DeviceDirectory directory(*m_site);
        TagFixes before(*m_site, directory);
        QString room;
        hear(before, *m_site, 0, 0, 300, nullptr, &room);
        const QByteArray saved = before.memoryJson(Start + 300'000);

        TagFixes after(*m_site, directory);
        const TagFixes::Recalled r = after.recall(saved, Start + 360'000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.tags, 1);
        QCOMPARE(r.skipped, 0);
        QCOMPARE(r.tooOld, 0);
        after.setExplaining(0, true);
        QString first;
        int located = 0;
        hear(after, *m_site, 0, 360, 370, &located, &first);
        QVERIFY(located > 0);
        QCOMPARE(first, room);
        const auto e = after.explanation(0);
        QVERIFY(e);
        QVERIFY(std::any_of(e->decisions.begin(), e->decisions.end(),
                            [](const pos::Explanation::Decision& d) { return d.reason.contains(QStringLiteral("recalled")); }));
        // The tag stood still before: it is settled at once, not after settleAfterS.
        QVERIFY(e->fix.settled);
    }

    // A memory saved long before: the receivers' levels still count, the tags do not.
    void anOldMemorysTagsAreLeftOut()
    {
        const DeviceDirectory directory(*m_site);
        TagFixes before(*m_site, directory);
        hear(before, *m_site, 0, 0, 300);
        TagFixes after(*m_site, directory);
        const TagFixes::Recalled r = after.recall(before.memoryJson(Start + 300'000), Start + 300'000 + 11 * 60'000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.tooOld, 1);
        QCOMPARE(r.tags, 0);
        QVERIFY(r.levels > 0); // the receivers' levels count whatever the age
        after.setExplaining(0, true);
        hear(after, *m_site, 0, 1000, 1010);
        const auto e = after.explanation(0);
        QVERIFY(e);
        QVERIFY(std::none_of(e->decisions.begin(), e->decisions.end(),
                             [](const pos::Explanation::Decision& d) { return d.reason.contains(QStringLiteral("recalled")); }));
    }

    void badFilesAreRefusedWithWhereAndWhy_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray head = R"({"format":"wardwatch-positioning-memory","version":1,"savedMs":1780000000000,)";
        const QByteArray tag = R"({"id":"wb-001","floor":1,"fixedAgoS":3})";
        QTest::newRow("not json") << QByteArray("{\"format\":") << QStringLiteral("not JSON at byte");
        QTest::newRow("format") << QByteArray(R"({"format":"other","version":1})") << QStringLiteral("format:");
        QTest::newRow("version") << QByteArray(R"({"format":"wardwatch-positioning-memory","version":7,"savedMs":1})")
                                 << QStringLiteral("version: 7");
        QTest::newRow("saved") << QByteArray(R"({"format":"wardwatch-positioning-memory","version":1,"savedMs":"x"})")
                               << QStringLiteral("$.savedMs:");
        QTest::newRow("saved huge") << QByteArray(R"({"format":"wardwatch-positioning-memory","version":1,"savedMs":1e300})")
                                    << QStringLiteral("$.savedMs:");
        QTest::newRow("receiver") << head + R"("receivers":[{"id":"gw-r101","configured":-59,"learnt":1,"weight":2},{"id":"gw-r102","configured":-59,"learnt":"up","weight":2}]})"
                                  << QStringLiteral("receivers[1].learnt:");
        QTest::newRow("weight huge") << head + R"("receivers":[{"id":"gw-r101","configured":-59,"learnt":1,"weight":1e300}]})"
                                     << QStringLiteral("receivers[0].weight:");
        QTest::newRow("tags not array") << head + R"("tags":{"id":"wb-001"}})" << QStringLiteral("tags: not an array");
        QTest::newRow("tag floor") << head + R"("tags":[)" + tag + R"(,{"id":"wb-002","floor":"one"}]})" << QStringLiteral("tags[1].floor:");
        QTest::newRow("floor fraction") << head + R"("tags":[{"id":"wb-001","floor":1.5}]})" << QStringLiteral("tags[0].floor: not a whole");
        QTest::newRow("noise huge") << head + R"("tags":[{"id":"wb-001","floor":1,"noiseDb":1e6}]})" << QStringLiteral("tags[0].noiseDb:");
        QTest::newRow("rest entry") << head + R"("tags":[{"id":"wb-001","floor":1,"rest":[["gw-r101",-60,10],["gw-r102",-70]]}]})"
                                    << QStringLiteral("tags[0].rest[1]:");
        QTest::newRow("rest mean") << head + R"("tags":[{"id":"wb-001","floor":1,"rest":[["gw-r101",1e39,10]]}]})"
                                   << QStringLiteral("tags[0].rest[0]:");
        QTest::newRow("tag twice") << head + R"("tags":[)" + tag + "," + tag + R"(]})" << QStringLiteral("tags[1].id: \"wb-001\" given twice");
        QTest::newRow("receiver twice") << head + R"("receivers":[{"id":"gw-r101","configured":-59,"learnt":1,"weight":2},{"id":"gw-r101","configured":-59,"learnt":1,"weight":2}]})"
                                        << QStringLiteral("receivers[1].id:");
        QTest::newRow("negative time") << head + R"("tags":[{"id":"wb-001","floor":1,"stillForS":-5}]})" << QStringLiteral("tags[0].stillForS:");
    }
    void badFilesAreRefusedWithWhereAndWhy()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const DeviceDirectory directory(*m_site);
        TagFixes fixes(*m_site, directory);
        const TagFixes::Recalled r = fixes.recall(json, Start);
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
        // Nothing of it was taken, not even the good entries before the bad one.
        QCOMPARE(fixes.memoryJson(Start), TagFixes(*m_site, directory).memoryJson(Start));
        // Nothing was recalled: the tag's first room is its own first guess.
        fixes.setExplaining(0, true);
        hear(fixes, *m_site, 0, 0, 10);
        const auto e = fixes.explanation(0);
        QVERIFY(e);
        QVERIFY(std::none_of(e->decisions.begin(), e->decisions.end(),
                             [](const pos::Explanation::Decision& d) { return d.reason.contains(QStringLiteral("recalled")); }));
    }

    // A good memory with entries the site no longer has as they were: skipped and counted, the rest
    // taken; a tag last located long before is left out, one located recently taken.
    void entriesNotForTheSiteAreSkippedAndCounted()
    {
        const DeviceDirectory directory(*m_site);
        TagFixes before(*m_site, directory);
        hear(before, *m_site, 0, 0, 300);
        hear(before, *m_site, 1, 0, 300, nullptr, nullptr, nullptr, 4);
        QJsonObject root = QJsonDocument::fromJson(before.memoryJson(Start + 300'000)).object();
        QJsonArray receivers = root.value(QStringLiteral("receivers")).toArray();
        const int heard = int(receivers.size());
        QVERIFY(heard >= 3);
        QJsonObject changed = receivers[0].toObject(); // the site's level for it changed since
        changed.insert(QStringLiteral("configured"), changed.value(QStringLiteral("configured")).toDouble() + 3);
        receivers[0] = changed;
        receivers.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("gw-gone")},
                                     {QStringLiteral("configured"), -59},
                                     {QStringLiteral("learnt"), 2},
                                     {QStringLiteral("weight"), 50}});
        root.insert(QStringLiteral("receivers"), receivers);
        QJsonArray tags = root.value(QStringLiteral("tags")).toArray();
        QCOMPARE(tags.size(), 2);
        QJsonObject old = tags[1].toObject();
        old.insert(QStringLiteral("fixedAgoS"), 700);
        tags[1] = old;
        QJsonObject gone = tags[0].toObject();
        gone.insert(QStringLiteral("id"), QStringLiteral("wb-gone"));
        tags.append(gone);
        root.insert(QStringLiteral("tags"), tags);

        TagFixes after(*m_site, directory);
        const TagFixes::Recalled r = after.recall(QJsonDocument(root).toJson(), Start + 310'000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.levels, heard - 1);
        QCOMPARE(r.tags, 1);
        QCOMPARE(r.tooOld, 1);
        QCOMPARE(r.skipped, 3); // gw-gone, the changed level, wb-gone
    }

    // A tag that moved to another room while the station was down shows its new room a few fixes
    // later than a station that knew nothing of it: its first full window (2.5 s) must fail to
    // agree with its recalled levels at rest for restBreakS (3 s). Near (its old receivers still
    // hear it) and far (none of them does).
    void aTagThatMovedMeanwhileShowsItsNewRoom_data()
    {
        QTest::addColumn<int>("gateway");
        QTest::newRow("near") << 4;
        QTest::newRow("far") << 10;
    }
    void aTagThatMovedMeanwhileShowsItsNewRoom()
    {
        QFETCH(int, gateway);
        const DeviceDirectory directory(*m_site);
        TagFixes before(*m_site, directory);
        QString oldRoom;
        hear(before, *m_site, 0, 0, 300, nullptr, &oldRoom);
        std::vector<QString> cold, warm;
        TagFixes fresh(*m_site, directory);
        hear(fresh, *m_site, 0, 400, 460, nullptr, nullptr, nullptr, gateway, &cold);
        const QString newRoom = cold.back();
        QVERIFY(!newRoom.isEmpty());
        QVERIFY(newRoom != oldRoom);
        TagFixes after(*m_site, directory);
        QCOMPARE(after.recall(before.memoryJson(Start + 300'000), Start + 400'000).tags, 1);
        hear(after, *m_site, 0, 400, 460, nullptr, nullptr, nullptr, gateway, &warm);
        // From when each shows the new room for good.
        auto settledAt = [&](const std::vector<QString>& rooms) {
            size_t i = rooms.size();
            while (i > 0 && rooms[i - 1] == newRoom)
                --i;
            return int(i);
        };
        QVERIFY2(settledAt(warm) < int(warm.size()), "the recalled tag never showed its new room");
        QVERIFY2(settledAt(warm) <= settledAt(cold) + 6,
                 qPrintable(QStringLiteral("recalled: new room from fix %1; cold: from fix %2").arg(settledAt(warm)).arg(settledAt(cold))));
        qInfo("new room shown from fix %d (recalled) and %d (cold)", settledAt(warm), settledAt(cold));
    }

    // A station restarted twice within minutes: tags not heard between the restarts are kept.
    void aSecondRestartKeepsWhatWasNotHeardYet()
    {
        const DeviceDirectory directory(*m_site);
        TagFixes before(*m_site, directory);
        hear(before, *m_site, 0, 0, 300);
        TagFixes between(*m_site, directory);
        QCOMPARE(between.recall(before.memoryJson(Start + 300'000), Start + 330'000).tags, 1);
        TagFixes after(*m_site, directory);
        const TagFixes::Recalled r = after.recall(between.memoryJson(Start + 340'000), Start + 360'000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.tags, 1);
        after.setExplaining(0, true);
        hear(after, *m_site, 0, 360, 370);
        const auto e = after.explanation(0);
        QVERIFY(e);
        QVERIFY(std::any_of(e->decisions.begin(), e->decisions.end(),
                            [](const pos::Explanation::Decision& d) { return d.reason.contains(QStringLiteral("recalled")); }));
    }

    // The core saves its memory when it ends and recalls it at its next start.
    void theCoreKeepsItsMemoryInAFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("sub/positioning-st.json"));
        const DeviceDirectory directory(*m_site);
        ManualClock clock(Start);
        IngestStats stats;
        {
            WardCore core(*m_site, directory, clock, stats);
            core.enablePositioningMemory(path);
            core.start();
            QVERIFY(core.recalledMemory().error.isEmpty());
            QCOMPARE(core.recalledMemory().tags, 0); // no file yet: the station's first start
            QVERIFY(core.saveMemory());
        }
        QVERIFY(QFile::exists(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"format":"wardwatch-positioning-memory","version":1,"savedMs":1780000000000,"tags":[{"id":"wb-001","floor":"x"}]})");
        f.close();
        {
            WardCore core(*m_site, directory, clock, stats);
            core.enablePositioningMemory(path);
            core.start();
            QVERIFY2(core.recalledMemory().error.startsWith(QStringLiteral("tags[0].floor:")), qPrintable(core.recalledMemory().error));
        }
        // The bad file was replaced by the ending core's own memory.
        QVERIFY(f.open(QIODevice::ReadOnly));
        const TagFixes::Recalled again = TagFixes(*m_site, directory).recall(f.readAll(), Start);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    }

    // On its own thread, as a station runs it: the minute's save is due there.
    void theCoreOnItsThreadSavesEveryMinute()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const DeviceDirectory directory(*m_site);
        ManualClock clock(Start);
        IngestStats stats;
        QThread thread;
        auto* core = new WardCore(*m_site, directory, clock, stats);
        core->enablePositioningMemory(dir.filePath(QStringLiteral("positioning-st.json")));
        core->moveToThread(&thread);
        connect(&thread, &QThread::started, core, &WardCore::start);
        connect(&thread, &QThread::finished, core, &QObject::deleteLater);
        thread.start();
        bool saving = false;
        QTRY_VERIFY((QMetaObject::invokeMethod(core, [&] { saving = core->savingMemory(); }, Qt::BlockingQueuedConnection), saving));
        thread.quit();
        QVERIFY(thread.wait());
        // Ending on its thread, it saved.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("positioning-st.json"))));
    }
};

QTEST_GUILESS_MAIN(TestPositioningMemory)
#include "tst_positioning_memory.moc"
