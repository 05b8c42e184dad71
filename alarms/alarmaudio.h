#pragma once
// Audible alarm signalling (IEC 60601-1-8): the highest priority among alarms that signal and are
// not acknowledged sounds, in bursts repeated per priority. AUDIO PAUSED is timed and applies to
// the alarms signalling when it was pressed: a new alarm sounds normally. The sound device is
// injected (Qt Multimedia in the app, a recording fake in tests); none available is reported.
#include "domain/alarmtypes.h"
#include "domain/clock.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace ww {

class AlarmSound
{
public:
    virtual ~AlarmSound() = default;
    [[nodiscard]] virtual bool available() const = 0;
    virtual void playBurst(Priority p) = 0; // high: 10 pulses, medium: 3, low: 1 (alarms/tones)
    virtual void stop() = 0;
};

class AlarmAudio
{
public:
    AlarmAudio(AlarmSound& sound, const Clock& clock, int pauseS);

    void update(const AlarmState& alarm); // every change from the engine
    void pause();                         // AUDIO PAUSED for pauseS
    void tick();                          // about 4 times a second
    [[nodiscard]] bool paused() const;
    [[nodiscard]] qint64 pauseRemainingMs() const;
    [[nodiscard]] std::optional<Priority> sounding() const { return m_sounding; }
    [[nodiscard]] int pauseS() const { return m_pauseS; }

    // Repeat intervals of the bursts (within the standard's ranges): high 5 s, medium 10 s, low once.
    static constexpr qint64 RepeatHighMs = 5000, RepeatMediumMs = 10000;

private:
    struct Entry
    {
        Priority priority;
        bool signalling;
    };
    AlarmSound& m_sound;
    const Clock& m_clock;
    int m_pauseS;
    QHash<QString, Entry> m_alarms;
    QSet<QString> m_pausedIds;
    QSet<QString> m_lowPlayed;
    qint64 m_pausedUntilMs = 0;
    qint64 m_lastBurstMs = 0;
    std::optional<Priority> m_sounding;
};

} // namespace ww
