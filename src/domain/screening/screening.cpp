#include "domain/screening/screening.h"

#include "domain/shared/code_table.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>
#include <utility>

namespace doorstep {
namespace {

constexpr std::string_view kHeader = "doorstep-screening-rules 1";

constexpr std::array<std::pair<RuleKind, std::string_view>, 7> kRuleKinds{{
    {RuleKind::DpdAtLeast, "dpd_at_least"},
    {RuleKind::TotalOverdueAtLeast, "total_overdue_at_least"},
    {RuleKind::BrokenPromisesAtLeast, "broken_promises_at_least"},
    {RuleKind::FailedContactsAtLeast, "failed_contacts_at_least"},
    {RuleKind::OverdueElsewhereAtLeast, "overdue_elsewhere_at_least"},
    {RuleKind::WorstDpd24MonthsAtLeast, "worst_dpd_24_months_at_least"},
    {RuleKind::BucketWorsened, "bucket_worsened"},
}};
constexpr std::array<std::pair<ExclusionKind, std::string_view>, 6> kExclusionKinds{{
    {ExclusionKind::Litigation, "litigation"},
    {ExclusionKind::Dispute, "dispute"},
    {ExclusionKind::Deceased, "deceased"},
    {ExclusionKind::PlanBeingKept, "plan_being_kept"},
    {ExclusionKind::VisitedRecently, "visited_recently"},
    {ExclusionKind::OpenAppointment, "open_appointment"},
}};

// What a rule of this kind compares with its threshold; none when the fact is unknown.
std::optional<std::int64_t> observedFor(RuleKind kind, const ScreeningFacts& f)
{
    switch (kind) {
    case RuleKind::DpdAtLeast: return f.maxDpd;
    case RuleKind::TotalOverdueAtLeast: return f.totalOverdue.fen;
    case RuleKind::BrokenPromisesAtLeast: return f.contacts.brokenPromises;
    case RuleKind::FailedContactsAtLeast: return f.contacts.failedContacts;
    case RuleKind::OverdueElsewhereAtLeast: return f.overdueAccountsElsewhere;
    case RuleKind::WorstDpd24MonthsAtLeast: return f.worstDpd24Months;
    case RuleKind::BucketWorsened:
        if (!f.previousWorstBucket) return std::nullopt;
        return static_cast<int>(f.worstBucket) - static_cast<int>(*f.previousWorstBucket);
    }
    return std::nullopt;
}

bool applies(const ExclusionRule& rule, const ScreeningFacts& f)
{
    switch (rule.kind) {
    case ExclusionKind::Litigation: return f.litigation;
    case ExclusionKind::Dispute: return f.dispute;
    case ExclusionKind::Deceased: return f.deceased;
    case ExclusionKind::PlanBeingKept: return f.planBeingKept;
    case ExclusionKind::VisitedRecently: return f.daysSinceLastVisit && *f.daysSinceLastVisit <= rule.days;
    case ExclusionKind::OpenAppointment: return f.openAppointment;
    }
    return false;
}

// The largest threshold a rule may hold: 10 years of DPD, ¥100 million, 1,000 contacts.
std::int64_t maximumThreshold(RuleKind kind)
{
    switch (kind) {
    case RuleKind::DpdAtLeast:
    case RuleKind::WorstDpd24MonthsAtLeast: return 3650;
    case RuleKind::TotalOverdueAtLeast: return 10'000'000'000;
    case RuleKind::BucketWorsened: return kBucketCount - 1;
    default: return 1000;
    }
}

// Every threshold is at least 1: DPD 0, ¥0 overdue or a roll of 0 buckets would fire for every customer.
constexpr std::int64_t kMinimumThreshold = 1;

// "Scoring rule 3 …": the rule's place in the set, counted from one.
MessageArg ordinal(std::string name, std::size_t n)
{
    return MessageArg::number(std::move(name), static_cast<std::int64_t>(n));
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string describe(const RuleHit& hit)
{
    switch (hit.kind) {
    case RuleKind::DpdAtLeast: return fmt::format("DPD {}", hit.observed);
    case RuleKind::TotalOverdueAtLeast: return "overdue " + formatYuan(Money::fromFen(hit.observed));
    case RuleKind::BrokenPromisesAtLeast: return plural(hit.observed, "broken promise", "broken promises");
    case RuleKind::FailedContactsAtLeast:
        return fmt::format("{} in {} days", plural(hit.observed, "failed contact", "failed contacts"), hit.windowDays);
    case RuleKind::OverdueElsewhereAtLeast:
        return plural(hit.observed, "overdue account elsewhere", "overdue accounts elsewhere");
    case RuleKind::WorstDpd24MonthsAtLeast: return fmt::format("worst DPD {} in 24 months", hit.observed);
    case RuleKind::BucketWorsened:
        return fmt::format("bucket worse by {} since last month", plural(hit.observed, "step", "steps"));
    }
    return {};
}

std::vector<std::string_view> splitWords(std::string_view line)
{
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t end = std::min(line.find(' ', pos), line.size());
        words.push_back(line.substr(pos, end - pos));
        pos = end + 1;
    }
    return words;
}

template <typename T> std::optional<T> number(std::string_view text)
{
    T value{};
    if (text.empty() || (text.size() > 1 && text[0] == '0') || text[0] == '+') return std::nullopt;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    // "-0" would not print back the same.
    if (text == "-0" || (text.size() > 1 && text[0] == '-' && text[1] == '0')) return std::nullopt;
    return value;
}

std::optional<bool> onOff(std::string_view text)
{
    if (text == "on") return true;
    if (text == "off") return false;
    return std::nullopt;
}

}  // namespace

std::string_view ruleKindName(RuleKind kind)
{
    return codeOf(kRuleKinds, kind);
}
std::optional<RuleKind> parseRuleKind(std::string_view name)
{
    return codeLookup(kRuleKinds, name);
}
std::string_view exclusionKindName(ExclusionKind kind)
{
    return codeOf(kExclusionKinds, kind);
}
std::optional<ExclusionKind> parseExclusionKind(std::string_view name)
{
    return codeLookup(kExclusionKinds, name);
}

RuleSet defaultRuleSet()
{
    RuleSet set;
    set.rules = {
        // A full month overdue: the customer has left M1 (DOMAIN.md 3), phone reminders have not worked.
        {RuleKind::DpdAtLeast, true, 30, 30},
        // Over 90 DPD a loan is substandard (DOMAIN.md 3, 2023 measures): more urgent still.
        {RuleKind::DpdAtLeast, true, 90, 20},
        // ¥10,000 overdue: worth the cost of two staff travelling (DOMAIN.md 5 visits need two).
        {RuleKind::TotalOverdueAtLeast, true, 1'000'000, 20},
        // A broken promise to pay is named as a screening input (DOMAIN.md 4).
        {RuleKind::BrokenPromisesAtLeast, true, 1, 20},
        // Issue 4: "several failed contacts in the last 14 days"; three means phoning is not reaching them.
        {RuleKind::FailedContactsAtLeast, true, 3, 15},
        // Other overdue accounts in the credit record (DOMAIN.md 4): a wider hardship a visit can learn about.
        {RuleKind::OverdueElsewhereAtLeast, true, 1, 10},
        // Worst DPD over 90 in 24 months (DOMAIN.md 4): a history of serious arrears, not a one-off slip.
        {RuleKind::WorstDpd24MonthsAtLeast, true, 91, 10},
        // A roll to a worse bucket since last month is what supervisors count (DOMAIN.md 3 roll rates).
        {RuleKind::BucketWorsened, true, 1, 15},
    };
    // DOMAIN.md 4 lists these exclusions; "visited recently" is configurable, a month by default so that
    // a visit's promise or plan has one instalment to show whether it holds.
    set.exclusions = {
        {ExclusionKind::Litigation, true, 0},       {ExclusionKind::Dispute, true, 0},
        {ExclusionKind::Deceased, true, 0},         {ExclusionKind::PlanBeingKept, true, 0},
        {ExclusionKind::VisitedRecently, true, 30}, {ExclusionKind::OpenAppointment, true, 0},
    };
    // 30: a month overdue alone queues a customer; otherwise it takes two other signals together.
    set.minimumScore = 30;
    return set;
}

Result<void> validateRuleSet(const RuleSet& set)
{
    if (set.version < 0) return fail(ErrorCode::InvalidInput, MessageId{"screening.version_negative"});
    if (set.rules.empty()) return fail(ErrorCode::InvalidInput, MessageId{"screening.no_rule"});
    for (std::size_t i = 0; i < set.rules.size(); ++i) {
        const ScoringRule& r = set.rules[i];
        const std::size_t n = i + 1;
        if (ruleKindName(r.kind).empty())
            return fail(ErrorCode::InvalidInput, MessageId{"screening.rule_unknown_kind"}, {ordinal("rule", n)});
        if (r.threshold < kMinimumThreshold || r.threshold > maximumThreshold(r.kind))
            return fail(ErrorCode::InvalidInput, MessageId{"screening.rule_threshold"},
                        {ordinal("rule", n), MessageArg::text("min", std::to_string(kMinimumThreshold)),
                         MessageArg::text("max", std::to_string(maximumThreshold(r.kind)))});
        if (r.points < 1 || r.points > 1000)
            return fail(ErrorCode::InvalidInput, MessageId{"screening.rule_points"}, {ordinal("rule", n)});
        for (std::size_t j = 0; j < i; ++j) {
            if (set.rules[j].kind == r.kind && set.rules[j].threshold == r.threshold)
                return fail(ErrorCode::InvalidInput, MessageId{"screening.rule_duplicate"},
                            {ordinal("first", j + 1), ordinal("second", n)});
        }
    }
    for (std::size_t i = 0; i < set.exclusions.size(); ++i) {
        const ExclusionRule& e = set.exclusions[i];
        const std::size_t n = i + 1;
        if (exclusionKindName(e.kind).empty())
            return fail(ErrorCode::InvalidInput, MessageId{"screening.exclusion_unknown_kind"},
                        {ordinal("exclusion", n)});
        if (e.kind == ExclusionKind::VisitedRecently && (e.days < 1 || e.days > 365))
            return fail(ErrorCode::InvalidInput, MessageId{"screening.exclusion_days"}, {ordinal("exclusion", n)});
        if (e.kind != ExclusionKind::VisitedRecently && e.days != 0)
            return fail(ErrorCode::InvalidInput, MessageId{"screening.exclusion_days_only_visited"},
                        {ordinal("exclusion", n)});
        for (std::size_t j = 0; j < i; ++j) {
            if (set.exclusions[j].kind == e.kind)
                return fail(ErrorCode::InvalidInput, MessageId{"screening.exclusion_duplicate"},
                            {ordinal("first", j + 1), ordinal("second", n)});
        }
    }
    if (set.minimumScore < 0 || set.minimumScore > 100'000)
        return fail(ErrorCode::InvalidInput, MessageId{"screening.minimum_score"});
    return {};
}

std::string serializeRuleSet(const RuleSet& set)
{
    std::string out{kHeader};
    out += fmt::format("\nversion {}\nminimum-score {}\n", set.version, set.minimumScore);
    for (const ScoringRule& r : set.rules)
        out += fmt::format("rule {} {} {} {}\n", ruleKindName(r.kind), r.enabled ? "on" : "off", r.threshold, r.points);
    for (const ExclusionRule& e : set.exclusions)
        out += fmt::format("exclusion {} {} {}\n", exclusionKindName(e.kind), e.enabled ? "on" : "off", e.days);
    out += "end\n";
    return out;
}

Result<RuleSet> parseRuleSet(std::string_view text)
{
    RuleSet set;
    std::size_t lineNumber = 0;
    bool ended = false;
    bool sawVersion = false;
    bool sawMinimum = false;
    const auto bad = [&](MessageId what) {
        return fail(
            ErrorCode::InvalidInput, MessageId{"screening.rules_line"},
            {MessageArg::number("line", static_cast<std::int64_t>(lineNumber)), MessageArg::ref("problem", what)});
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (ended) return bad(MessageId{"screening.line.after_end"});
        const auto words = splitWords(line);
        if (lineNumber == 1) {
            if (line != kHeader) return bad(MessageId{"screening.line.not_header"});
            continue;
        }
        if (words.size() == 2 && words[0] == "version" && !sawVersion) {
            const auto v = number<int>(words[1]);
            if (!v) return bad(MessageId{"screening.line.no_version"});
            set.version = *v;
            sawVersion = true;
        } else if (words.size() == 2 && words[0] == "minimum-score" && !sawMinimum) {
            const auto v = number<int>(words[1]);
            if (!v) return bad(MessageId{"screening.line.no_minimum"});
            set.minimumScore = *v;
            sawMinimum = true;
        } else if (words.size() == 5 && words[0] == "rule") {
            const auto kind = parseRuleKind(words[1]);
            const auto enabled = onOff(words[2]);
            const auto threshold = number<std::int64_t>(words[3]);
            const auto points = number<int>(words[4]);
            if (!kind || !enabled || !threshold || !points) return bad(MessageId{"screening.line.bad_rule"});
            set.rules.push_back({*kind, *enabled, *threshold, *points});
        } else if (words.size() == 4 && words[0] == "exclusion") {
            const auto kind = parseExclusionKind(words[1]);
            const auto enabled = onOff(words[2]);
            const auto days = number<int>(words[3]);
            if (!kind || !enabled || !days) return bad(MessageId{"screening.line.bad_exclusion"});
            set.exclusions.push_back({*kind, *enabled, *days});
        } else if (line == "end" && sawVersion && sawMinimum) {
            ended = true;
        } else {
            return bad(MessageId{"screening.line.not_understood"});
        }
    }
    if (lineNumber == 0) return fail(ErrorCode::InvalidInput, MessageId{"screening.rules_empty"});
    if (!ended) return fail(ErrorCode::InvalidInput, MessageId{"screening.rules_unended"});
    if (auto valid = validateRuleSet(set); !valid) return std::unexpected(valid.error());
    return set;
}

ScreeningResult screen(const ScreeningFacts& facts, const RuleSet& set)
{
    ScreeningResult result;
    for (const ScoringRule& rule : set.rules) {
        if (!rule.enabled) continue;
        const auto observed = observedFor(rule.kind, facts);
        if (!observed || *observed < rule.threshold) continue;
        const int window = rule.kind == RuleKind::FailedContactsAtLeast ? facts.contacts.failedContactDays : 0;
        result.hits.push_back({rule.kind, *observed, rule.threshold, rule.points, window});
        result.score += rule.points;
    }
    for (const ExclusionRule& exclusion : set.exclusions) {
        if (exclusion.enabled && applies(exclusion, facts)) {
            result.excludedBy = exclusion.kind;
            break;
        }
    }
    result.queued = !result.excludedBy && result.score > 0 && result.score >= set.minimumScore;
    return result;
}

std::string explainInEnglish(const ScreeningResult& result)
{
    // One part per kind, at the place of its first hit, with the points of that kind added up.
    std::vector<RuleHit> parts;
    for (const RuleHit& hit : result.hits) {
        auto same = std::find_if(parts.begin(), parts.end(), [&](const RuleHit& p) { return p.kind == hit.kind; });
        if (same == parts.end()) {
            parts.push_back(hit);
        } else {
            same->points += hit.points;
        }
    }
    std::string out;
    for (const RuleHit& part : parts) {
        if (!out.empty()) out += ", ";
        out += fmt::format("{} (+{})", describe(part), part.points);
    }
    if (out.empty()) out = "no rule fired";
    if (result.excludedBy) out += fmt::format("; excluded: {}", exclusionKindName(*result.excludedBy));
    return out;
}

std::string factsFingerprint(const ScreeningFacts& facts, const RuleSet& set)
{
    std::string out = fmt::format("b={}", bucketName(facts.worstBucket));
    // Thresholds reached, not the raw figures: DPD and the overdue amount grow every day by themselves.
    for (const ScoringRule& rule : set.rules) {
        if (rule.kind == RuleKind::DpdAtLeast && facts.maxDpd >= rule.threshold)
            out += fmt::format(";dpd>={}", rule.threshold);
        if (rule.kind == RuleKind::TotalOverdueAtLeast && facts.totalOverdue.fen >= rule.threshold)
            out += fmt::format(";ovd>={}", rule.threshold);
    }
    const auto date = [](const std::optional<Date>& d) { return d ? formatIsoDate(*d) : std::string{"-"}; };
    const ContactFacts& c = facts.contacts;
    out += fmt::format(";prev={};bp={};kp={};op={};fc={};lc={};lv={};oe={};w24={};flags={}{}{}{}{}",
                       facts.previousWorstBucket ? bucketName(*facts.previousWorstBucket) : "-", c.brokenPromises,
                       c.keptPromises, c.openPromises, c.failedContacts, date(c.lastContact), date(c.lastVisit),
                       facts.overdueAccountsElsewhere, facts.worstDpd24Months, facts.litigation ? 'L' : '-',
                       facts.dispute ? 'D' : '-', facts.deceased ? 'X' : '-', facts.planBeingKept ? 'P' : '-',
                       facts.openAppointment ? 'A' : '-');
    return out;
}

bool factsChangedSinceDismissal(std::string_view fingerprintAtDismissal, const ScreeningFacts& facts,
                                const RuleSet& rules)
{
    return factsFingerprint(facts, rules) != fingerprintAtDismissal;
}

ScreeningEntry makeScreeningEntry(const ScreeningFacts& facts, const ScreeningResult& result)
{
    return {facts.borrowerId, result.score, facts.maxDpd, facts.totalOverdue};
}

bool queueOrder(const ScreeningEntry& a, const ScreeningEntry& b)
{
    return std::tie(b.score, b.maxDpd, b.totalOverdue, a.borrowerId) <
           std::tie(a.score, a.maxDpd, a.totalOverdue, b.borrowerId);
}

}  // namespace doorstep
