#pragma once
// The portfolio's filter and sort keys kept in memory, so that a filter, a sort or a search of the list answers
// without reading the database again (issue 8: under 100 ms at 100,000 loans). It selects exactly the loans, in
// exactly the order, that storage::PortfolioQuery::page gives for the same filter and sort; the list then reads
// the shown columns of a page of them at a time (PortfolioService::rows). Read again after the data changes.
#include "storage/portfolio/portfolio_query.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace doorstep::app {

class PortfolioListing final {
public:
    // Every loan of `keys` (in row-id order); `scopeOfficer` (an officer's own user name, empty for a supervisor)
    // replaces the officer of every filter, as PortfolioService does.
    PortfolioListing(std::vector<storage::PortfolioKeys> keys, std::string scopeOfficer);

    std::size_t size() const { return m_entries.size(); }
    // The officers named on the loans, without "", in byte order (as PortfolioQuery::officers for all loans).
    std::vector<std::string> officers() const;
    // The row ids of the loans that pass `filter`, sorted by `sort` (ties by row id, ascending either way).
    std::vector<std::int64_t> select(storage::PortfolioFilter filter, storage::PortfolioSort sort,
                                     bool ascending) const;

private:
    struct Entry {
        std::int64_t loanRowId = 0;
        std::int64_t dpd = 0;  // kNull without a delinquency state, as the money columns
        std::int64_t overduePrincipal = 0;
        std::int64_t totalOverdue = 0;
        std::int32_t district = 0;  // index into m_districts, as product and officer
        std::int32_t product = 0;
        std::int32_t officer = 0;
        std::int32_t bucket = -1;     // index into m_buckets; -1 without a delinquency state
        std::int32_t riskClass = -1;  // index into m_riskClasses; -1 without
        bool leftBook = false;
    };
    // A column of distinct texts and each one's rank in byte order (SQLite's BINARY collation).
    struct Texts {
        std::vector<std::string> values;
        std::vector<std::int32_t> rank;
        std::int32_t code(const std::string& value);        // adds it when new
        std::int32_t find(const std::string& value) const;  // -1 when absent
        void rankValues();
    };

    bool accepts(const Entry& e, std::size_t index, const storage::PortfolioFilter& f, std::int32_t bucket,
                 std::int32_t riskClass, std::int32_t district, std::int32_t product, std::int32_t officer) const;
    std::int64_t key(std::size_t index, storage::PortfolioSort sort) const;
    const std::vector<std::int32_t>& rankOf(std::vector<std::string> const& texts, std::once_flag& once,
                                            std::vector<std::int32_t>& ranks) const;

    std::vector<Entry> m_entries;
    std::vector<std::string> m_loanIds;
    std::vector<std::string> m_borrowerIds;
    std::vector<std::string> m_names;
    Texts m_districts, m_products, m_officers, m_buckets, m_riskClasses;
    std::vector<std::int32_t> m_riskClassOrder;  // the CASE order of page(); -1 for an unknown class
    std::string m_scopeOfficer;
    // The ranks of the loan numbers and names, made on the first sort by them.
    mutable std::once_flag m_loanRankOnce, m_nameRankOnce;
    mutable std::vector<std::int32_t> m_loanRank, m_nameRank;
};

}  // namespace doorstep::app
