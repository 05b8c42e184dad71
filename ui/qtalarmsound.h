#pragma once
// The alarm sound device through Qt Multimedia: bursts of pulses per priority (high 10, medium 3,
// low 1), generated once as WAV data. No audio output is reported as unavailable.
#include "alarms/alarmaudio.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class QSoundEffect;

namespace ww {

class QtAlarmSound final : public QObject, public AlarmSound
{
    Q_OBJECT
public:
    explicit QtAlarmSound(QObject* parent = nullptr);
    ~QtAlarmSound() override;
    bool available() const override;
    void playBurst(Priority p) override;
    void stop() override;

private:
    QTemporaryDir m_dir;
    QSoundEffect* m_effects[3] = {};
    bool m_available = false;
};

} // namespace ww
