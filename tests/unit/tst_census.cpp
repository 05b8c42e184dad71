// The census: admissions into vacant beds, transfers, device pairing and discharges through the real
// core (checked, recorded, audited, published), other stations' entries merged by (time, station),
// the record restoring the census after a restart, and the wire format of a bed's entry.
#include "alarm_support.h"
#include "records/alarmlog.h"
#include "models/trends.h"
#include "models/wardmodels.h"
#include "transport/wirecodec.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace ww;
using test::CoreFixture;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

struct CensusLog : CensusPublisher
{
    std::vector<CensusEntryMsg> published;
    std::vector<std::pair<bool, QString>> results;
    void publishCensus(const CensusEntryMsg& e) override { published.push_back(e); }
    StationOutputs output() { return StationOutputs{nullptr, this}; }
    void watch(WardCore& core)
    {
        QObject::connect(&core, &WardCore::censusResult, &core, [this](bool ok, const QString& m) { results.emplace_back(ok, m); });
    }
    [[nodiscard]] bool lastOk() const { return !results.empty() && results.back().first; }
    [[nodiscard]] QString lastMessage() const { return results.empty() ? QString() : results.back().second; }
};

// The core's census row whose field has the value, or -1.
int rowWith(const WardCore& core, QString PatientRow::*field, const QString& value)
{
    const auto& rows = core.rows().patients;
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const PatientRow& p) { return p.*field == value; });
    return it == rows.end() ? -1 : int(it - rows.begin());
}
int rowOf(const WardCore& core, const QString& patientId) { return rowWith(core, &PatientRow::id, patientId); }
int rowOfBed(const WardCore& core, const QString& bed) { return rowWith(core, &PatientRow::bed, bed); }

const DeviceRow* device(const WardCore& core, const QString& id)
{
    for (const DeviceRow& d : core.rows().devices)
        if (d.id == id)
            return &d;
    return nullptr;
}

QString firstVacantBed(const WardCore& core, int skip = 0)
{
    for (const PatientRow& p : core.rows().patients)
        if (p.vacant() && skip-- == 0)
            return p.bed;
    return {};
}

VitalsUpdate vitals(const QString& monitor, qint64 t, double spo2)
{
    VitalsUpdate v;
    v.deviceId = monitor;
    v.deviceTimeMs = v.receiveTimeMs = t;
    v.samples = {{VitalKind::SpO2, spo2, t}, {VitalKind::HeartRate, 80, t}, {VitalKind::RespRate, 16, t}};
    return v;
}

CensusEntryMsg remote(const QString& bed, const QString& patient, const QString& name, qint64 t, const QString& station,
                      const QString& wristband = {}, const QString& monitor = {})
{
    CensusEntryMsg e;
    e.bed = bed;
    e.patientId = patient;
    e.patientName = name;
    e.wristband = wristband;
    e.monitor = monitor;
    e.timeMs = t;
    e.stationId = station;
    e.operatorId = QStringLiteral("S01");
    e.action = patient.isEmpty() ? QStringLiteral("discharge") : QStringLiteral("admit");
    return e;
}

std::span<const std::byte> bytes(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

} // namespace

class TestCensus : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString db(const char* name) { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void admitIntoAVacantBed()
    {
        CensusLog c;
        CoreFixture f(db("admit.sqlite"), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        const QString bed = firstVacantBed(f.core);
        QVERIFY(!bed.isEmpty());
        QCOMPARE(device(f.core, QStringLiteral("wb-101"))->inService, false);
        {
            DeviceModel shown(std::vector<DeviceRow>{*device(f.core, QStringLiteral("wb-101"))}, nullptr);
            QCOMPARE(shown.index(0, DeviceModel::SubjectCol).data().toString(), QStringLiteral("in stock (on nobody)"));
        }
        // Nobody signed in: refused, nothing changes.
        f.core.admitPatient(bed, QStringLiteral("P900"), QStringLiteral("Ada Lovelace"), QStringLiteral("wb-101"),
                            QStringLiteral("vm-101"), {}, {});
        QVERIFY(!c.lastOk());
        QVERIFY(f.core.rows().patients[size_t(rowOfBed(f.core, bed))].vacant());
        QVERIFY(c.published.empty());

        f.core.admitPatient(bed, QStringLiteral(" P900 "), QStringLiteral("Ada Lovelace"), QStringLiteral("wb-101"),
                            QStringLiteral("vm-101"), QStringLiteral("S02"), QStringLiteral("Nurse Two"));
        QVERIFY2(c.lastOk(), qPrintable(c.lastMessage()));
        const int row = rowOf(f.core, QStringLiteral("P900"));
        QCOMPARE(row, rowOfBed(f.core, bed));
        const PatientRow& p = f.core.rows().patients[size_t(row)];
        QCOMPARE(p.name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(p.wristband, QStringLiteral("wb-101"));
        QCOMPARE(p.monitor, QStringLiteral("vm-101"));
        QCOMPARE(device(f.core, QStringLiteral("wb-101"))->subject, QStringLiteral("Ada Lovelace"));
        QVERIFY(device(f.core, QStringLiteral("wb-101"))->inService);
        QVERIFY(device(f.core, QStringLiteral("vm-101"))->inService);
        // Published once, with this station's id and time.
        QCOMPARE(c.published.size(), size_t(1));
        QCOMPARE(c.published[0].bed, bed);
        QCOMPARE(c.published[0].patientId, QStringLiteral("P900"));
        QCOMPARE(c.published[0].stationId, QStringLiteral("st-1"));
        QCOMPARE(c.published[0].operatorId, QStringLiteral("S02"));
        QCOMPARE(c.published[0].timeMs, T0);
        // Recorded and audited.
        const auto recorded = CensusRecord(db("admit.sqlite")).latest();
        QCOMPARE(recorded.size(), size_t(1));
        QCOMPARE(recorded[0].patientName, QStringLiteral("Ada Lovelace"));
        LogFilter filter;
        filter.text = QStringLiteral("admitted");
        const auto audit = AlarmLog::query(db("admit.sqlite"), filter);
        QCOMPARE(audit.size(), size_t(1));
        QCOMPARE(audit[0].operatorId, QStringLiteral("S02"));
        QVERIFY2(audit[0].detail.contains(QStringLiteral("P900")) && audit[0].detail.contains(bed), qPrintable(audit[0].detail));
        {
            PatientModel shown(std::vector<PatientRow>{p}, nullptr); // the band is new: said so, not "unknown"
            QCOMPARE(shown.index(0, PatientModel::LocationCol).data().toString(), QStringLiteral("wb-101 not heard yet"));
            PatientRow bare = p;
            bare.wristband.clear();
            PatientModel none(std::vector<PatientRow>{bare}, nullptr);
            QCOMPARE(none.index(0, PatientModel::LocationCol).data().toString(), QStringLiteral("no wristband"));
        }
        // The new monitor's vitals and the new wristband's position reach the patient.
        f.core.post({vitals(QStringLiteral("vm-101"), T0 + 1000, 97)});
        f.core.post({PositionMsg{QStringLiteral("wb-101"), T0 + 1000, 10, 5, 1, QStringLiteral("R101"), 1.0, 0.9}});
        f.core.flushNow();
        QCOMPARE(f.core.rows().patients[size_t(row)].vitals[size_t(VitalKind::SpO2)].value, 97.0);
        QVERIFY(f.core.rows().patients[size_t(row)].location.known);
    }

    void refusalsSayWhy_data()
    {
        QTest::addColumn<QString>("bed");
        QTest::addColumn<QString>("patient");
        QTest::addColumn<QString>("wristband");
        QTest::addColumn<QString>("monitor");
        QTest::addColumn<QString>("reason");
        QTest::newRow("bed taken") << "R101-A" << "P900" << "wb-101" << "" << "is taken by";
        QTest::newRow("unknown bed") << "R999" << "P900" << "wb-101" << "" << "Unknown bed";
        QTest::newRow("already admitted") << "" << "P001" << "wb-101" << "" << "is already in bed";
        QTest::newRow("staff id") << "" << "S01" << "wb-101" << "" << "staff member or an asset";
        QTest::newRow("wristband worn") << "" << "P900" << "wb-001" << "" << "wb-001 is on";
        QTest::newRow("not a wristband") << "" << "P900" << "vm-101" << "" << "is not a wristband";
        QTest::newRow("unknown device") << "" << "P900" << "wb-777" << "" << "is not a wristband";
        QTest::newRow("monitor worn") << "" << "P900" << "wb-101" << "vm-002" << "vm-002 is on";
        QTest::newRow("no id") << "" << "  " << "wb-101" << "" << "needs an id and a name";
    }

    void refusalsSayWhy()
    {
        QFETCH(QString, bed);
        QFETCH(QString, patient);
        QFETCH(QString, wristband);
        QFETCH(QString, monitor);
        QFETCH(QString, reason);
        CensusLog c;
        CoreFixture f(db(QTest::currentDataTag()), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        if (bed.isEmpty())
            bed = firstVacantBed(f.core);
        QCOMPARE(f.core.rows().patients[size_t(rowOfBed(f.core, QStringLiteral("R101-A")))].vacant(), false);
        f.core.admitPatient(bed, patient, QStringLiteral("Somebody"), wristband, monitor, QStringLiteral("S02"), QStringLiteral("N"));
        QVERIFY(!c.lastOk());
        QVERIFY2(c.lastMessage().contains(reason), qPrintable(c.lastMessage()));
        QVERIFY(c.published.empty());
        QVERIFY(CensusRecord(db(QTest::currentDataTag())).latest().empty());
    }

    void dischargeEndsAlarmsAndReturnsDevices()
    {
        CensusLog c;
        CoreFixture f(db("discharge.sqlite"), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        const int row = rowOf(f.core, QStringLiteral("P001"));
        const PatientRow before = f.core.rows().patients[size_t(row)];
        // A desaturation held past its onset delay: the alarm is raised.
        for (int s = 0; s <= 30; s += 5) {
            f.clock.set(T0 + s * 1000);
            f.core.post({vitals(before.monitor, f.clock.nowMs(), 84)});
            f.core.flushNow();
            f.core.evaluateAlarms();
        }
        const auto desat = f.last(QStringLiteral("vitals.spo2-low"));
        QVERIFY(desat && !desat->ended());
        f.core.dischargePatient(QStringLiteral("P001"), QStringLiteral("S02"), QStringLiteral("Nurse Two"));
        QVERIFY2(c.lastOk(), qPrintable(c.lastMessage()));
        // The alarm lost its cause; the bed is vacant and kept; the devices are back in stock.
        QVERIFY(f.last(QStringLiteral("vitals.spo2-low"))->ended());
        const PatientRow& p = f.core.rows().patients[size_t(row)];
        QVERIFY(p.vacant());
        QCOMPARE(p.bed, before.bed);
        QVERIFY(p.wristband.isEmpty() && p.monitor.isEmpty() && !p.vitals[size_t(VitalKind::SpO2)].valid);
        QCOMPARE(device(f.core, before.wristband)->inService, false);
        QVERIFY(device(f.core, before.wristband)->subject.isEmpty());
        QCOMPARE(c.published.back().bed, before.bed);
        QVERIFY(c.published.back().patientId.isEmpty());
        // The old monitor's readings reach nobody; its wristband's silence in the drawer is no alarm.
        f.core.post({vitals(before.monitor, f.clock.nowMs(), 80)});
        f.core.flushNow();
        QVERIFY(f.core.rows().patients[size_t(row)].vacant());
        QVERIFY(!f.core.rows().patients[size_t(row)].vitals[size_t(VitalKind::SpO2)].valid);
        f.clock.advance(120'000);
        f.core.checkSignals();
        f.core.evaluateAlarms();
        for (const AlarmState& s : f.changes)
            QVERIFY2(!(s.rule == QStringLiteral("tech.silent") && s.source == before.monitor), qPrintable(s.condition));
        // Discharging twice is refused.
        f.core.dischargePatient(QStringLiteral("P001"), QStringLiteral("S02"), QStringLiteral("Nurse Two"));
        QVERIFY(!c.lastOk());
    }

    void transferMovesTheBedNotTheRecord()
    {
        CensusLog c;
        CoreFixture f(db("transfer.sqlite"), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        const int row = rowOf(f.core, QStringLiteral("P002"));
        const QString from = f.core.rows().patients[size_t(row)].bed, to = firstVacantBed(f.core);
        const int toRow = rowOfBed(f.core, to);
        f.core.post({vitals(f.core.rows().patients[size_t(row)].monitor, T0, 95)});
        f.core.flushNow();
        f.core.transferPatient(QStringLiteral("P002"), to, QStringLiteral("S02"), QStringLiteral("Nurse Two"));
        QVERIFY2(c.lastOk(), qPrintable(c.lastMessage()));
        // The patient's row (vitals and all) now has the new bed; the emptied row has the old one.
        QCOMPARE(rowOf(f.core, QStringLiteral("P002")), row);
        QCOMPARE(f.core.rows().patients[size_t(row)].bed, to);
        QCOMPARE(f.core.rows().patients[size_t(row)].vitals[size_t(VitalKind::SpO2)].value, 95.0);
        QVERIFY(f.core.rows().patients[size_t(toRow)].vacant());
        QCOMPARE(f.core.rows().patients[size_t(toRow)].bed, from);
        // Both beds published, with one time.
        QCOMPARE(c.published.size(), size_t(2));
        QCOMPARE(c.published[0].bed, to);
        QCOMPARE(c.published[0].patientId, QStringLiteral("P002"));
        QCOMPARE(c.published[1].bed, from);
        QVERIFY(c.published[1].patientId.isEmpty());
        QCOMPARE(c.published[0].timeMs, c.published[1].timeMs);
        // Into a taken bed: refused.
        f.core.transferPatient(QStringLiteral("P002"), f.core.rows().patients[size_t(rowOf(f.core, QStringLiteral("P003")))].bed,
                               QStringLiteral("S02"), QStringLiteral("Nurse Two"));
        QVERIFY(!c.lastOk());
        QVERIFY2(c.lastMessage().contains(QStringLiteral("is taken by")), qPrintable(c.lastMessage()));
    }

    void devicesArePairedAndReturned()
    {
        CensusLog c;
        CoreFixture f(db("devices.sqlite"), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        const int row = rowOf(f.core, QStringLiteral("P004"));
        const QString oldBand = f.core.rows().patients[size_t(row)].wristband;
        const QString monitor = f.core.rows().patients[size_t(row)].monitor;
        f.core.pairDevices(QStringLiteral("P004"), QStringLiteral("wb-102"), monitor, QStringLiteral("S02"), QStringLiteral("N"));
        QVERIFY2(c.lastOk(), qPrintable(c.lastMessage()));
        QCOMPARE(f.core.rows().patients[size_t(row)].wristband, QStringLiteral("wb-102"));
        QCOMPARE(device(f.core, oldBand)->inService, false);
        QCOMPARE(device(f.core, QStringLiteral("wb-102"))->subject, f.core.rows().patients[size_t(row)].name);
        // The old band's position no longer moves the patient; the new one's does.
        f.core.post({PositionMsg{oldBand, T0 + 500, 10, 5, 1, QStringLiteral("R101"), 1.0, 0.9}});
        f.core.flushNow();
        QVERIFY(!f.core.rows().patients[size_t(row)].location.known);
        f.core.post({PositionMsg{QStringLiteral("wb-102"), T0 + 600, 10, 5, 1, QStringLiteral("R101"), 1.0, 0.9}});
        f.core.flushNow();
        QVERIFY(f.core.rows().patients[size_t(row)].location.known);
        // Another patient's monitor: refused; the same devices again: nothing to change.
        f.core.pairDevices(QStringLiteral("P004"), QStringLiteral("wb-102"), QStringLiteral("vm-005"), QStringLiteral("S02"),
                           QStringLiteral("N"));
        QVERIFY(!c.lastOk());
        f.core.pairDevices(QStringLiteral("P004"), QStringLiteral("wb-102"), monitor, QStringLiteral("S02"), QStringLiteral("N"));
        QVERIFY(!c.lastOk());
        QCOMPARE(c.lastMessage(), QStringLiteral("Nothing changed"));
    }

    void otherStationsMergeByTimeThenStation()
    {
        CensusLog c;
        CoreFixture f(db("merge.sqlite"), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        const QString bed = firstVacantBed(f.core);
        f.core.post({remote(bed, QStringLiteral("P901"), QStringLiteral("Remote One"), T0 + 10, QStringLiteral("st-2"),
                            QStringLiteral("wb-103"))});
        f.core.flushNow();
        const int row = rowOfBed(f.core, bed);
        QCOMPARE(f.core.rows().patients[size_t(row)].id, QStringLiteral("P901"));
        QCOMPARE(device(f.core, QStringLiteral("wb-103"))->subject, QStringLiteral("Remote One"));
        // Older: ignored. Same time from a smaller station id: ignored; from a greater one: wins.
        f.core.post({remote(bed, QStringLiteral("P902"), QStringLiteral("Older"), T0 + 5, QStringLiteral("st-9"))});
        f.core.post({remote(bed, QStringLiteral("P903"), QStringLiteral("Tie low"), T0 + 10, QStringLiteral("st-0"))});
        f.core.flushNow();
        QCOMPARE(f.core.rows().patients[size_t(row)].id, QStringLiteral("P901"));
        f.core.post({remote(bed, QStringLiteral("P904"), QStringLiteral("Tie high"), T0 + 10, QStringLiteral("st-3"))});
        f.core.flushNow();
        QCOMPARE(f.core.rows().patients[size_t(row)].id, QStringLiteral("P904"));
        QCOMPARE(device(f.core, QStringLiteral("wb-103"))->inService, false); // P901 was displaced with their band
        // An entry naming a patient who lies elsewhere is a transfer: the patient's row takes the bed.
        const int p005 = rowOf(f.core, QStringLiteral("P005"));
        const QString oldBed = f.core.rows().patients[size_t(p005)].bed, bed2 = firstVacantBed(f.core);
        const PatientRow& moved = f.core.rows().patients[size_t(p005)];
        f.core.post({remote(bed2, QStringLiteral("P005"), moved.name, T0 + 20, QStringLiteral("st-2"), moved.wristband, moved.monitor)});
        f.core.flushNow();
        QCOMPARE(rowOf(f.core, QStringLiteral("P005")), p005);
        QCOMPARE(f.core.rows().patients[size_t(p005)].bed, bed2);
        QVERIFY(f.core.rows().patients[size_t(rowOfBed(f.core, oldBed))].vacant());
        // An unknown bed changes nothing; nothing of this was published again by this station.
        f.core.post({remote(QStringLiteral("X-1"), QStringLiteral("P905"), QStringLiteral("Nobody"), T0 + 30, QStringLiteral("st-2"))});
        f.core.flushNow();
        QCOMPARE(rowOf(f.core, QStringLiteral("P905")), -1);
        QVERIFY(c.published.empty());
        // Every applied entry is in this station's record.
        QCOMPARE(CensusRecord(db("merge.sqlite")).latest().size(), size_t(2));
    }

    // Two admissions cross: this station's patient is displaced by another station's later entry,
    // and a latching technical alarm says who went where. Another station's entries over the site's
    // seeded patients (a census that changed while this station was away) raise nothing.
    void crossedAdmissionsRaiseAConflict()
    {
        CensusLog c;
        CoreFixture f(db("conflict.sqlite"), c.output());
        c.watch(f.core);
        f.clock.set(T0);
        const QString bed = firstVacantBed(f.core);
        const QString seededBed = f.core.rows().patients[size_t(rowOf(f.core, QStringLiteral("P007")))].bed;
        f.core.post({remote(seededBed, QStringLiteral("P930"), QStringLiteral("Elsewhere Admitted"), T0 + 1, QStringLiteral("st-2"))});
        f.core.flushNow();
        QVERIFY(!f.last(QStringLiteral("tech.census-conflict")));
        f.core.admitPatient(bed, QStringLiteral("P931"), QStringLiteral("Here Admitted"), {}, {}, QStringLiteral("S02"),
                            QStringLiteral("N"));
        QVERIFY(c.lastOk());
        f.core.post({remote(bed, QStringLiteral("P932"), QStringLiteral("There Admitted"), T0 + 500, QStringLiteral("st-2"))});
        f.core.flushNow();
        const auto conflict = f.last(QStringLiteral("tech.census-conflict"));
        QVERIFY(conflict);
        QVERIFY2(conflict->condition.contains(QStringLiteral("Here Admitted is no longer in bed ") + bed) &&
                     conflict->condition.contains(QStringLiteral("P932")),
                 qPrintable(conflict->condition));
        QVERIFY(conflict->latching);
        QCOMPARE(rowOf(f.core, QStringLiteral("P931")), -1);
        QCOMPARE(f.core.rows().patients[size_t(rowOfBed(f.core, bed))].id, QStringLiteral("P932"));
    }

    void restartRestoresTheCensus()
    {
        QString bed, from;
        {
            CensusLog c;
            CoreFixture f(db("restart.sqlite"), c.output());
            c.watch(f.core);
            f.clock.set(T0);
            bed = firstVacantBed(f.core);
            from = f.core.rows().patients[size_t(rowOf(f.core, QStringLiteral("P006")))].bed;
            f.core.admitPatient(bed, QStringLiteral("P910"), QStringLiteral("Grace Hopper"), QStringLiteral("wb-104"), {},
                                QStringLiteral("S02"), QStringLiteral("N"));
            QVERIFY(c.lastOk());
            f.clock.advance(1000);
            f.core.transferPatient(QStringLiteral("P910"), firstVacantBed(f.core), QStringLiteral("S02"), QStringLiteral("N"));
            QVERIFY(c.lastOk());
            f.clock.advance(1000);
            f.core.dischargePatient(QStringLiteral("P006"), QStringLiteral("S02"), QStringLiteral("N"));
            QVERIFY(c.lastOk());
        }
        CoreFixture again(db("restart.sqlite"));
        again.clock.set(T0 + 10'000);
        again.core.start();
        const int row = rowOf(again.core, QStringLiteral("P910"));
        QVERIFY(row >= 0);
        QVERIFY(again.core.rows().patients[size_t(row)].bed != bed);
        QCOMPARE(again.core.rows().patients[size_t(row)].wristband, QStringLiteral("wb-104"));
        QVERIFY(again.core.rows().patients[size_t(rowOfBed(again.core, bed))].vacant());
        QCOMPARE(rowOf(again.core, QStringLiteral("P006")), -1);
        QVERIFY(again.core.rows().patients[size_t(rowOfBed(again.core, from))].vacant());
    }

    // 5000 entries from three other stations at random (any bed, a small pool of patients, devices
    // of both kinds and unknown ones, times that go back): after each, every bed, patient and device
    // is in at most one row, vacant rows wear nothing, and the devices table says who wears what.
    void randomEntriesKeepTheCensusWhole()
    {
        CoreFixture f(db("random.sqlite"));
        f.clock.set(T0);
        std::mt19937 rng(qEnvironmentVariableIsSet("WW_FUZZ_SEED") ? quint32(qEnvironmentVariableIntValue("WW_FUZZ_SEED")) : 20261128u);
        auto pick = [&](const auto& list) { return list[std::uniform_int_distribution<size_t>(0, list.size() - 1)(rng)]; };
        QStringList beds, ids, devices{QString(), QStringLiteral("wb-777"), QStringLiteral("gw-1")};
        for (const Bed& b : f.site.beds)
            beds << b.id;
        beds << QStringLiteral("X-1");
        for (int i = 0; i < 12; ++i) // site patients (in their beds or moved) and new ones
            ids << QStringLiteral("P%1").arg(i < 8 ? i + 1 : 900 + i, 3, 10, QChar(u'0'));
        ids << QString() << QString() << QString(); // vacant, often
        for (const DeviceRow& d : f.core.rows().devices)
            if (d.kind == DeviceKind::Wristband || d.kind == DeviceKind::VitalsMonitor)
                devices << d.id;
        const QStringList stations{QStringLiteral("st-2"), QStringLiteral("st-3"), QStringLiteral("st-4")};
        for (int i = 0; i < 5000; ++i) {
            const QString id = pick(ids);
            CensusEntryMsg e = remote(pick(beds), id, id.isEmpty() ? QString() : QStringLiteral("Name ") + id,
                                      T0 + qint64(std::uniform_int_distribution<int>(0, 4000)(rng)), pick(stations),
                                      id.isEmpty() ? QString() : pick(devices), id.isEmpty() ? QString() : pick(devices));
            f.core.post({e});
            if (i % 50 == 0)
                f.core.flushNow();
        }
        f.core.flushNow();
        QSet<QString> beds2, patients, worn;
        for (const PatientRow& p : f.core.rows().patients) {
            QVERIFY2(!beds2.contains(p.bed), qPrintable(p.bed));
            beds2 << p.bed;
            QVERIFY2(p.vacant() || !patients.contains(p.id), qPrintable(p.id));
            patients << p.id;
            QVERIFY(!p.vacant() || (p.wristband.isEmpty() && p.monitor.isEmpty() && p.name.isEmpty()));
            for (const QString& d : {p.wristband, p.monitor}) {
                if (d.isEmpty())
                    continue;
                QVERIFY2(!worn.contains(d), qPrintable(d));
                worn << d;
            }
        }
        for (const DeviceRow& d : f.core.rows().devices) {
            if (d.kind != DeviceKind::Wristband && d.kind != DeviceKind::VitalsMonitor)
                continue;
            QCOMPARE(d.inService, worn.contains(d.id));
            if (!worn.contains(d.id))
                QVERIFY2(d.subject.isEmpty(), qPrintable(d.id + QStringLiteral(": ") + d.subject));
        }
        QVERIFY(patients.size() > 3); // the entries did land
        // The monitor a row wears is the one whose vitals reach it.
        for (int r = 0; r < int(f.core.rows().patients.size()); ++r) {
            const PatientRow& p = f.core.rows().patients[size_t(r)];
            if (p.vacant() || p.monitor.isEmpty() || !device(f.core, p.monitor))
                continue;
            f.core.post({vitals(p.monitor, f.clock.nowMs(), 91)});
            f.core.flushNow();
            QCOMPARE(f.core.rows().patients[size_t(r)].vitals[size_t(VitalKind::SpO2)].value, 91.0);
        }
    }

    void theRecordIsAppendOnly()
    {
        CensusRecord record(db("appendonly.sqlite"));
        QVERIFY(record.append({remote(QStringLiteral("R101-A"), QStringLiteral("P1"), QStringLiteral("A"), T0, QStringLiteral("st-1"))}));
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            d.setDatabaseName(db("appendonly.sqlite"));
            QVERIFY(d.open());
            QSqlQuery q(d);
            QVERIFY(!q.exec(QStringLiteral("UPDATE census_record SET patient_id = 'X'")));
            QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM census_record")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QCOMPARE(record.latest().front().patientId, QStringLiteral("P1"));
    }

    void wireEntryRoundTripsAndBadOnesAreNamed()
    {
        const Topics topics(QStringLiteral("w7"));
        QCOMPARE(int(topics.parse("ww/v1/w7/census/R101-A").kind), int(TopicKind::Census));
        DecodeContext ctx;
        ctx.nowMs = T0;
        const CensusEntryMsg e = remote(QStringLiteral("R101-A"), QStringLiteral("P1"), QStringLiteral("Ann"), T0 - 86'400'000 * 30LL,
                                        QStringLiteral("st-2"), QStringLiteral("wb-1"), QStringLiteral("vm-1"));
        const QByteArray payload = encode(e);
        auto r = decodeWire(TopicKind::Census, "R101-A", bytes(payload), ctx);
        QVERIFY2(!r.error, r.error ? qPrintable(r.error->detail) : "");
        const auto& d = std::get<CensusEntryMsg>(r.messages.at(0)); // a month old: retained entries are
        QCOMPARE(d.patientName, QStringLiteral("Ann"));
        QCOMPARE(d.monitor, QStringLiteral("vm-1"));
        QCOMPARE(d.timeMs, e.timeMs);
        // Another bed in the topic than in the payload; no station; a patient without a name; the future.
        r = decodeWire(TopicKind::Census, "R102-A", bytes(payload), ctx);
        QVERIFY(r.error && r.error->detail.contains(QStringLiteral("bed")));
        CensusEntryMsg bad = e;
        bad.stationId.clear();
        r = decodeWire(TopicKind::Census, "R101-A", bytes(encode(bad)), ctx);
        QVERIFY(r.error && r.error->detail.contains(QStringLiteral("station_id")));
        bad = e;
        bad.patientName.clear();
        r = decodeWire(TopicKind::Census, "R101-A", bytes(encode(bad)), ctx);
        QVERIFY(r.error && r.error->detail.contains(QStringLiteral("patient_name")));
        bad = e;
        bad.timeMs = T0 + 3'600'000;
        r = decodeWire(TopicKind::Census, "R101-A", bytes(encode(bad)), ctx);
        QVERIFY(r.error && r.error->detail.contains(QStringLiteral("future")));
        r = decodeWire(TopicKind::Census, "R101-A", bytes(QByteArray("\xff\xff\xff", 3)), ctx);
        QVERIFY(r.error && r.error->reason == RejectReason::Malformed);
    }

    void anotherPatientInARowStartsNewTrends()
    {
        TrendStore store(1, 0);
        WardUpdate u;
        PatientRow p;
        p.id = QStringLiteral("P1");
        p.vitals[size_t(VitalKind::SpO2)] = {95, T0, true};
        u.patients = {{0, p}};
        store.apply(u);
        QCOMPARE(store.vital(0, VitalKind::SpO2).size(), size_t(1));
        p.vitals[size_t(VitalKind::SpO2)] = {96, T0 + 10'000, true};
        u.patients = {{0, p}};
        store.apply(u);
        QCOMPARE(store.vital(0, VitalKind::SpO2).size(), size_t(2));
        p.id = QStringLiteral("P2");
        p.vitals[size_t(VitalKind::SpO2)] = {88, T0 + 20'000, true};
        u.patients = {{0, p}};
        store.apply(u);
        QCOMPARE(store.vital(0, VitalKind::SpO2).size(), size_t(1));
        QCOMPARE(store.vital(0, VitalKind::SpO2).valueAt(0), 88.0);
    }
};

QTEST_GUILESS_MAIN(TestCensus)
#include "tst_census.moc"
