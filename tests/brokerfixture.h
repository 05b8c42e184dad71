#pragma once
// Helpers for tests that talk to a real mosquitto: the ctest fixture's broker, or a private one.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

namespace ww::test {

// The port of the broker started by the ctest fixture (scripts/broker start WW_BROKER_DIR).
inline int fixtureBrokerPort()
{
    QFile f(QStringLiteral(WW_BROKER_DIR "/port"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toInt();
}

// A broker of the test's own, which it may stop and restart on the same port.
class PrivateBroker
{
public:
    explicit PrivateBroker(QString dir) : m_dir(std::move(dir)) {}
    ~PrivateBroker() { stop(); }
    int start()
    {
        QProcess p;
        p.start(QStringLiteral(WW_SOURCE_DIR "/scripts/broker"), {QStringLiteral("start"), m_dir});
        p.waitForFinished(20000);
        m_port = p.readAllStandardOutput().trimmed().toInt();
        return m_port;
    }
    void stop()
    {
        QProcess::execute(QStringLiteral(WW_SOURCE_DIR "/scripts/broker"), {QStringLiteral("stop"), m_dir});
        if (m_restarted) {
            m_restarted->kill();
            m_restarted->waitForFinished();
            m_restarted.reset();
        }
    }
    bool restartSamePort()
    {
        m_restarted = std::make_unique<QProcess>();
        m_restarted->start(QStringLiteral("mosquitto"), {QStringLiteral("-c"), m_dir + QStringLiteral("/mosquitto.conf")});
        return m_restarted->waitForStarted();
    }
    [[nodiscard]] int port() const { return m_port; }

private:
    QString m_dir;
    int m_port = 0;
    std::unique_ptr<QProcess> m_restarted;
};

} // namespace ww::test
