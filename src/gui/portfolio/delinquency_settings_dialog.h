#pragma once
// The branch's delinquency rules as a form (DOMAIN.md 3, "configurable"): the penalty markup, the order
// in which a payment settles an instalment's parts, the bucket boundaries and the five-category class
// thresholds of both profiles. The rules of validity are the domain's; the dialog names the field that breaks
// them by its label, says why in its message area (a fixed, wrapping line that never squeezes the form), and
// focuses and highlights the field. Of two fields out of order it flags the one changed last.
#include "domain/portfolio/delinquency.h"

#include <QDialog>
#include <array>
#include <optional>
#include <span>

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
    // The field flagged by the last refused Save (nullptr when none), for tests.
    QWidget* flaggedField() const { return m_flagged; }

private:
    void moveComponent(int step);
    // The field that breaks the rules and why, or nothing when `s` is valid.
    struct Problem {
        QWidget* field = nullptr;
        QString text;
    };
    std::optional<Problem> problemIn(const DelinquencySettings& s) const;
    // fields[later] is not above fields[later - 1] as the rules want (buckets: strictly later days; classes: not
    // fewer days): the problem of whichever of the two was changed last, else of fields[later].
    Problem outOfOrder(std::span<QSpinBox* const> fields, std::size_t later, bool buckets) const;
    void flag(QWidget* field);

    QSpinBox* m_markup = nullptr;
    QListWidget* m_order = nullptr;
    std::array<QSpinBox*, 6> m_buckets{};
    std::array<QSpinBox*, 4> m_loanClasses{};
    std::array<QSpinBox*, 4> m_cardClasses{};
    QLabel* m_error = nullptr;
    QWidget* m_lastEdited = nullptr;  // the spin box the administrator changed last
    QWidget* m_flagged = nullptr;
};

}  // namespace doorstep::gui
