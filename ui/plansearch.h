#pragma once
// Find on the floor plan: what can be found (patients, staff and assets by name, id or tag; beds
// and rooms by name or id), each with the text offered for completion, and the best match of a query.
#include "domain/site.h"

#include <QHash>
#include <QPointF>
#include <QStringList>
#include <optional>
#include <vector>

namespace ww {

class PlanMarker;

struct PlanFindable
{
    QString text;        // as offered for completion: "Ada Byrne (patient, bed 101-A)"
    QStringList keys;    // what a query is matched against
    int floor = 0;
    QPointF site;        // site frame
    bool located = true; // false: a marker without a known position, or a floor not on the plan
};

// floors: the plan's floors (level -> anything); a bed or room elsewhere is not located.
[[nodiscard]] std::vector<PlanFindable> findables(const Site& site, const std::vector<PlanMarker*>& markers,
                                                  const QHash<int, QPointF>& floors);
// Best first: the completion's whole text, then a key equal to the query, then one that starts
// with it, then one that contains it (case-insensitive); of two as good, the one located.
[[nodiscard]] std::optional<PlanFindable> bestMatch(const std::vector<PlanFindable>& candidates, const QString& query);

} // namespace ww
