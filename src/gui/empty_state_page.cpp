#include "gui/empty_state_page.h"

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
    heading->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: 600;"));
    layout->addWidget(heading);
    layout->addStretch(1);
    auto* headline = new QLabel(emptyHeadline, this);
    headline->setObjectName(QStringLiteral("emptyHeadline"));
    headline->setAlignment(Qt::AlignCenter);
    headline->setStyleSheet(QStringLiteral("font-size: 13pt; color: #444444;"));
    layout->addWidget(headline);
    auto* text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("emptyExplanation"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setStyleSheet(QStringLiteral("color: #666666;"));
    layout->addWidget(text);
    layout->addStretch(2);
}

}  // namespace doorstep::gui
