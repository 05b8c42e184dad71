#pragma once
// What leaves the core, as small interfaces: the station implements them with MQTT
// (core/stationcore.cpp), tests with recorders. Called on the core thread.
#include "alarms/alarmengine.h"
#include "domain/messages.h"

namespace ww {

class CensusPublisher
{
public:
    virtual ~CensusPublisher() = default;
    virtual void publishCensus(const CensusEntryMsg& entry) = 0; // a bed's new entry (retained)
};

class PositionPublisher
{
public:
    virtual ~PositionPublisher() = default;
    virtual void publishPosition(const PositionMsg& fix) = 0; // an engine's fix of a tag it owns
};

// The care plan's entries and what the core tells devices: people's badges and wristbands, the
// building-management system.
class CarePublisher
{
public:
    virtual ~CarePublisher() = default;
    virtual void publishCare(const CareEntryMsg& entry) = 0; // retained on care/{patient}
    virtual void publishRole(const ShiftRoleMsg& entry) = 0; // retained on role/{role}
    // Help is coming (HelpComing on cmd/{device}) to the device that raised an event alarm.
    virtual void helpComing(const AlarmState& alarm, const QString& responderName) = 0;
    // A room's climate setpoint to the building-management system (cmd/{bms device}).
    virtual void sendSetpoint(const QString& bmsDevice, const ClimateSetpointMsg& setpoint) = 0;
};

// Everything a station's core sends (null: not sent).
struct StationOutputs
{
    AlarmPublisher* alarms = nullptr;
    CensusPublisher* census = nullptr;
    CarePublisher* care = nullptr;
};

} // namespace ww
