// The positioning engine's maths, including degenerate layouts (motion and rooms over time:
// tst_motion.cpp; wardctl locate: tst_locate.cpp).
#include "positioning/engine.h"
#include "positioning/georef.h"
#include "positioning_support.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <tuple>

using namespace ww;
using namespace ww::pos;
using namespace ww::pos::test;


class TestPositioning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noiselessReportsGiveTheTruePoint()
    {
        const auto gws = square();
        Engine e(gws, EngineConfig{});
        feed(e, 0, gws, 3, 6, 0, 10);
        const auto f = e.update(0, 10);
        QVERIFY(f);
        QVERIFY2(std::hypot(f->x - 3, f->y - 6) < 0.3, qPrintable(QStringLiteral("%1, %2").arg(f->x).arg(f->y)));
        QCOMPARE(f->gatewaysUsed, 4);
    }

    // Live reports arrive out of time order (each gateway's batch in its own rhythm): taken into
    // their place, they give the fixes sorted reports give; one further behind its tag and
    // gateway's newest than the reorder window (2 s) is refused and counted.
    void reportsOutOfOrderTakeTheirPlace()
    {
        const auto gws = square();
        Engine sorted(gws, EngineConfig{}), mixed(gws, EngineConfig{});
        std::mt19937 rng(7);
        std::normal_distribution<double> noise(0, 4);
        double worst = 0;
        for (int second = 0; second < 30; ++second) {
            // One second of reports, 4 a second from each gateway, in time order and shuffled.
            std::vector<std::tuple<double, int, double>> batch;
            for (int k = 0; k < 4; ++k)
                for (size_t g = 0; g < gws.size(); ++g) {
                    const double t = second + k * 0.25 + double(g) * 0.01;
                    batch.emplace_back(t, int(g), modelRssi(gws[g], 3, 6, 1.2) + noise(rng));
                }
            for (const auto& [t, g, rssi] : batch)
                sorted.addReport(0, g, t, rssi);
            std::shuffle(batch.begin(), batch.end(), rng);
            for (const auto& [t, g, rssi] : batch)
                mixed.addReport(0, g, t, rssi);
            const auto a = sorted.update(0, second + 1), b = mixed.update(0, second + 1);
            QCOMPARE(bool(a), bool(b));
            if (a)
                worst = std::max(worst, std::hypot(a->x - b->x, a->y - b->y));
        }
        qInfo("largest difference between the fixes of sorted and shuffled reports: %.4f m", worst);
        QVERIFY2(worst < 0.05, qPrintable(QString::number(worst)));
        QCOMPARE(mixed.lateReports(), quint64(0));
        // 3 s behind: refused, the next fix as the other engine's without it.
        mixed.addReport(0, 0, 27.4, -40);
        QCOMPARE(mixed.lateReports(), quint64(1));
        const auto without = sorted.update(0, 30.5), with = mixed.update(0, 30.5);
        QVERIFY(without && with);
        QCOMPARE(with->x, without->x);
        QCOMPARE(with->y, without->y);
    }

    void noReportsNoFix()
    {
        Engine e(square(), EngineConfig{});
        QVERIFY(!e.update(0, 5));
        feed(e, 1, square(), 5, 5, 0, 1);
        QVERIFY(!e.update(1, 100)); // all evidence is older than the window
    }

    void impossibleReportsAreRefused()
    {
        // A negative tag or receiver, a receiver the engine does not know, a NaN or infinite level
        // or time: refused, leaving the fix as the good reports alone make it.
        const auto gws = square();
        Engine clean(gws, EngineConfig{}), fed(gws, EngineConfig{});
        feed(clean, 0, gws, 3, 6, 0, 10);
        feed(fed, 0, gws, 3, 6, 0, 10);
        const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
        fed.addReport(-1, 0, 9.5, -60);
        fed.addReport(0, -1, 9.5, -60);
        fed.addReport(0, 4, 9.5, -60);
        fed.addReport(0, 0, 9.5, nan);
        fed.addReport(0, 1, 9.5, -inf);
        fed.addReport(0, 2, nan, -60);
        fed.addReport(0, 3, inf, -60);
        QVERIFY(!fed.update(-1, 10));
        QVERIFY(!fed.update(0, nan));
        const auto a = clean.update(0, 10), b = fed.update(0, 10);
        QVERIFY(a && b);
        QCOMPARE(b->x, a->x);
        QCOMPARE(b->y, a->y);
        QCOMPARE(b->accuracyM, a->accuracyM);
    }

    void oneGatewayStaysNearItWithWideAccuracyAndNoRoom()
    {
        const std::vector<Receiver> one{{QStringLiteral("a"), 5, 5, 2.5, 0, -59, 2}};
        const std::vector<RoomShape> rooms{{QStringLiteral("R1"), 0, Polygon(QRectF(0, 0, 10, 10))}};
        Engine e(one, EngineConfig{}, rooms);
        for (double t = 0; t < 5; t += 0.5)
            e.addReport(0, 0, t, -80);
        const auto f = e.update(0, 5);
        QVERIFY(f);
        QVERIFY(std::isfinite(f->x) && std::isfinite(f->y));
        QVERIFY(std::hypot(f->x - 5, f->y - 5) < 3);
        QVERIFY(f->accuracyM > 4);
        QVERIFY(f->room.isEmpty());
        QCOMPARE(f->unknownReason, QStringLiteral("only one receiver hears the tag"));

        // Heard strongly by the one receiver, inside that receiver's room: the room is known.
        for (double t = 0; t < 5; t += 0.5)
            e.addReport(1, 0, t, -55);
        QCOMPARE(e.update(1, 5)->room, QStringLiteral("R1"));
    }

    void collinearGatewaysStayFinite()
    {
        const std::vector<Receiver> line{{QStringLiteral("a"), 0, 0, 2.5, 0, -59, 2}, {QStringLiteral("b"), 5, 0, 2.5, 0, -59, 2},
                                         {QStringLiteral("c"), 10, 0, 2.5, 0, -59, 2}};
        Engine e(line, EngineConfig{});
        feed(e, 0, line, 4, 3, 0, 5);
        const auto f = e.update(0, 5);
        QVERIFY(f);
        QVERIFY(std::isfinite(f->x) && std::isfinite(f->y) && std::isfinite(f->accuracyM));
        QVERIFY(std::abs(f->x - 4) < 1.0); // along the line it is well determined
        QVERIFY(std::isinf(cramerRaoBound(line, 4, 3, 6, 2, 1.2)) || cramerRaoBound(line, 4, 3, 6, 2, 1.2) > 1);
    }

    void farFromEveryGatewayIsUnknownNotConfident()
    {
        const auto gws = square();
        const std::vector<RoomShape> rooms{{QStringLiteral("R1"), 0, Polygon(QRectF(-5, -5, 20, 20))}};
        Engine e(gws, EngineConfig{}, rooms);
        for (double t = 0; t < 5; t += 0.5)
            e.addReport(0, 3, t, -99);
        const auto f = e.update(0, 5);
        QVERIFY(f);
        QVERIFY(f->room.isEmpty());
        QVERIFY(f->unknownReason.startsWith(QStringLiteral("weak")));
    }

    void deterministicAndCausal()
    {
        const auto gws = square();
        Engine a(gws, EngineConfig{}), b(gws, EngineConfig{});
        feed(a, 0, gws, 2, 2, 0, 5);
        feed(b, 0, gws, 2, 2, 0, 5);
        const auto fa = a.update(0, 5), fb = b.update(0, 5);
        QCOMPARE(fa->x, fb->x);
        QCOMPARE(fa->y, fb->y);
        // Reports after t do not change a fix at t.
        Engine c(gws, EngineConfig{});
        feed(c, 0, gws, 2, 2, 0, 5);
        for (int g = 0; g < 4; ++g)
            c.addReport(0, g, 7, -40);
        QVERIFY(c.update(0, 5));
    }

    void roomHysteresis()
    {
        const auto gws = square();
        const std::vector<RoomShape> rooms{{QStringLiteral("west"), 0, Polygon(QRectF(0, 0, 5, 10))},
                                           {QStringLiteral("east"), 0, Polygon(QRectF(5, 0, 5, 10))}};
        EngineConfig cfg;
        Engine e(gws, cfg, rooms);
        feed(e, 0, gws, 2, 5, 0, 5);
        QCOMPARE(e.update(0, 5)->room, QStringLiteral("west"));
        feed(e, 0, gws, 8, 5, 5, 6); // moved east just now: not yet
        QCOMPARE(e.update(0, 6)->room, QStringLiteral("west"));
        QString room;
        for (int t = 7; t <= 14; ++t) { // fixes every second, as live
            feed(e, 0, gws, 8, 5, t - 1, t);
            room = e.update(0, t)->room;
            if (t == 7)
                QCOMPARE(room, QStringLiteral("west")); // one second east is not enough
        }
        QCOMPARE(room, QStringLiteral("east"));
    }

    // Two rooms side by side, a wall between them and a door each onto the corridor south of them.
    // A tag at rest in the west room whose levels say "east" for 12 s (a slow fade at its
    // receivers, or a trolley parked beside it) stays west: the HMM's way there is through the
    // wall, and such a room must lead roomJumpDwellS (15 s). The same levels without the rule
    // move it east, so the rule is what holds it. A walk out of one door and in at the other is
    // not held: east within a few seconds of arriving. (The fade's levels stay near enough to those
    // at rest that motionAgreeFactor and unsettleAgreeFactor alone would keep the tag settled, and
    // west, too: for the fade they are off, so that the rule under test is the only one holding.)
    // A tag that is carried there and left there (east's levels from 120 s on) is held by those
    // factors for motionAgreeHoldS at most: east within 40 s, as without them; held for as long as
    // the statistic stays up, its old levels at rest would take its fix back west for minutes.
    void aRoomReachedThroughAWallWaitsAWalkThroughTheDoorsDoesNot()
    {
        const auto [gws, rooms] = twoRoomsOffACorridor();
        enum Moves { Fade, Walk, Left };
        auto run = [&](double jumpDwellS, Moves moves, QStringList* shown, double agreeHoldS = EngineConfig{}.motionAgreeHoldS) {
            EngineConfig cfg;
            cfg.selfCalibrate = false;
            cfg.roomJumpDwellS = jumpDwellS;
            cfg.motionAgreeHoldS = agreeHoldS;
            if (moves == Fade)
                cfg.motionAgreeFactor = cfg.unsettleAgreeFactor = 1;
            Engine e(gws, cfg, rooms);
            auto at = [&](int t) -> QPointF {
                if (t < 120)
                    return {3.5, 6};
                if (moves != Walk) // the fade: east's levels for 12 s, then west's again; or east's from then on
                    return moves == Left || t < 132 ? QPointF(6.5, 6) : QPointF(3.5, 6);
                // 1 m/s: 7 m to the west door's corridor side, 5 m along, 7 m in to the east bed
                const QPointF path[] = {{3.5, 6}, {2.5, -1}, {7.5, -1}, {6.5, 6}};
                double d = t - 120;
                for (int i = 0; i < 3; ++i) {
                    const double len = QLineF(path[i], path[i + 1]).length();
                    if (d <= len)
                        return path[i] + (path[i + 1] - path[i]) * (d / len);
                    d -= len;
                }
                return path[3];
            };
            for (int t = 1; t <= (moves == Left ? 400 : 180); ++t) {
                const QPointF p = at(t - 1);
                feed(e, 0, gws, p.x(), p.y(), t - 1, t);
                const auto f = e.update(0, t);
                QVERIFY(f);
                if (t >= 10 && (shown->isEmpty() || shown->back().section(u' ', 1) != f->room))
                    shown->append(QStringLiteral("%1 %2").arg(t).arg(f->room));
            }
        };
        QStringList held, notHeld, walked, left, leftHeldLong;
        run(15, Fade, &held);
        run(0, Fade, &notHeld);
        run(15, Walk, &walked);
        run(15, Left, &left);
        run(15, Left, &leftHeldLong, 1e9);
        qInfo("carried east and left there: %s; with no limit to the hold: %s", qPrintable(left.join(u',')), qPrintable(leftHeldLong.join(u',')));
        QVERIFY2(left.size() == 2 && left.back().endsWith(QStringLiteral(" east")) && left.back().section(u' ', 0, 0).toInt() <= 160,
                 qPrintable(left.join(u',')));
        QVERIFY2(leftHeldLong.back().section(u' ', 0, 0).toInt() > 200, qPrintable(leftHeldLong.join(u',')));
        qInfo("fade with the rule: %s; without: %s; walk: %s", qPrintable(held.join(u',')), qPrintable(notHeld.join(u',')),
              qPrintable(walked.join(u',')));
        QCOMPARE(held, QStringList{QStringLiteral("10 west")});
        QVERIFY2(notHeld.join(u',').contains(QStringLiteral("east")), qPrintable(notHeld.join(u',')));
        // The walk: west, then (maybe through the corridor) east, at most 6 s after reaching the
        // east room at t = 120 + 7.1 + 5 + 1 (its wall at y = 0 plus a metre in).
        QVERIFY2(walked.size() >= 2 && walked.front() == QStringLiteral("10 west") && walked.back().endsWith(QStringLiteral(" east")),
                 qPrintable(walked.join(u',')));
        QVERIFY2(walked.back().section(u' ', 0, 0).toInt() <= 120 + 7 + 5 + 1 + 6, qPrintable(walked.join(u',')));
    }

    // One tag explained (the plan's "Explain position"): its fixes are the same as unexplained, its
    // explanation names its room decisions; the other tag keeps none; switched off, none again.
    void explainingOneTagChangesNoFix()
    {
        const auto gws = square();
        const std::vector<RoomShape> rooms{{QStringLiteral("west"), 0, Polygon(QRectF(0, 0, 5, 10))},
                                           {QStringLiteral("east"), 0, Polygon(QRectF(5, 0, 5, 10))}};
        Engine a(gws, EngineConfig{}, rooms), b(gws, EngineConfig{}, rooms);
        b.setExplaining(0, true);
        QVERIFY(b.explaining(0) && !b.explaining(1) && !a.explaining(0));
        for (int t = 1; t <= 16; ++t) {
            feed(a, 0, gws, t <= 6 ? 2 : 8, 5, t - 1, t);
            feed(b, 0, gws, t <= 6 ? 2 : 8, 5, t - 1, t);
            feed(a, 1, gws, 3, 5, t - 1, t);
            feed(b, 1, gws, 3, 5, t - 1, t);
            const auto fa = a.update(0, t), fb = b.update(0, t);
            QVERIFY(fa && fb);
            QCOMPARE(fb->x, fa->x);
            QCOMPARE(fb->y, fa->y);
            QCOMPARE(fb->room, fa->room);
            QVERIFY(a.update(1, t) && b.update(1, t));
        }
        QVERIFY(!a.explain(0));
        QVERIFY(!b.explain(1)); // only the tag asked about
        const auto x = b.explain(0);
        QVERIFY(x);
        QCOMPARE(x->fix.room, QStringLiteral("east"));
        QCOMPARE(x->gateways.size(), size_t(4));
        QVERIFY(x->decisions.size() >= 2);
        QCOMPARE(x->decisions.front().to, QStringLiteral("west"));
        QCOMPARE(x->decisions.back().to, QStringLiteral("east"));
        QVERIFY2(x->decisions.back().reason.startsWith(QStringLiteral("led by")), qPrintable(x->decisions.back().reason));
        QVERIFY(!b.config().keepExplanations); // the switch was for its fixes only
        b.setExplaining(0, false);
        QVERIFY(!b.explain(0));
    }

    void crlbOfASquare()
    {
        // Centre of a square, receivers at equal distance: F = b * sum(dx^2, dy^2) / d^4, diagonal.
        const auto gws = square(10);
        const double d2 = 50 + 1.3 * 1.3, b = std::pow(10 * 2 / (6 * std::log(10.0)), 2);
        const double fxx = b * 4 * 25 / (d2 * d2);
        QVERIFY(std::abs(cramerRaoBound(gws, 5, 5, 6, 2, 1.2) - std::sqrt(2 / fxx)) < 1e-9);
        QVERIFY(std::isinf(cramerRaoBound({gws[0]}, 3, 3, 6, 2, 1.2)));
    }

    void calibrationRecoversTheModel()
    {
        auto gws = square();
        std::vector<CalibrationReport> reports;
        for (int g = 0; g < 4; ++g)
            for (double x = 0.5; x < 10; x += 1)
                for (double y = 0.5; y < 10; y += 1) {
                    Receiver truth = gws[size_t(g)];
                    truth.rssiAt1m = -62 + g; // each receiver a little different
                    truth.exponent = 1.6;
                    reports.push_back({g, modelRssi(truth, x, y, 1.2), x, y, 1.2});
                }
        const auto r = calibrate(gws, reports);
        QCOMPARE(r.reports, 400);
        QVERIFY(std::abs(r.commonExponent - 1.6) < 0.05);
        QVERIFY(std::abs(gws[3].rssiAt1m - -59) < 0.5);
    }

    void radioMapSmoothsAndShrinks()
    {
        // One report with a residual of 10 dB, shrinkage 5: at its point 10 * 1 / (1 + 5).
        const RadioMap one(2, {{0, 3, 3, 10.0}}, 1.0, 5.0);
        QVERIFY(std::abs(one.at(0, 3, 3) - 10.0 / 6) < 0.05);
        QCOMPARE(one.at(1, 3, 3), 0.0);  // a receiver without samples: no correction
        QCOMPARE(one.at(0, 40, 40), 0.0); // beyond the grid: none
        QVERIFY(std::abs(one.at(0, 5, 3)) < std::abs(one.at(0, 3.5, 3))); // fades with distance
        double gx = 0, gy = 0;
        (void)one.at(0, 3.7, 3, &gx, &gy);
        QVERIFY(gx < 0); // east of the bump the correction falls off
        QVERIFY(RadioMap().empty());
        QVERIFY(RadioMap(1, {}).empty());
    }

    void radioMapCorrectsWhereTheWalkWent()
    {
        // Receiver a loses 8 dB more than the model west of x = 4 (a cabinet in the way). A
        // calibration walk over the whole square teaches the map; the engine then finds a tag in the
        // west far better than the bare model does.
        auto gws = square();
        auto truthRssi = [&](int g, double x, double y) { return modelRssi(gws[size_t(g)], x, y, 1.2) - (g == 0 && x < 4 ? 8 : 0); };
        std::vector<CalibrationReport> walk;
        for (int g = 0; g < 4; ++g)
            for (double x = 0.25; x < 10; x += 0.5)
                for (double y = 0.25; y < 10; y += 0.5)
                    walk.push_back({g, truthRssi(g, x, y), x, y, 1.2});
        auto calibrated = gws;
        const auto r = calibrate(calibrated, walk);
        QVERIFY(r.mappedResidualSdDb < r.residualSdDb / 2);
        // The fitted level of receiver a absorbs part of the loss; model plus map must match.
        auto mapped = [&](double x, double y) { return modelRssi(calibrated[0], x, y, 1.2) + r.map.at(0, x, y); };
        for (const QPointF p : {QPointF(1.5, 5), QPointF(8, 5), QPointF(2, 2)})
            QVERIFY2(std::abs(mapped(p.x(), p.y()) - truthRssi(0, p.x(), p.y())) < 2,
                     qPrintable(QStringLiteral("%1,%2: %3 vs %4").arg(p.x()).arg(p.y()).arg(mapped(p.x(), p.y())).arg(truthRssi(0, p.x(), p.y()))));
        QVERIFY(std::abs(modelRssi(calibrated[0], 1.5, 5, 1.2) - truthRssi(0, 1.5, 5)) > 3); // the bare model is off
        // Least squares with noiseless levels: the map must put the fix where the tag is.
        auto errorAt = [&](bool withMap) {
            EngineConfig cfg;
            cfg.gridPosterior = false;
            Engine e(calibrated, cfg);
            if (withMap)
                e.setRadioMap(r.map);
            for (double t = 0; t < 5; t += 0.25)
                for (int g = 0; g < 4; ++g)
                    e.addReport(0, g, t, truthRssi(g, 1.5, 5));
            const auto f = e.update(0, 5);
            return std::hypot(f->x - 1.5, f->y - 5);
        };
        const double with = errorAt(true), without = errorAt(false);
        QVERIFY2(with < 0.6 && without > 1.0, qPrintable(QStringLiteral("with map %1 m, without %2 m").arg(with).arg(without)));
    }

    void latticeMeanBeatsLeastSquaresUnderNoise()
    {
        // Nine receivers on an 8 m grid, 6 dB of noise per report, tags standing at sixteen
        // places for two minutes: the likelihood's mean over the lattice (fed to the track) is
        // closer on average than the least-squares answer, and neither runs away.
        const std::vector<Receiver> gws = loudCentre().second;
        auto run = [&](bool grid) {
            EngineConfig cfg;
            cfg.gridPosterior = grid;
            cfg.selfCalibrate = false;
            Engine e(gws, cfg);
            std::mt19937 rng(5);
            std::normal_distribution<double> noise(0, 6);
            double error = 0, worst = 0;
            for (int t = 1; t <= 120; ++t)
                for (int tag = 0; tag < 16; ++tag) {
                    const double x = 1 + 4.5 * (tag % 4), y = 1 + 4.5 * (tag / 4);
                    for (int g = 0; g < 9; ++g)
                        for (double dt : {0.25, 0.75})
                            e.addReport(tag, g, t - dt, modelRssi(gws[size_t(g)], x, y, 1.2) + noise(rng));
                    const auto f = e.update(tag, t);
                    const double err = std::hypot(f->x - x, f->y - y);
                    if (t > 30) {
                        error += err / (90 * 16);
                        worst = std::max(worst, err);
                    }
                }
            return std::make_pair(error, worst);
        };
        const auto lattice = run(true), lsq = run(false);
        qInfo("static tags, 6 dB: mean error %.2f m (worst %.2f) with the lattice, %.2f m (worst %.2f) with least squares",
              lattice.first, lattice.second, lsq.first, lsq.second);
        QVERIFY(lattice.first < lsq.first);
        QVERIFY(lattice.second < 6);
    }

    void calibrationChoosesTheBandwidthByHeldOutReports()
    {
        // Two walks over the square, a minute apart, where receiver a's level ripples by 6 dB
        // every 2 m (furniture): held-out reports of one walk are predicted best by a narrow map.
        auto gws = square();
        auto ripple = [](int g, double x) { return g == 0 ? 6 * std::sin(2 * M_PI * x / 2.0) : 0.0; };
        std::vector<CalibrationReport> walks;
        double t = 0;
        for (int walk = 0; walk < 2; ++walk, t += 60)
            for (double x = 0.25 + 0.1 * walk; x < 10; x += 0.25)
                for (double y = 0.25; y < 10; y += 1.0)
                    for (int g = 0; g < 4; ++g, t += 0.01)
                        walks.push_back({g, modelRssi(gws[size_t(g)], x, y, 1.2) + ripple(g, x), x, y, 1.2, t});
        auto fine = gws;
        const auto r = calibrate(fine, walks);
        QCOMPARE(r.mapCrossValidationFolds, 2); // the two walks
        QCOMPARE(r.mapCrossValidation.size(), size_t(6));
        QVERIFY2(r.mapBandwidthM <= 0.75, qPrintable(QString::number(r.mapBandwidthM)));
        QVERIFY(r.mapCrossValidation.front().second < r.mapCrossValidation.back().second);
        // The map carries the walk's levels: support high where it went, 0 far away.
        QVERIFY2(r.map.support(0, 5, 5) > 0.6, qPrintable(QString::number(r.map.support(0, 5, 5))));
        QCOMPARE(r.map.support(0, 40, 40), 0.0);
        // Surveyed places 2.5 m apart: no candidate narrower than that is tried.
        std::vector<CalibrationReport> points;
        for (double x = 1; x < 10; x += 2.5)
            for (double y = 1; y < 10; y += 2.5)
                for (int k = 0; k < 20; ++k, t += 1)
                    for (int g = 0; g < 4; ++g)
                        points.push_back({g, modelRssi(gws[size_t(g)], x, y, 1.2) + (g == 1 ? 4 : 0), x, y, 1.2, t});
        auto coarse = gws;
        const auto c = calibrate(coarse, points);
        QVERIFY(std::abs(c.mapSpacingM - 2.5) < 0.01);
        QCOMPARE(c.mapBandwidthM, 3.0);
        QCOMPARE(c.mapCrossValidation.size(), size_t(1));
        // A bandwidth given is used as given.
        CalibrationOptions fixed;
        fixed.mapBandwidthM = 1.5;
        auto given = gws;
        QCOMPARE(calibrate(given, points, {}, fixed).mapBandwidthM, 1.5);
    }

    void aLoudReceiverDoesNotClaimItsNeighboursRoom()
    {
        // Two rooms with a receiver each and a wall between; the east receiver is configured 9 dB louder (another model
        // of gateway). A tag in the west room, 1 m from the wall, hears east 3.5 dB louder than
        // west: compared less their levels at 1 m, west is the nearer, and the room is west.
        const std::vector<Receiver> gws{{QStringLiteral("w"), 2.5, 5, 2.5, 0, -59, 2}, {QStringLiteral("e"), 7.5, 5, 2.5, 0, -50, 2},
                                        {QStringLiteral("s"), 5, -2, 2.5, 0, -59, 2}, {QStringLiteral("n"), 5, 12, 2.5, 0, -59, 2}};
        const std::vector<RoomShape> rooms{{QStringLiteral("west"), 0, Polygon(QRectF(0, 0, 5, 10))},
                                           {QStringLiteral("east"), 0, Polygon(QRectF(5, 0, 5, 10))}};
        QVERIFY(modelRssi(gws[1], 4, 5, 1.2) - modelRssi(gws[0], 4, 5, 1.2) > 3); // louder, raw
        EngineConfig cfg;
        cfg.selfCalibrate = false;
        cfg.wallLossDb = 0; // the wall between the rooms stops moves, the reports ignore it
        Engine e(gws, cfg, rooms, {{0, QLineF(5, 0, 5, 10)}});
        std::optional<Fix> f;
        for (int t = 1; t <= 60; ++t) {
            feed(e, 0, gws, 4, 5, t - 1, t);
            f = e.update(0, t);
            // The first fixes are "locating" (the window fills): west the likeliest.
            QCOMPARE(f->roomState == RoomState::Locating ? f->nearRoom : f->room, QStringLiteral("west"));
        }
        QCOMPARE(f->roomState, RoomState::Known);
        QVERIFY2(f->x < 5, qPrintable(QString::number(f->x)));
        // Then the east receiver is 12 dB louder still for two seconds (a reflection): the room
        // stays west, and the dot is not carried into the east room either.
        for (double t = 60; t < 62; t += 0.25)
            for (int g = 0; g < 4; ++g)
                e.addReport(0, g, t, modelRssi(gws[size_t(g)], 4, 5, 1.2) + (g == 1 ? 12 : 0));
        f = e.update(0, 62);
        QCOMPARE(f->room, QStringLiteral("west"));
        QVERIFY2(f->x < 5, qPrintable(QString::number(f->x)));
    }

    void selfCalibrationLearnsAReceiversLevel()
    {
        // Nine receivers on a 8 m grid; the centre one hears 6 dB more than configured. Tags
        // standing still at sixteen places teach the engine part of that difference (not the
        // common level) from the receivers that hear them best: the fixes themselves lean towards
        // the loud receiver and explain part of it away. Their positions get better for it.
        const std::vector<Receiver> gws = loudCentre().first, truth = loudCentre().second;
        auto run = [&](bool selfCalibrate, std::vector<double>& learnt, double& levelOfCentre) {
            EngineConfig cfg;
            cfg.selfCalibrate = selfCalibrate;
            Engine e(gws, cfg);
            std::mt19937 rng(3);
            std::normal_distribution<double> noise(0, 3);
            double error = 0;
            for (int t = 1; t <= 900; ++t)
                for (int tag = 0; tag < 16; ++tag) {
                    const double x = 1 + 4.5 * (tag % 4), y = 1 + 4.5 * (tag / 4);
                    for (int g = 0; g < 9; ++g)
                        e.addReport(tag, g, t - 0.5, modelRssi(truth[size_t(g)], x, y, 1.2) + noise(rng));
                    const auto f = e.update(tag, t);
                    if (t > 600) // the last five minutes
                        error += std::hypot(f->x - x, f->y - y) / (300 * 16);
                }
            learnt = e.learntLevels();
            levelOfCentre = e.receivers()[4].rssiAt1m;
            return error;
        };
        std::vector<double> learnt, none;
        double centre = 0, centreWithout = 0;
        const double with = run(true, learnt, centre), without = run(false, none, centreWithout);
        QCOMPARE(learnt.size(), size_t(9));
        double others = 0;
        for (int g = 0; g < 9; ++g)
            others += g == 4 ? 0 : learnt[size_t(g)] / 8;
        const double difference = learnt[4] - others;
        qInfo("self-calibration: learnt %.2f dB of 6; mean error %.2f m with, %.2f m without", difference, with, without);
        QVERIFY2(difference > 2 && difference < 7, qPrintable(QStringLiteral("learnt difference %1 dB").arg(difference)));
        QVERIFY(std::abs(centre - (gws[4].rssiAt1m + learnt[4])) < 1e-9);
        QVERIFY2(with < 0.8 * without, qPrintable(QStringLiteral("mean error %1 m with, %2 m without").arg(with).arg(without)));
        QVERIFY(none.empty()); // off: nothing learnt, the configured level stays
        QCOMPARE(centreWithout, gws[4].rssiAt1m);
    }

    void referenceBeaconIsWhereItWasSurveyedAndCalibrates()
    {
        // The same loud centre receiver as above, but only a reference beacon 2 m from it is heard:
        // its fix is its surveyed place (with the room), and its levels alone correct the model.
        const std::vector<Receiver> gws = loudCentre().first, truth = loudCentre().second;
        const std::vector<RoomShape> rooms{{QStringLiteral("hall"), 0, Polygon(QRectF(0, 0, 16, 16))}};
        Engine e(gws, EngineConfig{}, rooms);
        e.setKnownPosition(0, 10, 8, 0);
        std::mt19937 rng(5);
        std::normal_distribution<double> noise(0, 3);
        std::optional<Fix> f;
        for (int t = 1; t <= 600; ++t) {
            for (int g = 0; g < 9; ++g)
                e.addReport(0, g, t - 0.5, modelRssi(truth[size_t(g)], 10, 8, 1.2) + noise(rng));
            f = e.update(0, t);
            QVERIFY(f);
        }
        QCOMPARE(f->x, 10.0);
        QCOMPARE(f->y, 8.0);
        QCOMPARE(f->room, QStringLiteral("hall"));
        // What the engine now expects each receiver to hear at the beacon: the truth, within noise
        // (the configured model was 6 dB off for the centre receiver).
        double worst = 0;
        for (int g = 0; g < 9; ++g)
            worst = std::max(worst, std::abs(modelRssi(e.receivers()[size_t(g)], 10, 8, 1.2) - modelRssi(truth[size_t(g)], 10, 8, 1.2)));
        qInfo("reference beacon: worst level error at the beacon %.2f dB (6 before)", worst);
        QVERIFY2(worst < 2.5, qPrintable(QString::number(worst)));
    }

    void referenceBeaconsTeachTheExponentAndLevel()
    {
        // The site says exponent 2.6 and -55 dBm at 1 m; the air says 2.0 and -61. Two reference
        // beacons heard by all nine receivers at known distances reveal both.
        auto [configured, truth] = loudCentre();
        truth[4].rssiAt1m -= 6; // no loud receiver here
        for (auto& g : truth)
            g.rssiAt1m = -61;
        for (auto& g : configured) {
            g.exponent = 2.6;
            g.rssiAt1m = -55;
        }
        Engine e(configured, EngineConfig{});
        e.setKnownPosition(0, 10, 8, 0);
        e.setKnownPosition(1, 3, 13, 0);
        std::mt19937 rng(9);
        std::normal_distribution<double> noise(0, 3);
        for (int t = 1; t <= 600; ++t)
            for (int tag = 0; tag < 2; ++tag) {
                for (int g = 0; g < 9; ++g)
                    e.addReport(tag, g, t - 0.5, modelRssi(truth[size_t(g)], tag ? 3 : 10, tag ? 13 : 8, 1.2) + noise(rng));
                QVERIFY(e.update(tag, t));
            }
        const Receiver& learnt = e.receivers()[0];
        qInfo("reference beacons: exponent %.2f, level %.1f dBm", learnt.exponent, learnt.rssiAt1m);
        QVERIFY2(std::abs(learnt.exponent - 2.0) < 0.3, qPrintable(QString::number(learnt.exponent)));
        QVERIFY2(std::abs(learnt.rssiAt1m - -61) < 3, qPrintable(QString::number(learnt.rssiAt1m)));
    }

    void gatewaysThatAdvertiseTeachTheOthersLevels()
    {
        // Nine receivers on an 8 m grid; the centre one hears 6 dB more than configured. The four
        // corner gateways advertise: each is a beacon at its own place and height (2.5 m), heard
        // by the others without a tag's height in the distance. Its own reports of itself, if a
        // gateway sent any, would say nothing: one at 0 dBm is fed and must be ignored.
        const std::vector<Receiver> gws = loudCentre().first, truth = loudCentre().second;
        EngineConfig cfg;
        Engine e(gws, cfg);
        const int corners[] = {0, 2, 6, 8};
        for (int k = 0; k < 4; ++k)
            e.setKnownPosition(k, gws[size_t(corners[k])].x, gws[size_t(corners[k])].y, 0, 2.5, corners[k]);
        std::mt19937 rng(5);
        std::normal_distribution<double> noise(0, 3);
        std::optional<Fix> f;
        for (int t = 1; t <= 600; ++t)
            for (int k = 0; k < 4; ++k) {
                const Receiver& me = gws[size_t(corners[k])];
                for (int g = 0; g < 9; ++g)
                    e.addReport(k, g, t - 0.5, g == corners[k] ? 0.0 : modelRssi(truth[size_t(g)], me.x, me.y, 2.5) + noise(rng));
                f = e.update(k, t);
            }
        QCOMPARE(f->x, gws[8].x); // a beacon's fix is its surveyed place
        QCOMPARE(f->y, gws[8].y);
        const auto& learnt = e.learntLevels();
        double others = 0;
        for (int g = 0; g < 9; ++g)
            others += g == 4 ? 0 : learnt[size_t(g)] / 8;
        qInfo("gateway beacons: centre learnt %.2f dB above the others (truth 6); corners %.2f %.2f %.2f %.2f", learnt[4] - others,
              learnt[0], learnt[2], learnt[6], learnt[8]);
        QVERIFY2(learnt[4] - others > 3 && learnt[4] - others < 7.5, qPrintable(QString::number(learnt[4] - others)));
        for (int c : corners) // the 0 dBm self-reports would have made the corners look 40 dB loud
            QVERIFY2(std::abs(learnt[size_t(c)]) < 2, qPrintable(QString::number(learnt[size_t(c)])));
    }

    void geoReferenceOfTheSiteFrame()
    {
        Site site;
        site.latitude = 51.5;
        site.longitude = -0.1;
        site.bearingDeg = 90; // x axis points east, so y (down the plan) points south
        const QGeoCoordinate o = pos::toGeoCoordinate(site, 0, 0, 0);
        QCOMPARE(o.latitude(), 51.5);
        const QGeoCoordinate east = pos::toGeoCoordinate(site, 100, 0, 1);
        QVERIFY(std::abs(east.distanceTo(o) - 100) < 0.01);
        QVERIFY(std::abs(o.azimuthTo(east) - 90) < 0.01);
        QCOMPARE(east.altitude(), pos::FloorHeightM);
        const QGeoCoordinate south = pos::toGeoCoordinate(site, 0, 50, 0);
        QVERIFY(std::abs(o.azimuthTo(south) - 180) < 0.01);
        QVERIFY(south.latitude() < 51.5);
        site.bearingDeg = 0; // x north, y east
        const QGeoCoordinate p = pos::toGeoCoordinate(site, 30, 40, 0);
        QVERIFY(std::abs(p.distanceTo(o) - 50) < 0.01);
        QVERIFY(std::abs(o.azimuthTo(p) - qRadiansToDegrees(std::atan2(40.0, 30.0))) < 0.01);
        pos::Fix fix;
        fix.t = 1'767'225'600.5;
        fix.x = 100;
        fix.accuracyM = 1.7;
        const QGeoPositionInfo info = pos::toGeoPositionInfo(site, fix);
        QVERIFY(info.isValid());
        QCOMPARE(info.timestamp().toMSecsSinceEpoch(), qint64(1'767'225'600'500));
        QCOMPARE(info.attribute(QGeoPositionInfo::HorizontalAccuracy), 1.7);
    }
};

QTEST_GUILESS_MAIN(TestPositioning)
#include "tst_positioning.moc"
