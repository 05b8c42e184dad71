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

// Everything a station's core sends (null: not sent).
struct StationOutputs
{
    AlarmPublisher* alarms = nullptr;
    CensusPublisher* census = nullptr;
};

} // namespace ww
