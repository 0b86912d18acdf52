#pragma once
// The workstation settings: language and the idle time before Doorstep locks itself.
#include <QDialog>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace doorstep::gui {

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;
    SettingsDialog(const SettingsDialog&) = delete;
    SettingsDialog& operator=(const SettingsDialog&) = delete;

private:
    void save();
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};

}  // namespace doorstep::gui
