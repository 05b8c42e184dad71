// Hostile and damaged input, mutated from real traffic: nothing crashes, nothing stops, every
// rejection is counted with its reason and says where, and the core still raises a panic
// afterwards. Three doors: the ingest stage and the core (simulator traffic, MOKO JSON and other
// stations' alarms, mutated byte-wise), the site loader (the default site mutated value-wise) and
// `wardctl locate` (its CSV files mutated cell- and line-wise). Deterministic: fixed seeds.
#include "fuzzing.h"
#include "core/wardcore.h"
#include "models/wardmodels.h"
#include "offline.h"
#include "coldchaincmd.h"
#include "transport/ingest.h"
#include "wardsimulation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace ww;
using ww::testing::Mutator;

namespace {
constexpr qint64 Start = 1'780'000'000'000;

std::span<const std::byte> span(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

// What a decoder delivered must be usable by everything after it.
QString invalid(const Decoded& d, const DecodeContext& ctx)
{
    const qint64 earliest = ctx.nowMs - ctx.maxPastMs, latest = ctx.nowMs + ctx.maxFutureMs;
    auto badTime = [&](qint64 t) { return t < earliest || t > latest; };
    return std::visit(
        [&](const auto& m) -> QString {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, BeaconBatch>) {
                for (const auto& r : m.reports)
                    if (r.rssi < -127 || r.rssi > 20 || r.timeMs < earliest - 600'000 /* offsets: 10 min back */ ||
                        r.timeMs > latest)
                        return QStringLiteral("advert rssi %1 at %2").arg(r.rssi).arg(r.timeMs);
            } else if constexpr (std::is_same_v<T, VitalsUpdate>) {
                for (const auto& s : m.samples)
                    if (!std::isfinite(s.value) || badTime(s.timeMs))
                        return QStringLiteral("vital %1 at %2").arg(s.value).arg(s.timeMs);
            } else if constexpr (std::is_same_v<T, PositionMsg>) {
                if (!std::isfinite(m.x) || !std::isfinite(m.y) || !std::isfinite(m.accuracyM) || !std::isfinite(m.confidence))
                    return QStringLiteral("position %1, %2").arg(m.x).arg(m.y);
            } else if constexpr (std::is_same_v<T, EnvUpdate>) {
                for (const auto& v : {m.temperatureC, m.humidityPct, m.co2Ppm, m.pm25, m.tvoc, m.diffPressurePa})
                    if (v && !std::isfinite(*v))
                        return QStringLiteral("environment value %1").arg(*v);
            }
            return {};
        },
        d);
}

// A small site for `wardctl locate`: five receivers in a 10 x 8 m room, two tags heard for 20 s
// and a calibration walk, from the log-distance model with a fixed seed's noise.
struct CsvSet
{
    QByteArray gateways, reports, calibration;
};
CsvSet cleanCsv()
{
    const double gw[5][2] = {{0, 0}, {10, 0}, {10, 8}, {0, 8}, {5, 4}};
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0, 4);
    auto level = [&](int g, double x, double y) {
        const double d = std::hypot(std::hypot(x - gw[g][0], y - gw[g][1]), 1.3);
        return QByteArray::number(std::round(-59 - 20 * std::log10(d) + noise(rng)));
    };
    CsvSet s;
    s.gateways = "gateway_id,x,y,z,floor\n";
    for (int g = 0; g < 5; ++g)
        s.gateways += "g" + QByteArray::number(g) + ',' + QByteArray::number(gw[g][0]) + ',' +
                      QByteArray::number(gw[g][1]) + ",2.5,0\n";
    s.reports = "time_s,gateway_id,tag_id,rssi,tx_power\n";
    for (int t = 0; t < 20; ++t)
        for (int g = 0; g < 5; ++g)
            for (int tag = 0; tag < 2; ++tag)
                s.reports += QByteArray::number(100 + t + 0.1 * g + 0.05 * tag) + ",g" + QByteArray::number(g) + ",t" +
                             QByteArray::number(tag) + ',' + level(g, 2 + 0.3 * t, 3 + 2 * tag) + ",-59\n";
    s.calibration = "time_s,gateway_id,tag_id,rssi,x,y\n";
    for (int t = 0; t < 30; ++t)
        for (int g = 0; g < 5; ++g) {
            const double x = 1 + (t % 6) * 1.6, y = 1 + (t / 6) * 1.5;
            s.calibration += QByteArray::number(t) + ",g" + QByteArray::number(g) + ",walk," + level(g, x, y) + ',' +
                             QByteArray::number(x) + ',' + QByteArray::number(y) + '\n';
        }
    return s;
}

std::vector<sim::Outgoing> simulatorTraffic(const Site& site, double seconds)
{
    sim::SimOptions opt;
    opt.seed = 7;
    opt.eventRateScale = 50;
    opt.demoScenario = true;
    std::vector<sim::Outgoing> out;
    sim::WardSimulation w(site, opt, Start, [&](sim::Outgoing&& o) { out.push_back(std::move(o)); });
    for (double t = 0; t < seconds; t += 0.5)
        w.step(0.5);
    return out;
}

QString writeFile(const QTemporaryDir& d, const QString& name, const QByteArray& text)
{
    QFile f(d.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return f.fileName();
}
} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT
    std::optional<Site> m_site;

private Q_SLOTS:
    void initTestCase()
    {
        // Thousands of alarms and rejections are expected here: their log lines would bury the result.
        QLoggingCategory::setFilterRules(QStringLiteral("ww.alarm.info=false\nww.ingest.warning=false"));
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        m_site = loaded.site;
    }

    // 20 000 mutated frames through the ingest stage into the core with alarms on.
    void mutatedTrafficIsRejectedOrUsable()
    {
        const Site& site = *m_site;
        ManualClock clock(Start);
        IngestStats stats;
        const DeviceDirectory directory(site);
        Ingest ingest(IngestConfig{site.id}, directory, clock, stats);
        WardCore core(site, directory, clock, stats);
        std::vector<AlarmState> changes;
        connect(&core, &WardCore::alarmChanged, this, [&](const AlarmState& s) { changes.push_back(s); });
        core.enableAlarms(QStringLiteral("st-fuzz"), QStringLiteral(":memory:"), {});

        // The corpus: 60 s of the simulator's demo ward, MOKO gateway JSON, other stations' alarms.
        std::vector<std::pair<QByteArray, QByteArray>> corpus; // topic, payload
        int truthFrames = 0; // the simulator's ground truth, which a station ignores: a few are enough
        for (auto& o : simulatorTraffic(site, 60))
            if (!o.topic.contains(QStringLiteral("/truth/")) || truthFrames++ % 50 == 0)
                corpus.emplace_back(o.topic.toUtf8(), o.payload);
        const Gateway& gw = site.gateways.front();
        const QString mokoTopic = QStringLiteral("moko/%1/send").arg(gw.mac);
        corpus.emplace_back(mokoTopic.toUtf8(),
                            QStringLiteral(R"({"msg_id":3070,"device_info":{"mac":"%1"},"data":[{"timestamp":1780000000,"timezone":0,)"
                                           R"("type_code":0,"type":"iBeacon","rssi":-63,"connectable":1,"mac":"C8FB12345678",)"
                                           R"("uuid":"E2C56DB5DFFB48D2B060D0F5A71096E0","major":1,"minor":2,"rssi_1m":-59},)"
                                           R"({"timestamp":12345,"type_code":7,"type":"BXP-Button","rssi":-70,"mac":"%2",)"
                                           R"("frame_type":2,"alarm_status":1,"trigger_count":5,"batt_vol":3000}]})")
                                .arg(gw.mac, site.patients.front().wristband)
                                .toUtf8());
        corpus.emplace_back(mokoTopic.toUtf8(),
                            QStringLiteral(R"({"msg_id":3004,"device_info":{"mac":"%1"},"data":{"wifi_rssi":-40}})").arg(gw.mac).toUtf8());
        const Topics topics(site.id);
        for (int i = 0; i < 5; ++i) {
            AlarmState a;
            a.id = QStringLiteral("event.panic:wb-00%1:1-1").arg(i);
            a.rule = QStringLiteral("event.panic");
            a.category = AlarmCategory::Event;
            a.priority = Priority::High;
            a.source = QStringLiteral("wb-00%1").arg(i);
            a.subject = QStringLiteral("Someone");
            a.condition = QStringLiteral("panic");
            a.onsetMs = Start + i * 1000;
            a.stationId = QStringLiteral("st-other");
            a.revision = 1 + quint64(i);
            if (i % 2) {
                a.ackedAtMs = a.onsetMs + 5000;
                a.ackedBy = QStringLiteral("S01");
                a.ackedStation = QStringLiteral("st-other");
            }
            corpus.emplace_back(topics.alarm(a.id).toUtf8(), encode(a, Start));
        }
        // Other stations' census entries: admissions into vacant beds, discharges, a transfer.
        const WardRows seed = initialRows(site);
        for (int i = 0; i < 6; ++i) {
            CensusEntryMsg e;
            e.bed = seed.patients[size_t(i * 5)].bed;
            if (seed.patients[size_t(i * 5)].vacant()) {
                e.patientId = QStringLiteral("P9%1").arg(i);
                e.patientName = QStringLiteral("Fuzz %1").arg(i);
                e.wristband = site.spareWristbands.value(i);
            } else if (i % 2) {
                e.patientId = seed.patients[size_t(i * 5 + 1)].id; // lies elsewhere: a transfer
                e.patientName = seed.patients[size_t(i * 5 + 1)].name;
                e.wristband = seed.patients[size_t(i * 5 + 1)].wristband;
            }
            e.timeMs = Start + i;
            e.stationId = QStringLiteral("st-other");
            corpus.emplace_back(topics.census(e.bed).toUtf8(), encode(e));
        }
        QVERIFY(corpus.size() > 2000);

        // WW_FUZZ_SEED and WW_FUZZ_FRAMES explore further (ctest: the fixed seed, 20 000 frames).
        Mutator mutate(qEnvironmentVariableIsSet("WW_FUZZ_SEED") ? qEnvironmentVariableIntValue("WW_FUZZ_SEED") : 20261128);
        const std::string moko = ingest.config().mokoFilter.toStdString();
        int rejected = 0, accepted = 0, truth = 0, fromCorpus = 0, census = 0;
        const int Frames = qEnvironmentVariableIsSet("WW_FUZZ_FRAMES") ? qEnvironmentVariableIntValue("WW_FUZZ_FRAMES") : 20000;
        for (int i = 0; i < Frames; ++i) {
            const auto& [topic0, payload0] = corpus[mutate.below(corpus.size())];
            QByteArray topic = topic0, payload = payload0;
            if (mutate.chance(90))
                payload = mutate.mutate(payload, corpus[mutate.below(corpus.size())].second);
            else
                ++fromCorpus;
            if (mutate.chance(5))
                topic = mutate.mutate(topic, corpus[mutate.below(corpus.size())].first);
            // The decoder on its own: an error says what is wrong, and what it delivers is usable.
            const ParsedTopic parsed = ingest.topics().parse(std::string_view(topic.constData(), size_t(topic.size())), moko);
            DecodeContext ctx;
            ctx.nowMs = ctx.receiveTimeMs = clock.nowMs();
            ctx.directory = &directory;
            if (parsed.kind == TopicKind::Truth) {
                ++truth; // the simulator's ground truth: ignored by a station, neither accepted nor rejected
            } else if (payload.isEmpty() && parsed.kind == TopicKind::Status) {
                ++accepted; // an empty retained status clears its topic
            } else {
                const DecodeResult r = parsed.kind == TopicKind::Moko ? decodeMokoJson(span(payload), ctx)
                                                                      : decodeWire(parsed.kind, parsed.id, span(payload), ctx);
                if (r.error) {
                    ++rejected;
                    QVERIFY2(!r.error->detail.isEmpty(), qPrintable(toString(r.error->reason)));
                } else {
                    ++accepted;
                    census += parsed.kind == TopicKind::Census ? 1 : 0;
                    for (const auto& m : r.messages) {
                        const QString why = invalid(m, ctx);
                        QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("frame %1 on %2 delivered %3")
                                                               .arg(i)
                                                               .arg(QString::fromUtf8(topic), why)));
                    }
                }
            }
            // The whole path: ingest stage, then the core with its models, locator and alarm rules.
            core.apply(ingest.decode(topic.constData(), span(payload), clock.nowMs()));
            if (i % 20 == 0) {
                clock.advance(100);
                core.flushNow();
            }
            if (i % 200 == 0) {
                core.checkSignals();
                core.evaluateAlarms();
            }
        }
        core.flushNow();
        const IngestCounters c = stats.snapshot();
        QCOMPARE(c.received, quint64(Frames));
        // Every frame the decoder refused was counted as rejected; the core also rejects some that
        // decoded (a device not in the site, a press seen before), which the ingest stage accepted.
        QCOMPARE(c.accepted, quint64(accepted));
        QVERIFY(c.rejected >= quint64(rejected));
        QCOMPARE(c.accepted + quint64(rejected) + quint64(truth), c.received);
        const quint64 byCore = c.rejected - quint64(rejected);
        QVERIFY(byCore <= c.byReason[size_t(RejectReason::UnknownDevice)] + c.byReason[size_t(RejectReason::Duplicate)]);
        quint64 byReason = 0, byTopic = 0;
        for (auto n : c.byReason)
            byReason += n;
        for (auto n : c.rejectedByTopic)
            byTopic += n;
        QCOMPARE(byReason, c.rejected);
        QCOMPARE(byTopic, c.rejected);
        qInfo("%d frames (%d unmutated, %d ground truth): accepted %d, rejected %d, then by the core %llu; %zu alarm "
              "changes", Frames, fromCorpus, truth, accepted, rejected, byCore, changes.size());
        // The census stays one: every bed, patient and device in at most one row.
        QSet<QString> beds, patients, devices;
        for (const PatientRow& p : core.rows().patients) {
            QVERIFY2(p.bed.isEmpty() || !beds.contains(p.bed), qPrintable(p.bed));
            beds << p.bed;
            QVERIFY2(p.vacant() || !patients.contains(p.id), qPrintable(p.id));
            patients << p.id;
            for (const QString& d : {p.wristband, p.monitor}) {
                QVERIFY2(d.isEmpty() || !devices.contains(d), qPrintable(d));
                devices << d;
            }
            QVERIFY(!p.vacant() || (p.wristband.isEmpty() && p.monitor.isEmpty()));
        }
        QCOMPARE(core.rows().patients.size(), seed.patients.size());
        qInfo("%d census entries decoded and applied", census);
        QVERIFY(census > 0);
        QVERIFY(rejected > Frames / 4); // the mutations do damage...
        QVERIFY(accepted > Frames / 10); // ...and some frames survive them, so the core was exercised

        // The core still works: a valid panic press from a patient's wristband raises its alarm.
        const Patient& patient = site.patients.back();
        clock.advance(60'000);
        const DeviceEventMsg press{patient.wristband, clock.nowMs(), clock.nowMs(), 999, 1, DeviceEventKind::Panic, false};
        const QByteArray wire = encode(press);
        core.apply(ingest.decode(topics.event(patient.wristband).toUtf8().constData(), span(wire), clock.nowMs()));
        core.flushNow();
        core.evaluateAlarms();
        bool raised = false;
        for (const auto& s : changes)
            raised = raised || (s.rule == QStringLiteral("event.panic") && s.source == patient.wristband &&
                                s.onsetMs >= clock.nowMs() - 1000);
        QVERIFY2(raised, "no panic alarm after the fuzzing");
    }

    // 300 damaged site files: refused with the file and JSON path at fault, or loaded and then run
    // (simulator traffic through the core, its locator, alarm rules and models) without a crash.
    void damagedSiteFilesAreRefusedOrRun()
    {
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        const QJsonObject root = QJsonDocument::fromJson(original).object();
        QVERIFY(!root.isEmpty());
        Mutator mutate(qEnvironmentVariableIsSet("WW_FUZZ_SEED") ? qEnvironmentVariableIntValue("WW_FUZZ_SEED") : 7);
        const int files = qEnvironmentVariableIsSet("WW_FUZZ_SITES") ? qEnvironmentVariableIntValue("WW_FUZZ_SITES") : 300;
        const QString name = QStringLiteral("damaged-site.json");
        int refused = 0, loaded = 0;
        for (int i = 0; i < files; ++i) {
            QByteArray json;
            if (mutate.chance(10)) { // damaged as text: truncated, a brace lost, bytes inserted
                json = mutate.mutate(original, original);
            } else {
                QJsonValue doc = root;
                for (int k = 0, n = 1 + int(mutate.below(3)); k < n; ++k)
                    doc = ww::testing::damage(doc, mutate);
                json = QJsonDocument(doc.toObject()).toJson(QJsonDocument::Compact);
            }
            const SiteLoadResult r = SiteLoader::loadBytes(json, name);
            if (!r.site) {
                ++refused;
                QVERIFY(!r.errors.isEmpty());
                if (qEnvironmentVariableIsSet("WW_FUZZ_SHOW"))
                    qInfo("%s", qPrintable(r.errors.join(u" | ").left(300)));
                for (const QString& e : r.errors)
                    QVERIFY2(e.startsWith(name + QStringLiteral(": ")) && e.size() > name.size() + 4, qPrintable(e));
                continue;
            }
            ++loaded;
            const Site& site = *r.site;
            ManualClock clock(Start);
            IngestStats stats;
            const DeviceDirectory directory(site);
            Ingest ingest(IngestConfig{site.id}, directory, clock, stats);
            WardCore core(site, directory, clock, stats);
            WardModels models(site);
            connect(&core, &WardCore::updatesReady, &models, &WardModels::apply);
            core.enableAlarms(QStringLiteral("st-fuzz"), QStringLiteral(":memory:"), {});
                for (const auto& o : simulatorTraffic(site, 5)) {
                const QByteArray topic = o.topic.toUtf8();
                core.apply(ingest.decode(topic.constData(), span(o.payload), clock.nowMs()));
            }
            clock.advance(5000);
            core.flushNow();
            core.checkSignals();
            core.evaluateAlarms();
            QCoreApplication::processEvents(); // the models take the core's batches
        }
        qInfo("%d damaged site files: %d refused with a reason, %d loaded and run", files, refused, loaded);
        QVERIFY(refused > files / 3);
        QVERIFY(loaded > files / 20);
    }

    // 400 damaged sets of `wardctl locate` files: exit 2 with the file (and line) at fault, or a
    // complete output whose every number is finite.
    void damagedLocateFilesAreRefusedOrPositioned()
    {
        QTemporaryDir d;
        d.setAutoRemove(!qEnvironmentVariableIsSet("WW_FUZZ_KEEP")); // the last run's files, to look at
        const CsvSet clean = cleanCsv();
        Mutator mutate(qEnvironmentVariableIsSet("WW_FUZZ_SEED") ? qEnvironmentVariableIntValue("WW_FUZZ_SEED") : 11);
        const int runs = qEnvironmentVariableIsSet("WW_FUZZ_CSV") ? qEnvironmentVariableIntValue("WW_FUZZ_CSV") : 400;
        int refused = 0, positioned = 0;
        for (int i = 0; i < runs; ++i) {
            CsvSet set = clean;
            const size_t which = mutate.below(3);
            QByteArray& damaged = which == 0 ? set.gateways : which == 1 ? set.reports : set.calibration;
            for (int k = 0, n = 1 + int(mutate.below(2)); k < n; ++k)
                damaged = ww::testing::damageCsv(damaged, mutate);
            offline::LocateOptions o;
            o.gateways = writeFile(d, QStringLiteral("G.csv"), set.gateways);
            o.reports = writeFile(d, QStringLiteral("R.csv"), set.reports);
            const bool calibrated = which == 2 || mutate.chance(20);
            if (calibrated)
                o.calibration = writeFile(d, QStringLiteral("C.csv"), set.calibration);
            o.out = d.filePath(QStringLiteral("P.csv"));
            QFile::remove(o.out);
            QString msg;
            QTextStream err(&msg);
            const int rc = offline::locate(o, err);
            err.flush();
            const QString file = which == 0 ? o.gateways : which == 1 ? o.reports : o.calibration;
            if (rc == offline::BadInput) {
                ++refused;
                // Usually the damaged file; a gateway's line lost is found in R.csv, which names it.
                const bool named = msg.contains(file) || msg.contains(o.gateways) || msg.contains(o.reports) ||
                                   (calibrated && msg.contains(o.calibration));
                QVERIFY2(named, qPrintable(QStringLiteral("run %1: %2").arg(i).arg(msg)));
                if (qEnvironmentVariableIsSet("WW_FUZZ_SHOW"))
                    qInfo("%s", qPrintable(msg.trimmed().left(200)));
                continue;
            }
            QVERIFY2(rc == offline::Done, qPrintable(QStringLiteral("run %1: exit %2: %3").arg(rc).arg(i).arg(msg)));
            ++positioned;
            offline::CsvFile p(o.out);
            QVERIFY2(p.ok(), qPrintable(p.error()));
            for (int r = 0; r < p.rows(); ++r)
                for (const char* column : {"time_s", "x", "y", "accuracy_m"}) {
                    const QByteArray cell = p.cell(r, p.column(QLatin1String(column)));
                    bool ok = false;
                    const double v = cell.toDouble(&ok);
                    QVERIFY2(ok && std::isfinite(v), qPrintable(QStringLiteral("run %1: %2 line %3: %4 is %5")
                                                                     .arg(i)
                                                                     .arg(o.out)
                                                                     .arg(p.lineOf(r))
                                                                     .arg(QLatin1String(column), QString::fromUtf8(cell))));
                }
        }
        qInfo("%d damaged file sets: %d refused naming the file, %d positioned", runs, refused, positioned);
        QVERIFY(refused > runs / 4);
        QVERIFY(positioned > runs / 10);
    }

    // 400 damaged loggers' CSV files through `wardctl coldchain`: exit 2 naming the file, or a record
    // whose figures are all finite and whose JSON parses.
    void damagedFridgeRecordsAreRefusedOrReported()
    {
        QTemporaryDir d;
        d.setAutoRemove(!qEnvironmentVariableIsSet("WW_FUZZ_KEEP"));
        QByteArray clean = "time_s,temperature_c,door\n";
        for (int m = 0; m < 180; ++m)
            clean += QByteArray::number(1'795'737'600 + m * 60) + ',' +
                     QByteArray::number(m >= 60 && m < 75 ? 9.5 : 4.0 + 0.01 * m, 'f', 2) + ',' +
                     (m % 40 == 5 ? "open" : m % 40 == 6 ? "closed" : "") + '\n';
        Mutator mutate(qEnvironmentVariableIsSet("WW_FUZZ_SEED") ? qEnvironmentVariableIntValue("WW_FUZZ_SEED") : 13);
        const int runs = qEnvironmentVariableIsSet("WW_FUZZ_CSV") ? qEnvironmentVariableIntValue("WW_FUZZ_CSV") : 400;
        int refused = 0, reported = 0;
        for (int i = 0; i < runs; ++i) {
            QByteArray damaged = clean;
            for (int k = 0, n = 1 + int(mutate.below(2)); k < n; ++k)
                damaged = ww::testing::damageCsv(damaged, mutate);
            offline::ColdChainOptions o;
            o.readings = writeFile(d, QStringLiteral("T.csv"), damaged);
            o.jsonOut = d.filePath(QStringLiteral("R.json"));
            o.utc = true;
            QFile::remove(o.jsonOut);
            QString text, msg;
            QTextStream out(&text), err(&msg);
            const int rc = offline::coldchain(o, out, err);
            out.flush();
            err.flush();
            if (rc == offline::BadInput) {
                ++refused;
                QVERIFY2(msg.contains(o.readings) || msg.startsWith(QStringLiteral("coldchain:")),
                         qPrintable(QStringLiteral("run %1: %2").arg(i).arg(msg)));
                continue;
            }
            QVERIFY2(rc == offline::Done, qPrintable(QStringLiteral("run %1: exit %2: %3").arg(i).arg(rc).arg(msg)));
            ++reported;
            QVERIFY2(!text.contains(QStringLiteral("nan")) && !text.contains(QStringLiteral("inf")),
                     qPrintable(QStringLiteral("run %1: %2").arg(i).arg(text)));
            QFile json(o.jsonOut);
            QVERIFY(json.open(QIODevice::ReadOnly));
            QJsonParseError e{};
            const QJsonObject r = QJsonDocument::fromJson(json.readAll(), &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(e.errorString()));
            for (const char* key : {"min_c", "max_c", "mean_c", "mkt_c"}) {
                const QJsonValue v = r.value(QLatin1String(key));
                QVERIFY2(v.isNull() || (v.isDouble() && std::isfinite(v.toDouble()) && std::abs(v.toDouble()) <= 100),
                         qPrintable(QStringLiteral("run %1: %2").arg(i).arg(QLatin1String(key))));
            }
        }
        qInfo("%d damaged fridge records: %d refused naming the file, %d reported", runs, refused, reported);
        QVERIFY(refused > runs / 10);
        QVERIFY(reported > runs / 10);
    }
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
