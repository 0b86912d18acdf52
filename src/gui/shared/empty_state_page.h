#pragma once
// A page whose area has nothing in it yet: says what will appear here and how it gets there.
#include <QWidget>

namespace doorstep::gui {

class EmptyStatePage final : public QWidget {
    Q_OBJECT
public:
    EmptyStatePage(const QString& title, const QString& emptyHeadline, const QString& explanation,
                   QWidget* parent = nullptr);
};

}  // namespace doorstep::gui
