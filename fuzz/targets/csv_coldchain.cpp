// `wardctl coldchain`'s readings file (time_s,temperature_c[,door]): a fridge's compliance record,
// as text and as JSON, over the period its readings span.
#include "coldchaincmd.h"
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
    static const fuzz::InputFile file("readings.csv");
    offline::ColdChainOptions o;
    o.readings = file.write(data, size);
    o.name = QStringLiteral("fridge-1");
    o.jsonOut = QStringLiteral("/dev/null");
    o.utc = true; // days by UTC midnights: the same on every machine
    QString text, messages;
    QTextStream out(&text), err(&messages);
    const int code = offline::coldchain(o, out, err);
    if (code != offline::Done && code != offline::BadInput)
        fuzz::finding("coldchain failed on its input", messages);
    if (code == offline::BadInput && messages.isEmpty())
        fuzz::finding("readings refused without a reason");
    return 0;
}
