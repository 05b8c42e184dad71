#include "alarms/alarmaudio.h"

namespace ww {

AlarmAudio::AlarmAudio(AlarmSound& sound, const Clock& clock, int pauseS) : m_sound(sound), m_clock(clock), m_pauseS(pauseS) {}

void AlarmAudio::update(const AlarmState& a)
{
    if (a.closed() || !a.signalling()) {
        m_alarms.remove(a.id);
        m_pausedIds.remove(a.id);
        m_lowPlayed.remove(a.id);
    } else {
        m_alarms.insert(a.id, Entry{a.priority, true});
    }
    tick();
}

void AlarmAudio::pause()
{
    m_pausedUntilMs = m_clock.steadyMs() + qint64(m_pauseS) * 1000; // steady: a clock step never lengthens it
    m_pausedIds.clear();
    for (auto it = m_alarms.cbegin(); it != m_alarms.cend(); ++it)
        m_pausedIds.insert(it.key());
    tick();
}

bool AlarmAudio::paused() const
{
    return m_pausedUntilMs > m_clock.steadyMs();
}

qint64 AlarmAudio::pauseRemainingMs() const
{
    return std::max<qint64>(0, m_pausedUntilMs - m_clock.steadyMs());
}

void AlarmAudio::tick()
{
    const qint64 now = m_clock.steadyMs();
    if (m_pausedUntilMs != 0 && now >= m_pausedUntilMs) {
        m_pausedUntilMs = 0;
        m_pausedIds.clear();
    }
    std::optional<Priority> top;
    QString newLow;
    for (auto it = m_alarms.cbegin(); it != m_alarms.cend(); ++it) {
        if (m_pausedIds.contains(it.key()))
            continue;
        if (!top || it->priority > *top)
            top = it->priority;
        if (it->priority == Priority::Low && !m_lowPlayed.contains(it.key()))
            newLow = it.key();
    }
    if (!top) {
        if (m_sounding)
            m_sound.stop();
        m_sounding.reset();
        return;
    }
    if (*top == Priority::Low) {
        // Low: one burst per new alarm, no repeat.
        if (m_sounding && *m_sounding != Priority::Low)
            m_sound.stop();
        m_sounding = Priority::Low;
        if (!newLow.isEmpty()) {
            for (auto it = m_alarms.cbegin(); it != m_alarms.cend(); ++it)
                if (it->priority == Priority::Low)
                    m_lowPlayed.insert(it.key());
            m_sound.playBurst(Priority::Low);
            m_lastBurstMs = now;
        }
        return;
    }
    const qint64 repeat = *top == Priority::High ? RepeatHighMs : RepeatMediumMs;
    if (!m_sounding || *m_sounding != *top || now - m_lastBurstMs >= repeat) {
        m_sounding = *top;
        m_sound.playBurst(*top);
        m_lastBurstMs = now;
    }
}

} // namespace ww
