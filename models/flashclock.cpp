#include "models/flashclock.h"

#include "models/alarmlistmodel.h"

namespace ww {

FlashClock::FlashClock(AlarmListModel& alarms, QObject* parent) : QObject(parent), m_alarms(alarms)
{
    m_since.start();
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // The time of the tick, rounded to its half period: every view reads the same phase.
        m_now = (m_since.elapsed() + HighHalfPeriodMs / 2) / HighHalfPeriodMs * HighHalfPeriodMs;
        Q_EMIT ticked();
    });
    connect(&alarms, &AlarmListModel::alarmsChanged, this, &FlashClock::update);
}

bool FlashClock::litAt(Priority p, qint64 ms)
{
    switch (p) {
    case Priority::High: return (ms / HighHalfPeriodMs) % 2 == 0;
    case Priority::Medium: return (ms / MediumHalfPeriodMs) % 2 == 0;
    default: return true;
    }
}

void FlashClock::setNow(qint64 ms)
{
    m_manual = true;
    m_timer.stop();
    m_now = ms;
    Q_EMIT ticked();
}

void FlashClock::update()
{
    bool flashing = false;
    for (int r = 0; r < m_alarms.rowCount() && !flashing; ++r) {
        const AlarmState* a = m_alarms.at(r);
        flashing = a->signalling() && a->priority != Priority::Low;
    }
    if (m_manual)
        return;
    if (flashing && !m_timer.isActive()) {
        // Starts lit, at a period's beginning: a new alarm shows at once.
        m_since.restart();
        m_now = 0;
        m_timer.start(int(HighHalfPeriodMs));
    } else if (!flashing) {
        m_timer.stop();
        m_now = 0;
    }
}

} // namespace ww
