#pragma once
// Fakes for unit and UI tests only: what would leave the process (sound).
#include "alarms/alarmaudio.h"

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

} // namespace ww::test
