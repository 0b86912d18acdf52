#include "gui/shared/message_box.h"

#include <QPushButton>

namespace doorstep::gui {

bool MessageBox::s_testMode = false;
std::optional<bool> MessageBox::s_nextAnswer;
QString MessageBox::s_lastText;
std::optional<MessageBox::SaveChoice> MessageBox::s_nextSaveChoice;

void MessageBox::setTestMode(bool enabled)
{
    s_testMode = enabled;
}

void MessageBox::setNextAnswer(bool accept)
{
    s_nextAnswer = accept;
}

void MessageBox::setNextSaveChoice(SaveChoice choice)
{
    s_nextSaveChoice = choice;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

bool MessageBox::confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptText)
{
    s_lastText = text;
    if (s_testMode) {
        const bool answer = s_nextAnswer.value_or(false);
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton* accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void MessageBox::information(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (!s_testMode) QMessageBox::information(parent, title, text);
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (!s_testMode) QMessageBox::warning(parent, title, text);
}

MessageBox::SaveChoice MessageBox::askToSave(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (s_testMode) {
        const SaveChoice answer = s_nextSaveChoice.value_or(SaveChoice::Cancel);
        s_nextSaveChoice.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                    parent);
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save: return SaveChoice::Save;
    case QMessageBox::Discard: return SaveChoice::Discard;
    default: return SaveChoice::Cancel;
    }
}

}  // namespace doorstep::gui
