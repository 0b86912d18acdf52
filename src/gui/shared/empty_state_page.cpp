#include "gui/shared/empty_state_page.h"

#include "gui/shared/theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace doorstep::gui {

EmptyStatePage::EmptyStatePage(const QString& title, const QString& emptyHeadline, const QString& explanation,
                               QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    heading->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(heading);
    layout->addStretch(1);
    auto* headline = new QLabel(emptyHeadline, this);
    headline->setObjectName(QStringLiteral("emptyHeadline"));
    headline->setAlignment(Qt::AlignCenter);
    headline->setStyleSheet(Theme::headlineStyle());
    layout->addWidget(headline);
    auto* text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("emptyExplanation"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setStyleSheet(Theme::secondaryTextStyle());
    layout->addWidget(text);
    layout->addStretch(2);
}

}  // namespace doorstep::gui
