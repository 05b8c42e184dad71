// Signed state (transport/signing.h): a station's key and its file, the signature over topic,
// signer, counter and body, what a receiver refuses (unsigned, unknown key, changed, moved to
// another topic, acting in another station's name) and what it ignores (a replay); the site file's
// signing section; and the core raising each refusal as tech.refused, naming topic and signer.
#include "alarm_support.h"
#include "fakes.h"
#include "records/alarmlog.h"
#include "transport/signing.h"
#include "transport/wirecodec.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ww;

namespace {

std::span<const std::byte> bytes(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

std::string_view view(const QByteArray& b)
{
    return {b.constData(), size_t(b.size())};
}

SigningKey keyOf(char fill)
{
    return *SigningKey::fromSeed(QByteArray(SigningKey::SeedBytes, fill));
}

} // namespace

class TestSigning : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void keyFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("st.key"));
        const SigningKey key = SigningKey::generate();
        QString error;
        QVERIFY2(key.save(path, &error), qPrintable(error));
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(!key.save(path, &error)); // never overwritten
        QVERIFY(error.contains(path));
        const auto loaded = SigningKey::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->publicKey(), key.publicKey());
        QCOMPARE(loaded->publicKey().size(), SigningKey::PublicKeyBytes);
        QVERIFY(SigningKey::generate().publicKey() != key.publicKey());

        ::chmod(QFile::encodeName(path).constData(), 0644);
        QVERIFY(!SigningKey::load(path, &error));
        QVERIFY2(error.contains(QStringLiteral("readable by others")) && error.contains(path), qPrintable(error));
        const QString junk = m_dir.filePath(QStringLiteral("junk.key"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a key\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!SigningKey::load(junk, &error));
        QVERIFY2(error.contains(QStringLiteral("not a WardWatch signing key")), qPrintable(error));
        QVERIFY(!SigningKey::load(m_dir.filePath(QStringLiteral("none.key")), &error));
        QVERIFY(error.contains(QStringLiteral("no such key file")));
    }

    void signatureCoversTopicSignerCounterAndBody()
    {
        MessageSigner alice(QStringLiteral("station-a"), keyOf('a'));
        const SigningKey mallory = keyOf('m');
        SignatureCheck check(TrustSettings{{{QStringLiteral("station-a"), alice.key().publicKey()}}, false});
        const QByteArray topic = "ww/v1/s/alarm/event.panic:wb-1:1-1";
        const QByteArray body = "the alarm's state";

        const QByteArray signedPayload = alice.sign(QString::fromUtf8(topic), body);
        QVERIFY(SignatureCheck::hasEnvelope(bytes(signedPayload)));
        auto r = check.check(view(topic), bytes(signedPayload));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Valid));
        QCOMPARE(r.signer, QStringLiteral("station-a"));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(r.body().data()), qsizetype(r.body().size())), body);

        // The same message again (a replay, or a retained message delivered twice): changes nothing.
        r = check.check(view(topic), bytes(signedPayload));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Replayed));
        // A later one is taken; the earlier one after it is a replay.
        const QByteArray second = alice.sign(QString::fromUtf8(topic), body + " 2");
        const QByteArray third = alice.sign(QString::fromUtf8(topic), body + " 3");
        QCOMPARE(int(check.check(view(topic), bytes(third)).outcome), int(SignatureCheck::Outcome::Valid));
        QCOMPARE(int(check.check(view(topic), bytes(second)).outcome), int(SignatureCheck::Outcome::Replayed));

        // Moved to another topic: the signature does not verify.
        const QByteArray other = "ww/v1/s/alarm/event.fall:wb-2:1-1";
        r = check.check(view(other), bytes(alice.sign(QString::fromUtf8(topic), body)));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Refused));
        QVERIFY2(r.why.contains(QStringLiteral("does not verify")), qPrintable(r.why));
        // Any byte changed (body, counter, signer, signature): refused.
        const QByteArray fresh = alice.sign(QString::fromUtf8(topic), body);
        for (qsizetype i = qsizetype(SignedMagic.size()); i < fresh.size(); i += 7) {
            QByteArray changed = fresh;
            changed[i] = char(changed[i] ^ 0x20);
            QVERIFY2(check.check(view(topic), bytes(changed)).outcome == SignatureCheck::Outcome::Refused,
                     qPrintable(QStringLiteral("byte %1 changed").arg(i)));
        }
        // Signed with a key the site does not list, under a listed name or another: refused.
        MessageSigner impostor(QStringLiteral("station-a"), mallory);
        r = check.check(view(topic), bytes(impostor.sign(QString::fromUtf8(topic), body)));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Refused));
        MessageSigner stranger(QStringLiteral("station-x"), mallory);
        r = check.check(view(topic), bytes(stranger.sign(QString::fromUtf8(topic), body)));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Refused));
        QCOMPARE(r.signer, QStringLiteral("station-x"));
        QVERIFY2(r.why.contains(QStringLiteral("not in the site file")), qPrintable(r.why));
        // A damaged envelope.
        r = check.check(view(topic), bytes(QByteArray("WWS1") + QByteArray(40, '\xff')));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Refused));

        // Unsigned: refused, unless the site accepts unsigned state (a migration).
        r = check.check(view(topic), bytes(body));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Refused));
        QCOMPARE(r.why, QStringLiteral("not signed"));
        SignatureCheck migrating(TrustSettings{{{QStringLiteral("station-a"), alice.key().publicKey()}}, true});
        r = migrating.check(view(topic), bytes(body));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Unsigned));
        QCOMPARE(r.body().size(), size_t(body.size()));
        // ... but a bad signature is still refused there.
        r = migrating.check(view(topic), bytes(stranger.sign(QString::fromUtf8(topic), body)));
        QCOMPARE(int(r.outcome), int(SignatureCheck::Outcome::Refused));
        // An empty body (a cleared retained message) is not signed.
        QVERIFY(alice.sign(QString::fromUtf8(topic), {}).isEmpty());
    }

    void siteSigningSection()
    {
        auto withSigning = [](const QJsonValue& signing) {
            QFile f(QStringLiteral(":/site/default-site.json"));
            if (!f.open(QIODevice::ReadOnly))
                return SiteLoadResult{};
            QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
            root.insert(QStringLiteral("signing"), signing);
            return SiteLoader::loadBytes(QJsonDocument(root).toJson(), QStringLiteral("t.json"));
        };
        const QString good = keyOf('a').publicKeyBase64();
        auto r = withSigning(QJsonObject{{QStringLiteral("keys"), QJsonObject{{QStringLiteral("station-a"), good}}}});
        QVERIFY2(r.site, qPrintable(r.errors.join(u'\n')));
        QCOMPARE(r.site->signingKeys.value(QStringLiteral("station-a")), keyOf('a').publicKey());
        QVERIFY(!r.site->acceptUnsigned); // the default: signed state only
        r = withSigning(QJsonObject{{QStringLiteral("keys"), QJsonObject{{QStringLiteral("station-a"), QStringLiteral("c2hvcnQ=")}}}});
        QVERIFY(!r.site);
        QVERIFY2(r.errors.join(u'\n').contains(QStringLiteral("t.json: $.signing.keys.station-a: must be a public key")),
                 qPrintable(r.errors.join(u'\n')));
        r = withSigning(QJsonObject{{QStringLiteral("acceptUnsigned"), QStringLiteral("yes")}});
        QVERIFY(!r.site);
        QVERIFY(r.errors.join(u'\n').contains(QStringLiteral("$.signing.acceptUnsigned: must be true or false")));
        r = withSigning(QJsonValue(3));
        QVERIFY(!r.site);
        QVERIFY(r.errors.join(u'\n').contains(QStringLiteral("$.signing: must be an object")));
        // The embedded demonstration ward says in its file that it takes unsigned state.
        QVERIFY(SiteLoader::loadDefault().site->acceptUnsigned);
    }

    // Through the core, as frames off the wire: a listed station's signed acknowledgement is taken;
    // forgeries are refused whole, counted by reason and raised as tech.refused naming the topic and
    // the signer; a replay changes nothing and raises nothing.
    void coreRefusesForgedStateAndRaisesIt()
    {
        MessageSigner peer(QStringLiteral("station-b"), keyOf('b'));
        MessageSigner forger(QStringLiteral("station-b"), keyOf('f'));
        MessageSigner stranger(QStringLiteral("rogue-1"), keyOf('r'));
        test::CoreFixture fx(m_dir.filePath(QStringLiteral("signed.sqlite")), {}, QStringLiteral("st-1"), [&](Site& site) {
            site.acceptUnsigned = false;
            site.signingKeys = {{QStringLiteral("st-1"), keyOf('1').publicKey()}, {QStringLiteral("station-b"), peer.key().publicKey()}};
        });
        const Patient& p = fx.site.patients[3];
        const qint64 t = fx.clock.nowMs();
        fx.core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Panic, t, t, 1, 4)});
        const auto panic = fx.last(QStringLiteral("event.panic"));
        QVERIFY(panic && panic->signalling());
        AlarmState ack = *panic;
        ack.ackedBy = fx.site.staff[1].id;
        ack.ackedByName = fx.site.staff[1].name;
        ack.ackedAtMs = t + 1000;
        ack.ackedStation = ack.stationId = QStringLiteral("station-b");
        ack.revision = panic->revision + 1;
        const QString topic = fx.core.topics().alarm(panic->id);
        const QByteArray body = encode(ack, t + 1000);
        auto deliver = [&](const QString& onTopic, const QByteArray& payload) {
            fx.core.receive(onTopic.toUtf8().constData(), bytes(payload), fx.clock.nowMs());
            fx.core.flushNow();
        };
        auto refusedBy = [&](RejectReason r) { return fx.stats.snapshot().byReason[size_t(r)]; };
        auto isAcked = [&] { return fx.core.alarmEngine()->find(panic->id)->acknowledged(); };

        deliver(topic, body); // unsigned
        QVERIFY(!isAcked());
        QCOMPARE(fx.core.refusedStates(), quint64(1));
        QCOMPARE(refusedBy(RejectReason::Unsigned), quint64(1));
        auto refused = fx.last(QStringLiteral("tech.refused"));
        QVERIFY(refused && refused->condition.contains(topic) && refused->condition.contains(QStringLiteral("not signed")));

        deliver(topic, forger.sign(topic, body)); // a listed name, another key
        QVERIFY(!isAcked());
        QCOMPARE(refusedBy(RejectReason::BadSignature), quint64(1));
        deliver(topic, stranger.sign(topic, body)); // a key the site does not list
        QVERIFY(!isAcked());
        QCOMPARE(fx.core.refusedStates(), quint64(3));
        QCOMPARE(refusedBy(RejectReason::BadSignature), quint64(2));
        refused = fx.last(QStringLiteral("tech.refused"));
        QVERIFY2(refused && refused->condition.contains(topic) && refused->condition.contains(QStringLiteral("rogue-1")),
                 qPrintable(refused ? refused->condition : QString()));
        QVERIFY(refused->signalling());
        // rogue-1 is no name the site lists: its refusals share one alarm with every other such name.
        QVERIFY2(refused->id.contains(QStringLiteral(":unlisted")), qPrintable(refused->id));

        // A flood of forgeries, each from a name of its own: still that one alarm, counting them;
        // the listed name's bad signature above has its own.
        const qint64 rowsBefore = AlarmLog::rowCount(m_dir.filePath(QStringLiteral("signed.sqlite")));
        for (int i = 0; i < 300; ++i) {
            MessageSigner invented(QStringLiteral("forger-%1").arg(i), keyOf(char('A' + i % 26)));
            deliver(topic, invented.sign(topic, body));
        }
        QVERIFY(!isAcked());
        QCOMPARE(fx.core.refusedStates(), quint64(303));
        int refusalAlarms = 0;
        for (const AlarmState& a : fx.core.alarmEngine()->alarms())
            refusalAlarms += a.rule == u"tech.refused" ? 1 : 0;
        QCOMPARE(refusalAlarms, 2); // station-b's and the unlisted senders'
        refused = fx.last(QStringLiteral("tech.refused"));
        QVERIFY2(refused->condition.contains(QStringLiteral("forger-299")) && refused->condition.contains(QStringLiteral("(302 refused this minute)")),
                 qPrintable(refused->condition));
        QCOMPARE(AlarmLog::rowCount(m_dir.filePath(QStringLiteral("signed.sqlite"))), rowsBefore); // nothing more logged

        const QByteArray real = peer.sign(topic, body);
        deliver(fx.core.topics().alarm(QStringLiteral("event.fall:x:1-1")), real); // moved to another alarm's topic
        QCOMPARE(fx.core.refusedStates(), quint64(304));
        deliver(topic, real);
        QVERIFY(isAcked());
        QCOMPARE(fx.core.refusedStates(), quint64(304));
        deliver(topic, real); // replayed
        QCOMPARE(refusedBy(RejectReason::Replayed), quint64(1));
        QCOMPARE(fx.core.refusedStates(), quint64(304));

        // A census entry signed by station-b in st-1's name: refused, the bed keeps its patient.
        CensusEntryMsg empty;
        empty.bed = p.bed;
        empty.timeMs = t + 5000;
        empty.stationId = QStringLiteral("st-1");
        empty.operatorId = fx.site.staff[0].id;
        empty.action = QStringLiteral("discharge");
        const QString censusTopic = fx.core.topics().census(p.bed);
        deliver(censusTopic, peer.sign(censusTopic, encode(empty)));
        QCOMPARE(fx.core.refusedStates(), quint64(305));
        refused = fx.last(QStringLiteral("tech.refused"));
        QVERIFY2(refused->condition.contains(QStringLiteral("in the name of 'st-1'")), qPrintable(refused->condition));
        const auto& rows = fx.core.rows().patients;
        QVERIFY(std::any_of(rows.begin(), rows.end(), [&](const PatientRow& r) { return r.id == p.id && r.bed == p.bed; }));
        // In its own name, the same change is taken.
        empty.stationId = QStringLiteral("station-b");
        deliver(censusTopic, peer.sign(censusTopic, encode(empty)));
        QCOMPARE(fx.core.refusedStates(), quint64(305));
        QVERIFY(std::none_of(rows.begin(), rows.end(), [&](const PatientRow& r) { return r.id == p.id; }));
    }

    // The later shared state takes the same path: a care-plan entry and an engine's position,
    // unsigned or signed by an unlisted key, are refused and counted; signed by a listed station or
    // engine, they are taken.
    void carePlanAndPositionsAreRefusedUnlessSigned()
    {
        MessageSigner peer(QStringLiteral("station-b"), keyOf('b'));
        MessageSigner engine(QStringLiteral("eng-a"), keyOf('e'));
        MessageSigner stranger(QStringLiteral("station-b"), keyOf('x'));
        test::CoreFixture fx(m_dir.filePath(QStringLiteral("care-signed.sqlite")), {}, QStringLiteral("st-1"), [&](Site& site) {
            site.acceptUnsigned = false;
            site.signingKeys = {{QStringLiteral("st-1"), keyOf('1').publicKey()},
                                {QStringLiteral("station-b"), peer.key().publicKey()},
                                {QStringLiteral("eng-a"), engine.key().publicKey()}};
        });
        const Patient& p = fx.site.patients[2];
        const qint64 t = fx.clock.nowMs();
        auto deliver = [&](const QString& topic, const QByteArray& payload) {
            fx.core.receive(topic.toUtf8().constData(), bytes(payload), fx.clock.nowMs());
            fx.core.flushNow();
        };
        auto fallRisk = [&] {
            for (const PatientRow& r : fx.core.rows().patients)
                if (r.id == p.id)
                    return r.fallRisk;
            return false;
        };
        CareEntryMsg flags;
        flags.patientId = p.id;
        flags.fallRisk = true;
        flags.timeMs = t;
        flags.stationId = QStringLiteral("station-b");
        flags.operatorId = fx.site.staff[1].id;
        flags.action = QStringLiteral("flags");
        flags.flagsVersion = PartVersion{t, QStringLiteral("station-b")};
        const QString careTopic = fx.core.topics().care(p.id);
        const QByteArray body = encode(flags);
        QVERIFY(!fallRisk());
        deliver(careTopic, body); // unsigned
        QCOMPARE(fx.core.refusedStates(), quint64(1));
        deliver(careTopic, stranger.sign(careTopic, body)); // station-b's name, another key
        QCOMPARE(fx.core.refusedStates(), quint64(2));
        QVERIFY(!fallRisk());
        deliver(careTopic, peer.sign(careTopic, body));
        QCOMPARE(fx.core.refusedStates(), quint64(2));
        QVERIFY(fallRisk());

        const QString tag = p.wristband;
        const PositionMsg at{tag, t, 12.0, 5.0, 1, QStringLiteral("R103"), 1.0, 0.9, QStringLiteral("eng-a")};
        const QString posTopic = fx.core.topics().position(tag);
        deliver(posTopic, encode(at)); // unsigned
        QCOMPARE(fx.core.refusedStates(), quint64(3));
        deliver(posTopic, peer.sign(posTopic, encode(at))); // a station in an engine's name
        QCOMPARE(fx.core.refusedStates(), quint64(4));
        deliver(posTopic, engine.sign(posTopic, encode(at)));
        QCOMPARE(fx.core.refusedStates(), quint64(4));
        const auto refused = fx.last(QStringLiteral("tech.refused"));
        QVERIFY(refused && refused->condition.contains(posTopic));
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
