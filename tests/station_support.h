#pragma once
// Integration-test helper for a StationCore on the test's thread against a real broker.
#include "core/stationcore.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTest>

namespace ww::test {

// Waits until the station has applied everything the broker delivered to it before now, and the
// models on this thread hold it. The presence of a made-up station, published now through other,
// reaches the station after all of that (the broker forwards in order, the core applies frames in
// order); once the core names it, a flush on the core thread sends what changed (computing any fix
// it would), and this thread takes that batch.
inline bool caughtUp(StationCore& station, MqttClient& other, const Site& site)
{
    static int markers = 0;
    const QString id = QStringLiteral("marker-%1").arg(++markers);
    bool named = false;
    QObject context;
    QObject::connect(&station.core(), &WardCore::stationsChanged, &context,
                     [&](const QStringList& online, const QStringList&) { named = named || online.contains(id); });
    StationPresenceMsg presence;
    presence.stationId = id;
    presence.online = true;
    presence.siteHash = site.hash;
    presence.deviceTimeMs = QDateTime::currentMSecsSinceEpoch();
    if (!other.publish(Topics(site.id).station(id), encode(presence), 1, false) || !QTest::qWaitFor([&] { return named; }, 10000))
        return false;
    QMetaObject::invokeMethod(&station.core(), [&] { station.core().flushNow(); }, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents();
    return true;
}

} // namespace ww::test
