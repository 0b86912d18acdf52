#include "gui/plans/plan_proposal_dialog.h"

#include "domain/plans/plan_comparison.h"
#include "domain/portfolio/amortization.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "ui_plan_proposal_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace doorstep::gui {
namespace {

constexpr int kMaxOptions = 4;
constexpr int kMinOptions = 2;

QString yuanText(Money m)
{
    return toQString(formatYuanPlain(m));
}

std::optional<Money> yuanFrom(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) return Money{};
    auto m = parseYuan(toStd(t));
    if (!m || m->fen < 0) return std::nullopt;
    return *m;
}

Date dateFrom(const QDate& d)
{
    return Date{std::chrono::year{d.year()}, std::chrono::month{static_cast<unsigned>(d.month())},
                std::chrono::day{static_cast<unsigned>(d.day())}};
}

QDate qdateFrom(Date d)
{
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

QString sourceText(const app::FigureSource& source)
{
    if (source.fromNote())
        return PlanProposalDialog::tr("visit note of %1").arg(toQString(formatIsoDate(source.visitDate)));
    return PlanProposalDialog::tr("core-banking extract");
}

}  // namespace

PlanProposalDialog::PlanProposalDialog(app::Session& session, std::int64_t loanRowId, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PlanProposalDialog>()), m_session(session)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(Theme::errorStyle());
    m_ui->errorLabel->hide();
    auto* options = m_ui->optionsTable;
    options->setColumnCount(6);
    options->setHorizontalHeaderLabels({tr("Plan type"), tr("Months"), tr("Grace months"),
                                        tr("Waive penalty and compound interest"), tr("Discount (yuan)"),
                                        tr("Settlement instalments")});
    options->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    options->horizontalHeader()->setStretchLastSection(true);
    options->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Room for the most options and no more, so the comparison below gets the space.
    options->setFixedHeight(options->horizontalHeader()->sizeHint().height() +
                            kMaxOptions * (QSpinBox().sizeHint().height() + 2) + 2 * options->frameWidth());
    m_ui->optionsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ui->comparisonTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->comparisonTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->comparisonTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    connect(m_ui->addOptionButton, &QPushButton::clicked, this, &PlanProposalDialog::addOption);
    connect(m_ui->removeOptionButton, &QPushButton::clicked, this, &PlanProposalDialog::removeOption);
    connect(m_ui->compareButton, &QPushButton::clicked, this, &PlanProposalDialog::compare);
    connect(m_ui->saveDraftButton, &QPushButton::clicked, this,
            [this] { propose(m_ui->chosenCombo->currentIndex(), false); });
    connect(m_ui->submitButton, &QPushButton::clicked, this,
            [this] { propose(m_ui->chosenCombo->currentIndex(), true); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->saveDraftButton->setEnabled(false);
    m_ui->submitButton->setEnabled(false);
    m_ui->householdSourceLabel->setStyleSheet(Theme::secondaryTextStyle());
    m_ui->householdSourceLabel->hide();
    // A figure the officer types is no longer the note's or the extract's.
    connect(m_ui->incomeEdit, &QLineEdit::textEdited, this, [this] {
        m_incomeSource = tr("entered here");
        showHouseholdSources();
    });
    connect(m_ui->expensesEdit, &QLineEdit::textEdited, this, [this] {
        m_expensesSource = tr("entered here");
        showHouseholdSources();
    });

    auto planCase = app::PlanService(session).planCase(loanRowId);
    if (!planCase) {
        showError(errorText(planCase.error()));
        for (QWidget* w : std::initializer_list<QWidget*>{m_ui->householdBox, m_ui->optionsBox})
            w->setEnabled(false);
        return;
    }
    m_case = *planCase;
    const app::PlanCase& c = *m_case;
    m_ui->caseLabel->setText(
        tr("Loan <b>%1</b>, as of %2: owed today <b>%3</b> (principal %4, overdue interest %5, penalty interest %6, "
           "compound interest %7); contract rate %8%, %L9 months left on the contract.")
            .arg(toQString(c.loanId).toHtmlEscaped(), toQString(formatIsoDate(c.asOf)), moneyText(c.debt.total().fen),
                 moneyText(c.debt.principal.fen), moneyText(c.debt.interest.fen), moneyText(c.debt.penalty.fen),
                 moneyText(c.debt.compound.fen), toQString(formatPercentRate(c.rate)))
            .arg(c.remainingMonths));
    m_ui->incomeEdit->setText(yuanText(c.household.monthlyIncome));
    m_ui->expensesEdit->setText(yuanText(c.household.monthlyExpenses));
    m_incomeSource = sourceText(c.incomeSource);
    m_expensesSource = sourceText(c.expensesSource);
    showHouseholdSources();
    m_ui->lumpSumEdit->setText(yuanText(Money{}));
    m_ui->startEdit->setDate(qdateFrom(c.asOf));
    // Three options to start from: 12 months' re-amortisation, 3 months' grace then 12, a settlement.
    for (int i = 0; i < 3; ++i)
        addOption();
    setOption(0, OptionType::EqualInstalment, 12, 0, false);
    setOption(1, OptionType::GraceInterestOnly, 12, 3, false);
    setOption(2, OptionType::Settlement, 1, 0, true, QStringLiteral("0.00"), 1);
}

PlanProposalDialog::PlanProposalDialog(app::Session& session, const app::ProposalRow& proposal, QWidget* parent)
    : PlanProposalDialog(session, proposal.loanRowId, parent)
{
    m_proposalId = proposal.id;
    setWindowTitle(tr("Revise repayment plan no. %1").arg(proposal.id));
    m_ui->incomeEdit->setText(yuanText(proposal.monthlyIncome));
    m_ui->expensesEdit->setText(yuanText(proposal.monthlyExpenses));
    // The proposal keeps the budget it was made with; a newer visit note does not change it.
    m_incomeSource = m_expensesSource = tr("as saved with proposal no. %1").arg(proposal.id);
    showHouseholdSources();
    m_ui->lumpSumEdit->setText(yuanText(proposal.lumpSum));
    m_ui->startEdit->setDate(qdateFrom(proposal.terms.start));
}

PlanProposalDialog::~PlanProposalDialog() = default;

int PlanProposalDialog::optionCount() const
{
    return m_ui->optionsTable->rowCount();
}

void PlanProposalDialog::addOption()
{
    auto* table = m_ui->optionsTable;
    if (table->rowCount() >= kMaxOptions) return;
    const int row = table->rowCount();
    table->insertRow(row);
    setUpOptionRow(row);
    table->setVerticalHeaderItem(row, new QTableWidgetItem(tr("Option %1").arg(row + 1)));
    m_ui->addOptionButton->setEnabled(table->rowCount() < kMaxOptions);
    m_ui->removeOptionButton->setEnabled(table->rowCount() > kMinOptions);
}

void PlanProposalDialog::removeOption()
{
    auto* table = m_ui->optionsTable;
    if (table->rowCount() <= kMinOptions) return;
    table->removeRow(table->rowCount() - 1);
    m_ui->addOptionButton->setEnabled(true);
    m_ui->removeOptionButton->setEnabled(table->rowCount() > kMinOptions);
}

void PlanProposalDialog::setUpOptionRow(int row)
{
    auto* table = m_ui->optionsTable;
    auto* type = new QComboBox(table);
    type->addItem(tr("Re-amortisation, equal instalments"), static_cast<int>(OptionType::EqualInstalment));
    type->addItem(tr("Re-amortisation, equal principal"), static_cast<int>(OptionType::EqualPrincipal));
    type->addItem(tr("Grace period, interest only"), static_cast<int>(OptionType::GraceInterestOnly));
    type->addItem(tr("Grace period, no payment"), static_cast<int>(OptionType::GraceNoPayment));
    type->addItem(tr("Term extension"), static_cast<int>(OptionType::Extension));
    type->addItem(tr("Settlement"), static_cast<int>(OptionType::Settlement));
    table->setCellWidget(row, TypeColumn, type);
    auto* months = new QSpinBox(table);
    months->setRange(1, kMaxTermMonths);
    months->setValue(12);
    table->setCellWidget(row, MonthsColumn, months);
    auto* grace = new QSpinBox(table);
    grace->setRange(0, 60);
    table->setCellWidget(row, GraceColumn, grace);
    auto* waive = new QCheckBox(table);
    table->setCellWidget(row, WaiveColumn, waive);
    auto* discount = new QLineEdit(QStringLiteral("0.00"), table);
    table->setCellWidget(row, DiscountColumn, discount);
    auto* settlement = new QSpinBox(table);
    settlement->setRange(1, kMaxSettlementInstalments);
    table->setCellWidget(row, SettlementColumn, settlement);
}

void PlanProposalDialog::setOption(int row, OptionType type, int months, int graceMonths, bool waive,
                                   const QString& discountYuan, int settlementInstalments)
{
    auto* table = m_ui->optionsTable;
    if (row < 0 || row >= table->rowCount()) return;
    auto* typeBox = qobject_cast<QComboBox*>(table->cellWidget(row, TypeColumn));
    typeBox->setCurrentIndex(typeBox->findData(static_cast<int>(type)));
    qobject_cast<QSpinBox*>(table->cellWidget(row, MonthsColumn))->setValue(months);
    qobject_cast<QSpinBox*>(table->cellWidget(row, GraceColumn))->setValue(graceMonths);
    qobject_cast<QCheckBox*>(table->cellWidget(row, WaiveColumn))->setChecked(waive);
    if (!discountYuan.isEmpty())
        qobject_cast<QLineEdit*>(table->cellWidget(row, DiscountColumn))->setText(discountYuan);
    qobject_cast<QSpinBox*>(table->cellWidget(row, SettlementColumn))->setValue(settlementInstalments);
}

std::optional<PlanTerms> PlanProposalDialog::termsFor(int row)
{
    auto* table = m_ui->optionsTable;
    const auto type =
        static_cast<OptionType>(qobject_cast<QComboBox*>(table->cellWidget(row, TypeColumn))->currentData().toInt());
    const int months = qobject_cast<QSpinBox*>(table->cellWidget(row, MonthsColumn))->value();
    const int grace = qobject_cast<QSpinBox*>(table->cellWidget(row, GraceColumn))->value();
    const bool waive = qobject_cast<QCheckBox*>(table->cellWidget(row, WaiveColumn))->isChecked();
    const auto discount = yuanFrom(qobject_cast<QLineEdit*>(table->cellWidget(row, DiscountColumn))->text());
    const int instalments = qobject_cast<QSpinBox*>(table->cellWidget(row, SettlementColumn))->value();
    if (!discount) {
        showError(tr("Option %1: the discount is not an amount in yuan (like 1000.00).").arg(row + 1));
        return std::nullopt;
    }
    PlanTerms terms;
    terms.start = dateFrom(m_ui->startEdit->date());
    if (waive) terms.waiver = Waiver::full(m_case->debt);
    switch (type) {
    case OptionType::EqualInstalment:
    case OptionType::EqualPrincipal:
    case OptionType::GraceInterestOnly:
    case OptionType::GraceNoPayment: {
        Reamortisation r;
        r.method = type == OptionType::EqualPrincipal ? RepaymentMethod::EqualPrincipal : m_case->method;
        if (type == OptionType::EqualInstalment) r.method = RepaymentMethod::EqualInstalment;
        r.rate = m_case->rate;
        r.termMonths = months;
        const bool isGrace = type == OptionType::GraceInterestOnly || type == OptionType::GraceNoPayment;
        r.graceMonths = isGrace ? grace : 0;
        r.graceMode = type == OptionType::GraceInterestOnly ? GraceMode::InterestOnly : GraceMode::NoPayment;
        terms.shape = r;
        break;
    }
    case OptionType::Extension:
        terms.shape = TermExtension{m_case->method, m_case->rate, m_case->remainingMonths, months};
        break;
    case OptionType::Settlement: terms.shape = Settlement{*discount, instalments}; break;
    }
    return terms;
}

std::optional<Household> PlanProposalDialog::household()
{
    const auto income = yuanFrom(m_ui->incomeEdit->text());
    const auto expenses = yuanFrom(m_ui->expensesEdit->text());
    const auto lump = yuanFrom(m_ui->lumpSumEdit->text());
    if (!income || !expenses || !lump) {
        showError(tr("Income, expenses and the lump sum are amounts in yuan (like 8000.00), not below zero."));
        return std::nullopt;
    }
    return Household{*income, *expenses, *lump};
}

bool PlanProposalDialog::compare()
{
    if (!m_case) return false;
    m_ui->errorLabel->hide();
    const auto h = household();
    if (!h) return false;
    std::vector<PlanTerms> terms;
    for (int row = 0; row < optionCount(); ++row) {
        auto t = termsFor(row);
        if (!t) return false;
        terms.push_back(std::move(*t));
    }
    auto result = app::PlanService(m_session).compare(*m_case, terms, *h);
    if (!result) {
        showError(errorText(result.error()));
        return false;
    }
    m_comparison = std::move(*result);
    m_compared = std::move(terms);
    m_comparedHousehold = *h;
    showComparison();
    return true;
}

void PlanProposalDialog::showComparison()
{
    const app::Comparison& c = *m_comparison;
    auto* table = m_ui->comparisonTable;
    table->clear();
    const QStringList rows{tr("Plan type"),  tr("First instalment"), tr("Largest instalment"),
                           tr("Months"),     tr("Total paid"),       tr("Total interest"),
                           tr("Waived"),     tr("Recovery"),         tr("Share of disposable income"),
                           tr("Affordable"), tr("Approval")};
    table->setRowCount(static_cast<int>(rows.size()));
    table->setColumnCount(static_cast<int>(c.options.size()));
    table->setVerticalHeaderLabels(rows);
    m_ui->chosenCombo->clear();
    for (std::size_t i = 0; i < c.options.size(); ++i) {
        const int col = static_cast<int>(i);
        const app::ComparedOption& o = c.options[i];
        const bool suggested = c.suggestion.option == i;
        table->setHorizontalHeaderItem(col, new QTableWidgetItem(suggested ? tr("Option %1 (suggested)").arg(col + 1)
                                                                           : tr("Option %1").arg(col + 1)));
        m_ui->chosenCombo->addItem(tr("Option %1").arg(col + 1));
        const auto set = [&](int row, const QString& text, bool flagged = false) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (flagged) item->setForeground(Theme::errorColor());
            table->setItem(row, col, item);
        };
        if (!o.plan) {
            set(0, errorText(o.plan.error()), true);
            continue;
        }
        const PlanFigures& f = o.summary.figures;
        const Affordability& a = o.summary.affordability;
        set(0, messageText(planKindName(o.plan->kind)));
        set(1, moneyText(f.firstInstalment.fen));
        set(2, moneyText(f.largestInstalment.fen));
        set(3, QLocale().toString(f.months));
        set(4, moneyText(f.totalPaid.fen));
        set(5, moneyText(f.totalInterest.fen));
        set(6, moneyText(f.waived.fen));
        set(7, toQString(formatBasisPoints(f.recoveryBasisPoints)));
        set(8, a.shareBasisPoints ? toQString(formatBasisPoints(*a.shareBasisPoints)) : tr("no disposable income"),
            !a.affordable);
        set(9, a.affordable ? tr("Yes") : tr("No: above the limit"), !a.affordable);
        set(10, o.approval.supervisorNeeded ? tr("Needs a supervisor") : tr("Within your authority"));
    }
    if (c.suggestion.option) m_ui->chosenCombo->setCurrentIndex(static_cast<int>(*c.suggestion.option));
    m_ui->suggestionLabel->setText(messageText(c.suggestion.reason.id, c.suggestion.reason.args));
    m_ui->saveDraftButton->setEnabled(true);
    m_ui->submitButton->setEnabled(true);
}

std::optional<std::int64_t> PlanProposalDialog::propose(int option, bool submit)
{
    if (!m_comparison || option < 0 || option >= static_cast<int>(m_compared.size())) return std::nullopt;
    const auto& chosen = m_comparison->options[static_cast<std::size_t>(option)];
    if (!chosen.plan) {
        showError(errorText(chosen.plan.error()));
        return std::nullopt;
    }
    app::PlanService service(m_session);
    app::ProposalDraft draft{m_case->loanRowId, m_compared[static_cast<std::size_t>(option)], m_comparedHousehold};
    if (m_proposalId) {
        if (auto r = service.revise(*m_proposalId, draft); !r) {
            showError(errorText(r.error()));
            return std::nullopt;
        }
    } else {
        auto id = service.create(draft);
        if (!id) {
            showError(errorText(id.error()));
            return std::nullopt;
        }
        m_proposalId = *id;
    }
    QString done = tr("Proposal no. %1 was saved as a draft.").arg(*m_proposalId);
    if (submit) {
        auto state = service.submit(*m_proposalId);
        if (!state) {
            showError(errorText(state.error()));
            return m_proposalId;
        }
        done = *state == ProposalState::Approved
                   ? tr("Proposal no. %1 is within your authority and was approved at once.").arg(*m_proposalId)
                   : tr("Proposal no. %1 was submitted to a supervisor for approval.").arg(*m_proposalId);
    }
    MessageBox::information(this, tr("Repayment plan"), done);
    accept();
    return m_proposalId;
}

void PlanProposalDialog::showHouseholdSources()
{
    const auto figure = [](const QLineEdit* edit) {
        const auto m = yuanFrom(edit->text());
        return m ? moneyText(m->fen) : edit->text().trimmed();
    };
    m_ui->householdSourceLabel->setText(
        tr("Monthly income: %1 (source: %2); monthly expenses: %3 (source: %4).")
            .arg(figure(m_ui->incomeEdit), m_incomeSource, figure(m_ui->expensesEdit), m_expensesSource));
    m_ui->householdSourceLabel->show();
}

void PlanProposalDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->show();
}

}  // namespace doorstep::gui
