// FloorPlanScene's markers of patients, staff and assets: made from the models' rows, moved to their
// fixes (gliding or jumping), shown by layer, floor and scope, and placed at recorded positions looking back.
#include "ui/floorplanscene.h"

#include "models/wardmodels.h"
#include "ui/planitems.h"

#include <QElapsedTimer>
#include <QGraphicsEllipseItem>
#include <QPen>
#include <algorithm>

namespace ww {

namespace {

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

} // namespace

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

PlanMarker* FloorPlanScene::marker(const QString& id) const
{
    return m_byId.value(id);
}

int FloorPlanScene::visibleMarkers() const
{
    return int(std::count_if(m_markers.begin(), m_markers.end(), [](const PlanMarker* m) { return m->isVisible(); }));
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

} // namespace ww
