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
#include <QtTest>

#include <cmath>

using namespace ww;

namespace {

constexpr qint64 Start = 1'780'000'000'000;

// A tag standing 1.5 m from the site's first gateway, heard by every gateway of that floor within
// 20 m once a second from fromS to toS, its levels from the log-distance model without walls (the
// engine places it off that spot: only what it does with the levels matters here) and a small
// deterministic ripple (the statistic is not exactly zero).
void hear(TagFixes& fixes, const Site& site, int tag, int fromS, int toS, int* located = nullptr, QString* lastRoom = nullptr,
          QPointF* lastAt = nullptr)
{
    const Gateway& home = site.gateways.front();
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
        QVERIFY(!r.tooOld);
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
        QVERIFY(r.tooOld);
        QCOMPARE(r.tags, 0);
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
        QTest::newRow("not json") << QByteArray("{\"format\":") << QStringLiteral("not JSON at byte");
        QTest::newRow("format") << QByteArray(R"({"format":"other","version":1})") << QStringLiteral("format:");
        QTest::newRow("version") << QByteArray(R"({"format":"wardwatch-positioning-memory","version":7,"savedMs":1})")
                                 << QStringLiteral("version: 7");
        QTest::newRow("saved") << QByteArray(R"({"format":"wardwatch-positioning-memory","version":1,"savedMs":"x"})")
                               << QStringLiteral("savedMs:");
        QTest::newRow("receiver") << head + R"("receivers":[{"id":"gw-r101","learnt":1,"weight":2},{"id":"gw-r102","learnt":"up"}]})"
                                  << QStringLiteral("receivers[1]:");
        QTest::newRow("tag floor") << head + R"("tags":[{"id":"wb-001","floor":"one"}]})" << QStringLiteral("tags[0]:");
        QTest::newRow("rest entry") << head + R"("tags":[{"id":"wb-001","floor":1,"rest":[["gw-r101",-60,10],["gw-r102",-70]]}]})"
                                    << QStringLiteral("tags[0].rest[1]:");
        QTest::newRow("negative time") << head + R"("tags":[{"id":"wb-001","floor":1,"stillForS":-5}]})" << QStringLiteral("tags[0]:");
    }
    void badFilesAreRefusedWithWhereAndWhy()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const DeviceDirectory directory(*m_site);
        TagFixes fixes(*m_site, directory);
        const TagFixes::Recalled r = fixes.recall(json, Start);
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
        QCOMPARE(r.tags, 0);
        QCOMPARE(r.levels, 0);
        // Nothing was recalled: the tag's first room is its own first guess.
        fixes.setExplaining(0, true);
        hear(fixes, *m_site, 0, 0, 10);
        const auto e = fixes.explanation(0);
        QVERIFY(e);
        QVERIFY(std::none_of(e->decisions.begin(), e->decisions.end(),
                             [](const pos::Explanation::Decision& d) { return d.reason.contains(QStringLiteral("recalled")); }));
    }

    void idsTheSiteNoLongerHasAreSkippedAndCounted()
    {
        const DeviceDirectory directory(*m_site);
        TagFixes fixes(*m_site, directory);
        const QByteArray json = QStringLiteral(R"({"format":"wardwatch-positioning-memory","version":1,"savedMs":%1,)"
                                               R"("receivers":[{"id":"gw-gone","learnt":2,"weight":50},{"id":"%2","learnt":1.5,"weight":50}],)"
                                               R"("tags":[{"id":"wb-gone","floor":1},{"id":"%3","floor":%4,"room":"%5"}]})")
                                    .arg(Start)
                                    .arg(m_site->gateways.front().id, directory.tagId(0))
                                    .arg(m_site->gateways.front().floor)
                                    .arg(m_site->gateways.front().room)
                                    .toUtf8();
        const TagFixes::Recalled r = fixes.recall(json, Start + 1000);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.levels, 1);
        QCOMPARE(r.tags, 1);
        QCOMPARE(r.skipped, 2);
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
            QVERIFY2(core.recalledMemory().error.startsWith(QStringLiteral("tags[0]:")), qPrintable(core.recalledMemory().error));
        }
        // The bad file was replaced by the ending core's own memory.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("tags")).isArray());
    }
};

QTEST_GUILESS_MAIN(TestPositioningMemory)
#include "tst_positioning_memory.moc"
