// The self-test pushes a burst of every message type through the real decoders, core and models,
// opens every view offscreen and checks what each shows. It writes no settings; the fridge record's
// check writes into a temporary folder and removes it.
#include "app/selftest.h"
#include "models/alarmlistmodel.h"
#include "core/wardcore.h"
#include "models/wardmodels.h"
#include "transport/ingest.h"
#include "transport/signing.h"
#include "records/envrecord.h"
#include "ui/mainwindow.h"
#include "ui/trendviews.h"

#include <tuple>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

namespace ww {

namespace {

struct Frame
{
    QString topic;
    QByteArray payload;
};

class Checker
{
public:
    explicit Checker(QTextStream& out) : m_out(out) {}
    bool check(const char* name, bool ok, const QString& detail = {})
    {
        m_out << (ok ? "ok   " : "FAIL ") << name << (detail.isEmpty() ? QString() : QStringLiteral(" (") + detail + QChar(u')'))
              << Qt::endl;
        if (!ok)
            m_failed << QLatin1String(name);
        return ok;
    }
    [[nodiscard]] const QStringList& failed() const { return m_failed; }

private:
    QTextStream& m_out;
    QStringList m_failed;
};

QByteArray bytes(const char* text)
{
    return QByteArray(text);
}

} // namespace

int runSelfTest(QTextStream& out, const QString& siteFile)
{
    Checker c(out);
    const SiteLoadResult loaded = siteFile.isEmpty() ? SiteLoader::loadDefault() : SiteLoader::loadFile(siteFile);
    if (!c.check("site-loads", loaded.site.has_value(),
                 !loaded.errors.isEmpty() ? loaded.errors.join(u"; ")
                                          : (siteFile.isEmpty() ? QStringLiteral("the embedded ward") : siteFile)))
        return 1;
    // A copy of the site that takes signed state only, with the self-test's own key listed: the
    // check covers the signature path whatever the site's migration setting.
    Site site = *loaded.site;
    MessageSigner signer(QStringLiteral("self-test"), SigningKey::generate());
    site.acceptUnsigned = false;
    site.signingKeys.insert(signer.signerId(), signer.key().publicKey());
    // What the checks below need of the site: a patient in a bed with a gateway in its room, a
    // member of staff, two assets and a fridge with its sensor.
    const Bed* bed = site.patients.empty() ? nullptr : site.bed(site.patients.front().bed);
    const Gateway* roomGw = nullptr;
    for (const auto& g : site.gateways)
        if (bed && g.room == bed->room)
            roomGw = &g;
    QString fridgeSensor;
    for (const auto& s : site.sensors)
        if (!site.fridges.empty() && s.fridge == site.fridges.front().id)
            fridgeSensor = s.id;
    if (!c.check("site-has-what-the-test-needs",
                 bed && roomGw && !site.staff.empty() && site.assets.size() >= 2 && !fridgeSensor.isEmpty() &&
                     !site.spareWristbands.isEmpty(),
                 QStringLiteral("the first patient in a bed with a gateway in its room: %1; staff: %2; assets: %3; a fridge "
                                "with its sensor: %4; spare wristbands: %5")
                     .arg(roomGw ? QStringLiteral("yes") : QStringLiteral("no"))
                     .arg(site.staff.size())
                     .arg(site.assets.size())
                     .arg(fridgeSensor.isEmpty() ? QStringLiteral("no") : QStringLiteral("yes"))
                     .arg(site.spareWristbands.size())))
        return 1;
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    IngestStats stats;
    const DeviceDirectory directory(site);
    WardCore core(site, directory, clock, stats);
    WardModels models(site);
    QObject::connect(&core, &WardCore::updatesReady, &models, &WardModels::apply);
    int events = 0;
    QObject::connect(&core, &WardCore::deviceEvent, &core, [&events](const DeviceEventMsg&) { ++events; });
    // The alarm engine with an in-memory log: the self-test writes no files.
    core.enableAlarms(QStringLiteral("self-test"), QStringLiteral(":memory:"), {});
    AlarmListModel alarmList;
    QObject::connect(&core, &WardCore::alarmChanged, &alarmList, &AlarmListModel::apply);

    const qint64 now = clock.nowMs();
    const Topics& topics = core.topics();
    const Patient& patient = site.patients.front();
    const StaffMember& nurse = site.staff.front();
    const Asset& asset = site.assets.front();
    const Asset& trackedAsset = site.assets.at(1); // located by the headless engine's pos/ topic
    const Fridge& fridge = site.fridges.front();

    std::vector<Frame> burst;
    BeaconBatch adv{directory.gateway(roomGw->id.toStdString()), now, now, {}};
    auto tag = [&directory](const QString& id) { return directory.tag(id.toStdString()); };
    // Three adverts each over five seconds: a tag's first fixes are "locating…" until a window's
    // worth has been heard (docs/positioning.md, "Room states").
    for (const qint64 ago : {5000, 2500, 0})
        for (const auto& [id, offsetMs, rssi] : {std::tuple{patient.wristband, 200, -52}, std::tuple{nurse.badge, 100, -58},
                                                 std::tuple{asset.tag, 50, -60}})
            adv.reports.push_back({tag(id), now - ago - offsetMs, qint16(rssi), 0});
    burst.push_back({topics.adverts(roomGw->id), encode(adv, directory)});
    VitalsUpdate vit{patient.monitor, now, now, {{VitalKind::HeartRate, 87, now}, {VitalKind::SpO2, 95, now},
                                                 {VitalKind::RespRate, 18, now}, {VitalKind::Temperature, 37.4, now}}};
    burst.push_back({topics.vitals(patient.monitor), encode(vit)});
    EnvUpdate env;
    env.deviceId = fridgeSensor;
    env.deviceTimeMs = now;
    env.temperatureC = 5.5;
    env.door = DoorState::Closed;
    burst.push_back({topics.env(fridgeSensor), encode(env)});
    DeviceStatusMsg status{nurse.badge, now, now, true, 76, 3, QStringLiteral("1.2.0"), 1};
    burst.push_back({topics.status(nurse.badge), encode(status)});
    DeviceEventMsg press{nurse.badge, now - 1000, now, 3, 17, DeviceEventKind::Panic, false};
    burst.push_back({topics.event(nurse.badge), encode(press)});
    burst.push_back({topics.event(nurse.badge), encode(press)}); // the same press again: a duplicate
    // An engine's position, signed by a listed key; and alarm state nobody signed, refused.
    PositionMsg pos{trackedAsset.tag, now, 1, 1, site.rooms.front().floor, site.rooms.front().id, 1.5, 0.9, signer.signerId()};
    burst.push_back({topics.position(trackedAsset.tag), signer.sign(topics.position(trackedAsset.tag), encode(pos))});
    AlarmState forged;
    forged.id = QStringLiteral("event.panic:forged:1-1");
    forged.rule = QStringLiteral("event.panic");
    forged.priority = Priority::High;
    forged.onsetMs = now;
    forged.stationId = QStringLiteral("intruder");
    forged.revision = 1;
    burst.push_back({topics.alarm(forged.id), encode(forged, now)});
    // A MOKO gateway of the site (known by its MAC) reporting one foreign beacon.
    burst.push_back({QStringLiteral("moko/%1/send").arg(roomGw->mac),
                     QStringLiteral(R"({"msg_id":3070,"device_info":{"mac":"%1"},"data":[{"timestamp":0,"timezone":0,)"
                                    R"("type_code":0,"type":"iBeacon","rssi":-63,"connectable":1,"mac":"C8FB12345678","rssi_1m":-59}]})")
                         .arg(roomGw->mac).toUtf8()});
    burst.push_back({topics.vitals(patient.monitor), bytes("\x0a\xff\xff garbage")});

    for (const auto& f : burst) {
        const QByteArray topic = f.topic.toUtf8();
        core.receive(topic.constData(), {reinterpret_cast<const std::byte*>(f.payload.constData()), size_t(f.payload.size())},
                     now);
    }
    core.flushNow();

    const IngestCounters counters = stats.snapshot();
    c.check("decode-every-type", counters.accepted == burst.size() - 2,
            QStringLiteral("%1 of %2 accepted").arg(counters.accepted).arg(burst.size() - 2));
    c.check("reject-malformed", counters.byReason[size_t(RejectReason::Malformed)] == 1);
    c.check("refuse-unsigned-state", counters.byReason[size_t(RejectReason::Unsigned)] == 1 && core.refusedStates() == 1,
            QStringLiteral("%1 refused").arg(core.refusedStates()));
    // The panic, and the refusal of the forged state as a technical alarm.
    const AlarmState* panic = nullptr;
    bool refusalRaised = false;
    for (int r = 0; r < alarmList.rowCount(); ++r) {
        if (alarmList.at(r)->rule == u"event.panic")
            panic = alarmList.at(r);
        refusalRaised |= alarmList.at(r)->rule == u"tech.refused";
    }
    c.check("refusal-raised", refusalRaised);
    c.check("alarm-from-panic", alarmList.rowCount() == 2 && panic && panic->rule == u"event.panic" &&
                                    panic->priority == Priority::High && panic->signalling(),
            QStringLiteral("%1 alarms%2").arg(alarmList.rowCount()).arg(panic ? QStringLiteral(", ") + panic->condition : QString()));
    core.acknowledge(panic ? panic->id : QString(), QString(), QString());
    c.check("ack-needs-operator", panic && !panic->acknowledged());
    c.check("drop-duplicate-event", core.duplicatesDropped() == 1 && events == 1,
            QStringLiteral("%1 events, %2 duplicates").arg(events).arg(core.duplicatesDropped()));
    c.check("moko-scan-report", counters.beaconReports == 9 && counters.foreignAdverts == 1,
            QStringLiteral("%1 beacon reports, %2 foreign").arg(counters.beaconReports).arg(counters.foreignAdverts));

    const QModelIndex hr = models.patients.index(0, PatientModel::HrCol);
    c.check("census-vitals", hr.data().toString() == u"87" && models.patients.index(0, 0).data(PatientModel::SpO2Role).toDouble() == 95,
            hr.data().toString());
    c.check("census-location", models.patients.index(0, 0).data(PatientModel::RoomRole).toString() == bed->room,
            models.patients.index(0, 0).data(PatientModel::RoomRole).toString());
    c.check("staff-location", models.staff.index(0, 0).data(StaffModel::RoomRole).toString() == bed->room);
    c.check("asset-location", models.assets.index(0, 0).data(AssetModel::RoomRole).toString() == bed->room);
    int fridgeRow = -1;
    for (int r = 0; r < models.environment.rowCount(); ++r)
        if (models.environment.index(r, 0).data(EnvironmentModel::IdRole).toString() == fridge.id)
            fridgeRow = r;
    c.check("environment-fridge", fridgeRow >= 0 && qFuzzyCompare(models.environment.index(fridgeRow, 0)
                                                                      .data(EnvironmentModel::TemperatureRole).toDouble(), 5.5));
    int badgeRow = -1;
    for (int r = 0; r < models.devices.rowCount(); ++r)
        if (models.devices.index(r, 0).data(DeviceModel::IdRole).toString() == nurse.badge)
            badgeRow = r;
    c.check("devices-status", badgeRow >= 0 && models.devices.index(badgeRow, 0).data(DeviceModel::BatteryRole).toInt() == 76);

    MainWindow window(site.name, models, stats);
    window.show();
    const QList<QAbstractItemModel*> expected = {&models.patients, &models.staff, &models.assets, &models.environment,
                                                 &models.devices};
    bool viewsOk = window.tables().size() == expected.size();
    for (int i = 0; viewsOk && i < expected.size(); ++i) {
        window.tabs()->setCurrentIndex(i);
        QTableView* view = window.tables().at(i);
        viewsOk = view->model() == expected.at(i) && view->model()->rowCount() == expected.at(i)->rowCount() &&
                  view->model()->rowCount() > 0 && !view->grab().isNull();
    }
    c.check("views-show-rows", viewsOk, QStringLiteral("%1 views").arg(window.tables().size()));
    window.selectRow(QStringLiteral("census"), 0);
    const int trendPoints = window.vitalsTrend() ? window.vitalsTrend()->points(VitalKind::HeartRate) : 0;
    c.check("census-trend", trendPoints > 0, QStringLiteral("%1 heart-rate points").arg(trendPoints));

    // The fridges' record through the SQLite driver, and a compliance report from it (in a temporary
    // folder, removed again).
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("self-test.sqlite"));
        const qint64 t0 = clock.nowMs() - 3 * 60'000;
        bool recorded = false;
        {
            EnvRecord record(db);
            for (int i = 0; i < 3; ++i)
                record.add(fridge.id, QStringLiteral("self-test"), t0 + i * 60'000, i == 1 ? fridge.maxC + 2 : 5.0, std::nullopt);
            recorded = record.commit();
        }
        QString error;
        const auto series = EnvRecord::query(db, fridge.id, t0, t0 + 3 * 60'000, &error);
        coldchain::Options o;
        o.minC = fridge.minC;
        o.maxC = fridge.maxC;
        const auto report = series ? coldchain::buildReport(series->temperatures, series->doors, t0, t0 + 3 * 60'000, o)
                                   : coldchain::Report{};
        c.check("fridge-record-and-report", recorded && series && series->temperatures.size() == 3 &&
                                                report.excursions.size() == 1 && !report.compliant(),
                error.isEmpty() ? QStringLiteral("%1 readings, %2 excursion").arg(report.samples).arg(report.excursions.size())
                                : error);
    }

    // The census: an admission into a vacant bed with a band from stock, then the discharge.
    {
        int vacant = -1;
        for (int r = 0; r < models.patients.rowCount() && vacant < 0; ++r)
            if (models.patients.rowAt(r).vacant())
                vacant = r;
        QStringList results;
        QObject::connect(&core, &WardCore::censusResult, &core, [&results](bool ok, const QString& m) {
            results << (ok ? QStringLiteral("ok: ") : QStringLiteral("refused: ")) + m;
        });
        const QString bedId = vacant >= 0 ? models.patients.rowAt(vacant).bed : QString();
        core.admitPatient(bedId, QStringLiteral("SELFTEST-1"), QStringLiteral("Self Test"), site.spareWristbands.value(0), {},
                          nurse.id, nurse.name);
        core.flushNow();
        const bool admitted = vacant >= 0 && models.patients.rowAt(vacant).id == u"SELFTEST-1";
        core.dischargePatient(QStringLiteral("SELFTEST-1"), nurse.id, nurse.name);
        core.flushNow();
        c.check("census-admit-and-discharge", admitted && models.patients.rowAt(vacant).vacant(), results.join(u"; "));
    }

    clock.advance(qint64(site.timingFor(DeviceKind::VitalsMonitor).silentAfterS * 1000) + 1000);
    core.checkSignals();
    core.flushNow();
    c.check("silent-monitor-shows-no-signal", models.patients.index(0, PatientModel::HrCol).data().toString() == QObject::tr("no signal"),
            models.patients.index(0, PatientModel::HrCol).data().toString());

    if (!c.failed().isEmpty()) {
        out << "self-test FAILED: " << c.failed().join(u", ") << Qt::endl;
        return 1;
    }
    out << "self-test passed" << Qt::endl;
    return 0;
}

} // namespace ww
