#pragma once
// The plugin's entry point: Qt finds it by its metadata (wardwatch.json: provider "wardwatch",
// positions only) in <plugins>/position and asks it for a source.
#include <QGeoPositionInfoSourceFactory>
#include <QObject>

namespace ww::qtpos {

class WardWatchPositionFactory : public QObject, public QGeoPositionInfoSourceFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.qt-project.qt.position.sourcefactory/6.0" FILE "wardwatch.json")
    Q_INTERFACES(QGeoPositionInfoSourceFactory)
public:
    // No source without a "wardwatch." parameter (so createDefaultSource goes on to the next
    // plugin); with bad ones, a source that reports why.
    QGeoPositionInfoSource* positionInfoSource(QObject* parent, const QVariantMap& parameters) override;
    QGeoSatelliteInfoSource* satelliteInfoSource(QObject* parent, const QVariantMap& parameters) override;
    QGeoAreaMonitorSource* areaMonitor(QObject* parent, const QVariantMap& parameters) override;
};

} // namespace ww::qtpos
