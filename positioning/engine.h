#pragma once
// The embedded positioning engine (DESIGN.md "Positioning engine"): per tag and gateway a short
// window with an outlier-robust level, a log-distance model per gateway, weighted non-linear least
// squares in the dB domain started from a weighted centroid, a constant-velocity Kalman filter that
// bounds walking speed, walls that reject impossible moves, floor and room with hysteresis, and
// "unknown, because ..." when the evidence is too weak. Causal and deterministic: a fix at time t
// uses only the reports added up to t, in the order they were added.
#include <QLineF>
#include <QPolygonF>
#include <QString>
#include <deque>
#include <optional>
#include <vector>

namespace ww::pos {

struct Receiver
{
    QString id;
    double x = 0, y = 0, z = 2.5;
    int floor = 0;
    double rssiAt1m = -59; // dBm at 1 m for a tag of txRef dBm
    double exponent = 2.0;
};

struct RoomShape
{
    QString id;
    int floor = 0;
    QPolygonF polygon;
};

struct WallShape
{
    int floor = 0;
    QLineF line;
};

struct EngineConfig
{
    double tagHeightM = 1.2;
    double windowS = 2.5;        // RSSI window per tag and gateway
    double sigmaDb = 6.0;        // shadowing, for weights and covariance
    double maxSpeedMps = 2.0;    // walking, with margin
    double accelNoise = 0.6;     // m/s^2, process noise of the constant-velocity filter
    int maxGateways = 8;         // strongest gateways used per fix
    double weakDbm = -97;        // a fix whose strongest gateway is weaker than this is "unknown"
    double roomSwitchS = 2.0;    // a new room must hold this long before the tag is moved there
    double floorMarginDb = 6.0;  // another floor must be this much stronger to switch floors
    double txRef = 0;            // tx power the gateway models assume (0: ignore tx power)
};

struct Fix
{
    double t = 0;
    double x = 0, y = 0;
    int floor = 0;
    QString room;           // empty: unknown (see unknownReason) or no rooms configured
    QString unknownReason;
    double accuracyM = 0;   // radius of the 68 % circle
    double confidence = 0;  // 0..1
    int gatewaysUsed = 0;
};

class Engine
{
public:
    Engine(std::vector<Receiver> receivers, EngineConfig config, std::vector<RoomShape> rooms = {},
           std::vector<WallShape> walls = {});

    // Tags are numbered by the caller, 0..n-1; the engine grows as new numbers appear.
    void addReport(int tag, int receiver, double tS, double rssi, double txPower = 0);
    // The tag's position at time tS from the reports added so far; nullopt when nothing recent.
    std::optional<Fix> update(int tag, double tS);

    [[nodiscard]] const std::vector<Receiver>& receivers() const { return m_receivers; }
    [[nodiscard]] const EngineConfig& config() const { return m_config; }
    [[nodiscard]] size_t bytesPerTag() const;

    // Weighted centroid of the k strongest receivers over the window: the reference the engine is
    // measured against (same windows, same run).
    std::optional<Fix> centroid(int tag, double tS, int k = 4);

private:
    struct Sample
    {
        double t, rssi;
    };
    struct TagState
    {
        std::vector<std::deque<Sample>> heard; // per receiver
        bool tracking = false;
        double t = 0;
        double x = 0, y = 0, vx = 0, vy = 0;
        double P[4][4] = {};
        int floor = 0;
        double floorSince = 0;
        QString room, candidateRoom;
        double candidateSince = 0;
    };
    struct Level
    {
        int receiver;
        double rssi;  // robust level over the window
        int samples;
    };

    TagState& state(int tag);
    std::vector<Level> levels(TagState& s, double tS);
    bool solve(const std::vector<Level>& lv, double& x, double& y, double cov[2][2]) const;
    void predict(TagState& s, double tS) const;
    void correct(TagState& s, double x, double y, const double cov[2][2]) const;
    bool crossesWall(int floor, double x0, double y0, double x1, double y1) const;
    void assignRoom(TagState& s, Fix& f) const;

    std::vector<Receiver> m_receivers;
    EngineConfig m_config;
    std::vector<RoomShape> m_rooms;
    std::vector<WallShape> m_walls;
    std::vector<TagState> m_tags;
    double m_bounds[4] = {}; // receivers' bounding box: x0, y0, x1, y1
};

// Cramér–Rao bound of a layout at point (x, y): RMSE >= sqrt(trace(F^-1)), F from the receivers
// within range; returns infinity where F is singular (fewer than two independent directions).
[[nodiscard]] double cramerRaoBound(const std::vector<Receiver>& receivers, double x, double y, double sigmaDb,
                                    double exponent, double tagHeightM);

// Fits rssiAt1m and the exponent of every receiver to reports taken at known positions: a common
// exponent and per-receiver levels, shrunk towards the common fit where a receiver has few reports.
struct CalibrationReport
{
    int receiver;
    double rssi, x, y, z;
};
struct CalibrationResult
{
    double commonRssiAt1m = 0, commonExponent = 0, residualSdDb = 0;
    int reports = 0;
};
CalibrationResult calibrate(std::vector<Receiver>& receivers, const std::vector<CalibrationReport>& reports);

} // namespace ww::pos
