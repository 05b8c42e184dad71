// Benchmark `soak`: a day of the simulated default ward in minutes, with an injected clock.
//  - The station as the app wires it, without the network: WardCore on a thread of its own (alarms
//    on, the log and the readings record in a temporary folder, outputs encoded and counted instead
//    of published), the GUI-thread models (WardModels: rows and the charts' trends; AlarmController:
//    the alarm list, audio state, the signed-in operator) on this thread, offscreen.
//  - Traffic: the simulator's frames (bench/soak_traffic.h) handed to the core as the network thread
//    hands them, with the presence of this station and of a second one every simulated second; then
//    per simulated second what the core's timers do (flush, "no signal", asset use, alarm rules and
//    escalation). A ManualClock moves 0.1 s per step, as fast as the core takes it: at most 2
//    simulated seconds ahead of the core, and 2 batches ahead of the models.
//  - A nurse (S02) acknowledges each alarm 30 s to 4 min (simulated) after it appears, signing in
//    again when the station signed her out.
//  - GUI latency: a 10 ms timer's lateness on this thread, throughout. The heartbeat the core watches
//    (tech.gui-hung after 5 simulated seconds) is this thread's, at each tick and each batch: the
//    controller's own 250 ms wall tick would be a minute of simulated time.
//  - Every simulated hour, with everything queued applied: RSS (VmRSS), the heap in use (mallinfo2),
//    the alarms held, the charts' trend bytes, the look-back's samples of the hour (core/positionhistory,
//    through WardCore::queryTrack), the threads' CPU.
// Environment: WW_BENCH_SOAK_HOURS (24), WW_BENCH_SOAK_LOOP_MIN (60: simulated minutes of the
// simulator replayed after; 0: the simulator throughout, 2-3x slower), WW_BENCH_SOAK_SEED (1),
// WW_BENCH_SOAK_VITALS (PhysioNet records; default ../shared/data/vitals/physionet2012-subset/set-a),
// WW_BENCH_SOAK_FLUSH_MS (extra flushes this often in simulated ms, as the app's 40 ms wall timer
// makes them at 1x; default none).
// Prints details, then exactly one summary line. Exits 0 whether or not the target is met.
#include "core/wardcore.h"
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"
#include "soak_traffic.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cmath>
#include <dlfcn.h>
#include <malloc.h>
#include <random>
#include <thread>
#include <time.h>

using namespace ww;

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr double TickMs = 10;
constexpr int CoreAheadS = 2; // simulated seconds the traffic may run ahead of the core
constexpr int GuiBacklog = 2; // model batches the GUI thread may have queued (about a simulated second each)
constexpr qint64 AckMinMs = 30'000, AckMaxMs = 240'000;
const QString StationId = QStringLiteral("soak-station");
const QString PeerId = QStringLiteral("soak-peer");
const QString NurseId = QStringLiteral("S02"), NursePin = QStringLiteral("246802");

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

double threadCpuS()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double mb(double bytes)
{
    return bytes / (1024.0 * 1024.0);
}

QString f1(double v)
{
    return QString::number(v, 'f', 1);
}

double envNumber(const char* name, double fallback)
{
    bool ok = false;
    const double v = qEnvironmentVariable(name).toDouble(&ok);
    return ok && v >= 0 ? v : fallback;
}

// The GUI thread's lateness in 0.05 ms bins up to 2 s (a fixed 160 KB: the bench's own memory
// must not grow with the run), the largest kept apart.
class Lateness
{
public:
    void add(double ms)
    {
        m_bins[std::min(m_bins.size() - 1, size_t(std::max(0.0, ms) / BinMs))] += 1;
        m_max = std::max(m_max, ms);
        ++m_count;
    }
    [[nodiscard]] quint64 count() const { return m_count; }
    // The p-quantile (0..1): the upper edge of its bin, at most the largest seen; -1 with none.
    [[nodiscard]] double pct(double p) const
    {
        if (m_count == 0)
            return -1;
        const auto rank = quint64(p * double(m_count - 1));
        quint64 below = 0;
        for (size_t i = 0; i < m_bins.size(); ++i) {
            below += m_bins[i];
            if (below > rank)
                return std::min(m_max, double(i + 1) * BinMs);
        }
        return m_max;
    }
    [[nodiscard]] QString line() const
    {
        return QStringLiteral("p50 %1 ms, p95 %2 ms, p99 %3 ms, max %4 ms")
            .arg(pct(0.5), 0, 'f', 2)
            .arg(pct(0.95), 0, 'f', 2)
            .arg(pct(0.99), 0, 'f', 2)
            .arg(m_max, 0, 'f', 2);
    }

private:
    static constexpr double BinMs = 0.05;
    std::vector<quint32> m_bins = std::vector<quint32>(40'000, 0);
    double m_max = 0;
    quint64 m_count = 0;
};

// What the core would publish (alarm states, escalations, census entries): encoded, counted, dropped.
class CountingOutputs final : public AlarmPublisher, public CensusPublisher
{
public:
    void publishAlarm(const AlarmState& s) override { count(encode(s, s.onsetMs)); }
    void clearAlarm(const QString&) override { ++messages; }
    void escalate(const AlarmState& s, const EscalationStep& step) override
    {
        ++escalations;
        count(encodeEscalation(s, s.escalationStep, step.target, StationId, s.onsetMs));
    }
    void publishCensus(const CensusEntryMsg& e) override { count(encode(e)); }
    std::atomic<quint64> messages{0}, escalations{0}, bytes{0};

private:
    void count(const QByteArray& payload)
    {
        ++messages;
        bytes += quint64(payload.size());
    }
};

// One simulated hour's figures, taken with everything queued applied.
struct Mark
{
    int hour = 0;
    double wallS = 0;
    qint64 rssKb = 0;
    size_t heapInUse = 0, heapArena = 0, heapMmap = 0;
    int engineAlarms = 0, engineOpen = 0; // core: alarms the engine holds, of them not closed
    quint64 applied = 0, fixes = 0;
    quint64 historyNew = 0;   // core: position history samples of the last hour
    quint64 historyStill = 0; // of them, what a history thinning still tags would keep
    quint64 closed = 0,
            closedIdChars = 0; // alarms closed in the hour, their ids' length (AlarmEngine keeps a day)
    qint64 sqliteBytes = -1;   // SQLite's heap (page caches of the log and records), -1 unknown
    int listRows = 0;          // GUI: the alarm list
    size_t trendBytes = 0;     // GUI: the charts' ring buffers
    quint64 batches = 0;
    double coreCpuS = 0, guiCpuS = 0, feederCpuS = 0;
};

// The nurse at the station: acknowledges every alarm a while after it shows, signed in as S02.
class Nurse : public QObject
{
public:
    Nurse(AlarmController& alarms, const Clock& clock) : m_alarms(alarms), m_clock(clock), m_rng(27)
    {
        connect(&alarms, &AlarmController::alarmUpdated, this, [this](const AlarmState& a) {
            if (a.closed() || a.acknowledged())
                m_due.remove(a.id);
            else if (!m_due.contains(a.id))
                m_due.insert(a.id, m_clock.nowMs() +
                                       std::uniform_int_distribution<qint64>(AckMinMs, AckMaxMs)(m_rng));
        });
        connect(&alarms, &AlarmController::signInFinished, this, [this](bool ok, const QString& message) {
            signingIn.store(false);
            ok ? ++signIns : ++signInsRefused;
            if (!ok)
                m_lastRefusal = message;
        });
    }
    void signIn()
    {
        if (signingIn.exchange(true))
            return;
        m_alarms.signIn(NurseId, NursePin);
    }
    // Called on every tick: the acknowledgements due by now.
    void act()
    {
        const qint64 now = m_clock.nowMs();
        QStringList due;
        for (auto it = m_due.cbegin(); it != m_due.cend(); ++it)
            if (it.value() <= now)
                due << it.key();
        if (due.isEmpty())
            return;
        if (m_alarms.operatorId().isEmpty()) {
            signIn(); // signed out after 15 min without an action: she signs in again
            return;
        }
        for (const QString& id : due) {
            m_due.remove(id);
            const AlarmState* a = m_alarms.alarms().find(id);
            if (!a || a->acknowledged() || a->closed())
                continue;
            m_alarms.acknowledge(id);
            ++acksSent;
        }
    }
    [[nodiscard]] int waiting() const { return int(m_due.size()); }
    [[nodiscard]] QString lastRefusal() const { return m_lastRefusal; }
    std::atomic<bool> signingIn{false};
    int signIns = 0, signInsRefused = 0, acksSent = 0;

private:
    AlarmController& m_alarms;
    const Clock& m_clock;
    std::mt19937_64 m_rng;
    QHash<QString, qint64> m_due; // alarm id -> simulated time of its acknowledgement
    QString m_lastRefusal;
};

// The samples of a track (one hour of one tag) a look-back would keep if a tag that stays in its
// room, within its accuracy (at least StillM) of its last sample, kept one sample a StillSpacingMs
// (the one proposed for core/positionhistory.cpp), its newest included.
quint64 stillThinned(const QVector<TrackPoint>& points)
{
    constexpr double StillM = 1.5;
    constexpr qint64 StillSpacingMs = 60'000;
    quint64 kept = 0;
    const TrackPoint* last = nullptr;
    for (const TrackPoint& p : points) {
        if (last && p.roomId == last->roomId && p.floor == last->floor &&
            p.timeMs - last->timeMs < StillSpacingMs &&
            std::hypot(p.x - last->x, p.y - last->y) <= std::max(StillM, last->accuracyM))
            continue;
        last = &p;
        ++kept;
    }
    return kept + (points.isEmpty() || last == &points.back() ? 0 : 1);
}

// SQLite's own heap use (its page caches), from the library the Qt driver loaded; -1 when unknown.
qint64 sqliteMemoryUsed()
{
    static const auto used = []() -> qint64 (*)() {
        void* lib = dlopen("libsqlite3.so.0", RTLD_LAZY | RTLD_NOLOAD);
        return lib ? reinterpret_cast<qint64 (*)()>(dlsym(lib, "sqlite3_memory_used")) : nullptr;
    }();
    return used ? used() : -1;
}

QByteArray presence(const QString& id, const Site& site, qint64 nowMs)
{
    StationPresenceMsg p;
    p.stationId = id;
    p.online = true;
    p.siteHash = site.hash;
    p.deviceTimeMs = nowMs;
    return encode(p);
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const double hours = envNumber("WW_BENCH_SOAK_HOURS", 24) > 0 ? envNumber("WW_BENCH_SOAK_HOURS", 24) : 24;
    const qint64 totalSteps = qint64(hours * HourMs) / bench::SoakTraffic::StepMs;
    const double loopMin = envNumber("WW_BENCH_SOAK_LOOP_MIN", 60);
    // Simulated ms between the core's flushes besides the one of every simulated second (the app's
    // 40 ms timer is wall time: 25 flushes per simulated second only at 1x); 0: once a second.
    const qint64 flushMs = qint64(envNumber("WW_BENCH_SOAK_FLUSH_MS", 0));
    const QString vitalsDefault = QStringLiteral("../shared/data/vitals/physionet2012-subset/set-a");
    const QString vitalsDir = qEnvironmentVariable("WW_BENCH_SOAK_VITALS", vitalsDefault);

    const auto loaded = SiteLoader::loadDefault();
    if (!loaded.site) {
        out << "soak: the default site does not load: " << loaded.errors.join(u'\n') << Qt::endl;
        return 1;
    }
    const Site& site = *loaded.site;
    const Topics topics(site.id);
    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("soak-alarms.sqlite"));
    ManualClock clock; // 2026-01-01 00:00 UTC; both clocks move only with the traffic
    const qint64 startMs = clock.nowMs();

    bench::SoakTraffic::Options to;
    to.seed = quint64(envNumber("WW_BENCH_SOAK_SEED", 1));
    to.vitalsDir = QDir(vitalsDir).exists() ? vitalsDir : QString();
    to.loopMs = qint64(loopMin * 60'000);
    to.recordPath = dir.filePath(QStringLiteral("soak-traffic.bin"));
    bench::SoakTraffic traffic(site, startMs, to);
    if (!traffic.ok()) {
        out << "soak: cannot write the traffic's file " << to.recordPath << ": " << traffic.error()
            << Qt::endl;
        return 1;
    }

    // The station: the core on its thread, the models and the alarm controller on this one.
    const DeviceDirectory directory(site);
    IngestStats stats;
    CountingOutputs outputs;
    auto* core = new WardCore(site, directory, clock, stats);
    core->enableAlarms(StationId, logPath, StationOutputs{&outputs, &outputs});
    QThread coreThread;
    coreThread.setObjectName(QStringLiteral("ww-core"));
    core->moveToThread(&coreThread);
    QObject::connect(&coreThread, &QThread::finished, core, &QObject::deleteLater);
    QObject::connect(&coreThread, &QThread::started, core, &WardCore::start);

    WardModels models(site);
    AlarmController alarms(site, clock, core, nullptr);
    alarms.setLogPath(logPath);
    std::atomic<quint64> batchesSent{0}, batchesApplied{0};
    QObject::connect(
        core, &WardCore::updatesReady, core, [&] { ++batchesSent; }, Qt::DirectConnection);
    QObject::connect(core, &WardCore::updatesReady, &models, &WardModels::apply);
    std::atomic<qint64> guiBeat{clock.steadyMs()}; // the GUI's heartbeat: at each tick and each batch
    QObject::connect(&models, &WardModels::applied, &models, [&] {
        ++batchesApplied;
        guiBeat.store(clock.steadyMs(), std::memory_order_relaxed);
    });
    core->setGuiHeartbeat(
        &guiBeat); // not the controller's: its 250 ms wall tick is a minute of simulated time
    Nurse nurse(alarms, clock);
    int acksOk = 0, acksRefused = 0;
    QString ackRefusal;
    QObject::connect(core, &WardCore::acknowledgeResult, &nurse,
                     [&](const QString&, bool ok, const QString& message) {
                         ok ? ++acksOk : ++acksRefused;
                         if (!ok)
                             ackRefusal = message;
                     });
    QHash<QString, int> raisedByRule; // alarms that appeared, by rule (first sight of an id)
    QSet<QString> seenAlarms;
    int guiHung = 0;
    quint64 closedInHour = 0, closedIdChars = 0;
    QObject::connect(&alarms, &AlarmController::alarmUpdated, &nurse, [&](const AlarmState& a) {
        if (a.closed()) {
            if (seenAlarms.remove(a.id)) {
                ++closedInHour;
                closedIdChars += quint64(a.id.size());
            }
            return;
        }
        if (seenAlarms.contains(a.id))
            return;
        seenAlarms.insert(a.id);
        ++raisedByRule[a.rule];
        guiHung += a.rule == u"tech.gui-hung";
    });

    // The GUI thread's latency and heartbeat, and the nurse's hands.
    Lateness latency;
    QElapsedTimer wall;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(int(TickMs));
    double lastTick = -1;
    QObject::connect(&tick, &QTimer::timeout, &nurse, [&] {
        const double now = double(wall.nsecsElapsed()) / 1e6;
        if (lastTick >= 0)
            latency.add(now - lastTick - TickMs);
        lastTick = now;
        guiBeat.store(clock.steadyMs(), std::memory_order_relaxed);
        nurse.act();
    });

    // Signed in before the day starts (the PIN hash takes a while, on a worker).
    {
        QEventLoop wait;
        QObject::connect(&alarms, &AlarmController::signInFinished, &wait, &QEventLoop::quit);
        nurse.signIn();
        QTimer::singleShot(60'000, &wait, &QEventLoop::quit);
        wait.exec();
        if (alarms.operatorId().isEmpty()) {
            out << "soak: the nurse could not sign in: " << nurse.lastRefusal() << Qt::endl;
            return 1;
        }
    }

    out << "soak: site " << site.id << ", " << traffic.tagCount() << " tags, " << site.patients.size()
        << " patients, vitals "
        << (traffic.vitalsReplayed() ? QStringLiteral("replayed from %1").arg(vitalsDir)
                                     : QStringLiteral("synthetic"))
        << "; " << QString::number(hours) << " h simulated, "
        << (to.loopMs > 0
                ? QStringLiteral("the simulator's first %1 min, then replayed with its times moved on")
                      .arg(loopMin)
                : QStringLiteral("the simulator throughout"))
        << Qt::endl;

    // The feeder: traffic into the core, one simulated second's timers after each second's frames.
    std::vector<Mark> marks;
    QSemaphore coreAhead(CoreAheadS);
    std::atomic<bool> stop{false};
    quint64 framesFed = 0;
    QObject guiContext;
    wall.start();
    tick.start();
    coreThread.start();
    std::thread feeder([&] {
        auto guiCaughtUp = [&] { return batchesSent.load() - batchesApplied.load() <= quint64(GuiBacklog); };
        for (qint64 step = 1; step <= totalSteps && !stop.load(); ++step) {
            clock.advance(bench::SoakTraffic::StepMs);
            const qint64 now = clock.nowMs();
            for (const bench::SoakFrame& f : traffic.step()) {
                core->receive(
                    f.topic.constData(),
                    {reinterpret_cast<const std::byte*>(f.payload.constData()), size_t(f.payload.size())},
                    now);
                ++framesFed;
            }
            if (flushMs > 0 && step * bench::SoakTraffic::StepMs % flushMs == 0 && step % 10 != 0)
                QMetaObject::invokeMethod(
                    core, [&] { core->flushNow(); }, Qt::QueuedConnection);
            if (step % 10 != 0)
                continue;
            for (const QString& id : {StationId, PeerId}) {
                const QByteArray topic = topics.station(id).toUtf8(), payload = presence(id, site, now);
                core->receive(
                    topic.constData(),
                    {reinterpret_cast<const std::byte*>(payload.constData()), size_t(payload.size())}, now);
            }
            coreAhead.acquire();
            QMetaObject::invokeMethod(
                core,
                [&] {
                    core->flushNow();
                    core->checkSignals();
                    core->accountAssetUse();
                    core->evaluateAlarms();
                    coreAhead.release();
                },
                Qt::QueuedConnection);
            while (!guiCaughtUp() && !stop.load())
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            if (step * bench::SoakTraffic::StepMs % HourMs != 0 && step != totalSteps)
                continue;
            // An hour: everything queued applied (core, then models), no sign-in's hash in memory.
            Mark m;
            m.hour = int(step * bench::SoakTraffic::StepMs / HourMs);
            QMetaObject::invokeMethod(
                core,
                [&] {
                    core->flushNow();
                    core->alarmEngine()->forEach([&](const AlarmState& a) {
                        ++m.engineAlarms;
                        m.engineOpen += !a.closed();
                    });
                    m.applied = core->messagesApplied();
                    m.fixes = core->fixesComputed();
                    m.coreCpuS = threadCpuS();
                    // The look-back's samples of the last hour (PositionHistory: 12 h kept), tag by tag.
                    const QMetaObject::Connection c = QObject::connect(
                        core, &WardCore::track, core,
                        [&](const QString&, const QString&, const QVector<TrackPoint>& points) {
                            m.historyNew += quint64(points.size());
                            m.historyStill += stillThinned(points);
                        },
                        Qt::DirectConnection);
                    for (int tag = 0; tag < directory.tagCount(); ++tag)
                        core->queryTrack(QStringLiteral("soak"), directory.tagId(tag), now - HourMs + 1, now);
                    QObject::disconnect(c);
                },
                Qt::BlockingQueuedConnection);
            m.feederCpuS = threadCpuS();
            while (nurse.signingIn.load() && !stop.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            QMetaObject::invokeMethod(
                &guiContext,
                [&] {
                    const struct mallinfo2 mi = mallinfo2();
                    m.wallS = double(wall.nsecsElapsed()) / 1e9;
                    m.rssKb = rssKb();
                    m.heapInUse = mi.uordblks + mi.hblkhd;
                    m.heapArena = mi.arena;
                    m.heapMmap = mi.hblkhd;
                    m.listRows = alarms.alarms().rowCount();
                    m.trendBytes = models.trends.bytes();
                    m.closed = std::exchange(closedInHour, 0);
                    m.closedIdChars = std::exchange(closedIdChars, 0);
                    m.sqliteBytes = sqliteMemoryUsed();
                    m.batches = models.batchesApplied();
                    m.guiCpuS = threadCpuS();
                    marks.push_back(m);
                    out << QStringLiteral(
                               "hour %1: wall %2 s, RSS %3 MB, heap in use %4 MB (arenas %5 MB), alarms "
                               "held by the engine %6 (open %7), in the list %8, trends %9 MB, look-back "
                               "samples of the hour %10, SQLite %11 MB")
                               .arg(m.hour, 2)
                               .arg(f1(m.wallS))
                               .arg(f1(m.rssKb / 1024.0))
                               .arg(f1(mb(double(m.heapInUse))))
                               .arg(f1(mb(double(m.heapArena))))
                               .arg(m.engineAlarms)
                               .arg(m.engineOpen)
                               .arg(m.listRows)
                               .arg(f1(mb(double(m.trendBytes))))
                               .arg(m.historyNew)
                               .arg(f1(mb(double(m.sqliteBytes))))
                        << Qt::endl;
                },
                Qt::BlockingQueuedConnection);
        }
        QMetaObject::invokeMethod(
            &guiContext, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    });
    app.exec();
    stop.store(true);
    feeder.join();
    tick.stop();
    const double wallMin = double(wall.nsecsElapsed()) / 60e9;
    const IngestCounters counters = stats.snapshot();
    coreThread.quit();
    coreThread.wait();

    // The marks: 1 h, a third of the run (8 h of 24) and its end.
    auto markAt = [&](double h) -> const Mark* {
        for (const Mark& m : marks)
            if (m.hour >= int(std::lround(h)))
                return &m;
        return marks.empty() ? nullptr : &marks.back();
    };
    const Mark* a = markAt(std::max(1.0, hours / 24));
    const Mark* b = markAt(std::max(1.0, hours / 3));
    const Mark* c = marks.empty() ? nullptr : &marks.back();
    if (!a || !b || !c) {
        out << "soak: no hour completed" << Qt::endl;
        return 0;
    }
    out << "traffic: " << framesFed << " frames (" << traffic.framesSimulated() << " simulated, "
        << traffic.framesReplayed() << " replayed, " << traffic.replayDropped() << " not replayable"
        << (to.loopMs > 0
                ? QStringLiteral("; the loop's file %1 MB").arg(f1(mb(double(traffic.recordBytes()))))
                : QString())
        << "); the station received " << counters.received << ", accepted " << counters.accepted
        << ", rejected " << counters.rejected << ", beacon reports " << counters.beaconReports << Qt::endl;
    QStringList rules;
    int raised = 0;
    for (auto it = raisedByRule.cbegin(); it != raisedByRule.cend(); ++it) {
        rules << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        raised += it.value();
    }
    rules.sort();
    out << "alarms: " << raised << " raised (" << rules.join(QStringLiteral(", "))
        << "); acknowledged by the nurse " << acksOk << ", refused " << acksRefused
        << (ackRefusal.isEmpty() ? QString() : QStringLiteral(" (last: %1)").arg(ackRefusal))
        << ", still due " << nurse.waiting() << "; sign-ins " << nurse.signIns << "; published "
        << outputs.messages << " (" << outputs.escalations << " escalations); tech.gui-hung " << guiHung
        << Qt::endl;
    out << "models: " << models.batchesApplied() << " batches applied; trends "
        << f1(mb(double(models.trends.bytes()))) << " MB; alarm list " << alarms.alarms().rowCount()
        << " rows" << Qt::endl;
    out << "GUI event loop lateness of a 10 ms timer: " << latency.line() << " (" << latency.count()
        << " ticks)" << Qt::endl;
    out << "RSS by simulated hour (MB):";
    for (const Mark& m : marks)
        out << " " << m.hour << "h " << f1(m.rssKb / 1024.0);
    out << Qt::endl << "heap in use by simulated hour (MB):";
    for (const Mark& m : marks)
        out << " " << m.hour << "h " << f1(mb(double(m.heapInUse)));
    out << Qt::endl;
    // CPU per simulated hour, the first (simulated) hour apart from the rest (replayed, when looped).
    if (marks.size() >= 2) {
        const Mark& first = marks.front();
        const double n = double(marks.back().hour - first.hour);
        out << "CPU s per simulated hour: first hour core " << f1(first.coreCpuS) << ", GUI "
            << f1(first.guiCpuS) << ", traffic " << f1(first.feederCpuS) << "; after it core "
            << f1((marks.back().coreCpuS - first.coreCpuS) / n) << ", GUI "
            << f1((marks.back().guiCpuS - first.guiCpuS) / n) << ", traffic "
            << f1((marks.back().feederCpuS - first.feederCpuS) / n) << " (wall "
            << f1((marks.back().wallS - first.wallS) / n) << " s)" << Qt::endl;
    }
    // What the windows hold at a mark: the look-back's samples of its last 12 hours (12 bytes each).
    auto historyMb = [&](const Mark& at) {
        quint64 n = 0;
        for (const Mark& m : marks)
            if (m.hour > at.hour - 12 && m.hour <= at.hour)
                n += m.historyNew;
        return mb(double(n) * 12.0);
    };
    auto historyStillMb = [&](const Mark& at) {
        quint64 n = 0;
        for (const Mark& m : marks)
            if (m.hour > at.hour - 12 && m.hour <= at.hour)
                n += m.historyStill;
        return mb(double(n) * 12.0);
    };
    // The engine's tombstones (ids of alarms closed within a day) at a mark: QHash<QString, qint64>,
    // about 48 bytes of node and string header besides the id's UTF-16 characters.
    auto tombstoneMb = [&](const Mark& at) {
        double bytes = 0;
        for (const Mark& m : marks)
            if (m.hour > at.hour - 24 && m.hour <= at.hour)
                bytes += double(m.closed) * 48.0 + double(m.closedIdChars) * 2.0;
        return mb(bytes);
    };
    const double sqliteGrowth =
        c->sqliteBytes >= 0 && b->sqliteBytes >= 0 ? mb(double(c->sqliteBytes - b->sqliteBytes)) : 0;
    const double heapGrowth = mb(double(c->heapInUse) - double(b->heapInUse));
    const double trendGrowth = mb(double(c->trendBytes) - double(b->trendBytes));
    const double historyGrowth = historyMb(*c) - historyMb(*b);
    out << "from " << b->hour << " h to " << c->hour << " h the heap in use grew " << f1(heapGrowth)
        << " MB: the charts' trends (models/trends) " << f1(trendGrowth)
        << " MB, the look-back (core/positionhistory, 12 h) about " << f1(historyGrowth) << " MB ("
        << f1(historyMb(*b)) << " -> " << f1(historyMb(*c)) << " MB), SQLite's page caches (records/) "
        << f1(sqliteGrowth) << " MB, the alarm engine's tombstones (alarms/alarmengine, a day) about "
        << f1(tombstoneMb(*c) - tombstoneMb(*b)) << " MB (" << f1(tombstoneMb(*b)) << " -> "
        << f1(tombstoneMb(*c)) << " MB), the rest "
        << f1(heapGrowth - trendGrowth - historyGrowth - sqliteGrowth - (tombstoneMb(*c) - tombstoneMb(*b)))
        << " MB" << Qt::endl;
    out << "the look-back thinned for still tags (one sample a minute while a tag stays within its accuracy, "
           "at least 1.5 m, in "
           "its room) would hold "
        << f1(historyStillMb(*b)) << " MB at " << b->hour << " h and " << f1(historyStillMb(*c)) << " MB at "
        << c->hour << " h" << Qt::endl;
    const double aMb = a->rssKb / 1024.0, bMb = b->rssKb / 1024.0, cMb = c->rssKb / 1024.0;
    const double span = std::max(1, c->hour - b->hour);
    out << "growth after " << b->hour << " h: RSS " << f1(cMb - bMb) << " MB ("
        << QString::number((cMb - bMb) / span, 'f', 2) << " MB per simulated hour), heap in use "
        << f1(mb(double(c->heapInUse) - double(b->heapInUse))) << " MB ("
        << QString::number(mb(double(c->heapInUse) - double(b->heapInUse)) / span, 'f', 2)
        << " MB per simulated hour)" << Qt::endl;
    const double p99 = latency.pct(0.99);
    const bool flat = cMb - bMb <= 10, small = cMb <= 300;
    out << "target " << (flat && small ? "met" : "missed") << ": RSS " << c->hour << " h - " << b->hour
        << " h = " << f1(cMb - bMb) << " MB (<= 10: " << (flat ? "yes" : "no") << "), RSS " << c->hour
        << " h = " << f1(cMb) << " MB (<= 300: " << (small ? "yes" : "no") << ")" << Qt::endl;
    out << "soak: " << QString::number(hours) << " h simulated in " << f1(wallMin) << " min; RSS " << a->hour
        << " h " << f1(aMb) << " MB, " << b->hour << " h " << f1(bMb) << " MB, " << c->hour << " h "
        << f1(cMb) << " MB; GUI latency p99 " << QString::number(p99, 'f', 1) << " ms" << Qt::endl;
    return 0;
}
