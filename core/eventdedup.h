#pragma once
// Device events are sent at least once (QoS 1): the same press may arrive twice. A device's
// (boot, seq) names one event; a reboot starts a new boot, so a new press after a restart is never
// mistaken for a duplicate. The filter keeps the last Window keys per device.
#include "domain/messages.h"

#include <QString>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace ww {

class EventDedup
{
public:
    static constexpr size_t Window = 1024;

    // True the first time an event is seen (and remembers it), false for a repeat.
    bool first(const DeviceEventMsg& m)
    {
        Seen& w = m_devices[m.deviceId];
        const quint64 key = (quint64(m.boot) << 32) | m.seq;
        if (!w.keys.insert(key).second)
            return false;
        w.order.push_back(key);
        if (w.order.size() > Window) {
            w.keys.erase(w.order.front());
            w.order.pop_front();
        }
        return true;
    }

private:
    struct Seen
    {
        std::unordered_set<quint64> keys;
        std::deque<quint64> order;
    };
    std::unordered_map<QString, Seen> m_devices;
};

} // namespace ww
