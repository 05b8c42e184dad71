// Positioning engines and the stations they feed, in simulated time: which engine owns a tag
// (rendezvous hashing), engines locating only their own tags and handing each fix on, a station fed
// by engines computing nothing itself, and tech.engine while no engine is online.
#include "alarm_support.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::CoreFixture;

namespace {

// Every wristband heard by the four gateways nearest its patient's bed, strongly: enough for a fix.
QVector<Decoded> adverts(const Site& site, const DeviceDirectory& directory, qint64 t)
{
    QVector<Decoded> out;
    for (int g = 0; g < directory.gatewayCount(); ++g) {
        BeaconBatch b{g, t, t, {}, 0};
        for (const auto& p : site.patients) {
            const int tag = directory.tag(p.wristband.toStdString());
            if (tag >= 0 && (tag + g) % 6 < 4)
                b.reports.push_back({tag, t, qint16(-55 - (tag + g) % 6 * 5), -59});
        }
        if (!b.reports.isEmpty())
            out.push_back(b);
    }
    return out;
}

StationPresenceMsg engine(const QString& id, bool online, const QString& hash)
{
    StationPresenceMsg m;
    m.stationId = id;
    m.online = online;
    m.siteHash = hash;
    m.engine = true;
    return m;
}

} // namespace

class TestPositionSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Owners: one per tag, the same whatever the list's order; a third engine takes tags only for
    // itself; an engine leaving hands only its own tags on.
    void ownersAgreeAndMoveLittle()
    {
        QStringList tags;
        for (int i = 0; i < 600; ++i)
            tags << QStringLiteral("tag-%1").arg(i);
        const QStringList two{QStringLiteral("eng-a"), QStringLiteral("eng-b")}, three = two + QStringList{QStringLiteral("eng-c")};
        QMap<QString, int> count;
        int movedToC = 0;
        for (const QString& t : tags) {
            const QString owner = WardCore::ownerOf(t, two);
            QVERIFY(two.contains(owner));
            QCOMPARE(WardCore::ownerOf(t, {two[1], two[0]}), owner);
            ++count[owner];
            const QString withC = WardCore::ownerOf(t, three);
            if (withC != owner) {
                QCOMPARE(withC, QStringLiteral("eng-c")); // nothing moves between a and b
                ++movedToC;
            }
            // b leaves the three: only b's tags move.
            const QString withoutB = WardCore::ownerOf(t, {QStringLiteral("eng-a"), QStringLiteral("eng-c")});
            if (withC != u"eng-b")
                QCOMPARE(withoutB, withC);
        }
        QVERIFY(count[QStringLiteral("eng-a")] > 240 && count[QStringLiteral("eng-b")] > 240);
        QVERIFY(movedToC > 140 && movedToC < 260); // about a third
        QVERIFY(WardCore::ownerOf(QStringLiteral("tag-1"), {}).isEmpty());
    }

    // Two engines fed the same adverts locate disjoint shares that together are every heard tag,
    // each its owner's; once one leaves, the other locates them all.
    void enginesLocateTheirOwnTags()
    {
        QTemporaryDir dir;
        CoreFixture a(dir.filePath(QStringLiteral("a.sqlite"))), b(dir.filePath(QStringLiteral("b.sqlite")));
        std::map<QString, QString> located; // tag -> engine
        int twice = 0;
        QStringList wrongEngine;
        struct Positions : PositionPublisher
        {
            QString id;
            std::map<QString, QString>& located;
            int& twice;
            QStringList& wrong;
            Positions(QString i, std::map<QString, QString>& l, int& t, QStringList& w) : id(std::move(i)), located(l), twice(t), wrong(w) {}
            void publishPosition(const PositionMsg& p) override
            {
                if (p.engineId != id)
                    wrong << p.engineId;
                twice += located.count(p.tagId) ? 1 : 0;
                located[p.tagId] = id;
            }
        } pa(QStringLiteral("eng-a"), located, twice, wrongEngine), pb(QStringLiteral("eng-b"), located, twice, wrongEngine);
        a.core.enableEngine(QStringLiteral("eng-a"), &pa);
        b.core.enableEngine(QStringLiteral("eng-b"), &pb);
        a.core.apply(QVector<Decoded>{engine(QStringLiteral("eng-b"), true, a.site.hash)});
        b.core.apply(QVector<Decoded>{engine(QStringLiteral("eng-a"), true, b.site.hash)});
        const QStringList both{QStringLiteral("eng-a"), QStringLiteral("eng-b")};
        QCOMPARE(a.core.engines(), both);
        QCOMPARE(b.core.engines(), both);
        const qint64 t0 = a.clock.nowMs();
        for (CoreFixture* f : {&a, &b}) {
            f->core.apply(adverts(f->site, f->directory, t0));
            f->core.flushNow();
        }
        QCOMPARE(twice, 0);
        QVERIFY2(wrongEngine.isEmpty(), qPrintable(wrongEngine.join(u' ')));
        QCOMPARE(int(located.size()), int(a.site.patients.size()));
        int byA = 0;
        for (const auto& [tag, id] : located) {
            QCOMPARE(id, WardCore::ownerOf(tag, both));
            byA += id == u"eng-a";
        }
        QVERIFY(byA > 0 && byA < int(located.size()));
        QCOMPARE(a.core.fixesComputed() + b.core.fixesComputed(), quint64(located.size()));
        // No tag is located by both: the tags a does not own it never fixes.
        for (const auto& [tag, id] : located)
            QCOMPARE(a.core.ownsTag(a.directory.tag(tag.toStdString())), id == u"eng-a");

        // eng-b's will: eng-a takes every tag at its next fix.
        located.clear();
        a.core.apply(QVector<Decoded>{engine(QStringLiteral("eng-b"), false, a.site.hash)});
        QCOMPARE(a.core.engines(), QStringList{QStringLiteral("eng-a")});
        a.clock.advance(1500);
        a.core.apply(adverts(a.site, a.directory, t0 + 1500));
        a.core.flushNow();
        QCOMPARE(int(located.size()), int(a.site.patients.size()));
        for (const auto& [tag, id] : located)
            QCOMPARE(id, QStringLiteral("eng-a"));
    }

    // A station fed by engines: no fix of its own from the adverts, the engines' positions shown;
    // tech.engine after 10 s without an engine, ended when one announces itself; an engine is not a
    // station (tech.alone holds) but must run the same site (tech.site-hash).
    void stationFedByEngines()
    {
        QTemporaryDir dir;
        CoreFixture f(dir.filePath(QStringLiteral("s.sqlite")));
        f.core.setPositionSource(PositionSource::Engines);
        const qint64 t0 = f.clock.nowMs();
        f.core.apply(adverts(f.site, f.directory, t0));
        f.core.flushNow();
        QCOMPARE(f.core.fixesComputed(), quint64(0));
        const auto& patient = f.site.patients.front();
        auto shownIn = [&](const QString& room) {
            for (const auto& row : f.core.rows().patients)
                if (row.id == patient.id)
                    return row.location.known && row.location.roomId == room;
            return false;
        };
        QVERIFY(!shownIn(QString()) && !shownIn(QStringLiteral("R101")));
        f.core.apply(QVector<Decoded>{PositionMsg{patient.wristband, t0, 10, 5, 1, QStringLiteral("R101"), 1.0, 0.9,
                                                  QStringLiteral("eng-a")}});
        f.core.flushNow();
        QVERIFY(shownIn(QStringLiteral("R101")));

        // A station locating tags itself leaves an engine's position aside.
        CoreFixture own(dir.filePath(QStringLiteral("own.sqlite")));
        own.core.apply(QVector<Decoded>{PositionMsg{patient.wristband, t0, 10, 5, 1, QStringLiteral("R101"), 1.0, 0.9,
                                                    QStringLiteral("eng-a")}});
        own.core.flushNow();
        for (const auto& row : own.core.rows().patients)
            if (row.id == patient.id)
                QVERIFY(!row.location.known);

        f.core.evaluateAlarms();
        QVERIFY(!f.last(QStringLiteral("tech.engine")));
        f.clock.advance(11'000);
        f.core.evaluateAlarms();
        QVERIFY(f.last(QStringLiteral("tech.engine")));
        QVERIFY(!f.last(QStringLiteral("tech.engine"))->ended());
        QVERIFY(f.last(QStringLiteral("tech.engine"))->local);
        QSignalSpy online(&f.core, &WardCore::enginesOnline);
        f.core.apply(QVector<Decoded>{engine(QStringLiteral("eng-a"), true, QStringLiteral("0000"))});
        QCOMPARE(online.size(), 1);
        QCOMPARE(online.last().at(0).toStringList(), QStringList{QStringLiteral("eng-a")});
        f.core.evaluateAlarms();
        QVERIFY(f.last(QStringLiteral("tech.engine"))->ended());
        QVERIFY(f.last(QStringLiteral("tech.site-hash")));
        QVERIFY(f.last(QStringLiteral("tech.site-hash"))->condition.contains(QStringLiteral("eng-a")));
        f.clock.advance(31'000);
        f.core.evaluateAlarms();
        QVERIFY(f.last(QStringLiteral("tech.alone"))); // an engine keeps no station company
        QVERIFY(!f.last(QStringLiteral("tech.alone"))->ended());
        QVERIFY(f.last(QStringLiteral("tech.engine"))->ended());
        f.core.apply(QVector<Decoded>{engine(QStringLiteral("eng-a"), false, QStringLiteral("0000"))});
        QCOMPARE(online.last().at(0).toStringList(), QStringList{});
        f.clock.advance(11'000);
        f.core.evaluateAlarms();
        QVERIFY(f.last(QStringLiteral("tech.site-hash"))->ended());
        const auto again = f.last(QStringLiteral("tech.engine"));
        QVERIFY(again && !again->ended());
    }
};

QTEST_MAIN(TestPositionSource)
#include "tst_position_source.moc"
