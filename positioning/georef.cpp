#include "positioning/georef.h"

#include <QDateTime>
#include <QtMath>

namespace ww::pos {

QGeoCoordinate toGeoCoordinate(const Site& site, double x, double y, int floor)
{
    const QGeoCoordinate origin(site.latitude, site.longitude, 0);
    const double distance = std::hypot(x, y);
    // Azimuth of the point: the x axis's bearing, turned clockwise by the angle of (x, y) with y down.
    const double azimuth = site.bearingDeg + qRadiansToDegrees(std::atan2(y, x));
    QGeoCoordinate c = distance > 0 ? origin.atDistanceAndAzimuth(distance, azimuth) : origin;
    c.setAltitude(floor * FloorHeightM);
    return c;
}

QGeoPositionInfo toGeoPositionInfo(const Site& site, const Fix& fix)
{
    QGeoPositionInfo info(toGeoCoordinate(site, fix.x, fix.y, fix.floor),
                          QDateTime::fromMSecsSinceEpoch(qint64(fix.t * 1000), Qt::UTC));
    info.setAttribute(QGeoPositionInfo::HorizontalAccuracy, fix.accuracyM);
    return info;
}

} // namespace ww::pos
