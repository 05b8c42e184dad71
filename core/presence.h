#pragma once
// Who else is online: the other stations (tech.alone when none) and the positioning engines
// (their shares, tech.engine), from their retained presence messages, and which of them run a
// different site configuration (tech.site-hash).
#include "domain/messages.h"

#include <QHash>
#include <QStringList>

namespace ww {

class Presence
{
public:
    explicit Presence(QString siteHash) : m_siteHash(std::move(siteHash)) {}
    // This process's own ids: its own presence coming back is not another's.
    void setStationId(const QString& id) { m_stationId = id; }
    void setEngineId(const QString& id) { m_engineId = id; }
    [[nodiscard]] const QString& stationId() const { return m_stationId; }
    // Takes a presence message; true when the peers changed (one came, went or runs another site).
    bool apply(const StationPresenceMsg& m);

    [[nodiscard]] QStringList stations() const;   // other stations online
    [[nodiscard]] QStringList engines() const;    // other engines online, sorted
    [[nodiscard]] QStringList mismatched() const; // stations and engines with another site hash
    [[nodiscard]] bool alone() const { return m_stations.isEmpty(); }
    [[nodiscard]] bool noEngine() const { return m_engines.isEmpty(); }

private:
    QString m_siteHash, m_stationId, m_engineId;
    QHash<QString, StationPresenceMsg> m_stations, m_engines;
};

} // namespace ww
