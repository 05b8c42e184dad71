#pragma once
#include "domain/alarmtypes.h"
#include "domain/reminders.h"
// The site configuration: building, devices and rules of one ward. The JSON schema is documented in
// docs/site-schema.md; the loader validates every field and names file, JSON path and problem.
#include <QHash>
#include <QPointF>
#include "domain/geometry.h"
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>
#include <vector>

namespace ww {

enum class RoomKind {
    PatientRoom, Icu, OperatingRoom, Isolation, Pharmacy, UtilityClean, UtilityDirty, Corridor, Exit, StaffArea,
    Toilet, Office, Stairs
};
[[nodiscard]] QString toString(RoomKind kind);
struct Site;
// What keeps a site from the positioning engine: its walls and gateways asking more than 2 x 10^9
// wall tests of the engine's grid (for every gateway, the walls of its floor crossed on the way to
// every 0.5 m cell of the plan: minutes at every start). Empty when the site is within it.
[[nodiscard]] QString wallGridProblem(const Site& site);
[[nodiscard]] std::optional<RoomKind> roomKindFromString(const QString& text);

struct Range
{
    std::optional<double> min, max;
    [[nodiscard]] bool contains(double v) const { return (!min || v >= *min) && (!max || v <= *max); }
    [[nodiscard]] bool isSet() const { return min || max; }
};

struct ClimateTargets
{
    Range temperatureC, humidityPct, co2Ppm, pm25, tvoc, diffPressurePa;
};

// How long the climate record keeps each tier (site: climateRecord; records/climaterecord.h).
struct ClimateRetention
{
    int rawDays = 7, minuteDays = 30, hourDays = 400;
};

struct Floor
{
    int level = 0;
    QString name;
    QString plan; // SVG, resource path or file relative to the site file
    double width = 0, height = 0; // metres
};

struct Room
{
    QString id, name;
    int floor = 0;
    RoomKind kind = RoomKind::PatientRoom;
    Polygon polygon; // metres, site frame
    QPointF door;      // where the room meets the corridor (used for routes)
    [[nodiscard]] QPointF centre() const { return polygon.boundingRect().center(); }
};

// An area with a rule: patients near an exit or in a restricted zone, assets leaving the ward
// (an exit fence). From the site's "geofences", or made from exit and restricted rooms.
enum class GeofenceKind { Exit, Restricted };
struct Geofence
{
    QString id, name;
    GeofenceKind kind = GeofenceKind::Exit;
    int floor = 0;
    Polygon polygon;
    [[nodiscard]] bool contains(int level, QPointF p) const
    {
        return level == floor && polygon.contains(p);
    }
};

struct WallSegment
{
    int floor = 0;
    QPointF a, b;
};

struct Gateway
{
    QString id;
    QString mac;  // optional: the MAC a MOKO gateway reports itself by (12 upper-case hex digits)
    QString beacon; // optional: the tag id of its own advertisements, when it advertises (the other
                    // gateways then hear it at a surveyed place: a reference beacon, see below)
    int floor = 0;
    double x = 0, y = 0, z = 2.5;
    double rssiAt1m = -59;
    double exponent = 2.0;
    QString room; // derived from the position
};

struct Bed
{
    QString id, room;
    QPointF pos;
    QString device; // a smart bed's device id (occupancy, brake, rails, head angle); empty: none
};

struct Patient
{
    QString id, name, bed, wristband, monitor;
};

struct StaffMember
{
    QString id, name, role, badge;
    QString pinHash; // "pbkdf2-sha256$iterations$salt(base64)$hash(base64)"; empty: cannot sign in
};

struct Asset
{
    QString id, name, type, tag, homeRoom;
};

// A PAR level (REFERENCE.md, RTLS practice): how many assets of a type should stand available in
// their zone (the listed rooms, or every clean utility room); below critical is an alarm.
struct ParLevel
{
    QString type, name;
    QStringList rooms; // empty: every clean utility room
    int target = 1, critical = 0;
};

// A pod: a named group of rooms one team of nurses looks after; a station may be set to show one.
struct Pod
{
    QString name;
    QStringList rooms;
};

// A beacon fixed at a surveyed place: the positioning engine calibrates the receivers that hear it.
struct ReferenceBeacon
{
    QString id; // its tag id, as in adverts
    int floor = 0;
    double x = 0, y = 0, z = 1.2;
    QString gateway; // the gateway it is, for a gateway that advertises ("beacon"); empty otherwise
};

enum class SensorKind { Climate, Fridge, Door };
struct Sensor
{
    QString id;
    SensorKind kind = SensorKind::Climate;
    QString room;   // for climate and door sensors
    QString fridge; // for fridge sensors
    QString mac;    // optional: the MAC a MOKO gateway's scan report names it by (12 upper-case hex digits)
};

struct Fridge
{
    QString id, name, room;
    double minC = 2, maxC = 8;
    int graceS = 900;
    int doorOpenLimitS = 60;
};

// How often a kind of device reports and when its silence means "no signal".
enum class DeviceKind { Gateway, Wristband, Badge, AssetTag, VitalsMonitor, ClimateSensor, FridgeSensor, DoorSensor, ReferenceBeacon,
                        Bed };
inline constexpr int DeviceKindCount = 10;
[[nodiscard]] QString toString(DeviceKind kind);

struct DeviceTiming
{
    double intervalS = 1;
    double silentAfterS = 30;
};

struct Device
{
    QString id;
    DeviceKind kind = DeviceKind::Gateway;
    QString subject; // patient, staff member, asset, room or fridge it belongs to (display name)
};

struct Site
{
    QString id, name;
    QString sourceFile;
    QString hash; // SHA-256 of the file's bytes, announced in station presence
    double latitude = 0, longitude = 0, bearingDeg = 0; // geo-reference of the site frame's origin
    // timeZone: the ward's IANA time zone ("Europe/London"), in which medication rounds, the
    // reminders' day and shift times are read. Empty: the station's system zone.
    QString timeZone;
    std::vector<Floor> floors;
    std::vector<Room> rooms;
    std::vector<WallSegment> walls;
    QHash<RoomKind, ClimateTargets> climateTargets;
    std::vector<Gateway> gateways;
    std::vector<Bed> beds;
    std::vector<Patient> patients; // seeds the census; admissions, transfers and discharges are the station's
    // The ward's stock of wristbands and vitals monitors not on a patient at start: the station pairs
    // them with patients it admits.
    QStringList spareWristbands, spareMonitors;
    std::vector<StaffMember> staff;
    std::vector<Asset> assets;
    std::vector<ParLevel> parLevels;
    std::vector<Pod> pods; // pods: named lists of rooms (a station's scope, "my pod")
    std::vector<ReferenceBeacon> referenceBeacons;
    std::vector<Sensor> sensors;
    std::vector<Fridge> fridges;
    DeviceTiming timing[DeviceKindCount];
    int lateAfterS = 30; // events received this long after their device time are marked late
    AlarmSettings alarms;
    ClimateRetention climateRecord; // climateRecord: {rawDays, minuteDays, hourDays}
    // bms: the building-management system that takes room setpoints (cmd/{device}, answering on
    // cmdack/{device}); empty device: none, setpoints are refused. setpointRoles: the staff roles
    // that may send them.
    struct Bms
    {
        QString device;
        int ackTimeoutS = 30;
    } bms;
    QStringList setpointRoles{QStringLiteral("facilities engineer")};
    ReminderSettings reminders; // reminders: observations, medication rounds, overdue (domain/reminders.h)
    std::vector<Geofence> geofences;
    // positioning.bodyShadow: wristbands (spare ones too) and badges at rest are positioned with
    // their wearer's body shadow fitted (docs/positioning.md). Off by default.
    bool bodyShadow = false;
    // positioning.centroidBlend: the share of the weighted centroid in every position (0 to 1), for
    // a building the engine's model does not fit; `wardctl locate --calibration` measures it on the
    // site's survey and says what to set. 0 by default: the engine alone.
    double centroidBlend = 0;
    // positioning.reorderWindowS: reports out of time order by up to this much (logs merged from many
    // gateways) are put in their place; older ones are refused and counted. 2 s by default.
    double reorderWindowS = 2;
    // network.allowClearText: stations may talk to a broker on another host without TLS (for a
    // migration; shown in the status bar). Off by default: only a loopback broker goes without TLS.
    bool allowClearText = false;
    // signing.keys: station or engine id -> Ed25519 public key (32 bytes). State on alarm/, census/
    // and pos/ must be signed by one of them (docs/wire-contract.md, "Signed state").
    QHash<QString, QByteArray> signingKeys;
    // signing.acceptUnsigned: unsigned state is still taken (a migration; shown in the status bar).
    bool acceptUnsigned = false;

    // Every device of the site, in a stable order (gateways, wristbands, monitors, badges, tags, sensors).
    [[nodiscard]] std::vector<Device> devices() const;
    [[nodiscard]] const Room* room(const QString& id) const;
    [[nodiscard]] const Room* roomAt(int floor, QPointF p) const;
    [[nodiscard]] const Bed* bed(const QString& id) const;
    [[nodiscard]] const Fridge* fridge(const QString& id) const;
    [[nodiscard]] int gatewayIndex(const QString& id) const; // in gateways, or -1
    [[nodiscard]] const Floor* floor(int level) const;
    [[nodiscard]] const StaffMember* staffMember(const QString& id) const;
    [[nodiscard]] const Patient* patient(const QString& id) const;
    // The ward's time zone (timeZone, or the system's when the site names none).
    [[nodiscard]] QTimeZone zone() const;
    [[nodiscard]] const DeviceTiming& timingFor(DeviceKind kind) const { return timing[int(kind)]; }
};

struct SiteLoadResult
{
    std::optional<Site> site;
    QStringList errors; // "file: $.path: problem"
};

class SiteLoader
{
public:
    [[nodiscard]] static SiteLoadResult loadFile(const QString& path);
    [[nodiscard]] static SiteLoadResult loadBytes(const QByteArray& json, const QString& sourceName);
    // The default two-floor ward embedded in the application's resources.
    [[nodiscard]] static SiteLoadResult loadDefault();
    static constexpr auto DefaultSitePath = ":/site/default-site.json";
    // The largest site file loaded: a large ward's is well under 1 MB (the default ward: 50 KB).
    static constexpr qint64 MaxSiteFileBytes = 8'000'000;
};

} // namespace ww
