#pragma once
// Confirmations and notices through one seam, so GUI tests can answer them without a modal loop.
#include <QMessageBox>
#include <optional>

namespace doorstep::gui {

class MessageBox final {
public:
    // Asks a yes/no question; the default button is No for destructive questions.
    static bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptText);
    static void information(QWidget* parent, const QString& title, const QString& text);
    static void warning(QWidget* parent, const QString& title, const QString& text);
    // Closing with unsaved edits: save them, drop them, or stay. The default button is Save; Esc is Cancel.
    enum class SaveChoice { Save, Discard, Cancel };
    static SaveChoice askToSave(QWidget* parent, const QString& title, const QString& text);

    // Tests: nothing is shown; confirm() returns the answer given here (once), else false.
    static void setTestMode(bool enabled);
    static void setNextAnswer(bool accept);
    static void setNextSaveChoice(SaveChoice choice);  // askToSave() returns it (once), else Cancel
    static QString lastText();                         // what the last box said

private:
    static bool s_testMode;
    static std::optional<bool> s_nextAnswer;
    static std::optional<SaveChoice> s_nextSaveChoice;
    static QString s_lastText;
};

}  // namespace doorstep::gui
