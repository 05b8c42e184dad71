#pragma once
// The one clock every flashing alarm indicator follows (IEC 60601-1-8 visual signals,
// ../shared/REFERENCE.md): high priority at 2 Hz and medium at 0.667 Hz, both 50 % on; low
// priority steady. The banner and the floor plan read lit() from it, so that what flashes on the
// plan blinks together with the banner. It ticks only while an alarm flashes (every 250 ms, the
// half period of high priority; medium changes on every third tick).
#include "domain/alarmtypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ww {

class AlarmListModel;

class FlashClock : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 HighHalfPeriodMs = 250;   // 2 Hz, 50 % on
    static constexpr qint64 MediumHalfPeriodMs = 750; // 0.667 Hz, 50 % on

    // Runs while `alarms` has a high or medium alarm signalling.
    explicit FlashClock(AlarmListModel& alarms, QObject* parent = nullptr);

    // Whether a flashing indicator of this priority is lit at the clock's time `ms`: lit during the
    // first half of each period (low priority: always).
    [[nodiscard]] static bool litAt(Priority p, qint64 ms);
    [[nodiscard]] bool lit(Priority p) const { return litAt(p, m_now); }
    [[nodiscard]] qint64 now() const { return m_now; }
    [[nodiscard]] bool running() const { return m_timer.isActive(); }

    // Tests and benchmarks: sets the clock's time; the clock stops ticking by itself from then on.
    void setNow(qint64 ms);

Q_SIGNALS:
    void ticked(); // the lit state of some priority may have changed

private:
    void update();
    AlarmListModel& m_alarms;
    QElapsedTimer m_since;
    QTimer m_timer;
    qint64 m_now = 0;
    bool m_manual = false;
};

} // namespace ww
