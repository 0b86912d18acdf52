#include "storage/contacts/template_repository.h"

#include "domain/shared/code_table.h"

#include <algorithm>

namespace doorstep::storage {
namespace {

TemplateRow readRow(const Statement& s)
{
    TemplateRow r;
    r.id = s.columnInt(0);
    r.tpl.name = s.columnText(1);
    const auto purpose = codeLookup(kTemplatePurposeCodes, s.columnText(2));
    const auto audience = codeLookup(kTemplateAudienceCodes, s.columnText(3));
    if (!purpose || !audience) throw DatabaseError(0, "a message template has an unknown purpose or audience");
    r.tpl.purpose = *purpose;
    r.tpl.audience = *audience;
    r.tpl.text = s.columnText(4);
    r.updatedBy = s.columnText(5);
    r.updatedAt = s.columnText(6);
    return r;
}

constexpr const char* kColumns =
    "SELECT id, name, purpose, audience, body, updated_by, updated_at FROM message_templates ";

}  // namespace

std::vector<TemplateRow> TemplateRepository::all() const
{
    auto s = m_db.prepare(std::string(kColumns) + "ORDER BY id");
    std::vector<TemplateRow> out;
    while (s.step())
        out.push_back(readRow(s));
    std::ranges::stable_sort(out, [](const TemplateRow& a, const TemplateRow& b) {
        return static_cast<int>(a.tpl.purpose) < static_cast<int>(b.tpl.purpose);
    });
    return out;
}

std::optional<TemplateRow> TemplateRepository::find(std::int64_t id) const
{
    auto s = m_db.prepare(std::string(kColumns) + "WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readRow(s);
}

std::int64_t TemplateRepository::add(const TemplateRow& row)
{
    m_db.prepare("INSERT INTO message_templates (name, purpose, audience, body, updated_by, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, row.tpl.name)
        .bind(2, codeOf(kTemplatePurposeCodes, row.tpl.purpose))
        .bind(3, codeOf(kTemplateAudienceCodes, row.tpl.audience))
        .bind(4, row.tpl.text)
        .bind(5, row.updatedBy)
        .bind(6, row.updatedAt)
        .run();
    return m_db.lastInsertId();
}

void TemplateRepository::update(const TemplateRow& row)
{
    m_db.prepare("UPDATE message_templates SET name = ?, purpose = ?, audience = ?, body = ?, updated_by = ?, "
                 "updated_at = ? WHERE id = ?")
        .bind(1, row.tpl.name)
        .bind(2, codeOf(kTemplatePurposeCodes, row.tpl.purpose))
        .bind(3, codeOf(kTemplateAudienceCodes, row.tpl.audience))
        .bind(4, row.tpl.text)
        .bind(5, row.updatedBy)
        .bind(6, row.updatedAt)
        .bind(7, row.id)
        .run();
}

void TemplateRepository::remove(std::int64_t id)
{
    m_db.prepare("DELETE FROM message_templates WHERE id = ?").bind(1, id).run();
}

std::vector<TonePhrase> TemplateRepository::phrases() const
{
    auto s = m_db.prepare("SELECT phrase, kind FROM tone_phrases ORDER BY id");
    std::vector<TonePhrase> out;
    while (s.step()) {
        const auto kind = codeLookup(kToneKindCodes, s.columnText(1));
        if (!kind) throw DatabaseError(0, "a tone phrase has an unknown kind");
        out.push_back(TonePhrase{s.columnText(0), *kind});
    }
    return out;
}

void TemplateRepository::replacePhrases(std::span<const TonePhrase> phrases)
{
    m_db.execute("DELETE FROM tone_phrases");
    auto s = m_db.prepare("INSERT INTO tone_phrases (phrase, kind) VALUES (?, ?)");
    for (const TonePhrase& p : phrases) {
        s.bind(1, p.text).bind(2, codeOf(kToneKindCodes, p.kind));
        s.run();
        s.reset();
    }
}

void TemplateRepository::seedDefaults()
{
    auto now = m_db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    now.step();
    const std::string at = now.columnText(0);
    for (const LibraryTemplate& t : defaultMessageTemplates())
        add(TemplateRow{0, t, "system", at});
    replacePhrases(defaultTonePhrases());
}

}  // namespace doorstep::storage
