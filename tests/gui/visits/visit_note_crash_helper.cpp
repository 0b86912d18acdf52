// For the crash test of test_visits.cpp: logs in, opens the visit note form on a note, types the text given into
// its free-text field as a person would, says "typed" and keeps running until it is killed. Nothing here saves
// the draft: only the form's own autosave can have written it by the time the test kills this process.
// Usage: visit_note_crash_helper DATABASE USER PASSWORD NOTE_ID TEXT
#include "app/users/session.h"
#include "gui/visits/visit_note_form.h"
#include "support/manual_clock.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>
#include <cstdio>

namespace {

// A person's typing, Chinese included (QTest::keyClicks takes ASCII only).
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(widget, ch.toLatin1());
        } else {
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() != 6) {
        std::fputs("usage: visit_note_crash_helper DATABASE USER PASSWORD NOTE_ID TEXT\n", stderr);
        return 2;
    }
    doorstep::test::ManualClock clock;  // the day of the test branch's visits
    clock.set(std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + std::chrono::hours{9});
    doorstep::app::LoginThrottle throttle(clock);
    auto session = doorstep::app::Session::login(args[1].toStdString(), args[2].toStdString(), args[3].toStdString(),
                                                 throttle, clock);
    if (!session) {
        std::fprintf(stderr, "login failed: %s\n", session.error().message.c_str());
        return 1;
    }
    doorstep::gui::VisitNoteForm form(**session, args[4].toLongLong());
    form.show();
    auto* text = form.findChild<QPlainTextEdit*>(QStringLiteral("freeTextEdit"));
    if (!text || !form.isEditable()) {
        std::fputs("the form is not editable\n", stderr);
        return 1;
    }
    typeText(text, args[5]);
    std::puts("typed");
    std::fflush(stdout);
    return QApplication::exec();
}
