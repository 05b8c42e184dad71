// FloorPlanScene's alarm overlays: rooms and subjects' markers flashing on the station's clock, where
// an alarm is, the focus alarm's nearest staff member and the nearest asset ringed with their routes.
#include "ui/floorplanscene.h"

#include "models/alarmlistmodel.h"
#include "models/flashclock.h"
#include "ui/planitems.h"

#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QPen>
#include <algorithm>

namespace ww {

namespace {

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

QGraphicsItem* FloorPlanScene::route() const
{
    return m_route->path().isEmpty() ? nullptr : m_route;
}

QGraphicsItem* FloorPlanScene::assetRoute() const
{
    return m_assetRoute->path().isEmpty() ? nullptr : m_assetRoute;
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
