#include "app/contacts/template_service.h"

#include "app/shared/use_case.h"
#include "storage/database/settings_repository.h"

#include <algorithm>
#include <string>

namespace doorstep::app {
namespace {

constexpr std::string_view kBranchPhoneKey = "contact.branch_phone";

// A telephone number as a branch writes it: digits, spaces, hyphens, an optional leading +, and 3 to 20 of
// them in all.
bool isPhoneText(std::string_view phone)
{
    if (phone.size() < 3 || phone.size() > 20) return false;
    int digits = 0;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (!(c == ' ' || c == '-' || (c == '+' && i == 0))) {
            return false;
        }
    }
    return digits >= 3;
}

}  // namespace

std::string loadBranchPhone(const storage::Connection& connection)
{
    return storage::SettingsRepository(connection).get(kBranchPhoneKey).value_or(std::string());
}

Result<void> TemplateService::mayRead() const
{
    if (m_session.can(Permission::WorkCases) || m_session.can(Permission::ReviewWork)) return {};
    return m_session.require(Permission::WorkCases);
}

Result<std::vector<TemplateItem>> TemplateService::templates() const
{
    if (auto r = mayRead(); !r) return std::unexpected(r.error());
    return storage::TemplateRepository(m_session.database().connection()).all();
}

Result<TemplateItem> TemplateService::findTemplate(std::int64_t id) const
{
    if (auto r = mayRead(); !r) return std::unexpected(r.error());
    auto found = storage::TemplateRepository(m_session.database().connection()).find(id);
    if (!found) return fail(ErrorCode::NotFound, MessageId{"template.not_found"});
    return *found;
}

Result<std::vector<TonePhrase>> TemplateService::phrases() const
{
    if (auto r = mayRead(); !r) return std::unexpected(r.error());
    return storage::TemplateRepository(m_session.database().connection()).phrases();
}

Result<TemplateReview> TemplateService::review(std::string_view text) const
{
    auto list = phrases();
    if (!list) return std::unexpected(list.error());
    return reviewTemplate(text, *list);
}

Result<std::string> TemplateService::branchPhone() const
{
    if (auto r = mayRead(); !r) return std::unexpected(r.error());
    return loadBranchPhone(m_session.database().connection());
}

Result<std::int64_t> TemplateService::save(const TemplateItem& item)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<std::int64_t> {
        storage::TemplateRepository repo(uc.db());
        if (auto checked = checkTemplateForSaving(item.tpl, repo.phrases()); !checked)
            return std::unexpected(checked.error());
        storage::TemplateRow row = item;
        row.updatedBy = m_session.user().username;
        row.updatedAt = m_session.now();
        if (row.id == 0) {
            row.id = repo.add(row);
        } else {
            if (!repo.find(row.id)) return fail(ErrorCode::NotFound, MessageId{"template.not_found"});
            repo.update(row);
        }
        uc.audit("template.save", "message_template", std::to_string(row.id));
        uc.changed({Change::What::Settings});
        return row.id;
    });
}

Result<void> TemplateService::remove(std::int64_t id)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        storage::TemplateRepository repo(uc.db());
        if (!repo.find(id)) return fail(ErrorCode::NotFound, MessageId{"template.not_found"});
        repo.remove(id);
        uc.audit("template.remove", "message_template", std::to_string(id));
        uc.changed({Change::What::Settings});
        return {};
    });
}

Result<void> TemplateService::savePhrases(const std::vector<TonePhrase>& list)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        auto checked = checkTonePhrases(list);
        if (!checked) return std::unexpected(checked.error());
        storage::TemplateRepository(uc.db()).replacePhrases(*checked);
        uc.audit("template.phrases", "tone_phrases", std::to_string(checked->size()));
        uc.changed({Change::What::Settings});
        return {};
    });
}

Result<void> TemplateService::setBranchPhone(const std::string& phone)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        if (!isPhoneText(phone)) return fail(ErrorCode::InvalidInput, MessageId{"template.branch_phone_invalid"});
        storage::SettingsRepository(uc.db()).set(kBranchPhoneKey, phone);
        uc.audit("template.branch_phone", "settings", std::string(kBranchPhoneKey));
        uc.changed({Change::What::Settings});
        return {};
    });
}

}  // namespace doorstep::app
