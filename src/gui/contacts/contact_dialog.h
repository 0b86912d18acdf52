#pragma once
// Logging a contact with a case's customer (issue 10): who was contacted, the channel, the number used
// (masked), the local time, the outcome, a note and a promise to pay. The contact-rule guard's answer is shown
// under the form in the rule's words while the form is filled in, and OK stays disabled while the guard
// refuses; where the rule allows an exception, "Record an exception" with a reason lets the officer go ahead.
// An SMS is filled from a template (a flagged or, for someone else, a borrower-only template cannot be used)
// and goes to the outbox.
#include "app/contacts/contact_service.h"
#include "app/contacts/sms_outbox.h"
#include "app/contacts/template_service.h"

#include <QDialog>
#include <cstdint>
#include <memory>
#include <optional>

class QPushButton;

namespace Ui {
class ContactDialog;
}

namespace doorstep::gui {

class ContactDialog final : public QDialog {
    Q_OBJECT
public:
    ContactDialog(app::Session& session, std::int64_t borrowerRowId, const QString& customer,
                  QWidget* parent = nullptr);
    ~ContactDialog() override;
    ContactDialog(const ContactDialog&) = delete;
    ContactDialog& operator=(const ContactDialog&) = delete;

    // The contact_events id of the contact logged (after OK).
    std::optional<std::int64_t> loggedEventId() const { return m_eventId; }
    // What the form says under itself: the guard's refusal, or why the message cannot be used.
    QString guardText() const;
    QPushButton* okButton() const;
    // Re-reads the form and asks the guard (the form does it on every change).
    void updateState();

private:
    app::ContactEntry entry() const;
    std::optional<Money> promisedAmount() const;
    void fillResults();
    void logAndAccept();
    void showProblem(const QString& text);

    app::Session& m_session;
    std::int64_t m_borrowerRowId = 0;
    std::unique_ptr<Ui::ContactDialog> m_ui;
    std::vector<app::CaseNumberChoice> m_numbers;
    std::vector<app::TemplateItem> m_templates;
    std::optional<std::int64_t> m_eventId;
};

}  // namespace doorstep::gui
