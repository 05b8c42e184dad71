#include "core/presence.h"

namespace ww {

bool Presence::apply(const StationPresenceMsg& m)
{
    // A positioning engine is not a station: it neither keeps a station company nor shows alarms,
    // but it must run the same site and it owns tags.
    if (m.engine ? m.stationId == m_engineId : m.stationId == m_stationId)
        return false;
    auto& peers = m.engine ? m_engines : m_stations;
    if (m.online)
        peers.insert(m.stationId, m);
    else
        peers.remove(m.stationId);
    return true;
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
