// FloorPlanScene's look-ups: what is at a scene point (a patient, markers, a room, the background's
// tooltips) and what the find box finds.
#include "ui/floorplanscene.h"

#include "ui/planitems.h"
#include "ui/plansearch.h"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsView>
#include <QToolTip>

namespace ww {

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

} // namespace ww
