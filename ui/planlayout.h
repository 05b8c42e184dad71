#pragma once
// Where things go on the floor plan's screen: markers that crowd each other, and labels that must
// not. Pure geometry in screen pixels (the scene passes its markers' places at the view's zoom).
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <optional>
#include <vector>

namespace ww {

// The points in groups where each point lies closer than `distance` to another of its group
// (single linkage); every point in exactly one group, lone points in groups of one.
[[nodiscard]] std::vector<std::vector<int>> groupsCloserThan(const std::vector<QPointF>& points, double distance);

// Places labels beside their marks (markPx wide), in the order given (the first wins): right, left,
// above, below or diagonally, wherever a label overlaps no label placed before it, no mark and stays
// inside bounds. A label with no free place is left out (its mark stays; the tooltip names it).
[[nodiscard]] std::vector<std::optional<QRectF>> placeLabels(const std::vector<QPointF>& marks, const std::vector<QSizeF>& sizes,
                                                             const QRectF& bounds, double markPx);

} // namespace ww
