#pragma once
// The programs without a window, each with its own executable that links no Qt Widgets and creates
// no QApplication: wardwatch-engine (a positioning engine) and wardwatch-headless (a station whose
// output is JSON lines). wardwatch --engine and --headless run the same functions.
#include "app/appsettings.h"

#include <QCoreApplication>
#include <optional>

namespace ww {

// What every program does first: names the application, installs the translation, reads the
// settings and the command line. Returns an exit code when the program should stop (help, version,
// a bad option: said on stdout or stderr), nothing when it should go on. A program that does not
// read the system keyring (readsKeyring false: the programs without a window) refuses settings that
// keep the password there, and moves a clear-text password of older settings into a password file;
// the station with a window does both itself (app/main.cpp).
[[nodiscard]] std::optional<int> startProgram(QCoreApplication& app, QCommandLineParser& parser, AppSettings& settings,
                                              bool readsKeyring = false);
// The site of the settings (the embedded default ward without one), and this station's signing key
// set up for it (settings.station.signer); errors go to stderr.
[[nodiscard]] SiteLoadResult loadSite(AppSettings& settings);
// This station's signer for the site: its key file read (or, at its default place, made at the first
// start); an error when the site takes only signed state and does not list this key.
[[nodiscard]] QString setUpSigning(const Site& site, AppSettings& settings);
// Whether the broker is reached in clear text over the network (no TLS, not this host).
[[nodiscard]] bool clearTextOverNetwork(const AppSettings& settings);

// Starts the station, runs the event loop until quit, stops the station (its presence says offline).
int runStation(QCoreApplication& app, StationCore& station);

int runEngine(int argc, char** argv);
int runHeadless(int argc, char** argv); // app/headless.cpp

} // namespace ww
