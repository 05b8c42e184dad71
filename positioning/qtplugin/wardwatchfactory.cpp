#include "positioning/qtplugin/wardwatchfactory.h"
#include "positioning/qtplugin/wardwatchpositionsource.h"

namespace ww::qtpos {

QGeoPositionInfoSource* WardWatchPositionFactory::positionInfoSource(QObject* parent,
                                                                     const QVariantMap& parameters)
{
    if (!hasOwnParameters(parameters)) {
        qCInfo(lcQtPosition) << "wardwatch: no wardwatch.* parameters, no source";
        return nullptr;
    }
    return new WardWatchPositionSource(parameters, parent);
}

QGeoSatelliteInfoSource* WardWatchPositionFactory::satelliteInfoSource(QObject*, const QVariantMap&)
{
    return nullptr; // tags are located by radio, not by satellites
}

QGeoAreaMonitorSource* WardWatchPositionFactory::areaMonitor(QObject*, const QVariantMap&)
{
    return nullptr; // the station's geofences raise the ward's alarms
}

} // namespace ww::qtpos
