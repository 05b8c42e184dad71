// NEWS2 against the hand-transcribed golden table (tests/data/news2_golden.csv): through the
// library, and through `wardctl news2` as auditors call it.
#include "alarms/news2.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace ww;

namespace {

struct Row
{
    int line = 0;
    QStringList in;
    QList<int> expected; // rr, spo2, oxygen, sbp, pulse, consciousness, temp, total
};

QList<Row> golden()
{
    QFile f(QStringLiteral(WW_SOURCE_DIR "/tests/data/news2_golden.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open the golden table");
    QList<Row> rows;
    int line = 0;
    while (!f.atEnd()) {
        const QString text = QString::fromUtf8(f.readLine()).trimmed();
        ++line;
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        const QStringList cells = text.split(u',');
        if (cells.size() != 16)
            qFatal("golden table line %d: %lld cells", line, qlonglong(cells.size()));
        Row r;
        r.line = line;
        r.in = cells.mid(0, 8);
        for (int i = 8; i < 16; ++i)
            r.expected << cells[i].toInt();
        rows << r;
    }
    return rows;
}

QString wardctl()
{
    return QStringLiteral(WW_BINARY_DIR "/tools/wardctl");
}

} // namespace

class TestNews2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenTableThroughTheLibrary()
    {
        const auto rows = golden();
        QVERIFY(rows.size() >= 90);
        for (const Row& r : rows) {
            news2::Inputs in;
            in.respRate = int(*news2::parseRoundedHalfUp(r.in[0], 0));
            in.spo2 = int(*news2::parseRoundedHalfUp(r.in[1], 0));
            in.scale2 = r.in[2] == u"2";
            in.onOxygen = r.in[3] == u"1";
            in.systolicBp = int(*news2::parseRoundedHalfUp(r.in[4], 0));
            in.pulse = int(*news2::parseRoundedHalfUp(r.in[5], 0));
            in.consciousness = *news2::consciousnessFromLetter(r.in[6].at(0));
            in.temperatureC = *news2::parseRoundedHalfUp(r.in[7], 1);
            const news2::Score s = news2::score(in);
            const QList<int> got{s.respRate, s.spo2, s.oxygen, s.systolicBp, s.pulse, s.consciousness, s.temperature, s.total()};
            if (got != r.expected)
                QFAIL(qPrintable(QStringLiteral("golden line %1 (%2): got %3")
                                     .arg(r.line).arg(r.in.join(u','))
                                     .arg([&] { QStringList l; for (int v : got) l << QString::number(v); return l.join(u','); }())));
        }
    }

    void goldenTableThroughWardctl()
    {
        const auto rows = golden();
        const QStringList keys{QStringLiteral("rr"), QStringLiteral("spo2"), QStringLiteral("oxygen"), QStringLiteral("sbp"),
                               QStringLiteral("pulse"), QStringLiteral("consciousness"), QStringLiteral("temp"), QStringLiteral("total")};
        for (const Row& r : rows) {
            QStringList args{QStringLiteral("news2"), QStringLiteral("--rr"), r.in[0], QStringLiteral("--spo2"), r.in[1],
                             QStringLiteral("--scale"), r.in[2], QStringLiteral("--sbp"), r.in[4], QStringLiteral("--pulse"),
                             r.in[5], QStringLiteral("--consciousness"), r.in[6], QStringLiteral("--temp"), r.in[7]};
            if (r.in[3] == u"1")
                args << QStringLiteral("--oxygen");
            QProcess p;
            p.start(wardctl(), args);
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 0);
            const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
            for (int i = 0; i < keys.size(); ++i) {
                QVERIFY2(o.value(keys[i]).isDouble(), qPrintable(keys[i]));
                if (o.value(keys[i]).toInt() != r.expected[i])
                    QFAIL(qPrintable(QStringLiteral("golden line %1: %2 = %3, expected %4")
                                         .arg(r.line).arg(keys[i]).arg(o.value(keys[i]).toInt()).arg(r.expected[i])));
            }
        }
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        const QStringList ok{QStringLiteral("--rr"), QStringLiteral("16"), QStringLiteral("--spo2"), QStringLiteral("97"),
                             QStringLiteral("--sbp"), QStringLiteral("120"), QStringLiteral("--pulse"), QStringLiteral("70"),
                             QStringLiteral("--consciousness"), QStringLiteral("A"), QStringLiteral("--temp"), QStringLiteral("37")};
        auto without = [&](int i) { QStringList l = ok; l.remove(i, 2); return l; };
        auto with = [&](int i, const QString& v) { QStringList l = ok; l[i + 1] = v; return l; };
        QTest::newRow("missing rr") << without(0);
        QTest::newRow("missing consciousness") << without(8);
        QTest::newRow("missing temp") << without(10);
        QTest::newRow("spo2 over 100") << with(2, QStringLiteral("101"));
        QTest::newRow("negative pulse") << with(6, QStringLiteral("-5"));
        QTest::newRow("text") << with(4, QStringLiteral("high"));
        QTest::newRow("letter X") << with(8, QStringLiteral("X"));
        QTest::newRow("temp 50") << with(10, QStringLiteral("50"));
        QTest::newRow("scale 3") << (QStringList(ok) << QStringLiteral("--scale") << QStringLiteral("3"));
    }
    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(wardctl(), QStringList{QStringLiteral("news2")} + args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(!p.readAllStandardError().isEmpty());
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    void responseBands()
    {
        news2::Score s;
        QCOMPARE(int(news2::response(s)), int(news2::Response::Routine));
        s.pulse = 3;
        QCOMPARE(int(news2::response(s)), int(news2::Response::UrgentWardResponse));
        s.respRate = 2;
        QCOMPARE(int(news2::response(s)), int(news2::Response::Urgent));
        s.temperature = 2;
        QCOMPARE(int(news2::response(s)), int(news2::Response::Emergency));
    }
};

QTEST_GUILESS_MAIN(TestNews2)
#include "tst_news2.moc"
