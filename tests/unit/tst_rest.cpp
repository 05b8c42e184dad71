// The positioning engine's levels at rest (every sample since a tag came to rest, across silences)
// and the body's shadow fitted for a worn tag at rest.
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "positioning/engine.h"
#include "positioning_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <numbers>
#include <random>

using namespace ww;
using namespace ww::pos;
using namespace ww::pos::test;

namespace {

// Eight receivers round a 12 x 12 m hall (corners and mid-sides).
std::vector<Receiver> hall()
{
    std::vector<Receiver> gws;
    const double at[8][2] = {{0, 0}, {6, 0}, {12, 0}, {0, 6}, {12, 6}, {0, 12}, {6, 12}, {12, 12}};
    for (int i = 0; i < 8; ++i)
        gws.push_back({QString::number(i), at[i][0], at[i][1], 2.5, 0, -59, 2});
    return gws;
}

// A tag at (x, y) heard once a second from t0 to t1 (exclusive) by every receiver, with `noise`
// and `loss(receiver)` dB taken off (1000: not heard); a fix at each second's end goes to `fix(t, f)`.
template <typename Noise, typename Loss, typename Fix>
void burst(Engine& e, const std::vector<Receiver>& gws, double x, double y, int t0, int t1, Noise&& noise, Loss&& loss, Fix&& fix)
{
    for (int t = t0; t < t1; ++t) {
        for (int g = 0; g < int(gws.size()); ++g)
            if (const double l = loss(g); l < 1000) // 1000: not heard
                e.addReport(0, g, t + 0.01 * g, modelRssi(gws[size_t(g)], x, y, 1.2) - l + noise());
        if (const auto f = e.update(0, t + 0.5))
            fix(t, *f);
    }
}

double median(std::vector<double> v)
{
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

// A tag at rest in twoRoomsOffACorridor()'s west room, 0.4 m from the wall, for `seconds`; from
// 300 s its own room's receiver fades by `depth` dB over `ramp` s, stays down `hold` s and comes
// back over `ramp` s. The rooms shown from 10 s, as "second room" at each change ("no fix at T" if
// a second had none).
QStringList roomsThroughAFade(const EngineConfig& cfg, double depth, double ramp, double hold, int seconds)
{
    const auto [gws, rooms] = twoRoomsOffACorridor();
    Engine e(gws, cfg, rooms);
    QStringList shown;
    for (int t = 1; t <= seconds; ++t) {
        const double s = t - 300; // the fade's clock
        const double fade = s < 0 ? 0 : s < ramp ? depth * s / ramp : s < ramp + hold ? depth : s < 2 * ramp + hold ? depth * (2 * ramp + hold - s) / ramp : 0;
        for (double at = t - 1; at < t; at += 0.25)
            for (int g = 0; g < 4; ++g)
                e.addReport(0, g, at, modelRssi(gws[size_t(g)], 4.6, 6, 1.2) - (g == 0 ? fade : 0));
        const auto f = e.update(0, t);
        if (!f)
            return {QStringLiteral("no fix at %1").arg(t)};
        if (t >= 10 && (shown.isEmpty() || shown.back().section(u' ', 1) != f->room))
            shown.append(QStringLiteral("%1 %2").arg(t).arg(f->room));
    }
    return shown;
}

// A tag at rest in twoRoomsOffACorridor()'s west room at (3.5, 6), heard four times a second by
// its four receivers (2 dB of noise, seed 3). From `swingAtS` the room receivers fade by `depth` dB
// and the corridor's rise by as much, over `ramp` s, for `hold` s, and back over `ramp` s (bodies
// and trolleys round a bed); from `walkAtS` (if >= 0) it walks at 1 m/s out of its door and in at
// the east room's, to (6.5, 6). From `fromS` on: the seconds whose fixes were not settled, the
// rooms shown ("second room" at each change; "no fix at T" if a second had none) and the seconds
// whose levels seemed to move (the statistic above the moving threshold).
struct Swung
{
    QList<int> unsettled;
    QStringList shown;
    int moving = 0;
};
Swung throughSwings(const EngineConfig& cfg, double depth, double ramp, double hold, int swingAtS, int walkAtS, int fromS, int seconds)
{
    const auto [gws, rooms] = twoRoomsOffACorridor();
    Engine e(gws, cfg, rooms);
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0, 2);
    const QPointF path[] = {{3.5, 6}, {2.5, -1}, {7.5, -1}, {6.5, 6}};
    Swung out;
    for (int t = 1; t <= seconds; ++t) {
        const double s = t - swingAtS; // the swing's clock
        const double swing = s < 0 ? 0 : s < ramp ? depth * s / ramp : s < ramp + hold ? depth : s < 2 * ramp + hold ? depth * (2 * ramp + hold - s) / ramp : 0;
        QPointF p = path[0];
        for (double d = walkAtS < 0 ? 0.0 : std::max(0, t - walkAtS), i = 0; i < 3 && d > 0; ++i) {
            const double len = QLineF(path[int(i)], path[int(i) + 1]).length();
            p = path[int(i)] + (path[int(i) + 1] - path[int(i)]) * std::min(1.0, d / len);
            d -= len;
        }
        for (double at = t - 1; at < t; at += 0.25)
            for (int g = 0; g < 4; ++g)
                e.addReport(0, g, at, modelRssi(gws[size_t(g)], p.x(), p.y(), 1.2) + (g < 2 ? -swing : swing) + noise(rng));
        const auto f = e.update(0, t);
        if (t < fromS)
            continue;
        if (!f) {
            out.shown.append(QStringLiteral("no fix at %1").arg(t));
            break;
        }
        if (!f->settled)
            out.unsettled.append(t);
        out.moving += f->moving;
        if (out.shown.isEmpty() || out.shown.back().section(u' ', 1) != f->room)
            out.shown.append(QStringLiteral("%1 %2").arg(t).arg(f->room));
    }
    return out;
}

} // namespace

class TestRest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aTagHeardInBurstsKeepsWhatItHeardBefore()
    {
        // A tag lies at (4, 7) and is heard in three 20-s bursts ten minutes apart (as a phone
        // scanning now and then), 8 dB of noise per sample. From the second burst on, its fix uses
        // every sample since it came to rest, the earlier bursts' too: over eight seeds the second
        // and third bursts' median error must fall well below that of the window alone.
        auto run = [](double restAfterS) {
            std::vector<double> errors;
            for (unsigned seed = 1; seed <= 8; ++seed) {
                EngineConfig cfg;
                cfg.selfCalibrate = false;
                cfg.restLevelsAfterS = restAfterS;
                Engine e(hall(), cfg);
                std::mt19937 rng(seed);
                std::normal_distribution<double> noise(0, 8);
                for (int b = 0; b < 3; ++b)
                    burst(e, hall(), 4, 7, 620 * b, 620 * b + 20, [&] { return noise(rng); }, [](int) { return 0.0; },
                          [&](int, const Fix& f) {
                              if (b > 0)
                                  errors.push_back(std::hypot(f.x - 4, f.y - 7));
                          });
            }
            return median(errors);
        };
        const double pooled = run(120), window = run(0);
        qInfo("later bursts' median error: %.2f m with the levels at rest, %.2f m with the window alone", pooled, window);
        QVERIFY2(pooled < 0.8 * window, qPrintable(QStringLiteral("%1 vs %2").arg(pooled).arg(window)));
    }

    void aTagMovedWhileUnheardIsFoundWhereItIs()
    {
        // Five minutes at (2, 2), ten minutes unheard, then heard at (10, 10): the old levels must
        // not hold it where it was. Within 5 s of being heard again its fix is at the new place,
        // and stays there for the next four minutes (when the levels at rest are its new place's).
        EngineConfig cfg;
        cfg.selfCalibrate = false;
        Engine e(hall(), cfg);
        std::mt19937 rng(5);
        std::normal_distribution<double> noise(0, 4);
        auto none = [](int) { return 0.0; };
        burst(e, hall(), 2, 2, 0, 300, [&] { return noise(rng); }, none, [](int, const Fix&) {});
        double worst = 0;
        int fixes = 0;
        burst(e, hall(), 10, 10, 900, 1140, [&] { return noise(rng); }, none, [&](int t, const Fix& f) {
            if (t >= 905) {
                worst = std::max(worst, std::hypot(f.x - 10, f.y - 10));
                ++fixes;
            }
        });
        QCOMPARE(fixes, 235);
        QVERIFY2(worst < 3.0, qPrintable(QString::number(worst)));
    }

    void aFadeDoesNotStayInTheLevelsAtRest()
    {
        // Two rooms side by side (a wall at x = 5, a door each onto the corridor south of them),
        // a receiver in each and two in the corridor. A tag at rest in the west room 0.4 m from
        // the wall; after five minutes its own room's receiver fades by 14 dB over 20 s, stays down
        // a minute and comes back over 20 s (a trolley parked in the way). The fade breaks the
        // levels at rest and the sums start again within it; once it has passed, the window
        // agrees with the old sums again and they come back. Without the held sums the new ones
        // would hold a minute of the fade and, once used, place the tag next door for minutes. The
        // room is west again within a minute of the fade's end and stays west to the end.
        EngineConfig cfg;
        cfg.selfCalibrate = false;
        const QStringList shown = roomsThroughAFade(cfg, 14, 20, 60, 900);
        qInfo("rooms shown: %s", qPrintable(shown.join(u',')));
        QVERIFY2(shown.front() == QStringLiteral("10 west") && shown.back().endsWith(QStringLiteral(" west")), qPrintable(shown.join(u',')));
        QVERIFY2(shown.back().section(u' ', 0, 0).toInt() <= 460, qPrintable(shown.join(u',')));
    }

    void aFadeTakenIntoTheLevelsAtRestIsOutweighedByTheirRoomEvidence()
    {
        // The same two rooms, the tag at rest 0.4 m from the wall. After five minutes its own
        // room's receiver fades by 9 dB over 10 s, stays down 90 s and comes back over 10 s: too
        // lonely a change to break the levels at rest, so it goes into them and, with each fix's
        // own room evidence, says east for longer than any dwell. The room evidence over the levels
        // at rest (roomEvidenceRestShare) keeps the room west; the fix's evidence alone takes it east.
        auto run = [&](double share) {
            EngineConfig cfg;
            cfg.selfCalibrate = false;
            cfg.roomEvidenceRestShare = share;
            return roomsThroughAFade(cfg, 9, 10, 90, 700);
        };
        const QStringList held = run(EngineConfig{}.roomEvidenceRestShare), alone = run(0);
        qInfo("rooms shown with the evidence at rest: %s; with the fix's alone: %s", qPrintable(held.join(u',')), qPrintable(alone.join(u',')));
        QVERIFY(EngineConfig{}.roomEvidenceRestShare > 0);
        QCOMPARE(held, QStringList{QStringLiteral("10 west")});
        QVERIFY2(alone.join(u',').contains(QStringLiteral("east")), qPrintable(alone.join(u',')));
    }

    void aSwingThatKeepsTheLevelsAtRestDoesNotUnsettle()
    {
        // A tag at rest three minutes; then the two room receivers fade by 3 dB over 10 s and the
        // corridor's two rise by as much, for a minute. Its motion statistic crosses the moving
        // threshold, but the window still agrees with the levels at rest: with motionAgreeFactor
        // and unsettleAgreeFactor it stays settled throughout; without them the swing unsettles it
        // for half a minute or more (and an unsettled tag's room follows its window's fix at once).
        // A 4-dB swing keeps the statistic above the threshold for longer than motionAgreeHoldS:
        // it is held that long, no longer. Walking out after the same rest, the tag is unsettled,
        // and shown in the room it walks to, exactly as soon as without them.
        EngineConfig cfg, plain;
        cfg.selfCalibrate = plain.selfCalibrate = false;
        plain.motionAgreeFactor = plain.unsettleAgreeFactor = 1;
        QVERIFY(cfg.motionAgreeFactor > 1 && cfg.unsettleAgreeFactor > 1);
        for (double depth : {3.0, 4.0}) {
            const auto with = throughSwings(cfg, depth, 10, 60, 180, -1, 170, 300);
            const auto without = throughSwings(plain, depth, 10, 60, 180, -1, 170, 300);
            qInfo("%.0f dB swing: levels moving %d s; unsettled %lld s with the agreement, %lld s without; rooms %s and %s", depth,
                  with.moving, qlonglong(with.unsettled.size()), qlonglong(without.unsettled.size()), qPrintable(with.shown.join(u',')),
                  qPrintable(without.shown.join(u',')));
            QVERIFY2(with.moving > 0, "the swing must cross the moving threshold");
            QVERIFY2(without.unsettled.size() >= 30, qPrintable(QString::number(without.unsettled.size())));
            QCOMPARE(with.shown, QStringList{QStringLiteral("170 west")});
            if (depth == 3.0) {
                QVERIFY2(with.moving < cfg.motionAgreeHoldS, qPrintable(QString::number(with.moving)));
                QCOMPARE(with.unsettled.size(), 0);
            } else {
                QVERIFY2(with.moving > cfg.motionAgreeHoldS, qPrintable(QString::number(with.moving)));
                QVERIFY2(!with.unsettled.isEmpty(), "held beyond motionAgreeHoldS");
            }
        }
        const auto walkWith = throughSwings(cfg, 0, 1, 0, 180, 200, 170, 240);
        const auto walkWithout = throughSwings(plain, 0, 1, 0, 180, 200, 170, 240);
        qInfo("walking from 200 s: unsettled from %d (%s) with the agreement, from %d (%s) without", walkWith.unsettled.value(0),
              qPrintable(walkWith.shown.join(u',')), walkWithout.unsettled.value(0), qPrintable(walkWithout.shown.join(u',')));
        QVERIFY2(!walkWith.unsettled.isEmpty() && walkWith.unsettled.front() <= 210, qPrintable(QString::number(walkWith.unsettled.value(0))));
        QCOMPARE(walkWith.unsettled.value(0), walkWithout.unsettled.value(0));
        QCOMPARE(walkWith.shown, walkWithout.shown);
        QVERIFY2(walkWith.shown.back().endsWith(QStringLiteral(" east")), qPrintable(walkWith.shown.join(u',')));
    }

    void aWornTagsLeanLessWithTheirWearer()
    {
        // A wristband at (5, 6) on a wearer standing still five minutes facing east, and the same
        // facing west: receivers behind the body hear it up to `depth` dB less ((1 - cos) / 2 of
        // the angle between the facing and the receiver), 3 dB of noise, 16 receivers on a 4 m
        // grid, all of them used. Not worn, the fixes lean away from the body, east and west
        // apart; worn, the shadow is fitted and the two wearers' fixes lie closer together (as
        // UJI's surveyor's walking out and back: docs/positioning.md). The shadow's prior keeps
        // part of the lean: the data cannot tell a shadow from a shift entirely.
        std::vector<Receiver> gws;
        for (int i = 0; i < 16; ++i)
            gws.push_back({QString::number(i), 4.0 * (i % 4), 4.0 * (i / 4), 2.5, 0, -59, 2});
        auto fixAtRest = [&](bool worn, double facing, double depth, unsigned seed) {
            EngineConfig cfg;
            cfg.selfCalibrate = false;
            cfg.maxGateways = 16; // every receiver either way: only the shadow's fit differs
            Engine e(gws, cfg);
            e.setWorn(0, worn);
            std::mt19937 rng(seed);
            std::normal_distribution<double> noise(0, 3);
            auto shadow = [&](int g) {
                const double bearing = std::atan2(gws[size_t(g)].y - 6, gws[size_t(g)].x - 5);
                return depth * (1 - std::cos(bearing - facing)) / 2;
            };
            QPointF last;
            burst(e, gws, 5, 6, 0, 300, [&] { return noise(rng); }, shadow, [&](int, const Fix& f) { last = {f.x, f.y}; });
            return last;
        };
        for (const double depth : {6.0, 10.0}) {
            double lean[2] = {};
            for (const bool worn : {false, true})
                for (unsigned seed = 1; seed <= 4; ++seed)
                    lean[worn] += QLineF(fixAtRest(worn, 0, depth, seed), fixAtRest(worn, std::numbers::pi, depth, seed)).length() / 4;
            qInfo("shadow %.0f dB: east- and west-facing wearers' fixes %.2f m apart not worn, %.2f m worn", depth, lean[0], lean[1]);
            QVERIFY2(lean[1] < 0.75 * lean[0], qPrintable(QStringLiteral("%1 vs %2").arg(lean[1]).arg(lean[0])));
        }
    }

    void aSiteSaysWhoWearsTheirTags()
    {
        // positioning.bodyShadow marks the wristbands (spare ones too) and badges worn; asset tags
        // never. Off by default.
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        for (const bool on : {false, true}) {
            if (on)
                root.insert(QStringLiteral("positioning"), QJsonObject{{QStringLiteral("bodyShadow"), true}});
            const auto loaded = SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("site.json"));
            QVERIFY2(loaded.site, qPrintable(loaded.errors.join(u'\n')));
            const Site& site = *loaded.site;
            QCOMPARE(site.bodyShadow, on);
            const DeviceDirectory directory(site);
            const Engine e = engineForSite(site, {}, &directory);
            auto worn = [&](const QString& id) { return e.isWorn(directory.tag(id.toStdString())); };
            QVERIFY(!site.patients.empty() && !site.staff.empty() && !site.assets.empty() && !site.spareWristbands.isEmpty());
            QCOMPARE(worn(site.patients.front().wristband), on);
            QCOMPARE(worn(site.spareWristbands.front()), on);
            QCOMPARE(worn(site.staff.back().badge), on);
            QVERIFY(!worn(site.assets.front().tag));
        }
    }

    // The live engines take positioning.centroidBlend and reorderWindowS from the site file.
    void aSiteSetsTheBlendAndTheReorderWindow()
    {
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const auto plain = SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("site.json"));
        QVERIFY(plain.site);
        QCOMPARE(engineForSite(*plain.site).config().centroidBlend, 0.0);
        QCOMPARE(engineForSite(*plain.site).config().reorderWindowS, 2.0);
        root.insert(QStringLiteral("positioning"),
                    QJsonObject{{QStringLiteral("centroidBlend"), 0.5}, {QStringLiteral("reorderWindowS"), 5}});
        const auto loaded = SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("site.json"));
        QVERIFY2(loaded.site, qPrintable(loaded.errors.join(u'\n')));
        const Engine e = engineForSite(*loaded.site);
        QCOMPARE(e.config().centroidBlend, 0.5);
        QCOMPARE(e.config().reorderWindowS, 5.0);
    }
};

QTEST_GUILESS_MAIN(TestRest)
#include "tst_rest.moc"
