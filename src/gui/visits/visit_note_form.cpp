#include "gui/visits/visit_note_form.h"

#include "app/screening/screening_service.h"
#include "domain/shared/clock_time.h"
#include "domain/shared/money.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_visit_note_form.h"

#include <QCoreApplication>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QRegularExpressionValidator>
#include <QTime>

namespace doorstep::gui {
namespace {

// Yuan with at most two decimals, no sign: what a household states.
const QRegularExpression kYuanPattern(QStringLiteral("^[0-9]{0,9}(\\.[0-9]{0,2})?$"));

QDate qdateFrom(Date d)
{
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

Date dateFrom(const QDate& d)
{
    return Date{std::chrono::year{d.year()}, std::chrono::month{static_cast<unsigned>(d.month())},
                std::chrono::day{static_cast<unsigned>(d.day())}};
}

// 00:00 is the time edits' "not recorded" (no visit happens at midnight: the quiet hours).
std::optional<ClockTime> clockFrom(const QTime& t)
{
    if (!t.isValid() || (t.hour() == 0 && t.minute() == 0)) return std::nullopt;
    return ClockTime::at(t.hour(), t.minute());
}

QTime qtimeFrom(const std::optional<ClockTime>& t)
{
    return t ? QTime(t->hour(), t->minute()) : QTime(0, 0);
}

std::optional<Money> moneyFrom(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) return std::nullopt;
    auto m = parseYuan(toStd(t));
    if (!m) return std::nullopt;
    return *m;
}

// An editable field holds what its validator accepts (8000.00); a read-only one reads as a number for
// people (8,000.00), the field's label saying the unit.
QString yuanText(const std::optional<Money>& m, bool editable)
{
    if (!m) return {};
    if (editable) return toQString(formatYuanPlain(*m));
    return toQString(formatYuanGrouped(*m));
}

void selectData(QComboBox* combo, const QVariant& value)
{
    const int i = combo->findData(value);
    combo->setCurrentIndex(i >= 0 ? i : 0);
}

}  // namespace

VisitNoteForm::VisitNoteForm(app::Session& session, std::int64_t noteId, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::VisitNoteForm>()), m_session(session), m_noteId(noteId)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("VisitNoteForm"));
    m_ui->errorLabel->setStyleSheet(Theme::errorStyle());
    m_ui->errorLabel->hide();
    m_ui->budgetError->setStyleSheet(Theme::errorStyle());
    m_ui->budgetError->hide();
    m_ui->returnCommentLabel->setStyleSheet(Theme::noticeStyle());
    m_ui->statusLabel->setStyleSheet(Theme::secondaryTextStyle());
    m_ui->attachmentLimitLabel->setStyleSheet(Theme::secondaryTextStyle());
    const auto staff = app::ScreeningService(session).staffNames();
    m_names = staff;

    for (QComboBox* visitor : {m_ui->visitor1Combo, m_ui->visitor2Combo}) {
        visitor->addItem(tr("(nobody)"), QString());
        for (const auto& [username, display] : staff)
            visitor->addItem(staffText(m_names, username), toQString(username));
    }
    for (const auto& [relation, code] : kMetRelationCodes)
        m_ui->metRelationCombo->addItem(messageText(metRelationName(relation)), static_cast<int>(relation));
    for (const auto& [place, code] : kPlaceKindCodes)
        m_ui->placeCombo->addItem(messageText(placeKindName(place)), static_cast<int>(place));
    for (QComboBox* scale : {m_ui->abilityCombo, m_ui->willingnessCombo}) {
        for (int v = 0; v <= kScaleMax; ++v)
            scale->addItem(messageText(scaleName(v)), v);
    }
    m_ui->abilityCombo->setToolTip(tr("Ability to pay"));
    m_ui->willingnessCombo->setToolTip(tr("Willingness to pay"));
    for (const auto& [attitude, code] : kAttitudeCodes)
        m_ui->attitudeCombo->addItem(messageText(attitudeName(attitude)), static_cast<int>(attitude));
    for (QTimeEdit* t : {m_ui->arrivedEdit, m_ui->leftEdit})
        t->setMinimumTime(QTime(0, 0));
    m_hardshipChecks = {{HardshipReason::JobLoss, m_ui->hardshipJobLoss},
                        {HardshipReason::OverSpending, m_ui->hardshipOverSpending},
                        {HardshipReason::TermsMisunderstood, m_ui->hardshipTerms},
                        {HardshipReason::IllnessOrFamilyEvent, m_ui->hardshipIllness},
                        {HardshipReason::BusinessFailure, m_ui->hardshipBusiness},
                        {HardshipReason::Other, m_ui->hardshipOther}};
    for (QLineEdit* money : {m_ui->incomeEdit, m_ui->expensesEdit})
        money->setValidator(new QRegularExpressionValidator(kYuanPattern, money));
    auto* promises = m_ui->promisesTable;
    promises->setColumnCount(2);
    promises->setHorizontalHeaderLabels({tr("Amount (yuan)"), tr("By")});
    promises->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    promises->verticalHeader()->hide();
    promises->setSelectionBehavior(QAbstractItemView::SelectRows);
    const std::int64_t limit = app::loadVisitSettings(session.database().connection()).attachmentMaxBytes;
    m_ui->attachmentLimitLabel->setText(
        tr("Photos and scans are kept inside the encrypted database, up to %1 MB "
           "each.")
            .arg(QLocale().toString(static_cast<double>(limit) / (1024 * 1024), 'f', 1)));

    // Every change restarts the autosave timer.
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &VisitNoteForm::saveNow);
    for (QComboBox* c : findChildren<QComboBox*>())
        connect(c, &QComboBox::currentIndexChanged, this, &VisitNoteForm::contentChanged);
    for (QLineEdit* e : m_ui->scrollContents->findChildren<QLineEdit*>()) {
        if (e->parent() != promises->viewport() && !qobject_cast<QComboBox*>(e->parent()))
            connect(e, &QLineEdit::textEdited, this, &VisitNoteForm::contentChanged);
    }
    for (QPlainTextEdit* e : findChildren<QPlainTextEdit*>())
        connect(e, &QPlainTextEdit::textChanged, this, &VisitNoteForm::contentChanged);
    for (QCheckBox* c : findChildren<QCheckBox*>())
        connect(c, &QCheckBox::toggled, this, &VisitNoteForm::contentChanged);
    for (QTimeEdit* t : {m_ui->arrivedEdit, m_ui->leftEdit})
        connect(t, &QTimeEdit::timeChanged, this, &VisitNoteForm::contentChanged);
    for (const auto& [reason, check] : m_hardshipChecks) {
        connect(check, &QCheckBox::toggled, this, [this, r = reason](bool on) {
            if (m_loading) return;
            std::erase(m_hardship, r);
            if (on) m_hardship.push_back(r);
        });
    }
    connect(m_ui->addPromiseButton, &QPushButton::clicked, this, [this] {
        addPromiseRow(std::nullopt);
        contentChanged();
    });
    connect(m_ui->removePromiseButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->promisesTable->currentRow();
        m_ui->promisesTable->removeRow(row >= 0 ? row : m_ui->promisesTable->rowCount() - 1);
        contentChanged();
    });
    connect(m_ui->addAttachmentButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Add a file to the visit note"), QString(),
                                         tr("Photos and scans (*.jpg *.jpeg *.png *.pdf);;All files (*)"));
        if (!path.isEmpty()) addAttachmentFile(path);
    });
    connect(m_ui->removeAttachmentButton, &QPushButton::clicked, this, &VisitNoteForm::removeSelectedAttachment);
    connect(m_ui->versionsList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && !m_loading) showVersion(item->data(Qt::UserRole).toInt());
    });
    connect(m_ui->submitButton, &QPushButton::clicked, this, [this] { submit(); });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    // Quitting the application with the form open (the window closed, Ctrl+Q) keeps what was typed.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &VisitNoteForm::saveNow);

    if (load()) {
        showVersion(m_canEdit || m_detail.note.versions.empty() ? 0 : m_detail.note.versions.back().number);
    } else {
        setInputsEditable(false);
        m_ui->submitButton->setEnabled(false);
    }
}

VisitNoteForm::~VisitNoteForm() = default;

bool VisitNoteForm::load()
{
    auto detail = app::VisitNoteService(m_session).note(m_noteId);
    if (!detail) {
        showError(errorText(detail.error()));
        return false;
    }
    m_detail = std::move(*detail);
    const VisitNote& note = m_detail.note;
    const auto& moves = m_detail.allowedMoves;
    m_canEdit = std::ranges::find(moves, NoteMove::EditDraft) != moves.end();
    const Appointment& a = m_detail.appointment.appointment;
    setWindowTitle(tr("Visit note no. %1").arg(note.id));
    m_ui->caseLabel->setText(tr("Customer <b>%1</b> %2 · visit on %3 at %4 (%5) · <b>%6</b>")
                                 .arg(toQString(m_detail.borrowerBankId).toHtmlEscaped(),
                                      toQString(m_detail.borrowerName).toHtmlEscaped(),
                                      toQString(formatIsoDate(note.visitDate)), toQString(formatClockTime(a.start)),
                                      messageText(appointmentStateName(a.state)), noteStateText(note.state)));
    const std::string comment = note.returnComment();
    m_ui->returnCommentLabel->setVisible(note.state == NoteState::Returned);
    if (note.state == NoteState::Returned) {
        const VisitNoteReview& r = note.reviews.back();
        m_ui->returnCommentLabel->setText(
            tr("Returned by %1 on %2: %3").arg(staffText(m_names, r.by), timestampText(r.at), toQString(comment)));
    }
    const bool addendum = note.state == NoteState::Returned;
    m_ui->submitButton->setText(addendum ? tr("&Submit addendum…") : tr("&Submit…"));
    const bool canSubmit = std::ranges::find(moves, addendum ? NoteMove::AddAddendum : NoteMove::Submit) != moves.end();
    m_ui->submitButton->setVisible(canSubmit);
    m_ui->historyBrowser->setHtml(noteHistoryHtml(note, m_names));
    m_ui->historyBrowser->setVisible(!note.versions.empty());
    fillVersionsList();
    fillAttachments();
    return true;
}

void VisitNoteForm::fillVersionsList()
{
    const bool was = m_loading;
    m_loading = true;
    m_ui->versionsList->clear();
    for (const VisitNoteVersion& v : m_detail.note.versions) {
        auto* item = new QListWidgetItem(
            tr("Version %1 · %2\n%3").arg(v.number).arg(staffText(m_names, v.by), timestampText(v.at)),
            m_ui->versionsList);
        item->setData(Qt::UserRole, v.number);
        item->setToolTip(messageText(versionKindName(v.kind)));
    }
    if (m_canEdit) {
        auto* item = new QListWidgetItem(m_detail.note.state == NoteState::Returned ? tr("Addendum being written")
                                                                                    : tr("Draft being written"),
                                         m_ui->versionsList);
        item->setData(Qt::UserRole, 0);
    }
    m_loading = was;
}

void VisitNoteForm::showVersion(int number)
{
    if (m_shown == 0 && number != 0 && m_editable) saveNow();  // leaving the draft: keep it
    const VisitNote& note = m_detail.note;
    const VisitNoteVersion* version = nullptr;
    for (const auto& v : note.versions) {
        if (v.number == number) version = &v;
    }
    if (number != 0 && !version) return;
    m_shown = number;
    m_editable = m_canEdit && number == 0;  // before filling: the amounts are written for the one or the other
    if (version) {
        fill(version->content, version->addendumText);
        m_ui->addendumBox->setVisible(version->kind == VersionKind::Addendum);
    } else if (note.draft) {
        fill(note.draft->content, note.draft->addendumText);
        m_ui->addendumBox->setVisible(note.state == NoteState::Returned);
    } else {
        // A returned note without an addendum started: the latest version is where the correction starts.
        fill(note.currentContent(), {});
        m_ui->addendumBox->setVisible(note.state == NoteState::Returned);
    }
    setInputsEditable(m_editable);
    m_ui->submitButton->setEnabled(m_editable);
    const bool was = m_loading;
    m_loading = true;
    for (int row = 0; row < m_ui->versionsList->count(); ++row) {
        if (m_ui->versionsList->item(row)->data(Qt::UserRole).toInt() == number) m_ui->versionsList->setCurrentRow(row);
    }
    m_loading = was;
}

void VisitNoteForm::fill(const VisitNoteContent& c, const std::string& addendumText)
{
    const bool was = m_loading;
    m_loading = true;
    const auto visitor = [&](std::size_t i) { return i < c.visitors.size() ? toQString(c.visitors[i]) : QString(); };
    for (auto [combo, i] :
         {std::pair{m_ui->visitor1Combo, std::size_t{0}}, std::pair{m_ui->visitor2Combo, std::size_t{1}}}) {
        const QString name = visitor(i);
        if (!name.isEmpty() && combo->findData(name) < 0) combo->addItem(name, name);  // a user since removed
        selectData(combo, name);
    }
    m_ui->customerHomeCheck->setChecked(c.customerHome);
    selectData(m_ui->metRelationCombo, static_cast<int>(c.metRelation));
    m_ui->metNameEdit->setText(toQString(c.metName));
    selectData(m_ui->placeCombo, static_cast<int>(c.place));
    m_ui->placeNoteEdit->setText(toQString(c.placeNote));
    m_ui->arrivedEdit->setTime(qtimeFrom(c.arrived));
    m_ui->leftEdit->setTime(qtimeFrom(c.left));
    m_ui->identificationCheck->setChecked(c.protocol.identificationShown);
    m_ui->consentAskedCheck->setChecked(c.protocol.consentToEnterAsked);
    m_ui->consentGivenCheck->setChecked(c.protocol.consentToEnterGiven);
    m_ui->purposeCheck->setChecked(c.protocol.purposeTold);
    m_hardship = c.hardship;
    for (const auto& [reason, check] : m_hardshipChecks)
        check->setChecked(std::ranges::find(c.hardship, reason) != c.hardship.end());
    m_ui->hardshipOtherEdit->setText(toQString(c.hardshipOther));
    m_ui->incomeEdit->setText(yuanText(c.monthlyIncome, m_editable));
    m_ui->expensesEdit->setText(yuanText(c.monthlyExpenses, m_editable));
    selectData(m_ui->abilityCombo, c.ability);
    selectData(m_ui->willingnessCombo, c.willingness);
    selectData(m_ui->attitudeCombo, static_cast<int>(c.attitude));
    m_ui->requestsEdit->setPlainText(toQString(c.customerRequests));
    m_ui->promisesTable->setRowCount(0);
    for (const PaymentPromise& p : c.promises)
        addPromiseRow(p);
    m_ui->nextStepsEdit->setPlainText(toQString(c.nextSteps));
    m_ui->proposePlanCheck->setChecked(c.proposePlan);
    m_ui->freeTextEdit->setPlainText(toQString(c.freeText));
    m_ui->addendumEdit->setPlainText(toQString(addendumText));
    m_loading = was;
    updateDependentFields();
}

void VisitNoteForm::addPromiseRow(const std::optional<PaymentPromise>& promise)
{
    auto* table = m_ui->promisesTable;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* amount = new QLineEdit(table);
    amount->setObjectName(QStringLiteral("promiseAmount%1").arg(row));
    amount->setValidator(new QRegularExpressionValidator(kYuanPattern, amount));
    amount->setPlaceholderText(tr("0.00"));
    auto* due = new QDateEdit(table);
    due->setObjectName(QStringLiteral("promiseDue%1").arg(row));
    due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    due->setCalendarPopup(true);
    due->setDate(qdateFrom(promise ? promise->due : addDays(m_detail.note.visitDate, 7)));
    if (promise) amount->setText(yuanText(promise->amount, m_editable));
    connect(amount, &QLineEdit::textEdited, this, &VisitNoteForm::contentChanged);
    connect(due, &QDateEdit::dateChanged, this, &VisitNoteForm::contentChanged);
    table->setCellWidget(row, 0, amount);
    table->setCellWidget(row, 1, due);
}

VisitNoteDraft VisitNoteForm::draftFromForm() const
{
    VisitNoteDraft d;
    VisitNoteContent& c = d.content;
    for (QComboBox* combo : {m_ui->visitor1Combo, m_ui->visitor2Combo}) {
        if (const QString name = combo->currentData().toString(); !name.isEmpty()) c.visitors.push_back(toStd(name));
    }
    c.customerHome = m_ui->customerHomeCheck->isChecked();
    c.metRelation = static_cast<MetRelation>(m_ui->metRelationCombo->currentData().toInt());
    c.metName = toStd(m_ui->metNameEdit->text());
    c.place = static_cast<PlaceKind>(m_ui->placeCombo->currentData().toInt());
    c.placeNote = toStd(m_ui->placeNoteEdit->text());
    c.arrived = clockFrom(m_ui->arrivedEdit->time());
    c.left = clockFrom(m_ui->leftEdit->time());
    c.protocol = {m_ui->identificationCheck->isChecked(), m_ui->consentAskedCheck->isChecked(),
                  m_ui->consentGivenCheck->isChecked(), m_ui->purposeCheck->isChecked()};
    c.hardship = m_hardship;
    c.hardshipOther = toStd(m_ui->hardshipOtherEdit->text());
    c.monthlyIncome = moneyFrom(m_ui->incomeEdit->text());
    c.monthlyExpenses = moneyFrom(m_ui->expensesEdit->text());
    c.ability = m_ui->abilityCombo->currentData().toInt();
    c.willingness = m_ui->willingnessCombo->currentData().toInt();
    c.attitude = static_cast<Attitude>(m_ui->attitudeCombo->currentData().toInt());
    c.customerRequests = toStd(m_ui->requestsEdit->toPlainText());
    for (int row = 0; row < m_ui->promisesTable->rowCount(); ++row) {
        const auto* amount = qobject_cast<QLineEdit*>(m_ui->promisesTable->cellWidget(row, 0));
        const auto* due = qobject_cast<QDateEdit*>(m_ui->promisesTable->cellWidget(row, 1));
        if (!amount || !due) continue;
        if (const auto m = moneyFrom(amount->text())) c.promises.push_back(PaymentPromise{*m, dateFrom(due->date())});
    }
    c.nextSteps = toStd(m_ui->nextStepsEdit->toPlainText());
    c.proposePlan = m_ui->proposePlanCheck->isChecked();
    c.freeText = toStd(m_ui->freeTextEdit->toPlainText());
    if (m_detail.note.state == NoteState::Returned) d.addendumText = toStd(m_ui->addendumEdit->toPlainText());
    return d;
}

void VisitNoteForm::setInputsEditable(bool editable)
{
    for (QLineEdit* e : m_ui->scrollContents->findChildren<QLineEdit*>()) {
        if (!qobject_cast<QComboBox*>(e->parent()) && !qobject_cast<QAbstractSpinBox*>(e->parent()))
            e->setReadOnly(!editable);
    }
    for (QPlainTextEdit* e : m_ui->scrollContents->findChildren<QPlainTextEdit*>())
        e->setReadOnly(!editable);
    for (QWidget* w : m_ui->scrollContents->findChildren<QWidget*>()) {
        if (qobject_cast<QComboBox*>(w) || qobject_cast<QCheckBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
            qobject_cast<QPushButton*>(w))
            w->setEnabled(editable);
    }
    if (editable) updateDependentFields();
}

void VisitNoteForm::updateDependentFields()
{
    if (!m_editable) return;
    const bool met = m_ui->customerHomeCheck->isChecked();
    m_ui->metRelationCombo->setEnabled(met);
    m_ui->metNameEdit->setEnabled(met);
    m_ui->consentGivenCheck->setEnabled(m_ui->consentAskedCheck->isChecked());
    m_ui->hardshipOtherEdit->setEnabled(m_ui->hardshipOther->isChecked());
    m_ui->placeNoteEdit->setEnabled(m_ui->placeCombo->currentData().toInt() != static_cast<int>(PlaceKind::Home));
}

void VisitNoteForm::contentChanged()
{
    if (m_loading || !m_editable) return;
    updateDependentFields();
    const bool badAmount = (!m_ui->incomeEdit->text().trimmed().isEmpty() && !moneyFrom(m_ui->incomeEdit->text())) ||
                           (!m_ui->expensesEdit->text().trimmed().isEmpty() && !moneyFrom(m_ui->expensesEdit->text()));
    m_ui->budgetError->setText(badAmount ? tr("Write an amount in yuan, such as 3200 or 3200.50.") : QString());
    m_ui->budgetError->setVisible(badAmount);
    m_dirty = true;
    m_ui->statusLabel->setText(tr("Changes not yet saved…"));
    m_autosave.start();  // restarts: saved a second after the typing pauses
}

bool VisitNoteForm::saveNow()
{
    m_autosave.stop();
    if (!m_dirty || !m_editable) return true;
    QElapsedTimer took;
    took.start();
    const VisitNoteDraft draft = draftFromForm();
    auto saved = app::VisitNoteService(m_session).saveDraft(m_noteId, draft);
    m_lastSaveUs = took.nsecsElapsed() / 1000;
    if (!saved) {
        m_ui->statusLabel->setText(tr("The draft could not be saved: %1").arg(errorText(saved.error())));
        m_ui->statusLabel->setStyleSheet(Theme::errorStyle());
        return false;
    }
    m_dirty = false;
    m_detail.note.draft = draft;
    m_ui->statusLabel->setStyleSheet(Theme::secondaryTextStyle());
    m_ui->statusLabel->setText(tr("Draft saved %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    m_ui->statusLabel->setToolTip(tr("The save took %1 ms.").arg(QLocale().toString(m_lastSaveUs / 1000.0, 'f', 1)));
    Q_EMIT draftSaved();
    return true;
}

bool VisitNoteForm::submit(bool askFirst)
{
    if (!m_editable) return false;
    const bool addendum = m_detail.note.state == NoteState::Returned;
    // Checked first, as the service will check it: a note that cannot go is refused before anyone is asked
    // to confirm it, and what was typed is kept as the draft.
    const VisitNoteDraft typed = draftFromForm();
    const auto& user = m_session.user();
    const Actor actor = noteActor(m_detail.note, user.username, user.role);
    const auto check = addendum ? addNoteAddendum(m_detail.note, actor, typed, user.username, m_session.now())
                                : submitNote(m_detail.note, actor, typed, user.username, m_session.now());
    if (!check) {
        saveNow();
        showError(errorText(check.error()));
        return false;
    }
    if (askFirst && !MessageBox::confirm(this, tr("Submit the visit note"),
                                         addendum ? tr("Submit the addendum as version %1? Once submitted it cannot "
                                                       "be changed; a correction is another addendum.")
                                                        .arg(m_detail.note.versions.size() + 1)
                                                  : tr("Once submitted, the note cannot be changed; a correction is "
                                                       "made as an addendum. Submit it to the supervisors?"),
                                         addendum ? tr("Submit addendum") : tr("Submit")))
        return false;
    m_autosave.stop();
    const VisitNoteDraft draft = draftFromForm();
    app::VisitNoteService service(m_session);
    const auto done = addendum ? service.addAddendum(m_noteId, draft) : service.submit(m_noteId, draft);
    // The draft was stored first, whatever the outcome (VisitNoteService::submit).
    m_dirty = false;
    if (!done) {
        showError(errorText(done.error()));
        return false;
    }
    showError({});
    m_ui->statusLabel->setText(addendum ? tr("Addendum submitted.") : tr("Submitted to the supervisors."));
    if (load()) showVersion(m_detail.note.versions.empty() ? 0 : m_detail.note.versions.back().number);
    Q_EMIT submitted();
    return true;
}

bool VisitNoteForm::addAttachmentFile(const QString& path)
{
    const QFileInfo info(path);
    const std::int64_t limit = app::loadVisitSettings(m_session.database().connection()).attachmentMaxBytes;
    // Said before reading a file that could not be kept anyway.
    if (info.size() > limit) {
        showError(messageText(MessageId{"visit_note.attachment_too_large"},
                              {MessageArg::number("size", info.size()), MessageArg::number("max", limit)}));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("The file could not be read."));
        return false;
    }
    const QByteArray bytes = file.readAll();
    saveNow();
    auto added = app::VisitNoteService(m_session).addAttachment(
        m_noteId, toStd(info.fileName()), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!added) {
        showError(errorText(added.error()));
        return false;
    }
    showError({});
    fillAttachments();
    return true;
}

bool VisitNoteForm::removeSelectedAttachment()
{
    const QListWidgetItem* item = m_ui->attachmentsList->currentItem();
    if (!item) return false;
    auto removed = app::VisitNoteService(m_session).removeAttachment(item->data(Qt::UserRole).toLongLong());
    if (!removed) {
        showError(errorText(removed.error()));
        return false;
    }
    showError({});
    fillAttachments();
    return true;
}

void VisitNoteForm::fillAttachments()
{
    auto rows = app::VisitNoteService(m_session).attachments(m_noteId);
    m_ui->attachmentsList->clear();
    if (!rows) return;
    for (const app::AttachmentRow& a : *rows) {
        const QString size = QLocale().formattedDataSize(a.sizeBytes);
        auto* item = new QListWidgetItem(
            a.version == 0 ? tr("%1 (%2, not yet submitted)").arg(toQString(a.fileName), size)
                           : tr("%1 (%2, version %3)").arg(toQString(a.fileName), size).arg(a.version),
            m_ui->attachmentsList);
        item->setData(Qt::UserRole, static_cast<qlonglong>(a.id));
    }
}

void VisitNoteForm::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void VisitNoteForm::done(int result)
{
    saveNow();  // closing never loses typing (also when the lock or a quit closes the form)
    QDialog::done(result);
}

}  // namespace doorstep::gui
