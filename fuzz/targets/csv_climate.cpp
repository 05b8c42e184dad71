// `wardctl climate`'s readings file (time_s and any of temperature_c, humidity_pct, co2_ppm, pm25,
// tvoc, diff_pressure_pa, door): a room's compliance report against the default ward's targets for
// an isolation room, as text, JSON and CSV, over the period its readings span.
#include "climatecmd.h"
#include "common.h"
#include "offline.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::InputFile file("climate.csv");
    offline::ClimateOptions o;
    o.readings = file.write(data, size);
    o.kind = QStringLiteral("isolation");
    o.name = QStringLiteral("Isolation 211");
    o.jsonOut = QStringLiteral("/dev/null");
    o.csvOut = QStringLiteral("/dev/null");
    QString text, messages;
    QTextStream out(&text), err(&messages);
    const int code = offline::climate(o, out, err);
    if (code != offline::Done && code != offline::BadInput)
        fuzz::finding("climate failed on its input", messages);
    if (code == offline::BadInput && messages.isEmpty())
        fuzz::finding("readings refused without a reason");
    if (code == offline::Done && text.isEmpty())
        fuzz::finding("a report without text");
    return 0;
}
