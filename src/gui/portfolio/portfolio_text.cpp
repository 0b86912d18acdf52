#include "gui/portfolio/portfolio_text.h"

#include "domain/shared/money.h"
#include "gui/shared/qt_text.h"

#include <QCoreApplication>

namespace doorstep::gui {
namespace {

struct Entry {
    const char* code;
    const char* text;
};

QString lookup(const Entry* entries, std::size_t n, std::string_view code)
{
    for (std::size_t i = 0; i < n; ++i) {
        if (code == entries[i].code) return QCoreApplication::translate("Portfolio", entries[i].text);
    }
    return toQString(code);
}

constexpr Entry kProducts[] = {
    {"mortgage", QT_TRANSLATE_NOOP("Portfolio", "Mortgage")},
    {"consumer", QT_TRANSLATE_NOOP("Portfolio", "Consumer loan")},
    {"business", QT_TRANSLATE_NOOP("Portfolio", "Business loan")},
    {"credit_card", QT_TRANSLATE_NOOP("Portfolio", "Credit card")},
};
constexpr Entry kClasses[] = {
    {"normal", QT_TRANSLATE_NOOP("Portfolio", "Normal")},
    {"special_mention", QT_TRANSLATE_NOOP("Portfolio", "Special mention")},
    {"substandard", QT_TRANSLATE_NOOP("Portfolio", "Substandard")},
    {"doubtful", QT_TRANSLATE_NOOP("Portfolio", "Doubtful")},
    {"loss", QT_TRANSLATE_NOOP("Portfolio", "Loss")},
};
constexpr Entry kRelations[] = {
    {"guarantor", QT_TRANSLATE_NOOP("Portfolio", "Guarantor")},
    {"spouse", QT_TRANSLATE_NOOP("Portfolio", "Spouse")},
    {"relative", QT_TRANSLATE_NOOP("Portfolio", "Relative")},
    {"employer", QT_TRANSLATE_NOOP("Portfolio", "Employer")},
    {"other", QT_TRANSLATE_NOOP("Portfolio", "Other")},
};
constexpr Entry kMethods[] = {
    {"equal_instalment", QT_TRANSLATE_NOOP("Portfolio", "Equal instalments")},
    {"equal_principal", QT_TRANSLATE_NOOP("Portfolio", "Equal principal")},
    {"interest_only_bullet", QT_TRANSLATE_NOOP("Portfolio", "Interest only, principal at the end")},
};

}  // namespace

QString productText(std::string_view code)
{
    return lookup(kProducts, std::size(kProducts), code);
}
QString riskClassText(std::string_view code)
{
    return lookup(kClasses, std::size(kClasses), code);
}
QString relationText(std::string_view code)
{
    return lookup(kRelations, std::size(kRelations), code);
}
QString methodText(std::string_view code)
{
    return lookup(kMethods, std::size(kMethods), code);
}
QString moneyText(std::int64_t fen)
{
    return toQString(formatYuan(Money{fen}));
}

QString leftBookText(const std::string& lastExtract)
{
    if (lastExtract.empty())
        return QCoreApplication::translate("Portfolio", "No longer in the book: no later extract from core banking "
                                                        "held it.");
    return QCoreApplication::translate("Portfolio", "No longer in the book: the last extract that held it was of "
                                                    "%1; the figures are as of then.")
        .arg(toQString(lastExtract));
}

}  // namespace doorstep::gui
