// wardwatch-engine: a positioning engine (docs/operations.md, "Positioning engines").
#include "app/servers.h"

int main(int argc, char** argv)
{
    return ww::runEngine(argc, argv);
}
