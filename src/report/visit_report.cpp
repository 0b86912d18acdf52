#include "report/visit_report.h"

#include "domain/shared/clock_time.h"
#include "domain/shared/money.h"
#include "report/pdf_document.h"

#include <QByteArray>
#include <QGuiApplication>

namespace doorstep::report {
namespace {

// QTextDocument lays out text with the platform's fonts: a batch process gets an offscreen application.
void ensureApplication()
{
    if (QCoreApplication::instance() != nullptr) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    static int argc = 1;
    static char name[] = "doorstep-cli";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* application = new QGuiApplication(argc, argv);  // lives as long as the process
    (void)application;
}

class Words {
public:
    explicit Words(Language language) : m_language(language) {}
    QString operator()(MessageId id, const MessageArgs& args = {}) const
    {
        return QString::fromStdString(formatMessage(id.value, args, m_language)).toHtmlEscaped();
    }
    QString yesNo(bool yes) const
    {
        return (*this)(yes ? MessageId{"visit_report.yes"} : MessageId{"visit_report.no"});
    }

private:
    Language m_language;
};

QString text(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td width='28%' bgcolor='#f2f2f2'>%1</td><td>%2</td></tr>").arg(label, value);
}

QString tableOpen()
{
    return QStringLiteral("<table border='1' cellspacing='0' cellpadding='4' width='100%'>");
}

QString timeText(const std::optional<ClockTime>& t)
{
    return t ? QString::fromStdString(formatClockTime(*t)) : QStringLiteral("—");
}

QString moneyText(const std::optional<Money>& m, const Words& w)
{
    return m ? QString::fromStdString(formatYuan(*m)) : w(MessageId{"visit_report.not_stated"});
}

// A member of staff by display name (李专员, not officer1); the user name when the report has no name for them.
std::string staffName(const VisitReport& r, const std::string& user)
{
    const auto it = r.staffNames.find(user);
    return it != r.staffNames.end() && !it->second.empty() ? it->second : user;
}

QString contentHtml(const VisitNoteContent& c, const VisitReport& r, const Words& w)
{
    QString html = tableOpen();
    QString visitors;
    for (const auto& v : c.visitors)
        visitors += (visitors.isEmpty() ? QString() : QStringLiteral("、")) + text(staffName(r, v));
    html += row(w(MessageId{"visit_report.visitors"}), visitors);
    if (c.customerHome) {
        QString met = w(metRelationName(c.metRelation));
        if (!c.metName.empty()) met += QStringLiteral(" ") + text(c.metName);
        html += row(w(MessageId{"visit_report.met"}), met);
    } else {
        html += row(w(MessageId{"visit_report.met"}), w(MessageId{"visit_report.nobody_met"}));
    }
    QString place = w(placeKindName(c.place));
    if (!c.placeNote.empty()) place += QStringLiteral(" ") + text(c.placeNote);
    html += row(w(MessageId{"visit_report.place"}), place);
    html += row(w(MessageId{"visit_report.times"}), timeText(c.arrived) + QStringLiteral(" – ") + timeText(c.left));
    QString checklist;
    const std::pair<MessageId, bool> items[] = {
        {MessageId{"visit_report.check.identification"}, c.protocol.identificationShown},
        {MessageId{"visit_report.check.consent_asked"}, c.protocol.consentToEnterAsked},
        {MessageId{"visit_report.check.consent_given"}, c.protocol.consentToEnterGiven},
        {MessageId{"visit_report.check.purpose"}, c.protocol.purposeTold},
    };
    for (const auto& [label, done] : items)
        checklist += QStringLiteral("%1%2 %3").arg(checklist.isEmpty() ? QString() : QStringLiteral("<br>"),
                                                   done ? QStringLiteral("☑") : QStringLiteral("☐"), w(label));
    html += row(w(MessageId{"visit_report.checklist"}), checklist);
    QString hardship;
    for (HardshipReason reason : c.hardship) {
        if (!hardship.isEmpty()) hardship += QStringLiteral("；");
        hardship += w(hardshipReasonName(reason));
        if (reason == HardshipReason::Other && !c.hardshipOther.empty())
            hardship += QStringLiteral("（") + text(c.hardshipOther) + QStringLiteral("）");
    }
    html += row(w(MessageId{"visit_report.hardship"}),
                hardship.isEmpty() ? w(MessageId{"visit_report.not_stated"}) : hardship);
    html += row(w(MessageId{"visit_report.income"}), moneyText(c.monthlyIncome, w));
    html += row(w(MessageId{"visit_report.expenses"}), moneyText(c.monthlyExpenses, w));
    html += row(w(MessageId{"visit_report.ability"}), w(scaleName(c.ability)));
    html += row(w(MessageId{"visit_report.willingness"}), w(scaleName(c.willingness)));
    html += row(w(MessageId{"visit_report.attitude"}), w(attitudeName(c.attitude)));
    html += row(w(MessageId{"visit_report.requests"}), text(c.customerRequests));
    QString promises;
    for (const PaymentPromise& p : c.promises) {
        if (!promises.isEmpty()) promises += QStringLiteral("<br>");
        promises += w(MessageId{"visit_report.promise"},
                      {MessageArg::money("amount", p.amount), MessageArg::text("date", formatIsoDate(p.due))});
    }
    html += row(w(MessageId{"visit_report.promises"}), promises.isEmpty() ? QStringLiteral("—") : promises);
    html += row(w(MessageId{"visit_report.next_steps"}), text(c.nextSteps));
    html += row(w(MessageId{"visit_report.propose_plan"}), w.yesNo(c.proposePlan));
    html += row(w(MessageId{"visit_report.remarks"}), text(c.freeText));
    return html + QStringLiteral("</table>");
}

QString reportHtml(const VisitReport& r, const Words& w)
{
    const VisitNote& n = r.note;
    QString html = QStringLiteral("<h2 align='center'>%1</h2>")
                       .arg(w(MessageId{"visit_report.title"}, {MessageArg::text("id", std::to_string(n.id))}));
    html +=
        QStringLiteral("<p align='right'><small>%1</small></p>")
            .arg(w(MessageId{"visit_report.printed"}, {MessageArg::text("by", staffName(r, r.printedBy)),
                                                       MessageArg::text("at", formatUtcStampLocally(r.printedAt))}));
    html += tableOpen();
    html += row(w(MessageId{"visit_report.customer"}), text(r.customerId) + QStringLiteral(" ") + text(r.customerName) +
                                                           QStringLiteral(" ") + text(r.maskedIdNumber));
    html += row(w(MessageId{"visit_report.district"}), text(r.district));
    html += row(w(MessageId{"visit_report.visit"}),
                w(MessageId{"visit_report.visit_when"},
                  {MessageArg::text("date", formatIsoDate(n.visitDate)),
                   MessageArg::text("time", formatClockTime(r.start)), MessageArg::number("minutes", r.durationMinutes),
                   MessageArg::ref("state", appointmentStateName(r.appointmentState))}));
    html += row(w(MessageId{"visit_report.author"}), text(staffName(r, n.author)));
    html += row(w(MessageId{"visit_report.state"}), w(noteStateLabel(n.state)));
    html += QStringLiteral("</table>");

    for (const VisitNoteVersion& v : n.versions) {
        html += QStringLiteral("<h3>%1</h3>")
                    .arg(w(MessageId{"visit_report.version"},
                           {MessageArg::number("number", v.number), MessageArg::ref("kind", versionKindName(v.kind)),
                            MessageArg::text("by", staffName(r, v.by)),
                            MessageArg::text("at", formatUtcStampLocally(v.at))}));
        if (v.kind == VersionKind::Addendum)
            html +=
                QStringLiteral("<p><b>%1</b>%2</p>").arg(w(MessageId{"visit_report.addendum"}), text(v.addendumText));
        html += contentHtml(v.content, r, w);
    }
    if (n.versions.empty() && n.draft) {
        html += QStringLiteral("<h3>%1</h3>").arg(w(MessageId{"visit_report.draft"}));
        html += contentHtml(n.draft->content, r, w);
    }

    html += QStringLiteral("<h3>%1</h3>").arg(w(MessageId{"visit_report.reviews"}));
    if (n.reviews.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(w(MessageId{"visit_report.no_reviews"}));
    } else {
        html += tableOpen();
        for (const VisitNoteReview& rv : n.reviews) {
            html +=
                row(w(MessageId{"visit_report.review"}, {MessageArg::number("number", rv.version),
                                                         MessageArg::ref("decision", reviewDecisionName(rv.decision)),
                                                         MessageArg::text("by", staffName(r, rv.by)),
                                                         MessageArg::text("at", formatUtcStampLocally(rv.at))}),
                    text(rv.comment));
        }
        html += QStringLiteral("</table>");
    }

    if (!r.promises.empty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(w(MessageId{"visit_report.promise_status"}));
        html += tableOpen();
        for (const VisitReportPromise& p : r.promises) {
            html +=
                row(w(MessageId{"visit_report.promise"}, {MessageArg::money("amount", p.promise.amount),
                                                          MessageArg::text("date", formatIsoDate(p.promise.due))}),
                    w(promiseStatusName(p.status)) + QStringLiteral("（") +
                        w(MessageId{"visit_report.paid"}, {MessageArg::money("paid", p.paid)}) + QStringLiteral("）"));
        }
        html += QStringLiteral("</table>");
    }

    if (!r.attachments.empty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(w(MessageId{"visit_report.attachments"}));
        html += tableOpen();
        for (const VisitReportAttachment& a : r.attachments) {
            html += row(text(a.fileName),
                        w(MessageId{"visit_report.attachment"},
                          {MessageArg::number("size", a.sizeBytes), MessageArg::number("version", a.version)}));
        }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h3>%1</h3>").arg(w(MessageId{"visit_report.signatures"}));
    html += QStringLiteral("<table cellspacing='0' cellpadding='10' width='100%'>");
    const QString line = QStringLiteral("______________________");
    for (const auto& v : n.currentContent().visitors) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(w(MessageId{"visit_report.sign_visitor"}, {MessageArg::text("name", staffName(r, v))}), line,
                         w(MessageId{"visit_report.sign_date"}));
    }
    html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                .arg(w(MessageId{"visit_report.sign_supervisor"}), line, w(MessageId{"visit_report.sign_date"}));
    html += QStringLiteral("</table>");
    return html;
}

QString documentHtml(const std::vector<VisitReport>& reports, Language language)
{
    const Words w(language);
    QString html;
    bool first = true;
    for (const VisitReport& r : reports) {
        if (!first) html += QStringLiteral("<div style='page-break-before: always'></div>");
        html += reportHtml(r, w);
        first = false;
    }
    return html;
}

constexpr PageSetup kReportPage =
    PageSetup{.orientation = QPageLayout::Portrait, .marginMillimetres = 15, .fontPoints = 9};

}  // namespace

int writeVisitReportPdf(const std::string& path, const std::vector<VisitReport>& reports, Language language)
{
    if (reports.empty()) return 0;
    ensureApplication();
    return writeHtmlPdf(QString::fromStdString(path), documentHtml(reports, language),
                        QString::fromStdString(formatMessage(MessageId{"visit_report.document"}.value, {}, language)),
                        kReportPage);
}

std::string visitReportText(const std::vector<VisitReport>& reports, Language language)
{
    ensureApplication();
    return htmlPlainText(documentHtml(reports, language), kReportPage).toStdString();
}

}  // namespace doorstep::report
