// FloorPlanScene's grouping of markers: clusters of markers that overlap on screen, the rings of tags
// "unknown, near" a room, and the labels placed where they cover no other label or marker.
#include "ui/floorplanscene.h"

#include "ui/planitems.h"
#include "ui/planlayout.h"

#include <QGraphicsSimpleTextItem>
#include <algorithm>

namespace ww {

QList<PlanCluster*> FloorPlanScene::clusters() const
{
    return m_clusters;
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

} // namespace ww
