#include "ui/floorplanscene.h"

#include "models/alarmlistmodel.h"
#include "models/flashclock.h"
#include "models/wardmodels.h"
#include "ui/planitems.h"
#include "ui/plandrawing.h"
#include "ui/planlayout.h"
#include "ui/plansearch.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPen>
#include <QPixmapCache>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsView>
#include <QSvgRenderer>
#include <QToolTip>
#include <algorithm>
#include <numeric>


namespace ww {

namespace {

constexpr double FloorGapM = 4;   // between floors stacked in the overview
constexpr qint64 GlideMs = 700;   // a marker glides to its new fix
constexpr double JumpM = 12;      // further than this (or to another floor): it jumps
constexpr double GlideMinPx = 5;  // a move smaller than this on screen (fix noise) is not animated
constexpr qint64 PulseMs = 2400;  // the find result's pulse

qint64 steadyMs()
{
    static QElapsedTimer t = [] {
        QElapsedTimer e;
        e.start();
        return e;
    }();
    return t.elapsed();
}

// Whether an alarm is about the marker's wearer: raised by its tag, or naming them as its subject
// ("Ada Byrne" or "Ada Byrne (bed 101-A)").
bool about(const AlarmState& a, const PlanMarker& m)
{
    if (!m.tag.isEmpty() && a.source == m.tag)
        return true;
    if (m.name.isEmpty() || !a.subject.startsWith(m.name))
        return false;
    return a.subject.size() == m.name.size() || QStringView(a.subject).mid(m.name.size()).startsWith(u" (");
}

} // namespace

QString layerName(PlanLayer layer)
{
    switch (layer) {
    case PlanLayer::Patients: return FloorPlanScene::tr("Patients");
    case PlanLayer::Staff: return FloorPlanScene::tr("Staff");
    case PlanLayer::Assets: return FloorPlanScene::tr("Assets");
    case PlanLayer::Infrastructure: return FloorPlanScene::tr("Gateways and reference beacons");
    case PlanLayer::Geofences: return FloorPlanScene::tr("Geofences");
    case PlanLayer::Accuracy: return FloorPlanScene::tr("Accuracy circles");
    case PlanLayer::Climate: return FloorPlanScene::tr("Room climate");
    }
    return {};
}

QString layerKey(PlanLayer layer)
{
    static const char* const keys[] = {"patients", "staff", "assets", "infrastructure", "geofences", "accuracy", "climate"};
    return QLatin1String(keys[int(layer)]);
}

QColor FloorPlanScene::patientColour() { return {31, 100, 200}; }
QColor FloorPlanScene::assetColour() { return {225, 120, 0}; }
QColor FloorPlanScene::staffColour(const QString& role)
{
    const QString r = role.toLower();
    if (r == QLatin1String("doctor"))
        return {0, 128, 128};
    if (r == QLatin1String("healthcare assistant"))
        return {100, 140, 20};
    if (r == QLatin1String("nurse"))
        return {20, 140, 60};
    return {90, 110, 90};
}

FloorPlanScene::FloorPlanScene(const Site& site, WardModels& models, AlarmListModel* alarms, FlashClock* clock, QObject* parent)
    : QGraphicsScene(parent), m_site(site), m_models(models), m_alarms(alarms), m_clock(clock)
{
    // Markers move all the time: no index to keep up (a few thousand items are drawn faster so).
    setItemIndexMethod(QGraphicsScene::NoIndex);
    m_palette = QGuiApplication::palette();
    // Markers, labels and rooms are cached as pixmaps (a few KB each; a thousand tags need some
    // 15 MB): Qt's default 10 MB would make them evict each other on every frame.
    QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), 64 * 1024));
    buildFloors();
    buildMarkers();
    m_route = addPath(QPainterPath());
    m_route->setZValue(8);
    m_assetRoute = addPath(QPainterPath());
    m_assetRoute->setZValue(8);
    m_pulse = addEllipse(QRectF());
    m_pulse->setZValue(30);
    m_pulse->setVisible(false);
    m_animation.setInterval(80); // 12.5 steps a second: a walker moves a few pixels a step
    connect(&m_animation, &QTimer::timeout, this, &FloorPlanScene::animate);
    m_reclusterTimer.setSingleShot(true);
    m_reclusterTimer.setInterval(500); // fixes come at about 1 Hz: clusters follow twice a second
    connect(&m_reclusterTimer, &QTimer::timeout, this, &FloorPlanScene::recluster);
    connect(&models, &WardModels::applied, this, &FloorPlanScene::applyRows);
    if (alarms) {
        for (auto signal : {&AlarmListModel::alarmsChanged, &AlarmListModel::respondersChanged})
            connect(alarms, signal, this, &FloorPlanScene::applyAlarms);
    }
    if (clock)
        connect(clock, &FlashClock::ticked, this, &FloorPlanScene::applyFlash);
    applyRows();
    applyAlarms();
    setSceneRect(overviewRect().adjusted(-40, -40, 40, 40));
}

FloorPlanScene::~FloorPlanScene() = default;

void FloorPlanScene::buildFloors()
{
    // The highest level on top; each floor's (0, 0) at its top left.
    std::vector<const Floor*> floors;
    for (const Floor& f : m_site.floors)
        floors.push_back(&f);
    std::sort(floors.begin(), floors.end(), [](const Floor* a, const Floor* b) { return a->level > b->level; });
    double y = 0;
    const QString siteDir = QFileInfo(m_site.sourceFile).path();
    for (const Floor* f : floors) {
        const QPointF origin(0, y);
        m_origins.insert(f->level, origin);
        const QRectF rect(origin, QSizeF(f->width, f->height) * PxPerM);
        auto* floorItem = addRect(rect, Qt::NoPen, Qt::NoBrush);
        m_floorItems.insert(f->level, floorItem);
        auto inScene = [&origin](const Polygon& polygon) {
            QPolygonF poly;
            for (const QPointF& p : polygon)
                poly << origin + p * PxPerM;
            return poly;
        };
        for (const Room& room : m_site.rooms) {
            if (room.floor != f->level)
                continue;
            auto* item = new PlanRoom(room, inScene(room.polygon), floorItem);
            m_rooms.insert(room.id, item);
        }
        m_drawing.addFloor(m_site, *f, origin, siteDir);
        for (const Gateway& g : m_site.gateways) {
            if (g.floor != f->level)
                continue;
            auto* item = new QGraphicsRectItem(QRectF(-5, -5, 10, 10), floorItem);
            item->setFlag(QGraphicsItem::ItemIgnoresTransformations);
            item->setPos(origin + QPointF(g.x, g.y) * PxPerM);
            item->setZValue(6);
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
            m_infrastructure << item;
            m_gatewayItems.insert(g.id, item);
        }
        for (const ReferenceBeacon& b : m_site.referenceBeacons) {
            if (b.floor != f->level || !b.gateway.isEmpty())
                continue;
            auto* item = new QGraphicsPolygonItem(QPolygonF{{0, -6}, {6, 0}, {0, 6}, {-6, 0}}, floorItem);
            item->setFlag(QGraphicsItem::ItemIgnoresTransformations);
            item->setPos(origin + QPointF(b.x, b.y) * PxPerM);
            item->setZValue(6);
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
            m_infrastructure << item;
            m_gatewayItems.insert(b.id, item);
        }
        y += (f->height + FloorGapM) * PxPerM + 22;
    }
}

void FloorPlanScene::buildMarkers()
{
    auto add = [this](PlanMarker* m) {
        addItem(m);
        m->accuracy = addEllipse(QRectF());
        m->accuracy->setVisible(false);
        m->accuracy->setZValue(7);
        QColor c = m->colour();
        c.setAlpha(90);
        m->accuracy->setPen(QPen(c, 0));
        c.setAlpha(24);
        m->accuracy->setBrush(c);
        m_markers.push_back(m);
        m_byId.insert(m->id, m);
    };
    for (const PatientRow& p : m_models.patients.rows())
        add(new PlanMarker(MarkerKind::Patient, p.id.isEmpty() ? QStringLiteral("bed:") + p.bed : p.id, p.wristband, p.name, tr("bed %1").arg(p.bed)));
    for (const StaffRow& s : m_models.staff.rows())
        add(new PlanMarker(MarkerKind::Staff, s.id, s.badge, s.name, s.role));
    for (const AssetRow& a : m_models.assets.rows())
        add(new PlanMarker(MarkerKind::Asset, a.id, a.tag, a.name, a.type));
}

QPointF FloorPlanScene::toScene(int floor, QPointF p) const
{
    return m_origins.value(floor, QPointF(-1e6, -1e6)) + p * PxPerM;
}

QRectF FloorPlanScene::floorRect(int level) const
{
    const Floor* f = m_site.floor(level);
    if (!f)
        return {};
    return QRectF(toScene(level, QPointF(0, 0)), QSizeF(f->width, f->height) * PxPerM);
}

QRectF FloorPlanScene::overviewRect() const
{
    QRectF r;
    for (const Floor& f : m_site.floors)
        r = r.united(floorRect(f.level).adjusted(0, -24, 0, 0));
    return r;
}

void FloorPlanScene::setFloor(std::optional<int> level)
{
    m_floor = level;
    for (auto it = m_floorItems.begin(); it != m_floorItems.end(); ++it)
        it.value()->setVisible(!level || it.key() == *level);
    m_drawing.dropHiddenCaches(level);
    invalidate(sceneRect(), BackgroundLayer);
    Q_EMIT backgroundChanged();
    updateVisibility();
    applyFocus();
    recluster();
}

void FloorPlanScene::applyPalette(const QPalette& palette)
{
    m_palette = palette;
    invalidate(sceneRect(), BackgroundLayer);
    Q_EMIT backgroundChanged();
    for (PlanRoom* r : std::as_const(m_rooms))
        r->update(); // their cached pixmaps were drawn with the old palette
    for (PlanMarker* m : std::as_const(m_markers))
        m->update();
    recluster(); // the names' colours follow the scheme
}

void FloorPlanScene::drawBackground(QPainter* painter, const QRectF& exposed)
{
    m_drawing.draw(painter, exposed, m_floor, m_layers[size_t(PlanLayer::Geofences)], m_palette);
}

void FloorPlanScene::setPixelScale(double s)
{
    if (qFuzzyCompare(s, m_pixelScale))
        return;
    m_pixelScale = s;
    recluster();
}

void FloorPlanScene::setLayerVisible(PlanLayer layer, bool visible)
{
    m_layers[size_t(layer)] = visible;
    if (layer == PlanLayer::Geofences) { // drawn in the background
        invalidate(sceneRect(), BackgroundLayer);
        Q_EMIT backgroundChanged();
    }
    if (layer == PlanLayer::Climate)
        applyClimate();
    if (layer == PlanLayer::Infrastructure)
        applyInfrastructure();
    updateVisibility();
    recluster();
}

PlanMarker* FloorPlanScene::marker(const QString& id) const
{
    return m_byId.value(id);
}

QList<PlanCluster*> FloorPlanScene::clusters() const
{
    return m_clusters;
}

int FloorPlanScene::visibleMarkers() const
{
    return int(std::count_if(m_markers.begin(), m_markers.end(), [](const PlanMarker* m) { return m->isVisible(); }));
}

QGraphicsItem* FloorPlanScene::route() const
{
    return m_route->path().isEmpty() ? nullptr : m_route;
}

QGraphicsItem* FloorPlanScene::assetRoute() const
{
    return m_assetRoute->path().isEmpty() ? nullptr : m_assetRoute;
}

QPointF FloorPlanScene::markerTarget(const PlanMarker& m) const
{
    return toScene(m.state.floor, m.state.site);
}

void FloorPlanScene::applyRows()
{
    const qint64 now = steadyMs();
    bool moved = false;
    bool identities = false; // the census put someone else in a patient row
    size_t i = 0;
    auto take = [&](const Location& loc, SignalState signal) {
        PlanMarker* m = m_markers[i++];
        if (m->kind == MarkerKind::Patient) { // the census may have put someone else in this row
            const PatientRow& p = m_models.patients.rowAt(int(i - 1));
            const QString id = p.vacant() ? QStringLiteral("bed:") + p.bed : p.id;
            if (id != m->id || p.wristband != m->tag || p.name != m->name || tr("bed %1").arg(p.bed) != m->detail) {
                if (m_byId.value(m->id) == m) // a transfer may have given the id to another row already
                    m_byId.remove(m->id);
                m->id = id;
                m->tag = p.wristband;
                m->name = p.name;
                m->detail = tr("bed %1").arg(p.bed);
                m_byId.insert(m->id, m);
                m->setToolTip(m->toolTipText());
                identities = true;
            }
        }
        PlanMarker::State s;
        s.known = loc.known && signal != SignalState::Waiting && m_origins.contains(loc.floor);
        s.live = signal == SignalState::Live;
        s.floor = loc.floor;
        s.site = QPointF(loc.x, loc.y);
        s.accuracyM = loc.accuracyM;
        // Not sure of the room: its tooltip says so ("R115 (last heard 14:02)"), and a stale room is faded.
        s.roomName = loc.roomState == RoomState::Known ? loc.roomName : locationText(loc);
        s.stale = loc.roomState == RoomState::Stale;
        // Only near a room: its room's ring shows it, not a dot (a silent tag's too: the list says
        // "no signal", the ring's tooltip where it was last near).
        s.unknownNear = !s.known && loc.roomState == RoomState::UnknownNear && signal != SignalState::Waiting &&
                        m_rooms.contains(loc.nearRoomId);
        s.nearRoomId = s.unknownNear ? loc.nearRoomId : QString();
        s.timeMs = loc.timeMs;
        if (s == m->state)
            return;
        const bool appearance = s.live != m->state.live || s.known != m->state.known || s.stale != m->state.stale;
        const PlanMarker::State before = m->state;
        m->state = s;
        m->setToolTip(m->toolTipText());
        if (appearance)
            m->update();
        if (m_replayMs || !s.known)
            return; // looking back: the recorded place stays until live view returns
        const QPointF target = markerTarget(*m);
        if (target == m->to && before.known)
            return;
        moved = true;
        // Glides to a near fix on the same floor; jumps to a far one, another floor or a first one.
        const bool glide = before.known && before.floor == s.floor && QLineF(before.site, s.site).length() < JumpM &&
                           QLineF(before.site, s.site).length() * PxPerM * m_pixelScale >= GlideMinPx;
        // Moved by the animation's next step (never here): the view repaints once per step, not
        // once per batch as well.
        m->from = glide ? m->pos() : target;
        m->to = target;
        m->glideStartMs = glide ? now : now - GlideMs;
        const double r = std::max(0.3, s.accuracyM) * PxPerM;
        m->accuracy->setRect(QRectF(target - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    };
    for (const PatientRow& p : m_models.patients.rows())
        take(p.location, p.vacant() ? SignalState::Waiting : p.tagSignal);
    for (const StaffRow& s : m_models.staff.rows())
        take(s.location, s.signal);
    for (const AssetRow& a : m_models.assets.rows())
        take(a.location, a.signal);
    if (moved && !m_animation.isActive()) {
        m_animation.start();
        animate(); // the first step now: a first fix shows at once
    }
    applyInfrastructure();
    if (m_layers[size_t(PlanLayer::Climate)])
        applyClimate();
    updateVisibility();
    if (identities) {
        applyAlarms(); // whose alarm flashes on which marker
        Q_EMIT identitiesChanged();
    }
    if (moved || identities)
        scheduleRecluster();
    applyFocus(); // a route starts where its walker is now
}

void FloorPlanScene::animate()
{
    const qint64 now = steadyMs();
    bool any = false;
    for (PlanMarker* m : m_markers) {
        if (m->pos() == m->to)
            continue;
        const double t = std::clamp(double(now - m->glideStartMs) / double(GlideMs), 0.0, 1.0);
        const double eased = t * t * (3 - 2 * t);
        m->setPos(t >= 1 ? m->to : m->from + (m->to - m->from) * eased);
        any = any || t < 1;
    }
    if (now < m_pulseUntil) {
        const double phase = double((m_pulseUntil - now) % 800) / 800.0;
        const double r = (10 + 30 * (1 - phase)) / std::max(0.01, m_pixelScale);
        const QPointF c = m_pulse->data(0).toPointF();
        m_pulse->setRect(QRectF(c - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        any = true;
    } else if (m_pulse->isVisible()) {
        m_pulse->setVisible(false);
    }
    if (!any)
        m_animation.stop();
}

void FloorPlanScene::pulseAt(QPointF p)
{
    m_pulse->setData(0, p);
    m_pulse->setPen(QPen(QColor(0, 120, 255), 4 / std::max(0.01, m_pixelScale)));
    m_pulse->setVisible(true);
    m_pulseUntil = steadyMs() + PulseMs;
    animate();
    m_animation.start();
}

bool FloorPlanScene::pulsing() const
{
    return m_pulse->isVisible();
}

bool FloorPlanScene::onShownFloor(const PlanMarker& m) const
{
    // Looking back: where the marker was recorded (data 1: placed, data 2: floor); live: its fix.
    const PlanLayer layer = m.kind == MarkerKind::Patient ? PlanLayer::Patients
                            : m.kind == MarkerKind::Staff ? PlanLayer::Staff
                                                          : PlanLayer::Assets;
    const bool placed = m_replayMs ? m.data(1).toBool() : m.state.known;
    const int floor = m_replayMs ? m.data(2).toInt() : m.state.floor;
    return placed && m_layers[size_t(layer)] && (!m_floor || *m_floor == floor);
}

void FloorPlanScene::setDimmedPatients(const QSet<QString>& patientIds)
{
    if (patientIds == m_dimmed)
        return;
    m_dimmed = patientIds;
    updateVisibility();
}

int FloorPlanScene::dimmedMarkers() const
{
    return int(std::count_if(m_markers.begin(), m_markers.end(), [](const PlanMarker* m) { return m->opacity() < 1; }));
}

QString FloorPlanScene::patientAt(QPointF scenePoint, const QTransform& viewTransform) const
{
    for (QGraphicsItem* item : items(scenePoint, Qt::IntersectsItemShape, Qt::DescendingOrder, viewTransform))
        for (QGraphicsItem* i = item; i; i = i->parentItem())
            if (i->type() == PlanMarker::Type) {
                const auto* m = static_cast<const PlanMarker*>(i);
                if (m->kind == MarkerKind::Patient && m->isVisible() && !m->id.startsWith(QLatin1String("bed:")))
                    return m->id;
            }
    return {};
}

QList<PlanMarker*> FloorPlanScene::markersAt(QPointF scenePoint, const QTransform& viewTransform) const
{
    for (QGraphicsItem* item : items(scenePoint, Qt::IntersectsItemShape, Qt::DescendingOrder, viewTransform))
        for (QGraphicsItem* i = item; i; i = i->parentItem()) {
            if (!i->isVisible())
                break;
            if (i->type() == PlanMarker::Type) {
                auto* m = static_cast<PlanMarker*>(i);
                if (!m->id.startsWith(QLatin1String("bed:")))
                    return {m};
            } else if (i->type() == PlanCluster::Type) {
                return static_cast<PlanCluster*>(i)->members();
            } else if (i->type() == PlanNearRing::Type) {
                return static_cast<PlanNearRing*>(i)->members();
            }
        }
    return {};
}

void FloorPlanScene::updateVisibility()
{
    for (PlanMarker* m : m_markers) {
        const bool shown = onShownFloor(*m);
        m->setVisible(shown && !m->clustered);
        m->accuracy->setVisible(shown && m_layers[size_t(PlanLayer::Accuracy)]);
        // Faint, not hidden: another nurse's patient who falls is still seen on the plan.
        const double opacity = m->kind == MarkerKind::Patient && m_dimmed.contains(m->id) ? 0.25 : 1.0;
        m->setOpacity(opacity);
        m->accuracy->setOpacity(opacity);
    }
    for (QGraphicsItem* g : std::as_const(m_infrastructure))
        g->setVisible(m_layers[size_t(PlanLayer::Infrastructure)]);
    applyNearRings();
}

void FloorPlanScene::applyNearRings()
{
    // Live view only: a recorded position carries no room state.
    QHash<QString, QList<PlanMarker*>> near;
    if (!m_replayMs)
        for (PlanMarker* m : m_markers) {
            const PlanLayer layer = m->kind == MarkerKind::Patient ? PlanLayer::Patients
                                    : m->kind == MarkerKind::Staff ? PlanLayer::Staff
                                                                   : PlanLayer::Assets;
            if (m->state.unknownNear && m_layers[size_t(layer)])
                near[m->state.nearRoomId] << m;
        }
    for (auto it = near.cbegin(); it != near.cend(); ++it) {
        if (m_nearRings.contains(it.key()))
            continue;
        const PlanRoom* room = m_rooms.value(it.key());
        auto* ring = new PlanNearRing(it.key());
        ring->setParentItem(m_floorItems.value(room->room().floor)); // shown with its floor
        ring->setPos(toScene(room->room().floor, room->room().centre()));
        m_nearRings.insert(it.key(), ring);
    }
    bool shownChanged = false;
    for (PlanNearRing* ring : std::as_const(m_nearRings)) {
        const bool before = ring->isVisible();
        ring->setMembers(near.value(ring->roomId()));
        shownChanged = shownChanged || ring->isVisible() != before;
    }
    if (shownChanged)
        scheduleRecluster(); // labels move off a ring that appeared
}

void FloorPlanScene::applyInfrastructure()
{
    if (!m_layers[size_t(PlanLayer::Infrastructure)])
        return;
    // Drawn by their health: heard (filled dark), never heard (hollow), silent (red, crossed).
    for (const DeviceRow& d : m_models.devices.rows()) {
        QGraphicsItem* item = m_gatewayItems.value(d.id);
        if (!item)
            continue;
        auto* shape = static_cast<QAbstractGraphicsShapeItem*>(item);
        const bool silent = d.signal == SignalState::NoSignal || d.statusOnline == false;
        const QColor c = silent ? QColor(200, 0, 0) : d.kind == DeviceKind::ReferenceBeacon ? QColor(150, 80, 170) : QColor(90, 90, 90);
        shape->setPen(QPen(c, silent ? 2.5 : 1.5));
        shape->setBrush(d.signal == SignalState::Live && !silent ? QBrush(c) : QBrush(Qt::NoBrush));
        const QString state = silent ? tr("silent since %1").arg(formatTime(d.lastSeenMs))
                              : d.signal == SignalState::Live ? tr("heard %1").arg(formatTime(d.lastSeenMs))
                                                              : tr("never heard");
        item->setToolTip(d.kind == DeviceKind::Gateway ? tr("Gateway %1: %2").arg(d.id, state)
                                                       : tr("Reference beacon %1: %2").arg(d.id, state));
    }
}

void FloorPlanScene::applyClimate()
{
    const bool on = m_layers[size_t(PlanLayer::Climate)];
    QHash<QString, PlanRoom::Climate> status;
    if (on)
        for (const EnvRow& e : m_models.environment.rows()) {
            if (e.kind != EnvKind::Room)
                continue;
            status.insert(e.id, e.signal == SignalState::NoSignal ? PlanRoom::Climate::NoSignal
                                : e.signal == SignalState::Waiting ? PlanRoom::Climate::Off
                                : e.outOfTarget.isEmpty()          ? PlanRoom::Climate::InTarget
                                                                   : PlanRoom::Climate::OutOfTarget);
        }
    for (PlanRoom* r : std::as_const(m_rooms))
        r->setClimate(status.value(r->room().id, PlanRoom::Climate::Off));
}

void FloorPlanScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    const QPointF at = event->scenePos();
    // Markers and gateways keep their size on screen: hit-tested with the view's transform.
    const auto* view = event->widget() ? qobject_cast<const QGraphicsView*>(event->widget()->parentWidget()) : nullptr;
    for (QGraphicsItem* item : items(at, Qt::IntersectsItemShape, Qt::DescendingOrder, view ? view->viewportTransform() : QTransform()))
        if (item->isVisible() && !item->toolTip().isEmpty()) {
            QGraphicsScene::helpEvent(event);
            return;
        }
    const QStringList lines = m_drawing.toolTipAt(at, m_floor, m_layers[size_t(PlanLayer::Geofences)]);
    if (lines.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->screenPos(), lines.join(u'\n'), event->widget());
    event->accept();
}

std::optional<std::pair<int, QPointF>> FloorPlanScene::alarmPlace(const QString& alarmId) const
{
    const AlarmState* a = m_alarms ? m_alarms->find(alarmId) : nullptr;
    if (!a)
        return std::nullopt;
    if (const Room* room = m_site.room(a->roomId); room && m_origins.contains(room->floor))
        return std::pair{room->floor, toScene(room->floor, room->centre())};
    // Its subject's marker (a staff member's panic, an asset), then the room its place names.
    for (PlanMarker* m : m_markers)
        if (m->state.known && about(*a, *m))
            return std::pair{m->state.floor, markerTarget(*m)};
    for (const Room& room : m_site.rooms)
        if (m_origins.contains(room.floor) && !a->place.isEmpty() &&
            (a->place == room.name || a->place.startsWith(room.name + QLatin1Char(' '))))
            return std::pair{room.floor, toScene(room.floor, room.centre())};
    return std::nullopt;
}

std::array<int, 3> FloorPlanScene::alarmCounts(int floor) const
{
    std::array<int, 3> n{0, 0, 0};
    if (!m_alarms)
        return n;
    for (int r = 0; r < m_alarms->rowCount(); ++r) {
        const AlarmState* a = m_alarms->at(r);
        const auto place = alarmPlace(a->id);
        if (place && place->first == floor && !a->closed())
            ++n[a->priority == Priority::High ? 0 : a->priority == Priority::Medium ? 1 : 2];
    }
    return n;
}

void FloorPlanScene::applyAlarms()
{
    // Rooms: the highest priority of their signalling alarms (looking back: what was open then).
    QHash<QString, Priority> rooms;
    QHash<PlanMarker*, Priority> subjects;
    if (m_replayMs) {
        rooms = m_recordedAlarms;
    } else if (m_alarms) {
        for (int r = 0; r < m_alarms->rowCount(); ++r) {
            const AlarmState* a = m_alarms->at(r);
            if (!a->signalling())
                continue;
            QString roomId = a->roomId;
            if (roomId.isEmpty())
                for (const Room& room : m_site.rooms)
                    if (!a->place.isEmpty() && (a->place == room.name || a->place.startsWith(room.name + QLatin1Char(' '))))
                        roomId = room.id;
            if (!roomId.isEmpty() && (!rooms.contains(roomId) || int(a->priority) > int(rooms.value(roomId))))
                rooms.insert(roomId, a->priority);
            for (PlanMarker* m : m_markers)
                if (about(*a, *m))
                    if (!subjects.contains(m) || int(a->priority) > int(subjects.value(m)))
                        subjects.insert(m, a->priority);
        }
    }
    for (PlanRoom* r : std::as_const(m_rooms)) {
        const auto it = rooms.constFind(r->room().id);
        r->setAlarm(it == rooms.cend() ? std::nullopt : std::optional(*it), m_replayMs.has_value());
    }
    for (PlanMarker* m : m_markers) {
        const auto it = subjects.constFind(m);
        const std::optional<Priority> p = it == subjects.cend() ? std::nullopt : std::optional(*it);
        if (p != m->alarm) {
            m->alarm = p;
            m->update();
        }
    }
    applyFlash();
    applyFocus();
    Q_EMIT alarmsChanged();
}

void FloorPlanScene::applyFlash()
{
    // Every flashing thing on the plan reads the station's one clock: it blinks with the banner.
    for (PlanRoom* r : std::as_const(m_rooms))
        r->setLit(!r->alarm() || m_replayMs || !m_clock || m_clock->lit(*r->alarm()));
    for (PlanMarker* m : m_markers)
        if (m->alarm) {
            const bool lit = !m_clock || m_clock->lit(*m->alarm);
            if (lit != m->lit) {
                m->lit = lit;
                m->update();
            }
        }
}

void FloorPlanScene::setFocusAlarm(const QString& id)
{
    m_focusAlarm = id;
    applyFocus();
}

QString FloorPlanScene::focusAlarm() const
{
    // The alarm the nurse chose while it still signals and nothing more urgent does; otherwise the
    // banner's alarm.
    const AlarmState* top = m_alarms ? m_alarms->topSignalling() : nullptr;
    if (const AlarmState* chosen = !m_focusAlarm.isEmpty() && m_alarms ? m_alarms->find(m_focusAlarm) : nullptr;
        chosen && chosen->signalling() && (!top || int(chosen->priority) >= int(top->priority)))
        return chosen->id;
    return top ? top->id : QString();
}

QPainterPath FloorPlanScene::routePath(const Route& route) const
{
    // Each floor's part of the route; between floors (the stairs) it breaks.
    QPainterPath path;
    std::optional<int> floor;
    for (const RoutePoint& p : route) {
        if (m_floor && p.floor != *m_floor) {
            floor.reset();
            continue;
        }
        const QPointF at = toScene(p.floor, p.p);
        if (floor == p.floor)
            path.lineTo(at);
        else
            path.moveTo(at);
        floor = p.floor;
    }
    return path;
}

void FloorPlanScene::applyFocus()
{
    // The nearest free staff member of the focus alarm ringed, and their walk drawn.
    const QString id = focusAlarm();
    const AlarmState* a = m_alarms && !id.isEmpty() ? m_alarms->find(id) : nullptr;
    const Responders near = a ? m_alarms->responders(id) : Responders{};
    const Responder* who = nullptr;
    for (const Responder& r : near)
        if (r.busyAt.isEmpty()) {
            who = &r;
            break;
        }
    if (!who && !near.isEmpty())
        who = &near.front();
    for (PlanMarker* m : m_markers) {
        std::optional<QColor> ring;
        if (who && m->kind == MarkerKind::Staff && m->id == who->staffId)
            ring = priorityColour(a->priority);
        if (m_nearestAsset && m->kind == MarkerKind::Asset && m->id == m_nearestAsset->assetId)
            ring = QColor(0, 120, 255);
        if (ring != m->ring) {
            m->ring = ring;
            m->update();
        }
    }
    QPainterPath path;
    if (who && !m_replayMs) {
        Route route = who->route;
        // From where the walker is now (the route was computed at their last fix).
        if (const PlanMarker* m = m_byId.value(who->staffId); m && m->state.known && !route.isEmpty() && route.front().floor == m->state.floor)
            route.front().p = m->state.site;
        path = routePath(route);
    }
    if (path != m_route->path()) {
        m_route->setPath(path);
        QColor c = a ? priorityColour(a->priority) : QColor(Qt::red);
        QPen pen(c.darker(120), 4, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin);
        pen.setCosmetic(true); // the same on screen at every zoom
        m_route->setPen(pen);
    }
    const QPainterPath assetPath = m_nearestAsset && !m_replayMs ? routePath(m_nearestAsset->route) : QPainterPath();
    if (assetPath != m_assetRoute->path()) {
        m_assetRoute->setPath(assetPath);
        QPen pen(QColor(0, 120, 255), 4, Qt::DotLine, Qt::RoundCap, Qt::RoundJoin);
        pen.setCosmetic(true);
        m_assetRoute->setPen(pen);
    }
}

void FloorPlanScene::showNearestAsset(const std::optional<NearbyAsset>& asset)
{
    m_nearestAsset = asset;
    applyFocus();
}

void FloorPlanScene::showRecorded(qint64 timeMs, const QVector<TagPosition>& positions, const QHash<QString, Priority>& alarmRooms)
{
    m_replayMs = timeMs;
    m_recordedAlarms = alarmRooms;
    QHash<QString, const TrackPoint*> at;
    for (const TagPosition& p : positions)
        at.insert(p.tagId, &p.at);
    for (PlanMarker* m : m_markers) {
        const TrackPoint* p = m->tag.isEmpty() ? nullptr : at.value(m->tag);
        const bool placed = p && m_origins.contains(p->floor);
        m->setData(1, placed);
        m->setData(2, placed ? p->floor : 0);
        if (placed) {
            m->to = m->from = toScene(p->floor, QPointF(p->x, p->y));
            m->setPos(m->to);
            const double r = std::max(0.3, p->accuracyM) * PxPerM;
            m->accuracy->setRect(QRectF(m->to - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        }
    }
    applyAlarms();
    updateVisibility();
    recluster();
}

void FloorPlanScene::setLive()
{
    if (!m_replayMs)
        return;
    m_replayMs.reset();
    m_recordedAlarms.clear();
    for (PlanMarker* m : m_markers)
        if (m->state.known) {
            m->to = m->from = markerTarget(*m);
            m->setPos(m->to);
            const double r = std::max(0.3, m->state.accuracyM) * PxPerM;
            m->accuracy->setRect(QRectF(m->to - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        }
    applyAlarms();
    updateVisibility();
    recluster();
}

void FloorPlanScene::scheduleRecluster()
{
    if (!m_reclusterTimer.isActive())
        m_reclusterTimer.start();
}

void FloorPlanScene::recluster()
{
    m_reclusterTimer.stop();
    qDeleteAll(m_clusters);
    m_clusters.clear();
    // Markers shown (layer, floor, located), in screen pixels at the view's zoom.
    std::vector<PlanMarker*> shown;
    for (PlanMarker* m : m_markers) {
        m->clustered = false;
        if (onShownFloor(*m))
            shown.push_back(m);
    }
    // Whoever an alarm is about, and whoever is ringed (the nearest responder, the nearest asset),
    // stays a marker of their own: never hidden in a cluster.
    std::vector<PlanMarker*> alone;
    std::erase_if(shown, [&](PlanMarker* m) {
        const bool keep = m->alarm.has_value() || m->ring.has_value();
        if (keep)
            alone.push_back(m);
        return keep;
    });
    // Markers closer than ClusterPx on screen join; a group of three or more becomes a cluster
    // (two overlap little: both stay, a nurse beside her patient).
    std::vector<QPointF> px(shown.size());
    for (size_t i = 0; i < shown.size(); ++i)
        px[i] = shown[i]->to * m_pixelScale;
    std::vector<QList<PlanMarker*>> groups;
    for (const std::vector<int>& group : groupsCloserThan(px, ClusterPx)) {
        QList<PlanMarker*> members;
        for (int i : group)
            members << shown[size_t(i)];
        groups.push_back(members);
    }
    std::vector<PlanMarker*> single = alone;
    for (const QList<PlanMarker*>& group : groups) {
        if (group.size() >= 3) {
            for (PlanMarker* m : group)
                m->clustered = true;
            auto* c = new PlanCluster(group);
            addItem(c);
            m_clusters << c;
        } else {
            single.insert(single.end(), group.begin(), group.end());
        }
    }
    updateVisibility();
    // Labels where they cover no other label and no marker; patients first, then staff, assets.
    std::sort(single.begin(), single.end(), [](const PlanMarker* a, const PlanMarker* b) {
        return a->kind != b->kind ? int(a->kind) < int(b->kind) : a->name < b->name;
    });
    std::vector<QPointF> marks;
    std::vector<QSizeF> sizes;
    for (PlanMarker* m : single) {
        if (const QString text = m->labelText(); text != m->label->text())
            m->label->setText(text); // (a new text redraws its cached pixmap; the same one does not)
        marks.push_back(m->to * m_pixelScale);
        sizes.push_back(m->label->boundingRect().size());
    }
    // The near rings are marks too: no label covers one (their own labels are their tooltips).
    for (const PlanNearRing* ring : std::as_const(m_nearRings))
        if (ring->isVisible()) {
            marks.push_back(ring->scenePos() * m_pixelScale);
            sizes.push_back(QSizeF(0, 0));
        }
    QRectF bounds;
    for (const QPointF& p : marks)
        bounds = bounds.united(QRectF(p - QPointF(400, 400), QSizeF(800, 800)));
    const auto placed = placeLabels(marks, sizes, bounds, MarkerPx);
    std::vector<bool> labelled(single.size());
    for (size_t i = 0; i < single.size(); ++i)
        labelled[i] = placed[i].has_value();
    QSet<PlanMarker*> keep;
    for (size_t i = 0; i < single.size(); ++i)
        if (labelled[i])
            keep.insert(single[i]);
    for (PlanMarker* m : m_markers)
        if (!keep.contains(m))
            m->label->setVisible(false);
    for (size_t i = 0; i < single.size(); ++i)
        if (placed[i]) {
            single[i]->label->setPos(placed[i]->topLeft() - marks[i]);
            const QColor c = planLabelColour(single[i]->colour(), single[i]->state.live);
            if (single[i]->label->brush().color() != c)
                single[i]->label->setBrush(c);
            single[i]->label->setVisible(true);
        }
    Q_EMIT clustered();
}

std::optional<FloorPlanScene::Found> FloorPlanScene::find(const QString& query) const
{
    return bestMatch(findables(m_site, m_markers, m_origins), query);
}

QStringList FloorPlanScene::completions() const
{
    QStringList out;
    for (const PlanFindable& f : findables(m_site, m_markers, m_origins))
        out << f.text;
    return out;
}

QString FloorPlanScene::roomAt(QPointF p) const
{
    for (const PlanRoom* r : m_rooms)
        if (r->isVisible() && r->parentItem()->isVisible() && r->polygon().containsPoint(p, Qt::OddEvenFill) &&
            r->room().kind != RoomKind::Corridor)
            return r->room().id;
    for (const PlanRoom* r : m_rooms)
        if (r->parentItem()->isVisible() && r->polygon().containsPoint(p, Qt::OddEvenFill))
            return r->room().id;
    return {};
}

QString FloorPlanScene::alarmAt(QPointF p) const
{
    if (!m_alarms || m_replayMs)
        return {};
    // A subject's marker under the point (its own alarm), then the room's most urgent alarm.
    const AlarmState* best = nullptr;
    for (const PlanMarker* m : m_markers) {
        if (!m->isVisible() || !m->alarm)
            continue;
        const double r = (MarkerPx / 2 + 4) / std::max(0.01, m_pixelScale);
        if (QLineF(m->pos(), p).length() > r)
            continue;
        for (int i = 0; i < m_alarms->rowCount(); ++i) {
            const AlarmState* a = m_alarms->at(i);
            if (about(*a, *m) && (!best || AlarmListModel::before(*a, *best)))
                best = a;
        }
    }
    if (best)
        return best->id;
    const QString roomId = roomAt(p);
    for (int i = 0; i < m_alarms->rowCount() && !roomId.isEmpty(); ++i) {
        const AlarmState* a = m_alarms->at(i);
        const auto place = alarmPlace(a->id);
        const QString aRoom = !a->roomId.isEmpty() ? a->roomId : place ? this->roomAt(place->second) : QString();
        if (aRoom == roomId && (!best || AlarmListModel::before(*a, *best)))
            best = a;
    }
    return best ? best->id : QString();
}

} // namespace ww
