#include "gui/visits/visit_note_text.h"

#include "domain/shared/clock_time.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/qt_text.h"

#include <QCoreApplication>

namespace doorstep::gui {
namespace {

// The context of this file's sentences in the translations.
class VisitNoteText {
    Q_DECLARE_TR_FUNCTIONS(VisitNoteText)
};

QString esc(const std::string& text)
{
    return toQString(text).toHtmlEscaped();
}

// Free text keeps its line breaks.
QString paragraph(const std::string& text)
{
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(label, value);
}

QString yesNo(bool value)
{
    return value ? VisitNoteText::tr("yes") : VisitNoteText::tr("no");
}

}  // namespace

QString noteStateText(NoteState state)
{
    return messageText(noteStateLabel(state));
}

QString staffText(const StaffNames& names, const std::string& username)
{
    return names(username);
}

QString noteContentHtml(const VisitNoteContent& c, const StaffNames& names)
{
    QStringList visitors;
    for (const auto& v : c.visitors)
        visitors << staffText(names, v).toHtmlEscaped();
    QString html = QStringLiteral("<table>");
    html += row(VisitNoteText::tr("Visited by:"), visitors.join(VisitNoteText::tr(", ")));
    const QString times = QStringLiteral("%1 – %2").arg(
        c.arrived ? toQString(formatClockTime(*c.arrived)) : VisitNoteText::tr("not recorded"),
        c.left ? toQString(formatClockTime(*c.left)) : VisitNoteText::tr("not recorded"));
    html += row(VisitNoteText::tr("Arrived – left:"), times);
    QString place = messageText(placeKindName(c.place));
    if (!c.placeNote.empty()) place += QStringLiteral(" · ") + esc(c.placeNote);
    html += row(VisitNoteText::tr("Place:"), place);
    if (!c.customerHome) {
        html += row(VisitNoteText::tr("Met:"), VisitNoteText::tr("nobody (not at home)"));
    } else {
        QString met = messageText(metRelationName(c.metRelation));
        if (!c.metName.empty()) met += QStringLiteral(" · ") + esc(c.metName);
        html += row(VisitNoteText::tr("Met:"), met);
    }
    const VisitProtocol& p = c.protocol;
    html += row(VisitNoteText::tr("Protocol:"),
                VisitNoteText::tr("identification shown: %1; consent to enter asked: %2, given: %3; purpose told: %4")
                    .arg(yesNo(p.identificationShown), yesNo(p.consentToEnterAsked), yesNo(p.consentToEnterGiven),
                         yesNo(p.purposeTold)));
    QStringList reasons;
    for (HardshipReason r : c.hardship) {
        QString text = messageText(hardshipReasonName(r));
        if (r == HardshipReason::Other && !c.hardshipOther.empty())
            text = VisitNoteText::tr("%1 (%2)").arg(text, esc(c.hardshipOther));
        reasons << text;
    }
    html += row(VisitNoteText::tr("Hardship:"),
                reasons.isEmpty() ? VisitNoteText::tr("none recorded") : reasons.join(VisitNoteText::tr("; ")));
    html += row(VisitNoteText::tr("Household income / expenses:"),
                QStringLiteral("%1 / %2").arg(
                    c.monthlyIncome ? moneyText(c.monthlyIncome->fen) : VisitNoteText::tr("not stated"),
                    c.monthlyExpenses ? moneyText(c.monthlyExpenses->fen) : VisitNoteText::tr("not stated")));
    html +=
        row(VisitNoteText::tr("Ability / willingness to pay:"),
            QStringLiteral("%1 / %2").arg(messageText(scaleName(c.ability)), messageText(scaleName(c.willingness))));
    html += row(VisitNoteText::tr("Attitude:"), messageText(attitudeName(c.attitude)));
    if (!c.customerRequests.empty())
        html += row(VisitNoteText::tr("The customer asked for:"), paragraph(c.customerRequests));
    QStringList promises;
    for (const PaymentPromise& promise : c.promises)
        promises
            << VisitNoteText::tr("%1 by %2").arg(moneyText(promise.amount.fen), toQString(formatIsoDate(promise.due)));
    html += row(VisitNoteText::tr("Promises to pay:"),
                promises.isEmpty() ? VisitNoteText::tr("none") : promises.join(QStringLiteral("<br>")));
    if (!c.nextSteps.empty()) html += row(VisitNoteText::tr("Next steps:"), paragraph(c.nextSteps));
    html += row(VisitNoteText::tr("Propose a repayment plan:"), yesNo(c.proposePlan));
    if (!c.freeText.empty()) html += row(VisitNoteText::tr("Notes:"), paragraph(c.freeText));
    html += QStringLiteral("</table>");
    return html;
}

QString noteHistoryHtml(const VisitNote& note, const StaffNames& names)
{
    QString html;
    for (const VisitNoteVersion& v : note.versions) {
        html += QStringLiteral("<p>") + VisitNoteText::tr("<b>Version %1</b> (%2) by %3, %4")
                                            .arg(v.number)
                                            .arg(messageText(versionKindName(v.kind)),
                                                 staffText(names, v.by).toHtmlEscaped(), timestampText(v.at));
        if (!v.addendumText.empty())
            html += QStringLiteral("<br>") + VisitNoteText::tr("Addendum: %1").arg(paragraph(v.addendumText));
        html += QStringLiteral("</p>");
        for (const VisitNoteReview& r : note.reviews) {
            if (r.version != v.number) continue;
            html += QStringLiteral("<p style='margin-left:16px'>") +
                    VisitNoteText::tr("%1 by %2, %3")
                        .arg(messageText(reviewDecisionName(r.decision)), staffText(names, r.by).toHtmlEscaped(),
                             timestampText(r.at));
            if (!r.comment.empty())
                html += QStringLiteral("<br>") + VisitNoteText::tr("Comment: %1").arg(paragraph(r.comment));
            html += QStringLiteral("</p>");
        }
    }
    return html;
}

}  // namespace doorstep::gui
