#include "shiftreportcmd.h"
#include "coldchaincmd.h"
#include "offline.h"
#include "records/shiftreport.h"
#include "ui/shiftreportview.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>

namespace ww::offline {

namespace {

bool writeFile(const QString& path, const QByteArray& data, QTextStream& err)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) < 0 || !f.flush()) {
        err << "shift-report: " << path << ": cannot write: " << f.errorString() << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int shiftReport(const ShiftReportCmdOptions& o, QTextStream& out, QTextStream& err)
{
    if (o.log.isEmpty() || o.from.isEmpty() || o.to.isEmpty()) {
        err << "shift-report: --log, --from and --to are required" << Qt::endl;
        return BadInput;
    }
    qint64 from = 0, to = 0;
    for (auto [text, target, name] : {std::tuple{o.from, &from, "--from"}, std::tuple{o.to, &to, "--to"}}) {
        const auto t = parseTime(text);
        if (!t) {
            err << "shift-report: " << name << " \"" << text << "\" is neither ISO 8601 nor epoch seconds" << Qt::endl;
            return BadInput;
        }
        *target = *t;
    }
    if (to <= from) {
        err << "shift-report: the period is empty (--to is not after --from)" << Qt::endl;
        return BadInput;
    }
    if (o.bedsThroughout < 0) {
        err << "shift-report: --beds must be a whole number of beds from 1 to 10000" << Qt::endl;
        return BadInput;
    }
    if (!o.pdfOut.isEmpty() && !qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        err << "shift-report: --pdf needs a QGuiApplication" << Qt::endl;
        return Failure;
    }
    ShiftReportOptions options;
    options.bedsThroughout = o.bedsThroughout;
    QString error;
    const ShiftReport report = buildShiftReport(o.log, from, to, options, &error);
    if (!error.isEmpty()) {
        err << "shift-report: --log " << error << Qt::endl;
        return BadInput;
    }
    out << toText(report);
    out.flush();
    if (!o.jsonOut.isEmpty() && !writeFile(o.jsonOut, QJsonDocument(toJson(report)).toJson(), err))
        return Failure;
    if (!o.csvOut.isEmpty() && !writeFile(o.csvOut, toCsv(report), err))
        return Failure;
    if (!o.pdfOut.isEmpty() && !ShiftReportView::writePdf(report, o.pdfOut, &error)) {
        err << "shift-report: " << error << Qt::endl;
        return Failure;
    }
    return Done;
}

int shiftReportCommand(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    const auto value = [](const char* name) { return QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")); };
    p.addOptions({value("log"), value("from"), value("to"), value("json"), value("csv"), value("pdf"), value("beds")});
    if (!p.parse(args)) {
        err << "shift-report: " << p.errorText() << Qt::endl;
        return BadInput;
    }
    if (!p.positionalArguments().isEmpty()) {
        err << "shift-report: unexpected argument \"" << p.positionalArguments().constFirst() << "\"" << Qt::endl;
        return BadInput;
    }
    ShiftReportCmdOptions o;
    o.log = p.value(QStringLiteral("log"));
    o.from = p.value(QStringLiteral("from"));
    o.to = p.value(QStringLiteral("to"));
    o.jsonOut = p.value(QStringLiteral("json"));
    o.csvOut = p.value(QStringLiteral("csv"));
    o.pdfOut = p.value(QStringLiteral("pdf"));
    if (p.isSet(QStringLiteral("beds"))) {
        bool ok = false;
        const int beds = p.value(QStringLiteral("beds")).toInt(&ok);
        if (!ok || beds < 1 || beds > 10000) {
            err << "shift-report: --beds \"" << p.value(QStringLiteral("beds"))
                << "\" is not a number of beds (a whole number from 1 to 10000)" << Qt::endl;
            return BadInput;
        }
        o.bedsThroughout = beds;
    }
    QTextStream out(stdout);
    return shiftReport(o, out, err);
}

} // namespace ww::offline
