#pragma once
// `wardctl geojson`: the site and where its tags are, as GeoJSON for a campus GIS (RFC 7946:
// WGS-84 longitude and latitude through the site's geo-reference, positioning/georef.h).
#include <QString>
#include <QTextStream>

namespace ww::offline {

struct GeoJsonOptions
{
    QString site;      // empty: the embedded default ward
    QString positions; // optional: `wardctl locate`'s output (time_s,tag_id,x,y,floor,room[,accuracy_m])
    QString out;
};

// A FeatureCollection: every room (Polygon) and gateway (Point) with its floor, and each tag's
// latest position (Point with the floor's altitude). Done, or BadInput naming the file and line.
int geojson(const GeoJsonOptions& options, QTextStream& err);

} // namespace ww::offline
