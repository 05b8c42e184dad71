// Each of the core's collaborators (core/) on its own, without the orchestrator, a thread or a
// broker: Inbox, EventDedup, WardState, TagFixes, EngineShare, Presence, news2Now, AlarmRules, Census,
// ResponderTracker, PositionHistory.
// (WardCore, the orchestrator, is tested through tst_models, tst_alarms, tst_census and others.)
#include "alarm_support.h"
#include "core/alarmrules.h"
#include "core/census.h"
#include "core/engineshare.h"
#include "core/eventdedup.h"
#include "core/inbox.h"
#include "core/news2score.h"
#include "core/positionhistory.h"
#include "core/wardcore.h"
#include "core/presence.h"
#include "core/responders.h"
#include "core/tagfixes.h"
#include "core/wardstate.h"

#include <numeric>
#include <QSignalSpy>
#include <QTest>

using namespace ww;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

struct Ward
{
    Ward() : loaded(SiteLoader::loadDefault()), site(*loaded.site), directory(site), clock(T0) {}
    SiteLoadResult loaded;
    const Site& site;
    DeviceDirectory directory;
    ManualClock clock;
    IngestStats stats;
};

VitalsUpdate vitals(const QString& monitor, qint64 t, VitalKind kind, double value)
{
    VitalsUpdate v;
    v.deviceId = monitor;
    v.deviceTimeMs = v.receiveTimeMs = t;
    v.samples = {VitalSample{kind, value, t}};
    return v;
}

// One tag heard by a gateway at t, the lower-numbered gateways louder.
BeaconBatch heardBy(int gateway, int tag, qint64 t)
{
    return BeaconBatch{gateway, t, t, {{tag, t, qint16(-50 - 4 * gateway), -59}}, 0};
}

// The alarm engine as ResponderTracker::update reads it.
struct Alarms
{
    std::vector<AlarmState> all;
    template <typename F> void forEach(F&& f) const
    {
        for (const auto& x : all)
            f(x);
    }
    const AlarmState* find(const QString& id) const
    {
        for (const auto& x : all)
            if (x.id == id)
                return &x;
        return nullptr;
    }
};

} // namespace

class TestCoreParts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inboxKeepsArrivalOrderAndWakesOnce()
    {
        Inbox inbox;
        const Topics topics(QStringLiteral("w7"));
        const QByteArray a = topics.adverts(QStringLiteral("g1")).toUtf8(), e = topics.event(QStringLiteral("wb-1")).toUtf8();
        const QByteArray p1("one"), p2("two");
        auto span = [](const QByteArray& b) { return std::span(reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())); };
        // Live readings wait for the drain tick; the first urgent frame asks for a wake-up, a second
        // one does not while that wake-up is pending.
        QVERIFY(!inbox.addFrame(a.constData(), topics.parse(a.constData()), span(p1), 1, false));
        QVERIFY(inbox.addFrame(e.constData(), topics.parse(e.constData()), span(p2), 2, true));
        QVERIFY(!inbox.addFrame(e.constData(), topics.parse(e.constData()), span(p2), 3, true));
        QVERIFY(!inbox.addDecoded(QVector<Decoded>{StationPresenceMsg{}}, true));
        QStringList seen;
        const QVector<Decoded> decoded = inbox.take([&](const Inbox::Frame& f) {
            seen << QStringLiteral("%1 %2 %3 %4")
                        .arg(QLatin1String(f.topic), QString::fromStdString(std::string(f.parsed.id)))
                        .arg(QByteArray(reinterpret_cast<const char*>(f.payload.data()), qsizetype(f.payload.size())))
                        .arg(f.rxMs);
        });
        QCOMPARE(seen, (QStringList{QStringLiteral("%1 g1 one 1").arg(QString::fromUtf8(a)),
                                    QStringLiteral("%1 wb-1 two 2").arg(QString::fromUtf8(e)),
                                    QStringLiteral("%1 wb-1 two 3").arg(QString::fromUtf8(e))}));
        QCOMPARE(decoded.size(), 1);
        // Taken: the next urgent input wakes the core again; nothing is taken twice.
        QVERIFY(inbox.addDecoded(QVector<Decoded>{StationPresenceMsg{}}, true));
        int frames = 0;
        QCOMPARE(inbox.take([&](const Inbox::Frame&) { ++frames; }).size(), 1);
        QCOMPARE(frames, 0);
    }

    void eventDedupDropsRepeatsOfTheSameBoot()
    {
        EventDedup dedup;
        auto ev = [](const QString& device, quint32 boot, quint32 seq) {
            return DeviceEventMsg{device, T0, T0, boot, seq, DeviceEventKind::Panic, false};
        };
        QVERIFY(dedup.first(ev(QStringLiteral("wb-1"), 1, 1)));
        QVERIFY(!dedup.first(ev(QStringLiteral("wb-1"), 1, 1)));  // the same press again
        QVERIFY(dedup.first(ev(QStringLiteral("wb-1"), 2, 1)));   // after a reboot: a new press
        QVERIFY(dedup.first(ev(QStringLiteral("wb-2"), 1, 1)));   // another device
        for (quint32 seq = 2; seq < 2 + EventDedup::Window; ++seq)
            QVERIFY(dedup.first(ev(QStringLiteral("wb-1"), 1, seq)));
        QVERIFY(dedup.first(ev(QStringLiteral("wb-1"), 1, 1))); // past the window: forgotten
        QVERIFY(!dedup.first(ev(QStringLiteral("wb-1"), 1, 1000)));
    }

    // Sequence numbers skipped are missing; one that arrives late fills its place; those still
    // missing after the grace are lost, reported once per device and gap; a new boot counts from 1.
    void eventDedupFindsWhatNeverArrived()
    {
        EventDedup dedup;
        auto ev = [](const QString& device, quint32 boot, quint32 seq) {
            return DeviceEventMsg{device, T0, T0, boot, seq, DeviceEventKind::Panic, false};
        };
        const QString wb = QStringLiteral("wb-1");
        QVERIFY(dedup.first(ev(wb, 3, 40), 0)); // the first since this station started: counting begins
        QVERIFY(dedup.first(ev(wb, 3, 41), 0));
        QVERIFY(dedup.first(ev(wb, 3, 45), 100)); // 42-44 missing
        QCOMPARE(dedup.missingNow(), size_t(3));
        QVERIFY(dedup.first(ev(wb, 3, 43), 200)); // late: not lost
        QCOMPARE(dedup.missingNow(), size_t(2));
        QVERIFY(dedup.takeLost(5000, 10'000).empty()); // still within the grace
        auto lost = dedup.takeLost(10'100, 10'000);
        QCOMPARE(lost.size(), size_t(1));
        QCOMPARE(lost[0].deviceId, wb);
        QCOMPARE(lost[0].boot, 3u);
        QCOMPARE(lost[0].firstSeq, 42u);
        QCOMPARE(lost[0].lastSeq, 44u);
        QCOMPARE(lost[0].count, quint64(2));
        QCOMPARE(dedup.lostCount(), quint64(2));
        QVERIFY(dedup.takeLost(60'000, 10'000).empty()); // reported once
        // The device restarted: its new boot's first event is 3, so 1 and 2 never arrived.
        QVERIFY(dedup.first(ev(wb, 4, 3), 70'000));
        QVERIFY(dedup.first(ev(QStringLiteral("wb-2"), 1, 9), 70'000)); // another device: its own count
        lost = dedup.takeLost(80'000, 10'000);
        QCOMPARE(lost.size(), size_t(1));
        QCOMPARE(lost[0].boot, 4u);
        QCOMPARE(lost[0].count, quint64(2));
        QCOMPARE(dedup.lostCount(), quint64(4));
        // A wild jump is bounded: what does not fit is counted lost at once, never allocated.
        QVERIFY(dedup.first(ev(wb, 4, 4'000'000'000u), 90'000));
        QCOMPARE(dedup.missingNow(), EventDedup::MaxMissing);
        lost = dedup.takeLost(100'000, 10'000);
        QCOMPARE(std::accumulate(lost.begin(), lost.end(), quint64(0), [](quint64 n, const EventDedup::Lost& l) { return n + l.count; }),
                 quint64(4'000'000'000u - 4)); // 4 .. 3 999 999 999
    }

    void news2NowScoresWhatIsFreshAndSaysWhatIsMissing()
    {
        PatientRow p;
        p.id = QStringLiteral("P1");
        p.vitalsSignal = SignalState::Live;
        auto set = [&](VitalKind k, double v, qint64 t) { p.vitals[size_t(k)] = Reading{v, t, true}; };
        const News2Settings cfg;
        News2StationInputs in;
        QVERIFY(!news2Now(p, in, cfg, T0).any);
        set(VitalKind::RespRate, 25, T0);    // 3
        set(VitalKind::SpO2, 95, T0);        // 1
        set(VitalKind::SystolicBp, 120, T0); // 0
        set(VitalKind::HeartRate, 95, T0);   // 1
        set(VitalKind::Temperature, 37.0, T0);
        News2Now n = news2Now(p, in, cfg, T0 + 1000);
        QVERIFY(n.any);
        QCOMPARE(n.total, 5);
        QVERIFY(n.partial); // no ACVPU/O2 entered
        QCOMPARE(n.missing, QStringList{QStringLiteral("ACVPU/O2")});
        QCOMPARE(int(n.band), int(news2::Response::Urgent));
        QVERIFY(n.bandPriority == cfg.urgent);
        in.enteredMs = T0;
        in.onOxygen = true; // 2
        n = news2Now(p, in, cfg, T0 + 1000);
        QVERIFY(!n.partial);
        QCOMPARE(n.total, 7);
        QVERIFY(n.bandPriority == cfg.emergency);
        // A reading older than the limit is missing, and the total a lower bound.
        n = news2Now(p, in, cfg, T0 + qint64(cfg.vitalsMaxAgeS) * 1000 + 1);
        QVERIFY(n.partial);
        QVERIFY(n.missing.contains(QStringLiteral("RR")));
    }

    void positionHistoryKeepsTwelveHoursCompactly()
    {
        const std::vector<QString> rooms{QStringLiteral("A"), QStringLiteral("B")};
        PositionHistory h(rooms, 2);
        // A walker heard every second for 13 hours, up and down a 40 m corridor.
        auto x = [](qint64 s) { return double(s % 80 < 40 ? s % 80 : 80 - s % 80); };
        const qint64 hours13 = 13 * 3600;
        for (qint64 s = 0; s <= hours13; ++s)
            h.record(0, Location{QStringLiteral("A"), {}, 1, x(s), 5, 1.5, T0 + s * 1000, true});
        const qint64 now = T0 + hours13 * 1000;
        // At most one sample per 2 s (and the newest), 12 hours of them: 259 KB at most.
        QVERIFY2(h.samples() <= size_t(12 * 3600 / 2 + 2), qPrintable(QString::number(h.samples())));
        QVERIFY(h.samples() >= size_t(12 * 3600 / 2 - 2));
        QVERIFY(h.bytes() <= 260'000);
        // Half an hour ago: within 2 s of where the walker was (1 m/s), on its floor, in its room.
        const qint64 then = now - 1800 * 1000 + 300;
        const auto p = h.at(0, then);
        QVERIFY(p);
        QVERIFY(then - p->timeMs < 2000);
        QVERIFY2(std::abs(p->x - x((p->timeMs - T0) / 1000)) < 0.11, qPrintable(QString::number(p->x)));
        QCOMPARE(p->roomId, QStringLiteral("A"));
        QCOMPARE(p->floor, 1);
        QCOMPARE(p->accuracyM, 1.5);
        // The newest is always kept; 13 hours ago is gone; before the first sample, nothing.
        QCOMPARE(h.at(0, now)->timeMs, now);
        QVERIFY(!h.at(0, T0 + 30 * 60'000));
        QVERIFY(!h.at(0, T0 - 1));
        QVERIFY(!h.at(1, now)); // a tag never located
        // A room change within the spacing is kept; an older sample than the newest is not; maxAge.
        h.record(1, Location{QStringLiteral("A"), {}, 1, 1, 1, 1, now, true});
        h.record(1, Location{QStringLiteral("A"), {}, 1, 1.2, 1, 1, now + 300, true});
        h.record(1, Location{QStringLiteral("B"), {}, 1, 6, 1, 1, now + 600, true});
        h.record(1, Location{QStringLiteral("A"), {}, 1, 9, 9, 1, now + 100, true});
        const auto track = h.track(1, now, now + 1000);
        QCOMPARE(int(track.size()), 3);
        QCOMPARE(track.back().roomId, QStringLiteral("B"));
        QCOMPARE(track.back().x, 6.0);
        QVERIFY(h.at(1, now + 10'000, 60'000));
        QVERIFY(!h.at(1, now + 120'000, 60'000));
        h.record(1, Location{}); // unknown: not recorded
        QCOMPARE(int(h.track(1, now, now + 1000).size()), 3);
    }

    // A payload over the limit is counted and dropped where it arrives, before it is copied; one
    // within the limit is queued and applied at the next drain.
    void coreRefusesOversizedFramesBeforeCopying()
    {
        Ward w;
        IngestConfig config;
        config.maxPayloadBytes = 1024;
        WardCore core(w.site, w.directory, w.clock, w.stats, config);
        const QByteArray topic = core.topics().status(w.site.patients.front().wristband).toUtf8();
        const QByteArray big(4096, 'x');
        core.receive(topic.constData(), std::span(reinterpret_cast<const std::byte*>(big.constData()), size_t(big.size())), T0);
        QCOMPARE(w.stats.snapshot().byReason[size_t(RejectReason::Oversized)], quint64(1)); // at once, not at the drain
        QCOMPARE(w.stats.snapshot().received, quint64(1));
        core.receive(topic.constData(), {}, T0); // an empty status clears a retained one: accepted
        QCOMPARE(w.stats.snapshot().received, quint64(1)); // queued, not yet decoded
        core.flushNow();
        QCOMPARE(w.stats.snapshot().received, quint64(2));
        QCOMPARE(w.stats.snapshot().accepted, quint64(1));
        QCOMPARE(w.stats.snapshot().byReason[size_t(RejectReason::Oversized)], quint64(1));
    }

    void coreLooksBack()
    {
        Ward w;
        WardCore core(w.site, w.directory, w.clock, w.stats);
        core.setPositionSource(PositionSource::Engines);
        const Patient& p = w.site.patients.front();
        const Room* room = w.site.room(w.site.bed(p.bed)->room);
        QVERIFY(room);
        const QPointF c = room->centre();
        core.apply(QVector<Decoded>{PositionMsg{p.wristband, T0, c.x(), c.y(), room->floor, room->id, 1.0, 0.9, QStringLiteral("e")},
                                    PositionMsg{p.wristband, T0 + 60'000, c.x() + 1, c.y(), room->floor, room->id, 1.0, 0.9,
                                                QStringLiteral("e")}});
        QSignalSpy at(&core, &WardCore::positionsAt);
        core.queryPositionsAt(QStringLiteral("r1"), T0 + 30'000, -1);
        QCOMPARE(at.size(), 1);
        const auto positions = at[0][2].value<QVector<TagPosition>>();
        const auto mine = std::find_if(positions.begin(), positions.end(), [&](const TagPosition& t) { return t.tagId == p.wristband; });
        QVERIFY(mine != positions.end());
        QCOMPARE(mine->at.x, std::round(c.x() * 10) / 10);
        QCOMPARE(mine->at.roomId, room->id);
        QSignalSpy tracks(&core, &WardCore::track);
        core.queryTrack(QStringLiteral("r2"), p.wristband, T0, T0 + 60'000);
        QCOMPARE(tracks.size(), 1);
        QCOMPARE(tracks[0][2].value<QVector<TrackPoint>>().size(), 2);
    }

    void wardStateMarksWhatChanged()
    {
        Ward w;
        WardState state(w.site, w.directory, w.clock, w.stats);
        const Patient& p = w.site.patients.front();
        QVERIFY(state.takeUpdate()->empty());
        const int row = state.apply(vitals(p.monitor, T0, VitalKind::SpO2, 96));
        QCOMPARE(row, state.rowOfPatient(p.id));
        QCOMPARE(state.rows().patients[size_t(row)].vitals[size_t(VitalKind::SpO2)].value, 96.0);
        auto update = state.takeUpdate();
        QCOMPARE(int(update->patients.size()), 1);
        QCOMPARE(update->patients.front().first, row);
        QCOMPARE(int(update->devices.size()), 1); // the monitor was heard
        QVERIFY(state.takeUpdate()->empty());     // taken once

        // An older sample arriving late never overwrites a newer one.
        state.apply(vitals(p.monitor, T0 - 5000, VitalKind::SpO2, 80));
        QCOMPARE(state.rows().patients[size_t(row)].vitals[size_t(VitalKind::SpO2)].value, 96.0);

        // Unknown devices are counted, never applied.
        const quint64 before = w.stats.snapshot().byReason[size_t(RejectReason::UnknownDevice)];
        QCOMPARE(state.apply(vitals(QStringLiteral("no-such-monitor"), T0, VitalKind::SpO2, 50)), -1);
        QCOMPARE(w.stats.snapshot().byReason[size_t(RejectReason::UnknownDevice)], before + 1);

        // Silence past the device's limit is "no signal" for the device and its patient.
        QCOMPARE(state.rows().patients[size_t(row)].vitalsSignal, SignalState::Live);
        w.clock.advance(qint64(w.site.timingFor(DeviceKind::VitalsMonitor).silentAfterS * 1000) + 1000);
        state.checkSignals();
        QCOMPARE(state.rows().patients[size_t(row)].vitalsSignal, SignalState::NoSignal);
    }

    void wardStateLocatesAssetsWithTheirRoomsStatus()
    {
        Ward w;
        WardState state(w.site, w.directory, w.clock, w.stats);
        const Asset& a = w.site.assets.front();
        const Room* clean = nullptr;
        for (const Room& r : w.site.rooms)
            if (r.kind == RoomKind::UtilityClean && !clean)
                clean = &r;
        QVERIFY(clean);
        const int tag = w.directory.tag(a.tag.toStdString());
        state.setLocation(tag, Location{clean->id, clean->name, clean->floor, clean->centre().x(), clean->centre().y(), 1, T0, true});
        const auto update = state.takeUpdate();
        QCOMPARE(int(update->assets.size()), 1);
        QVERIFY(update->assets.front().second.status == AssetStatus::Available);
        QCOMPARE(update->assets.front().second.location.roomId, clean->id);
    }

    void tagFixesOncePerSecondAndOnlyOwnTags()
    {
        Ward w;
        TagFixes fixes(w.site, w.directory);
        const int tag = w.directory.tag(w.site.patients.front().wristband.toStdString());
        std::vector<int> located;
        auto all = [](int) { return true; };
        auto record = [&](int t, const pos::Fix&, qint64) { located.push_back(t); };
        for (int g = 0; g < std::min(6, w.directory.gatewayCount()); ++g)
            fixes.add(heardBy(g, tag, T0));
        QCOMPARE(fixes.pending(), 1);
        QCOMPARE(fixes.fix(all, record), 1);
        QCOMPARE(located, std::vector<int>{tag});
        // Heard again within a second: its fix waits.
        fixes.add(heardBy(0, tag, T0 + 400));
        QCOMPARE(fixes.fix(all, record), 0);
        QCOMPARE(fixes.pending(), 1);
        // A tag this process does not compute is left to its owner.
        fixes.add(heardBy(0, tag, T0 + 1500));
        QCOMPARE(fixes.fix([](int) { return false; }, record), 0);
        QCOMPARE(fixes.pending(), 0);
        QCOMPARE(located.size(), size_t(1));
    }

    void engineShareSplitsTheTags()
    {
        const std::vector<QString> tags{QStringLiteral("t1"), QStringLiteral("t2"), QStringLiteral("t3"), QStringLiteral("t4"),
                                        QStringLiteral("t5"), QStringLiteral("t6"), QStringLiteral("t7"), QStringLiteral("t8")};
        EngineShare share(tags);
        QVERIFY(!share.enabled());
        QVERIFY(!share.owns(0));
        QVERIFY(!share.setPeers({QStringLiteral("b")})); // not an engine: nothing to share
        share.enable(QStringLiteral("a"));
        QCOMPARE(share.ownedCount(), 8);
        QVERIFY(share.setPeers({QStringLiteral("b")}));
        QCOMPARE(share.engines(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(!share.setPeers({QStringLiteral("b")})); // unchanged
        int owned = 0;
        for (int t = 0; t < 8; ++t) {
            QCOMPARE(share.owns(t), EngineShare::ownerOf(tags[size_t(t)], share.engines()) == u"a");
            owned += share.owns(t);
        }
        QCOMPARE(owned, share.ownedCount());
        QVERIFY(owned > 0 && owned < 8);
        QVERIFY(share.setPeers({}));
        QCOMPARE(share.ownedCount(), 8);
    }

    void presenceKnowsWhoElseIsOnline()
    {
        Presence presence(QStringLiteral("hash-1"));
        presence.setStationId(QStringLiteral("me"));
        auto msg = [](const QString& id, bool online, const QString& hash, bool engine) {
            StationPresenceMsg m;
            m.stationId = id;
            m.online = online;
            m.siteHash = hash;
            m.engine = engine;
            return m;
        };
        QVERIFY(presence.alone());
        QVERIFY(!presence.apply(msg(QStringLiteral("me"), true, QStringLiteral("hash-1"), false))); // its own
        QVERIFY(presence.alone());
        QVERIFY(presence.apply(msg(QStringLiteral("st-2"), true, QStringLiteral("hash-2"), false)));
        QVERIFY(presence.apply(msg(QStringLiteral("eng-b"), true, QStringLiteral("hash-1"), true)));
        QVERIFY(presence.apply(msg(QStringLiteral("eng-a"), true, QStringLiteral("hash-1"), true)));
        QVERIFY(!presence.alone());
        QCOMPARE(presence.stations(), QStringList{QStringLiteral("st-2")});
        QCOMPARE(presence.engines(), (QStringList{QStringLiteral("eng-a"), QStringLiteral("eng-b")}));
        QCOMPARE(presence.mismatched(), QStringList{QStringLiteral("st-2")});
        QVERIFY(presence.apply(msg(QStringLiteral("st-2"), false, QString(), false)));
        QVERIFY(presence.alone());
        QVERIFY(presence.mismatched().isEmpty());
        QVERIFY(!presence.noEngine());
    }

    void alarmRulesRaiseAfterTheDelayAndPublish()
    {
        Ward w;
        WardState state(w.site, w.directory, w.clock, w.stats);
        test::Published out;
        AlarmRules rules(w.site, w.clock, state, QStringLiteral("st-1"), nullptr, &out, nullptr);
        const Patient& p = w.site.patients.front();
        const VitalLimit* low = nullptr;
        for (const VitalLimit& l : w.site.alarms.vitalLimits)
            if (l.kind == VitalKind::SpO2 && l.below && !low)
                low = &l;
        QVERIFY(low);
        const double value = *low->below - 3;
        // Below the limit, but not yet for the rule's delay: nothing.
        const int row = state.apply(vitals(p.monitor, T0, VitalKind::SpO2, value));
        rules.evaluatePatient(row, w.clock.nowMs());
        QVERIFY(out.states.empty());
        for (qint64 s = 1; s <= low->delayS + 1; ++s) {
            w.clock.advance(1000);
            state.apply(vitals(p.monitor, w.clock.nowMs(), VitalKind::SpO2, value));
            rules.evaluatePatient(row, w.clock.nowMs());
        }
        QVERIFY(!out.states.empty());
        const AlarmState& a = out.states.back();
        QCOMPARE(a.rule, low->id);
        QVERIFY(a.priority == low->priority);
        QVERIFY2(a.subject.contains(p.name), qPrintable(a.subject));
        // The patient leaving the census ends it (and the station publishes that).
        const QString id = a.id;
        QVERIFY(!out.states.back().ended());
        rules.forgetPatient(row, p.id);
        QCOMPARE(out.states.back().id, id);
        QVERIFY(out.states.back().ended());
    }

    void censusFollowsOtherStationsWithoutARecord()
    {
        Ward w;
        WardState state(w.site, w.directory, w.clock, w.stats);
        Census census(w.site, w.clock, state);
        QSignalSpy results(&census, &Census::result);
        // No record: this station cannot make changes, and says why.
        census.admit(w.site.beds.back().id, QStringLiteral("P9"), QStringLiteral("A Name"), {}, {}, QStringLiteral("S02"),
                     QStringLiteral("N"));
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.front().at(0).toBool(), false);
        QVERIFY(results.front().at(1).toString().contains(QStringLiteral("no record")));
        // Another station's entry for a bed: applied; an older one for the same bed: not.
        QString vacantBed;
        for (const PatientRow& r : state.rows().patients)
            if (r.vacant() && vacantBed.isEmpty())
                vacantBed = r.bed;
        QVERIFY(!vacantBed.isEmpty());
        CensusEntryMsg e;
        e.bed = vacantBed;
        e.patientId = QStringLiteral("P9");
        e.patientName = QStringLiteral("Nine");
        e.timeMs = T0;
        e.stationId = QStringLiteral("st-2");
        census.apply(e);
        QCOMPARE(state.rows().patients[size_t(state.rowOfBed(vacantBed))].id, QStringLiteral("P9"));
        CensusEntryMsg older = e;
        older.patientId = QStringLiteral("P8");
        older.timeMs = T0 - 1;
        census.apply(older);
        QCOMPARE(state.rows().patients[size_t(state.rowOfBed(vacantBed))].id, QStringLiteral("P9"));
        QCOMPARE(state.rowOfPatient(QStringLiteral("P8")), -1);
    }

    void responderTrackerNamesTheNearest()
    {
        Ward w;
        std::vector<StaffRow> staff;
        const Room* target = nullptr;
        for (const Room& r : w.site.rooms)
            if (r.kind == RoomKind::PatientRoom && !target)
                target = &r;
        QVERIFY(target);
        for (int i = 0; i < 2; ++i) {
            const StaffMember& m = w.site.staff[size_t(i)];
            StaffRow s;
            s.id = m.id;
            s.name = m.name;
            s.role = m.role;
            s.badge = m.badge;
            s.signal = SignalState::Live;
            const QPointF c = target->centre();
            // The first in the room, the second 20 m along the corridor's axis.
            s.location = i == 0 ? Location{target->id, target->name, target->floor, c.x(), c.y(), 1, T0, true}
                                : Location{QString(), QString(), target->floor, c.x() + 20, c.y(), 1, T0, true};
            staff.push_back(s);
        }
        ResponderTracker tracker(w.site, staff);
        AlarmState a;
        a.id = QStringLiteral("event.fall:x:1");
        a.rule = QStringLiteral("event.fall");
        a.category = AlarmCategory::Event;
        a.roomId = target->id;
        const Responders near = tracker.respondersFor(a);
        QVERIFY(!near.isEmpty());
        QCOMPARE(near.front().staffId, w.site.staff[0].id);
        QCOMPARE(near.front().distanceM, 0);
        QCOMPARE(tracker.escalationTarget(a, NearestStaffTarget).first, w.site.staff[0].badge);
        QCOMPARE(tracker.escalationTarget(a, QStringLiteral("charge-nurse")).first, QStringLiteral("charge-nurse"));
        // The map follows the alarms it was told about.
        Alarms alarms{{a}};
        QVERIFY(!tracker.touched());
        tracker.touch(a.id);
        QVERIFY(tracker.update(alarms, false));
        QCOMPARE(tracker.map().value(a.id).front().staffId, w.site.staff[0].id);
        QVERIFY(!tracker.update(alarms, false)); // nothing touched, nobody moved
        alarms.all.clear();
        tracker.touch(a.id);
        QVERIFY(tracker.update(alarms, false)); // gone from the engine: gone from the map
        QVERIFY(tracker.map().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCoreParts)
#include "tst_core_parts.moc"
