// The Qt Positioning plugin's reading of the wire (positioning/qtplugin/tagpositionreader.h), without
// Qt's plugin machinery: a position signed by an engine the site lists becomes a QGeoPositionInfo
// through the site's geo-reference (with its floor's altitude); one signed by a key the site does not
// list, unsigned, signed in another engine's name or on a floor the site lacks is refused with its
// reason; a replay and another tag's topic change nothing; each bad parameter is named.
#include "positioning/georef.h"
#include "positioning/qtplugin/tagpositionreader.h"
#include "transport/signing.h"
#include "transport/wirecodec.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using namespace ww::qtpos;

namespace {

std::span<const std::byte> bytes(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

SigningKey keyOf(char fill)
{
    return *SigningKey::fromSeed(QByteArray(SigningKey::SeedBytes, fill));
}

} // namespace

class TestQtPositionReader : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_site;   // the default ward, signed state only, the engine eng-1 listed
    QString m_tag;    // a tag of it
    QVariantMap m_ok; // parameters that work

    PositionMsg position(double x, double y, int floor, const QString& engine = QStringLiteral("eng-1")) const
    {
        PositionMsg p;
        p.tagId = m_tag;
        p.timeMs = QDateTime::currentMSecsSinceEpoch() - 500;
        p.x = x;
        p.y = y;
        p.floor = floor;
        p.room = QStringLiteral("R101");
        p.accuracyM = 1.25;
        p.confidence = 0.8;
        p.engineId = engine;
        return p;
    }
    QString errorOf(QVariantMap p) const { return readParameters(p).error; }

private Q_SLOTS:
    void initTestCase()
    {
        QFile f(QStringLiteral(WW_SOURCE_DIR "/resources/site/default-site.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        root.insert(QStringLiteral("signing"),
                    QJsonObject{{QStringLiteral("keys"),
                                 QJsonObject{{QStringLiteral("eng-1"), keyOf('e').publicKeyBase64()}}}});
        m_site = m_dir.filePath(QStringLiteral("site.json"));
        QFile out(m_site);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        for (const char* svg : {"floor1.svg", "floor2.svg"})
            QVERIFY(QFile::copy(QStringLiteral(WW_SOURCE_DIR "/resources/site/") + QLatin1String(svg),
                                m_dir.filePath(QLatin1String(svg))));
        const auto loaded = SiteLoader::loadFile(m_site);
        QVERIFY(loaded.site);
        QVERIFY(!loaded.site->patients.empty());
        m_tag = loaded.site->patients.front().wristband;
        QVERIFY(DeviceDirectory(*loaded.site).tag(m_tag.toStdString()) >= 0);
        m_ok = {{QLatin1String(param::Site), m_site},
                {QLatin1String(param::Tag), m_tag},
                {QLatin1String(param::Port), 18830}};
    }

    void parametersThatWork()
    {
        QVERIFY(hasOwnParameters(m_ok));
        QVERIFY(!hasOwnParameters({}));
        QVERIFY(!hasOwnParameters({{QStringLiteral("nmea.source"), QStringLiteral("x")}}));
        const FeedSettingsResult r = readParameters(m_ok);
        QVERIFY2(r.settings, qPrintable(r.error));
        QCOMPARE(r.settings->tagId, m_tag);
        QCOMPARE(r.settings->mqtt.port, 18830);
        QCOMPARE(r.settings->mqtt.host, QStringLiteral("127.0.0.1"));
        QVERIFY(!r.settings->mqtt.tls);
        QCOMPARE(r.settings->site->signingKeys.size(), 1);
    }

    void badParametersAreNamed()
    {
        auto with = [this](const char* name, const QVariant& value) {
            QVariantMap p = m_ok;
            if (value.isValid())
                p.insert(QLatin1String(name), value);
            else
                p.remove(QLatin1String(name));
            return errorOf(p);
        };
        QVERIFY(with(param::Site, {}).startsWith(u"wardwatch.site: missing"));
        const QString missing = with(param::Site, m_dir.filePath(QStringLiteral("no-such-site.json")));
        QVERIFY2(missing.startsWith(u"wardwatch.site: ") && missing.contains(u"no-such-site.json"),
                 qPrintable(missing));
        QVERIFY(with(param::Tag, {}).startsWith(u"wardwatch.tag: missing"));
        const QString unknown = with(param::Tag, QStringLiteral("NO-SUCH-TAG"));
        QVERIFY2(unknown.startsWith(u"wardwatch.tag: \"NO-SUCH-TAG\" is not a tag of the site"),
                 qPrintable(unknown));
        QVERIFY(with(param::Port, QStringLiteral("http"))
                    .startsWith(u"wardwatch.port: \"http\" is not a port number"));
        QVERIFY(with(param::Port, 70000).startsWith(u"wardwatch.port: "));
        QVERIFY(with(param::Tls, QStringLiteral("maybe")).startsWith(u"wardwatch.tls: \"maybe\""));
        QVERIFY(
            with(param::CaFile, m_dir.filePath(QStringLiteral("ca.pem"))).startsWith(u"wardwatch.caFile: "));
        QVERIFY(with(param::CertFile, m_site).contains(u"wardwatch.keyFile"));
        QVariantMap typoed = m_ok;
        typoed.insert(QStringLiteral("wardwatch.prot"), 1883);
        QVERIFY(errorOf(typoed).startsWith(u"wardwatch.prot: not a parameter of the wardwatch plugin"));
        // Clear text to another host only where the site allows it.
        QVERIFY(with(param::Host, QStringLiteral("broker.ward.invalid"))
                    .startsWith(u"wardwatch.tls: the broker broker.ward.invalid"));
        // The password from a file of its owner's only.
        const QString secret = m_dir.filePath(QStringLiteral("password"));
        QFile pw(secret);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("s3cret\n");
        pw.close();
        QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        QVERIFY(with(param::PasswordFile, secret).contains(u"chmod 600"));
        QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVariantMap withPassword = m_ok;
        withPassword.insert(QLatin1String(param::PasswordFile), secret);
        const FeedSettingsResult r = readParameters(withPassword);
        QVERIFY2(r.settings, qPrintable(r.error));
        QCOMPARE(r.settings->mqtt.password, QStringLiteral("s3cret"));
    }

    void listedEngineIsTakenThroughTheGeoReference()
    {
        const FeedSettingsResult r = readParameters(m_ok);
        QVERIFY(r.settings);
        const TagPositionReader reader(r.settings->site, m_tag);
        const QString topic = reader.topic();
        QCOMPARE(topic, QStringLiteral("ww/v1/%1/pos/%2").arg(r.settings->site->id, m_tag));
        MessageSigner engine(QStringLiteral("eng-1"), keyOf('e'));
        const PositionMsg p = position(12.5, 7.25, 2);
        const QByteArray signedPayload = engine.sign(topic, encode(p));
        const TagReading reading =
            reader.read(topic.toUtf8().constData(), bytes(signedPayload), p.timeMs + 20);
        QVERIFY2(reading.refused.isEmpty(), qPrintable(reading.refused));
        QVERIFY(reading.position);
        const QGeoCoordinate expected = pos::toGeoCoordinate(*r.settings->site, 12.5, 7.25, 2);
        const QGeoCoordinate c = reading.position->coordinate();
        QCOMPARE(c.latitude(), expected.latitude());
        QCOMPARE(c.longitude(), expected.longitude());
        QCOMPARE(c.altitude(), 2 * pos::FloorHeightM);
        QCOMPARE(c.type(), QGeoCoordinate::Coordinate3D);
        // Bearing 0 of the default ward: x runs north, y east (12.5 m and 7.25 m from the origin).
        const QGeoCoordinate origin(r.settings->site->latitude, r.settings->site->longitude);
        QVERIFY(std::abs(origin.distanceTo(QGeoCoordinate(c.latitude(), c.longitude())) -
                         std::hypot(12.5, 7.25)) < 0.01);
        QVERIFY(c.latitude() > origin.latitude() && c.longitude() > origin.longitude());
        QCOMPARE(reading.position->timestamp().toMSecsSinceEpoch(), p.timeMs);
        QCOMPARE(reading.position->timestamp().timeSpec(), Qt::UTC);
        QCOMPARE(reading.position->attribute(QGeoPositionInfo::HorizontalAccuracy), 1.25);
        QCOMPARE(reading.floor, 2);
        QCOMPARE(reading.floorName, r.settings->site->floor(2)->name);
        QCOMPARE(reading.room, QStringLiteral("R101"));
        QCOMPARE(reading.engineId, QStringLiteral("eng-1"));

        // The same message again (a redelivery or a replay): nothing, and nothing refused.
        const TagReading again = reader.read(topic.toUtf8().constData(), bytes(signedPayload), p.timeMs + 40);
        QVERIFY(!again.position);
        QVERIFY(again.refused.isEmpty());
        // Another tag's topic: not this reader's business.
        const QString other = QStringLiteral("ww/v1/%1/pos/OTHER").arg(r.settings->site->id);
        const TagReading foreign =
            reader.read(other.toUtf8().constData(), bytes(engine.sign(other, encode(p))), p.timeMs);
        QVERIFY(!foreign.position && foreign.refused.isEmpty());
        QCOMPARE(reading.roomState, QStringLiteral("known"));

        // "Unknown, near": no room, the near room and the state as the engine sent them.
        PositionMsg unsure = position(12.5, 7.25, 2);
        unsure.timeMs += 1000;
        unsure.room.clear();
        unsure.roomState = RoomState::UnknownNear;
        unsure.nearRoom = QStringLiteral("R101");
        const TagReading near = reader.read(topic.toUtf8().constData(), bytes(engine.sign(topic, encode(unsure))), unsure.timeMs + 20);
        QVERIFY2(near.position, qPrintable(near.refused));
        QVERIFY(near.room.isEmpty());
        QCOMPARE(near.roomState, QStringLiteral("unknown-near"));
        QCOMPARE(near.nearRoom, QStringLiteral("R101"));
    }

    void unlistedKeyIsRefused()
    {
        const FeedSettingsResult r = readParameters(m_ok);
        QVERIFY(r.settings);
        const TagPositionReader reader(r.settings->site, m_tag);
        const QByteArray topic = reader.topic().toUtf8();
        const PositionMsg p = position(3, 4, 1, QStringLiteral("rogue"));

        MessageSigner rogue(QStringLiteral("rogue"), keyOf('r'));
        const TagReading forged =
            reader.read(topic.constData(), bytes(rogue.sign(reader.topic(), encode(p))), p.timeMs);
        QVERIFY(!forged.position);
        QVERIFY2(forged.refused.contains(u"signed by 'rogue', whose key is not in the site file"),
                 qPrintable(forged.refused));
        QVERIFY(forged.refused.startsWith(reader.topic()));

        // The listed engine's id with another key: the signature does not verify.
        MessageSigner impostor(QStringLiteral("eng-1"), keyOf('x'));
        const TagReading bad = reader.read(
            topic.constData(), bytes(impostor.sign(reader.topic(), encode(position(3, 4, 1)))), p.timeMs);
        QVERIFY(!bad.position);
        QVERIFY2(bad.refused.contains(u"does not verify"), qPrintable(bad.refused));

        // Unsigned, where the site takes signed state only.
        const TagReading plain = reader.read(topic.constData(), bytes(encode(position(3, 4, 1))), p.timeMs);
        QVERIFY(!plain.position);
        QVERIFY2(plain.refused.contains(u"not signed"), qPrintable(plain.refused));

        // Signed by a listed engine in another engine's name.
        MessageSigner engine(QStringLiteral("eng-1"), keyOf('e'));
        const TagReading posing = reader.read(
            topic.constData(),
            bytes(engine.sign(reader.topic(), encode(position(3, 4, 1, QStringLiteral("eng-2"))))), p.timeMs);
        QVERIFY(!posing.position);
        QVERIFY2(posing.refused.contains(u"in the name of 'eng-2'"), qPrintable(posing.refused));

        // A floor the site does not have.
        const TagReading nowhere = reader.read(
            topic.constData(), bytes(engine.sign(reader.topic(), encode(position(3, 4, 9)))), p.timeMs);
        QVERIFY(!nowhere.position);
        QVERIFY2(nowhere.refused.contains(u"floor 9 is not a floor of the site"),
                 qPrintable(nowhere.refused));

        // Not a Position at all.
        const TagReading garbage = reader.read(
            topic.constData(), bytes(engine.sign(reader.topic(), QByteArray("\xff\xff\xff", 3))), p.timeMs);
        QVERIFY(!garbage.position);
        QVERIFY2(garbage.refused.contains(u"not taken"), qPrintable(garbage.refused));
    }
};

QTEST_GUILESS_MAIN(TestQtPositionReader)
#include "tst_qtposition_reader.moc"
