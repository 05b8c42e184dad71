#include "core/presence.h"

namespace ww {

bool Presence::apply(const StationPresenceMsg& m)
{
    // A positioning engine is not a station: it neither keeps a station company nor shows alarms,
    // but it must run the same site and it owns tags.
    if (m.engine ? m.stationId == m_engineId : m.stationId == m_stationId)
        return false;
    // Stations re-announce themselves every second (StationCore's broker watch): only a new peer,
    // a peer gone or a different site counts as a change.
    auto& peers = m.engine ? m_engines : m_stations;
    if (!m.online)
        return peers.remove(m.stationId) > 0;
    const auto it = peers.constFind(m.stationId);
    const bool changed = it == peers.cend() || it->siteHash != m.siteHash;
    peers.insert(m.stationId, m);
    return changed;
}

QStringList Presence::stations() const
{
    QStringList out;
    for (const auto& s : m_stations)
        out << s.stationId;
    return out;
}

QStringList Presence::engines() const
{
    QStringList out = m_engines.keys();
    out.sort();
    return out;
}

QStringList Presence::mismatched() const
{
    QStringList out;
    for (const auto& s : m_stations)
        if (s.siteHash != m_siteHash)
            out << s.stationId;
    for (const auto& e : m_engines)
        if (e.siteHash != m_siteHash)
            out << e.stationId;
    return out;
}

} // namespace ww
