#include "app/portfolio/portfolio_listing.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <string_view>
#include <utility>

namespace doorstep::app {
namespace {

using storage::BookFilter;
using storage::PortfolioFilter;
using storage::PortfolioSort;

// SQLite sorts NULL below every value: first when ascending, last when descending.
constexpr std::int64_t kNull = std::numeric_limits<std::int64_t>::min();

// The order of PortfolioQuery's CASE for the risk class; any other text is NULL there.
constexpr std::array<std::string_view, 5> kRiskClassOrder{"normal", "special_mention", "substandard", "doubtful",
                                                          "loss"};

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// SQLite's `text LIKE 'prefix%'` with every wildcard of the prefix escaped: ASCII letters in either case.
bool startsWithLike(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lowerAscii(text[i]) != lowerAscii(prefix[i])) return false;
    }
    return true;
}

// Dense ranks of `texts` in byte order (equal texts share a rank).
std::vector<std::int32_t> denseRanks(const std::vector<std::string>& texts)
{
    std::vector<std::uint32_t> order(texts.size());
    std::iota(order.begin(), order.end(), 0U);
    std::ranges::sort(order, [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
    std::vector<std::int32_t> rank(texts.size());
    std::int32_t next = -1;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i == 0 || texts[order[i]] != texts[order[i - 1]]) ++next;
        rank[order[i]] = next;
    }
    return rank;
}

}  // namespace

std::int32_t PortfolioListing::Texts::code(const std::string& value)
{
    // Few distinct values (districts, products, officers, buckets, classes): a linear look-up is quickest.
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == value) return static_cast<std::int32_t>(i);
    }
    values.push_back(value);
    return static_cast<std::int32_t>(values.size() - 1);
}

std::int32_t PortfolioListing::Texts::find(const std::string& value) const
{
    const auto it = std::ranges::find(values, value);
    return it == values.end() ? -1 : static_cast<std::int32_t>(it - values.begin());
}

void PortfolioListing::Texts::rankValues()
{
    rank = denseRanks(values);
}

PortfolioListing::PortfolioListing(std::vector<storage::PortfolioKeys> keys, std::string scopeOfficer)
    : m_scopeOfficer(std::move(scopeOfficer))
{
    // Ties sort by row id: keep the entries in that order, so that an entry's index breaks them.
    if (!std::ranges::is_sorted(keys, {}, &storage::PortfolioKeys::loanRowId))
        std::ranges::sort(keys, {}, &storage::PortfolioKeys::loanRowId);
    m_entries.reserve(keys.size());
    m_loanIds.reserve(keys.size());
    m_borrowerIds.reserve(keys.size());
    m_names.reserve(keys.size());
    for (storage::PortfolioKeys& k : keys) {
        Entry e;
        e.loanRowId = k.loanRowId;
        e.dpd = k.hasStatus ? k.dpd : kNull;
        e.overduePrincipal = k.hasStatus ? k.overduePrincipal.fen : kNull;
        e.totalOverdue = k.hasStatus ? k.totalOverdue.fen : kNull;
        e.district = m_districts.code(k.district);
        e.product = m_products.code(k.product);
        e.officer = m_officers.code(k.officer);
        e.bucket = k.hasStatus ? m_buckets.code(k.bucket) : -1;
        e.riskClass = k.hasStatus ? m_riskClasses.code(k.riskClass) : -1;
        e.leftBook = k.leftBook;
        m_entries.push_back(e);
        m_loanIds.push_back(std::move(k.loanId));
        m_borrowerIds.push_back(std::move(k.borrowerId));
        m_names.push_back(std::move(k.borrowerName));
    }
    for (Texts* t : {&m_districts, &m_products, &m_officers, &m_buckets, &m_riskClasses})
        t->rankValues();
    for (const std::string& c : m_riskClasses.values) {
        const auto it = std::ranges::find(kRiskClassOrder, std::string_view(c));
        m_riskClassOrder.push_back(
            it == kRiskClassOrder.end() ? -1 : static_cast<std::int32_t>(it - kRiskClassOrder.begin()));
    }
}

std::vector<std::string> PortfolioListing::officers() const
{
    std::vector<std::string> out;
    for (const std::string& o : m_officers.values) {
        if (!o.empty()) out.push_back(o);
    }
    std::ranges::sort(out);
    return out;
}

const std::vector<std::int32_t>& PortfolioListing::rankOf(const std::vector<std::string>& texts, std::once_flag& once,
                                                          std::vector<std::int32_t>& ranks) const
{
    std::call_once(once, [&] { ranks = denseRanks(texts); });
    return ranks;
}

std::int64_t PortfolioListing::key(std::size_t index, PortfolioSort sort) const
{
    const Entry& e = m_entries[index];
    switch (sort) {
    case PortfolioSort::LoanId: return m_loanRank[index];
    case PortfolioSort::Borrower: return m_nameRank[index];
    case PortfolioSort::District: return m_districts.rank[static_cast<std::size_t>(e.district)];
    case PortfolioSort::Product: return m_products.rank[static_cast<std::size_t>(e.product)];
    case PortfolioSort::Officer: return m_officers.rank[static_cast<std::size_t>(e.officer)];
    case PortfolioSort::Dpd: return e.dpd;
    case PortfolioSort::Bucket: return e.bucket < 0 ? kNull : m_buckets.rank[static_cast<std::size_t>(e.bucket)];
    case PortfolioSort::RiskClass: {
        const std::int32_t order = e.riskClass < 0 ? -1 : m_riskClassOrder[static_cast<std::size_t>(e.riskClass)];
        return order < 0 ? kNull : order;
    }
    case PortfolioSort::OverduePrincipal: return e.overduePrincipal;
    case PortfolioSort::TotalOverdue: return e.totalOverdue;
    }
    return 0;
}

bool PortfolioListing::accepts(const Entry& e, std::size_t index, const PortfolioFilter& f, std::int32_t bucket,
                               std::int32_t riskClass, std::int32_t district, std::int32_t product,
                               std::int32_t officer) const
{
    // A wanted value that no loan has is -2 (matches nothing); -1 is "any".
    const auto matches = [](std::int32_t wanted, std::int32_t value) { return wanted == -1 || wanted == value; };
    if (!matches(bucket, e.bucket) || !matches(riskClass, e.riskClass) || !matches(district, e.district) ||
        !matches(product, e.product) || !matches(officer, e.officer))
        return false;
    if (f.overdueOnly && e.dpd <= 0) return false;  // kNull is below 0: no state, not overdue
    if (f.book == BookFilter::LeftBook && !e.leftBook) return false;
    if (f.book == BookFilter::InBook && f.search.empty() && e.leftBook) return false;
    if (!f.search.empty()) {
        // PortfolioQuery: the name holds the text, or a loan or customer number starts with it.
        return m_names[index].find(f.search) != std::string::npos || startsWithLike(m_loanIds[index], f.search) ||
               startsWithLike(m_borrowerIds[index], f.search);
    }
    return true;
}

std::vector<std::int64_t> PortfolioListing::select(PortfolioFilter filter, PortfolioSort sort, bool ascending) const
{
    if (!m_scopeOfficer.empty()) filter.officer = m_scopeOfficer;
    const auto wanted = [](const Texts& texts, const std::string& value) -> std::int32_t {
        if (value.empty()) return -1;
        const std::int32_t code = texts.find(value);
        return code < 0 ? -2 : code;
    };
    const std::int32_t bucket = wanted(m_buckets, filter.bucket);
    const std::int32_t riskClass = wanted(m_riskClasses, filter.riskClass);
    const std::int32_t district = wanted(m_districts, filter.district);
    const std::int32_t product = wanted(m_products, filter.product);
    const std::int32_t officer = wanted(m_officers, filter.officer);
    if (sort == PortfolioSort::LoanId) rankOf(m_loanIds, m_loanRankOnce, m_loanRank);
    if (sort == PortfolioSort::Borrower) rankOf(m_names, m_nameRankOnce, m_nameRank);

    std::vector<std::pair<std::int64_t, std::uint32_t>> hits;  // (sort key, entry index)
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (accepts(m_entries[i], i, filter, bucket, riskClass, district, product, officer))
            hits.emplace_back(key(i, sort), static_cast<std::uint32_t>(i));
    }
    if (ascending) {
        std::ranges::sort(hits);
    } else {
        std::ranges::sort(hits, [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
    }
    std::vector<std::int64_t> ids;
    ids.reserve(hits.size());
    for (const auto& [k, index] : hits)
        ids.push_back(m_entries[index].loanRowId);
    return ids;
}

}  // namespace doorstep::app
