// The layout in each language on the station's 1280 x 800 screen, offscreen: an unsure location
// ("unknown, near Room 115", "Room 115 (last heard ...)") fits its column in the census, staff and
// asset lists; in large type and the night theme the alarm lists fit their width, their headers
// their columns and the alarm panel's buttons are whole and in view.
#include "language_support.h"
#include "ui/alarmwidgets.h"
#include "ui/theme.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTest>

using namespace ww;
using namespace ww::test;

class TestLanguageLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        setTranslationsDirectory(QStringLiteral(WW_QM_DIR));
    }

    // An unsure location reads whole in the census, the staff list and the asset list in each
    // language: "unknown, near Room 115" (a dead gateway) and "Room 115 (last heard 14:02:10)" fit
    // their location column (never "unknow…"), and the cell's tooltip carries the text too.
    void unsureLocationsFitTheirColumn()
    {
        test::UiStation st(QStringLiteral("lang-near"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800); // the station's first size
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        int patientRow = -1, assetRow = -1;
        for (int r = 0; r < st.models.patients.rowCount() && patientRow < 0; ++r)
            if (!st.models.patients.rowAt(r).wristband.isEmpty())
                patientRow = r;
        for (int r = 0; r < st.models.assets.rowCount() && assetRow < 0; ++r)
            if (!st.models.assets.rowAt(r).tag.isEmpty())
                assetRow = r;
        QVERIFY(patientRow >= 0 && assetRow >= 0);
        const QString patientTag = st.models.patients.rowAt(patientRow).wristband;
        const QString assetTag = st.models.assets.rowAt(assetRow).tag;
        const Room& room = *st.site.room(QStringLiteral("R115"));
        // Known first (the columns sized to "Room 115"), then the gateway dies.
        auto position = [&](const QString& tag, RoomState state, const QString& roomId, const QString& near) {
            const qint64 t = st.clock.nowMs();
            const int index = st.directory.tag(tag.toStdString());
            PositionMsg m{tag, t, room.centre().x(), room.centre().y(), room.floor, roomId, 3.0, 0.3, QStringLiteral("eng-a"), state, near, {}};
            st.core.apply(QVector<Decoded>{BeaconBatch{0, t, t, {{index, t, -70, -59}}, 0}, m});
        };
        const QString badge = st.site.staff[0].badge;
        // Every tag located (no "not heard yet" to widen a column), so the columns fit "Room 115".
        QStringList tags;
        for (const PatientRow& p : st.models.patients.rows())
            if (!p.wristband.isEmpty())
                tags << p.wristband;
        for (const StaffRow& s : st.models.staff.rows())
            tags << s.badge;
        for (const AssetRow& a : st.models.assets.rows())
            if (!a.tag.isEmpty())
                tags << a.tag;
        auto deadGateway = [&] {
            for (const QString& tag : std::as_const(tags))
                position(tag, RoomState::Known, room.id, QString());
            st.flush();
            QCoreApplication::processEvents(); // the columns sized to "Room 115"
            st.clock.advance(120'000);
            position(patientTag, RoomState::UnknownNear, QString(), room.id);
            position(badge, RoomState::UnknownNear, QString(), room.id);
            position(assetTag, RoomState::Stale, room.id, QString());
            st.flush();
        };
        const struct
        {
            const char* table;
            int row, column;
        } cells[] = {{"census", patientRow, PatientModel::LocationCol}, {"staff", 0, StaffModel::LocationCol},
                     {"assets", assetRow, AssetModel::LocationCol}};
        const QString dir = qEnvironmentVariable("WW_SCREENSHOT_DIR");
        for (const char* code : {"en", "de", "zh_CN"}) {
            QVERIFY(switchAndWait(w, QString::fromLatin1(code)));
            deadGateway();
            for (const auto& cell : cells) {
                const QString where = QStringLiteral("%1 %2").arg(QLatin1String(code), QLatin1String(cell.table));
                w.showTab(QLatin1String(cell.table));
                auto* view = w.findChild<QTableView*>(QLatin1String(cell.table));
                QVERIFY2(view, qPrintable(where));
                QCoreApplication::processEvents();
                const QModelIndex index = view->model()->index(cell.row, cell.column);
                const QString text = index.data().toString();
                QVERIFY2(text.contains(room.name), qPrintable(where + u' ' + text));
                QCOMPARE(index.data(Qt::ToolTipRole).toString(), text);
                // The cell's text rectangle: the section less the item view's text margins.
                const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
                const int needed = view->fontMetrics().horizontalAdvance(text) + 2 * margin + (view->showGrid() ? 1 : 0);
                QTRY_VERIFY2(view->columnWidth(cell.column) >= needed,
                             qPrintable(QStringLiteral("%1: \"%2\" needs %3 px, has %4").arg(where, text).arg(needed).arg(view->columnWidth(cell.column))));
                // And in sight: not behind a sideways scroll (the census shares its width with the
                // trends; in English nothing scrolls sideways).
                QTRY_VERIFY2(view->visualRect(index).right() < view->viewport()->width(),
                             qPrintable(QStringLiteral("%1: the location ends at %2 px of %3").arg(where).arg(view->visualRect(index).right()).arg(view->viewport()->width())));
                QVERIFY(view->visualRect(index).left() >= 0);
                if (QLatin1String(code) == u"en")
                    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
                if (!dir.isEmpty() && QLatin1String(cell.table) == u"census") {
                    view->scrollTo(index);
                    QCoreApplication::processEvents();
                    QVERIFY(w.grab().save(dir + QStringLiteral("/unknown-near-census-%1.png").arg(QLatin1String(code))));
                }
            }
        }
        QVERIFY(switchAndWait(w, QStringLiteral("en")));
    }

    // Large type (1.5×) on a 1280 × 800 station screen, in each language: the alarm lists fit their
    // width (no sideways scrolling), every header's text fits its column, and the buttons of the
    // alarm panel (Acknowledge selected, F8) are whole and in view. WW_LANGUAGE_SCREENSHOTS=DIR:
    // DIR/ui-CODE-dark-large-TAB.png, the alarms, census and plan in the night theme.
    void largeTypeFitsA1280PixelScreen()
    {
        test::UiStation st(QStringLiteral("lang-large"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPositioningEngines({});
        w.setConnectionState(MqttState::Connecting, {});
        raiseAlarms(st);
        applyAppearance({.theme = ThemeChoice::Dark, .largeType = true});
        const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS");
        for (const char* code : {"en", "de", "zh_CN"}) {
            QVERIFY(switchAndWait(w, QString::fromLatin1(code)));
            w.showTab(QStringLiteral("alarms"));
            QCoreApplication::processEvents();
            QCOMPARE(w.width(), 1280);
            for (QTableView* view : {w.alarmPanel()->view(), w.alarmPanel()->technicalView()}) {
                const QString where = QStringLiteral("%1 %2").arg(QLatin1String(code), view->objectName());
                QTRY_VERIFY2(view->horizontalScrollBar()->maximum() == 0,
                             qPrintable(QStringLiteral("%1: scrolls sideways by %2 px").arg(where).arg(view->horizontalScrollBar()->maximum())));
                QHeaderView* header = view->horizontalHeader();
                const QFontMetrics fm(header->font());
                const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
                QStringList cut;
                for (int c = 0; c < header->count(); ++c) {
                    if (header->isSectionHidden(c))
                        continue;
                    // On one line or wrapped at its spaces onto lines the header is high enough for.
                    const QString text = view->model()->headerData(c, Qt::Horizontal).toString();
                    const int inner = header->sectionSize(c) - margins;
                    const QRect needed = fm.boundingRect(QRect(0, 0, inner, 10'000), Qt::AlignCenter | Qt::TextWordWrap, text);
                    if (needed.width() > inner || needed.height() > header->height())
                        cut << QStringLiteral("%1 (%2 × %3 px in %4 × %5)")
                                   .arg(text)
                                   .arg(needed.width())
                                   .arg(needed.height())
                                   .arg(inner)
                                   .arg(header->height());
                }
                QVERIFY2(cut.isEmpty(), qPrintable(where + QStringLiteral(": headers cut: ") + cut.join(QStringLiteral(", "))));
            }
            for (const char* name : {"acknowledgeSelected", "pauseAudio", "showOnPlan"}) {
                auto* b = w.alarmPanel()->findChild<QPushButton*>(QLatin1String(name));
                QVERIFY(b && b->isVisible());
                const QRect in(b->mapTo(&w, QPoint()), b->size());
                QVERIFY2(w.rect().contains(in) && b->width() >= b->sizeHint().width(),
                         qPrintable(QStringLiteral("%1 %2: %3 px of %4").arg(QLatin1String(code), QLatin1String(name)).arg(b->width()).arg(b->sizeHint().width())));
            }
            QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
            if (!dir.isEmpty() && QLatin1String(code) != u"en")
                for (const auto* tab : {"alarms", "census", "floorplan"}) {
                    w.showTab(QLatin1String(tab));
                    QCoreApplication::processEvents();
                    QVERIFY(w.grab().save(dir + QStringLiteral("/ui-%1-dark-large-%2.png").arg(QLatin1String(code), QLatin1String(tab))));
                }
        }
        applyAppearance({.theme = ThemeChoice::Light, .largeType = false});
        QVERIFY(switchAndWait(w, QStringLiteral("en")));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLanguageLayout)
#include "tst_languages_layout.moc"
