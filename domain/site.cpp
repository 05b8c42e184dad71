#include "domain/site.h"

#include <QCryptographicHash>
#include <QTimeZone>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {
// Every coordinate of the plan (metres, site frame) lies within +-PlanExtentM: a wing of a hospital,
// not a typo's kilometres, which would make the positioning engine's grids unbounded.
constexpr double PlanExtentM = 1000;
bool inPlan(double v)
{
    return std::isfinite(v) && std::abs(v) <= PlanExtentM;
}

// Walks the JSON tree keeping the path, so every error says where it is.
class Reader
{
public:
    explicit Reader(QString source) : m_source(std::move(source)) {}

    void error(const QString& path, const QString& problem) { m_errors << m_source + QStringLiteral(": ") + path + QStringLiteral(": ") + problem; }
    [[nodiscard]] const QStringList& errors() const { return m_errors; }

    QString string(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                error(path + QChar(u'.') + QLatin1String(key), QStringLiteral("missing"));
            return {};
        }
        if (!v.isString() || (required && v.toString().isEmpty())) {
            error(path + QChar(u'.') + QLatin1String(key), QStringLiteral("must be a non-empty string"));
            return {};
        }
        return v.toString();
    }

    std::optional<double> number(const QJsonObject& o, const QString& path, const char* key, bool required,
                                 double lo, double hi)
    {
        const auto v = o.value(QLatin1String(key));
        const QString p = path + QChar(u'.') + QLatin1String(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error(p, QStringLiteral("missing"));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            error(p, QStringLiteral("must be a number"));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (d < lo || d > hi) {
            error(p, QStringLiteral("%1 is out of range [%2, %3]").arg(d).arg(lo).arg(hi));
            return std::nullopt;
        }
        return d;
    }

    QJsonArray array(const QJsonObject& o, const QString& path, const char* key, bool required = true)
    {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                error(path + QChar(u'.') + QLatin1String(key), QStringLiteral("missing"));
            return {};
        }
        if (!v.isArray()) {
            error(path + QChar(u'.') + QLatin1String(key), QStringLiteral("must be an array"));
            return {};
        }
        return v.toArray();
    }

    // Iterates an array of objects, reporting non-objects.
    template <typename F> void objects(const QJsonObject& o, const QString& path, const char* key, F&& f)
    {
        const QJsonArray arr = array(o, path, key);
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const QString p = path + QChar(u'.') + QLatin1String(key) + QChar(u'[') + QString::number(i) + QChar(u']');
            if (!arr.at(i).isObject()) {
                error(p, QStringLiteral("must be an object"));
                continue;
            }
            f(arr.at(i).toObject(), p);
        }
    }

    std::optional<QPointF> point(const QJsonValue& v, const QString& path)
    {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isDouble()) {
            error(path, QStringLiteral("must be [x, y] in metres"));
            return std::nullopt;
        }
        const double x = a.at(0).toDouble(), y = a.at(1).toDouble();
        if (!inPlan(x) || !inPlan(y)) {
            error(path, QStringLiteral("[%1, %2] is outside the plan's +-%3 m").arg(x).arg(y).arg(PlanExtentM));
            return std::nullopt;
        }
        return QPointF(x, y);
    }

    Range range(const QJsonObject& o, const QString& path, const char* key)
    {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        const QString p = path + QChar(u'.') + QLatin1String(key);
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2 || !(a.at(0).isDouble() || a.at(0).isNull()) ||
            !(a.at(1).isDouble() || a.at(1).isNull())) {
            error(p, QStringLiteral("must be [min, max] (null for no limit)"));
            return {};
        }
        Range r;
        if (a.at(0).isDouble())
            r.min = a.at(0).toDouble();
        if (a.at(1).isDouble())
            r.max = a.at(1).toDouble();
        if (r.min && r.max && *r.min > *r.max)
            error(p, QStringLiteral("min is greater than max"));
        return r;
    }

    void unique(QSet<QString>& seen, const QString& id, const QString& path)
    {
        if (id.isEmpty())
            return;
        if (seen.contains(id))
            error(path + QStringLiteral(".id"), QStringLiteral("duplicate id \"%1\"").arg(id));
        seen.insert(id);
    }

private:
    QString m_source;
    QStringList m_errors;
};

AlarmSettings readAlarmSettings(Reader& rd, const QJsonValue& value)
{
    AlarmSettings a = defaultAlarmSettings();
    if (value.isUndefined())
        return a;
    const QString path = QStringLiteral("$.alarms");
    if (!value.isObject()) {
        rd.error(path, QStringLiteral("must be an object"));
        return a;
    }
    const QJsonObject o = value.toObject();
    auto integer = [&](const QJsonObject& obj, const QString& p, const char* key, int lo, int hi, int& dst) {
        if (const auto v = rd.number(obj, p, key, false, lo, hi))
            dst = int(*v);
    };
    auto priority = [&](const QJsonObject& obj, const QString& p, const char* key, Priority& dst) {
        const QString text = rd.string(obj, p, key, false);
        if (text.isEmpty())
            return;
        if (const auto pr = priorityFromString(text))
            dst = *pr;
        else
            rd.error(p + QChar(u'.') + QLatin1String(key), QStringLiteral("\"%1\" is not a priority (low, medium, high)").arg(text));
    };
    auto boolean = [&](const QJsonObject& obj, const QString& p, const char* key, bool& dst) {
        const QJsonValue v = obj.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isBool())
            rd.error(p + QChar(u'.') + QLatin1String(key), QStringLiteral("must be true or false"));
        else
            dst = v.toBool();
    };
    integer(o, path, "audioPauseS", 10, 600, a.audioPauseS);
    integer(o, path, "closeAfterS", 0, 86400, a.closeAfterS);
    integer(o, path, "lowBatteryPct", 1, 99, a.lowBatteryPct);
    integer(o, path, "climateGraceS", 0, 86400, a.climateGraceS);
    integer(o, path, "roomDoorOpenLimitS", 1, 86400, a.roomDoorOpenLimitS);
    if (const auto v = rd.number(o, path, "nearExitM", false, 0, 50))
        a.nearExitM = *v;
    for (const char* key : {"exitRoomKinds", "restrictedRoomKinds"}) {
        if (!o.contains(QLatin1String(key)))
            continue;
        QStringList kinds;
        const QJsonArray arr = rd.array(o, path, key);
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const QString k = arr.at(i).toString();
            if (!roomKindFromString(k))
                rd.error(path + QChar(u'.') + QLatin1String(key) + QStringLiteral("[%1]").arg(i),
                         QStringLiteral("\"%1\" is not a room kind").arg(k));
            kinds << k;
        }
        (qstrcmp(key, "exitRoomKinds") == 0 ? a.exitRoomKinds : a.restrictedRoomKinds) = kinds;
    }
    if (o.contains(u"responders")) {
        const QString p = path + QStringLiteral(".responders");
        const QJsonObject r = o.value(u"responders").toObject();
        if (!o.value(u"responders").isObject())
            rd.error(p, QStringLiteral("must be an object"));
        if (const auto v = rd.number(r, p, "floorChangeM", false, 0, 1000))
            a.floorChangeM = *v;
        if (r.contains(u"roles")) {
            const QJsonArray arr = rd.array(r, p, "roles");
            for (qsizetype i = 0; i < arr.size(); ++i) {
                const QString role = arr.at(i).toString().trimmed();
                if (role.isEmpty())
                    rd.error(p + QStringLiteral(".roles[%1]").arg(i), QStringLiteral("must be a staff role (text)"));
                else
                    a.responderRoles << role;
            }
        }
    }
    if (o.contains(u"operators")) {
        const QJsonObject op = o.value(u"operators").toObject();
        const QString p = path + QStringLiteral(".operators");
        integer(op, p, "pinMinDigits", 6, 12, a.operators.pinMinDigits);
        integer(op, p, "maxFailures", 1, 20, a.operators.maxFailures);
        integer(op, p, "lockoutS", 10, 86400, a.operators.lockoutS);
        integer(op, p, "autoSignOutS", 30, 86400, a.operators.autoSignOutS);
    }
    if (o.contains(u"news2")) {
        const QJsonObject n = o.value(u"news2").toObject();
        const QString p = path + QStringLiteral(".news2");
        boolean(n, p, "enabled", a.news2.enabled);
        priority(n, p, "single3", a.news2.single3);
        priority(n, p, "urgent", a.news2.urgent);
        priority(n, p, "emergency", a.news2.emergency);
        integer(n, p, "vitalsMaxAgeS", 10, 86400, a.news2.vitalsMaxAgeS);
        integer(n, p, "stationInputMaxAgeS", 60, 7 * 86400, a.news2.stationInputMaxAgeS);
    }
    if (o.contains(u"vitalLimits")) {
        // Replaces the default limits as a whole: what the site lists is what is in force.
        for (const auto& l : a.vitalLimits)
            a.rules.remove(l.id);
        a.vitalLimits.clear();
        rd.objects(o, path, "vitalLimits", [&](const QJsonObject& lo, const QString& p) {
            VitalLimit l;
            l.id = rd.string(lo, p, "id");
            if (!l.id.startsWith(QLatin1String("vitals.")))
                rd.error(p + QStringLiteral(".id"), QStringLiteral("must start with \"vitals.\""));
            const QString kind = rd.string(lo, p, "vital");
            bool found = false;
            for (int k = 0; k < VitalKindCount; ++k)
                if (toString(VitalKind(k)) == kind) {
                    l.kind = VitalKind(k);
                    found = true;
                }
            if (!found && !kind.isEmpty())
                rd.error(p + QStringLiteral(".vital"), QStringLiteral("unknown vital \"%1\"").arg(kind));
            l.below = rd.number(lo, p, "below", false, -1000, 1000);
            l.above = rd.number(lo, p, "above", false, -1000, 1000);
            if (!l.below && !l.above)
                rd.error(p, QStringLiteral("needs \"below\" or \"above\""));
            integer(lo, p, "delayS", 0, 3600, l.delayS);
            priority(lo, p, "priority", l.priority);
            boolean(lo, p, "latching", l.latching);
            a.vitalLimits.push_back(l);
            a.rules.insert(l.id, AlarmRule{l.id, AlarmCategory::Patient, l.priority, l.latching, l.delayS, true,
                                           a.rules.value(QStringLiteral("event.panic")).escalation});
        });
    }
    if (o.contains(u"rules")) {
        const QJsonObject rules = o.value(u"rules").toObject();
        for (auto it = rules.begin(); it != rules.end(); ++it) {
            const QString p = path + QStringLiteral(".rules.") + it.key();
            if (!a.rules.contains(it.key())) {
                rd.error(p, QStringLiteral("unknown rule (see docs/alarms.md for the built-in rules)"));
                continue;
            }
            AlarmRule& r = a.rules[it.key()];
            const QJsonObject ro = it.value().toObject();
            priority(ro, p, "priority", r.priority);
            boolean(ro, p, "latching", r.latching);
            boolean(ro, p, "enabled", r.enabled);
            integer(ro, p, "delayS", 0, 86400, r.delayS);
            if (ro.contains(u"escalation")) {
                r.escalation.clear();
                rd.objects(ro, p, "escalation", [&](const QJsonObject& so, const QString& sp) {
                    EscalationStep st;
                    st.target = rd.string(so, sp, "target");
                    integer(so, sp, "ttlS", 0, 86400, st.ttlS);
                    r.escalation.push_back(st);
                });
                if (r.escalation.size() > 20)
                    rd.error(p + QStringLiteral(".escalation"), QStringLiteral("at most 20 steps"));
            }
            for (auto& l : a.vitalLimits)
                if (l.id == r.id) {
                    l.priority = r.priority;
                    l.latching = r.latching;
                    l.delayS = r.delayS;
                }
        }
    }
    return a;
}

} // namespace

SiteLoadResult SiteLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {path + QStringLiteral(": ") + file.errorString()}};
    // Refused before it is read: a site file a hundred times the size of a large ward's is a
    // mistake or an attack, and parsing it would hold the station for minutes.
    if (file.size() > MaxSiteFileBytes)
        return {std::nullopt,
                {QStringLiteral("%1: %2 MB, larger than a site file may be (%3 MB)")
                     .arg(path)
                     .arg(double(file.size()) / 1e6, 0, 'f', 1)
                     .arg(MaxSiteFileBytes / 1'000'000)}};
    return loadBytes(file.readAll(), path);
}

SiteLoadResult SiteLoader::loadDefault()
{
    return loadFile(QString::fromLatin1(DefaultSitePath));
}

SiteLoadResult SiteLoader::loadBytes(const QByteArray& json, const QString& sourceName)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        return {std::nullopt, {QStringLiteral("%1: line %2: %3").arg(sourceName).arg(line).arg(parseError.errorString())}};
    }
    if (!doc.isObject())
        return {std::nullopt, {sourceName + QStringLiteral(": $: the document must be an object")}};

    Reader rd(sourceName);
    const QJsonObject root = doc.object();
    const QString rootPath = QStringLiteral("$");
    Site site;
    site.sourceFile = sourceName;
    site.hash = QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());

    if (root.value(u"schema").toString() != u"wardwatch-site/1")
        rd.error(QStringLiteral("$.schema"), QStringLiteral("must be \"wardwatch-site/1\""));
    site.id = rd.string(root, rootPath, "id");
    site.name = rd.string(root, rootPath, "name");
    if (root.contains(u"geo")) {
        const QJsonObject geo = root.value(u"geo").toObject();
        site.latitude = rd.number(geo, QStringLiteral("$.geo"), "lat", true, -90, 90).value_or(0);
        site.longitude = rd.number(geo, QStringLiteral("$.geo"), "lon", true, -180, 180).value_or(0);
        site.bearingDeg = rd.number(geo, QStringLiteral("$.geo"), "bearingDeg", false, -360, 360).value_or(0);
    }
    site.lateAfterS = int(rd.number(root, rootPath, "lateAfterS", false, 1, 86400).value_or(30));
    site.timeZone = rd.string(root, rootPath, "timeZone", false);
    if (!site.timeZone.isEmpty() && !QTimeZone(site.timeZone.toUtf8()).isValid())
        rd.error(QStringLiteral("$.timeZone"),
                 QStringLiteral("\"%1\" is not a time zone this system knows (an IANA id such as \"Europe/London\")")
                     .arg(site.timeZone.left(64)));

    QSet<int> levels;
    rd.objects(root, rootPath, "floors", [&](const QJsonObject& o, const QString& p) {
        Floor f;
        f.level = int(rd.number(o, p, "level", true, -10, 200).value_or(0));
        f.name = rd.string(o, p, "name");
        f.plan = rd.string(o, p, "plan", false);
        f.width = rd.number(o, p, "width", true, 1, 2000).value_or(1);
        f.height = rd.number(o, p, "height", true, 1, 2000).value_or(1);
        if (levels.contains(f.level))
            rd.error(p + QStringLiteral(".level"), QStringLiteral("duplicate floor level %1").arg(f.level));
        levels.insert(f.level);
        site.floors.push_back(f);
    });
    auto checkFloor = [&](const QJsonObject& o, const QString& p) {
        const int level = int(rd.number(o, p, "floor", true, -10, 200).value_or(0));
        if (o.contains(u"floor") && !levels.contains(level))
            rd.error(p + QStringLiteral(".floor"), QStringLiteral("unknown floor %1").arg(level));
        return level;
    };

    const QJsonObject targets = root.value(u"climateTargets").toObject();
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        const QString p = QStringLiteral("$.climateTargets.") + it.key();
        const auto kind = roomKindFromString(it.key());
        if (!kind) {
            rd.error(p, QStringLiteral("unknown room kind"));
            continue;
        }
        const QJsonObject t = it.value().toObject();
        site.climateTargets.insert(*kind, ClimateTargets{rd.range(t, p, "temperatureC"), rd.range(t, p, "humidityPct"),
                                                         rd.range(t, p, "co2Ppm"), rd.range(t, p, "pm25"),
                                                         rd.range(t, p, "tvoc"), rd.range(t, p, "diffPressurePa")});
    }

    QSet<QString> roomIds;
    rd.objects(root, rootPath, "rooms", [&](const QJsonObject& o, const QString& p) {
        Room r;
        r.id = rd.string(o, p, "id");
        rd.unique(roomIds, r.id, p);
        r.name = rd.string(o, p, "name");
        r.floor = checkFloor(o, p);
        const QString kindText = rd.string(o, p, "kind");
        if (const auto k = roomKindFromString(kindText))
            r.kind = *k;
        else if (!kindText.isEmpty())
            rd.error(p + QStringLiteral(".kind"), QStringLiteral("unknown room kind \"%1\"").arg(kindText));
        const QJsonArray poly = rd.array(o, p, "polygon");
        for (qsizetype i = 0; i < poly.size(); ++i)
            if (auto pt = rd.point(poly.at(i), p + QStringLiteral(".polygon[") + QString::number(i) + QChar(u']')))
                r.polygon << *pt;
        if (o.contains(u"polygon") && poly.size() < 3)
            rd.error(p + QStringLiteral(".polygon"), QStringLiteral("needs at least 3 points"));
        r.door = o.contains(u"door") ? rd.point(o.value(u"door"), p + QStringLiteral(".door")).value_or(r.centre()) : r.centre();
        site.rooms.push_back(r);
    });

    rd.objects(root, rootPath, "walls", [&](const QJsonObject& o, const QString& p) {
        const int level = checkFloor(o, p);
        const QJsonArray segs = rd.array(o, p, "segments");
        for (qsizetype i = 0; i < segs.size(); ++i) {
            const QJsonArray s = segs.at(i).toArray();
            bool numbers = s.size() == 4;
            for (qsizetype k = 0; numbers && k < 4; ++k)
                numbers = s.at(k).isDouble() && inPlan(s.at(k).toDouble());
            if (!numbers) {
                rd.error(p + QStringLiteral(".segments[") + QString::number(i) + QChar(u']'),
                         QStringLiteral("must be [x1, y1, x2, y2], metres within +-%1").arg(PlanExtentM));
                continue;
            }
            site.walls.push_back({level, {s.at(0).toDouble(), s.at(1).toDouble()}, {s.at(2).toDouble(), s.at(3).toDouble()}});
        }
    });

    QSet<QString> deviceIds;
    auto device = [&](const QString& id, const QString& p) {
        if (id.isEmpty())
            return;
        if (deviceIds.contains(id))
            rd.error(p, QStringLiteral("device id \"%1\" is used twice").arg(id));
        deviceIds.insert(id);
    };
    auto roomRef = [&](const QString& id, const QString& p) {
        if (!id.isEmpty() && !roomIds.contains(id))
            rd.error(p, QStringLiteral("unknown room \"%1\"").arg(id));
    };

    rd.objects(root, rootPath, "gateways", [&](const QJsonObject& o, const QString& p) {
        Gateway g;
        g.id = rd.string(o, p, "id");
        device(g.id, p + QStringLiteral(".id"));
        g.mac = rd.string(o, p, "mac", false).remove(QChar(u':')).toUpper();
        if (!g.mac.isEmpty()) {
            static const QRegularExpression hex12(QStringLiteral("^[0-9A-F]{12}$"));
            if (!hex12.match(g.mac).hasMatch())
                rd.error(p + QStringLiteral(".mac"), QStringLiteral("must be 12 hex digits"));
            device(g.mac, p + QStringLiteral(".mac"));
        }
        g.floor = checkFloor(o, p);
        g.x = rd.number(o, p, "x", true, -PlanExtentM, PlanExtentM).value_or(0);
        g.y = rd.number(o, p, "y", true, -PlanExtentM, PlanExtentM).value_or(0);
        g.z = rd.number(o, p, "z", false, 0, 20).value_or(2.5);
        g.rssiAt1m = rd.number(o, p, "rssi1m", false, -100, 0).value_or(-59);
        g.exponent = rd.number(o, p, "exponent", false, 1, 6).value_or(2.0);
        g.beacon = rd.string(o, p, "beacon", false);
        if (!g.beacon.isEmpty()) {
            // A gateway that advertises is a reference beacon at its own place.
            device(g.beacon, p + QStringLiteral(".beacon"));
            site.referenceBeacons.push_back({g.beacon, g.floor, g.x, g.y, g.z, g.id});
        }
        site.gateways.push_back(g);
    });
    for (auto& g : site.gateways)
        if (const Room* r = site.roomAt(g.floor, {g.x, g.y}))
            g.room = r->id;
    if (const QString problem = wallGridProblem(site); !problem.isEmpty())
        rd.error(rootPath + QStringLiteral(".walls"), problem);

    QSet<QString> bedIds;
    rd.objects(root, rootPath, "beds", [&](const QJsonObject& o, const QString& p) {
        Bed b;
        b.id = rd.string(o, p, "id");
        rd.unique(bedIds, b.id, p);
        b.room = rd.string(o, p, "room");
        roomRef(b.room, p + QStringLiteral(".room"));
        b.pos = QPointF(rd.number(o, p, "x", true, -PlanExtentM, PlanExtentM).value_or(0),
                        rd.number(o, p, "y", true, -PlanExtentM, PlanExtentM).value_or(0));
        b.device = rd.string(o, p, "device", false);
        device(b.device, p + QStringLiteral(".device"));
        site.beds.push_back(b);
    });

    QSet<QString> ids;
    QHash<QString, QString> bedTaken;
    rd.objects(root, rootPath, "patients", [&](const QJsonObject& o, const QString& p) {
        Patient pt{rd.string(o, p, "id"), rd.string(o, p, "name"), rd.string(o, p, "bed"), rd.string(o, p, "wristband"),
                   rd.string(o, p, "monitor", false)};
        rd.unique(ids, pt.id, p);
        if (!pt.bed.isEmpty() && !bedIds.contains(pt.bed))
            rd.error(p + QStringLiteral(".bed"), QStringLiteral("unknown bed \"%1\"").arg(pt.bed));
        else if (!pt.bed.isEmpty() && bedTaken.contains(pt.bed))
            rd.error(p + QStringLiteral(".bed"), QStringLiteral("bed \"%1\" is already %2's").arg(pt.bed, bedTaken.value(pt.bed)));
        bedTaken.insert(pt.bed, pt.id);
        device(pt.wristband, p + QStringLiteral(".wristband"));
        device(pt.monitor, p + QStringLiteral(".monitor"));
        site.patients.push_back(pt);
    });
    for (const auto& [key, list] : {std::pair{"spareWristbands", &site.spareWristbands}, std::pair{"spareMonitors", &site.spareMonitors}}) {
        const QJsonArray spare = rd.array(root, rootPath, key, false);
        for (qsizetype i = 0; i < spare.size(); ++i) {
            const QString p = rootPath + QChar(u'.') + QLatin1String(key) + QStringLiteral("[%1]").arg(i);
            if (!spare.at(i).isString() || spare.at(i).toString().isEmpty())
                rd.error(p, QStringLiteral("must be a device id"));
            else
                *list << spare.at(i).toString();
            device(spare.at(i).toString(), p);
        }
    }
    rd.objects(root, rootPath, "staff", [&](const QJsonObject& o, const QString& p) {
        StaffMember s{rd.string(o, p, "id"), rd.string(o, p, "name"), rd.string(o, p, "role"), rd.string(o, p, "badge"),
                      rd.string(o, p, "pinHash", false)};
        if (!s.pinHash.isEmpty() && !s.pinHash.startsWith(QLatin1String("$argon2id$")) &&
            !s.pinHash.startsWith(QLatin1String("pbkdf2-sha256$")))
            rd.error(p + QStringLiteral(".pinHash"),
                     QStringLiteral("must be an Argon2id hash (\"$argon2id$v=19$m=…,t=…,p=…$salt$hash\", wardctl hash-pin) or, "
                                    "from older site files, \"pbkdf2-sha256$iterations$salt$hash\""));
        rd.unique(ids, s.id, p);
        device(s.badge, p + QStringLiteral(".badge"));
        site.staff.push_back(s);
    });
    rd.objects(root, rootPath, "assets", [&](const QJsonObject& o, const QString& p) {
        Asset a{rd.string(o, p, "id"), rd.string(o, p, "name"), rd.string(o, p, "type"), rd.string(o, p, "tag"),
                rd.string(o, p, "home", false)};
        rd.unique(ids, a.id, p);
        device(a.tag, p + QStringLiteral(".tag"));
        roomRef(a.homeRoom, p + QStringLiteral(".home"));
        site.assets.push_back(a);
    });
    if (root.contains(u"parLevels"))
        rd.objects(root, rootPath, "parLevels", [&](const QJsonObject& o, const QString& p) {
            ParLevel par;
            par.type = rd.string(o, p, "type");
            par.name = rd.string(o, p, "name", false);
            if (par.name.isEmpty())
                par.name = par.type;
            if (!par.type.isEmpty() && std::none_of(site.assets.begin(), site.assets.end(),
                                                    [&](const Asset& a) { return a.type == par.type; }))
                rd.error(p + QStringLiteral(".type"), QStringLiteral("no asset has the type \"%1\"").arg(par.type));
            const QJsonArray rooms = rd.array(o, p, "rooms", false);
            for (qsizetype i = 0; i < rooms.size(); ++i) {
                if (!rooms.at(i).isString() || rooms.at(i).toString().isEmpty())
                    rd.error(p + QStringLiteral(".rooms[%1]").arg(i), QStringLiteral("must be a room id"));
                par.rooms << rooms.at(i).toString();
                roomRef(par.rooms.back(), p + QStringLiteral(".rooms[%1]").arg(i));
            }
            par.target = int(rd.number(o, p, "target", true, 1, 1000).value_or(1));
            par.critical = int(rd.number(o, p, "critical", true, 0, 1000).value_or(0));
            if (par.critical > par.target)
                rd.error(p + QStringLiteral(".critical"), QStringLiteral("must not exceed target"));
            site.parLevels.push_back(par);
        });
    if (root.contains(u"pods"))
        rd.objects(root, rootPath, "pods", [&](const QJsonObject& o, const QString& p) {
            Pod pod;
            pod.name = rd.string(o, p, "name");
            if (std::any_of(site.pods.begin(), site.pods.end(), [&](const Pod& x) { return x.name == pod.name; }))
                rd.error(p + QStringLiteral(".name"), QStringLiteral("\"%1\" names another pod too").arg(pod.name));
            const QJsonArray rooms = rd.array(o, p, "rooms", true);
            for (qsizetype i = 0; i < rooms.size(); ++i) {
                if (!rooms.at(i).isString() || rooms.at(i).toString().isEmpty())
                    rd.error(p + QStringLiteral(".rooms[%1]").arg(i), QStringLiteral("must be a room id"));
                pod.rooms << rooms.at(i).toString();
                roomRef(pod.rooms.back(), p + QStringLiteral(".rooms[%1]").arg(i));
            }
            site.pods.push_back(pod);
        });
    if (root.contains(u"referenceBeacons"))
        rd.objects(root, rootPath, "referenceBeacons", [&](const QJsonObject& o, const QString& p) {
            ReferenceBeacon b;
            b.id = rd.string(o, p, "id");
            device(b.id, p + QStringLiteral(".id"));
            b.floor = checkFloor(o, p);
            b.x = rd.number(o, p, "x", true, -PlanExtentM, PlanExtentM).value_or(0);
            b.y = rd.number(o, p, "y", true, -PlanExtentM, PlanExtentM).value_or(0);
            b.z = rd.number(o, p, "z", false, -10, 50).value_or(1.2);
            site.referenceBeacons.push_back(b);
        });
    rd.objects(root, rootPath, "fridges", [&](const QJsonObject& o, const QString& p) {
        Fridge f;
        f.id = rd.string(o, p, "id");
        rd.unique(ids, f.id, p);
        f.name = rd.string(o, p, "name");
        f.room = rd.string(o, p, "room");
        roomRef(f.room, p + QStringLiteral(".room"));
        f.minC = rd.number(o, p, "minC", false, -100, 30).value_or(2);
        f.maxC = rd.number(o, p, "maxC", false, -100, 30).value_or(8);
        f.graceS = int(rd.number(o, p, "graceS", false, 0, 86400).value_or(900));
        f.doorOpenLimitS = int(rd.number(o, p, "doorOpenLimitS", false, 1, 86400).value_or(60));
        if (f.minC >= f.maxC)
            rd.error(p + QStringLiteral(".minC"), QStringLiteral("must be below maxC"));
        site.fridges.push_back(f);
    });
    rd.objects(root, rootPath, "sensors", [&](const QJsonObject& o, const QString& p) {
        Sensor s;
        s.id = rd.string(o, p, "id");
        device(s.id, p + QStringLiteral(".id"));
        const QString kind = rd.string(o, p, "kind");
        if (kind == u"climate")
            s.kind = SensorKind::Climate;
        else if (kind == u"fridge")
            s.kind = SensorKind::Fridge;
        else if (kind == u"door")
            s.kind = SensorKind::Door;
        else if (!kind.isEmpty())
            rd.error(p + QStringLiteral(".kind"), QStringLiteral("unknown sensor kind \"%1\" (climate, fridge, door)").arg(kind));
        if (s.kind == SensorKind::Fridge) {
            s.fridge = rd.string(o, p, "fridge");
            if (!s.fridge.isEmpty() && !site.fridge(s.fridge))
                rd.error(p + QStringLiteral(".fridge"), QStringLiteral("unknown fridge \"%1\"").arg(s.fridge));
        } else {
            s.room = rd.string(o, p, "room");
            roomRef(s.room, p + QStringLiteral(".room"));
        }
        s.mac = rd.string(o, p, "mac", false).remove(QChar(u':')).toUpper();
        if (!s.mac.isEmpty()) {
            static const QRegularExpression hex12(QStringLiteral("^[0-9A-F]{12}$"));
            if (!hex12.match(s.mac).hasMatch())
                rd.error(p + QStringLiteral(".mac"), QStringLiteral("must be 12 hex digits"));
            device(s.mac, p + QStringLiteral(".mac")); // one MAC names one device in scan reports
        }
        site.sensors.push_back(s);
    });

    const QJsonObject timing = root.value(u"deviceTiming").toObject();
    const DeviceTiming defaults[DeviceKindCount] = {{1, 15}, {1, 30}, {1, 30}, {5, 120}, {5, 30}, {30, 120}, {30, 120}, {30, 120}, {1, 120}, {30, 120}};
    for (int k = 0; k < DeviceKindCount; ++k) {
        site.timing[k] = defaults[k];
        const QString key = toString(DeviceKind(k));
        if (!timing.contains(key))
            continue;
        const QString p = QStringLiteral("$.deviceTiming.") + key;
        const QJsonObject t = timing.value(key).toObject();
        site.timing[k].intervalS = rd.number(t, p, "intervalS", true, 0.05, 86400).value_or(defaults[k].intervalS);
        site.timing[k].silentAfterS = rd.number(t, p, "silentAfterS", true, 0.1, 86400).value_or(defaults[k].silentAfterS);
        if (site.timing[k].silentAfterS <= site.timing[k].intervalS)
            rd.error(p + QStringLiteral(".silentAfterS"), QStringLiteral("must be longer than intervalS"));
    }

    site.alarms = readAlarmSettings(rd, root.value(u"alarms"));
    {
        QStringList problems; // "path: why"; the reader adds the file
        if (!parseReminderSettings(root.value(u"reminders"), QStringLiteral("$.reminders"), site.reminders, problems))
            for (const QString& p : problems) {
                const qsizetype colon = p.indexOf(QStringLiteral(": "));
                rd.error(p.left(colon), p.mid(colon + 2));
            }
    }
    if (root.contains(u"bms")) {
        const QJsonObject o = root.value(u"bms").toObject();
        const QString p = QStringLiteral("$.bms");
        if (!root.value(u"bms").isObject()) {
            rd.error(p, QStringLiteral("must be an object"));
        } else {
            site.bms.device = rd.string(o, p, "device");
            site.bms.ackTimeoutS = int(rd.number(o, p, "ackTimeoutS", false, 1, 3600).value_or(site.bms.ackTimeoutS));
        }
    }
    if (root.contains(u"setpointRoles")) {
        const QJsonValue v = root.value(u"setpointRoles");
        site.setpointRoles.clear();
        if (!v.isArray())
            rd.error(QStringLiteral("$.setpointRoles"), QStringLiteral("must be a list of staff roles"));
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!a[i].isString() || a[i].toString().trimmed().isEmpty())
                rd.error(QStringLiteral("$.setpointRoles[%1]").arg(i), QStringLiteral("must be a non-empty string"));
            else
                site.setpointRoles << a[i].toString().trimmed();
        }
    }
    if (root.contains(u"climateRecord")) {
        const QJsonObject o = root.value(u"climateRecord").toObject();
        const QString p = QStringLiteral("$.climateRecord");
        if (!root.value(u"climateRecord").isObject()) {
            rd.error(p, QStringLiteral("must be an object"));
        } else {
            ClimateRetention& r = site.climateRecord;
            r.rawDays = int(rd.number(o, p, "rawDays", false, 1, 366).value_or(r.rawDays));
            r.minuteDays = int(rd.number(o, p, "minuteDays", false, 1, 3660).value_or(r.minuteDays));
            r.hourDays = int(rd.number(o, p, "hourDays", false, 1, 36600).value_or(r.hourDays));
            // Each tier is built from the one below: it must outlast it.
            if (r.minuteDays < r.rawDays)
                rd.error(p + QStringLiteral(".minuteDays"), QStringLiteral("must be at least rawDays (%1)").arg(r.rawDays));
            if (r.hourDays < r.minuteDays)
                rd.error(p + QStringLiteral(".hourDays"), QStringLiteral("must be at least minuteDays (%1)").arg(r.minuteDays));
        }
    }
    if (root.contains(u"positioning")) {
        const QJsonObject o = root.value(u"positioning").toObject();
        const QJsonValue v = o.value(u"bodyShadow");
        if (!root.value(u"positioning").isObject()) {
            rd.error(QStringLiteral("$.positioning"), QStringLiteral("must be an object"));
        } else {
            if (!v.isUndefined() && !v.isBool())
                rd.error(QStringLiteral("$.positioning.bodyShadow"), QStringLiteral("must be true or false"));
            else
                site.bodyShadow = v.toBool(false);
            site.centroidBlend = rd.number(o, QStringLiteral("$.positioning"), "centroidBlend", false, 0, 1).value_or(0);
            site.reorderWindowS = rd.number(o, QStringLiteral("$.positioning"), "reorderWindowS", false, 0, 600).value_or(2);
        }
    }
    if (root.contains(u"network")) {
        const QJsonValue v = root.value(u"network").toObject().value(u"allowClearText");
        if (!root.value(u"network").isObject())
            rd.error(QStringLiteral("$.network"), QStringLiteral("must be an object"));
        else if (!v.isUndefined() && !v.isBool())
            rd.error(QStringLiteral("$.network.allowClearText"), QStringLiteral("must be true or false"));
        else
            site.allowClearText = v.toBool(false);
    }
    // signing: the public keys of the stations and engines whose state (alarm, census, commands,
    // positions) is taken, and whether unsigned state is still taken (a migration).
    if (root.contains(u"signing")) {
        const QJsonValue sv = root.value(u"signing");
        const QJsonObject so = sv.toObject();
        if (!sv.isObject())
            rd.error(QStringLiteral("$.signing"), QStringLiteral("must be an object"));
        const QJsonValue unsignedOk = so.value(u"acceptUnsigned");
        if (!unsignedOk.isUndefined() && !unsignedOk.isBool())
            rd.error(QStringLiteral("$.signing.acceptUnsigned"), QStringLiteral("must be true or false"));
        else
            site.acceptUnsigned = unsignedOk.toBool(false);
        const QJsonValue keys = so.value(u"keys");
        if (!keys.isUndefined() && !keys.isObject())
            rd.error(QStringLiteral("$.signing.keys"), QStringLiteral("must be an object of station id: public key"));
        const QJsonObject ko = keys.toObject();
        for (auto it = ko.begin(); it != ko.end(); ++it) {
            const QString path = QStringLiteral("$.signing.keys.%1").arg(it.key());
            const auto decoded = QByteArray::fromBase64Encoding(it.value().toString().toLatin1(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            if (it.key().isEmpty())
                rd.error(path, QStringLiteral("the station id is empty"));
            else if (!it.value().isString() || !decoded || decoded.decoded.size() != 32)
                rd.error(path, QStringLiteral("must be a public key: base64 of 32 bytes (wardctl keygen prints it)"));
            else
                site.signingKeys.insert(it.key(), decoded.decoded);
        }
    }
    // A responder role nobody has is a typo that would hide every responder: name it.
    for (qsizetype i = 0; i < site.alarms.responderRoles.size(); ++i) {
        const QString& role = site.alarms.responderRoles[i];
        if (std::none_of(site.staff.begin(), site.staff.end(), [&](const StaffMember& s) { return s.role == role; }))
            rd.error(QStringLiteral("$.alarms.responders.roles[%1]").arg(i),
                     QStringLiteral("no staff member has the role \"%1\"").arg(role));
    }
    if (root.contains(u"geofences")) {
        rd.objects(root, rootPath, "geofences", [&](const QJsonObject& o, const QString& p) {
            Geofence g;
            g.id = rd.string(o, p, "id");
            g.name = rd.string(o, p, "name", false);
            if (g.name.isEmpty())
                g.name = g.id;
            const QString kind = rd.string(o, p, "kind");
            if (kind == u"exit")
                g.kind = GeofenceKind::Exit;
            else if (kind == u"restricted")
                g.kind = GeofenceKind::Restricted;
            else if (!kind.isEmpty())
                rd.error(p + QStringLiteral(".kind"), QStringLiteral("unknown geofence kind \"%1\" (exit, restricted)").arg(kind));
            g.floor = checkFloor(o, p);
            const QJsonArray poly = rd.array(o, p, "polygon");
            for (qsizetype i = 0; i < poly.size(); ++i)
                if (auto pt = rd.point(poly.at(i), p + QStringLiteral(".polygon[") + QString::number(i) + QChar(u']')))
                    g.polygon << *pt;
            if (poly.size() < 3)
                rd.error(p + QStringLiteral(".polygon"), QStringLiteral("needs at least 3 points"));
            site.geofences.push_back(g);
        });
    } else {
        // Made from the rooms: an exit room and the area within nearExitM of it; restricted rooms.
        const double m = site.alarms.nearExitM;
        for (const Room& r : site.rooms) {
            const QString kind = toString(r.kind);
            if (site.alarms.exitRoomKinds.contains(kind))
                site.geofences.push_back({r.id + QStringLiteral("-near"), r.name, GeofenceKind::Exit, r.floor,
                                          Polygon(r.polygon.boundingRect().adjusted(-m, -m, m, m))});
            else if (site.alarms.restrictedRoomKinds.contains(kind))
                site.geofences.push_back({r.id, r.name, GeofenceKind::Restricted, r.floor, r.polygon});
        }
    }

    if (site.floors.empty())
        rd.error(QStringLiteral("$.floors"), QStringLiteral("a site needs at least one floor"));
    if (!rd.errors().isEmpty())
        return {std::nullopt, rd.errors()};
    return {std::move(site), {}};
}

} // namespace ww
