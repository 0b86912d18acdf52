#include "gui/contacts/contact_dialog.h"

#include "app/appointments/appointment_settings.h"
#include "domain/messages/message.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_contact_dialog.h"

#include <QDate>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTime>

namespace doorstep::gui {
namespace {

QDate toQDate(Date d)
{
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

Date fromQDate(const QDate& d)
{
    return Date{std::chrono::year{d.year()}, std::chrono::month{static_cast<unsigned>(d.month())},
                std::chrono::day{static_cast<unsigned>(d.day())}};
}

QString resultText(ContactResult r)
{
    switch (r) {
    case ContactResult::Reached: return ContactDialog::tr("Reached, no promise");
    case ContactResult::NoAnswer: return ContactDialog::tr("No answer");
    case ContactResult::Busy: return ContactDialog::tr("Busy or rejected");
    case ContactResult::WrongNumber: return ContactDialog::tr("Wrong number");
    case ContactResult::MessageSent: return ContactDialog::tr("Message sent");
    case ContactResult::CallbackRequested: return ContactDialog::tr("Callback requested");
    case ContactResult::AppointmentAgreed: return ContactDialog::tr("Appointment agreed");
    case ContactResult::PromiseToPay: return ContactDialog::tr("Promise to pay");
    case ContactResult::Refused: return ContactDialog::tr("Refused");
    case ContactResult::Paid: return ContactDialog::tr("Says it is paid");
    }
    return {};
}

constexpr ContactResult kSpokenResults[] = {
    ContactResult::NoAnswer,
    ContactResult::Busy,
    ContactResult::WrongNumber,
    ContactResult::Reached,
    ContactResult::CallbackRequested,
    ContactResult::AppointmentAgreed,
    ContactResult::PromiseToPay,
    ContactResult::Refused,
    ContactResult::Paid,
};

}  // namespace

ContactDialog::ContactDialog(app::Session& session, std::int64_t borrowerRowId, const QString& customer,
                             QWidget* parent)
    : QDialog(parent), m_session(session), m_borrowerRowId(borrowerRowId), m_ui(std::make_unique<Ui::ContactDialog>())
{
    m_ui->setupUi(this);
    m_ui->customerLabel->setText(customer);
    m_ui->guardLabel->setStyleSheet(Theme::errorStyle());
    m_ui->figuresLabel->setStyleSheet(Theme::secondaryTextStyle());
    // The rule's words sit right under the form; spare height goes below them, not between the lines.
    for (QLabel* l : {m_ui->guardLabel, m_ui->figuresLabel})
        l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->previewEdit->setMaximumHeight(fontMetrics().lineSpacing() * 5);  // an SMS is a few lines
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Log contact"));

    m_ui->whoCombo->addItem(tr("Borrower"), static_cast<int>(ContactParty::Borrower));
    m_ui->whoCombo->addItem(tr("Guarantor"), static_cast<int>(ContactParty::Guarantor));
    m_ui->whoCombo->addItem(tr("Contact person"), static_cast<int>(ContactParty::ThirdParty));
    m_ui->channelCombo->addItem(tr("Call"), static_cast<int>(ContactChannel::Call));
    m_ui->channelCombo->addItem(tr("SMS"), static_cast<int>(ContactChannel::Sms));
    m_ui->channelCombo->addItem(tr("Visit attempt"), static_cast<int>(ContactChannel::Visit));

    if (auto numbers = app::ContactService(session).caseNumbers(borrowerRowId)) {
        m_numbers = std::move(*numbers);
        for (std::size_t i = 0; i < m_numbers.size(); ++i) {
            const auto& n = m_numbers[i];
            m_ui->numberCombo->addItem(n.relation.empty()
                                           ? tr("%1 (own)").arg(toQString(n.masked))
                                           : tr("%1 (%2)").arg(toQString(n.masked), toQString(n.relation)),
                                       static_cast<int>(i));
        }
    } else {
        showProblem(errorText(numbers.error()));
    }
    if (auto templates = app::TemplateService(session).templates()) m_templates = std::move(*templates);
    for (std::size_t i = 0; i < m_templates.size(); ++i)
        m_ui->templateCombo->addItem(toQString(m_templates[i].tpl.name), static_cast<int>(i));

    const LocalDateTime now = app::localNow(session);
    m_ui->dateEdit->setDate(toQDate(now.date));
    m_ui->timeEdit->setTime(QTime(now.time.hour(), now.time.minute()));
    m_ui->promiseDateEdit->setDate(toQDate(addDays(now.date, 7)));
    fillResults();

    const auto changed = [this] { updateState(); };
    for (QComboBox* c : {m_ui->whoCombo, m_ui->numberCombo, m_ui->resultCombo, m_ui->templateCombo})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ui->channelCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillResults();
        updateState();
    });
    for (QLineEdit* e : {m_ui->relationEdit, m_ui->exceptionReasonEdit, m_ui->promiseAmountEdit})
        connect(e, &QLineEdit::textChanged, this, changed);
    connect(m_ui->unreachableCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->exceptionCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, changed);
    connect(m_ui->timeEdit, &QTimeEdit::timeChanged, this, changed);
    connect(m_ui->promiseDateEdit, &QDateEdit::dateChanged, this, changed);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ContactDialog::logAndAccept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

ContactDialog::~ContactDialog() = default;

QPushButton* ContactDialog::okButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

QString ContactDialog::guardText() const
{
    return m_ui->guardLabel->text();
}

void ContactDialog::fillResults()
{
    const auto channel = static_cast<ContactChannel>(m_ui->channelCombo->currentData().toInt());
    const QSignalBlocker blocker(m_ui->resultCombo);
    const QVariant previous = m_ui->resultCombo->currentData();
    m_ui->resultCombo->clear();
    if (channel == ContactChannel::Sms) {
        m_ui->resultCombo->addItem(resultText(ContactResult::MessageSent),
                                   static_cast<int>(ContactResult::MessageSent));
    } else {
        for (ContactResult r : kSpokenResults)
            m_ui->resultCombo->addItem(resultText(r), static_cast<int>(r));
        if (const int at = m_ui->resultCombo->findData(previous); at >= 0) m_ui->resultCombo->setCurrentIndex(at);
    }
}

std::optional<Money> ContactDialog::promisedAmount() const
{
    QString text = m_ui->promiseAmountEdit->text().trimmed();
    text.remove(QLatin1Char(','));
    text.remove(QChar(0xFF0C));  // a full-width comma typed with a Chinese input method
    auto amount = parseYuan(toStd(text));
    if (!amount || amount->fen <= 0) return std::nullopt;
    return *amount;
}

app::ContactEntry ContactDialog::entry() const
{
    app::ContactEntry e;
    e.borrowerRowId = m_borrowerRowId;
    e.who = static_cast<ContactParty>(m_ui->whoCombo->currentData().toInt());
    if (e.who == ContactParty::ThirdParty) e.relation = toStd(m_ui->relationEdit->text().trimmed());
    e.channel = static_cast<ContactChannel>(m_ui->channelCombo->currentData().toInt());
    if (e.channel != ContactChannel::Visit && m_ui->numberCombo->currentIndex() >= 0) {
        const auto i = static_cast<std::size_t>(m_ui->numberCombo->currentData().toInt());
        if (i < m_numbers.size()) e.numberId = m_numbers[i].id;
    }
    e.date = fromQDate(m_ui->dateEdit->date());
    const QTime t = m_ui->timeEdit->time();
    e.time = ClockTime::at(t.hour(), t.minute());
    e.result = static_cast<ContactResult>(m_ui->resultCombo->currentData().toInt());
    e.note = toStd(m_ui->noteEdit->text().trimmed());
    if (e.result == ContactResult::PromiseToPay) {
        e.promisedAmount = promisedAmount().value_or(Money{});
        e.promisedDate = fromQDate(m_ui->promiseDateEdit->date());
    }
    e.borrowerUnreachable = e.who != ContactParty::Borrower && m_ui->unreachableCheck->isChecked();
    if (m_ui->exceptionCheck->isChecked()) e.exceptionReason = toStd(m_ui->exceptionReasonEdit->text().trimmed());
    return e;
}

void ContactDialog::showProblem(const QString& text)
{
    m_ui->guardLabel->setText(text);
    m_ui->guardLabel->setVisible(!text.isEmpty());
}

void ContactDialog::updateState()
{
    const app::ContactEntry e = entry();
    const bool thirdParty = e.who == ContactParty::ThirdParty;
    const bool sms = e.channel == ContactChannel::Sms;
    const bool promise = e.result == ContactResult::PromiseToPay;
    m_ui->relationLabel->setVisible(thirdParty);
    m_ui->relationEdit->setVisible(thirdParty);
    m_ui->unreachableCheck->setVisible(e.who != ContactParty::Borrower);
    m_ui->numberCombo->setEnabled(e.channel != ContactChannel::Visit);
    for (QWidget* w : std::initializer_list<QWidget*>{m_ui->templateLabel, m_ui->templateCombo, m_ui->previewLabel,
                                                      m_ui->previewEdit})
        w->setVisible(sms);
    for (QWidget* w : std::initializer_list<QWidget*>{m_ui->promiseAmountLabel, m_ui->promiseAmountEdit,
                                                      m_ui->promiseDateLabel, m_ui->promiseDateEdit})
        w->setVisible(promise);

    QStringList problems;
    bool ok = true;
    bool exceptionPossible = false;
    auto decision = app::ContactService(m_session).check(e);
    if (!decision) {
        problems << errorText(decision.error());
        ok = false;
    } else {
        for (const ContactRefusal& r : decision->refusals) {
            problems << errorText(r.error);
            exceptionPossible = exceptionPossible || ruleAllowsException(r.rule);
        }
        exceptionPossible = exceptionPossible || decision->exceptionUsed();
        ok = decision->allowed();
        m_ui->figuresLabel->setText(
            tr("Today so far: %1 unanswered call(s) to this number; %2 conversation(s) with the customer.")
                .arg(decision->unansweredCallsToNumber)
                .arg(decision->conversationsToday));
        if (decision->exceptionUsed())
            m_ui->figuresLabel->setText(m_ui->figuresLabel->text() + QLatin1Char('\n') +
                                        tr("Recorded as an exception to the rule, with your reason; supervisors "
                                           "see it in the list of exceptions."));
    }
    if (sms) {
        m_ui->previewEdit->clear();
        const int i = m_ui->templateCombo->currentData().toInt();
        if (m_ui->templateCombo->currentIndex() < 0 || i < 0 || static_cast<std::size_t>(i) >= m_templates.size()) {
            problems << tr("Choose a message template.");
            ok = false;
        } else {
            app::SmsRequest request{e, m_templates[static_cast<std::size_t>(i)].id, 0};
            if (auto text = app::SmsService(m_session).preview(request)) {
                m_ui->previewEdit->setPlainText(toQString(*text));
            } else {
                problems << errorText(text.error());
                ok = false;
            }
        }
    }
    if (promise && !promisedAmount()) {
        problems << tr("Enter the promised amount in yuan (like 1,500.00).");
        ok = false;
    }
    m_ui->exceptionCheck->setVisible(exceptionPossible);
    m_ui->exceptionReasonEdit->setVisible(exceptionPossible);
    m_ui->exceptionReasonEdit->setEnabled(m_ui->exceptionCheck->isChecked());
    if (exceptionPossible && m_ui->exceptionCheck->isChecked() && e.exceptionReason.empty()) {
        problems << tr("Give the reason for the exception.");
        ok = false;
    }
    problems.removeDuplicates();
    showProblem(problems.join(QLatin1Char('\n')));
    okButton()->setEnabled(ok);
}

void ContactDialog::logAndAccept()
{
    updateState();
    if (!okButton()->isEnabled()) return;
    const app::ContactEntry e = entry();
    if (e.channel == ContactChannel::Sms) {
        const auto i = static_cast<std::size_t>(m_ui->templateCombo->currentData().toInt());
        auto sent = app::SmsService(m_session).send(app::SmsRequest{e, m_templates.at(i).id, 0});
        if (!sent) {
            showProblem(errorText(sent.error()));
            return;
        }
        m_eventId = sent->contact.eventId;
    } else {
        auto logged = app::ContactService(m_session).logContact(e);
        if (!logged) {
            showProblem(errorText(logged.error()));
            return;
        }
        m_eventId = logged->eventId;
    }
    accept();
}

}  // namespace doorstep::gui
