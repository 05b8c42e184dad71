#include "ui/language.h"
#include "app/appsettings.h"
#include "domain/language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QMenu>
#include <QWidget>

namespace ww {

namespace {

// Runs its function when the widget it watches (its parent) hears of a new language.
class LanguageFollower : public QObject
{
public:
    LanguageFollower(QWidget* widget, std::function<void()> retranslate) : QObject(widget), m_retranslate(std::move(retranslate))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == parent() && event->type() == QEvent::LanguageChange)
            m_retranslate();
        return false;
    }

private:
    std::function<void()> m_retranslate;
};

} // namespace

void onLanguageChange(QWidget* widget, std::function<void()> retranslate)
{
    retranslate();
    new LanguageFollower(widget, std::move(retranslate));
}

bool switchLanguage(const QString& code)
{
    return installLanguage(code);
}

QMenu* languageMenu(QWidget* parent)
{
    auto* menu = new QMenu(QCoreApplication::translate("ww::Language", "Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    QStringList codes{QString()};
    codes << shippedLanguages();
    for (const QString& code : std::as_const(codes)) {
        // Each language by its own name: a reader finds theirs whatever is shown now.
        QAction* a = menu->addAction(code.isEmpty() ? QCoreApplication::translate("ww::Language", "System language") : languageName(code));
        a->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == installedLanguage());
        a->setData(code);
        group->addAction(a);
    }
    // The window rebuilds itself later (a queued LanguageChange): this menu is still there when
    // the slot returns. The choice is also the language of the next start.
    QObject::connect(group, &QActionGroup::triggered, menu, [](QAction* a) {
        if (switchLanguage(a->data().toString()))
            AppSettings::rememberLanguage(a->data().toString());
    });
    return menu;
}

} // namespace ww
