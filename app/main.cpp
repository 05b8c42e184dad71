// Composition root: settings, site, station core, main window. Nothing else lives here.
#include "app/appsettings.h"
#include "app/selftest.h"
#include "models/stationcore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

using namespace ww;

namespace {

void scheduleScreenshots(MainWindow& window, const QString& dir, int delayS)
{
    QDir().mkpath(dir);
    for (int shot = 1; shot <= 2; ++shot) {
        QTimer::singleShot(delayS * 1000 * shot, &window, [&window, dir, shot] {
            const QString census = QDir(dir).filePath(QStringLiteral("census-%1.png").arg(shot));
            window.tabs()->setCurrentIndex(0);
            window.grab().save(census);
            QStringList saved{census};
            if (shot == 2) {
                const QStringList names = {QStringLiteral("staff"), QStringLiteral("assets"), QStringLiteral("environment"),
                                           QStringLiteral("devices")};
                for (int tab = 1; tab <= names.size(); ++tab) {
                    window.tabs()->setCurrentIndex(tab);
                    const QString file = QDir(dir).filePath(names.at(tab - 1) + QStringLiteral(".png"));
                    window.grab().save(file);
                    saved << file;
                }
                window.tabs()->setCurrentIndex(0);
            }
            QTextStream(stdout) << "screenshot: " << saved.join(QStringLiteral(", ")) << Qt::endl;
            if (shot == 2)
                QCoreApplication::quit();
        });
    }
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--self-test") == 0)
            qputenv("QT_QPA_PLATFORM", "offscreen"); // the self-test needs no display
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("WardWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("wardwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WW_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("wardwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    AppSettings settings;
    if (const QString error = AppSettings::load(parser, app.arguments(), settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (settings.selfTest) {
        QTextStream out(stdout);
        return runSelfTest(out);
    }

    const SiteLoadResult loaded = settings.siteFile.isEmpty() ? SiteLoader::loadDefault() : SiteLoader::loadFile(settings.siteFile);
    if (!loaded.site) {
        const QString text = QObject::tr("The site configuration cannot be loaded:\n%1").arg(loaded.errors.join(u'\n'));
        QTextStream(stderr) << text << Qt::endl;
        if (settings.screenshotDir.isEmpty())
            QMessageBox::critical(nullptr, QObject::tr("WardWatch"), text);
        return 2;
    }
    const Site& site = *loaded.site;
    SystemClock clock;
    StationCore station(site, clock, settings.station);
    MainWindow window(site.name, station.models(), station.stats());
    QObject::connect(&station, &StationCore::connectionChanged, &window, &MainWindow::setConnectionState);
    window.show();
    station.start();
    if (!settings.screenshotDir.isEmpty())
        scheduleScreenshots(window, settings.screenshotDir, settings.screenshotDelayS);
    const int rc = app.exec();
    station.stop();
    return rc;
}
