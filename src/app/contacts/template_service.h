#pragma once
// The template library as use cases (issue 10): everyone who works cases reads the templates, the phrase list
// and the branch phone a message gives; supervisors change them, each change audited. A flagged template is
// kept (the editor shows why) but cannot be used until it is changed (message_template.h fillTemplate).
#include "app/users/session.h"
#include "domain/contacts/template_library.h"
#include "domain/messages/error.h"
#include "storage/contacts/template_repository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::app {

using TemplateItem = storage::TemplateRow;

class TemplateService final {
public:
    explicit TemplateService(Session& session) : m_session(session) {}

    Result<std::vector<TemplateItem>> templates() const;  // WorkCases or ReviewWork
    Result<TemplateItem> findTemplate(std::int64_t id) const;
    Result<std::vector<TonePhrase>> phrases() const;
    // The template's placeholders, tone findings and debt details against the stored phrase list, for the
    // editor while typing; InvalidInput when the text does not parse.
    Result<TemplateReview> review(std::string_view text) const;
    // The number messages ask the customer to call; "" until a supervisor sets it.
    Result<std::string> branchPhone() const;

    // Supervisors (ReviewWork). `item.id` 0 adds a template; returns its id. Audited template.save.
    Result<std::int64_t> save(const TemplateItem& item);
    Result<void> remove(std::int64_t id);                           // audited template.remove
    Result<void> savePhrases(const std::vector<TonePhrase>& list);  // audited template.phrases
    Result<void> setBranchPhone(const std::string& phone);          // audited template.branch_phone

private:
    Result<void> mayRead() const;
    Session& m_session;
};

// The stored branch phone, "" when none (for filling outside a use case's session checks).
std::string loadBranchPhone(const storage::Connection& connection);

}  // namespace doorstep::app
