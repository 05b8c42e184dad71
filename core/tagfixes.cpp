#include "core/tagfixes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace ww {

TagFixes::TagFixes(const Site& site, const DeviceDirectory& directory)
    : m_directory(directory), m_engine(pos::engineForSite(site, {}, &directory)), m_lastReportMs(size_t(directory.tagCount()), 0),
      m_lastFixMs(size_t(directory.tagCount()), 0), m_tagMoved(size_t(directory.tagCount()), 0)
{
}

void TagFixes::add(const BeaconBatch& m)
{
    for (const auto& r : m.reports) {
        m_engine.addReport(r.tag, m.gateway, double(r.timeMs) / 1000.0, r.rssi, r.txPower);
        m_lastReportMs[size_t(r.tag)] = std::max(m_lastReportMs[size_t(r.tag)], r.timeMs);
        if (!m_tagMoved[size_t(r.tag)]) {
            m_tagMoved[size_t(r.tag)] = 1;
            m_movedTags.push_back(r.tag);
        }
    }
}

namespace {

constexpr auto MemoryFormat = "wardwatch-positioning-memory";
constexpr int MemoryVersion = 1;

} // namespace

QByteArray TagFixes::memoryJson(qint64 savedMs) const
{
    const pos::Engine::Memory m = m_engine.memory();
    const double savedS = double(savedMs) / 1000.0;
    QJsonArray receivers;
    for (const auto& l : m.levels)
        receivers.append(QJsonObject{{QStringLiteral("id"), l.receiver},
                                     {QStringLiteral("configured"), l.configured},
                                     {QStringLiteral("learnt"), l.learnt},
                                     {QStringLiteral("weight"), l.weight}});
    QJsonArray tags;
    for (const auto& t : m.tags) {
        if (t.tag < 0 || t.tag >= m_directory.tagCount())
            continue;
        QJsonArray rest;
        for (const auto& [receiver, mean, count] : t.restLevels)
            rest.append(QJsonArray{receiver, mean, count});
        QJsonObject o{{QStringLiteral("id"), m_directory.tagId(t.tag)},
                      {QStringLiteral("fixedAgoS"), std::max(0.0, savedS - t.fixedT)},
                      {QStringLiteral("floor"), t.floor},
                      {QStringLiteral("room"), t.room},
                      {QStringLiteral("noiseDb"), t.noiseDb},
                      {QStringLiteral("stillForS"), t.stillForS},
                      {QStringLiteral("restForS"), t.restForS},
                      {QStringLiteral("rest"), rest}};
        if (std::isfinite(t.x) && std::isfinite(t.y)) {
            o.insert(QStringLiteral("x"), t.x);
            o.insert(QStringLiteral("y"), t.y);
        }
        tags.append(o);
    }
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(MemoryFormat)},
                           {QStringLiteral("version"), MemoryVersion},
                           {QStringLiteral("savedMs"), double(savedMs)},
                           {QStringLiteral("commonShift"), m.commonShift},
                           {QStringLiteral("exponent"), m.exponent},
                           {QStringLiteral("receivers"), receivers},
                           {QStringLiteral("tags"), tags}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

namespace {

// A member that must be a number within [lo, hi] (absent: fallback); sets *error to its path.
double numberIn(const QJsonObject& o, const char* key, double lo, double hi, double fallback, const QString& path, QString* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble() || !(v.toDouble() >= lo && v.toDouble() <= hi)) {
        if (error->isEmpty())
            *error = QStringLiteral("%1.%2: not a number within [%3, %4]").arg(path, QLatin1String(key)).arg(lo).arg(hi);
        return fallback;
    }
    return v.toDouble();
}

// An array member (absent: empty); sets *error when it is something else.
QJsonArray arrayAt(const QJsonObject& o, const char* key, const QString& path, QString* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isUndefined() && !v.isArray() && error->isEmpty())
        *error = QStringLiteral("%1%2%3: not an array").arg(path, path.isEmpty() ? QString() : QStringLiteral("."), QLatin1String(key));
    return v.toArray();
}

} // namespace

TagFixes::Recalled TagFixes::recall(const QByteArray& json, qint64 nowMs, qint64 recallTagsWithinMs)
{
    Recalled out;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.error = QStringLiteral("not JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return out;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(MemoryFormat)) {
        out.error = QStringLiteral("format: not \"%1\"").arg(QLatin1String(MemoryFormat));
        return out;
    }
    if (const int version = root.value(QStringLiteral("version")).toInt(); version != MemoryVersion) {
        out.error = QStringLiteral("version: %1, this station reads %2").arg(version).arg(MemoryVersion);
        return out;
    }
    QString error;
    const double savedMs = numberIn(root, "savedMs", 0, 9e15, std::nan(""), QStringLiteral("$"), &error);
    if (!std::isfinite(savedMs) && error.isEmpty())
        error = QStringLiteral("$.savedMs: missing");
    // Everything is read and checked before anything is recalled: a bad entry leaves the engine
    // as it was, with the error's JSON path.
    pos::Engine::Memory m;
    m.commonShift = numberIn(root, "commonShift", -15, 15, 0, QStringLiteral("$"), &error);
    m.exponent = numberIn(root, "exponent", 0, 4, 0, QStringLiteral("$"), &error);
    const QJsonArray receivers = arrayAt(root, "receivers", {}, &error);
    QHash<QString, qsizetype> seen; // id -> its first entry: each receiver and tag once
    auto once = [&](const QString& id, const QString& path, qsizetype i) {
        if (const auto it = seen.constFind(id); it != seen.constEnd() && error.isEmpty())
            error = QStringLiteral("%1.id: \"%2\" given twice (also entry %3)").arg(path, id).arg(*it);
        seen.insert(id, i);
    };
    for (qsizetype i = 0; i < receivers.size() && error.isEmpty(); ++i) {
        const QString path = QStringLiteral("receivers[%1]").arg(i);
        const QJsonObject o = receivers[i].toObject();
        pos::Engine::Memory::Level l;
        l.receiver = o.value(QStringLiteral("id")).toString();
        if (l.receiver.isEmpty())
            error = path + QStringLiteral(".id: missing");
        once(l.receiver, path, i);
        l.configured = numberIn(o, "configured", -150, 30, std::nan(""), path, &error); // absent: skipped below
        l.learnt = numberIn(o, "learnt", -30, 30, std::nan(""), path, &error);
        l.weight = numberIn(o, "weight", 0, 1e9, std::nan(""), path, &error);
        if (error.isEmpty() && !(std::isfinite(l.learnt) && std::isfinite(l.weight)))
            error = path + QStringLiteral(": needs learnt and weight");
        m.levels.push_back(std::move(l)); // without its configured level: not taken (Engine::recall)
    }
    const QJsonArray tags = arrayAt(root, "tags", {}, &error);
    seen.clear();
    const double nowS = double(nowMs) / 1000.0, savedS = savedMs / 1000.0;
    for (qsizetype i = 0; i < tags.size() && error.isEmpty(); ++i) {
        const QString path = QStringLiteral("tags[%1]").arg(i);
        const QJsonObject o = tags[i].toObject();
        pos::Engine::Memory::Tag t;
        const QString id = o.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            error = path + QStringLiteral(".id: missing");
        once(id, path, i);
        t.tag = m_directory.tag(id.toStdString());
        const double floor = numberIn(o, "floor", -1000, 1000, std::nan(""), path, &error);
        if (error.isEmpty() && (!std::isfinite(floor) || floor != std::floor(floor)))
            error = path + QStringLiteral(".floor: not a whole number");
        t.floor = std::isfinite(floor) ? int(floor) : 0;
        t.fixedT = savedS - numberIn(o, "fixedAgoS", 0, 1e10, 0, path, &error);
        t.room = o.value(QStringLiteral("room")).toString();
        t.noiseDb = numberIn(o, "noiseDb", -1, 30, -1, path, &error);
        t.stillForS = numberIn(o, "stillForS", 0, 1e10, 0, path, &error);
        t.restForS = numberIn(o, "restForS", 0, 1e10, 0, path, &error);
        if (o.contains(QStringLiteral("x")) || o.contains(QStringLiteral("y"))) {
            t.x = numberIn(o, "x", -1e6, 1e6, std::nan(""), path, &error);
            t.y = numberIn(o, "y", -1e6, 1e6, std::nan(""), path, &error);
        }
        const QJsonArray rest = arrayAt(o, "rest", path, &error);
        for (qsizetype k = 0; k < rest.size() && error.isEmpty(); ++k) {
            const QJsonArray e = rest[k].toArray();
            if (e.size() != 3 || !e[0].isString() || !e[1].isDouble() || !e[2].isDouble() || !(e[1].toDouble() >= -150 && e[1].toDouble() <= 30) ||
                !(e[2].toDouble() >= 1 && e[2].toDouble() <= 1e6)) {
                error = path + QStringLiteral(".rest[%1]: expected [receiver id, mean dBm in [-150, 30], samples in [1, 1e6]]").arg(k);
                break;
            }
            t.restLevels.emplace_back(e[0].toString(), e[1].toDouble(), int(e[2].toDouble()));
        }
        if (!error.isEmpty())
            break;
        if (t.tag < 0) {
            ++out.skipped; // a tag the site no longer has
            continue;
        }
        // Last located too long before now, or after now (the clock went back): it has moved.
        if (nowS - t.fixedT > double(recallTagsWithinMs) / 1000.0 || t.fixedT > nowS + 60) {
            ++out.tooOld;
            continue;
        }
        m.tags.push_back(std::move(t));
    }
    if (!error.isEmpty()) {
        out = {};
        out.error = error;
        return out;
    }
    const int levels = int(m.levels.size()), taken = m_engine.recall(m);
    out.tags = int(m.tags.size());
    out.levels = taken - out.tags;
    out.skipped += levels - out.levels;
    return out;
}

QString TagFixes::saveMemory(const QString& path, qint64 savedMs) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(memoryJson(savedMs)) < 0 || !file.commit())
        return file.errorString();
    return {};
}

TagFixes::Recalled TagFixes::recallFile(const QString& path, qint64 nowMs)
{
    QFile file(path);
    if (!file.exists())
        return {};
    Recalled r;
    if (file.open(QIODevice::ReadOnly))
        r = recall(file.read(64 << 20), nowMs);
    else
        r.error = QStringLiteral("not read: ") + file.errorString();
    r.read = true;
    return r;
}

} // namespace ww
