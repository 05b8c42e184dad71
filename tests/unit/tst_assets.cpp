// Equipment: PAR levels (asset.par-low raised when fewer stand available than critical, ended when
// enough return) and each asset's use over the last 24 h, in simulated time through the real core.
#include "alarm_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::CoreFixture;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

// A position from the headless engine: the asset is heard, in that room.
PositionMsg at(const Site& site, const Asset& a, const QString& roomId, qint64 t)
{
    const Room* room = site.room(roomId);
    const QPointF c = room ? room->centre() : QPointF();
    return PositionMsg{a.tag, t, c.x(), c.y(), room ? room->floor : 0, roomId, 1.0, 0.9};
}

std::vector<const Asset*> ofType(const Site& site, const QString& type)
{
    std::vector<const Asset*> out;
    for (const Asset& a : site.assets)
        if (a.type == type)
            out.push_back(&a);
    return out;
}

} // namespace

class TestAssets : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void parLevelRaisesAndEnds()
    {
        CoreFixture f(m_dir.filePath(QStringLiteral("par.sqlite")));
        f.clock.set(T0);
        const auto pumps = ofType(f.site, QStringLiteral("infusion-pump"));
        const auto chairs = ofType(f.site, QStringLiteral("wheelchair"));
        QVERIFY(pumps.size() >= 2 && chairs.size() >= 2);
        // Pumps at patients, wheelchairs ready in a clean utility room.
        QVector<Decoded> in;
        for (const Asset* a : pumps)
            in.push_back(at(f.site, *a, QStringLiteral("R101"), T0));
        for (const Asset* a : chairs)
            in.push_back(at(f.site, *a, QStringLiteral("F2-UTILITYCLEAN"), T0));
        f.core.post(std::move(in));
        f.core.flushNow();
        const auto counts = parCounts(f.site, f.core.rows().assets);
        QCOMPARE(counts.size(), size_t(2));
        QCOMPARE(counts[0].available, 0);
        QVERIFY(counts[0].critical());
        QCOMPARE(counts[1].available, int(chairs.size()));
        // Held for the rule's 60 s before it is raised; wheelchairs raise nothing.
        f.core.evaluateAlarms();
        f.clock.advance(30'000);
        f.core.evaluateAlarms();
        QVERIFY(!f.last(QStringLiteral("asset.par-low")));
        f.clock.advance(31'000);
        f.core.evaluateAlarms();
        const auto raised = f.last(QStringLiteral("asset.par-low"));
        QVERIFY(raised);
        QCOMPARE(raised->subject, QStringLiteral("Infusion pumps"));
        QCOMPARE(raised->condition, QStringLiteral("Infusion pumps available: 0 (critical 1, target 3)"));
        QVERIFY2(raised->place.contains(QStringLiteral("Clean utility")), qPrintable(raised->place));
        QVERIFY(raised->priority == Priority::Low);
        for (const auto& s : f.changes)
            QVERIFY(s.subject != QStringLiteral("Wheelchairs"));
        // A pump in the dirty utility does not count; one back in a listed clean utility room does.
        f.core.post({at(f.site, *pumps[0], QStringLiteral("F1-UTILITYDIRTY"), T0 + 62'000)});
        f.core.flushNow();
        f.core.evaluateAlarms();
        QVERIFY(f.last(QStringLiteral("asset.par-low"))->endedMs == 0);
        f.core.post({at(f.site, *pumps[1], QStringLiteral("F1-UTILITYCLEAN"), T0 + 63'000)});
        f.core.flushNow();
        f.core.evaluateAlarms();
        QVERIFY2(f.last(QStringLiteral("asset.par-low"))->endedMs != 0, "the alarm ends when a pump is ready");
        // A silent pump is not available: its last place is stale.
        f.clock.advance(600'000);
        f.core.checkSignals();
        QCOMPARE(parCounts(f.site, f.core.rows().assets)[0].available, 0);
    }

    void useIsTheShareOfTheLast24Hours()
    {
        CoreFixture f(m_dir.filePath(QStringLiteral("use.sqlite")));
        f.clock.set(T0);
        const Asset& pump = *ofType(f.site, QStringLiteral("infusion-pump")).front();
        int row = -1;
        for (size_t i = 0; i < f.core.rows().assets.size(); ++i)
            if (f.core.rows().assets[i].id == pump.id)
                row = int(i);
        QVERIFY(row >= 0);
        // A minute at a time: heard where it is, then the core's 1 s tick accounting (a minute's worth).
        auto minutes = [&](int n, const QString& room) {
            for (int i = 0; i < n; ++i) {
                f.core.post({at(f.site, pump, room, f.clock.nowMs())});
                f.core.flushNow();
                f.core.accountAssetUse();
                f.clock.advance(60'000);
            }
        };
        const AssetRow& a = f.core.rows().assets[size_t(row)];
        f.core.accountAssetUse();
        QVERIFY(!a.utilisationPct);
        minutes(30, QStringLiteral("R101"));            // in use
        minutes(30, QStringLiteral("F1-UTILITYCLEAN")); // available
        f.core.accountAssetUse();
        QVERIFY(a.utilisationPct);
        QVERIFY2(std::abs(*a.utilisationPct - 50.0) < 2.0, qPrintable(QString::number(*a.utilisationPct)));
        QVERIFY(std::abs(a.observedH - 1.0) < 0.05);
        // Two hours without a tick (a stalled thread) add one minute, not two hours of "available".
        f.clock.advance(2 * 3'600'000);
        f.core.post({at(f.site, pump, QStringLiteral("F1-UTILITYCLEAN"), f.clock.nowMs())});
        f.core.flushNow();
        f.core.accountAssetUse();
        QVERIFY2(a.observedH < 1.1, qPrintable(QString::number(a.observedH)));
        // A day later the morning's use has left the window: in use the whole last hour only.
        minutes(23 * 60, QStringLiteral("F1-UTILITYCLEAN"));
        minutes(60, QStringLiteral("R102"));
        f.core.accountAssetUse();
        QVERIFY2(a.observedH > 23.5 && a.observedH <= 24.0, qPrintable(QString::number(a.observedH)));
        QVERIFY2(std::abs(*a.utilisationPct - 100.0 * 60 / (a.observedH * 60)) < 1.0, qPrintable(QString::number(*a.utilisationPct)));
    }
};

QTEST_GUILESS_MAIN(TestAssets)
#include "tst_assets.moc"
