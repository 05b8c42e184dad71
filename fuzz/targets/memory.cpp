// The positioning memory a station recalls at start (core/tagfixes.cpp, TagFixes::recall): any file
// is either refused with a reason, taking nothing, or taken; a memory taken is then used as a
// restarted station uses it (reports and fixes of its tags), and what the engine keeps from it
// is written and read back without an error.
#include "core/tagfixes.h"
#include "common.h"

using namespace ww;

namespace {

const QByteArray SiteJson = R"({"schema": "wardwatch-site/1", "id": "w", "name": "w",
  "floors": [{"level": 1, "name": "1", "width": 20, "height": 10}, {"level": 2, "name": "2", "width": 20, "height": 10}],
  "rooms": [{"id": "R1", "name": "R1", "floor": 1, "kind": "patient", "polygon": [[0,0],[10,0],[10,10],[0,10]]},
            {"id": "R2", "name": "R2", "floor": 1, "kind": "patient", "polygon": [[10,0],[20,0],[20,10],[10,10]]},
            {"id": "R3", "name": "R3", "floor": 2, "kind": "patient", "polygon": [[0,0],[20,0],[20,10],[0,10]]}],
  "gateways": [{"id": "g1", "floor": 1, "x": 3, "y": 3}, {"id": "g2", "floor": 1, "x": 8, "y": 7},
               {"id": "g3", "floor": 1, "x": 13, "y": 3}, {"id": "g4", "floor": 1, "x": 18, "y": 7},
               {"id": "g5", "floor": 2, "x": 10, "y": 5}],
  "assets": [{"id": "a1", "name": "Pump", "type": "pump", "tag": "AC233FA0B1C2", "home": "R1"},
             {"id": "a2", "name": "Pump 2", "type": "pump", "tag": "AC233FA0B1C3", "home": "R2"}],
  "walls": [], "beds": [], "patients": [], "staff": [], "fridges": [], "sensors": []})";

const Site& site()
{
    static const Site s = [] {
        auto r = SiteLoader::loadBytes(SiteJson, QStringLiteral("memory-site.json"));
        if (!r.site)
            qFatal("site: %s", qPrintable(r.errors.join(u'\n')));
        return *r.site;
    }();
    return s;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    (void)site();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const DeviceDirectory directory(site());
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    TagFixes fixes(site(), directory);
    const TagFixes::Recalled r = fixes.recall(json, fuzz::NowMs);
    if (!r.error.isEmpty()) {
        if (r.levels != 0 || r.tags != 0 || r.tooOld != 0 || r.skipped != 0)
            fuzz::finding("a memory refused but counted as taken", r.error);
        if (fixes.memoryJson(fuzz::NowMs) != TagFixes(site(), directory).memoryJson(fuzz::NowMs))
            fuzz::finding("a memory refused but something of it kept", r.error);
        return 0;
    }
    if (r.levels < 0 || r.tags < 0 || r.tags > directory.tagCount())
        fuzz::finding("a memory taken with impossible counts");
    // Ten seconds of a restarted station: both tags heard by every gateway of floor 1.
    for (int t = 0; t < 10; ++t) {
        for (int g = 0; g < 4; ++g) {
            BeaconBatch b;
            b.gateway = g;
            b.receiveTimeMs = fuzz::NowMs + t * 1000 + g;
            for (int tag = 0; tag < directory.tagCount(); ++tag)
                b.reports.push_back({tag, fuzz::NowMs + t * 1000 + g, qint16(-60 - 3 * g - 5 * tag), 0});
            fixes.add(b);
        }
        fixes.fix([](int) { return true; }, [](int, const pos::Fix& f, qint64) {
            if (!std::isfinite(f.x) || !std::isfinite(f.y))
                fuzz::finding("a recalled tag's fix is not finite");
        });
    }
    const QByteArray again = fixes.memoryJson(fuzz::NowMs + 10'000);
    TagFixes next(site(), directory);
    if (const TagFixes::Recalled back = next.recall(again, fuzz::NowMs + 20'000); !back.error.isEmpty())
        fuzz::finding("the memory written back is refused", back.error);
    return 0;
}
