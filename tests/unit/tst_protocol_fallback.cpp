// MQTT 5 -> 3.1.1 fallback, against a fake broker that speaks just enough MQTT to refuse MQTT 5
// (CONNACK reason 0x84, unsupported protocol version) and accept 3.1.1. A fake, so a unit test:
// mosquitto itself accepts both versions and cannot show the fallback.
#include "transport/mqttclient.h"

#include <QTest>
#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace ww;

namespace {

class FakeOldBroker
{
public:
    FakeOldBroker()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        ::listen(m_listen, 4);
        m_thread = std::thread([this] { serve(); });
    }
    ~FakeOldBroker()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_thread.join();
        for (int fd : m_clients)
            ::close(fd);
    }
    [[nodiscard]] int port() const { return m_port; }
    std::atomic<int> refusedV5{0}, acceptedV311{0};

private:
    void serve()
    {
        while (!m_stop) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            unsigned char buf[512];
            const ssize_t n = ::read(fd, buf, sizeof buf);
            // CONNECT: fixed header, remaining length (1 byte here), 00 04 'M' 'Q' 'T' 'T', level.
            if (n < 9 || buf[0] != 0x10) {
                ::close(fd);
                continue;
            }
            const unsigned char level = buf[8];
            if (level == 5) {
                const unsigned char connack[] = {0x20, 0x03, 0x00, 0x84, 0x00};
                (void)!::write(fd, connack, sizeof connack);
                ++refusedV5;
                ::close(fd);
            } else {
                const unsigned char connack[] = {0x20, 0x02, 0x00, 0x00};
                (void)!::write(fd, connack, sizeof connack);
                ++acceptedV311;
                m_clients.push_back(fd); // keep it open: the client stays connected
            }
        }
    }
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::vector<int> m_clients;
};

} // namespace

class TestProtocolFallback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fallsBackToMqtt311()
    {
        FakeOldBroker broker;
        MqttSettings s;
        s.port = broker.port();
        s.reconnectMinMs = 50;
        s.keepAliveS = 60;
        MqttClient client(s);
        QCOMPARE(client.protocolInUse(), 5);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(client.state()), int(MqttState::Connected), 5000);
        QCOMPARE(client.protocolInUse(), 4);
        QCOMPARE(broker.refusedV5.load(), 1);
        QCOMPARE(broker.acceptedV311.load(), 1);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestProtocolFallback)
#include "tst_protocol_fallback.moc"
