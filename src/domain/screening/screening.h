#pragma once
// Screening (DOMAIN.md section 4, issue 4): a supervisor's rule set turns one customer's facts into a
// score, the rules that fired with the points each added, or the exclusion that keeps the customer out of
// the visit queue. Pure functions; the rule set is data, stored as numbered versions (serializeRuleSet).
#include "domain/contacts/contact_facts.h"
#include "domain/messages/error.h"
#include "domain/portfolio/classification.h"
#include "domain/shared/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// Everything screening knows about ONE customer as of a date (the queue is per customer, over all loans).
struct ScreeningFacts {
    std::string borrowerId;  // for ordering only; never part of a fingerprint or an explanation
    int maxDpd = 0;          // the worst DPD over the customer's loans
    Money totalOverdue;      // DelinquencySummary::totalOverdue summed over the loans
    Bucket worstBucket = Bucket::M0;
    std::optional<Bucket> previousWorstBucket;  // worst bucket as of the previous month's date; unknown if none
    ContactFacts contacts;
    int overdueAccountsElsewhere = 0;  // credit record
    int worstDpd24Months = 0;          // credit record
    bool litigation = false;
    bool dispute = false;
    bool deceased = false;
    bool planBeingKept = false;
    bool openAppointment = false;
    std::optional<int> daysSinceLastVisit;  // none when never visited
    std::string district;                   // carried for assignment; no rule reads it
};

// The exclusions a supervisor sets by hand on a case (DOMAIN.md 4); all false when never set.
struct CaseFlags {
    bool litigation = false;
    bool dispute = false;
    bool deceased = false;
    bool planBeingKept = false;
    friend bool operator==(const CaseFlags&, const CaseFlags&) = default;
};

// Each kind compares one observed number with the rule's threshold: observed >= threshold fires.
enum class RuleKind {
    DpdAtLeast,               // maxDpd, days
    TotalOverdueAtLeast,      // totalOverdue, fen
    BrokenPromisesAtLeast,    // contacts.brokenPromises
    FailedContactsAtLeast,    // contacts.failedContacts (in the contact-facts window)
    OverdueElsewhereAtLeast,  // overdueAccountsElsewhere
    WorstDpd24MonthsAtLeast,  // worstDpd24Months, days
    BucketWorsened,  // buckets rolled since last month (worstBucket − previousWorstBucket); unknown never fires
};
enum class ExclusionKind { Litigation, Dispute, Deceased, PlanBeingKept, VisitedRecently, OpenAppointment };

// Several rules of one kind may stand side by side (DPD >= 30 → +30 and DPD >= 90 → +20 more); each that
// fires adds its points.
struct ScoringRule {
    RuleKind kind = RuleKind::DpdAtLeast;
    bool enabled = true;
    std::int64_t threshold = 0;  // days, fen or a count, by kind
    int points = 0;
    friend bool operator==(const ScoringRule&, const ScoringRule&) = default;
};

struct ExclusionRule {
    ExclusionKind kind = ExclusionKind::Litigation;
    bool enabled = true;
    int days = 0;  // VisitedRecently: excluded when the last visit was this many days ago or less; else 0
    friend bool operator==(const ExclusionRule&, const ExclusionRule&) = default;
};

struct RuleSet {
    int version = 0;  // 0 = not stored yet; storage numbers each saved change 1, 2, 3 …
    std::vector<ScoringRule> rules;
    std::vector<ExclusionRule> exclusions;
    int minimumScore = 0;  // a case is queued when its score reaches this (and is above 0)
    friend bool operator==(const RuleSet&, const RuleSet&) = default;
};

// The rule set Doorstep ships with; the .cpp says why each number.
RuleSet defaultRuleSet();
// InvalidInput with a sentence for people naming the first problem (rule numbers count from 1).
Result<void> validateRuleSet(const RuleSet& set);

// A line-based text, stable across releases, for storing each version (read back exactly):
//   doorstep-screening-rules 1
//   version 3
//   minimum-score 30
//   rule dpd_at_least on 30 30          (kind, on|off, threshold, points)
//   exclusion visited_recently on 30    (kind, on|off, days)
//   end
std::string serializeRuleSet(const RuleSet& set);
// InvalidInput with a sentence naming the line for anything else; the result is also validated.
Result<RuleSet> parseRuleSet(std::string_view text);

// Stable names used in the text above and in storage.
std::string_view ruleKindName(RuleKind kind);  // dpd_at_least, total_overdue_at_least, broken_promises_at_least,
                                               // failed_contacts_at_least, overdue_elsewhere_at_least,
                                               // worst_dpd_24_months_at_least, bucket_worsened
std::optional<RuleKind> parseRuleKind(std::string_view name);
std::string_view exclusionKindName(ExclusionKind kind);  // litigation, dispute, deceased, plan_being_kept,
                                                         // visited_recently, open_appointment
std::optional<ExclusionKind> parseExclusionKind(std::string_view name);

struct RuleHit {
    RuleKind kind = RuleKind::DpdAtLeast;
    std::int64_t observed = 0;
    std::int64_t threshold = 0;
    int points = 0;
    int windowDays = 0;  // FailedContactsAtLeast: the window the contacts were counted in; else 0
    friend bool operator==(const RuleHit&, const RuleHit&) = default;
};

struct ScreeningResult {
    int score = 0;                            // sum of the hits' points, also computed for an excluded case
    std::vector<RuleHit> hits;                // in rule-set order
    std::optional<ExclusionKind> excludedBy;  // the first enabled exclusion, in rule-set order, that applies
    bool queued = false;                      // not excluded, score > 0 and score >= minimumScore
};

// The rule set is assumed valid.
ScreeningResult screen(const ScreeningFacts& facts, const RuleSet& set);

// "DPD 47 (+30), overdue ¥82,300.00 (+20), 3 failed contacts in 14 days (+15), 2 overdue accounts elsewhere
// (+10)": one part per rule kind, in order of first hit, the points of several rules of one kind added
// together. An excluded case ends with "; excluded: litigation"; no hit gives "no rule fired". For the CLI;
// the GUI builds its own translated text from the hits.
std::string explainInEnglish(const ScreeningResult& result);

// What a dismissal is compared against so that a dismissed case comes back "when its facts change" (issue 4).
// Holds the facts that can change the outcome, in a form that does not drift by itself day by day: the bucket
// and which DPD / overdue-amount thresholds of the rule set are reached (not the raw DPD or amount, which
// grow every day), the contact counts and dates, the credit record, the bucket roll and every exclusion
// flag. District, borrower id and days since the last visit (which grows daily; the visit date is in) are
// left out. A readable text without personal data, e.g. "b=M2;dpd>=30;ovd>=1000000;bp=1;…".
std::string factsFingerprint(const ScreeningFacts& facts, const RuleSet& set);
bool factsChangedSinceDismissal(std::string_view fingerprintAtDismissal, const ScreeningFacts& facts,
                                const RuleSet& rules);

// One line of the visit queue and its order: score descending, then DPD descending, then total overdue
// descending, then borrower id ascending (deterministic for distinct ids).
struct ScreeningEntry {
    std::string borrowerId;
    int score = 0;
    int maxDpd = 0;
    Money totalOverdue;
};
ScreeningEntry makeScreeningEntry(const ScreeningFacts& facts, const ScreeningResult& result);
bool queueOrder(const ScreeningEntry& a, const ScreeningEntry& b);

}  // namespace doorstep
