// The engine's room states (docs/positioning.md, "Room states"): locating while the first window
// fills, "unknown, near" a room whose receivers are all offline, a stale room kept for a tag heard
// again after a long silence.
#include "positioning/engine.h"
#include "positioning_support.h"

#include <QTest>

using namespace ww;
using namespace ww::pos;
using namespace ww::pos::test;

namespace {

// Two rooms side by side with a receiver each, and two receivers outside them (north and south).
std::vector<Receiver> twoRooms()
{
    return {{QStringLiteral("w"), 2.5, 5, 2.5, 0, -59, 2}, {QStringLiteral("e"), 7.5, 5, 2.5, 0, -59, 2},
            {QStringLiteral("s"), 5, -2, 2.5, 0, -59, 2}, {QStringLiteral("n"), 5, 12, 2.5, 0, -59, 2}};
}
std::vector<RoomShape> westEast()
{
    return {{QStringLiteral("west"), 0, Polygon(QRectF(0, 0, 5, 10)), 1.0, QPointF(5, 5)},
            {QStringLiteral("east"), 0, Polygon(QRectF(5, 0, 5, 10)), 1.0, QPointF(5, 5)}};
}
// A tag at (x, y) heard by the receivers not in dead, every 0.25 s from t0 to t1.
void feedExcept(Engine& e, int tag, const std::vector<Receiver>& gws, double x, double y, double t0, double t1, int dead)
{
    for (double t = t0; t < t1; t += 0.25)
        for (int g = 0; g < int(gws.size()); ++g)
            if (g != dead)
                e.addReport(tag, g, t, modelRssi(gws[size_t(g)], x, y, 1.2));
}

} // namespace

class TestRoomState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstFixesAreLocating()
    {
        const auto gws = twoRooms();
        Engine e(gws, EngineConfig{}, westEast());
        feed(e, 0, gws, 2, 5, 0, 1);
        auto f = e.update(0, 1); // a second of reports: the window has not filled
        QVERIFY(f);
        QCOMPARE(f->roomState, RoomState::Locating);
        QVERIFY(f->room.isEmpty());
        QCOMPARE(f->nearRoom, QStringLiteral("west")); // the likeliest so far
        for (int t = 2; t <= 5; ++t) {
            feed(e, 0, gws, 2, 5, t - 1, t);
            f = e.update(0, t);
        }
        QCOMPARE(f->roomState, RoomState::Known);
        QCOMPARE(f->room, QStringLiteral("west"));
        QVERIFY(f->nearRoom.isEmpty());
    }

    void roomOfAnOfflineGatewayIsUnknownNearItNeverTheNeighbour()
    {
        const auto gws = twoRooms();
        EngineConfig cfg;
        Engine e(gws, cfg, westEast());
        std::optional<Fix> f;
        for (int t = 1; t <= 60; ++t) {
            feed(e, 0, gws, 2, 5, t - 1, t);
            f = e.update(0, t);
            feed(e, 2, gws, 8, 5, t - 1, t); // a visitor, in the east room for now
            QVERIFY(e.update(2, t));
        }
        QCOMPARE(f->room, QStringLiteral("west"));
        QCOMPARE(e.update(2, 60)->room, QStringLiteral("east"));
        QVERIFY(!e.receiverOffline(0, 60));
        // The west gateway dies at 60 s; the tag stays in the west room, heard by the others only.
        int unknownNear = 0;
        for (int t = 61; t <= 120; ++t) {
            feedExcept(e, 0, gws, 2, 5, t - 1, t, 0);
            f = e.update(0, t);
            QVERIFY(f);
            QVERIFY2(f->room != QStringLiteral("east"), qPrintable(QStringLiteral("east at %1 s").arg(t)));
            if (t >= 60 + cfg.receiverSilentS) {
                QVERIFY(e.receiverOffline(0, t));
                QCOMPARE(f->roomState, RoomState::UnknownNear);
                QVERIFY(f->room.isEmpty());
                QCOMPARE(f->nearRoom, QStringLiteral("west"));
                QVERIFY2(f->unknownReason.contains(QStringLiteral("offline")), qPrintable(f->unknownReason));
                ++unknownNear;
            }
        }
        QVERIFY(unknownNear >= 40);
        // A tag that goes into the room after its gateway died, placed there by the others: the
        // room is not confirmed either.
        std::optional<Fix> visitor;
        for (int t = 61; t <= 120; ++t) {
            feedExcept(e, 2, gws, t <= 100 ? 8 : 2, 5, t - 1, t, 0); // goes west at 100 s
            visitor = e.update(2, t);
            QVERIFY(visitor->room != QStringLiteral("west"));
        }
        QCOMPARE(visitor->roomState, RoomState::UnknownNear);
        QCOMPARE(visitor->nearRoom, QStringLiteral("west"));
        QVERIFY(!e.receiverOffline(1, 120)); // the others are heard
        // Heard again: after a window of its evidence the room is known again.
        for (int t = 121; t <= 130; ++t) {
            feed(e, 0, gws, 2, 5, t - 1, t);
            f = e.update(0, t);
            QVERIFY(f->room != QStringLiteral("east"));
        }
        QVERIFY(!e.receiverOffline(0, 130));
        QCOMPARE(f->roomState, RoomState::Known);
        QCOMPARE(f->room, QStringLiteral("west"));
    }

    void quietGatewaysAreNotOffline()
    {
        // A receiver that hears one slow tag (every 10 s) reports seldom: 30 s without a report is
        // not offline; a receiver never heard is not offline either.
        const auto gws = twoRooms();
        Engine e(gws, EngineConfig{}, westEast());
        for (int t = 0; t <= 200; t += 10)
            e.addReport(0, 0, t, -70);
        QVERIFY(!e.receiverOffline(0, 230));
        QVERIFY(e.receiverOffline(0, 200 + 10 * EngineConfig{}.receiverSilentGaps + 1));
        QVERIFY(!e.receiverOffline(1, 1000)); // never heard
        // A tag in the east room is not affected by the west receiver's silence.
        std::optional<Fix> f;
        for (int t = 301; t <= 340; ++t) {
            feedExcept(e, 1, gws, 8, 5, t - 1, t, 0);
            f = e.update(1, t);
        }
        QCOMPARE(f->roomState, RoomState::Known);
        QCOMPARE(f->room, QStringLiteral("east"));
    }

    void sporadicTagKeepsItsRoomStaleUntilItsWindowFills()
    {
        const auto gws = twoRooms();
        EngineConfig cfg;
        Engine e(gws, cfg, westEast());
        // A second tag keeps every receiver heard throughout.
        std::optional<Fix> f;
        for (int t = 1; t <= 60; ++t) {
            feed(e, 0, gws, 2, 5, t - 1, t);
            feed(e, 1, gws, 5, 11, t - 1, t);
            f = e.update(0, t);
        }
        QCOMPARE(f->room, QStringLiteral("west"));
        // Silent for 90 s, then one advert as if from the east room (a reflection, or a move).
        for (int t = 61; t <= 150; ++t) {
            feed(e, 1, gws, 5, 11, t - 1, t);
            QVERIFY(!e.update(0, t) || t < 80); // nothing recent: no fix at all
        }
        for (int g = 0; g < 4; ++g)
            e.addReport(0, g, 150, modelRssi(gws[size_t(g)], 8.5, 5, 1.2));
        f = e.update(0, 150.5);
        QVERIFY(f);
        QCOMPARE(f->roomState, RoomState::Stale);
        QCOMPARE(f->room, QStringLiteral("west"));
        QVERIFY2(f->unknownReason.startsWith(QStringLiteral("stale")), qPrintable(f->unknownReason));
        // Still one packet more 10 s later: still stale (too few adverts since).
        for (int g = 0; g < 4; ++g)
            e.addReport(0, g, 160, modelRssi(gws[size_t(g)], 8.5, 5, 1.2));
        f = e.update(0, 160.5);
        QCOMPARE(f->roomState, RoomState::Stale);
        QCOMPARE(f->room, QStringLiteral("west"));
        // Then it advertises as usual from the east room: once its window has filled, the room
        // follows the evidence.
        for (int t = 161; t <= 200; ++t) {
            feed(e, 0, gws, 8.5, 5, t - 1, t);
            f = e.update(0, t);
        }
        QCOMPARE(f->roomState, RoomState::Known);
        QCOMPARE(f->room, QStringLiteral("east"));
    }
};

QTEST_GUILESS_MAIN(TestRoomState)
#include "tst_positioning_roomstate.moc"
