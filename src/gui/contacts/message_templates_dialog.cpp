#include "gui/contacts/message_templates_dialog.h"

#include "domain/messages/message.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_message_templates_dialog.h"

#include <QCloseEvent>
#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <algorithm>

namespace doorstep::gui {
namespace {

constexpr TemplatePurpose kPurposes[] = {TemplatePurpose::AppointmentRequest, TemplatePurpose::AppointmentReminder,
                                         TemplatePurpose::Callback, TemplatePurpose::Other};
constexpr ToneKind kKinds[] = {ToneKind::Threat, ToneKind::Shaming, ToneKind::Pressure, ToneKind::Impersonation};

QString placeholderList()
{
    QStringList keys;
    for (TemplateField f : {TemplateField::CustomerName, TemplateField::AppointmentDate, TemplateField::AppointmentTime,
                            TemplateField::AppointmentPlace, TemplateField::Officer, TemplateField::BranchPhone})
        keys << QStringLiteral("{%1} %2").arg(toQString(templateFieldKey(f)), messageText(templateFieldName(f)));
    return keys.join(QStringLiteral("；"));
}

}  // namespace

MessageTemplatesDialog::MessageTemplatesDialog(app::Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_ui(std::make_unique<Ui::MessageTemplatesDialog>())
{
    m_ui->setupUi(this);
    for (TemplatePurpose p : kPurposes)
        m_ui->purposeCombo->addItem(messageText(templatePurposeName(p)), static_cast<int>(p));
    for (TemplateAudience a : {TemplateAudience::Borrower, TemplateAudience::ThirdParty})
        m_ui->audienceCombo->addItem(messageText(templateAudienceName(a)), static_cast<int>(a));
    m_ui->placeholdersLabel->setText(placeholderList());
    m_ui->statusLabel->hide();

    connect(m_ui->templateList, &QListWidget::currentRowChanged, this, &MessageTemplatesDialog::showTemplate);
    connect(m_ui->newButton, &QPushButton::clicked, this, &MessageTemplatesDialog::newTemplate);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &MessageTemplatesDialog::removeTemplate);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &MessageTemplatesDialog::saveTemplate);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &MessageTemplatesDialog::reviewNow);
    connect(m_ui->audienceCombo, &QComboBox::currentIndexChanged, this, &MessageTemplatesDialog::reviewNow);
    connect(m_ui->savePhrasesButton, &QPushButton::clicked, this, &MessageTemplatesDialog::savePhrases);
    connect(m_ui->defaultPhrasesButton, &QPushButton::clicked, this, [this] { loadPhrases(defaultTonePhrases()); });
    connect(m_ui->savePhoneButton, &QPushButton::clicked, this, &MessageTemplatesDialog::saveBranchPhone);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, [this] {
        if (mayClose()) QDialog::reject();
    });

    app::TemplateService service(session);
    if (auto phrases = service.phrases()) loadPhrases(*phrases);
    m_savedPhrases = phraseTexts();
    if (auto phone = service.branchPhone()) m_ui->branchPhoneEdit->setText(toQString(*phone));
    m_savedPhone = m_ui->branchPhoneEdit->text().trimmed();
    loadTemplates(0);
}

MessageTemplatesDialog::~MessageTemplatesDialog() = default;

QPlainTextEdit* MessageTemplatesDialog::phraseEdit(ToneKind kind) const
{
    switch (kind) {
    case ToneKind::Threat: return m_ui->threatEdit;
    case ToneKind::Shaming: return m_ui->shamingEdit;
    case ToneKind::Pressure: return m_ui->pressureEdit;
    case ToneKind::Impersonation: return m_ui->impersonationEdit;
    }
    return m_ui->threatEdit;
}

QStringList MessageTemplatesDialog::phraseTexts() const
{
    QStringList texts;
    for (ToneKind kind : kKinds)
        texts << phraseEdit(kind)->toPlainText().trimmed();
    return texts;
}

bool MessageTemplatesDialog::templateEdited() const
{
    const QString name = m_ui->nameEdit->text().trimmed();
    const QString text = m_ui->textEdit->toPlainText().trimmed();
    const auto purpose = static_cast<TemplatePurpose>(m_ui->purposeCombo->currentData().toInt());
    const auto audience = static_cast<TemplateAudience>(m_ui->audienceCombo->currentData().toInt());
    const auto stored = std::ranges::find(m_templates, m_editingId, &app::TemplateItem::id);
    if (m_editingId == 0 || stored == m_templates.end()) return !name.isEmpty() || !text.isEmpty();  // a new one
    return name != toQString(stored->tpl.name) || text != toQString(stored->tpl.text) ||
           purpose != stored->tpl.purpose || audience != stored->tpl.audience;
}

bool MessageTemplatesDialog::hasUnsavedChanges() const
{
    return templateEdited() || phraseTexts() != m_savedPhrases ||
           m_ui->branchPhoneEdit->text().trimmed() != m_savedPhone;
}

bool MessageTemplatesDialog::mayClose()
{
    if (!hasUnsavedChanges()) return true;
    switch (MessageBox::askToSave(this, tr("Unsaved changes"),
                                  tr("Some changes to the templates have not been saved. Save them before closing?"))) {
    case MessageBox::SaveChoice::Cancel: return false;
    case MessageBox::SaveChoice::Discard: return true;
    case MessageBox::SaveChoice::Save: break;
    }
    // Each part saved on its own; a refusal keeps the dialog open with the status line saying why.
    if (templateEdited() && !saveTemplate()) return false;
    if (phraseTexts() != m_savedPhrases && !savePhrases()) return false;
    if (m_ui->branchPhoneEdit->text().trimmed() != m_savedPhone && !saveBranchPhone()) return false;
    return true;
}

void MessageTemplatesDialog::closeEvent(QCloseEvent* event)
{
    if (!mayClose()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void MessageTemplatesDialog::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Cancel)) {
        if (mayClose()) QDialog::reject();
        return;
    }
    QDialog::keyPressEvent(event);
}

void MessageTemplatesDialog::loadTemplates(std::int64_t select)
{
    auto templates = app::TemplateService(m_session).templates();
    if (!templates) {
        showStatus(errorText(templates.error()), true);
        return;
    }
    m_templates = std::move(*templates);
    auto phrases = app::TemplateService(m_session).phrases().value_or(std::vector<TonePhrase>{});
    const QSignalBlocker blocker(m_ui->templateList);
    m_ui->templateList->clear();
    int row = m_templates.empty() ? -1 : 0;
    for (std::size_t i = 0; i < m_templates.size(); ++i) {
        const auto& t = m_templates[i];
        // The purpose in brackets when the name does not already say it.
        const QString purpose = messageText(templatePurposeName(t.tpl.purpose));
        QString label = toQString(t.tpl.name);
        if (label != purpose) label = tr("%1 (%2)").arg(label, purpose);
        auto review = reviewTemplate(t.tpl.text, phrases);
        auto* item = new QListWidgetItem(label, m_ui->templateList);
        if (!review || !review->usable()) {
            item->setForeground(Theme::errorColor());
            item->setToolTip(tr("Flagged: cannot be used until it is changed."));
        }
        if (t.id == select) row = static_cast<int>(i);
    }
    m_ui->templateList->setCurrentRow(row);
    showTemplate();
}

void MessageTemplatesDialog::loadPhrases(const std::vector<TonePhrase>& phrases)
{
    for (ToneKind kind : kKinds) {
        QStringList lines;
        for (const TonePhrase& p : phrases) {
            if (p.kind == kind) lines << toQString(p.text);
        }
        phraseEdit(kind)->setPlainText(lines.join(QLatin1Char('\n')));
    }
}

bool MessageTemplatesDialog::selectTemplate(const QString& name)
{
    for (std::size_t i = 0; i < m_templates.size(); ++i) {
        if (toQString(m_templates[i].tpl.name) == name) {
            m_ui->templateList->setCurrentRow(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

void MessageTemplatesDialog::showTemplate()
{
    const int row = m_ui->templateList->currentRow();
    if (row < 0 || row >= static_cast<int>(m_templates.size())) {
        newTemplate();
        return;
    }
    const app::TemplateItem& t = m_templates[static_cast<std::size_t>(row)];
    m_editingId = t.id;
    m_ui->nameEdit->setText(toQString(t.tpl.name));
    m_ui->purposeCombo->setCurrentIndex(m_ui->purposeCombo->findData(static_cast<int>(t.tpl.purpose)));
    m_ui->audienceCombo->setCurrentIndex(m_ui->audienceCombo->findData(static_cast<int>(t.tpl.audience)));
    m_ui->textEdit->setPlainText(toQString(t.tpl.text));
    m_ui->removeButton->setEnabled(true);
    reviewNow();
}

void MessageTemplatesDialog::newTemplate()
{
    m_editingId = 0;
    const QSignalBlocker blocker(m_ui->templateList);
    m_ui->templateList->setCurrentRow(-1);
    m_ui->nameEdit->clear();
    m_ui->purposeCombo->setCurrentIndex(m_ui->purposeCombo->findData(static_cast<int>(TemplatePurpose::Other)));
    m_ui->audienceCombo->setCurrentIndex(0);
    m_ui->textEdit->clear();
    m_ui->removeButton->setEnabled(false);
    m_ui->nameEdit->setFocus();
    reviewNow();
}

void MessageTemplatesDialog::reviewNow()
{
    const std::string text = toStd(m_ui->textEdit->toPlainText());
    if (text.empty()) {
        m_ui->reviewLabel->setStyleSheet(Theme::secondaryTextStyle());
        m_ui->reviewLabel->setText(tr("Type the message; the placeholders are filled for each customer."));
        return;
    }
    auto review = app::TemplateService(m_session).review(text);
    if (!review) {
        m_ui->reviewLabel->setStyleSheet(Theme::errorStyle());
        m_ui->reviewLabel->setText(errorText(review.error()));
        return;
    }
    QStringList lines;
    bool bad = false;
    if (!review->tone.empty()) {
        QStringList found;
        for (const ToneFinding& f : review->tone)
            found << tr("“%1” (%2)").arg(toQString(f.phrase), messageText(toneKindName(f.kind)));
        lines << tr("Tone flagged: %1. The template cannot be used until it is changed.")
                     .arg(found.join(QStringLiteral("；")));
        bad = true;
    }
    const auto audience = static_cast<TemplateAudience>(m_ui->audienceCombo->currentData().toInt());
    if (!review->debtDetails.empty()) {
        QStringList found;
        for (const DisclosureFinding& f : review->debtDetails)
            found << tr("“%1”").arg(toQString(f.found));
        if (audience == TemplateAudience::ThirdParty) {
            lines << tr("Debt details for a message anyone may read: %1. Remove them, or make the template for the "
                        "borrower only.")
                         .arg(found.join(QStringLiteral("；")));
            bad = true;
        } else {
            lines << tr("Holds debt details (%1): it can be sent to the borrower only.")
                         .arg(found.join(QStringLiteral("；")));
        }
    }
    if (!bad) lines.prepend(tr("Tone check passed."));
    m_ui->reviewLabel->setStyleSheet(bad ? Theme::errorStyle() : Theme::successStyle());
    m_ui->reviewLabel->setText(lines.join(QLatin1Char('\n')));
}

bool MessageTemplatesDialog::saveTemplate()
{
    app::TemplateItem item;
    item.id = m_editingId;
    item.tpl.name = toStd(m_ui->nameEdit->text().trimmed());
    item.tpl.purpose = static_cast<TemplatePurpose>(m_ui->purposeCombo->currentData().toInt());
    item.tpl.audience = static_cast<TemplateAudience>(m_ui->audienceCombo->currentData().toInt());
    item.tpl.text = toStd(m_ui->textEdit->toPlainText().trimmed());
    auto id = app::TemplateService(m_session).save(item);
    if (!id) {
        showStatus(errorText(id.error()), true);
        return false;
    }
    loadTemplates(*id);
    showStatus(tr("Template “%1” saved.").arg(toQString(item.tpl.name)), false);
    return true;
}

void MessageTemplatesDialog::removeTemplate()
{
    if (m_editingId == 0) return;
    if (!MessageBox::confirm(
            this, tr("Remove template"),
            tr("Remove the template “%1”? Messages already in the outbox keep their text.").arg(m_ui->nameEdit->text()),
            tr("Remove")))
        return;
    if (auto r = app::TemplateService(m_session).remove(m_editingId); !r) {
        showStatus(errorText(r.error()), true);
        return;
    }
    loadTemplates(0);
    showStatus(tr("Template removed."), false);
}

bool MessageTemplatesDialog::savePhrases()
{
    std::vector<TonePhrase> list;
    for (ToneKind kind : kKinds) {
        for (const QString& line : phraseEdit(kind)->toPlainText().split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty()) list.push_back(TonePhrase{toStd(line.trimmed()), kind});
        }
    }
    if (auto r = app::TemplateService(m_session).savePhrases(list); !r) {
        showStatus(errorText(r.error()), true);
        return false;
    }
    m_savedPhrases = phraseTexts();
    loadTemplates(m_editingId);  // the flags follow the new list
    showStatus(tr("Phrase list saved: %Ln phrase(s).", nullptr, static_cast<int>(list.size())), false);
    return true;
}

bool MessageTemplatesDialog::saveBranchPhone()
{
    const QString phone = m_ui->branchPhoneEdit->text().trimmed();
    if (auto r = app::TemplateService(m_session).setBranchPhone(toStd(phone)); !r) {
        showStatus(errorText(r.error()), true);
        return false;
    }
    m_savedPhone = phone;
    showStatus(tr("Branch phone saved."), false);
    return true;
}

QString MessageTemplatesDialog::reviewText() const
{
    return m_ui->reviewLabel->text();
}

QString MessageTemplatesDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

void MessageTemplatesDialog::showStatus(const QString& text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? Theme::errorStyle() : Theme::successStyle());
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->show();
}

}  // namespace doorstep::gui
