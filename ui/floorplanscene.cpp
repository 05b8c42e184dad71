// FloorPlanScene's construction and static plan (floors, rooms, gateways and beacons by their health,
// room climate), the floor shown, palette and layers; markers, alarms, look-ups: floorplanscene_*.cpp.
#include "ui/floorplanscene.h"

#include "models/alarmlistmodel.h"
#include "models/flashclock.h"
#include "models/wardmodels.h"
#include "ui/planitems.h"
#include "ui/plandrawing.h"

#include <QFileInfo>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGuiApplication>
#include <QPainterPath>
#include <QPalette>
#include <QPen>
#include <QPixmapCache>
#include <algorithm>

namespace ww {

namespace {

constexpr double FloorGapM = 4;   // between floors stacked in the overview

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

} // namespace ww
