// wardwatch-headless: a station without a window (app/headless.h).
#include "app/servers.h"

int main(int argc, char** argv)
{
    return ww::runHeadless(argc, argv);
}
