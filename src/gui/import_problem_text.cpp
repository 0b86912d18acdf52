#include "gui/import_problem_text.h"

#include "gui/qt_text.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <optional>
#include <vector>

namespace doorstep::gui {
namespace {

constexpr const char* kContext = "ImportProblems";

// Fragments after an optional leading quoted value ('abc' …). Files, columns and codes stay as written.
constexpr const char* kFragments[] = {
    QT_TRANSLATE_NOOP("ImportProblems", "is not a rate in percent (like 4.35)"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not an amount in yuan (like 1234.56)"),
    QT_TRANSLATE_NOOP("ImportProblems", "has more than two decimals"),
    QT_TRANSLATE_NOOP("ImportProblems", "has more than four decimals"),
    QT_TRANSLATE_NOOP("ImportProblems", "is too large an amount"),
    QT_TRANSLATE_NOOP("ImportProblems", "is empty where an amount is needed"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not a date in the form YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not a day of the calendar"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not a whole number"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not a mobile number of 11 digits"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not in borrowers.csv"),
    QT_TRANSLATE_NOOP("ImportProblems", "is not in loans.csv"),
    QT_TRANSLATE_NOOP("ImportProblems", "is already used on an earlier line"),
    QT_TRANSLATE_NOOP("ImportProblems", "is already used on an earlier line, by another loan's payment"),
    QT_TRANSLATE_NOOP("ImportProblems", "appears twice among this loan's payments"),
    QT_TRANSLATE_NOOP("ImportProblems", "has no instalments in instalments.csv"),
    QT_TRANSLATE_NOOP("ImportProblems", "must be more than zero"),
    QT_TRANSLATE_NOOP("ImportProblems", "must not be empty"),
    QT_TRANSLATE_NOOP("ImportProblems", "must not be negative"),
    QT_TRANSLATE_NOOP("ImportProblems", "is required but missing from the header"),
    QT_TRANSLATE_NOOP("ImportProblems", "appears more than once in the header"),
    QT_TRANSLATE_NOOP("ImportProblems", "the resident ID number's check digit is wrong"),
    QT_TRANSLATE_NOOP("ImportProblems", "the resident ID number does not have 18 characters"),
    QT_TRANSLATE_NOOP("ImportProblems", "the resident ID number is not 17 digits followed by a digit or X"),
    QT_TRANSLATE_NOOP("ImportProblems", "the resident ID number's birth date is not a real date"),
    QT_TRANSLATE_NOOP("ImportProblems", "the file is empty; it needs at least its header row"),
    QT_TRANSLATE_NOOP("ImportProblems", "the manifest has more than one row"),
    QT_TRANSLATE_NOOP("ImportProblems", "the manifest row is missing (the file has only its header)"),
};

// Messages with several quoted values: %1, %2 … stand for each ('abc', or "the value" for what may be personal).
constexpr const char* kPatterns[] = {
    QT_TRANSLATE_NOOP("ImportProblems", "%1 is before the loan's start date %2"),
    QT_TRANSLATE_NOOP("ImportProblems", "%1 differs from the %2 instalments listed in instalments.csv"),
    QT_TRANSLATE_NOOP("ImportProblems", "%1 differs from the principal_due of its instalments, %2 in all"),
    QT_TRANSLATE_NOOP("ImportProblems",
                      "%1 is stored for loan %2 by an earlier extract; this extract gives it to loan %3"),
};

constexpr const char* kTheValue = QT_TRANSLATE_NOOP("ImportProblems", "the value");

std::optional<QString> translatePattern(const QString& message)
{
    struct Compiled {
        QRegularExpression regex;
        const char* source;
    };
    static const std::vector<Compiled> compiled = [] {
        std::vector<Compiled> out;
        // escape() writes each %N as \%N; each becomes a group capturing the value.
        const QRegularExpression placeholder(QStringLiteral("\\\\%[1-9]"));
        for (const char* p : kPatterns) {
            QString regex = QRegularExpression::escape(QString::fromUtf8(p));
            regex.replace(placeholder, QStringLiteral("('[^']*'|the value)"));
            out.push_back({QRegularExpression(QLatin1Char('^') + regex + QLatin1Char('$')), p});
        }
        return out;
    }();
    for (const auto& [regex, source] : compiled) {
        const auto match = regex.match(message);
        if (!match.hasMatch()) continue;
        QString text = QCoreApplication::translate(kContext, source);
        for (int i = 1; i <= match.lastCapturedIndex(); ++i) {
            const QString value = match.captured(i);
            // What may be a personal datum is not quoted (io/extract_table.h): say so in the reader's language.
            text = text.arg(value == QLatin1String("the value") ? QCoreApplication::translate(kContext, kTheValue)
                                                                : value);
        }
        return text;
    }
    return std::nullopt;
}

QString translateFragment(const QString& english)
{
    static const QHash<QString, const char*> known = [] {
        QHash<QString, const char*> map;
        for (const char* f : kFragments)
            map.insert(QString::fromUtf8(f), f);
        return map;
    }();
    auto it = known.constFind(english);
    return it == known.constEnd() ? english : QCoreApplication::translate(kContext, it.value());
}

QString translateMessage(const QString& message)
{
    if (auto pattern = translatePattern(message)) return *pattern;
    // "'abc' is not a rate …": keep the quoted value, translate the rest.
    static const QRegularExpression quoted(QStringLiteral("^('[^']*'|the value) (.*)$"));
    const auto match = quoted.match(message);
    if (match.hasMatch()) {
        const bool unnamed = match.captured(1) == QLatin1String("the value");
        const QString value = unnamed ? QCoreApplication::translate("ImportProblems", kTheValue) : match.captured(1);
        const QString rest = translateFragment(match.captured(2));
        // No space between two Chinese words (该值不是…); one between a quoted value and the words after it.
        const bool joined = unnamed && !value.isEmpty() && value.back().unicode() > 0x2E80 && !rest.isEmpty() &&
                            rest.front().unicode() > 0x2E80;
        if (joined) return value + rest;
        return value + QLatin1Char(' ') + rest;
    }
    return translateFragment(message);
}

}  // namespace

QString importProblemText(const io::ExtractProblem& p)
{
    const QString message = translateMessage(toQString(p.message));
    const QString file = toQString(p.file);
    // A literal context, so that lupdate finds these three.
    if (p.line <= 0) return QCoreApplication::translate("ImportProblems", "%1: %2").arg(file, message);
    if (p.column.empty())
        return QCoreApplication::translate("ImportProblems", "%1 line %2: %3").arg(file).arg(p.line).arg(message);
    return QCoreApplication::translate("ImportProblems", "%1 line %2, column %3: %4")
        .arg(file)
        .arg(p.line)
        .arg(toQString(p.column), message);
}

}  // namespace doorstep::gui
