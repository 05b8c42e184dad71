// wardctl: offline work on recordings. Exit codes: 0 done, 2 bad input, 1 anything else.
#include "offline.h"
#include "climatecmd.h"
#include "geojsoncmd.h"
#include "explaincmd.h"
#include "coldchaincmd.h"
#include "recordcmd.h"
#include "shiftreportcmd.h"
#include "alarms/news2.h"
#include "alarms/operators.h"
#include "records/alarmlog.h"
#include "transport/signing.h"

#include <QFile>

#include <QRegularExpression>

#include <QJsonDocument>
#include <QJsonObject>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>

#include <cmath>
#include <cstring>
#include <memory>

using namespace ww;

namespace {

const char* const Usage =
    "usage:\n"
    "  wardctl locate --gateways G.csv --reports R.csv --out P.csv [--site S.json] [--calibration C.csv] [--tag-height M]\n"
    "                 [--worn] [--reorder-window-s 2] [--no-centroid-guard]  (--worn: the tags are carried on a body,\n"
    "                 fitted with its shadow at rest; rows out of time order by up to the window are put in their place,\n"
    "                 older ones refused; with a calibration, where the engine is worse than the weighted centroid on\n"
    "                 held-out recordings the centroid is blended in, unless --no-centroid-guard)\n"
    "  wardctl explain --tag ID --gateways G.csv --reports R.csv [--site S.json] [--calibration C.csv] [--minutes 5]\n"
    "                  [--at T] [--tag-height M] [--worn]  (why the engine placed the tag where it did over its last\n"
    "                  minutes, up to time_s T: per gateway the level heard and the level expected at the fix, the\n"
    "                  rooms' evidence, the room decisions with their reasons)\n"
    "  wardctl crlb --gateways G.csv [--sigma-db 6] [--exponent 2] [--step 0.5] [--tag-height 1.2] --out B.csv\n"
    "  wardctl news2 --rr N --spo2 N [--scale 1|2] [--oxygen] --sbp N --pulse N --consciousness A|C|V|P|U --temp N\n"
    "  wardctl coldchain --readings T.csv [--name NAME] [--min 2] [--max 8] [--from T] [--to T] [--max-gap-s 900]\n"
    "                    [--door-limit-s 60] [--utc] [--json R.json]\n"
    "  wardctl climate --readings R.csv --kind KIND [--name NAME] [--site S.json] [--from T] [--to T] [--max-gap-s 900]\n"
    "                  [--door-limit-s S] [--json R.json] [--csv C.csv]  (R.csv: time_s and any of temperature_c,\n"
    "                  humidity_pct, co2_ppm, pm25, tvoc, diff_pressure_pa, door; KIND: a room kind of the site's\n"
    "                  climateTargets; --door-limit-s: a long opening, by default the site's roomDoorOpenLimitS)\n"
    "  wardctl geojson --out F.geojson [--site S.json] [--positions P.csv]  (the site's rooms and gateways and the\n"
    "                  tags' latest positions from locate's output, as WGS-84 GeoJSON for a GIS)\n"
    "  wardctl shift-report --log L.sqlite --from T --to T [--json R.json] [--csv R.csv] [--pdf R.pdf] [--beds N]\n"
    "                       (T: ISO 8601 or epoch seconds; --beds: N beds occupied when the census record is empty)\n"
    "  wardctl record --port P [--host H] --out FILE [--topic FILTER]... [--count N] [--duration S]\n"
    "  wardctl replay --in FILE --port P [--host H] [--speed X]\n"
    "  wardctl hash-pin  (reads the PIN from standard input; prints the site file's pinHash, Argon2id)\n"
    "  wardctl verify-log FILE [--site S.json | --key BASE64]  (the alarm log's hash chain and seal, its signature\n"
    "                  checked with the sealing station's key: exit 0 intact, 1 broken, unsealed or unreadable)\n"
    "  wardctl keygen FILE  (a station's or engine's signing key, mode 0600; prints its public key)\n"
    "  wardctl trust-key SITE OUT ID KEYFILE  (writes SITE to OUT with ID's public key in signing.keys:\n"
    "                                         signed state only, from the listed stations)\n"
    "exit codes: 0 done, 2 bad input, 1 anything else (docs/positioning.md, docs/alarms.md)\n";

// A staff member's PIN for the site file: read from standard input (never the command line, where
// any user sees it in the process list), at least 6 digits, hashed with Argon2id at the station's cost.
int hashPinCommand(QTextStream& err)
{
    QTextStream in(stdin);
    const QString pinText = in.readLine().trimmed();
    static const QRegularExpression digits(QStringLiteral("^\\d{6,12}$"));
    if (!digits.match(pinText).hasMatch()) {
        err << "hash-pin: a PIN is 6 to 12 digits, read from standard input" << Qt::endl;
        return offline::BadInput;
    }
    const QString encoded = pin::hash(pinText);
    if (encoded.isEmpty()) {
        err << "hash-pin: hashing failed (out of memory?)" << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << encoded << Qt::endl;
    return offline::Done;
}

// A new signing key for a station or engine: the file (0600, never overwritten) and its public key
// on standard output, for the site file's signing.keys.
int keygenCommand(const QStringList& args, QTextStream& err)
{
    if (args.size() != 2) {
        err << Usage;
        return offline::BadInput;
    }
    const SigningKey key = SigningKey::generate();
    QString error;
    if (!key.save(args.at(1), &error)) {
        err << "keygen: " << error << Qt::endl;
        return offline::BadInput;
    }
    QTextStream(stdout) << key.publicKeyBase64() << Qt::endl;
    return offline::Done;
}

// Copies a site file with one more station's public key in signing.keys; unsigned state is no longer
// accepted by it. The copy is written 0600 (the site file holds the PIN hashes).
int trustKeyCommand(const QStringList& args, QTextStream& err)
{
    if (args.size() != 5) {
        err << Usage;
        return offline::BadInput;
    }
    const QString &in = args.at(1), &out = args.at(2), &id = args.at(3);
    QString error;
    const auto key = SigningKey::load(args.at(4), &error);
    if (!key) {
        err << "trust-key: " << error << Qt::endl;
        return offline::BadInput;
    }
    QFile f(in);
    if (!f.open(QIODevice::ReadOnly)) {
        err << "trust-key: " << in << ": " << f.errorString() << Qt::endl;
        return offline::BadInput;
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject()) {
        err << "trust-key: " << in << ": not a JSON object (" << parseError.errorString() << ")" << Qt::endl;
        return offline::BadInput;
    }
    QJsonObject root = doc.object();
    QJsonObject signing = root.value(u"signing").toObject();
    QJsonObject keys = signing.value(u"keys").toObject();
    keys.insert(id, key->publicKeyBase64());
    signing.insert(QStringLiteral("keys"), keys);
    signing.remove(QStringLiteral("acceptUnsigned"));
    root.insert(QStringLiteral("signing"), signing);
    QFile o(out);
    if (!o.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !o.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        o.write(QJsonDocument(root).toJson()) < 0) {
        err << "trust-key: " << out << ": " << o.errorString() << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << out << ": " << keys.size() << " signing keys" << Qt::endl;
    return offline::Done;
}

int usage(QTextStream& err)
{
    err << Usage;
    return offline::BadInput;
}

bool readDouble(const QCommandLineParser& p, const QString& name, double& out, QTextStream& err)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    out = p.value(name).toDouble(&ok);
    ok = ok && std::isfinite(out);
    if (!ok)
        err << "--" << name << ": \"" << p.value(name) << "\" is not a number" << Qt::endl;
    return ok;
}

// NEWS2 for audits: one JSON object on stdout. Inputs are rounded half-up as the chart is read
// (temperature to 0.1 °C, the rest to integers); anything missing or out of range exits 2.
int news2Command(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    const auto value = [](const char* name) { return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")); };
    p.addOptions({value("rr"), value("spo2"), value("scale"), QCommandLineOption(QStringLiteral("oxygen")), value("sbp"),
                  value("pulse"), value("consciousness"), value("temp")});
    if (!p.parse(args)) {
        err << "news2: " << p.errorText() << Qt::endl;
        return usage(err);
    }
    if (!p.positionalArguments().isEmpty()) {
        err << "news2: unexpected argument \"" << p.positionalArguments().constFirst() << "\"" << Qt::endl;
        return offline::BadInput;
    }
    struct Param
    {
        const char* name;
        int decimals;
        double lo, hi;
        double value = 0;
    };
    Param params[] = {{"rr", 0, 0, 80}, {"spo2", 0, 0, 100}, {"sbp", 0, 0, 300}, {"pulse", 0, 0, 300}, {"temp", 1, 25, 45}};
    for (Param& prm : params) {
        const QString name = QLatin1String(prm.name);
        if (!p.isSet(name)) {
            err << "news2: --" << name << " is required" << Qt::endl;
            return offline::BadInput;
        }
        const auto v = news2::parseRoundedHalfUp(p.value(name), prm.decimals);
        if (!v) {
            err << "news2: --" << name << ": \"" << p.value(name) << "\" is not a non-negative number" << Qt::endl;
            return offline::BadInput;
        }
        if (*v < prm.lo || *v > prm.hi) {
            err << "news2: --" << name << ": " << *v << " is out of range [" << prm.lo << ", " << prm.hi << "]" << Qt::endl;
            return offline::BadInput;
        }
        prm.value = *v;
    }
    news2::Inputs in;
    in.respRate = int(params[0].value);
    in.spo2 = int(params[1].value);
    in.systolicBp = int(params[2].value);
    in.pulse = int(params[3].value);
    in.temperatureC = params[4].value;
    in.onOxygen = p.isSet(QStringLiteral("oxygen"));
    const QString scale = p.isSet(QStringLiteral("scale")) ? p.value(QStringLiteral("scale")) : QStringLiteral("1");
    if (scale != u"1" && scale != u"2") {
        err << "news2: --scale must be 1 or 2, not \"" << scale << "\"" << Qt::endl;
        return offline::BadInput;
    }
    in.scale2 = scale == u"2";
    const QString acvpu = p.value(QStringLiteral("consciousness")).trimmed();
    const auto c = acvpu.size() == 1 ? news2::consciousnessFromLetter(acvpu.at(0)) : std::nullopt;
    if (!c) {
        err << "news2: --consciousness must be one of A, C, V, P, U" << (p.isSet(QStringLiteral("consciousness")) ? QString() : QStringLiteral(" (missing)"))
            << Qt::endl;
        return offline::BadInput;
    }
    in.consciousness = *c;
    const news2::Score s = news2::score(in);
    const QJsonObject o{{QStringLiteral("total"), s.total()},
                        {QStringLiteral("rr"), s.respRate},
                        {QStringLiteral("spo2"), s.spo2},
                        {QStringLiteral("oxygen"), s.oxygen},
                        {QStringLiteral("sbp"), s.systolicBp},
                        {QStringLiteral("pulse"), s.pulse},
                        {QStringLiteral("consciousness"), s.consciousness},
                        {QStringLiteral("temp"), s.temperature},
                        {QStringLiteral("scale"), in.scale2 ? 2 : 1},
                        {QStringLiteral("response"), news2::toString(news2::response(s))}};
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

// A fridge's compliance record from T.csv (time_s,temperature_c[,door]): text on stdout, JSON with --json.
int coldchainCommand(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    const auto value = [](const char* name) { return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")); };
    p.addOptions({value("readings"), value("name"), value("min"), value("max"), value("from"), value("to"),
                  value("max-gap-s"), value("door-limit-s"), value("json"), QCommandLineOption(QStringLiteral("utc"))});
    if (!p.parse(args)) {
        err << "coldchain: " << p.errorText() << Qt::endl;
        return usage(err);
    }
    offline::ColdChainOptions o;
    o.readings = p.value(QStringLiteral("readings"));
    o.name = p.value(QStringLiteral("name"));
    o.from = p.value(QStringLiteral("from"));
    o.to = p.value(QStringLiteral("to"));
    o.jsonOut = p.value(QStringLiteral("json"));
    o.utc = p.isSet(QStringLiteral("utc"));
    if (o.readings.isEmpty() || !p.positionalArguments().isEmpty())
        return usage(err);
    if (!readDouble(p, QStringLiteral("min"), o.minC, err) || !readDouble(p, QStringLiteral("max"), o.maxC, err) ||
        !readDouble(p, QStringLiteral("max-gap-s"), o.maxGapS, err) ||
        !readDouble(p, QStringLiteral("door-limit-s"), o.doorLimitS, err))
        return offline::BadInput;
    QTextStream out(stdout);
    return offline::coldchain(o, out, err);
}

// The alarm log's hash chain and seal; the seal's signature checked with the sealing station's key
// from the site (--site) or given (--key, base64).
int verifyLogCommand(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"), QString());
    p.addOptions({QCommandLineOption(QStringLiteral("site"), QString(), QStringLiteral("value")),
                  QCommandLineOption(QStringLiteral("key"), QString(), QStringLiteral("value"))});
    if (!p.parse(args) || p.positionalArguments().size() != 1)
        return usage(err);
    const QString file = p.positionalArguments().front();
    const AlarmLog::ChainCheck check = AlarmLog::verifyChain(file);
    if (!check.error.isEmpty()) {
        err << "verify-log: " << check.error << Qt::endl;
        return 1;
    }
    if (check.brokenAtSeq) {
        err << "verify-log: " << file << ": row " << *check.brokenAtSeq
            << " does not follow the rows before it: a row at or before it was changed, removed or inserted" << Qt::endl;
        return 1;
    }
    QByteArray key;
    QString keyFrom;
    if (p.isSet(QStringLiteral("key"))) {
        key = QByteArray::fromBase64(p.value(QStringLiteral("key")).toLatin1());
        keyFrom = QStringLiteral("the key given");
    } else if (p.isSet(QStringLiteral("site")) && check.seal) {
        const SiteLoadResult loaded = SiteLoader::loadFile(p.value(QStringLiteral("site")));
        if (!loaded.site) {
            for (const QString& e : loaded.errors)
                err << e << Qt::endl;
            return offline::BadInput;
        }
        key = loaded.site->signingKeys.value(check.seal->signer);
        if (key.isEmpty()) {
            err << "verify-log: " << file << ": sealed by " << check.seal->signer << ", whose key " << p.value(QStringLiteral("site"))
                << " does not list (give it with --key)" << Qt::endl;
            return 1;
        }
        keyFrom = QStringLiteral("its key in the site file");
    }
    const QString problem = AlarmLog::sealProblem(check, key.isEmpty() ? std::function<bool(const QByteArray&, const QByteArray&)>()
                                                                       : [&](const QByteArray& m, const QByteArray& sig) {
                                                                             return verifyDetached(key, m, sig);
                                                                         });
    if (!problem.isEmpty()) {
        err << "verify-log: " << file << ": " << problem << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    out << file << ": " << check.rows << " rows, hash chain intact";
    if (!check.sealable || check.rows == 0)
        out << " (written before seals)";
    else if (key.isEmpty())
        out << ", sealed by " << check.seal->signer << " at its last row (signature not checked: give --site or --key)";
    else
        out << ", sealed by " << check.seal->signer << " at its last row, signature verified with " << keyFrom;
    out << Qt::endl;
    return offline::Done;
}

// A room's climate compliance from a logger's CSV against the site's targets for its kind.
int climateCommand(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    const auto value = [](const char* name) { return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")); };
    p.addOptions({value("readings"), value("kind"), value("name"), value("site"), value("from"), value("to"), value("max-gap-s"),
                  value("door-limit-s"), value("json"), value("csv")});
    if (!p.parse(args)) {
        err << "climate: " << p.errorText() << Qt::endl;
        return usage(err);
    }
    offline::ClimateOptions o;
    o.readings = p.value(QStringLiteral("readings"));
    o.kind = p.value(QStringLiteral("kind"));
    o.name = p.value(QStringLiteral("name"));
    o.site = p.value(QStringLiteral("site"));
    o.from = p.value(QStringLiteral("from"));
    o.to = p.value(QStringLiteral("to"));
    o.jsonOut = p.value(QStringLiteral("json"));
    o.csvOut = p.value(QStringLiteral("csv"));
    if (o.readings.isEmpty() || o.kind.isEmpty() || !p.positionalArguments().isEmpty())
        return usage(err);
    if (!readDouble(p, QStringLiteral("max-gap-s"), o.maxGapS, err) || !readDouble(p, QStringLiteral("door-limit-s"), o.doorLimitS, err))
        return offline::BadInput;
    QTextStream out(stdout);
    return offline::climate(o, out, err);
}

} // namespace

int main(int argc, char** argv)
{
    // `shift-report --pdf` lays out text with fonts: a QGuiApplication, offscreen unless a platform is set.
    bool pdf = false;
    for (int i = 2; argc > 1 && std::strcmp(argv[1], "shift-report") == 0 && i < argc; ++i)
        pdf = pdf || std::strcmp(argv[i], "--pdf") == 0 || std::strncmp(argv[i], "--pdf=", 6) == 0;
    if (pdf && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        pdf ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return usage(err);
    // Asked for: the usage on stdout, and done.
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h")) || args.at(1) == u"help") {
        QTextStream(stdout) << Usage;
        return offline::Done;
    }
    const QString command = args.takeAt(1);
    if (command == u"news2")
        return news2Command(args, err);
    if (command == u"coldchain")
        return coldchainCommand(args, err);
    if (command == u"geojson") {
        QCommandLineParser p;
        const auto value = [](const char* name) { return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")); };
        p.addOptions({value("out"), value("site"), value("positions")});
        if (!p.parse(args) || !p.positionalArguments().isEmpty() || p.value(QStringLiteral("out")).isEmpty())
            return usage(err);
        return offline::geojson({p.value(QStringLiteral("site")), p.value(QStringLiteral("positions")), p.value(QStringLiteral("out"))}, err);
    }
    if (command == u"climate")
        return climateCommand(args, err);
    if (command == u"shift-report")
        return offline::shiftReportCommand(args, err);
    if (command == u"record")
        return offline::recordCommand(args, err);
    if (command == u"replay")
        return offline::replayCommand(args, err);
    if (command == u"hash-pin")
        return hashPinCommand(err);
    if (command == u"keygen")
        return keygenCommand(args, err);
    if (command == u"trust-key")
        return trustKeyCommand(args, err);
    if (command == u"verify-log")
        return verifyLogCommand(args, err);
    QCommandLineParser p;
    const auto value = [](const char* name, const char* desc) {
        return QCommandLineOption(QLatin1String(name), QLatin1String(desc), QStringLiteral("value"));
    };
    p.addOptions({value("gateways", "G.csv"), value("reports", "R.csv"), value("out", "output CSV"), value("site", "site JSON"),
                  value("calibration", "C.csv"), value("tag-height", "metres"), value("reorder-window-s", "seconds"), value("sigma-db", "dB"),
                  value("exponent", "path-loss exponent"), value("step", "grid step, metres"),
                  value("centroid-out", "also write the weighted-centroid reference here"), value("tag", "tag id"),
                  value("minutes", "minutes"), value("at", "time_s"),
                  QCommandLineOption(QStringLiteral("worn"), QStringLiteral("the tags are carried on a body")),
                  QCommandLineOption(QStringLiteral("no-centroid-guard"), QStringLiteral("the engine alone, even where the centroid is better"))});
    if (!p.parse(args)) {
        err << p.errorText() << Qt::endl;
        return usage(err);
    }
    if (command == u"locate") {
        offline::LocateOptions o;
        o.gateways = p.value(QStringLiteral("gateways"));
        o.reports = p.value(QStringLiteral("reports"));
        o.out = p.value(QStringLiteral("out"));
        o.site = p.value(QStringLiteral("site"));
        o.calibration = p.value(QStringLiteral("calibration"));
        o.centroidOut = p.value(QStringLiteral("centroid-out"));
        o.worn = p.isSet(QStringLiteral("worn"));
        o.centroidGuard = !p.isSet(QStringLiteral("no-centroid-guard"));
        if (o.gateways.isEmpty() || o.reports.isEmpty() || o.out.isEmpty())
            return usage(err);
        if (!readDouble(p, QStringLiteral("tag-height"), o.tagHeight, err) ||
            !readDouble(p, QStringLiteral("reorder-window-s"), o.reorderWindowS, err))
            return offline::BadInput;
        if (o.reorderWindowS < 0 || o.reorderWindowS > 600) {
            err << "--reorder-window-s must lie in [0, 600]" << Qt::endl;
            return offline::BadInput;
        }
        return offline::locate(o, err);
    }
    if (command == u"explain") {
        offline::ExplainOptions o;
        o.locate.gateways = p.value(QStringLiteral("gateways"));
        o.locate.reports = p.value(QStringLiteral("reports"));
        o.locate.site = p.value(QStringLiteral("site"));
        o.locate.calibration = p.value(QStringLiteral("calibration"));
        o.locate.worn = p.isSet(QStringLiteral("worn"));
        o.tag = p.value(QStringLiteral("tag"));
        if (o.locate.gateways.isEmpty() || o.locate.reports.isEmpty() || o.tag.isEmpty())
            return usage(err);
        if (!readDouble(p, QStringLiteral("tag-height"), o.locate.tagHeight, err) ||
            !readDouble(p, QStringLiteral("reorder-window-s"), o.locate.reorderWindowS, err) ||
            !readDouble(p, QStringLiteral("minutes"), o.minutes, err))
            return offline::BadInput;
        if (p.isSet(QStringLiteral("at"))) {
            double at = 0;
            if (!readDouble(p, QStringLiteral("at"), at, err))
                return offline::BadInput;
            o.at = at;
        }
        QTextStream out(stdout);
        return offline::explain(o, out, err);
    }
    if (command == u"crlb") {
        offline::CrlbOptions o;
        o.gateways = p.value(QStringLiteral("gateways"));
        o.out = p.value(QStringLiteral("out"));
        if (o.gateways.isEmpty() || o.out.isEmpty())
            return usage(err);
        if (!readDouble(p, QStringLiteral("sigma-db"), o.sigmaDb, err) || !readDouble(p, QStringLiteral("exponent"), o.exponent, err) ||
            !readDouble(p, QStringLiteral("step"), o.step, err) || !readDouble(p, QStringLiteral("tag-height"), o.tagHeight, err))
            return offline::BadInput;
        return offline::crlb(o, err);
    }
    err << "unknown command \"" << command << "\"" << Qt::endl;
    return usage(err);
}
