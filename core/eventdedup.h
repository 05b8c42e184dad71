#pragma once
// Device events are sent at least once (QoS 1): the same press may arrive twice. A device's
// (boot, seq) names one event; a reboot starts a new boot, so a new press after a restart is never
// mistaken for a duplicate. The filter keeps the last Window keys per device.
//
// Sequence numbers also show what never arrived: seq counts from 1 in each boot, so a jump past
// the highest seen (or a new boot starting above 1) leaves numbers missing. A missing event may yet
// arrive late (reordered, redelivered after a reconnect) and fill its place; one still missing
// after a grace period is lost (a broker that died before saving it) and is reported once.
#include "domain/messages.h"

#include <QString>
#include <algorithm>
#include <deque>
#include <numeric>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ww {

class EventDedup
{
public:
    static constexpr size_t Window = 1024;
    // Missing numbers kept per device; a jump larger than this is counted lost at once.
    static constexpr size_t MaxMissing = 4096;

    struct Lost
    {
        QString deviceId;
        quint32 boot = 0;
        quint32 firstSeq = 0, lastSeq = 0; // the range the lost numbers span
        quint64 count = 0;
    };

    // True the first time an event is seen (and remembers it), false for a repeat. steadyMs: when
    // it arrived, for the grace of the numbers it shows missing.
    bool first(const DeviceEventMsg& m, qint64 steadyMs = 0)
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
        track(m.deviceId, w, m.boot, m.seq, steadyMs);
        return true;
    }

    // The numbers missing for longer than graceMs, taken as lost: one entry per device and boot.
    std::vector<Lost> takeLost(qint64 steadyMs, qint64 graceMs)
    {
        std::vector<Lost> out;
        for (auto& [device, w] : m_devices) {
            for (auto it = w.missing.begin(); it != w.missing.end();) {
                if (steadyMs - it->second < graceMs) {
                    ++it;
                    continue;
                }
                const quint32 boot = quint32(it->first >> 32), seq = quint32(it->first & 0xffffffffu);
                if (out.empty() || out.back().deviceId != device || out.back().boot != boot)
                    out.push_back(Lost{device, boot, seq, seq, 0});
                out.back().lastSeq = seq;
                ++out.back().count;
                it = w.missing.erase(it);
            }
            if (w.overflow) {
                out.push_back(Lost{device, w.boot, w.overflowFrom, w.overflowTo, w.overflow});
                w.overflow = 0;
            }
        }
        m_lost += std::accumulate(out.begin(), out.end(), quint64(0), [](quint64 n, const Lost& l) { return n + l.count; });
        return out;
    }

    [[nodiscard]] quint64 lostCount() const { return m_lost; } // events reported lost so far
    [[nodiscard]] size_t missingNow() const
    {
        size_t n = 0;
        for (const auto& [device, w] : m_devices)
            n += w.missing.size();
        return n;
    }

private:
    struct Seen
    {
        std::unordered_set<quint64> keys;
        std::deque<quint64> order;
        bool known = false; // the first event since this station started sets where counting begins
        quint32 boot = 0, high = 0;
        std::map<quint64, qint64> missing; // (boot, seq) -> steady ms when it was first missed
        quint64 overflow = 0;              // missing beyond MaxMissing: lost at once
        quint32 overflowFrom = 0, overflowTo = 0;
    };

    void miss(Seen& w, quint32 boot, quint32 from, quint32 to, qint64 steadyMs)
    {
        for (quint64 s = from; s <= to; ++s) {
            if (w.missing.size() >= MaxMissing) {
                if (!w.overflow)
                    w.overflowFrom = quint32(s);
                w.overflow += to - s + 1;
                w.overflowTo = to;
                return;
            }
            w.missing.emplace((quint64(boot) << 32) | s, steadyMs);
        }
    }

    void track(const QString&, Seen& w, quint32 boot, quint32 seq, qint64 steadyMs)
    {
        w.missing.erase((quint64(boot) << 32) | seq); // a late one fills its place
        if (!w.known) {
            w.known = true;
            w.boot = boot;
            w.high = seq;
        } else if (boot == w.boot) {
            if (seq > w.high + 1)
                miss(w, boot, w.high + 1, seq - 1, steadyMs);
            w.high = std::max(w.high, seq);
        } else if (boot > w.boot) { // a restart of the device: its new boot counts from 1
            if (seq > 1)
                miss(w, boot, 1, seq - 1, steadyMs);
            w.boot = boot;
            w.high = seq;
        }
    }

    std::unordered_map<QString, Seen> m_devices;
    quint64 m_lost = 0;
};

} // namespace ww
