#include "app/headless.h"
#include "domain/conditiontext.h"
#include "app/servers.h"
#include "core/stationcore.h"
#include "models/stationviews.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <unistd.h>

namespace ww {

namespace {
// A patient's risk flags as one word: f (fall risk), e (elopement risk), b (bed exit armed).
QString flags(const PatientRow& p)
{
    return QString(p.fallRisk ? QStringLiteral("f") : QString()) + (p.elopementRisk ? QStringLiteral("e") : QString()) +
           (p.bedExitArmed ? QStringLiteral("b") : QString());
}
} // namespace

HeadlessStation::HeadlessStation(AlarmController& alarms, const PatientModel& census, const Clock& clock, QObject* parent)
    : QObject(parent), m_alarms(alarms), m_census(census), m_clock(clock), m_stdin(STDIN_FILENO, QSocketNotifier::Read)
{
    for (const PatientRow& p : m_census.rows())
        m_printed << QStringList{p.bed, p.id, p.name, p.wristband, p.monitor, p.nurseId, flags(p)}.join(u'|');
    connect(&m_census, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        for (int r = from.row(); r <= to.row() && r < int(m_printed.size()); ++r) {
            const PatientRow& p = m_census.rowAt(r);
            const QString now = QStringList{p.bed, p.id, p.name, p.wristband, p.monitor, p.nurseId, flags(p)}.join(u'|');
            if (now == m_printed[r])
                continue;
            m_printed[r] = now;
            print(QJsonObject{{QStringLiteral("event"), QStringLiteral("bed")}, {QStringLiteral("bed"), p.bed},
                              {QStringLiteral("patient"), p.id}, {QStringLiteral("name"), p.name},
                              {QStringLiteral("wristband"), p.wristband}, {QStringLiteral("monitor"), p.monitor},
                              {QStringLiteral("nurse"), p.nurseId}, {QStringLiteral("flags"), flags(p)}});
        }
    });
    connect(&m_alarms, &AlarmController::censusResult, this, [this](bool ok, const QString& text) {
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("census")}, {QStringLiteral("ok"), ok}, {QStringLiteral("message"), text}});
    });
    connect(&m_alarms, &AlarmController::careResult, this, [this](bool ok, const QString& text) {
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("care")}, {QStringLiteral("ok"), ok}, {QStringLiteral("message"), text}});
    });
    // Audio paused at other stations (shown there, never applied here), with this station's own state.
    connect(&m_alarms, &AlarmController::remotePausesChanged, this, [this] {
        QJsonArray pauses;
        for (const AlarmController::RemotePause& p : m_alarms.remotePauses())
            pauses.append(QJsonObject{{QStringLiteral("station"), p.stationId}, {QStringLiteral("name"), p.operatorName},
                                      {QStringLiteral("until"), QString::number(p.untilMs)}});
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("remote-pause")}, {QStringLiteral("pauses"), pauses},
                          {QStringLiteral("paused"), m_alarms.audio()->paused()}});
    });
    connect(&m_alarms, &AlarmController::setpointProgress, this,
            [this](const QString& commandId, const QString& roomId, bool ok, const QString& text) {
                print(QJsonObject{{QStringLiteral("event"), QStringLiteral("setpoint")}, {QStringLiteral("command"), commandId},
                                  {QStringLiteral("room"), roomId}, {QStringLiteral("ok"), ok}, {QStringLiteral("message"), text}});
            });
    connect(&m_alarms, &AlarmController::chargeNurseChanged, this, [this](const QString& staffId, const QString& name) {
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("charge")}, {QStringLiteral("staff"), staffId},
                          {QStringLiteral("name"), name}});
    });
    connect(&m_alarms, &AlarmController::alarmUpdated, this, [this](const AlarmState& alarm) {
        {
            const AlarmState* a = &alarm;
            QJsonObject line{{QStringLiteral("event"), QStringLiteral("alarm")},
                              {QStringLiteral("id"), a->id},
                              {QStringLiteral("rule"), a->rule},
                              {QStringLiteral("priority"), toString(a->priority)},
                              {QStringLiteral("phase"), toString(a->phase())},
                              {QStringLiteral("condition"), a->condition},
                              {QStringLiteral("code"), a->conditionCode},
                              {QStringLiteral("shown"), shownCondition(*a)},
                              {QStringLiteral("subject"), a->subject},
                              {QStringLiteral("place"), a->place},
                              {QStringLiteral("room"), a->roomId},
                              {QStringLiteral("ackedBy"), a->ackedBy},
                              {QStringLiteral("ackedStation"), a->ackedStation},
                              {QStringLiteral("step"), a->escalationStep},
                              {QStringLiteral("late"), a->late}};
            // A line per change: the controller also reports an alarm whose shown state is the same
            // (its nearest staff measured again, say).
            if (m_alarmPrinted.value(a->id) == line)
                return;
            if (a->closed())
                m_alarmPrinted.remove(a->id);
            else
                m_alarmPrinted.insert(a->id, line);
            line.insert(QStringLiteral("t"), QString::number(m_clock.nowMs()));
            print(line);
        }
    });
    connect(&m_alarms, &AlarmController::signInFinished, this, [this](bool ok, const QString& text) {
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("signin")}, {QStringLiteral("ok"), ok}, {QStringLiteral("message"), text}});
    });
    connect(&m_alarms, &AlarmController::message, this, [this](const QString& text, bool error) {
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("message")}, {QStringLiteral("error"), error},
                          {QStringLiteral("message"), text}});
    });
    connect(&m_stdin, &QSocketNotifier::activated, this, [this] {
        char buf[4096];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) {
            m_stdin.setEnabled(false);
            return;
        }
        m_buffer.append(buf, n);
        for (qsizetype i; (i = m_buffer.indexOf('\n')) >= 0;) {
            line(m_buffer.left(i).trimmed());
            m_buffer.remove(0, i + 1);
        }
        if (m_buffer.size() > 64 * 1024) { // no command is this long: not a line, and not kept
            m_buffer.clear();
            print(QJsonObject{{QStringLiteral("event"), QStringLiteral("message")}, {QStringLiteral("error"), true},
                              {QStringLiteral("message"), QStringLiteral("input line longer than 64 KiB dropped")}});
        }
    });
    print(QJsonObject{{QStringLiteral("event"), QStringLiteral("ready")}});
}

void HeadlessStation::print(const QJsonObject& o)
{
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

void HeadlessStation::line(const QByteArray& text)
{
    const QList<QByteArray> parts = text.split(' ');
    if (parts.isEmpty() || parts[0].isEmpty())
        return;
    auto arg = [&](int i) { return parts[i] == "-" ? QString() : QString::fromUtf8(parts[i]); };
    if (parts[0] == "signin" && parts.size() == 3)
        m_alarms.signIn(QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2]));
    else if (parts[0] == "ack" && parts.size() == 2)
        m_alarms.acknowledge(QString::fromUtf8(parts[1]));
    else if (parts[0] == "admit" && parts.size() >= 6)
        m_alarms.admitPatient(arg(1), arg(2), QString::fromUtf8(parts.mid(5).join(' ')), arg(3), arg(4));
    else if (parts[0] == "transfer" && parts.size() == 3)
        m_alarms.transferPatient(arg(1), arg(2));
    else if (parts[0] == "discharge" && parts.size() == 2)
        m_alarms.dischargePatient(arg(1));
    else if (parts[0] == "devices" && parts.size() == 4)
        m_alarms.pairDevices(arg(1), arg(2), arg(3));
    else if (parts[0] == "assign" && parts.size() == 3)
        m_alarms.assignPatient(arg(1), arg(2));
    else if (parts[0] == "take" && parts.size() == 2)
        m_alarms.takePatient(arg(1));
    else if (parts[0] == "charge" && parts.size() == 1)
        m_alarms.takeCharge();
    else if (parts[0] == "schedule" && (parts.size() == 3 || parts.size() == 4))
        m_alarms.setCareSchedule(arg(1), parts[2].toInt(),
                                 parts.size() == 4 ? QString::fromUtf8(parts[3]).split(u',', Qt::SkipEmptyParts) : QStringList{});
    else if (parts[0] == "setpoint" && parts.size() >= 6) {
        // setpoint ROOM TEMP|- RH|- MODE|- REASON…
        ClimateSetpointRequest r;
        r.roomId = arg(1);
        if (parts[2] != "-")
            r.temperatureC = parts[2].toDouble();
        if (parts[3] != "-")
            r.humidityPct = parts[3].toDouble();
        for (VentilationMode m : {VentilationMode::Normal, VentilationMode::Boost, VentilationMode::Setback})
            if (QString::fromUtf8(parts[4]) == toString(m))
                r.ventilation = m;
        r.reason = QString::fromUtf8(parts.mid(5).join(' '));
        m_alarms.sendSetpoint(r);
    } else if (parts[0] == "pause") {
        const bool ok = m_alarms.pauseAudio(QString::fromUtf8(parts.mid(1).join(' ')));
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("pause")}, {QStringLiteral("ok"), ok},
                          {QStringLiteral("paused"), m_alarms.audio()->paused()}});
    } else if (parts[0] == "flags" && parts.size() == 3)
        m_alarms.setRiskFlags(arg(1), parts[2].contains('f'), parts[2].contains('e'), parts[2].contains('b'));
    else if (parts[0] == "quit")
        QCoreApplication::quit();
    else
        print(QJsonObject{{QStringLiteral("event"), QStringLiteral("message")}, {QStringLiteral("error"), true},
                          {QStringLiteral("message"), QStringLiteral("unknown command: ") + QString::fromUtf8(text)}});
}

int runHeadless(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    AppSettings settings;
    if (const auto rc = startProgram(app, parser, settings))
        return *rc;
    const SiteLoadResult loaded = loadSite(settings);
    if (!loaded.site)
        return 2;
    if (const QString error = AppSettings::checkAlarmLog(settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    const Site& site = *loaded.site;
    SystemClock clock;
    StationCore station(site, clock, settings.station);
    StationViews views(site, clock, station.core(), nullptr, settings.station.alarmLogPath);
    HeadlessStation headless(views.alarms, views.models.patients, clock);
    AppSettings::rememberAlarmLog(settings);
    const int rc = runStation(app, station);
    AppSettings::rememberAlarmLog(settings);
    return rc;
}

} // namespace ww
