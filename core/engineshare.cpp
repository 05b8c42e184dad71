#include "core/engineshare.h"

#include <algorithm>

namespace ww {

namespace {

// FNV-1a over the engine's and the tag's ids, then a 64-bit finaliser (splitmix64): every engine
// and every tag's pair scores independently, the same in every process and on every platform.
quint64 score(const QString& engineId, const QString& tagId)
{
    quint64 h = 1469598103934665603ULL;
    auto mix = [&h](const QString& s) {
        for (const QChar c : s) {
            h ^= c.unicode();
            h *= 1099511628211ULL;
        }
        h ^= 0x1f;
        h *= 1099511628211ULL;
    };
    mix(engineId);
    mix(tagId);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

} // namespace

QString EngineShare::ownerOf(const QString& tagId, const QStringList& engines)
{
    QString best;
    quint64 bestScore = 0;
    for (const QString& e : engines) {
        const quint64 s = score(e, tagId);
        if (best.isEmpty() || s > bestScore || (s == bestScore && e < best)) {
            best = e;
            bestScore = s;
        }
    }
    return best;
}

void EngineShare::enable(const QString& engineId)
{
    m_engineId = engineId;
    m_engines.clear();
    setPeers({});
}

bool EngineShare::setPeers(const QStringList& peers)
{
    if (m_engineId.isEmpty())
        return false;
    QStringList engines{m_engineId};
    for (const QString& p : peers)
        if (p != m_engineId)
            engines << p;
    std::sort(engines.begin(), engines.end());
    m_owned.assign(m_tagIds.size(), 0);
    m_ownedCount = 0;
    for (size_t t = 0; t < m_tagIds.size(); ++t)
        if (ownerOf(m_tagIds[t], engines) == m_engineId) {
            m_owned[t] = 1;
            ++m_ownedCount;
        }
    const bool changed = engines != m_engines;
    m_engines = engines;
    return changed;
}

} // namespace ww
