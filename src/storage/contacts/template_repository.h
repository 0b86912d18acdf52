#pragma once
// The template library in the database (issue 10): the message templates supervisors keep and the tone
// check's phrase list. Purpose, audience and phrase kind are stored as their codes here and nowhere else.
#include "domain/contacts/template_library.h"
#include "domain/contacts/tone_check.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace doorstep::storage {

struct TemplateRow {
    std::int64_t id = 0;
    LibraryTemplate tpl;
    std::string updatedBy;
    std::string updatedAt;
};

class TemplateRepository final {
public:
    explicit TemplateRepository(const Connection& connection) : m_db(connection) {}

    // By purpose (the order of kTemplatePurposeCodes), then name.
    std::vector<TemplateRow> all() const;
    std::optional<TemplateRow> find(std::int64_t id) const;
    std::int64_t add(const TemplateRow& row);  // returns the new id
    void update(const TemplateRow& row);       // false-free: the caller found the row first
    void remove(std::int64_t id);

    // The phrase list in the order it was stored.
    std::vector<TonePhrase> phrases() const;
    void replacePhrases(std::span<const TonePhrase> phrases);

    // The defaults of domain/contacts/template_library.h and domain/contacts/tone_check.h, written by "system" (the
    // schema step that creates the tables: a new branch and an older database's first open alike).
    void seedDefaults();

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
