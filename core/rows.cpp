#include "core/rows.h"

#include <QCoreApplication>

#include <algorithm>

namespace ww {

QString toString(AssetStatus status)
{
    switch (status) {
    case AssetStatus::Unknown: return QCoreApplication::translate("AssetStatus", "unknown");
    case AssetStatus::Available: return QCoreApplication::translate("AssetStatus", "available");
    case AssetStatus::InUse: return QCoreApplication::translate("AssetStatus", "in use");
    case AssetStatus::NeedsCleaning: return QCoreApplication::translate("AssetStatus", "needs cleaning");
    case AssetStatus::InTransit: return QCoreApplication::translate("AssetStatus", "in transit");
    }
    return {};
}

WardRows initialRows(const Site& site)
{
    WardRows rows;
    // The census in bed order, a row per bed, vacant beds included (admissions fill them); patients
    // the site gives no bed follow.
    auto rowOf = [](const Patient& p) {
        PatientRow r;
        r.id = p.id;
        r.name = p.name;
        r.bed = p.bed;
        r.wristband = p.wristband;
        r.monitor = p.monitor;
        if (!r.wristband.isEmpty())
            r.location.roomState = RoomState::Locating; // until its first position (WardState::LocatingGraceMs)
        return r;
    };
    for (const auto& b : site.beds) {
        const auto p = std::find_if(site.patients.begin(), site.patients.end(), [&](const Patient& q) { return q.bed == b.id; });
        if (p != site.patients.end()) {
            rows.patients.push_back(rowOf(*p));
        } else {
            PatientRow vacant;
            vacant.bed = b.id;
            rows.patients.push_back(vacant);
        }
    }
    for (const auto& p : site.patients)
        if (p.bed.isEmpty())
            rows.patients.push_back(rowOf(p));
    Location locating;
    locating.roomState = RoomState::Locating;
    for (const auto& s : site.staff)
        rows.staff.push_back(StaffRow{s.id, s.name, s.role, s.badge, SignalState::Waiting, locating});
    for (const auto& a : site.assets)
        rows.assets.push_back(AssetRow{a.id, a.name, a.type, a.tag, a.homeRoom, SignalState::Waiting, locating, AssetStatus::Unknown});
    for (const auto& s : site.sensors) {
        EnvRow r;
        r.sensorId = s.id;
        if (s.kind == SensorKind::Fridge) {
            const Fridge* f = site.fridge(s.fridge);
            r.kind = EnvKind::Fridge;
            r.id = f->id;
            r.name = f->name;
            r.targets.temperatureC = Range{f->minC, f->maxC};
        } else {
            const Room* room = site.room(s.room);
            r.kind = s.kind == SensorKind::Door ? EnvKind::Door : EnvKind::Room;
            r.id = room->id;
            r.name = room->name;
            if (r.kind == EnvKind::Room)
                r.targets = site.climateTargets.value(room->kind);
        }
        rows.environment.push_back(r);
    }
    for (const auto& d : site.devices()) {
        DeviceRow r;
        r.id = d.id;
        r.kind = d.kind;
        r.subject = d.subject;
        r.inService = !site.spareWristbands.contains(d.id) && !site.spareMonitors.contains(d.id);
        rows.devices.push_back(r);
    }
    return rows;
}

std::vector<ParCount> parCounts(const Site& site, const std::vector<AssetRow>& assets)
{
    std::vector<ParCount> counts;
    counts.reserve(site.parLevels.size());
    for (const ParLevel& par : site.parLevels) {
        ParCount c{&par, 0};
        for (const AssetRow& a : assets) {
            if (a.type != par.type || a.signal != SignalState::Live || !a.location.known)
                continue;
            const Room* room = site.room(a.location.roomId);
            if (par.rooms.isEmpty() ? room && room->kind == RoomKind::UtilityClean : par.rooms.contains(a.location.roomId))
                ++c.available;
        }
        counts.push_back(c);
    }
    return counts;
}

} // namespace ww
