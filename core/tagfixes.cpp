#include "core/tagfixes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    QJsonArray receivers;
    for (const auto& l : m.levels)
        receivers.append(QJsonObject{{QStringLiteral("id"), l.receiver}, {QStringLiteral("learnt"), l.learnt}, {QStringLiteral("weight"), l.weight}});
    QJsonArray tags;
    for (const auto& t : m.tags) {
        if (t.tag < 0 || t.tag >= m_directory.tagCount())
            continue;
        QJsonArray rest;
        for (const auto& [receiver, mean, count] : t.restLevels)
            rest.append(QJsonArray{receiver, mean, count});
        QJsonObject o{{QStringLiteral("id"), m_directory.tagId(t.tag)},
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
    const QJsonValue saved = root.value(QStringLiteral("savedMs"));
    if (!saved.isDouble()) {
        out.error = QStringLiteral("savedMs: not a number");
        return out;
    }
    auto number = [](const QJsonObject& o, const char* key, double fallback, bool* ok) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            *ok = false;
        return v.toDouble();
    };
    // Everything is read and checked before anything is recalled: a bad entry leaves the engine
    // as it was, with the error's JSON path.
    pos::Engine::Memory m;
    bool ok = true;
    m.commonShift = number(root, "commonShift", 0, &ok);
    m.exponent = number(root, "exponent", 0, &ok);
    if (!ok) {
        out.error = QStringLiteral("commonShift or exponent: not a number");
        return out;
    }
    const QJsonArray receivers = root.value(QStringLiteral("receivers")).toArray();
    for (qsizetype i = 0; i < receivers.size(); ++i) {
        const QJsonObject o = receivers[i].toObject();
        pos::Engine::Memory::Level l;
        l.receiver = o.value(QStringLiteral("id")).toString();
        l.learnt = number(o, "learnt", std::nan(""), &ok);
        l.weight = number(o, "weight", std::nan(""), &ok);
        if (!ok || l.receiver.isEmpty() || !std::isfinite(l.learnt) || !std::isfinite(l.weight) || l.weight < 0) {
            out.error = QStringLiteral("receivers[%1]: needs an id, a learnt level and a weight >= 0").arg(i);
            return out;
        }
        m.levels.push_back(std::move(l));
    }
    out.tooOld = nowMs - qint64(saved.toDouble()) > recallTagsWithinMs || nowMs < qint64(saved.toDouble()) - 60'000;
    const QJsonArray tags = root.value(QStringLiteral("tags")).toArray();
    for (qsizetype i = 0; i < tags.size() && !out.tooOld; ++i) {
        const QJsonObject o = tags[i].toObject();
        const QString path = QStringLiteral("tags[%1]").arg(i);
        pos::Engine::Memory::Tag t;
        t.tag = m_directory.tag(o.value(QStringLiteral("id")).toString().toStdString());
        const QJsonValue floor = o.value(QStringLiteral("floor"));
        t.room = o.value(QStringLiteral("room")).toString();
        t.noiseDb = number(o, "noiseDb", -1, &ok);
        t.stillForS = number(o, "stillForS", 0, &ok);
        t.restForS = number(o, "restForS", 0, &ok);
        if (o.contains(QStringLiteral("x")) || o.contains(QStringLiteral("y"))) {
            t.x = number(o, "x", std::nan(""), &ok);
            t.y = number(o, "y", std::nan(""), &ok);
        }
        if (!ok || !floor.isDouble() || t.stillForS < 0 || t.restForS < 0) {
            out.error = path + QStringLiteral(": floor, noiseDb, stillForS, restForS, x and y must be numbers (times >= 0)");
            return out;
        }
        t.floor = floor.toInt();
        const QJsonArray rest = o.value(QStringLiteral("rest")).toArray();
        for (qsizetype k = 0; k < rest.size(); ++k) {
            const QJsonArray e = rest[k].toArray();
            if (e.size() != 3 || !e[0].isString() || !e[1].isDouble() || !e[2].isDouble() || !std::isfinite(e[1].toDouble()) ||
                e[2].toDouble() < 1 || e[2].toDouble() > 1e9) {
                out.error = path + QStringLiteral(".rest[%1]: expected [receiver id, mean dBm, samples >= 1]").arg(k);
                return out;
            }
            t.restLevels.emplace_back(e[0].toString(), e[1].toDouble(), int(e[2].toDouble()));
        }
        if (t.tag < 0) {
            ++out.skipped; // a tag no longer on the site
            continue;
        }
        m.tags.push_back(std::move(t));
    }
    const int levels = int(m.levels.size()), taken = m_engine.recall(m);
    out.tags = int(m.tags.size());
    out.levels = taken - out.tags;
    out.skipped += levels - out.levels;
    return out;
}

} // namespace ww
