#pragma once
// The engine's output at the Qt Positioning edge: site-frame metres to WGS-84 through the site's
// geo-reference (origin lat/lon, bearing of the x axis clockwise from north). The site frame is
// the floor plan's: x to the right, y down the plan, so y points 90° clockwise from x.
#include "domain/site.h"
#include "positioning/engine.h"

#include <QGeoCoordinate>
#include <QGeoPositionInfo>

namespace ww::pos {

inline constexpr double FloorHeightM = 4.0; // storey height used for the altitude of a floor

[[nodiscard]] QGeoCoordinate toGeoCoordinate(const Site& site, double x, double y, int floor);
// Coordinate, time (UTC), horizontal accuracy (the 68 % radius); the room and confidence are not
// QGeoPositionInfo attributes and stay in the Fix.
[[nodiscard]] QGeoPositionInfo toGeoPositionInfo(const Site& site, const Fix& fix);

} // namespace ww::pos
