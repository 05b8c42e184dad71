#include "ui/plansearch.h"

#include "ui/plandrawing.h"
#include "ui/planitems.h"

#include <QCoreApplication>

namespace ww {

std::vector<PlanFindable> findables(const Site& site, const std::vector<PlanMarker*>& markers, const QHash<int, QPointF>& floors)
{
    std::vector<PlanFindable> out;
    for (const PlanMarker* m : markers) {
        if (m->kind == MarkerKind::Patient && m->name.isEmpty())
            continue; // a vacant bed: found as a bed
        const QString text = m->kind == MarkerKind::Patient ? QCoreApplication::translate("ww::FloorPlanScene", "%1 (patient, %2)").arg(m->name, m->detail)
                             : m->kind == MarkerKind::Staff ? QCoreApplication::translate("ww::FloorPlanScene", "%1 (%2)").arg(m->name, m->detail)
                                                            : QCoreApplication::translate("ww::FloorPlanScene", "%1 (%2, %3)").arg(m->name, m->detail, m->id);
        out.push_back({text, {m->name, m->id, m->tag}, m->state.floor, m->state.site, m->state.known});
    }
    for (const Bed& b : site.beds)
        if (const Room* r = site.room(b.room))
            out.push_back({QCoreApplication::translate("ww::FloorPlanScene", "Bed %1 (%2)").arg(b.id, planRoomName(*r)), {b.id, QStringLiteral("bed ") + b.id}, r->floor, b.pos,
                           floors.contains(r->floor)});
    for (const Room& r : site.rooms)
        out.push_back({QCoreApplication::translate("ww::FloorPlanScene", "%1 (room %2)").arg(planRoomName(r), r.id), {planRoomName(r), r.name, r.id}, r.floor, r.centre(),
                       floors.contains(r.floor)});
    return out;
}

std::optional<PlanFindable> bestMatch(const std::vector<PlanFindable>& candidates, const QString& query)
{
    const QString q = query.trimmed();
    if (q.isEmpty())
        return std::nullopt;
    auto rankOf = [&](const PlanFindable& f) {
        if (f.text.compare(q, Qt::CaseInsensitive) == 0)
            return 0;
        for (const QString& k : f.keys)
            if (!k.isEmpty() && k.compare(q, Qt::CaseInsensitive) == 0)
                return 1;
        for (const QString& k : f.keys)
            if (!k.isEmpty() && k.startsWith(q, Qt::CaseInsensitive))
                return 2;
        for (const QString& k : f.keys)
            if (!k.isEmpty() && k.contains(q, Qt::CaseInsensitive))
                return 3;
        return -1;
    };
    std::optional<PlanFindable> best;
    int bestRank = 0;
    for (const PlanFindable& f : candidates) {
        const int match = rankOf(f);
        if (match < 0)
            continue;
        const int rank = match * 2 + (f.located ? 0 : 1);
        if (!best || rank < bestRank) {
            best = f;
            bestRank = rank;
        }
    }
    return best;
}

} // namespace ww
