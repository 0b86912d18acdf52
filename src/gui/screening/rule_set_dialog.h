#pragma once
// The screening rule set as a form (issue 4: "editable by a supervisor in the app, a form, not a
// text file"): rules that add points, exclusions, the minimum score. Saving makes a new version.
#include "domain/screening/screening.h"

#include <QDialog>

class QTableWidget;
class QSpinBox;
class QCheckBox;
class QLabel;

namespace doorstep::gui {

class RuleSetDialog final : public QDialog {
    Q_OBJECT
public:
    explicit RuleSetDialog(const RuleSet& rules, QWidget* parent = nullptr);
    RuleSet ruleSet() const;
    void showError(const QString& text);

    // Tests: the points spin box of rule row `row`.
    QSpinBox* pointsEditor(int row) const;

private:
    void addRuleRow(const ScoringRule& rule);
    QTableWidget* m_rules = nullptr;
    std::vector<std::pair<ExclusionKind, QCheckBox*>> m_exclusions;
    QSpinBox* m_visitedDays = nullptr;
    QSpinBox* m_minimumScore = nullptr;
    QLabel* m_error = nullptr;
    int m_version = 0;
};

}  // namespace doorstep::gui
