// wardwatch-headless with a fault: the process ends between an acknowledgement's log write and its
// publication (tst_alarm_sync's convergence test). Built for the tests only; the shipped programs
// never set the hook.
#include "alarms/alarmengine.h"
#include "app/servers.h"

#include <cstdlib>

int main(int argc, char** argv)
{
    ww::AlarmEngine::setAckLoggedHook([](const ww::AlarmState&) { std::_Exit(3); });
    return ww::runHeadless(argc, argv);
}
