// End to end through a real broker: the simulator (its own process) publishes a ward for a few
// seconds; this process runs the station's core and models; the models must hold exactly the values
// the simulator says it sent, its events, and its patients in their true rooms.
#include "station_support.h"
#include "brokerfixture.h"
#include "core/stationcore.h"
#include "models/wardmodels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ww;

namespace {

} // namespace

class TestWardIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelsMatchTheSimulatorsTruth()
    {
        const int port = test::fixtureBrokerPort();
        QVERIFY2(port > 0, "the broker fixture did not start");
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        const Site& site = *loaded.site;
        SystemClock clock;
        StationOptions options;
        options.stationId = QStringLiteral("integration");
        options.mqtt.port = port;
        StationCore station(site, clock, options);
        WardModels models(site);
        QObject::connect(&station.core(), &WardCore::updatesReady, &models, &WardModels::apply);
        QSignalSpy events(&station.core(), &WardCore::deviceEvent);
        station.start();
        MqttSettings ms;
        ms.port = port;
        MqttClient marker(ms); // publishes the marker that shows the station has caught up
        marker.start();
        QTRY_VERIFY_WITH_TIMEOUT(station.mqtt().allSubscribed(), 10000); // it hears the simulator from the start
        QTRY_COMPARE_WITH_TIMEOUT(int(marker.state()), int(MqttState::Connected), 10000);

        QTemporaryDir dir;
        const QString truthFile = dir.filePath(QStringLiteral("truth.json"));
        QProcess sim;
        sim.setProcessChannelMode(QProcess::ForwardedChannels);
        sim.start(QStringLiteral(WW_WARDSIM),
                  {QStringLiteral("--port"), QString::number(port), QStringLiteral("--seed"), QStringLiteral("11"),
                   QStringLiteral("--duration"), QStringLiteral("8"), QStringLiteral("--event-rate"), QStringLiteral("300"),
                   QStringLiteral("--vitals-dir"), QStringLiteral(WW_SHARED_DATA "/vitals/physionet2012-subset/set-a"),
                   QStringLiteral("--truth-out"), truthFile});
        QVERIFY(sim.waitForStarted());
        // Wait with the event loop running: the models are fed on this thread.
        QTRY_VERIFY_WITH_TIMEOUT(sim.state() == QProcess::NotRunning, 40000);
        QCOMPARE(sim.exitCode(), 0);
        QVERIFY(test::caughtUp(station, marker, site)); // the last coalesced batch included

        QFile f(truthFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(truth.value(QStringLiteral("vitalsReplayed")).toBool());

        // Vitals: every patient shows the last values sent.
        const QJsonObject vitals = truth.value(QStringLiteral("vitals")).toObject();
        QVERIFY(vitals.size() >= int(site.patients.size()) - 5);
        int compared = 0;
        for (int row = 0; row < models.patients.rowCount(); ++row) {
            const QModelIndex i = models.patients.index(row, 0);
            const QJsonObject sent = vitals.value(models.patients.rowAt(row).monitor).toObject(); // vacant: none
            if (sent.isEmpty())
                continue;
            QCOMPARE(i.data(PatientModel::HeartRateRole).toDouble(), sent.value(QStringLiteral("HR")).toDouble());
            QCOMPARE(i.data(PatientModel::SpO2Role).toDouble(), sent.value(QStringLiteral("SpO2")).toDouble());
            QCOMPARE(i.data(PatientModel::RespRateRole).toDouble(), sent.value(QStringLiteral("RR")).toDouble());
            QCOMPARE(i.data(PatientModel::SystolicRole).toDouble(), sent.value(QStringLiteral("SBP")).toDouble());
            QCOMPARE(i.data(PatientModel::TemperatureRole).toDouble(), sent.value(QStringLiteral("Temp")).toDouble());
            QCOMPARE(i.data(PatientModel::VitalsTimeRole).toLongLong(), qint64(sent.value(QStringLiteral("t")).toDouble()));
            ++compared;
        }
        QVERIFY(compared >= int(site.patients.size()) - 5);

        // Environment: every sensor's last reading.
        const QJsonObject env = truth.value(QStringLiteral("env")).toObject();
        int envCompared = 0;
        for (int row = 0; row < models.environment.rowCount(); ++row) {
            const QJsonObject sent = env.value(site.sensors[size_t(row)].id).toObject();
            if (!sent.contains(QStringLiteral("temperatureC")))
                continue;
            const double shown = models.environment.index(row, 0).data(EnvironmentModel::TemperatureRole).toDouble();
            QVERIFY2(std::abs(shown - sent.value(QStringLiteral("temperatureC")).toDouble()) < 1e-4,
                     qPrintable(site.sensors[size_t(row)].id));
            ++envCompared;
        }
        QVERIFY(envCompared > 20);

        // Device events: each one the simulator raised arrived once.
        int deviceEvents = 0;
        for (const auto& e : truth.value(QStringLiteral("events")).toArray())
            deviceEvents += e.toObject().contains(QStringLiteral("seq")) ? 1 : 0;
        QVERIFY(deviceEvents > 0);
        QCOMPARE(int(events.size()), deviceEvents);

        // Rooms: patients lying still in bed are placed in their true room.
        const QJsonObject tags = truth.value(QStringLiteral("tags")).toObject();
        int still = 0, right = 0;
        for (int row = 0; row < models.patients.rowCount(); ++row) {
            const PatientRow& patient = models.patients.rowAt(row);
            const QJsonObject t = tags.value(patient.wristband).toObject();
            const bool silentBand = truth.value(QStringLiteral("silent")).toArray().contains(patient.wristband);
            if (patient.vacant() || t.value(QStringLiteral("moving")).toBool() || silentBand)
                continue;
            ++still;
            const QString shown = models.patients.index(row, 0).data(PatientModel::RoomRole).toString();
            if (shown == t.value(QStringLiteral("room")).toString())
                ++right;
            else
                qInfo("%s: shown in %s, truly in %s", qPrintable(patient.id), qPrintable(shown),
                      qPrintable(t.value(QStringLiteral("room")).toString()));
        }
        qInfo("room accuracy, patients at rest: %d of %d", right, still);
        QVERIFY(still > 20);
        QVERIFY(right * 10 >= still * 9);

        const IngestCounters c = station.stats().snapshot();
        qInfo("ingest: %llu received, %llu accepted, %llu rejected, %llu beacon reports", c.received, c.accepted,
              c.rejected, c.beaconReports);
        QCOMPARE(c.byReason[size_t(RejectReason::Malformed)], 0u);
        QCOMPARE(c.byReason[size_t(RejectReason::UnknownDevice)], 0u);
        QVERIFY(c.beaconReports > 1000);
    }
};

QTEST_MAIN(TestWardIntegration)
#include "tst_ward_integration.moc"
