#pragma once
// The simulated ward: people and equipment moving along corridors, their advertisements reaching
// gateways through a radio model that is deliberately not the positioning engine's own, vitals,
// room climate, fridges, events and devices that go silent. Deterministic for a given seed.
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "random.h"
#include "transport/topics.h"
#include "vitalsreplay.h"

#include <QJsonObject>
#include <functional>
#include <vector>

namespace ww::sim {

struct RadioModel
{
    // Log-distance with the figures measured on the Bogazici recordings (../shared/data/README.md).
    double rssiAt1m = -61.6;
    double exponent = 1.4;
    double wallLossDb = 4.0;          // per wall crossed
    double floorLossDb = 20.0;        // through one floor slab
    double noiseScaleDb = 3.3;        // Student t (nu = 4) scale: sd = 4.7 dB
    double shadowSdDb = 3.5;          // slowly varying body shadowing per tag
    double gatewayBiasSdDb = 2.0;     // fixed per gateway
    double sensitivityDbm = -98;
    double lossAt0 = 0.02, lossPerMetre = 0.012;
    // What the positioning engine's model does not have (all off here; hardRadio() turns them on):
    double pairShadowSdDb = 0;      // slow shadowing per tag and gateway (AR(1)): bodies, doors, trolleys
    double pairShadowTauS = 30;     // its time constant
    double receiverOffsetM = 0;     // each gateway hangs this far from where the site says, in its own direction
    double driftDbPerHourSd = 0;    // each gateway's level drifts by N(0, this) dB per hour
    // People's bodies: each patient or staff member (not the tag's own wearer) standing within
    // bodyRadiusM of the straight path from a tag to a gateway takes this much (at most three).
    double bodyLossDb = 0;
    double bodyRadiusM = 0.3;
    // Furniture: the path through a bed (1 x 2 m at each of the site's beds) loses bedLossDb; through
    // the shelf unit each room has (0.5 x 1.6 m, placed at random against one of its walls), shelfLossDb.
    double bedLossDb = 0;
    double shelfLossDb = 0;
};

// A radio harder than the engine's model (docs/simulator.md): shadowing per tag and gateway of 4 dB
// lasting about 30 s, adverts lost twice as fast with distance, gateways 1.5 m from their planned
// places, levels drifting by about 2 dB an hour, 3 dB per body in the way, 3 dB through a bed and
// 6 dB through a shelf unit.
[[nodiscard]] RadioModel hardRadio();

struct SimOptions
{
    quint64 seed = 1;
    int extraTags = 0;                // asset tags beyond the site's, for load
    double replaySpeed = 60;          // record minutes per simulated minute
    QString vitalsDir;                // PhysioNet records; empty or missing: synthetic vitals
    double eventRateScale = 1.0;      // multiplies panic, fall and silence rates
    bool demoScenario = false;        // scripted alarms for the demo (docs/simulator.md)
    RadioModel radio;
    // Gateways that die (power, network) at a simulated time: from then on they publish nothing,
    // neither adverts nor status, as a gateway whose cable was pulled.
    struct GatewayOff
    {
        QString gateway;
        double atS = 0;
    };
    std::vector<GatewayOff> gatewaysOff;
};

// "ID@SECONDS" (--gateway-off, WW_EVAL_GATEWAY_OFF); nullopt when malformed, the gateway not in
// the site or the time negative (error says which).
[[nodiscard]] std::optional<SimOptions::GatewayOff> parseGatewayOff(const QString& text, const Site& site, QString* error);

struct Outgoing
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
};

class WardSimulation
{
public:
    using Publish = std::function<void(Outgoing&&)>;
    WardSimulation(const Site& site, SimOptions options, qint64 startMs, Publish publish);

    void step(double dtS);            // advances simulated time and publishes what devices send
    // Where a room's temperature setpoint comes from (the simulated BMS, deviceanswers.h): a room
    // with one approaches it (time constant RoomFollowS of simulated time) instead of running freely.
    void setSetpoints(std::function<std::optional<double>(const QString& room, qint64 nowMs)> setpointOf)
    {
        m_setpointOf = std::move(setpointOf);
    }
    static constexpr double RoomFollowS = 180;
    void publishStatuses();           // retained device statuses (also done at start)
    [[nodiscard]] double simTimeS() const { return m_t; }
    [[nodiscard]] QJsonObject truthSummary() const; // the last values sent, true rooms, events
    [[nodiscard]] int tagCount() const { return int(m_tags.size()); }
    [[nodiscard]] bool replaying() const { return m_replaying; }
    // Each gateway's fixed level bias (dB), for evaluations that compare what an engine learnt.
    [[nodiscard]] const std::vector<double>& gatewayBias() const { return m_gatewayBias; }

private:
    enum class Role { Patient, Staff, Asset, Reference };
    struct Tag
    {
        QString id;
        Role role;
        int floor = 1;
        QPointF pos, home;
        QString homeRoom;
        std::vector<QPointF> path;    // waypoints still to walk
        double speed = 1.0;           // m/s
        double dwellUntil = 0;
        double nextAdv = 0, intervalS = 1;
        double shadow = 0;
        DeviceKind kind;
        double z = 1.2;  // height: tags are worn or carried; a gateway's beacon is at the gateway
        int gateway = -1; // the gateway it is (a gateway that advertises), which does not hear itself
    };
    struct Device
    {
        QString id;
        DeviceKind kind;
        quint32 boot = 1, seq = 0;
        double silentUntil = -1;
        int battery = 100;
        double next = 0;
    };
    struct Fridge
    {
        QString sensor;
        double temp = 5.0, doorUntil = -1, excursionUntil = -1;
        bool doorOpen = false;
    };

    void moveTags(double dtS);
    void planTrip(Tag& t);
    void advertise(double now);
    void flushGateways();
    void sendVitals(double now);
    void sendEnvironment(double now);
    void sendBeds(double now); // smart beds: occupied while their patient's tag is at the bed
    void raiseEvents(double dtS);
    void demoScenario(double previousT);
    void silenceDevices(double dtS);
    void sendTruth();
    [[nodiscard]] int wallsBetween(int floor, QPointF a, QPointF b) const;
    [[nodiscard]] QString roomAt(int floor, QPointF p) const;
    [[nodiscard]] qint64 nowMs() const { return m_startMs + qint64(m_t * 1000); }
    Device& device(const QString& id);
    bool silent(const QString& id);
    [[nodiscard]] bool gatewayOff(size_t gateway) const; // dead by SimOptions::gatewaysOff
    void event(const QString& deviceId, DeviceEventKind kind);

    const Site& m_site;
    SimOptions m_opt;
    qint64 m_startMs;
    Publish m_publish;
    Topics m_topics;
    Rng m_rng;
    std::function<std::optional<double>(const QString&, qint64)> m_setpointOf;
    QHash<QString, double> m_roomTemp; // rooms under a setpoint: their temperature now
    QHash<QString, double> m_doorOpenUntil; // isolation rooms whose door is open: until when (simulated s)
    Rng m_refRng; // reference beacons draw from their own stream: adding them leaves the rest of the world as it was
    // The hard radio's state (RadioModel): its own random numbers, so the default radio's stay as they were.
    Rng m_hardRng;
    std::vector<QPointF> m_gatewayAt;     // where each gateway really hangs
    std::vector<double> m_gatewayDriftPerS;
    std::vector<std::vector<std::pair<double, double>>> m_pairShadow; // per tag, per gateway: (value dB, at s)
    struct Furniture
    {
        int floor;
        QRectF box;
        double lossDb;
    };
    std::vector<Furniture> m_furniture; // beds and shelf units (RadioModel::bedLossDb, shelfLossDb)
    // The hard radio's losses on the path from tag ti to a gateway at `at` on the tag's floor.
    [[nodiscard]] double obstacleLossDb(size_t ti, QPointF at) const;
    double m_t = 0;
    QHash<QString, bool> m_bedOccupied; // by bed device: the last state sent
    double m_demoBedExitFrom = -1, m_demoBedExitUntil = -1;
    QString m_demoBedDevice;
    double m_nextGatewayFlush = 1, m_nextTruth = 0, m_nextStatus = 60;
    std::vector<Tag> m_tags;
    DeviceDirectory m_directory; // gateways of the site; tags in m_tags order
    std::vector<double> m_gatewayBias;
    std::vector<QVector<BeaconReport>> m_pending; // per gateway
    std::vector<Device> m_devices;
    QHash<QString, int> m_deviceIndex;
    std::vector<VitalsRecord> m_records;
    std::vector<VitalsSource> m_vitals; // per patient
    std::vector<Fridge> m_fridges;
    bool m_replaying = false;
    QJsonObject m_lastVitals, m_lastEnv;
    std::vector<QJsonObject> m_events;
};

} // namespace ww::sim
