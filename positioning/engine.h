#pragma once
// The embedded positioning engine (DESIGN.md "Positioning engine"): per tag and gateway a short
// window with an outlier-robust level, a log-distance model per gateway, a weighted non-linear
// least-squares cost in the dB domain, searched from a weighted centroid and averaged over a
// lattice (posterior.cpp), a constant-velocity Kalman filter that
// bounds walking speed, walls that reject impossible moves, floor and room with hysteresis, and
// "unknown, because ..." when the evidence is too weak. Causal and deterministic: a fix at time t
// uses only the reports added up to t, in the order they were added.
#include "domain/messages.h"
#include "domain/site.h"
#include "positioning/radiomap.h"

#include <QHash>
#include <QLineF>
#include "domain/geometry.h"
#include <QString>
#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <deque>
#include <optional>
#include <tuple>
#include <vector>

namespace ww {
class DeviceDirectory;
}

namespace ww::pos {

struct Receiver
{
    QString id;
    double x = 0, y = 0, z = 2.5;
    int floor = 0;
    double rssiAt1m = -59; // dBm at 1 m for a tag of txRef dBm
    double exponent = 2.0;
};

struct RoomShape
{
    QString id;
    int floor = 0;
    Polygon polygon;
    double voteWeight = 1.0; // corridors count less: people pass through them, they rarely stay
    std::optional<QPointF> door; // where it opens onto its neighbour (the room graph of the HMM)
};

struct WallShape
{
    int floor = 0;
    QLineF line;
};

struct EngineConfig
{
    double tagHeightM = 1.2;
    double windowS = 2.5;        // RSSI window per tag and gateway
    // Reports reach the engine out of time order (gateways' batches arrive in their own rhythm,
    // logs merged from many gateways): a tag's reports wait until its next fix (or until they are
    // this much older than its newest) and are then taken in time order; one that arrives more than
    // this much behind its tag's newest is refused and counted (lateReports()).
    double reorderWindowS = 2.0;
    // A tag whose levels change (motion statistic >= motionSettleDb) weighs its window's samples by
    // exp(-age / (this x the window)): a walker's older samples lie behind it. Still tags, and 0,
    // keep equal weights.
    double levelTimeConstantWindows = 0.7;
    double sigmaDb = 6.0;        // shadowing, for weights and covariance
    double commonOffsetSdDb = 2.5; // > 0: fit a level offset common to all receivers, with this prior (0: off)
    double maxSpeedMps = 2.0;    // walking, with margin
    double accelNoise = 0.6;     // m/s^2, process noise of the constant-velocity filter
    // The accuracy reported for a tag whose levels say it moves adds, in quadrature, the distance it
    // travels in lagWindows windows at the filter's speed: the fix trails a walker (0: the spread only).
    // At most lagMaxS seconds of travel: a slow advertiser's window is long (12.5 s at 5 s adverts),
    // and after it stops the filter keeps the speed of its move for a while (on the ward, parked
    // assets' circles reached 22 m, holding the truth in 90 % of their fixes; 5 s: 9 m and 77 %).
    double lagWindows = 1.0;
    double lagMaxS = 5.0;
    // The reported accuracy times this (>= 1): what the model's spread cannot show, its bias, as a
    // calibration measured it (`wardctl locate --calibration` sets it from its self-check).
    double accuracyScale = 1.0;
    // The share of the weighted centroid (centroid(), 4 strongest over 2 s) in the position
    // reported, 0 to 1; the filter keeps its own track. For a building the model does not fit:
    // `wardctl locate --calibration` sets it from its self-check where the engine alone is worse
    // than the centroid on held-out recordings, the site file by positioning.centroidBlend.
    double centroidBlend = 0.0;
    int maxGateways = 8;         // strongest gateways used per fix
    double weakDbm = -97;        // a fix whose strongest gateway is weaker than this is "unknown"
    double nearDbm = -70;        // one receiver alone this strong, inside a room, still names the room
    double roomMemoryS = 6.0;    // time constant of the room votes
    double roomSwitchRatio = 1.5; // another room's votes must beat the current room's by this much
    double corridorVoteWeight = 0.5; // for engineForSite
    double floorMarginDb = 6.0;  // another floor must be this much stronger to switch floors
    double txRef = 0;            // tx power the gateway models assume (0: ignore tx power)
    double proximityMarginDb = 3.0; // a receiver this much stronger than the next names the room it is in
    double wallLossDb = 4.0;     // per interior wall between tag and receiver (typical 3-5 dB), when walls are known
    // Room by a hidden Markov model over the room graph (doors): a tag moves only to a room next
    // to its own, at most roomMoveRatePerS; other moves cost roomJumpPerS. Evidence per fix: the
    // room's best receiver against the strongest (roomRxScaleDb per nat) and the fix's distance
    // to the room. The room changes when the current one falls roomSwitchNats behind the best.
    bool roomHmm = true;
    double roomMoveRatePerS = 0.3;
    double roomJumpPerS = 1e-3;
    // A room whose likeliest path entered it by a jump (through a wall, not a door) within
    // roomJumpRecentS is taken only after leading for roomJumpDwellS (at least; scaled with the
    // advert interval): a slow fade at one receiver carries the belief through the wall into the
    // room next door for tens of seconds, a walk goes through the doors. The jump stays cheap, so
    // that such a fade takes the jump and is seen as one, while a tag really placed in the wrong
    // room still moves after the dwell.
    double roomJumpDwellS = 15.0;
    double roomJumpRecentS = 20.0;
    double roomRxScaleDb = 8.0;
    double roomGeoWeight = 2.0;
    double roomSwitchNats = 1.5;
    double roomCorridorPrior = 4.0; // times log(voteWeight) per fix
    double roomHereNats = 1.0;      // penalty for rooms other than the one the fix lies in
    double roomModelWeight = 2.0;   // weight of how well each nearby room explains the levels (0: off)
    double roomModelRadiusM = 8.0;  // rooms this close to the fix are scored by the model
    int roomModelGateways = 6;      // the strongest receivers of the floor the room model uses
    double roomEvidenceWeight = 0.5; // consecutive fixes share their window: less than independent evidence
    // A settled tag's room evidence per fix is this share of its mean over the levels at rest (the
    // same samples, from restStart; older fixes fading with a time constant of roomEvidenceRestS),
    // plus the rest of the fix's own (0: the fix's alone). A slow fade at a receiver lasts tens of
    // seconds and sways every fix of that time alike; over the minutes a tag rests it averages out.
    // The mean follows the levels at rest: it starts again with them, is held while the window
    // disagrees with them and comes back with them, so a fade that did move the room is forgotten
    // when the levels return.
    double roomEvidenceRestShare = 0.5;
    double roomEvidenceRestS = 120.0;
    // A moving tag's room lags its fix by the evidence the HMM must gather against the room left
    // behind: for a tag whose levels say it moves, or that has not settled since it moved, each fix
    // counts fully and a smaller lead switches.
    double roomEvidenceWeightMoving = 1.0;
    double roomSwitchNatsMoving = 0.5;
    // Stillness: per receiver a recent (motionFastS) and an older (motionSlowS) average of the raw
    // levels; the statistic is the median change of the six strongest after removing their common
    // offset (body shadowing moves every level alike). Above motionThresholdDb the tag moves;
    // below motionSettleDb for settleAfterS it is settled. A settled tag changes room only after
    // the new room has led for roomDwellStillS; any tag changes floor only after the other floor
    // has led for floorDwellS (nobody changes floor faster), except that a track's first floor,
    // chosen from its first reports, follows the evidence until it has stood for floorDwellS (one
    // weak packet through the slab heard first must not hold a patient on the wrong floor). Times
    // scale with the advert interval.
    double motionFastS = 5.0;
    double motionSlowS = 30.0;
    double motionThresholdDb = 3.0;
    double motionSettleDb = 2.0;
    // The thresholds follow the tag's own fades: at least motionNoiseFactor (moving) and
    // motionSettleNoiseFactor (settling) times the running median of its statistic while it seems at
    // rest (below the moving threshold, its track slower than motionNoiseMaxSpeedMps), which steps by motionNoiseRateDbPerS towards each new value (0: fixed thresholds).
    // On the simulator's default radio a tag at rest has a median of about 0.75 dB (the fixed
    // thresholds hold), on its hard radio about 1.6 dB (moving above about 4.5 dB).
    double motionNoiseFactor = 3.0;
    double motionSettleNoiseFactor = 2.0;
    double motionNoiseRateDbPerS = 0.01;
    double motionNoiseInitDb = 1.0;
    double motionNoiseMaxSpeedMps = 0.5;
    double settleAfterS = 30.0;
    double motionConfirmS = 1.0; // above the threshold this long before a tag at rest restedLongS counts as moving
    double restedLongS = 120.0;
    // A tag at rest this long is positioned by its levels since it came to rest, not the window's
    // (0: never).
    double restLevelsAfterS = 120.0;
    // The window's levels must agree with those at rest (chi-squared test on its six strongest, less
    // their common change); disagreeing this long, the sums start again (a tag moved while unheard).
    double restBreakS = 3.0;
    // The window's levels may each differ from those at rest by a slow fade of this much (dB sd) and
    // still agree: shadowing per tag and receiver (bodies, doors, trolleys) lasts tens of seconds, and
    // a tag at rest whose levels at rest gave way to the window's for such a fade took the fade's
    // position, often across a wall. More hides real moves: at 2.75 dB tst_motion's asset carried
    // 14 m between four receivers stays in its old room.
    double restFadeSdDb = 2.5;
    // A tag carried on a body (a wristband, a badge, a phone in the hand) at rest: its levels at rest
    // are fitted per lattice node with the body's shadow, levels varying as a cos + b sin of the
    // bearing to each receiver (prior bodyShadowSdDb on a and b; 0: never), from every receiver.
    // worn: every tag is carried so; else Engine::setWorn per tag.
    double bodyShadowSdDb = 4.5;
    bool worn = false;
    double roomDwellStillS = 10.0;
    double roomDwellRestedS = 30.0; // for a tag at rest restedLongS
    double roomDwellMovingS = 0.0;
    double roomDwellPausedS = 1.0;  // not moving now, not settled yet: the change must outlast one fix
    // A tag whose fix has travelled this far from where it came to rest is no longer at rest, whatever
    // its levels say: walking away from a cluster of receivers lowers all their levels alike (which
    // the statistic takes for shadowing), and a slow advertiser's averages lag a short move. The
    // place at rest is the fixes' average over restAnchorS (scaled with the advert interval).
    double unsettleDistanceM = 4.0;
    double unsettleConfirmS = 5.0; // that far for this long (scaled with the advert interval): a fix's excursion is not a move
    // While the window agrees with the levels at rest (restAgreement: within their noise and a slow
    // fade of restFadeSdDb each, compared at three receivers or more), a tag is unsettled by its
    // statistic only above motionAgreeFactor times the moving threshold (when its levels at rest
    // began restLevelsAfterS ago or more; for motionAgreeHoldS of a spell above the threshold at
    // most), and by its fix's distance only beyond unsettleAgreeFactor times unsettleDistanceM (1:
    // no difference). A slow fade at a few receivers (the hard radio's shadowing per tag and
    // receiver) moves both the statistic and the window's fix; an unsettled tag's room follows its
    // fix after roomDwellPausedS at most, and its levels at rest start again. The hold's limit:
    // the agreement test is lenient (it allows each receiver a fade and removes their common
    // change), and a tag truly moved a few metres, held, would have its fix taken back to the old
    // place by those levels once its statistic fell.
    double motionAgreeFactor = 1.5;
    double motionAgreeHoldS = 10.0;
    double unsettleAgreeFactor = 1.5;
    double restAnchorS = 30.0;
    double floorDwellS = 5.0;
    // Receivers' levels learnt without a calibration walk: settled tags' levels at the receivers
    // that hear them best (short distances, where a wrong exponent matters least), against the
    // model at the tag's position, pooled per receiver. From tags only the differences between
    // receivers are learnt, shrunk towards none, within +-8 dB, refitted every
    // selfCalibrationEveryS; reference beacons (known positions) add their levels at every receiver
    // that hears them and, with referenceLearnsModel, teach the common level and the exponent.
    // Off when a calibration was given (it measured them).
    bool selfCalibrate = true;
    int selfCalibrationNearest = 2;
    double selfCalibrationEveryS = 60;
    double selfCalibrationPrior = 50; // levels' worth of trust in "no difference"
    bool referenceLearnsModel = true; // the common level and exponent from reference beacons too
    double referenceWeight = 1;       // a reference beacon's level counts this many settled tags' levels
    // The fix from the likelihood over a lattice of gridCellM within gridRadiusM of the seed (the
    // cost's valley nearest the weighted centroid) and of the track's prediction (three receivers
    // or more): its mean,
    // weighted by the prediction, as the Kalman measurement, and its spread through the gain
    // (docs/positioning.md, step 3).
    bool gridPosterior = true;
    double gridCellM = 1.0;
    double gridRadiusM = 6.0;
    double gridSeedMarginM = 3.0; // the seed's descent stays within the used receivers' box plus this
    // Room states (docs/positioning.md, "Room states"): how sure the room is, after it is assigned.
    // A receiver that has reported nothing (from any tag) for receiverSilentS, and for
    // receiverSilentGaps times its own usual gap between reports (a receiver that hears one slow
    // tag reports seldom), is offline. A tag whose room has receivers, all of them offline since
    // it was in that room, is "unknown, near" that room (never placed in the room next door) until
    // one of them has been heard again for a window.
    double receiverSilentS = 15.0;
    double receiverSilentGaps = 5.0;
    // A tag heard again after staleGapS of silence keeps the room it had, marked stale, until its
    // window has filled again (a window's time and staleMinAdverts adverts since).
    double staleGapS = 60.0;
    int staleMinAdverts = 3;
    // A tag's first fixes, until a window's time and locatingMinAdverts adverts since its first
    // report, are "locating" (the likeliest room as near room).
    int locatingMinAdverts = 3;
    // Keep what explains each tag's latest fix and its room decisions (Engine::explain; `wardctl
    // explain`). Off in the live engines: it copies the evidence of every room at every fix; they
    // explain only the tags asked about (Engine::setExplaining).
    bool keepExplanations = false;
    double explanationHistoryS = 600; // room decisions kept this long
};

struct Fix
{
    double t = 0;
    double x = 0, y = 0;
    int floor = 0;
    QString room;           // empty: unknown (see unknownReason) or no rooms configured
    QString unknownReason;
    // How sure the room is: Known (room; empty without rooms or when unknown for a reason),
    // UnknownNear and Locating (room empty, nearRoom the last or likeliest), Stale (room kept).
    RoomState roomState = RoomState::Known;
    QString nearRoom;
    double accuracyM = 0;   // radius of the 68 % circle
    double confidence = 0;  // 0..1
    int gatewaysUsed = 0;
    bool moving = true;     // the levels change beyond their noise (false: standing still)
    bool settled = false;   // standing still for settleAfterS
    double motionDb = 0;    // the statistic behind it
};

// Why a tag's latest fix is where it is (EngineConfig::keepExplanations): what installers and
// nurses ask first when a location looks wrong.
struct Explanation
{
    struct Gateway
    {
        QString id;
        double heardDbm = 0;    // the level the fix used (the window's robust level, or at rest)
        int samples = 0;
        double expectedDbm = 0; // what the model expects at the fix (walls and learnt levels included)
        QString room;           // the room the gateway hangs in, if any
    };
    struct Room
    {
        QString id;
        double evidence = 0; // this fix's log-evidence for the room (nats, the HMM's emission, before weighting)
        double belief = 0;   // the HMM's log-belief relative to the likeliest room (0: the likeliest)
    };
    struct Decision
    {
        double t = 0;
        QString from, to; // room ids ("" before the first)
        QString reason;
    };
    Fix fix;
    bool atRest = false;       // positioned from its levels since it came to rest, not the window's
    double moveThresholdDb = 0; // the motion statistic above this: moving
    double settleThresholdDb = 0;
    double stillForS = 0;      // since the tag last came to rest (stillSince; 0: not at rest)
    QString pendingRoom;       // a room the HMM prefers but has not taken yet (dwell), and since when
    double pendingForS = 0;
    std::vector<Gateway> gateways; // strongest first
    std::vector<Room> rooms;       // the fix's floor, likeliest first
    std::vector<Decision> decisions; // oldest first, explanationHistoryS back
};

class Engine
{
public:
    // Reports kept per tag and receiver (the newest); the age window usually holds far fewer.
    static constexpr int MaxWindowSamples = 64;

    Engine(std::vector<Receiver> receivers, EngineConfig config, std::vector<RoomShape> rooms = {},
           std::vector<WallShape> walls = {});

    // Tags are numbered by the caller, 0..n-1; the engine grows as new numbers appear.
    void addReport(int tag, int receiver, double tS, double rssi, double txPower = 0);
    // The tag's position at time tS from the reports added so far; nullopt when nothing recent.
    std::optional<Fix> update(int tag, double tS);

    // Corrections learnt from a calibration (CalibrationResult::map): added to the model.
    void setRadioMap(RadioMap map);
    void setSelfCalibrate(bool on) { m_config.selfCalibrate = on; }
    // A tag fixed at a surveyed place (a reference beacon): its fix is that place, and the levels
    // it is heard at calibrate the receivers (with selfCalibrate), weighted referenceWeight each.
    // z: its height (NaN: the tag height). ownReceiver: the receiver it is, for a gateway that
    // advertises (its own reports of itself, if any, are ignored); -1 for a plain beacon.
    void setKnownPosition(int tag, double x, double y, int floor, double z = std::numeric_limits<double>::quiet_NaN(),
                          int ownReceiver = -1);
    // A tag carried on a body: at rest, its levels are fitted with the body's shadow.
    void setWorn(int tag, bool worn) { state(tag).worn = worn; }
    // Evaluation only (ww_eval_ward WW_EVAL_MOTION_TRUTH): whether the tag truly moves, in place of
    // what its levels say (1 moving, 0 still, -1: its levels decide, the default). It measures what
    // a perfect motion detector would buy; nothing in a station or an engine sets it.
    void setMotionTruth(int tag, int moving) { state(tag).motionTruth = qint8(std::clamp(moving, -1, 1)); }
    [[nodiscard]] bool isWorn(int tag) const { return m_config.worn || (tag >= 0 && tag < int(m_tags.size()) && m_tags[size_t(tag)].worn); }
    // What the self-calibration learnt: per receiver, dB added to its configured level.
    [[nodiscard]] const std::vector<double>& learntLevels() const { return m_selfCal.learnt; }

    // What a station keeps across a restart (docs/positioning.md, "A restart"): the receivers'
    // levels the self-calibration learnt, and per tag its floor, room and place, the fades its
    // motion thresholds follow, how long it had stood still and its levels at rest. Recalled into
    // a new engine before its first report, a tag that was settled is taken to be where it was
    // until the evidence says otherwise: its track starts at its old place, its first room once
    // its window fills is the one recalled (held as a decided room: another must lead it by the
    // evidence a change needs, for the dwell), it stands still as long again (at most restedLongS)
    // while its statistic cannot tell yet or stays below the settling threshold, and its old
    // levels at rest position it. Its first full window is checked against those levels: agreeing
    // for restBreakS, it is where it was; not agreeing for restBreakS (or not checked within
    // restLevelsAfterS), it moved meanwhile, and its track and room start again from its own
    // evidence as for a tag never seen; on another floor, confirmed, it is at rest from there. A
    // tag not settled then keeps only its fades. What was recalled counts for restLevelsAfterS
    // from the tag's first fix at most.
    struct Memory
    {
        struct Level
        {
            QString receiver;
            double configured = 0; // its configured level at 1 m (the learnt level is added to it)
            double learnt = 0;     // dB added to its configured level
            double weight = 0;     // the levels' worth behind it
        };
        struct Tag
        {
            int tag = -1;
            int floor = 0;
            QString room;         // empty: none held
            double noiseDb = -1;  // the running median of its motion statistic at rest (-1: not learnt)
            double x = std::numeric_limits<double>::quiet_NaN(), y = x; // where it was (at rest: its place at rest)
            double stillForS = 0; // how long it had stood still (below the settling threshold; 0: not)
            // Its levels at rest (receiver, mean, samples) and how long they had been summed.
            std::vector<std::tuple<QString, double, int>> restLevels;
            double restForS = 0;
            double fixedT = 0; // when its last fix was (s, the engine's time)
        };
        std::vector<Level> levels;
        double commonShift = 0, exponent = 0; // learnt from reference beacons (exponent 0: nothing)
        std::vector<Tag> tags;
    };
    // Tags recalled but not heard since are kept in it as recalled (a second restart soon after
    // the first loses nothing).
    [[nodiscard]] Memory memory() const;
    // Returns how many of the memory's entries were taken: receivers the site has, at the same
    // configured level (a changed site file: what was learnt no longer applies), and tags.
    int recall(const Memory& memory);

    [[nodiscard]] const std::vector<Receiver>& receivers() const { return m_receivers; }
    [[nodiscard]] const EngineConfig& config() const { return m_config; }
    [[nodiscard]] size_t bytesPerTag() const;
    // Reports refused for arriving more than reorderWindowS behind their tag's newest.
    [[nodiscard]] quint64 lateReports() const { return m_lateReports; }
    // Whether a receiver counts as offline at tS (EngineConfig::receiverSilentS): heard before,
    // silent since.
    [[nodiscard]] bool receiverOffline(int receiver, double tS) const;

    // The tag's latest fix explained (nullopt: no fix yet, or keepExplanations off).
    [[nodiscard]] std::optional<Explanation> explain(int tag) const;
    // One tag explained without keepExplanations (the plan's "Explain position"): from its next fix
    // on, its fixes keep what explains them and its room decisions; off again frees that record.
    void setExplaining(int tag, bool on);
    [[nodiscard]] bool explaining(int tag) const
    {
        return m_config.keepExplanations || (tag >= 0 && tag < int(m_tags.size()) && m_tags[size_t(tag)].explaining);
    }

    // Weighted centroid of the k strongest receivers over the window: the reference the engine is
    // measured against (same windows, same run).
    std::optional<Fix> centroid(int tag, double tS, int k = 4);

private:
    struct Sample
    {
        double t, rssi;
    };
    // One receiver's samples of one tag, oldest first: a ring grown by doubling up to
    // MaxWindowSamples and never shrunk (a deque allocated and freed a block every 32 reports,
    // and its header sat apart from the motion averages: three cache misses per report). The
    // header keeps the newest sample's time, so that a sample in time order (the usual case) goes
    // to the back without reading the ring, whose block is seldom in cache.
    class Window
    {
    public:
        Window() = default;
        Window(const Window& o) { *this = o; }
        Window(Window&&) noexcept = default;
        Window& operator=(const Window& o);
        Window& operator=(Window&&) noexcept = default;
        [[nodiscard]] size_t size() const { return m_count; }
        [[nodiscard]] bool empty() const { return m_count == 0; }
        [[nodiscard]] size_t capacity() const { return m_capacity; }
        [[nodiscard]] const Sample& operator[](size_t i) const { return m_data[(m_head + i) & (m_capacity - 1)]; }
        [[nodiscard]] const Sample& front() const { return m_data[m_head]; }
        [[nodiscard]] const Sample& back() const { return (*this)[m_count - 1]; }
        void pop_front()
        {
            m_head = quint8((m_head + 1) & (m_capacity - 1));
            --m_count;
        }
        // Keeps the samples in time order: a later one (or one of the same time) at the back, an
        // earlier one moved into its place (reports out of order by a little: a few moves from
        // the back). The caller keeps size() below MaxWindowSamples.
        void insert(const Sample& smp)
        {
            if (m_count == 0 || smp.t >= m_newestT) {
                if (m_count == m_capacity)
                    grow();
                m_data[(m_head + m_count++) & (m_capacity - 1)] = smp;
                m_newestT = smp.t;
            } else {
                insertEarlier(smp);
            }
        }
        // Asks the cache for the slot the next sample at the back goes to.
        void prefetchBack() const
        {
            if (m_capacity)
                __builtin_prefetch(&m_data[(m_head + m_count) & (m_capacity - 1)], 1);
        }

    private:
        void insertEarlier(const Sample& smp);
        void grow();
        std::unique_ptr<Sample[]> m_data;
        double m_newestT = 0; // back().t while not empty
        // At most MaxWindowSamples, a power of two: a byte each keeps the header beside the
        // motion averages in 24 bytes.
        quint8 m_head = 0, m_count = 0, m_capacity = 0;
    };
    // The constant-velocity filter's state (position, velocity, covariance), apart from the rest
    // of a tag's state so that a prediction or an undone step copies only this.
    struct Kinematics
    {
        double t = 0;
        double x = 0, y = 0, vx = 0, vy = 0;
        double P[4][4] = {};
    };
    struct TagState : Kinematics
    {
        // Motion: per receiver a recent and an older average of the raw samples (exponential,
        // motionFastS and motionSlowS, scaled for slow advertisers), and the change statistic.
        struct Trend
        {
            float fast = 0, slow = 0;
            double t = -1e18;
        };
        struct Heard // per receiver: what one report touches
        {
            Trend trend;
            Window window; // at most MaxWindowSamples
            // Every sample since the tag came to rest (restStart): its level at rest, when the
            // window is too short to show it.
            float restSum = 0;
            qint32 restCount = 0;
        };
        std::vector<Heard> heard;
        // Per receiver, the sums at rest as they were when a disagreeing window started them again:
        // taken back when the window comes back to them (it was a fade, not a move). Empty while
        // none are held; apart from `heard`, which every report touches.
        struct HeldSum
        {
            float sum = 0;
            qint32 count = 0;
        };
        std::vector<HeldSum> held;
        // Reports not taken yet, in arrival order (taken in time order: takePending()).
        struct Pending
        {
            double t, rssi;
            qint32 receiver;
        };
        std::vector<Pending> pending;
        double newestT = -1e18; // the newest report's time, taken or pending
        double lastAdvertT = -1e18;
        double advertInterval = 1.0; // smoothed time between adverts: slow tags get longer windows
        bool tracking = false;
        bool known = false; // a reference beacon: x, y and floor are surveyed
        double knownZ = 0;     // its height
        int ownReceiver = -1;  // the gateway it is, when a gateway advertises
        int floor = 0;
        double floorSince = 0;        // when the track's first floor was chosen
        bool floorProvisional = false; // chosen from the first reports: not confirmed for floorDwellS yet
        QString room;
        std::vector<std::pair<QString, double>> votes; // faded room votes
        double votesT = 0;
        std::vector<double> roomLogP; // HMM: log belief per room, relative to the best (0)
        std::vector<double> roomJumpT; // per room: when its likeliest path last jumped (-1e18: never)
        // Per room, the room evidence over the levels at rest (roomEvidenceRestShare): its faded
        // sum and count on one floor, and when last added (empty sum: none yet). restLevels starts,
        // holds and takes it back with the sums at rest.
        struct RestEvidence
        {
            std::vector<double> sum;
            double weight = 0;
            double t = 0;
            int floor = 0;
        };
        RestEvidence restEvidence, heldEvidence; // with the sums at rest, and with the held sums
        int roomIndex = -1;
        int roomFloor = std::numeric_limits<int>::min();
        int pendingRoom = -1;   // the room the HMM proposes, not yet taken (dwell)
        // keepExplanations: the latest fix, its levels and rooms' evidence, and the room decisions.
        struct Explained
        {
            Fix fix;
            bool atRest = false;
            std::vector<std::pair<int, double>> levels; // receiver, level used
            std::vector<int> samples;
            std::vector<double> emission;
            std::vector<Explanation::Decision> decisions;
        };
        std::shared_ptr<Explained> explained;
        bool explaining = false; // setExplaining: this tag's fixes are explained
        double pendingSince = 0;
        int pendingFloor = std::numeric_limits<int>::min();
        double pendingFloorSince = 0;
        double motionDb = 0, motionT = -1e18;
        // The statistic's running median (the tag's own fades; < 0: none yet) and the thresholds
        // it sets (motionThresholds()).
        double motionNoiseDb = -1;
        double moveDb = 0, settleDb = 0;
        double stillSince = 1e18; // since when the statistic has stayed below the threshold
        double aboveSince = 1e18; // since when it has stayed above
        // Where the tag is at rest: the fixes' slow average since stillSince (NaN: not at rest).
        double restX = std::numeric_limits<double>::quiet_NaN(), restY = restX, restT = 0;
        double awaySince = 1e18; // since when the fix has stayed farther than unsettleDistanceM from it
        double restStart = 1e18;     // when the sums of the levels at rest began (1e18: not yet)
        double disagreeSince = 1e18; // since when the window has disagreed with them
        bool restConfirmed = false;  // this fix's window agreed with them, compared at three receivers or more
        double restOf = 1e18;        // the stillSince they belong to
        double heldStart = 1e18;     // when the held sums began (1e18: none held)
        double backSince = 1e18;     // since when the window has agreed with the held sums
        bool worn = false;           // carried on a body (EngineConfig::bodyShadowSdDb)
        qint8 motionTruth = -1;      // setMotionTruth (-1: none)
        // Room states (roomstate.cpp); kept when the track starts again on another floor.
        struct Certainty
        {
            double firstReportT = 1e18; // the first report taken
            qint32 adverts = 0;         // adverts since the first report
            // What Engine::recall gave it, while it counts (null: nothing, or no longer): each part
            // is used once, on the recalled floor.
            struct Recalled
            {
                Memory::Tag tag;
                int room = -1;             // the room's index (-1: none, or used)
                std::vector<HeldSum> rest; // per receiver (empty: none, or used)
                bool restInUse = false;    // the tag's levels at rest are the recalled ones, not checked yet
                bool told = false;         // its motion statistic has been able to tell since
                // Since when its window has agreed, and since when it has not, with the recalled
                // levels at rest: either for restBreakS decides.
                double agreeSince = 1e18, disagreeSince = 1e18;
                double since = 1e18;       // the tag's first fix since (1e18: none yet)
            };
            std::shared_ptr<Recalled> recalled;
            double resumedT = 1e18;     // heard again after staleGapS of silence (1e18: not since)
            qint32 advertsSinceResume = 0;
            QString shownRoom;          // the last room answered as known
            int nearHeld = -1;          // answering "unknown, near" this room (index) for its offline receivers
            std::vector<std::pair<double, int>> roomHistory; // (since, room index) of the assigned room, newest last
            std::vector<std::pair<double, int>> loudestHistory; // (since, receiver) that hears it best, newest last
        } certainty;
    };
    struct Level
    {
        int receiver;
        double rssi;  // robust level over the window
        int samples;
    };

    TagState& state(int tag);
    std::optional<Fix> fix(TagState& s, double tS); // update()'s fix
    std::vector<Level> levels(TagState& s, double tS);
    // The levels at rest (every sample since the sums began) when they began restLevelsAfterS ago,
    // the window agrees with them and the tag does not move; empty otherwise. A window that
    // disagrees for restBreakS starts the sums again, holding the old ones; a window that agrees
    // with those held for restBreakS takes them back.
    std::vector<Level> restLevels(TagState& s, const std::vector<Level>& window, double tS) const;
    // Whether the window agrees with the levels at rest (held: with the sums held; none held:
    // Disagrees), or it shares too few receivers with them to tell.
    enum class Agreement : quint8 { CannotTell, Agrees, Disagrees };
    [[nodiscard]] Agreement restAgreement(const TagState& s, const std::vector<Level>& window, bool held = false) const;
    // keepExplanations: the tag's record, made on first use, and a room decision noted in it.
    TagState::Explained& explained(TagState& s) const;
    // centroid() of a tag whose pending reports are taken.
    [[nodiscard]] std::optional<Fix> centroidOf(const TagState& s, double tS, int k) const;
    void noteDecision(TagState& s, double tS, int from, int to, QString reason) const;
    void updateMotion(TagState& s, double tS, const std::vector<Level>& window) const;
    // Whether a tag at rest stays so although its statistic is above the moving threshold (see
    // EngineConfig::motionAgreeFactor).
    [[nodiscard]] bool restHoldsAgainst(const TagState& s, const std::vector<Level>& window, double tS) const;
    void trackRest(TagState& s, double tS) const; // unsettles a tag whose fix travels from its place at rest
    // Times measured in adverts: a tag advertising every 5 s needs 5 times as long to show the same.
    static double intervalScale(const TagState& s) { return std::max(1.0, s.advertInterval); }
    Fix referenceFix(TagState& s, const std::vector<Level>& lv, double tS);
    [[nodiscard]] double windowFor(const TagState& s) const;
    // Takes the tag's pending reports up to upToT (all: infinity) in time order, ties in arrival order.
    void takePending(TagState& s, double upToT = std::numeric_limits<double>::infinity());
    struct MotionGains;
    void takeReport(TagState& s, int receiver, double tS, double rssi, MotionGains& gains);
    bool solve(const std::vector<Level>& lv, double& x, double& y, double cov[2][2]) const;
    bool solveFrom(const std::vector<Level>& lv, double& x, double& y, double cov[2][2], double& finalCost) const;
    struct Prior
    {
        double x, y, cov[2][2]; // the track's prediction
    };
    // The likelihood over the lattice (weighted by the prior when given) as a measurement
    // (x, y, cov), and the weighted spread of the nodes; false with fewer than three receivers.
    // shadow: each node also fits the holder's body shadow (levels varying as a cos + b sin of the
    // bearing to each receiver, prior bodyShadowSdDb), for a worn tag's levels at rest.
    bool gridPosterior(const std::vector<Level>& lv, double& x, double& y, double cov[2][2], const Prior* prior,
                       double spread[2][2], bool shadow = false) const;
    void predict(Kinematics& s, double tS) const;
    void correct(Kinematics& s, double x, double y, const double cov[2][2]) const;
    bool crossesWall(int floor, double x0, double y0, double x1, double y1) const;
    void assignRoom(TagState& s, Fix& f, const std::vector<Level>& used, const std::vector<Level>& floorLevels) const;
    // After the room is assigned (as assigned: the HMM's room before any "unknown"): the room
    // state, and the room kept or withheld (roomstate.cpp).
    // loudest: the receiver that hears the tag best in this fix's window.
    void assignRoomState(TagState& s, Fix& f, double tS, const QString& assigned, int loudest) const;
    // The index of room `id` (-1: none): the HMM's own room first, else a search of the rooms
    // (a ward has tens), without hashing a string on every fix.
    [[nodiscard]] int roomIndexOf(const TagState& s, const QString& id) const;
    // proximity: the room a receiver clearly names (proximityRoom), or -1.
    void shareRestEvidence(TagState& s, const Fix& f, std::vector<double>& emission) const;
    void assignRoomHmm(TagState& s, Fix& f, const std::vector<Level>& used, const std::vector<Level>& floorLevels,
                       int proximity) const;
    [[nodiscard]] double roomModelCost(const std::vector<Level>& used, size_t room, double fx, double fy) const;
    void buildRoomModel();
    void buildRoomGraph();
    [[nodiscard]] int proximityRoom(const std::vector<Level>& used) const; // room a receiver clearly names, or -1
    [[nodiscard]] double nearness(const Level& l) const; // its level less the receiver's level at 1 m
    void keepInside(Fix& f, int room) const;
    void buildWallGrid();
    struct RoomPoints
    {
        std::vector<QPointF> xy;
        std::vector<float> level; // per point, per receiver: the modelled level
        bool large = false;
    };
    std::vector<RoomPoints> m_roomPoints;
    std::vector<std::vector<int>> m_roomNeighbours; // rooms sharing a door, same floor
    std::vector<QRectF> m_roomBox;                   // each room's bounding box
    std::vector<double> m_roomLogWeight;             // log of its vote weight (the corridor prior)
    std::vector<char> m_roomHasReceiver;
    std::vector<int> m_receiverRoom; // index into m_rooms of the room each receiver is in, or -1
    std::vector<std::vector<int>> m_roomReceivers; // per room: the receivers in it
    struct ReceiverSeen
    {
        double lastT = -1e18;  // its newest report, from any tag
        double gap = 0;        // its usual gap between reports (smoothed)
        double backT = -1e18;  // when it was heard again after being offline
    };
    std::vector<ReceiverSeen> m_receiverSeen;
    void noteReceiver(int receiver, double tS);

    std::vector<Receiver> m_receivers;
    EngineConfig m_config;
    std::vector<RoomShape> m_rooms;
    std::vector<WallShape> m_walls;
    std::vector<TagState> m_tags;
    quint64 m_lateReports = 0;
    double m_bounds[4] = {}; // receivers' bounding box: x0, y0, x1, y1
    double m_area[4] = {};   // where a tag can be (x0, y0, x1, y1): the site's walls and rooms, or the receivers' box + 3 m
    // Walls between each receiver and each 0.5 m cell of its floor, counted once at construction
    // so that the measurement model can charge wall losses without intersecting segments per fix.
    static constexpr double CellM = 0.5;
    double m_gridX0 = 0, m_gridY0 = 0;
    int m_gridW = 0, m_gridH = 0;
    std::vector<std::vector<unsigned char>> m_wallCount; // per receiver, row-major cells
    [[nodiscard]] int wallsBetween(int receiver, double x, double y) const;
    RadioMap m_map;
    // -10 log10(d) from each receiver to each node of a gridCellM lattice over the area (the tag
    // at tagHeightM): the grid posterior's model without a logarithm per node. Empty when large.
    double m_latX0 = 0, m_latY0 = 0;
    int m_latW = 0, m_latH = 0;
    std::vector<std::vector<float>> m_logDist;
    std::vector<std::vector<float>> m_latCorr; // per receiver and node: radio map less walls (dB)
    void buildLattice();
    void buildLatticeCorrections();
    void addLatticeSpread(Kinematics& s, const double R[2][2], const double spread[2][2]) const;
    struct SelfCalState
    {
        std::vector<double> count, residual; // per receiver: levels pooled, sum of their residuals
        std::vector<double> base, learnt;    // configured levels; what was learnt on top
        double baseCommon = 0, shift = 0;    // the mean configured level; the common level learnt
        double exponent = 0;                 // learnt from reference beacons (0: not yet)
        // Reference beacons: sums of u = -10 log10 d and of levels less each receiver's own part.
        double refW = 0, refU = 0, refY = 0, refUU = 0, refUY = 0;
        double nextFitT = -1e18;
    } m_selfCal;
    void startSelfCalibration(); // the configured levels noted, nothing learnt yet (once)
    // What was recalled (Memory): dropped once its time is over, or the tag shows that it moved.
    void checkRecalled(TagState& s, double tS) const;
    void forgetRecalled(TagState& s, double tS, bool moved) const;
    void selfCalibrationSample(const TagState& s, const std::vector<Level>& used, double tS, int nearest, double weight);
    // The level a receiver should hear from a tag at (x, y): log-distance, walls, radio map;
    // modelledWith takes -10 log10 d already computed.
    [[nodiscard]] double modelled(int receiver, double x, double y) const;
    // -10 log10 d from a receiver to (x, y) at height z.
    [[nodiscard]] double logDistance(int receiver, double x, double y, double z) const;
    [[nodiscard]] double modelledWith(int receiver, double logDistance, double x, double y) const;
};

// The engine for a site: its gateways (in the site's order, as DeviceDirectory numbers them), rooms
// and walls.
// With a directory, the site's reference beacons are placed (tags numbered as the directory does), and
// with positioning.bodyShadow its wristbands and badges are worn (Engine::setWorn).
[[nodiscard]] Engine engineForSite(const Site& site, EngineConfig config = {}, const DeviceDirectory* directory = nullptr);

// Cramér–Rao bound of a layout at point (x, y): RMSE >= sqrt(trace(F^-1)), F from the receivers
// within range; returns infinity where F is singular (fewer than two independent directions).
[[nodiscard]] double cramerRaoBound(const std::vector<Receiver>& receivers, double x, double y, double sigmaDb,
                                    double exponent, double tagHeightM);

// Fits rssiAt1m and the exponent of every receiver to reports taken at known positions: a common
// exponent and per-receiver levels, shrunk towards the common fit where a receiver has few reports.
struct CalibrationReport
{
    int receiver;
    double rssi, x, y, z;
    double t = 0; // when, in seconds: recordings apart in time are told apart for the cross-validation
};
struct CalibrationResult
{
    double commonRssiAt1m = 0, commonExponent = 0, residualSdDb = 0;
    double wallLossDb = 0; // fitted per wall, when walls were given
    int reports = 0;
    RadioMap map;              // what the fitted model still gets wrong where the calibration went
    double mappedResidualSdDb = 0; // residual sd with the map (in-sample)
    double mapBandwidthM = 0;      // the bandwidth used (chosen by cross-validation unless given)
    std::vector<std::pair<double, double>> mapCrossValidation; // bandwidth, held-out residual sd dB
    int mapCrossValidationFolds = 0;
    double mapSpacingM = 0; // median distance between the surveyed places: the smallest bandwidth tried
};
struct CalibrationOptions
{
    // The radio map's kernel bandwidth; 0: no radio map, < 0: the candidate whose map predicts
    // held-out calibration reports best. Neighbouring reports of one walk are alike, so whole
    // recordings are held out (split where the reports pause for mapSessionGapS; up to 5 folds);
    // a single recording is held out by 1 m blocks of place instead. Candidates narrower than
    // the median distance between surveyed places are not tried.
    double mapBandwidthM = -1;
    std::vector<double> mapBandwidthCandidatesM = {0.5, 0.75, 1.0, 1.5, 2.0, 3.0};
    double mapSessionGapS = 30;
    double mapCrossValidationBlockM = 1.0;
    double mapShrinkage = 5.0;
};
// With walls, the loss per wall crossed is fitted too (CalibrationResult::wallLossDb), for the
// engine's model to use.
CalibrationResult calibrate(std::vector<Receiver>& receivers, const std::vector<CalibrationReport>& reports,
                            const std::vector<WallShape>& walls = {}, const CalibrationOptions& options = {});

} // namespace ww::pos
