// Benchmark `scene`: the floor plan at the overview zoom with the default ward's site tags made up
// to 1000 markers (extra assets in a copy of the site: drawn like any site tag), every one live,
// located in a room and moving, and 20 high-priority alarms flashing in 20 rooms. Fed as the core
// feeds it: WardUpdate batches applied to the GUI-thread models (WardModels), alarms applied to the
// station's AlarmListModel, rooms lit and dark on the station's FlashClock. Offscreen, 1920x1080.
//  1. frame time: per frame, ~40 tags move (1000 tags at 1 Hz in 25 Hz batches), the batch is
//     applied, events are processed, then the view's viewport is repainted synchronously (timed).
//     The same for the empty scene (same site, nothing located, no alarm) in the same run.
//  2. GUI CPU: the real event loop for WW_BENCH_SCENE_SECONDS (default 20) s, a timer applying
//     25 batches/s so that every tag gets a new position once a second, the flash clock running
//     by itself, the view painting on its own updates; the GUI thread's CPU time over wall time.
// Prints details, then exactly one summary line; exits 0 whether or not the target is met.
#include "samples.h"
#include "core/rows.h"
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"
#include "ui/floorplanview.h"
#include "ui/planitems.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWindow>
#include <algorithm>
#include <memory>
#include <numeric>
#include <random>
#include <time.h>

using namespace ww;

namespace {

constexpr int TargetMarkers = 1000;
constexpr int AlarmRooms = 20;
constexpr int BatchesPerSecond = 25; // the core's update rate to the GUI
constexpr int WarmupFrames = 30;
constexpr double StepM = 0.5;        // a tag moves by up to this much per fix

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

using Stats = ww::bench::Samples;

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A tag the bench moves: which model row it is, the room it is in, where.
struct Tag
{
    enum Kind { Patient, Staff, Asset } kind;
    int row;
    const Room* room;
    double x, y;
};

class Mover
{
public:
    Mover(const Site& site, const WardModels& models) : m_site(site), m_models(models), m_rng(20260101)
    {
        double total = 0;
        for (const Room& r : site.rooms) {
            const QRectF b = r.polygon.boundingRect();
            total += b.width() * b.height();
            m_areaCdf.push_back(total);
        }
        // Patients at their bed's room (near the bed), everyone else in a room chosen by its area.
        const auto& patients = models.patients.rows();
        for (int i = 0; i < int(patients.size()); ++i) {
            const PatientRow& p = patients[size_t(i)];
            if (p.vacant() || p.wristband.isEmpty())
                continue;
            const Bed* bed = site.bed(p.bed);
            const Room* room = bed ? site.room(bed->room) : nullptr;
            if (room && room->polygon.contains(bed->pos))
                m_tags.push_back({Tag::Patient, i, room, bed->pos.x(), bed->pos.y()});
            else
                m_tags.push_back(randomTag(Tag::Patient, i));
        }
        for (int i = 0; i < int(models.staff.rows().size()); ++i)
            m_tags.push_back(randomTag(Tag::Staff, i));
        for (int i = 0; i < int(models.assets.rows().size()); ++i)
            m_tags.push_back(randomTag(Tag::Asset, i));
        m_order.resize(m_tags.size());
        std::iota(m_order.begin(), m_order.end(), size_t(0));
        std::shuffle(m_order.begin(), m_order.end(), m_rng);
    }

    [[nodiscard]] size_t size() const { return m_tags.size(); }
    [[nodiscard]] int count(Tag::Kind k) const
    {
        return int(std::count_if(m_tags.begin(), m_tags.end(), [k](const Tag& t) { return t.kind == k; }));
    }

    // Every tag where it is now (the first fix).
    WardUpdatePtr all(qint64 nowMs)
    {
        std::vector<size_t> idx(m_tags.size());
        std::iota(idx.begin(), idx.end(), size_t(0));
        return batch(idx, nowMs);
    }

    // The next n tags in a fixed round (every tag once per round), each moved by up to StepM.
    WardUpdatePtr next(int n, qint64 nowMs)
    {
        std::vector<size_t> idx;
        for (int k = 0; k < n && !m_tags.empty(); ++k) {
            const size_t i = m_order[m_cursor];
            m_cursor = (m_cursor + 1) % m_order.size();
            move(m_tags[i]);
            idx.push_back(i);
        }
        return batch(idx, nowMs);
    }

private:
    QPointF randomIn(const Room& r)
    {
        const QRectF b = r.polygon.boundingRect();
        std::uniform_real_distribution<double> ux(b.left(), b.right()), uy(b.top(), b.bottom());
        for (int tries = 0; tries < 200; ++tries) {
            const QPointF p(ux(m_rng), uy(m_rng));
            if (r.polygon.contains(p))
                return p;
        }
        return r.centre();
    }

    Tag randomTag(Tag::Kind kind, int row)
    {
        std::uniform_real_distribution<double> u(0, m_areaCdf.back());
        const double pick = u(m_rng);
        const size_t r = size_t(std::lower_bound(m_areaCdf.begin(), m_areaCdf.end(), pick) - m_areaCdf.begin());
        const Room& room = m_site.rooms[std::min(r, m_site.rooms.size() - 1)];
        const QPointF p = randomIn(room);
        return {kind, row, &room, p.x(), p.y()};
    }

    void move(Tag& t)
    {
        std::uniform_real_distribution<double> d(-StepM, StepM);
        for (int tries = 0; tries < 8; ++tries) {
            const QPointF p(t.x + d(m_rng), t.y + d(m_rng));
            if (QLineF(QPointF(t.x, t.y), p).length() <= StepM && t.room->polygon.contains(p)) {
                t.x = p.x();
                t.y = p.y();
                return;
            }
        }
    }

    WardUpdatePtr batch(std::vector<size_t> idx, qint64 nowMs)
    {
        std::sort(idx.begin(), idx.end(), [this](size_t a, size_t b) {
            return std::pair(int(m_tags[a].kind), m_tags[a].row) < std::pair(int(m_tags[b].kind), m_tags[b].row);
        });
        auto u = std::make_shared<WardUpdate>();
        for (size_t i : idx) {
            const Tag& t = m_tags[i];
            Location loc{t.room->id, t.room->name, t.room->floor, t.x, t.y, 1.5, nowMs, true};
            switch (t.kind) {
            case Tag::Patient: {
                PatientRow r = m_models.patients.rows()[size_t(t.row)];
                r.location = loc;
                r.tagSignal = SignalState::Live;
                u->patients.emplace_back(t.row, std::move(r));
                break;
            }
            case Tag::Staff: {
                StaffRow r = m_models.staff.rows()[size_t(t.row)];
                r.location = loc;
                r.signal = SignalState::Live;
                u->staff.emplace_back(t.row, std::move(r));
                break;
            }
            case Tag::Asset: {
                AssetRow r = m_models.assets.rows()[size_t(t.row)];
                r.location = loc;
                r.signal = SignalState::Live;
                u->assets.emplace_back(t.row, std::move(r));
                break;
            }
            }
        }
        return u;
    }

    const Site& m_site;
    const WardModels& m_models;
    std::mt19937_64 m_rng;
    std::vector<double> m_areaCdf;
    std::vector<Tag> m_tags;
    std::vector<size_t> m_order;
    size_t m_cursor = 0;
};

// 20 high-priority patient alarms in 20 patient rooms of both floors (alternating floors); the
// subject is a patient of that room when one lies there, so their marker flashes too.
std::vector<AlarmState> makeAlarms(const Site& site, qint64 nowMs)
{
    std::vector<const Room*> byFloor[2];
    for (const Room& r : site.rooms)
        if (r.kind == RoomKind::PatientRoom || r.kind == RoomKind::Icu || r.kind == RoomKind::Isolation)
            byFloor[site.floors.empty() || r.floor == site.floors.front().level ? 0 : 1].push_back(&r);
    std::vector<const Room*> rooms;
    for (size_t i = 0; rooms.size() < size_t(AlarmRooms) && i < byFloor[0].size() + byFloor[1].size(); ++i)
        for (auto& f : byFloor)
            if (i < f.size() && rooms.size() < size_t(AlarmRooms))
                rooms.push_back(f[i]);
    std::vector<AlarmState> out;
    for (const Room* room : rooms) {
        AlarmState a;
        a.rule = QStringLiteral("vitals.spo2-low");
        a.category = AlarmCategory::Patient;
        a.priority = Priority::High;
        a.roomId = room->id;
        a.place = room->name;
        a.subject = room->name;
        a.source = QStringLiteral("bench");
        for (const Patient& p : site.patients)
            if (const Bed* b = site.bed(p.bed); b && b->room == room->id) {
                a.subject = p.name;
                a.source = p.monitor;
                break;
            }
        a.condition = QStringLiteral("SpO2 84 < 90");
        a.conditionCode = QStringLiteral("vital.low");
        a.conditionArgs = {QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")};
        a.value = 84;
        a.limit = 90;
        a.onsetMs = nowMs - qint64(out.size()) * 1000;
        a.id = QStringLiteral("vitals.spo2-low:%1:%2").arg(room->id).arg(a.onsetMs);
        a.stationId = QStringLiteral("bench");
        a.revision = 1;
        out.push_back(a);
    }
    return out;
}

// The station's plan on one site: its models, its alarm controller (no core, no sound), the view.
struct Rig
{
    WardModels models;
    AlarmController alarms;
    FloorPlanView view;

    Rig(const Site& site, const Clock& clock)
        : models(site), alarms(site, clock, nullptr, nullptr), view(site, models, &alarms)
    {
        view.resize(1920, 1080);
    }

    void show()
    {
        view.show();
        view.showFloor(std::nullopt); // the overview, fitted
        QElapsedTimer t;
        t.start();
        while ((!view.windowHandle() || !view.windowHandle()->isExposed()) && t.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        view.showFloor(std::nullopt);
        runFor(400); // layout, first paint, the recluster timer
    }

    [[nodiscard]] int located() const
    {
        int n = scene()->visibleMarkers();
        for (const PlanCluster* c : scene()->clusters())
            n += c->count();
        return n;
    }
    [[nodiscard]] int flashingRooms(const Site& site) const
    {
        int n = 0;
        for (const Room& r : site.rooms)
            if (const PlanRoom* pr = scene()->room(r.id); pr && pr->alarm())
                ++n;
        return n;
    }
    [[nodiscard]] FloorPlanScene* scene() const { return view.scene(); }
};

struct FrameResult
{
    Stats paint, events;
};

// Frames: a batch of moves (if any), the flash clock set to the frame's time, events processed
// (timers, the view's own partial paints), then the full viewport repainted synchronously: timed.
FrameResult frames(Rig& rig, Mover* mover, int count, int perBatch, const SystemClock& clock)
{
    FrameResult r;
    QWidget* viewport = rig.view.view()->viewport();
    QElapsedTimer t;
    for (int f = 0; f < WarmupFrames + count; ++f) {
        t.start();
        if (mover)
            rig.models.apply(mover->next(perBatch, clock.nowMs()));
        rig.alarms.flashClock().setNow(qint64(f) * 1000 / BatchesPerSecond);
        QCoreApplication::processEvents();
        const qint64 events = t.nsecsElapsed();
        t.start();
        viewport->repaint();
        const qint64 paint = t.nsecsElapsed();
        if (f >= WarmupFrames) {
            r.events.v.push_back(double(events) / 1e6);
            r.paint.v.push_back(double(paint) / 1e6);
        }
    }
    return r;
}

class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject* o, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(o, e);
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The station's remembered layers: defaults, from a settings file of the bench's own.
    QTemporaryDir settingsDir;
    QCoreApplication::setOrganizationName(QStringLiteral("wardwatch-bench"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    // AlarmController without a core connects to nothing: not worth a warning here.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.core.qobject.connect.warning=false"));
    QTextStream out(stdout);

    const int frameCount = envInt("WW_BENCH_SCENE_FRAMES", 600);
    const int seconds = envInt("WW_BENCH_SCENE_SECONDS", 20);

    // The default ward, its site tags made up to 1000 with assets (site tags: drawn as any other).
    Site site = *SiteLoader::loadDefault().site;
    {
        const WardRows base = initialRows(site);
        const int located = int(std::count_if(base.patients.begin(), base.patients.end(),
                                               [](const PatientRow& p) { return !p.vacant() && !p.wristband.isEmpty(); })) +
                            int(base.staff.size() + base.assets.size());
        for (int i = 1; i <= TargetMarkers - located; ++i)
            site.assets.push_back(Asset{QStringLiteral("BENCH-A%1").arg(i, 4, 10, QLatin1Char('0')),
                                        QStringLiteral("Bench pump %1").arg(i), QStringLiteral("infusion-pump"),
                                        QStringLiteral("bench-tag-%1").arg(i), QString()});
    }
    SystemClock clock;
    const int perBatch = (TargetMarkers + BatchesPerSecond - 1) / BatchesPerSecond;

    // 1a. the empty scene: the same site, nothing located, no alarm.
    FrameResult empty;
    int emptyShown = 0;
    QSize viewportSize;
    {
        Rig rig(site, clock);
        rig.show();
        emptyShown = rig.located();
        empty = frames(rig, nullptr, frameCount, 0, clock);
    }

    // 1b. the loaded scene.
    FrameResult loaded;
    int shownSingly = 0, clusters = 0, inClusters = 0, flashing = 0, markers = 0;
    double pxPerM = 0;
    int patients = 0, staff = 0, assets = 0;
    {
        Rig rig(site, clock);
        Mover mover(site, rig.models);
        patients = mover.count(Tag::Patient);
        staff = mover.count(Tag::Staff);
        assets = mover.count(Tag::Asset);
        rig.models.apply(mover.all(clock.nowMs()));
        for (const AlarmState& a : makeAlarms(site, clock.nowMs()))
            rig.alarms.alarms().apply(a);
        rig.show();
        viewportSize = rig.view.view()->viewport()->size();
        pxPerM = rig.view.pixelsPerMetre();
        loaded = frames(rig, &mover, frameCount, perBatch, clock);
        runFor(400); // the last moves clustered
        shownSingly = rig.scene()->visibleMarkers();
        clusters = int(rig.scene()->clusters().size());
        for (const PlanCluster* c : rig.scene()->clusters())
            inClusters += c->count();
        markers = shownSingly + inClusters;
        flashing = rig.flashingRooms(site);
    }

    // 2. GUI CPU: the real event loop, positions at 1 Hz per tag in 25 batches/s, the flash clock
    //    running by itself, the view painting its own updates.
    double cpuPct = 0, wallS = 0, cpuS = 0;
    int paints = 0, ticks = 0, batches = 0;
    bool clockRan = false;
    {
        Rig rig(site, clock);
        Mover mover(site, rig.models);
        rig.models.apply(mover.all(clock.nowMs()));
        for (const AlarmState& a : makeAlarms(site, clock.nowMs()))
            rig.alarms.alarms().apply(a);
        rig.show();
        PaintCounter counter;
        rig.view.view()->viewport()->installEventFilter(&counter);
        QObject::connect(&rig.alarms.flashClock(), &FlashClock::ticked, [&] { ++ticks; });
        QTimer feed;
        feed.setTimerType(Qt::PreciseTimer);
        feed.setInterval(1000 / BatchesPerSecond);
        QObject::connect(&feed, &QTimer::timeout, [&] {
            rig.models.apply(mover.next(perBatch, clock.nowMs()));
            ++batches;
        });
        feed.start();
        runFor(2000); // settle: every tag moved once, gliding
        counter.paints = ticks = batches = 0;
        clockRan = rig.alarms.flashClock().running();
        QElapsedTimer wall;
        const double cpu0 = threadCpuSeconds();
        wall.start();
        runFor(seconds * 1000);
        cpuS = threadCpuSeconds() - cpu0;
        wallS = double(wall.nsecsElapsed()) / 1e9;
        feed.stop();
        cpuPct = 100.0 * cpuS / wallS;
        paints = counter.paints;
        clockRan = clockRan && rig.alarms.flashClock().running();
        rig.view.view()->viewport()->removeEventFilter(&counter);
    }

    out << "scene: default ward + " << (assets - int(SiteLoader::loadDefault().site->assets.size()))
        << " bench asset tags; located and live: " << patients << " patients, " << staff << " staff, " << assets
        << " assets; " << flashing << " rooms flashing (high priority)" << Qt::endl;
    out << QStringLiteral("view: overview, viewport %1x%2 px, %3 px/m; offscreen")
               .arg(viewportSize.width()).arg(viewportSize.height()).arg(pxPerM, 0, 'f', 1)
        << Qt::endl;
    out << "loaded scene: " << markers << " markers placed: " << shownSingly << " drawn singly, " << clusters
        << " clusters holding " << inClusters << " (empty scene: " << emptyShown << ")" << Qt::endl;
    out << "frames: " << frameCount << " per scene after " << WarmupFrames << " warm-up; " << perBatch
        << " tags moved per frame (up to " << StepM << " m); flash clock at 40 ms per frame" << Qt::endl;
    out << "loaded repaint (full viewport): " << loaded.paint.line() << Qt::endl;
    out << "empty repaint (full viewport):  " << empty.paint.line() << Qt::endl;
    out << "loaded batch + events (apply, timers, partial paints): " << loaded.events.line() << Qt::endl;
    out << "empty events: " << empty.events.line() << Qt::endl;
    out << QStringLiteral("GUI CPU: %1 s of the GUI thread in %2 s wall = %3 % of one core; %4 batches (%5 positions/s), "
                          "%6 viewport paints (%7/s), %8 flash ticks, flash clock %9")
               .arg(cpuS, 0, 'f', 2).arg(wallS, 0, 'f', 1).arg(cpuPct, 0, 'f', 1).arg(batches)
               .arg(double(batches) * perBatch / wallS, 0, 'f', 0).arg(paints).arg(double(paints) / wallS, 0, 'f', 1)
               .arg(ticks).arg(clockRan ? QStringLiteral("running") : QStringLiteral("NOT running"))
        << Qt::endl;
    const int dueBatches = int(wallS * BatchesPerSecond);
    if (batches < dueBatches * 95 / 100)
        out << "GUI thread saturated: " << batches << " of " << dueBatches
            << " batches due were applied (the CPU figure is then a floor, not the load)" << Qt::endl;
    out << QStringLiteral("scene frame p95: %1 ms with %2 markers, %3 flashing (empty: %4 ms); GUI CPU %5 %")
               .arg(loaded.paint.pct(0.95), 0, 'f', 1).arg(markers).arg(flashing).arg(empty.paint.pct(0.95), 0, 'f', 1)
               .arg(cpuPct, 0, 'f', 1)
        << Qt::endl;
    return 0;
}
