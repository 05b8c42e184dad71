// The simulator is deterministic for a seed, replays the PhysioNet records, and its ground truth
// agrees with the site (patients start in their beds' rooms).
#include "transport/wirecodec.h"
#include "wardsimulation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ww;

namespace {
std::vector<sim::Outgoing> run(const Site& site, quint64 seed, double seconds, int extraTags = 0)
{
    sim::SimOptions opt;
    opt.seed = seed;
    opt.extraTags = extraTags;
    opt.eventRateScale = 50;
    opt.vitalsDir = QStringLiteral(WW_SHARED_DATA "/vitals/physionet2012-subset/set-a");
    std::vector<sim::Outgoing> out;
    sim::WardSimulation w(site, opt, 1'780'000'000'000, [&](sim::Outgoing&& o) { out.push_back(std::move(o)); });
    for (double t = 0; t < seconds; t += 0.1)
        w.step(0.1);
    return out;
}
} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT
    std::optional<Site> m_site;
private Q_SLOTS:
    void initTestCase()
    {
        m_site = SiteLoader::loadDefault().site;
        QVERIFY(m_site);
    }

    void sameSeedSameWard()
    {
        const auto a = run(*m_site, 42, 30), b = run(*m_site, 42, 30), c = run(*m_site, 43, 30);
        QVERIFY(a.size() > 1000);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].topic, b[i].topic);
            QCOMPARE(a[i].payload, b[i].payload);
        }
        bool differs = a.size() != c.size();
        for (size_t i = 0; !differs && i < a.size(); ++i)
            differs = a[i].payload != c[i].payload;
        QVERIFY(differs);
    }

    void replaysRecordsAndKindsOfTraffic()
    {
        sim::SimOptions opt;
        opt.vitalsDir = QStringLiteral(WW_SHARED_DATA "/vitals/physionet2012-subset/set-a");
        int adverts = 0, vitals = 0, env = 0, truth = 0;
        sim::WardSimulation w(*m_site, opt, 1'780'000'000'000, [&](sim::Outgoing&& o) {
            adverts += o.topic.endsWith(QStringLiteral("/adv"));
            vitals += o.topic.endsWith(QStringLiteral("/vitals"));
            env += o.topic.endsWith(QStringLiteral("/env"));
            truth += o.topic.contains(QStringLiteral("/truth/"));
        });
        QVERIFY(w.replaying());
        // Every patient lies in bed at the start (some get up within seconds).
        w.step(0.1);
        const QJsonObject start = w.truthSummary().value(QStringLiteral("tags")).toObject();
        for (const auto& p : m_site->patients)
            QCOMPARE(start.value(p.wristband).toObject().value(QStringLiteral("room")).toString(), m_site->bed(p.bed)->room);
        for (int i = 1; i < 100; ++i)
            w.step(0.1);
        QVERIFY(adverts >= int(m_site->gateways.size()) * 9);
        QVERIFY(vitals >= int(m_site->patients.size()) * 4);
        QVERIFY(env > 0 && truth > 0);
        const QJsonObject summary = w.truthSummary();
        const QJsonObject hr = summary.value(QStringLiteral("vitals")).toObject().value(m_site->patients[0].monitor).toObject();
        QVERIFY(hr.value(QStringLiteral("HR")).toDouble() > 20);
        const double spo2 = hr.value(QStringLiteral("SpO2")).toDouble();
        QVERIFY(spo2 >= 70 && spo2 <= 100);
    }

    void scalesToThousandTags()
    {
        const auto out = run(*m_site, 7, 5, 1000);
        int truthTags = 0;
        for (const auto& o : out)
            truthTags += o.topic.contains(QStringLiteral("/truth/tag/"));
        QVERIFY(truthTags >= 1000 * 4);
    }

    // A valid site without a staff area, with an asset without a home room (both optional): the
    // simulator crashed on it (found by tst_robustness). Staff and the asset start in the first room.
    void runsASiteWithoutStaffAreaOrHome()
    {
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QJsonArray rooms = root.value(u"rooms").toArray();
        for (qsizetype i = 0; i < rooms.size(); ++i) {
            QJsonObject r = rooms.at(i).toObject();
            if (r.value(u"kind").toString() == u"staff")
                r.insert(QStringLiteral("kind"), QStringLiteral("office"));
            rooms.replace(i, r);
        }
        root.insert(QStringLiteral("rooms"), rooms);
        QJsonArray assets = root.value(u"assets").toArray();
        QJsonObject a = assets.at(0).toObject();
        a.remove(QStringLiteral("home"));
        assets.replace(0, a);
        root.insert(QStringLiteral("assets"), assets);
        const auto loaded = SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("no-staff-area.json"));
        QVERIFY2(loaded.site, qPrintable(loaded.errors.join(u'\n')));
        const auto out = run(*loaded.site, 3, 5);
        int truthTags = 0;
        for (const auto& o : out)
            truthTags += o.topic.contains(QStringLiteral("/truth/tag/"));
        QVERIFY(truthTags > 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
