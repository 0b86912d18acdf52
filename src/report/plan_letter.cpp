#include "report/plan_letter.h"

#include "domain/shared/money.h"

#include "report/pdf_document.h"

namespace doorstep::report {
namespace {

QString words(std::string_view id, const MessageArgs& args, Language language)
{
    return QString::fromStdString(formatMessage(id, args, language)).toHtmlEscaped();
}

QString words(std::string_view id, Language language)
{
    return words(id, {}, language);
}

QString money(Money m)
{
    return QString::fromStdString(formatYuan(m));
}

QString letterHtml(const PlanLetter& l, Language language)
{
    const Plan& p = l.plan;
    Money totalPaid, interest;
    for (const PlanInstalment& i : p.instalments) {
        totalPaid += i.payment();
    }
    interest = totalPaid - p.financed;
    const std::string first = p.instalments.empty() ? "" : formatIsoDate(p.instalments.front().dueDate);
    const std::string last = p.instalments.empty() ? "" : formatIsoDate(p.instalments.back().dueDate);

    QString html = QStringLiteral("<h2 align='center'>%1</h2>").arg(words("letter.title", language));
    html +=
        QStringLiteral("<p>%1<br>%2</p>")
            .arg(words("letter.customer",
                       {MessageArg::text("name", l.customerName), MessageArg::text("id", l.maskedIdNumber)}, language),
                 words("letter.loan",
                       {MessageArg::text("loan", l.loanId), MessageArg::text("proposal", std::to_string(l.proposalId))},
                       language));
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(words("letter.summary",
                           {MessageArg::ref("kind", planKindName(p.kind)),
                            MessageArg::number("count", static_cast<std::int64_t>(p.instalments.size())),
                            MessageArg::text("first", first), MessageArg::text("last", last)},
                           language),
                     words("letter.amounts",
                           {MessageArg::money("owed", p.contractual), MessageArg::money("waived", p.waived()),
                            MessageArg::money("financed", p.financed), MessageArg::money("interest", interest),
                            MessageArg::money("total", totalPaid)},
                           language));

    html += QStringLiteral("<h3>%1</h3>").arg(words("letter.schedule", language));
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>");
    for (const char* column : {"letter.col.number", "letter.col.due", "letter.col.payment", "letter.col.principal",
                               "letter.col.interest", "letter.col.balance"})
        html += QStringLiteral("<th>%1</th>").arg(words(column, language));
    html += QStringLiteral("</tr>");
    for (const PlanInstalment& i : p.instalments) {
        html += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td align='right'>%3</td>"
                               "<td align='right'>%4</td><td align='right'>%5</td><td align='right'>%6</td></tr>")
                    .arg(QString::number(i.sequence), QString::fromStdString(formatIsoDate(i.dueDate)),
                         money(i.payment()), money(i.principal), money(i.interest), money(i.balance));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><ol>").arg(words("letter.terms", language));
    html += QStringLiteral("<li>%1</li>")
                .arg(words("letter.term.start", {MessageArg::text("start", formatIsoDate(l.start))}, language));
    html += QStringLiteral("<li>%1</li>").arg(words("letter.term.pay", language));
    if (l.observationMonths > 0)
        html +=
            QStringLiteral("<li>%1</li>")
                .arg(words("letter.term.restructured", {MessageArg::number("months", l.observationMonths)}, language));
    html += QStringLiteral("</ol>");

    html += QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
                .arg(words("letter.missed", language),
                     words("letter.missed.text", {MessageArg::number("days", l.brokenAfterDays)}, language),
                     words("letter.missed.contact", language));

    const QString line = QStringLiteral("____________________");
    const QString date = words("letter.sign.date", language);
    html += QStringLiteral("<br><table width='100%' cellpadding='8'>");
    for (const char* who : {"letter.sign.customer", "letter.sign.officer", "letter.sign.bank"}) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%2</td></tr>")
                    .arg(words(who, language), line, date);
    }
    html += QStringLiteral("</table>");
    html +=
        QStringLiteral("<p><small>%1</small></p>")
            .arg(words("letter.printed",
                       {MessageArg::text("date", formatIsoDate(l.printedOn)), MessageArg::text("officer", l.officer)},
                       language));
    return html;
}

constexpr PageSetup kLetterPage = PageSetup{.orientation = QPageLayout::Portrait, .marginMillimetres = 15};

}  // namespace

int writePlanLetterPdf(const QString& path, const PlanLetter& letter, Language language)
{
    return writeHtmlPdf(path, letterHtml(letter, language),
                        QString::fromStdString(formatMessage("letter.title", {}, language)), kLetterPage);
}

std::vector<QImage> renderPlanLetterPages(const PlanLetter& letter, Language language, int dotsPerInch)
{
    return renderHtmlPages(letterHtml(letter, language), kLetterPage, dotsPerInch);
}

}  // namespace doorstep::report
