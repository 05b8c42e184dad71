#pragma once
#include <QDateTime>
#include <atomic>
#include <chrono>

namespace ww {

// Injected wherever a rule depends on time, so tests run in simulated time.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual qint64 nowMs() const = 0; // UTC ms since the epoch
    // Monotonic ms from an arbitrary origin: what this station times its own waits by (escalation,
    // "no signal"), so that a step of the wall clock (NTP, an operator, a resumed VM) neither
    // delays an escalation nor silences or wakes every device.
    [[nodiscard]] virtual qint64 steadyMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    [[nodiscard]] qint64 steadyMs() const override
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }
};

// For tests: time moves only when told to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) : m_now(startMs) {}
    [[nodiscard]] qint64 nowMs() const override { return m_now.load(); }
    [[nodiscard]] qint64 steadyMs() const override { return m_steady.load(); }
    void advance(qint64 ms) // time passes: both clocks move
    {
        m_now += ms;
        m_steady += ms;
    }
    void set(qint64 ms) { m_now = ms; } // the wall clock is stepped: the steady clock does not move

private:
    std::atomic<qint64> m_now, m_steady{0};
};

} // namespace ww
