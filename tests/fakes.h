#pragma once
// Fakes for unit and UI tests only: what would leave the process (sound); and builders of the
// messages the tests feed the core.
#include "alarms/alarmaudio.h"
#include "domain/messages.h"

#include <vector>

namespace ww::test {

// The sound device, recording what it was told to play.
class RecordingSound final : public AlarmSound
{
public:
    bool available() const override { return true; }
    void playBurst(Priority p) override { bursts.push_back(p); }
    void stop() override { ++stops; }
    std::vector<Priority> bursts;
    int stops = 0;
};

// A device event as the decoder hands it over.
inline DeviceEventMsg deviceEvent(const QString& deviceId, DeviceEventKind kind, qint64 deviceTimeMs, qint64 receiveTimeMs,
                                  quint32 boot, quint32 seq)
{
    DeviceEventMsg ev;
    ev.deviceId = deviceId;
    ev.deviceTimeMs = deviceTimeMs;
    ev.receiveTimeMs = receiveTimeMs;
    ev.boot = boot;
    ev.seq = seq;
    ev.kind = kind;
    return ev;
}

} // namespace ww::test
