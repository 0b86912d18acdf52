#pragma once
// The branch's delinquency rules as a form (DOMAIN.md 3, "configurable"): the penalty markup, the order
// in which a payment settles an instalment's parts, the bucket boundaries and the five-category class
// thresholds of both profiles. The rules of validity are the domain's; the dialog says which part breaks them.
#include "domain/delinquency.h"

#include <QDialog>
#include <array>

class QLabel;
class QListWidget;
class QSpinBox;

namespace doorstep::gui {

class DelinquencySettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit DelinquencySettingsDialog(const DelinquencySettings& settings, QWidget* parent = nullptr);
    DelinquencySettings settings() const;
    void setSettings(const DelinquencySettings& settings);
    void showError(const QString& text);
    void accept() override;  // stays open, saying what is wrong, until the rules are valid

private:
    void moveComponent(int step);

    QSpinBox* m_markup = nullptr;
    QListWidget* m_order = nullptr;
    std::array<QSpinBox*, 6> m_buckets{};
    std::array<QSpinBox*, 4> m_loanClasses{};
    std::array<QSpinBox*, 4> m_cardClasses{};
    QLabel* m_error = nullptr;
};

}  // namespace doorstep::gui
