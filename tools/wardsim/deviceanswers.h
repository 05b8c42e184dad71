#pragma once
// How the simulated ward's people answer the station: a badge that is called (BadgeBuzz on
// cmd/{badge}) says at once that it received the call and, a few seconds later, that its wearer
// accepted it (CommandAck on cmdack/{badge}); a wristband or badge told that help is coming says
// it received it. The site's building-management system (bms.device) takes a room's climate
// setpoint: received at once, then accepted a second later (declined for a room it does not serve
// or a temperature outside its plant's 18-26 °C), after which the simulated room follows it
// (setpointOf). Like a real device holding the site's keys, each checks a command's signature
// first (transport/signing.h): a command not signed by a station the site lists (unless the site
// takes unsigned state), or replayed, is ignored and counted (refused()). Thread-safe: commands
// arrive on the MQTT thread, answers go out from the simulation's loop (due()).
#include "domain/site.h"
#include "transport/signing.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <atomic>
#include <mutex>
#include <vector>

namespace ww::sim {

struct Answer
{
    QString topic;
    QByteArray payload;
};

class DeviceAnswers
{
public:
    DeviceAnswers(const Site& site, qint64 acceptAfterMs = 3000);
    // A message on cmd/{device}: remembered when it is for one of the site's badges or wristbands.
    void onCommand(const QString& device, std::span<const std::byte> payload, qint64 nowMs);
    // The answers due by nowMs, in order.
    [[nodiscard]] std::vector<Answer> due(qint64 nowMs);
    // The temperature setpoint the BMS applies to a room by nowMs (none: the room runs freely).
    [[nodiscard]] std::optional<double> setpointOf(const QString& roomId, qint64 nowMs);
    static constexpr double PlantMinC = 18, PlantMaxC = 26;
    // Commands ignored for their signature, and why the last was.
    [[nodiscard]] quint64 refused() const { return m_refused.load(); }
    [[nodiscard]] QString lastRefusal();

private:
    struct Pending
    {
        qint64 atMs;
        CommandAckMsg ack;
    };
    Topics m_topics;
    SignatureCheck m_signatures;
    std::atomic<quint64> m_refused{0};
    QString m_lastRefusal;
    QSet<QString> m_badges, m_wearables;
    qint64 m_acceptAfterMs;
    std::mutex m_mutex;
    std::vector<Pending> m_pending;
    QSet<QString> m_seen; // command ids answered: repeats (two stations, QoS 1 redelivery) once
    const Site& m_site;
    QString m_bms;
    QHash<QString, std::pair<qint64, double>> m_setpoints; // room -> (applied from, temperature)
};

} // namespace ww::sim
