// Positioning engines (wardwatch --engine) and the stations they serve: which engine owns which
// tag, and which fixes this core computes. docs/operations.md, "Positioning engines".
#include "models/wardcore.h"

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

QString WardCore::ownerOf(const QString& tagId, const QStringList& engines)
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

void WardCore::enableEngine(const QString& engineId, std::function<void(const PositionMsg&)> publish)
{
    m_engineId = engineId;
    m_publishPosition = std::move(publish);
    m_positionSource = PositionSource::Own;
    updateOwnership();
}

void WardCore::updateOwnership()
{
    if (m_engineId.isEmpty())
        return;
    QStringList engines{m_engineId};
    for (auto it = m_enginePeers.cbegin(); it != m_enginePeers.cend(); ++it)
        if (it.key() != m_engineId)
            engines << it.key();
    std::sort(engines.begin(), engines.end());
    m_owned.assign(m_tagIds.size(), 0);
    int owned = 0;
    for (size_t t = 0; t < m_tagIds.size(); ++t)
        if (ownerOf(m_tagIds[t], engines) == m_engineId) {
            m_owned[t] = 1;
            ++owned;
        }
    const bool changed = engines != m_engines;
    m_engines = engines;
    if (changed)
        Q_EMIT enginesChanged(m_engines, owned);
}

bool WardCore::computesFix(int tag) const
{
    if (m_positionSource == PositionSource::Engines)
        return false;
    return m_engineId.isEmpty() || ownsTag(tag);
}

} // namespace ww
