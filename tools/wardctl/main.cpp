// wardctl: offline work on recordings. Exit codes: 0 done, 2 bad input, 1 anything else.
#include "offline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace ww;

namespace {

int usage(QTextStream& err)
{
    err << "usage:\n"
           "  wardctl locate --gateways G.csv --reports R.csv --out P.csv [--site S.json] [--calibration C.csv] [--tag-height M]\n"
           "  wardctl crlb --gateways G.csv [--sigma-db 6] [--exponent 2] [--step 0.5] [--tag-height 1.2] --out B.csv\n";
    return offline::BadInput;
}

bool readDouble(const QCommandLineParser& p, const QString& name, double& out, QTextStream& err)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    out = p.value(name).toDouble(&ok);
    if (!ok)
        err << "--" << name << ": \"" << p.value(name) << "\" is not a number" << Qt::endl;
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    QStringList args = app.arguments();
    if (args.size() < 2)
        return usage(err);
    const QString command = args.takeAt(1);
    QCommandLineParser p;
    const auto value = [](const char* name, const char* desc) {
        return QCommandLineOption(QLatin1String(name), QLatin1String(desc), QStringLiteral("value"));
    };
    p.addOptions({value("gateways", "G.csv"), value("reports", "R.csv"), value("out", "output CSV"), value("site", "site JSON"),
                  value("calibration", "C.csv"), value("tag-height", "metres"), value("sigma-db", "dB"),
                  value("exponent", "path-loss exponent"), value("step", "grid step, metres"),
                  value("centroid-out", "also write the weighted-centroid reference here")});
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
        if (o.gateways.isEmpty() || o.reports.isEmpty() || o.out.isEmpty())
            return usage(err);
        if (!readDouble(p, QStringLiteral("tag-height"), o.tagHeight, err))
            return offline::BadInput;
        return offline::locate(o, err);
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
        if (o.step <= 0.01 || o.sigmaDb <= 0 || o.exponent <= 0) {
            err << "--step, --sigma-db and --exponent must be positive (step >= 0.01)" << Qt::endl;
            return offline::BadInput;
        }
        return offline::crlb(o, err);
    }
    err << "unknown command \"" << command << "\"" << Qt::endl;
    return usage(err);
}
