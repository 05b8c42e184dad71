// The site file (domain/site.cpp, docs/site-schema.md): SiteLoader::loadBytes. A site it accepts
// is then used as the station uses it at start: its device directory, its device list and the
// lookups by id and by place.
#include "domain/site.h"
#include "common.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const SiteLoadResult r =
        SiteLoader::loadBytes(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)),
                              QStringLiteral("fuzz.json"));
    if (!r.site) {
        if (r.errors.isEmpty())
            fuzz::finding("a site refused without a reason");
        return 0;
    }
    if (!r.errors.isEmpty())
        fuzz::finding("a site accepted with errors", r.errors.join(u'\n'));
    const Site& site = *r.site;
    const DeviceDirectory directory(site);
    if (directory.gatewayCount() != int(site.gateways.size()))
        fuzz::finding("gateways lost or repeated in the directory");
    for (const auto& g : site.gateways)
        if (site.gatewayIndex(g.id) < 0 || directory.gateway(g.id.toStdString()) < 0)
            fuzz::finding("a gateway not found by its id", g.id);
    (void)site.devices();
    for (const auto& room : site.rooms) {
        if (site.room(room.id) == nullptr || site.floor(room.floor) == nullptr)
            fuzz::finding("a room, or its floor, not found by its id", room.id);
        (void)site.roomAt(room.floor, room.centre());
        (void)distanceTo(room.polygon, room.door);
    }
    for (const auto& bed : site.beds) {
        const Room* room = site.room(bed.room);
        if (room == nullptr)
            fuzz::finding("a bed in an unknown room", bed.id);
        (void)site.roomAt(room->floor, bed.pos);
        if (site.bed(bed.id) == nullptr)
            fuzz::finding("a bed not found by its id", bed.id);
    }
    for (const auto& p : site.patients)
        if (site.patient(p.id) == nullptr || site.bed(p.bed) == nullptr)
            fuzz::finding("a patient, or their bed, not found by id", p.id);
    for (const auto& s : site.staff)
        (void)site.staffMember(s.id);
    for (const auto& f : site.fridges)
        (void)site.fridge(f.id);
    return 0;
}
