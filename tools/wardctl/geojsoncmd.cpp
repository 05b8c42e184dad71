#include "geojsoncmd.h"
#include "offline.h"
#include "positioning/georef.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <map>

namespace ww::offline {

namespace {

// [longitude, latitude] (RFC 7946 order), to the centimetre; with the floor's altitude when asked.
QJsonArray lonLat(const Site& site, double x, double y, int floor, bool altitude = false)
{
    const QGeoCoordinate c = pos::toGeoCoordinate(site, x, y, floor);
    auto round7 = [](double v) { return std::round(v * 1e7) / 1e7; };
    QJsonArray a{round7(c.longitude()), round7(c.latitude())};
    if (altitude)
        a.append(std::round(c.altitude() * 100) / 100);
    return a;
}

QJsonObject feature(const QJsonObject& geometry, const QJsonObject& properties)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                       {QStringLiteral("geometry"), geometry},
                       {QStringLiteral("properties"), properties}};
}

} // namespace

int geojson(const GeoJsonOptions& o, QTextStream& err)
{
    const SiteLoadResult loaded = o.site.isEmpty() ? SiteLoader::loadDefault() : SiteLoader::loadFile(o.site);
    if (!loaded.site) {
        for (const QString& e : loaded.errors)
            err << e << Qt::endl;
        return BadInput;
    }
    const Site& site = *loaded.site;
    QJsonArray features;
    for (const Room& r : site.rooms) {
        QJsonArray ring;
        for (const QPointF& p : r.polygon)
            ring.append(lonLat(site, p.x(), p.y(), r.floor));
        if (!r.polygon.isEmpty())
            ring.append(lonLat(site, r.polygon.front().x(), r.polygon.front().y(), r.floor)); // closed
        features.append(feature(QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                                            {QStringLiteral("coordinates"), QJsonArray{ring}}},
                                QJsonObject{{QStringLiteral("feature"), QStringLiteral("room")},
                                            {QStringLiteral("id"), r.id},
                                            {QStringLiteral("name"), r.name},
                                            {QStringLiteral("roomKind"), toString(r.kind)},
                                            {QStringLiteral("floor"), r.floor}}));
    }
    for (const Gateway& g : site.gateways)
        features.append(feature(QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")},
                                            {QStringLiteral("coordinates"), lonLat(site, g.x, g.y, g.floor)}},
                                QJsonObject{{QStringLiteral("feature"), QStringLiteral("gateway")},
                                            {QStringLiteral("id"), g.id},
                                            {QStringLiteral("room"), g.room},
                                            {QStringLiteral("floor"), g.floor}}));
    if (!o.positions.isEmpty()) {
        CsvFile csv(o.positions);
        if (!csv.ok()) {
            err << csv.error() << Qt::endl;
            return BadInput;
        }
        const int tCol = csv.column(QStringLiteral("time_s")), tagCol = csv.column(QStringLiteral("tag_id")),
                  xCol = csv.column(QStringLiteral("x")), yCol = csv.column(QStringLiteral("y")),
                  fCol = csv.column(QStringLiteral("floor")), rCol = csv.column(QStringLiteral("room")),
                  aCol = csv.column(QStringLiteral("accuracy_m"));
        if (tCol < 0 || tagCol < 0 || xCol < 0 || yCol < 0 || fCol < 0) {
            err << o.positions << ": missing column (header: time_s,tag_id,x,y,floor[,room][,accuracy_m], as wardctl locate writes)"
                << Qt::endl;
            return BadInput;
        }
        struct Latest
        {
            double t, x, y, accuracy;
            int floor;
            QString room;
        };
        std::map<QString, Latest> latest; // by tag, in tag order
        for (int r = 0; r < csv.rows(); ++r) {
            bool okT = false, okX = false, okY = false, okF = false, okA = true;
            const double t = csv.cell(r, tCol).toDouble(&okT), x = csv.cell(r, xCol).toDouble(&okX),
                         y = csv.cell(r, yCol).toDouble(&okY);
            const int floor = csv.cell(r, fCol).toInt(&okF);
            const double accuracy = aCol >= 0 && !csv.cell(r, aCol).isEmpty() ? csv.cell(r, aCol).toDouble(&okA) : 0;
            const QString tag = QString::fromUtf8(csv.cell(r, tagCol));
            if (!okT || !okX || !okY || !okF || !okA || tag.isEmpty() || !std::isfinite(t) || std::abs(t) >= 1e12 ||
                std::abs(x) > 10'000 || std::abs(y) > 10'000 || !std::isfinite(accuracy) || !site.floor(floor)) {
                err << csv.where(r) << ": not a position on this site (time_s, tag_id, x and y within 10 km, one of its floors)"
                    << Qt::endl;
                return BadInput;
            }
            auto [it, inserted] = latest.try_emplace(tag, Latest{t, x, y, accuracy, floor, QString::fromUtf8(csv.cell(r, rCol))});
            if (!inserted && t >= it->second.t)
                it->second = Latest{t, x, y, accuracy, floor, QString::fromUtf8(csv.cell(r, rCol))};
        }
        for (const auto& [tag, p] : latest)
            features.append(feature(QJsonObject{{QStringLiteral("type"), QStringLiteral("Point")},
                                                {QStringLiteral("coordinates"), lonLat(site, p.x, p.y, p.floor, true)}},
                                    QJsonObject{{QStringLiteral("feature"), QStringLiteral("position")},
                                                {QStringLiteral("tag"), tag},
                                                {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(qint64(std::llround(p.t * 1000)), Qt::UTC)
                                                                             .toString(Qt::ISODateWithMs)},
                                                {QStringLiteral("room"), p.room},
                                                {QStringLiteral("floor"), p.floor},
                                                {QStringLiteral("accuracyM"), p.accuracy}}));
    }
    const QJsonObject collection{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                 {QStringLiteral("name"), site.name},
                                 {QStringLiteral("features"), features}};
    QFile out(o.out);
    const QByteArray bytes = QJsonDocument(collection).toJson(QJsonDocument::Compact);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size()) {
        err << o.out << ": cannot write: " << out.errorString() << Qt::endl;
        return Failure;
    }
    return Done;
}

} // namespace ww::offline
