// The core and the item models: values applied, coalesced batches with ranged dataChanged and no
// resets, duplicates and reboots, late events, "no signal", with QAbstractItemModelTester on every model.
#include "models/alarmlistmodel.h"
#include "core/wardcore.h"
#include "models/wardmodels.h"
#include "transport/ingest.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ww;

class TestModels : public QObject
{
    Q_OBJECT
private:
    std::optional<Site> m_site;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<IngestStats> m_stats;
    std::unique_ptr<DeviceDirectory> m_directory;
    std::unique_ptr<WardCore> m_core;
    std::unique_ptr<WardModels> m_models;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void post(Decoded d)
    {
        QVector<Decoded> v;
        v.push_back(std::move(d));
        m_core->post(std::move(v));
    }
    qint64 now() const { return m_clock->nowMs(); }
    VitalsUpdate vitals(int row, double hr, qint64 t) // to the census row's monitor
    {
        const QString dev = m_models->patients.rowAt(row).monitor;
        return VitalsUpdate{dev, t, now(), {{VitalKind::HeartRate, hr, t}, {VitalKind::SpO2, 96, t}}};
    }

private Q_SLOTS:
    void init()
    {
        m_site = SiteLoader::loadDefault().site;
        QVERIFY(m_site);
        m_clock = std::make_unique<ManualClock>(1'780'000'000'000);
        m_stats = std::make_unique<IngestStats>();
        m_directory = std::make_unique<DeviceDirectory>(*m_site);
        m_core = std::make_unique<WardCore>(*m_site, *m_directory, *m_clock, *m_stats);
        m_models = std::make_unique<WardModels>(*m_site);
        connect(m_core.get(), &WardCore::updatesReady, m_models.get(), &WardModels::apply);
        m_testers.clear();
        for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{&m_models->patients, &m_models->staff,
                                                                               &m_models->assets, &m_models->environment,
                                                                               &m_models->devices})
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    void rowsComeFromTheSite()
    {
        // A row per patient and one per bed nobody lies in (every default patient has a bed).
        QCOMPARE(m_models->patients.rowCount(), int(m_site->beds.size()));
        QVERIFY(m_site->beds.size() > m_site->patients.size());
        // In bed order; each site patient in their bed, the other beds vacant.
        for (int r = 0; r < m_models->patients.rowCount(); ++r) {
            const PatientRow& p = m_models->patients.rowAt(r);
            QCOMPARE(p.bed, m_site->beds[size_t(r)].id);
            const Patient* seeded = nullptr;
            for (const Patient& q : m_site->patients)
                if (q.bed == p.bed)
                    seeded = &q;
            QCOMPARE(p.vacant(), seeded == nullptr);
            QCOMPARE(p.id, seeded ? seeded->id : QString());
        }
        QCOMPARE(m_models->staff.rowCount(), int(m_site->staff.size()));
        QCOMPARE(m_models->assets.rowCount(), int(m_site->assets.size()));
        QCOMPARE(m_models->environment.rowCount(), int(m_site->sensors.size()));
        QCOMPARE(m_models->devices.rowCount(), int(m_site->devices().size()));
        QCOMPARE(m_models->patients.roleNames().value(PatientModel::HeartRateRole), QByteArray("heartRate"));
    }

    void vitalsCoalescedIntoRangedChanges()
    {
        QSignalSpy changed(&m_models->patients, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m_models->patients, &QAbstractItemModel::modelReset);
        QSignalSpy batches(m_core.get(), &WardCore::updatesReady);
        // 100 updates to patients 0..4 and 7 before one flush: one batch, two ranges (0-4, 7).
        for (int round = 0; round < 20; ++round)
            for (int p : {0, 1, 2, 3, 4, 7})
                post(vitals(p, 60 + round, now() + round));
        m_core->flushNow();
        QCOMPARE(batches.size(), 1);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 0);
        QCOMPARE(changed[0][1].value<QModelIndex>().row(), 4);
        QCOMPARE(changed[0][1].value<QModelIndex>().column(), PatientModel::ColumnCount - 1);
        QCOMPARE(changed[1][0].value<QModelIndex>().row(), 7);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_models->patients.index(3, PatientModel::HrCol).data().toString(), QStringLiteral("79"));
        QCOMPARE(m_models->patients.index(3, 0).data(PatientModel::HeartRateRole).toDouble(), 79.0);
        // Nothing new: no batch at all.
        m_core->flushNow();
        QCOMPARE(batches.size(), 1);
    }

    void olderSampleNeverOverwritesNewer()
    {
        post(vitals(0, 90, now()));
        post(vitals(0, 50, now() - 10'000)); // delivered late
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, 0).data(PatientModel::HeartRateRole).toDouble(), 90.0);
    }

    void silentDeviceShowsNoSignal()
    {
        post(vitals(0, 88, now()));
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, PatientModel::HrCol).data().toString(), QStringLiteral("88"));
        m_clock->advance(qint64(m_site->timingFor(DeviceKind::VitalsMonitor).silentAfterS * 1000) - 1000);
        m_core->checkSignals();
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, PatientModel::HrCol).data().toString(), QStringLiteral("88"));
        m_clock->advance(2000);
        m_core->checkSignals();
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, PatientModel::HrCol).data().toString(), QStringLiteral("no signal"));
        QCOMPARE(m_models->patients.index(0, PatientModel::HrCol).data(Qt::ForegroundRole).value<QColor>(), noSignalColour());
        // The value is kept for the tooltip, and comes back live with the next message.
        QVERIFY(m_models->patients.index(0, PatientModel::HrCol).data(Qt::ToolTipRole).toString().contains(QStringLiteral("88")));
        post(vitals(0, 91, now()));
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, PatientModel::HrCol).data().toString(), QStringLiteral("91"));
    }

    void offlineStatusIsNoSignalAtOnce()
    {
        const QString badge = m_site->staff[0].badge;
        post(DeviceStatusMsg{badge, now(), now(), true, 50, 1, {}, 1});
        post(BeaconBatch{0, now(), now(), {{m_directory->tag(badge.toStdString()), now(), -50, 0}}, 0});
        m_core->flushNow();
        QCOMPARE(m_models->staff.index(0, 0).data(StaffModel::SignalRole).toInt(), int(SignalState::Live));
        post(DeviceStatusMsg{badge, now(), now(), false, {}, 1, {}, 1});
        m_core->flushNow();
        QCOMPARE(m_models->staff.index(0, 0).data(StaffModel::SignalRole).toInt(), int(SignalState::NoSignal));
    }

    void duplicatesDroppedRebootsKept()
    {
        QSignalSpy events(m_core.get(), &WardCore::deviceEvent);
        const QString badge = m_site->staff[1].badge;
        const DeviceEventMsg press{badge, now(), now(), 5, 1, DeviceEventKind::Panic, false};
        post(press);
        post(press);              // duplicate: same boot and seq
        DeviceEventMsg afterReboot = press;
        afterReboot.boot = 6;     // the device restarted: seq 1 again is a new press
        post(afterReboot);
        m_core->flushNow();
        QCOMPARE(events.size(), 2);
        QCOMPARE(m_core->duplicatesDropped(), 1u);
        QCOMPARE(m_stats->snapshot().byReason[size_t(RejectReason::Duplicate)], 1u);
    }

    void lateEventKeepsItsTime()
    {
        QSignalSpy events(m_core.get(), &WardCore::deviceEvent);
        const QString band = m_site->patients[2].wristband;
        const qint64 happened = now() - 120'000;
        post(DeviceEventMsg{band, happened, now(), 1, 1, DeviceEventKind::Fall, false});
        post(DeviceEventMsg{band, now() - 2000, now(), 1, 2, DeviceEventKind::ButtonSingle, false});
        m_core->flushNow();
        QCOMPARE(events.size(), 2);
        const auto late = events[0][0].value<DeviceEventMsg>();
        QVERIFY(late.late);
        QCOMPARE(late.deviceTimeMs, happened);
        QVERIFY(!events[1][0].value<DeviceEventMsg>().late);
    }

    void unknownDeviceCounted()
    {
        post(VitalsUpdate{QStringLiteral("vm-unknown"), now(), now(), {{VitalKind::HeartRate, 70, now()}}});
        m_core->flushNow();
        QCOMPARE(m_stats->snapshot().byReason[size_t(RejectReason::UnknownDevice)], 1u);
    }

    void environmentAgainstTargets()
    {
        const Fridge& fridge = m_site->fridges[0];
        QString sensor;
        int row = -1;
        for (size_t i = 0; i < m_site->sensors.size(); ++i)
            if (m_site->sensors[i].fridge == fridge.id) {
                sensor = m_site->sensors[i].id;
                row = int(i);
            }
        EnvUpdate r;
        r.deviceId = sensor;
        r.deviceTimeMs = now();
        r.receiveTimeMs = now();
        r.temperatureC = 9.4;
        r.door = DoorState::Open;
        post(r);
        m_core->flushNow();
        const QModelIndex status = m_models->environment.index(row, EnvironmentModel::StatusCol);
        QCOMPARE(status.data().toString(), QStringLiteral("T 9.4 > 8"));
        QVERIFY(m_models->environment.index(row, EnvironmentModel::DoorCol).data().toString().startsWith(QStringLiteral("open since")));
    }

    void tagLocatedInTheRoomOfItsStrongestGateway()
    {
        const Patient& p = m_site->patients[0];
        const QString room = m_site->bed(p.bed)->room;
        int inRoom = -1, neighbour = -1;
        for (int g = 0; g < int(m_site->gateways.size()); ++g) {
            const Gateway& gw = m_site->gateways[size_t(g)];
            if (gw.room == room)
                inRoom = g;
            else if (neighbour < 0 && gw.floor == 1 && !gw.room.isEmpty())
                neighbour = g;
        }
        const int band = m_directory->tag(p.wristband.toStdString());
        for (int i = 0; i < 5; ++i) { // a window's worth: before it the tag is "locating…"
            post(BeaconBatch{inRoom, now(), now(), {{band, now(), -55, 0}}, 0});
            post(BeaconBatch{neighbour, now(), now(), {{band, now(), -75, 0}}, 0});
            m_clock->advance(1000);
        }
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, 0).data(PatientModel::RoomRole).toString(), room);
        // A neighbour only slightly stronger for a moment does not move the patient (hysteresis).
        post(BeaconBatch{neighbour, now(), now(), {{band, now(), -40, 0}}, 0});
        m_core->flushNow();
        QCOMPARE(m_models->patients.index(0, 0).data(PatientModel::RoomRole).toString(), room);
    }

    // Room states as a nurse reads them: a station that starts says "locating…" (not "no signal",
    // not "unknown") until a first position or the grace ends; "unknown, near Room"; a stale room
    // with when it was last heard; a near room that is not the site's is refused with its path.
    void roomStatesShownAsANurseReadsThem()
    {
        const StaffMember& s = m_site->staff[0];
        const QString locating = QStringLiteral("locating…");
        auto shown = [&](int row) { return m_models->staff.index(row, StaffModel::LocationCol).data().toString(); };
        QCOMPARE(shown(0), locating);
        QCOMPARE(shown(1), locating);
        int patientRow = -1;
        for (int r = 0; r < m_models->patients.rowCount() && patientRow < 0; ++r)
            if (!m_models->patients.rowAt(r).wristband.isEmpty())
                patientRow = r;
        QVERIFY(patientRow >= 0);
        QCOMPARE(m_models->patients.index(patientRow, PatientModel::LocationCol).data().toString(), locating);

        const Room& r115 = *m_site->room(QStringLiteral("R115"));
        const Room& r114 = *m_site->room(QStringLiteral("R114"));
        PositionMsg p{s.badge, now(), r115.centre().x(), r115.centre().y(), r115.floor, QString(), 2.0, 0.5, QString()};
        p.roomState = RoomState::Locating;
        p.nearRoom = r114.id;
        post(p);
        m_core->flushNow();
        QCOMPARE(shown(0), locating);

        p.roomState = RoomState::Known;
        p.room = r115.id;
        p.nearRoom.clear();
        const qint64 heardMs = now();
        post(p);
        m_core->flushNow();
        QCOMPARE(shown(0), r115.name);
        QCOMPARE(m_models->staff.index(0, 0).data(StaffModel::RoomRole).toString(), r115.id);
        QVERIFY(m_models->staff.index(0, StaffModel::LocationCol).data(Qt::ToolTipRole).isNull());

        m_clock->advance(1000);
        p.timeMs = now();
        p.room.clear();
        p.roomState = RoomState::UnknownNear;
        p.nearRoom = r115.id;
        post(p);
        m_core->flushNow();
        QCOMPARE(shown(0), QStringLiteral("unknown, near %1").arg(r115.name));
        QVERIFY(m_models->staff.index(0, 0).data(StaffModel::RoomRole).toString().isEmpty()); // no room to act on
        // Whole in the tooltip too (a narrow column elides); a known room has none.
        QCOMPARE(m_models->staff.index(0, StaffModel::LocationCol).data(Qt::ToolTipRole).toString(), shown(0));
        QVERIFY(m_models->staff.index(1, StaffModel::LocationCol).data(Qt::ToolTipRole).toString() == locating);

        // Known again, then silent for two minutes and heard again: the room is kept, stale, with
        // the time it was last known.
        p.roomState = RoomState::Known;
        p.room = r115.id;
        p.nearRoom.clear();
        p.timeMs = now();
        const qint64 knownMs = now();
        post(p);
        m_core->flushNow();
        QVERIFY(knownMs > heardMs);
        m_clock->advance(120'000);
        p.timeMs = now();
        p.roomState = RoomState::Stale;
        post(p);
        m_core->flushNow();
        QCOMPARE(shown(0), QStringLiteral("%1 (last heard %2)").arg(r115.name, formatTime(knownMs)));
        QCOMPARE(m_models->staff.index(0, 0).data(StaffModel::RoomRole).toString(), r115.id);

        // A near room the site does not have: refused and counted, the row as it was.
        const quint64 before = m_stats->snapshot().byReason[size_t(RejectReason::OutOfRange)];
        p.roomState = RoomState::UnknownNear;
        p.room.clear();
        p.nearRoom = QStringLiteral("R999");
        post(p);
        m_core->flushNow();
        QCOMPARE(m_stats->snapshot().byReason[size_t(RejectReason::OutOfRange)], before + 1);
        QCOMPARE(shown(0), QStringLiteral("%1 (last heard %2)").arg(r115.name, formatTime(knownMs)));

        // The grace is over (more than two minutes since the start): a tag never located is
        // "unknown", no longer "locating…".
        m_clock->advance(WardState::LocatingGraceMs);
        m_core->checkSignals();
        m_core->flushNow();
        QCOMPARE(shown(1), QStringLiteral("unknown"));
    }

    void alarmListSortsByPriorityThenAgeAndDropsClosed()
    {
        AlarmListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto alarm = [](const char* id, Priority p, qint64 onset) {
            AlarmState a;
            a.id = QLatin1String(id);
            a.priority = p;
            a.onsetMs = onset;
            a.condition = QLatin1String(id);
            return a;
        };
        list.apply(alarm("low-old", Priority::Low, 100));
        list.apply(alarm("high-new", Priority::High, 300));
        list.apply(alarm("medium", Priority::Medium, 200));
        list.apply(alarm("high-old", Priority::High, 150));
        QStringList order;
        for (int r = 0; r < list.rowCount(); ++r)
            order << list.at(r)->id;
        QCOMPARE(order, (QStringList{QStringLiteral("high-old"), QStringLiteral("high-new"), QStringLiteral("medium"),
                                     QStringLiteral("low-old")}));
        QCOMPARE(list.topSignalling()->id, QStringLiteral("high-old"));
        QCOMPARE(list.index(0, AlarmListModel::PriorityCol).data().toString(), QStringLiteral("!!! HIGH")); // text and symbol
        // Acknowledged alarms stop signalling and go below the signalling ones.
        AlarmState acked = alarm("high-old", Priority::High, 150);
        acked.ackedAtMs = 400;
        acked.ackedBy = QStringLiteral("S01");
        list.apply(acked);
        QCOMPARE(list.topSignalling()->id, QStringLiteral("high-new"));
        QCOMPARE(list.at(list.rowCount() - 1)->id, QStringLiteral("high-old"));
        QCOMPARE(list.signallingCount(), 3);
        AlarmState closed = acked;
        closed.closedMs = 500;
        list.apply(closed);
        QCOMPARE(list.rowCount(), 3);
        QVERIFY(!list.find(QStringLiteral("high-old")));

        // The broker lost goes before every other high alarm, though it began later (no further
        // alarm would arrive); the others keep their order by age.
        AlarmListModel tech;
        AlarmState log = alarm("tech.log:x", Priority::High, 100);
        log.rule = QStringLiteral("tech.log");
        AlarmState broker = alarm("tech.broker:x", Priority::High, 300);
        broker.rule = QStringLiteral("tech.broker");
        AlarmState fall = alarm("event.fall:x", Priority::High, 50);
        fall.rule = QStringLiteral("event.fall");
        fall.category = AlarmCategory::Event;
        for (const AlarmState& a : {log, broker, fall})
            tech.apply(a);
        QCOMPARE(tech.at(0)->id, QStringLiteral("tech.broker:x"));
        QCOMPARE(tech.at(1)->id, QStringLiteral("event.fall:x"));
        QCOMPARE(tech.at(2)->id, QStringLiteral("tech.log:x"));
        QCOMPARE(tech.topSignalling()->id, QStringLiteral("tech.broker:x"));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
