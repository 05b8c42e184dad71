// Room-level evaluation on the simulated default ward: wardsim's traffic (its own radio model, not
// the engine's) is decoded through the real wire decoder and fed to the positioning engine, in
// simulated time, without a broker. Scored once a second per tag against the simulator's truth:
// room accuracy ("unknown" counted wrong, its rate reported apart), room changes while a tag stands
// still for 10 minutes or more, and the static RMSE beside the Cramér–Rao bound of the layout.
//
// usage: ww_eval_ward [MINUTES] [SEED] [--check]
//   --check: exit 1 unless room accuracy >= CHECK_ACCURACY and, when CHECK_STILL_CHANGES is set,
//            room changes of tags standing still for 10 minutes <= it (what holds today, see ctest).
// WW_EVAL_GATEWAY_OFF=ID@SECONDS kills that gateway in the simulator and reports, for the tags
// whose true room is the gateway's room, the share of their fixes after the kill that name a
// wrong room confidently and the share answered "unknown, near"; with --check,
// CHECK_GATEWAY_OFF_WRONG (percent) also exits 1 when the wrong share after the kill is above it,
// CHECK_GATEWAY_OFF_NEAR when the share "unknown, near" the true room from receiverSilentS after
// the kill is below it.
// WW_EVAL_RESTART_AT=SECONDS restarts the station there (WW_EVAL_RESTART=cold: from nothing; else
// recalling the old engine's memory) and reports the five minutes after it apart; with --check,
// CHECK_RESTART_CHANGES exits 1 when the room changes of tags whose true room stayed are above it.
// Exploration: WW_EVAL_MOTION_TRUTH=1 gives the engine the simulator's truth of who moves in place
// of its motion statistic (Engine::setMotionTruth), to measure what motion detection costs;
// WW_EVAL_PAIRSHADOW, WW_EVAL_RXOFFSET and the like turn the hard radio's parts up or down one by
// one (docs/positioning.md, "What limits the hard radio"); WW_EVAL_TRACE=FILE writes a line per
// scored fix, with WW_EVAL_TRACE_MOTION=1 the motion state and the reason of a room decision made
// at that fix.
#include "positioning/engine.h"
#include "transport/wirecodec.h"
#include "wardsimulation.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>
#include <algorithm>
#include <map>

using namespace ww;

namespace {

struct TagTruth
{
    double x = 0, y = 0;
    int floor = 0;
    QString room;
    bool moving = false;
    double stillSince = 0; // simulated time since which the tag has not moved
};

// The q-quantile of sorted values, by the nearest lower rank (0 when there are none).
double quantile(const std::vector<double>& sorted, double q)
{
    return sorted.empty() ? 0.0 : sorted[size_t(q * double(sorted.size() - 1))];
}

} // namespace

std::vector<pos::Receiver> receiversOf(const Site& site)
{
    std::vector<pos::Receiver> out;
    for (const auto& g : site.gateways)
        out.push_back({g.id, g.x, g.y, g.z, g.floor, g.rssiAt1m, g.exponent});
    return out;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double minutes = args.value(1, QStringLiteral("30")).toDouble();
    const quint64 seed = args.value(2, QStringLiteral("1")).toULongLong();
    const bool check = args.contains(QStringLiteral("--check"));
    const double checkAccuracy = qEnvironmentVariableIsSet("CHECK_ACCURACY") ? qEnvironmentVariable("CHECK_ACCURACY").toDouble() : 0.9;
    const Site site = *SiteLoader::loadDefault().site;
    const DeviceDirectory directory(site);

    const auto receivers = receiversOf(site);
    pos::EngineConfig config;
    // Exploration only (tune on one seed, score on another); ctest uses the defaults.
    auto env = [](const char* name, double& v) {
        if (qEnvironmentVariableIsSet(name))
            v = qEnvironmentVariable(name).toDouble();
    };
    env("WW_EVAL_MARGIN", config.proximityMarginDb);
    env("WW_EVAL_WINDOW", config.windowS);
    env("WW_EVAL_MEMORY", config.roomMemoryS);
    env("WW_EVAL_RATIO", config.roomSwitchRatio);
    env("WW_EVAL_CORRIDOR", config.corridorVoteWeight);
    env("WW_EVAL_ACCEL", config.accelNoise);
    env("WW_EVAL_RECENT", config.levelTimeConstantWindows);
    env("WW_EVAL_REST", config.restLevelsAfterS);
    env("WW_EVAL_FADE", config.restFadeSdDb);
    if (qEnvironmentVariableIsSet("WW_EVAL_WORN")) // every tag carried on a body (the simulator has no bodies)
        config.worn = qEnvironmentVariableIntValue("WW_EVAL_WORN") != 0;
    env("WW_EVAL_MOVE", config.roomMoveRatePerS);
    env("WW_EVAL_JUMP", config.roomJumpPerS);
    env("WW_EVAL_RXSCALE", config.roomRxScaleDb);
    env("WW_EVAL_GEO", config.roomGeoWeight);
    env("WW_EVAL_SWITCH", config.roomSwitchNats);
    env("WW_EVAL_CPRIOR", config.roomCorridorPrior);
    env("WW_EVAL_HERE", config.roomHereNats);
    env("WW_EVAL_MODEL", config.roomModelWeight);
    env("WW_EVAL_RADIUS", config.roomModelRadiusM);
    auto envInt = [&](const char* name, int& v) {
        double d = v;
        env(name, d);
        v = int(d);
    };
    envInt("WW_EVAL_MAXGW", config.maxGateways);
    envInt("WW_EVAL_RMGW", config.roomModelGateways);
    env("WW_EVAL_EVIDENCE", config.roomEvidenceWeight);
    env("WW_EVAL_RESTSHARE", config.roomEvidenceRestShare);
    env("WW_EVAL_RESTEVS", config.roomEvidenceRestS);
    env("WW_EVAL_EVIDENCEMOVING", config.roomEvidenceWeightMoving);
    env("WW_EVAL_SWITCHMOVING", config.roomSwitchNatsMoving);
    env("WW_EVAL_MSLOW", config.motionSlowS);
    env("WW_EVAL_OFFSET", config.commonOffsetSdDb);
    env("WW_EVAL_SETTLE", config.settleAfterS);
    env("WW_EVAL_MSETTLE", config.motionSettleDb);
    env("WW_EVAL_CONFIRM", config.motionConfirmS);
    env("WW_EVAL_MOTIONAGREE", config.motionAgreeFactor);
    env("WW_EVAL_MOTIONAGREEHOLD", config.motionAgreeHoldS);
    env("WW_EVAL_UNSETTLEAGREE", config.unsettleAgreeFactor);
    env("WW_EVAL_RESTED", config.restedLongS);
    env("WW_EVAL_DWELLRESTED", config.roomDwellRestedS);
    env("WW_EVAL_MFAST", config.motionFastS);
    env("WW_EVAL_MTHRESH", config.motionThresholdDb);
    env("WW_EVAL_MNOISE", config.motionNoiseFactor);
    env("WW_EVAL_MSETTLENOISE", config.motionSettleNoiseFactor);
    env("WW_EVAL_MNOISERATE", config.motionNoiseRateDbPerS);
    env("WW_EVAL_MNOISEINIT", config.motionNoiseInitDb);
    env("WW_EVAL_MNOISESPEED", config.motionNoiseMaxSpeedMps);
    env("WW_EVAL_DWELL", config.roomDwellStillS);
    env("WW_EVAL_DWELLMOVE", config.roomDwellMovingS);
    env("WW_EVAL_DWELLPAUSED", config.roomDwellPausedS);
    env("WW_EVAL_FLOORDWELL", config.floorDwellS);
    env("WW_EVAL_UNSETTLE", config.unsettleDistanceM);
    env("WW_EVAL_RESTANCHOR", config.restAnchorS);
    env("WW_EVAL_UNSETTLECONFIRM", config.unsettleConfirmS);
    env("WW_EVAL_SILENT", config.receiverSilentS);
    if (qEnvironmentVariableIsSet("WW_EVAL_SELFCAL"))
        config.selfCalibrate = qEnvironmentVariableIntValue("WW_EVAL_SELFCAL") != 0;
    envInt("WW_EVAL_SCNEAR", config.selfCalibrationNearest);
    env("WW_EVAL_SCPRIOR", config.selfCalibrationPrior);
    env("WW_EVAL_SCEVERY", config.selfCalibrationEveryS);
    env("WW_EVAL_REFW", config.referenceWeight);
    if (qEnvironmentVariableIsSet("WW_EVAL_REFMODEL"))
        config.referenceLearnsModel = true;
    if (qEnvironmentVariableIsSet("WW_EVAL_VOTES"))
        config.roomHmm = false;

    pos::Engine engine = pos::engineForSite(site, config, &directory); // as the live core builds it

    const qint64 startMs = 1'780'000'000'000;
    std::map<QString, TagTruth> truth;
    sim::SimOptions opt; // synthetic vitals: only the radio matters here
    opt.seed = seed;
    // WW_EVAL_RADIO=hard: the simulator's radio harder than the engine's model (sim::hardRadio).
    const bool hard = qEnvironmentVariable("WW_EVAL_RADIO") == u"hard";
    if (hard)
        opt.radio = sim::hardRadio();
    // Each of the hard radio's parts alone (exploration), on either radio.
    env("WW_EVAL_PAIRSHADOW", opt.radio.pairShadowSdDb);
    env("WW_EVAL_PAIRTAU", opt.radio.pairShadowTauS);
    env("WW_EVAL_RXOFFSET", opt.radio.receiverOffsetM);
    env("WW_EVAL_DRIFT", opt.radio.driftDbPerHourSd);
    env("WW_EVAL_LOSSPM", opt.radio.lossPerMetre);
    env("WW_EVAL_BODY", opt.radio.bodyLossDb);
    env("WW_EVAL_BED", opt.radio.bedLossDb);
    env("WW_EVAL_SHELF", opt.radio.shelfLossDb);
    opt.eventRateScale = 0; // no silences: every tag is heard throughout
    QString offRoom; // the dead gateway's room
    double offAtS = -1;
    if (qEnvironmentVariableIsSet("WW_EVAL_GATEWAY_OFF")) {
        QString error;
        const auto off = sim::parseGatewayOff(qEnvironmentVariable("WW_EVAL_GATEWAY_OFF"), site, &error);
        if (!off) {
            QTextStream(stderr) << "WW_EVAL_GATEWAY_OFF: " << error << Qt::endl;
            return 2;
        }
        opt.gatewaysOff.push_back(*off);
        offAtS = off->atS;
        const Gateway& g = site.gateways[size_t(site.gatewayIndex(off->gateway))];
        for (const auto& r : site.rooms)
            if (r.floor == g.floor && r.polygon.contains(QPointF(g.x, g.y)))
                offRoom = r.id;
    }
    // Fixes of tags in the dead gateway's room: [0] all after the kill, [1] from receiverSilentS
    // after it (what holds once the engine can know), [2] before it (the same room's own errors).
    // Counts: right, wrong room named (known or stale), unknown near the true room, unknown near
    // another room or none, locating.
    struct OffCounts
    {
        int n = 0, right = 0, wrong = 0, nearTrue = 0, nearOther = 0, locating = 0;
    } offCounts[3];
    double simT = 0;
    sim::WardSimulation world(site, opt, startMs, [&](sim::Outgoing&& o) {
        if (o.topic.endsWith(QStringLiteral("/adv"))) {
            const QString gw = o.topic.section(u'/', -2, -2);
            DecodeContext ctx;
            ctx.nowMs = startMs + qint64(simT * 1000);
            ctx.receiveTimeMs = ctx.nowMs;
            ctx.directory = &directory;
            const QByteArray id = gw.toUtf8();
            const auto r = decodeWire(TopicKind::Adverts, std::string_view(id.constData(), size_t(id.size())),
                                      {reinterpret_cast<const std::byte*>(o.payload.constData()), size_t(o.payload.size())}, ctx);
            if (r.error)
                return;
            const auto& b = std::get<BeaconBatch>(r.messages[0]);
            for (const auto& rep : b.reports)
                engine.addReport(rep.tag, b.gateway, (rep.timeMs - startMs) / 1000.0, rep.rssi, rep.txPower);
        } else if (o.topic.contains(QStringLiteral("/truth/tag/"))) {
            const QJsonObject j = QJsonDocument::fromJson(o.payload).object();
            TagTruth& t = truth[o.topic.section(u'/', -1)];
            const double x = j.value(QStringLiteral("x")).toDouble(), y = j.value(QStringLiteral("y")).toDouble();
            if (t.room.isNull() || std::hypot(x - t.x, y - t.y) > 0.01 || j.value(QStringLiteral("moving")).toBool())
                t.stillSince = simT;
            t.x = x;
            t.y = y;
            t.floor = j.value(QStringLiteral("floor")).toInt();
            t.room = j.value(QStringLiteral("room")).toString();
            t.moving = j.value(QStringLiteral("moving")).toBool();
        }
    });

    QTextStream out(stdout);
    std::map<QString, int> missesByRoom, walkMisses;
    int movingN = 0, movingRight = 0, stillN = 0, stillRight = 0;
    std::map<int, int> motionHist[2]; // motion statistic in 0.5 dB bins, by truth still (0) / moving (1)
    int detected[2][2] = {}; // [truth moving][detected moving]
    int scored = 0, right = 0, unknown = 0, wrongFloor = 0, stillChanges = 0, stillTagMinutes = 0;
    double sq = 0, crlbSq = 0;
    int staticN = 0;
    std::vector<double> staticErrors;
    std::map<QString, std::vector<std::pair<double, double>>> circles; // radius, error
    QSet<QString> assetTags;
    for (const auto& a : site.assets)
        assetTags.insert(a.tag);
    std::map<int, QString> lastRoom;
    // Room changes of tags whose true room never changed in the run (between named rooms: "unknown"
    // is not a change), and how long a real room change takes to show.
    std::map<int, QString> lastNamed;
    std::map<int, std::pair<QString, int>> toShow; // per tag: a true room entered, not shown yet, since
    std::map<int, std::pair<int, int>> stayed;     // per tag: fix room changes, scored seconds
    std::map<int, std::pair<int, int>> stayedLater; // the same from startLeftOutS on
    const int startLeftOutS = 300; // the engine's first minutes: its start, as a station's restart
    QSet<int> roomChanged;                         // tags whose true room changed
    int notShown = 0;
    std::vector<std::pair<int, QString>> stayChangeLog; // WW_EVAL_FLIPS: every room change shown, per tag
    std::vector<double> showDelays;
    std::map<int, std::pair<QString, int>> truthRoomSince; // per tag: true room and since when
    std::map<int, int> walkMissAge, walkAge, walkGeoMissAge;
    std::map<int, std::pair<int, int>> restMissBySince; // seconds at rest (bin start) -> (fixes, missed)
    int covered[2] = {}, coverN[2] = {}; // at rest, walking // walking fixes by seconds since the true room changed
    std::map<int, std::pair<int, int>> walkByTag;            // per tag: walking fixes, of which missed
    const double warmup = 10;
    QFile trace(qEnvironmentVariable("WW_EVAL_TRACE")); // exploration: one line per scored fix
    if (!trace.fileName().isEmpty() && !trace.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(trace.fileName()));
    // With WW_EVAL_TRACE_MOTION each line adds the motion statistic, its two thresholds, the seconds
    // since the tag came to rest (0: not at rest) and the pending room (the tags explained: slower).
    const bool traceMotion = trace.isOpen() && qEnvironmentVariableIsSet("WW_EVAL_TRACE_MOTION");
    if (traceMotion)
        for (int tag = 0; tag < directory.tagCount(); ++tag)
            engine.setExplaining(tag, true);
    // WW_EVAL_RESTART_AT=S: the station restarts at second S (a new engine; with WW_EVAL_RESTART=cold
    // it starts from nothing, else it recalls the old one's memory, as the live core does), and the
    // five minutes after it are reported apart.
    const bool motionTruth = qEnvironmentVariableIntValue("WW_EVAL_MOTION_TRUTH") != 0;
    const int restartAt = qEnvironmentVariableIsSet("WW_EVAL_RESTART_AT") ? qEnvironmentVariableIntValue("WW_EVAL_RESTART_AT") : -1;
    const bool restartCold = qEnvironmentVariable("WW_EVAL_RESTART") == u"cold";
    std::map<int, std::pair<int, int>> afterRestart; // per tag: room changes, scored seconds in the five minutes
    int restartScored = 0, restartRight = 0, restartLocating = 0, recalled = 0;
    for (int second = 1; second <= int(minutes * 60); ++second) {
        if (second == restartAt) {
            const pos::Engine::Memory memory = engine.memory();
            engine = pos::engineForSite(site, config, &directory);
            if (!restartCold)
                recalled = engine.recall(memory);
            for (int tag = 0; tag < directory.tagCount() && traceMotion; ++tag)
                engine.setExplaining(tag, true);
        }
        while (simT < second) {
            simT += 0.1;
            world.step(0.1);
        }
        for (int tag = 0; tag < directory.tagCount(); ++tag) {
            if (motionTruth) // exploration: what a perfect motion detector would buy
                if (const auto o = truth.find(directory.tagId(tag)); o != truth.end())
                    engine.setMotionTruth(tag, o->second.moving ? 1 : 0);
            const auto f = engine.update(tag, second);
            const auto it = truth.find(directory.tagId(tag));
            if (!f || it == truth.end() || second < warmup)
                continue;
            const TagTruth& t = it->second;
            if (offAtS >= 0 && t.room == offRoom) {
                for (int k = 0; k < 3; ++k) {
                    if ((k == 2) != (second < offAtS) || (k == 1 && second < offAtS + config.receiverSilentS))
                        continue;
                    OffCounts& c = offCounts[k];
                    ++c.n;
                    if (f->roomState == RoomState::Locating)
                        ++c.locating;
                    else if (!f->room.isEmpty())
                        (f->room == t.room ? c.right : c.wrong) += 1;
                    else
                        (f->nearRoom == t.room ? c.nearTrue : c.nearOther) += 1;
                }
                if (qEnvironmentVariableIsSet("WW_EVAL_GATEWAY_OFF_TRACE") && second < offAtS + qEnvironmentVariableIntValue("WW_EVAL_GATEWAY_OFF_TRACE"))
                    out << "off " << second << " " << directory.tagId(tag) << " room " << f->room << " state " << int(f->roomState)
                        << " near " << f->nearRoom << " (" << f->unknownReason << ")" << Qt::endl;
            }
            if (trace.isOpen())
                trace.write(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                                .arg(second)
                                .arg(tag)
                                .arg(t.room, f->room.isEmpty() ? QStringLiteral("-") : f->room)
                                .arg(int(t.moving))
                                .arg(second - t.stillSince)
                                .arg(int(f->moving))
                                .arg(int(f->settled))
                                .toUtf8());
            if (traceMotion)
                if (const auto e = engine.explain(tag)) {
                    trace.write(QStringLiteral(" %1 %2 %3 %4 %5")
                                    .arg(f->motionDb, 0, 'f', 2)
                                    .arg(e->moveThresholdDb, 0, 'f', 2)
                                    .arg(e->settleThresholdDb, 0, 'f', 2)
                                    .arg(e->stillForS, 0, 'f', 0)
                                    .arg(e->pendingRoom.isEmpty() ? QStringLiteral("-") : e->pendingRoom)
                                    .toUtf8());
                    if (!e->decisions.empty() && e->decisions.back().t == f->t)
                        trace.write((QStringLiteral(" | ") + e->decisions.back().reason).toUtf8());
                }
            if (trace.isOpen())
                trace.write("\n");
            ++scored;
            if (f->room.isEmpty())
                ++unknown;
            else if (f->room == t.room)
                ++right;
            (t.moving ? movingN : stillN) += 1;
            if (truthRoomSince[tag].first != t.room) {
                if (toShow.count(tag))
                    ++notShown; // another change before this one showed
                if (!truthRoomSince[tag].first.isNull()) {
                    toShow[tag] = {t.room, second};
                    roomChanged.insert(tag);
                }
                truthRoomSince[tag] = {t.room, second};
            }
            if (const auto pending = toShow.find(tag); pending != toShow.end() && f->room == pending->second.first) {
                showDelays.push_back(second - pending->second.second);
                toShow.erase(pending);
            }
            ++stayed[tag].second;
            if (second >= startLeftOutS)
                ++stayedLater[tag].second;
            const bool inRestart = restartAt >= 0 && second >= restartAt && second < restartAt + 300;
            if (inRestart) {
                ++afterRestart[tag].second;
                ++restartScored;
                restartRight += !f->room.isEmpty() && f->room == t.room;
                restartLocating += f->roomState == RoomState::Locating;
            }
            if (!f->room.isEmpty() && !lastNamed[tag].isEmpty() && f->room != lastNamed[tag]) {
                if (inRestart)
                    ++afterRestart[tag].first;
                ++stayed[tag].first;
                if (second >= startLeftOutS)
                    ++stayedLater[tag].first;
                if (qEnvironmentVariableIsSet("WW_EVAL_FLIPS"))
                    stayChangeLog.push_back({tag, QStringLiteral("%1 #%2 %3 -> %4 (truth %5%6) still %7 s, motion %8%9")
                                                      .arg(second)
                                                      .arg(tag)
                                                      .arg(lastNamed[tag], f->room, t.room, t.moving ? QStringLiteral(" moving") : QString())
                                                      .arg(second - t.stillSince)
                                                      .arg(f->motionDb, 0, 'f', 1)
                                                      .arg(f->settled ? QStringLiteral(" settled") : QString())});
            }
            if (!f->room.isEmpty())
                lastNamed[tag] = f->room;
            if (t.moving) {
                const int age = std::min(second - truthRoomSince[tag].second, 20);
                walkAge[age] += 1;
                walkByTag[tag].first += 1;
                if (f->room != t.room) {
                    walkMissAge[age] += 1;
                    walkByTag[tag].second += 1;
                }
                QString geo; // the room the fix lies in: how much of the lag is the fix's
                for (const auto& r : site.rooms)
                    if (r.floor == f->floor && r.polygon.contains(QPointF(f->x, f->y)))
                        geo = r.id;
                walkGeoMissAge[age] += geo != t.room;
            }
            motionHist[t.moving][std::min(int(f->motionDb * 2), 30)] += 1;
            detected[t.moving][!f->settled] += 1;
            (t.moving ? movingRight : stillRight) += !f->room.isEmpty() && f->room == t.room;
            if (t.moving && f->room != t.room)
                walkMisses[t.room.contains(QStringLiteral("CORR")) ? QStringLiteral("corridor as ") + (f->room.contains(QStringLiteral("CORR")) ? QStringLiteral("other corridor") : QStringLiteral("room"))
                                                                   : QStringLiteral("room as ") + (f->room.contains(QStringLiteral("CORR")) ? QStringLiteral("corridor") : QStringLiteral("other room"))] += 1;
            if (!t.moving) {
                const int since = second - t.stillSince;
                const int bin = since < 5 ? 0 : since < 10 ? 5 : since < 20 ? 10 : since < 40 ? 20 : since < 80 ? 40 : since < 160 ? 80 : since < 320 ? 160 : 320;
                restMissBySince[bin].first += 1;
                restMissBySince[bin].second += f->room != t.room;
            }
            if (!t.moving && f->room != t.room)
                missesByRoom[t.room + QStringLiteral(" as ") + (f->room.isEmpty() ? QStringLiteral("unknown") : f->room) + QStringLiteral(" (") +
                             directory.tagId(tag) + QStringLiteral(" #") + QString::number(tag) + QStringLiteral(")")] += 1;
            wrongFloor += f->floor != t.floor;
            const bool still10 = !t.moving && second - t.stillSince >= 600;
            if (still10) {
                if (lastRoom.count(tag) && lastRoom[tag] != f->room) {
                    ++stillChanges;
                    if (qEnvironmentVariableIsSet("WW_EVAL_FLIPS"))
                        out << "flip " << second << " " << directory.tagId(tag) << " #" << tag << " " << lastRoom[tag] << " -> " << f->room
                            << " (truth " << t.room << ") motion " << f->motionDb << (f->settled ? " settled" : "") << Qt::endl;
                }
                if (second % 60 == 0)
                    ++stillTagMinutes;
            }
            lastRoom[tag] = f->room;
            if (qEnvironmentVariableIsSet("WW_EVAL_DEBUG") && tag == qEnvironmentVariableIntValue("WW_EVAL_DEBUG") &&
                (second % 20 == 0 || qEnvironmentVariableIsSet("WW_EVAL_DEBUGALL") || std::abs(second - qEnvironmentVariableIntValue("WW_EVAL_DEBUGAT")) < 15))
                out << second << " truth " << t.x << "," << t.y << " f" << t.floor << " " << t.room << (t.moving ? " moving" : "")
                    << " | fix " << f->x << "," << f->y << " f" << f->floor << " " << f->room << " " << f->unknownReason
                    << " acc " << f->accuracyM << " motion " << f->motionDb << (f->settled ? " settled" : "") << Qt::endl;
            if (f->floor == t.floor) { // the accuracy circle (68 % intended) against the truth
                const double error = std::hypot(f->x - t.x, f->y - t.y);
                covered[t.moving] += error <= f->accuracyM;
                coverN[t.moving] += 1;
                // By role, by the truth and by what the levels say: an asset's window is long.
                const bool asset = assetTags.contains(directory.tagId(tag));
                circles[QString::fromLatin1(asset ? "assets " : "people ") + (t.moving ? "moving" : "at rest") +
                        (f->moving ? ", levels moving" : ", levels still")]
                    .push_back({f->accuracyM, error});
            }
            if (!t.moving && second - t.stillSince >= 30) {
                sq += (f->x - t.x) * (f->x - t.x) + (f->y - t.y) * (f->y - t.y);
                staticErrors.push_back(std::hypot(f->x - t.x, f->y - t.y));
                std::vector<pos::Receiver> sameFloor;
                for (const auto& g : receivers)
                    if (g.floor == t.floor)
                        sameFloor.push_back(g);
                const double b = pos::cramerRaoBound(sameFloor, t.x, t.y, 6.1, 1.4, 1.2);
                crlbSq += std::isfinite(b) ? b * b : 0;
                ++staticN;
            }
        }
    }
    const double accuracy = scored ? double(right) / scored : 0;
    out << "simulated ward: " << directory.tagCount() << " tags, " << minutes << " simulated minutes, seed " << seed << ", "
        << (hard ? "hard radio" : "default radio") << Qt::endl;
    out << "room accuracy: " << QString::number(100 * accuracy, 'f', 2) << " % of " << scored << " fixes (unknown "
        << QString::number(100.0 * unknown / std::max(1, scored), 'f', 2) << " %, wrong floor "
        << QString::number(100.0 * wrongFloor / std::max(1, scored), 'f', 2) << " %)" << Qt::endl;
    out << "  at rest: " << QString::number(100.0 * stillRight / std::max(1, stillN), 'f', 2) << " % of " << stillN
        << "; walking: " << QString::number(100.0 * movingRight / std::max(1, movingN), 'f', 2) << " % of " << movingN << Qt::endl;
    out << "  not settled: walking " << QString::number(100.0 * detected[1][1] / std::max(1, detected[1][0] + detected[1][1]), 'f', 1)
        << " % of walking fixes, " << QString::number(100.0 * detected[0][1] / std::max(1, detected[0][0] + detected[0][1]), 'f', 1)
        << " % of fixes at rest" << Qt::endl;
    if (qEnvironmentVariableIsSet("WW_EVAL_MOTION"))
        for (int m = 0; m < 2; ++m) {
            out << (m ? "  moving:" : "  still: ");
            for (const auto& [bin, count] : motionHist[m])
                out << ' ' << bin * 0.5 << ':' << count;
            out << Qt::endl;
        }
    if (qEnvironmentVariableIsSet("WW_EVAL_DEBUG"))
        for (const auto& [k, v] : walkMisses)
            out << "  missed walking: " << k << " x" << v << Qt::endl;
    if (qEnvironmentVariableIsSet("WW_EVAL_DEBUG")) {
        out << "  walking fixes (missed) by tag:";
        for (const auto& [tag, counts] : walkByTag)
            out << " #" << tag << ' ' << directory.tagId(tag) << ' ' << counts.first << " (" << counts.second << ')';
        out << Qt::endl;
        out << "  walking misses by seconds in the true room (20: 20 or more):";
        for (const auto& [age, count] : walkAge)
            out << ' ' << age << ':' << walkMissAge[age] << '/' << count;
        out << Qt::endl;
        out << "  misses at rest by seconds at rest (bin start):";
        for (const auto& [bin, c] : restMissBySince)
            out << ' ' << bin << ':' << c.second << '/' << c.first;
        out << Qt::endl;
        out << "  the room the fix lies in, wrong, by the same seconds:";
        for (const auto& [age, count] : walkAge)
            out << ' ' << age << ':' << walkGeoMissAge[age] << '/' << count;
        out << Qt::endl;
    }
    if (qEnvironmentVariableIsSet("WW_EVAL_DEBUG")) {
        std::vector<std::pair<int, QString>> worst;
        for (const auto& [k, v] : missesByRoom)
            worst.emplace_back(v, k);
        std::sort(worst.rbegin(), worst.rend());
        for (size_t i = 0; i < worst.size() && i < 15; ++i)
            out << "  missed at rest: " << worst[i].second << " x" << worst[i].first << Qt::endl;
    }
    if (qEnvironmentVariableIsSet("WW_EVAL_BIAS"))
        for (size_t g = 0; g < receivers.size(); ++g)
            out << "  bias " << receivers[g].id << " sim " << world.gatewayBias()[g] << " learnt " << engine.learntLevels()[g] << " level " << engine.receivers()[g].rssiAt1m << Qt::endl;
    out << "model after self-calibration: exponent " << QString::number(engine.receivers().front().exponent, 'f', 2)
        << ", level at 1 m of " << engine.receivers().front().id << " " << QString::number(engine.receivers().front().rssiAt1m, 'f', 1)
        << " dBm" << Qt::endl;
    out << "accuracy circle (68 % intended) holds the truth: at rest " << QString::number(100.0 * covered[0] / std::max(1, coverN[0]), 'f', 1)
        << " %, walking " << QString::number(100.0 * covered[1] / std::max(1, coverN[1]), 'f', 1) << " %" << Qt::endl;
    for (const auto& [kind, v] : circles) {
        std::vector<double> radius, error;
        int held = 0;
        for (const auto& [r, e] : v) {
            radius.push_back(r);
            error.push_back(e);
            held += e <= r;
        }
        std::sort(radius.begin(), radius.end());
        std::sort(error.begin(), error.end());
        const auto q = [](const std::vector<double>& s, double p) { return QString::number(quantile(s, p), 'f', 2); };
        out << "  " << kind << ": " << v.size() << " fixes, circle holds " << QString::number(100.0 * held / double(v.size()), 'f', 1)
            << " %, radius median / p90 / max " << q(radius, 0.5) << " / " << q(radius, 0.9) << " / " << q(radius, 1) << " m, error median / p90 "
            << q(error, 0.5) << " / " << q(error, 0.9) << " m" << Qt::endl;
    }
    out << "room changes while standing still >= 10 min: " << stillChanges << " in " << stillTagMinutes << " tag-minutes" << Qt::endl;
    std::sort(showDelays.begin(), showDelays.end());
    int stayTags = 0, stayChanges = 0, staySeconds = 0, laterChanges = 0, laterSeconds = 0;
    for (const auto& [tag, v] : stayed)
        if (!roomChanged.contains(tag)) {
            ++stayTags;
            stayChanges += v.first;
            staySeconds += v.second;
            laterChanges += stayedLater[tag].first;
            laterSeconds += stayedLater[tag].second;
        }
    for (const auto& [tag, line] : stayChangeLog)
        if (!roomChanged.contains(tag))
            out << "stayed, changed " << line << Qt::endl;
    out << "room changes of the " << stayTags << " tags whose true room stayed: " << stayChanges << " in "
        << QString::number(staySeconds / 3600.0, 'f', 1) << " tag-hours ("
        << QString::number(stayChanges / std::max(1e-9, staySeconds / 3600.0), 'f', 2) << " per tag-hour)" << Qt::endl;
    out << "  of them after the first " << startLeftOutS / 60 << " minutes (the engine's start left out): " << laterChanges << " in "
        << QString::number(laterSeconds / 3600.0, 'f', 1) << " tag-hours ("
        << QString::number(laterChanges / std::max(1e-9, laterSeconds / 3600.0), 'f', 2) << " per tag-hour)" << Qt::endl;
    int restartChanges = 0;
    if (restartAt >= 0) {
        int& changes = restartChanges;
        int seconds = 0;
        for (const auto& [tag, v] : afterRestart)
            if (!roomChanged.contains(tag)) {
                changes += v.first;
                seconds += v.second;
            }
        out << "restart at " << restartAt << " s (" << (restartCold ? "cold" : QStringLiteral("warm, %1 entries recalled").arg(recalled))
            << "), its five minutes: room changes of the tags whose true room stayed " << changes << " in "
            << QString::number(seconds / 3600.0, 'f', 2) << " tag-hours (" << QString::number(changes / std::max(1e-9, seconds / 3600.0), 'f', 2)
            << " per tag-hour); room accuracy " << QString::number(100.0 * restartRight / std::max(1, restartScored), 'f', 2) << " %, locating "
            << QString::number(100.0 * restartLocating / std::max(1, restartScored), 'f', 2) << " % of its fixes" << Qt::endl;
    }
    out << "real room changes shown: " << showDelays.size() << ", after median " << quantile(showDelays, 0.5) << " s, p90 "
        << quantile(showDelays, 0.9) << " s; " << notShown << " not shown before the next" << Qt::endl;
    std::sort(staticErrors.begin(), staticErrors.end());
    const auto pct = [&](double q) { return quantile(staticErrors, q); };
    out << "static error median " << QString::number(pct(0.5), 'f', 2) << " m, p90 " << QString::number(pct(0.9), 'f', 2)
        << " m; static RMSE: " << QString::number(std::sqrt(sq / std::max(1, staticN)), 'f', 2) << " m; Cramér-Rao bound (sigma 6.1 dB, n 1.4, one snapshot): "
        << QString::number(std::sqrt(crlbSq / std::max(1, staticN)), 'f', 2) << " m RMS over the same points" << Qt::endl;
    bool offHolds = true;
    if (offAtS >= 0) {
        const auto pc = [](int a, int n) { return QString::number(100.0 * a / std::max(1, n), 'f', 1); };
        for (int k : {2, 0, 1}) {
            const OffCounts& c = offCounts[k];
            out << "gateway off (" << opt.gatewaysOff.front().gateway << " at " << offAtS << " s, room " << offRoom << "), "
                << (k == 2   ? QStringLiteral("before the kill")
                    : k == 1 ? QStringLiteral("from %1 s after the kill").arg(config.receiverSilentS)
                             : QStringLiteral("all after the kill"))
                << ": " << c.n << " fixes of tags in " << offRoom << ": wrong room " << pc(c.wrong, c.n) << " %, unknown near "
                << offRoom << " " << pc(c.nearTrue, c.n) << " %, unknown otherwise " << pc(c.nearOther, c.n) << " %, right "
                << pc(c.right, c.n) << " %, locating " << pc(c.locating, c.n) << " %" << Qt::endl;
        }
        if (qEnvironmentVariableIsSet("CHECK_GATEWAY_OFF_WRONG"))
            offHolds = offCounts[0].n > 0 &&
                       100.0 * offCounts[0].wrong / offCounts[0].n <= qEnvironmentVariable("CHECK_GATEWAY_OFF_WRONG").toDouble();
        if (qEnvironmentVariableIsSet("CHECK_GATEWAY_OFF_NEAR"))
            offHolds = offHolds && offCounts[1].n > 0 &&
                       100.0 * offCounts[1].nearTrue / offCounts[1].n >= qEnvironmentVariable("CHECK_GATEWAY_OFF_NEAR").toDouble();
    }
    const bool stillHolds = !qEnvironmentVariableIsSet("CHECK_STILL_CHANGES") ||
                            stillChanges <= qEnvironmentVariableIntValue("CHECK_STILL_CHANGES");
    const bool restartHolds = !qEnvironmentVariableIsSet("CHECK_RESTART_CHANGES") ||
                              (restartAt >= 0 && restartChanges <= qEnvironmentVariableIntValue("CHECK_RESTART_CHANGES"));
    return check && (accuracy < checkAccuracy || !stillHolds || !offHolds || !restartHolds) ? 1 : 0;
}
