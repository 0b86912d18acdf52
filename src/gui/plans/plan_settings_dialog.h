#pragma once
// The branch's repayment-plan rules as a form (administrators): the affordability limit, the officers'
// authority limits, the days late that break a plan and a restructured loan's observation period.
#include "app/plans/plan_settings.h"

#include <QDialog>
#include <memory>
#include <optional>

namespace Ui {
class PlanSettingsDialog;
}

namespace doorstep::gui {

class PlanSettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PlanSettingsDialog(const app::PlanSettings& settings, QWidget* parent = nullptr);
    ~PlanSettingsDialog() override;
    PlanSettingsDialog(const PlanSettingsDialog&) = delete;
    PlanSettingsDialog& operator=(const PlanSettingsDialog&) = delete;

    // What the form says; none (and the form says why) when an amount is not one.
    std::optional<app::PlanSettings> settings();
    void showError(const QString& text);

private:
    void validateAndAccept();
    std::unique_ptr<Ui::PlanSettingsDialog> m_ui;
};

}  // namespace doorstep::gui
