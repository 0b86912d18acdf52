#include "app/screening/screening_service.h"

#include "app/portfolio/delinquency_service.h"
#include "app/shared/logging.h"
#include "app/shared/use_case.h"
#include "storage/database/settings_repository.h"
#include "storage/portfolio/loan_status_repository.h"
#include "storage/screening/assignment_repository.h"
#include "storage/screening/screening_repository.h"
#include "storage/users/user_repository.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/core.h>
#include <map>

namespace doorstep::app {
namespace {

constexpr std::string_view kCapacitySetting = "assignment.capacity_per_officer";

constexpr std::array<std::pair<DismissReason, std::string_view>, 6> kReasons{{
    {DismissReason::PromisedToPay, "promised_to_pay"},
    {DismissReason::PaidMeanwhile, "paid"},
    {DismissReason::ReachedByPhone, "reached_by_phone"},
    {DismissReason::NotAtAddress, "not_at_address"},
    {DismissReason::VisitNotNeeded, "visit_not_needed"},
    {DismissReason::Other, "other"},
}};

// Hits as stored with a queue entry: "kind,observed,threshold,points,window;…".
std::string serializeHits(const std::vector<RuleHit>& hits)
{
    std::string out;
    for (const RuleHit& h : hits) {
        if (!out.empty()) out += ';';
        out += fmt::format("{},{},{},{},{}", ruleKindName(h.kind), h.observed, h.threshold, h.points, h.windowDays);
    }
    return out;
}

std::vector<RuleHit> parseHits(std::string_view text)
{
    std::vector<RuleHit> hits;
    while (!text.empty()) {
        const auto end = std::min(text.find(';'), text.size());
        std::string_view item = text.substr(0, end);
        text = end < text.size() ? text.substr(end + 1) : std::string_view{};
        std::array<std::string_view, 5> parts{};
        for (auto& part : parts) {
            const auto comma = std::min(item.find(','), item.size());
            part = item.substr(0, comma);
            item = comma < item.size() ? item.substr(comma + 1) : std::string_view{};
        }
        const auto kind = parseRuleKind(parts[0]);
        if (!kind) continue;
        RuleHit h;
        h.kind = *kind;
        const auto number = [](std::string_view s, auto& out) { std::from_chars(s.data(), s.data() + s.size(), out); };
        number(parts[1], h.observed);
        number(parts[2], h.threshold);
        number(parts[3], h.points);
        number(parts[4], h.windowDays);
        hits.push_back(h);
    }
    return hits;
}

RuleSet loadRuleSet(const storage::Connection& db)
{
    if (auto stored = storage::ScreeningRepository(db).latestRuleSet()) {
        if (auto parsed = parseRuleSet(stored->second)) {
            parsed->version = stored->first;
            return *parsed;
        }
        logger("app")->error("stored screening rule set {} cannot be read; using the defaults", stored->first);
    }
    return defaultRuleSet();
}

// The windows contact facts are counted in; the walk reads payments only where they can count.
constexpr ContactFactWindows kContactWindows{};

ScreeningFacts factsFor(const storage::BorrowerScreeningRow& row, Date asOf)
{
    ScreeningFacts f;
    f.borrowerId = std::to_string(row.borrowerRowId);
    f.maxDpd = row.maxDpd;
    f.totalOverdue = row.totalOverdue;
    f.worstBucket = parseBucket(row.worstBucket).value_or(Bucket::M0);
    if (!row.previousWorstBucket.empty()) f.previousWorstBucket = parseBucket(row.previousWorstBucket);
    f.contacts = contactFacts(row.contacts, row.payments, asOf, kContactWindows);
    f.overdueAccountsElsewhere = row.overdueElsewhere;
    f.worstDpd24Months = row.worstDpd24Months;
    f.litigation = row.litigation;
    f.dispute = row.dispute;
    f.deceased = row.deceased;
    f.planBeingKept = row.planKept;
    f.openAppointment = row.openAppointment;
    if (f.contacts.lastVisit) f.daysSinceLastVisit = daysBetween(*f.contacts.lastVisit, asOf);
    f.district = row.district;
    return f;
}

// Every stored column equal (the display fields are not stored).
bool sameStoredEntry(const storage::QueueEntryRow& a, const storage::QueueEntryRow& b)
{
    return a.borrowerRowId == b.borrowerRowId && a.asOf == b.asOf && a.ruleSetVersion == b.ruleSetVersion &&
           a.score == b.score && a.hits == b.hits && a.factsFingerprint == b.factsFingerprint && a.maxDpd == b.maxDpd &&
           a.totalOverdue == b.totalOverdue && a.district == b.district && a.state == b.state &&
           a.officer == b.officer && a.decidedBy == b.decidedBy && a.decidedAt == b.decidedAt &&
           a.dismissReason == b.dismissReason && a.dismissNote == b.dismissNote &&
           a.dismissedFingerprint == b.dismissedFingerprint;
}

QueueItem itemFrom(const storage::QueueEntryRow& r, const BucketBoundaries& buckets)
{
    QueueItem i;
    i.borrowerRowId = r.borrowerRowId;
    i.borrowerId = r.borrowerBankId;
    i.borrowerName = r.borrowerName;
    i.district = r.district;
    i.officer = r.officer;
    i.state = r.state;
    i.score = r.score;
    i.maxDpd = r.maxDpd;
    i.bucket = bucketForDpd(r.maxDpd, buckets);
    i.totalOverdue = r.totalOverdue;
    i.ruleSetVersion = r.ruleSetVersion;
    i.hits = parseHits(r.hits);
    i.dismissReason = r.dismissReason;
    i.dismissNote = r.dismissNote;
    return i;
}

// The recorded origin of an entry's officer, while the officer is still the one recorded.
void addOrigin(QueueItem& item, const storage::AssignmentOriginRow* origin)
{
    if (origin && !item.officer.empty() && origin->officer == item.officer) {
        item.assignmentOrigin = origin->origin;
        item.assignedBy = origin->assignedBy;
    }
}

const storage::AssignmentOriginRow* findOrigin(const std::map<std::int64_t, storage::AssignmentOriginRow>& origins,
                                               std::int64_t borrowerRowId)
{
    const auto it = origins.find(borrowerRowId);
    return it == origins.end() ? nullptr : &it->second;
}

// The recorded origin of an entry's officer, if it still holds.
std::optional<storage::AssignmentOriginRow> currentOrigin(const storage::Connection& db,
                                                          const storage::QueueEntryRow& row)
{
    auto origin = storage::AssignmentRepository(db).origin(row.borrowerRowId);
    if (origin && (row.officer.empty() || origin->officer != row.officer)) origin.reset();
    return origin;
}

}  // namespace

std::string_view dismissReasonName(DismissReason r)
{
    for (const auto& [value, name] : kReasons) {
        if (value == r) return name;
    }
    return "other";
}

std::optional<DismissReason> parseDismissReason(std::string_view name)
{
    for (const auto& [value, text] : kReasons) {
        if (text == name) return value;
    }
    return std::nullopt;
}

ScreeningSummary screenInTransaction(const storage::Connection& db, Date asOf)
{
    ScreeningSummary summary;
    const RuleSet rules = loadRuleSet(db);
    summary.ruleSetVersion = rules.version;
    storage::ScreeningRepository repo(db);
    const std::string asOfText = formatIsoDate(asOf);
    // Writes only entries that differ from the stored ones, and removes those that no longer qualify, as the
    // walk goes: a second run for the same date writes nothing.
    storage::QueueWriter writer(db);
    // Payments only count towards promises to pay made inside the look-back window.
    const int promiseLookbackDays = kContactWindows.promiseLookbackDays;
    const auto notVisited = repo.forEachBorrower(
        formatIsoDate(addDays(asOf, -30)), formatIsoDate(addDays(asOf, -120)),
        formatIsoDate(addDays(asOf, -promiseLookbackDays)), [&](const storage::BorrowerScreeningRow& row) {
            ++summary.borrowers;
            const ScreeningFacts facts = factsFor(row, asOf);
            const ScreeningResult result = screen(facts, rules);
            if (result.excludedBy) ++summary.excluded;
            const std::optional<storage::QueueEntryRow>& existing = row.queueEntry;
            const bool accepted = existing && existing->state == QueueState::Accepted;
            if (!result.queued && !accepted) {
                // Open and dismissed entries that no longer qualify go; accepted ones stay until the visit.
                if (existing) writer.remove(row.borrowerRowId);
                return;
            }
            storage::QueueEntryRow entry = existing.value_or(storage::QueueEntryRow{});
            entry.borrowerRowId = row.borrowerRowId;
            entry.asOf = asOfText;
            entry.ruleSetVersion = rules.version;
            entry.score = result.score;
            entry.hits = serializeHits(result.hits);
            entry.factsFingerprint = factsFingerprint(facts, rules);
            entry.maxDpd = facts.maxDpd;
            entry.totalOverdue = facts.totalOverdue;
            entry.district = facts.district;
            if (!existing) entry.officer = row.officer;  // the bank's officer, until reassigned
            if (existing && existing->state == QueueState::Dismissed &&
                factsChangedSinceDismissal(existing->dismissedFingerprint, facts, rules)) {
                // A dismissed case comes back when its facts change (issue 4): screening's own move.
                entry.state = moveQueueEntry(entry.state, QueueMove::Reopen, Actor::doorstep()).value();
                entry.decidedBy.clear();
                entry.decidedAt.clear();
                entry.dismissReason.clear();
                entry.dismissNote.clear();
                entry.dismissedFingerprint.clear();
                ++summary.reopened;
            }
            if (result.queued) ++summary.queued;
            if (!existing || !sameStoredEntry(entry, *existing)) writer.save(entry);
        });
    // Entries of customers without a loan: accepted ones stay, the others no longer qualify.
    for (const storage::QueueEntryRow& e : notVisited) {
        if (e.state != QueueState::Accepted) writer.remove(e.borrowerRowId);
    }
    return summary;
}

Result<RuleSet> ScreeningService::currentRuleSet() const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    return loadRuleSet(m_session.database().connection());
}

Result<RuleSet> ScreeningService::saveRuleSet(RuleSet rules)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<RuleSet> {
        if (auto r = validateRuleSet(rules); !r) return std::unexpected(r.error());
        rules.version = 0;
        rules.version = storage::ScreeningRepository(uc.db()).addRuleSet(serializeRuleSet(rules),
                                                                         m_session.user().username, m_session.now());
        uc.audit("screening.rules", "rule_set", std::to_string(rules.version));
        uc.changed({Change::What::Queue});
        return rules;
    });
}

Result<ScreeningSummary> ScreeningService::run(Date asOf)
{
    auto summary = runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<ScreeningSummary> {
        const ScreeningSummary s = screenInTransaction(uc.db(), asOf);
        uc.audit("screening.run", "rule_set", std::to_string(s.ruleSetVersion));
        uc.changed({Change::What::Queue});
        return s;
    });
    if (summary) {
        logger("app")->info("screening as of {}: {} borrowers, {} queued, {} excluded, {} reopened",
                            formatIsoDate(asOf), summary->borrowers, summary->queued, summary->excluded,
                            summary->reopened);
    }
    return summary;
}

Date ScreeningService::currentAsOf() const
{
    if (auto d = storage::LoanStatusRepository(m_session.database().connection()).latestAsOf()) return *d;
    const auto today = std::chrono::floor<std::chrono::days>(m_session.clock().now() + std::chrono::hours{8});
    return Date{today};  // Asia/Shanghai is UTC+8 all year
}

bool passesQueueFilter(const QueueFilter& filter, const QueueItem& item)
{
    if (!filter.officer.empty() && item.officer != filter.officer) return false;
    if (!filter.includeDismissed && item.state == QueueState::Dismissed) return false;
    if (!filter.district.empty() && item.district != filter.district) return false;
    if (filter.bucket && item.bucket != *filter.bucket) return false;
    if (filter.unassignedOnly && !item.officer.empty()) return false;
    return true;
}

Result<std::vector<QueueItem>> ScreeningService::queue(QueueFilter filter) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    // Officers see the cases assigned to them; supervisors see all (issue 4).
    if (!m_session.can(Permission::ViewAllCases)) {
        filter.officer = m_session.user().username;
        filter.unassignedOnly = false;
    }
    const auto& db = m_session.database().connection();
    const BucketBoundaries buckets = loadDelinquencySettings(db).buckets;
    const auto origins = storage::AssignmentRepository(db).origins();
    std::vector<QueueItem> items;
    for (const auto& row : storage::ScreeningRepository(db).queue(filter.officer, filter.includeDismissed)) {
        QueueItem item = itemFrom(row, buckets);
        addOrigin(item, findOrigin(origins, row.borrowerRowId));
        if (passesQueueFilter(filter, item)) items.push_back(std::move(item));
    }
    return items;
}

Actor ScreeningService::actorFor(const QueueItem& item) const
{
    const User& u = m_session.user();
    return Actor::person(u.role, !item.officer.empty() && item.officer == u.username);
}

std::vector<QueueMove> ScreeningService::allowedMoves(const QueueItem& item) const
{
    return allowedQueueMoves(item.state, actorFor(item));
}

Result<void> ScreeningService::decide(std::int64_t borrowerRowId, QueueMove move, DismissReason reason,
                                      const std::string& note)
{
    return runUseCase(m_session, Permission::WorkCases, [&](UseCase& uc) -> Result<void> {
        storage::ScreeningRepository repo(uc.db());
        const auto row = repo.entry(borrowerRowId);
        if (!row) return fail(ErrorCode::NotFound, MessageId{"queue.not_found"});
        const QueueItem item = itemFrom(*row, loadDelinquencySettings(uc.db()).buckets);
        const auto next = moveQueueEntry(item.state, move, actorFor(item));
        if (!next) return std::unexpected(next.error());
        const std::string& me = m_session.user().username;
        switch (move) {
        case QueueMove::Accept:
            repo.decide(borrowerRowId, *next, me, m_session.now(), "", "");
            if (item.officer.empty()) {  // whoever accepts it visits it: their own, manual assignment
                repo.assign(borrowerRowId, me);
                storage::AssignmentRepository(uc.db()).record(
                    {borrowerRowId, me, AssignmentOrigin::Manual, me, m_session.now(), 0});
            }
            uc.audit("queue.accept", "borrower", std::to_string(borrowerRowId));
            break;
        case QueueMove::Dismiss:
            repo.decide(borrowerRowId, *next, me, m_session.now(), std::string(dismissReasonName(reason)), note);
            // The reason code goes to the audit trail; the free text stays in the queue entry.
            uc.audit("queue.dismiss", "borrower", std::to_string(borrowerRowId));
            break;
        case QueueMove::Reopen:
            repo.decide(borrowerRowId, *next, me, m_session.now(), "", "");
            uc.audit("queue.reopen", "borrower", std::to_string(borrowerRowId));
            break;
        case QueueMove::Assign: return fail(ErrorCode::Internal, MessageId{"screening.assign_not_decision"});
        }
        uc.changed({Change::What::Queue});
        uc.changed({Change::What::Case, borrowerRowId});
        return {};
    });
}

Result<void> ScreeningService::accept(std::int64_t borrowerRowId)
{
    return decide(borrowerRowId, QueueMove::Accept, DismissReason::Other, {});
}

Result<void> ScreeningService::dismiss(std::int64_t borrowerRowId, DismissReason reason, const std::string& note)
{
    if (reason == DismissReason::Other && note.empty())
        return fail(ErrorCode::InvalidInput, MessageId{"screening.dismiss_note_missing"});
    if (note.size() > 2000) return fail(ErrorCode::InvalidInput, MessageId{"screening.note_too_long"});
    return decide(borrowerRowId, QueueMove::Dismiss, reason, note);
}

Result<void> ScreeningService::reopen(std::int64_t borrowerRowId)
{
    return decide(borrowerRowId, QueueMove::Reopen, DismissReason::Other, {});
}

Result<CaseFlags> ScreeningService::caseFlags(std::int64_t borrowerRowId) const
{
    if (auto r = m_session.require(Permission::ViewPortfolio); !r) return std::unexpected(r.error());
    return storage::ScreeningRepository(m_session.database().connection()).flags(borrowerRowId);
}

Result<void> ScreeningService::setCaseFlags(std::int64_t borrowerRowId, const CaseFlags& flags)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        storage::ScreeningRepository(uc.db()).setFlags(borrowerRowId, flags);
        uc.audit("case.flags", "borrower", std::to_string(borrowerRowId));
        uc.changed({Change::What::Case, borrowerRowId});
        return {};
    });
}

Result<std::vector<std::string>> ScreeningService::officers() const
{
    if (auto r = m_session.require(Permission::ReviewWork); !r) return std::unexpected(r.error());
    std::vector<std::string> names;
    for (const User& u : storage::UserRepository(m_session.database().connection()).list()) {
        if (u.role == Role::Officer && !u.disabled) names.push_back(u.username);
    }
    return names;
}

std::map<std::string, std::string> ScreeningService::staffNames() const
{
    std::map<std::string, std::string> names;
    if (!m_session.can(Permission::ViewPortfolio)) return names;
    for (const User& u : storage::UserRepository(m_session.database().connection()).list())
        names[u.username] = u.displayName;
    return names;
}

int ScreeningService::capacityPerOfficer() const
{
    const auto text = storage::SettingsRepository(m_session.database().connection()).get(kCapacitySetting);
    int value = 0;
    if (text && std::from_chars(text->data(), text->data() + text->size(), value).ec == std::errc{} && value >= 1)
        return value;
    return kDefaultCapacityPerOfficer;
}

Result<void> ScreeningService::assign(const std::vector<std::int64_t>& borrowerRowIds, const std::string& officer)
{
    if (auto r = m_session.require(Permission::ReviewWork); !r) return std::unexpected(r.error());
    auto known = officers();
    if (!known) return std::unexpected(known.error());
    if (!officer.empty() && std::ranges::find(*known, officer) == known->end())
        return fail(ErrorCode::InvalidInput, MessageId{"screening.officer_inactive"});
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<void> {
        storage::ScreeningRepository repo(uc.db());
        for (std::int64_t id : borrowerRowIds) {
            const auto row = repo.entry(id);
            if (!row) return fail(ErrorCode::NotFound, MessageId{"queue.not_found"});
            const QueueItem item = itemFrom(*row, BucketBoundaries{});
            if (auto r = moveQueueEntry(item.state, QueueMove::Assign, actorFor(item)); !r)
                return std::unexpected(r.error());
            repo.assign(id, officer);
            storage::AssignmentRepository origins(uc.db());
            if (officer.empty()) {
                origins.forget(id);
            } else {
                origins.record({id, officer, AssignmentOrigin::Manual, m_session.user().username, m_session.now(), 0});
            }
            uc.audit("queue.assign", "borrower", std::to_string(id));
        }
        uc.changed({Change::What::Queue});
        return {};
    });
}

Result<AssignmentProposal> ScreeningService::proposeAssignment(const std::vector<std::string>& officersOnDuty,
                                                               int capacity, bool reassignAll,
                                                               const std::set<std::int64_t>& releaseManual) const
{
    if (auto r = m_session.require(Permission::ReviewWork); !r) return std::unexpected(r.error());
    if (officersOnDuty.empty()) return fail(ErrorCode::InvalidInput, MessageId{"screening.no_officer_on_duty"});
    if (capacity < 1) return fail(ErrorCode::InvalidInput, MessageId{"screening.capacity_too_small"});
    auto items = queue({});
    if (!items) return std::unexpected(items.error());
    std::map<std::string, OfficerLoad> loads;
    for (const auto& name : officersOnDuty)
        loads[name] = OfficerLoad{name, true, capacity, 0, 0};
    std::vector<AssignableCase> cases;
    for (const QueueItem& i : *items) {
        if (i.state == QueueState::Dismissed) continue;
        // Weight 1–3 from the score, so one very heavy case counts more than one light one.
        const int weight = i.score >= 80 ? 3 : i.score >= 50 ? 2 : 1;
        // A manual assignment stays unless the supervisor released it (issue 8).
        const bool keptByHand =
            i.assignmentOrigin == AssignmentOrigin::Manual && !releaseManual.contains(i.borrowerRowId);
        const bool movable = reassignAll ? i.state == QueueState::Open && !keptByHand : i.officer.empty();
        if (movable) {
            cases.push_back(AssignableCase{i.borrowerRowId, i.district, weight, reassignAll ? i.officer : ""});
        } else if (auto it = loads.find(i.officer); it != loads.end()) {
            ++it->second.cases;  // already theirs and staying: counts against their capacity
            it->second.weight += weight;
        }
    }
    std::vector<OfficerLoad> officerLoads;
    officerLoads.reserve(loads.size());
    for (auto& [name, load] : loads)
        officerLoads.push_back(load);
    return doorstep::proposeAssignment(cases, officerLoads, AssignmentOptions{!reassignAll});
}

Result<int> ScreeningService::applyAssignment(const AssignmentProposal& proposal)
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<int> {
        if (proposal.changes.empty()) return 0;
        storage::ScreeningRepository repo(uc.db());
        storage::AssignmentRepository origins(uc.db());
        const std::string& me = m_session.user().username;
        const std::string now = m_session.now();
        const std::int64_t run = origins.addRun(me, now);
        for (const AssignmentChange& change : proposal.changes) {
            const auto row = repo.entry(change.caseId);
            // The proposal was made from the queue as it was; an entry that changed since is not overridden.
            if (!row || row->officer != change.from) return fail(ErrorCode::Conflict, MessageId{"assignment.stale"});
            const QueueItem item = itemFrom(*row, BucketBoundaries{});
            if (auto r = moveQueueEntry(item.state, QueueMove::Assign, actorFor(item)); !r)
                return std::unexpected(r.error());
            origins.addChange(run, {change.caseId, change.from, change.to, currentOrigin(uc.db(), *row)});
            repo.assign(change.caseId, change.to);
            origins.record({change.caseId, change.to, AssignmentOrigin::Automatic, me, now, run});
        }
        // One audited step for the whole run; the run keeps each change.
        uc.audit("queue.auto_assign", "assignment_run", std::to_string(run));
        uc.changed({Change::What::Queue});
        return static_cast<int>(proposal.changes.size());
    });
}

Result<std::optional<AssignmentRunSummary>> ScreeningService::lastAssignmentRun() const
{
    if (auto r = m_session.require(Permission::ReviewWork); !r) return std::unexpected(r.error());
    const auto run = storage::AssignmentRepository(m_session.database().connection()).lastRun();
    if (!run) return std::optional<AssignmentRunSummary>{};
    return std::optional<AssignmentRunSummary>{
        AssignmentRunSummary{run->id, run->runBy, run->runAt, run->changes, !run->undoneBy.empty()}};
}

Result<AssignmentUndoSummary> ScreeningService::undoLastAssignment()
{
    return runUseCase(m_session, Permission::ReviewWork, [&](UseCase& uc) -> Result<AssignmentUndoSummary> {
        storage::ScreeningRepository repo(uc.db());
        storage::AssignmentRepository origins(uc.db());
        const auto run = origins.lastRun();
        if (!run || !run->undoneBy.empty()) return fail(ErrorCode::NotFound, MessageId{"assignment.nothing_to_undo"});
        AssignmentUndoSummary summary;
        for (const storage::AssignmentRunChangeRow& change : origins.changes(run->id)) {
            const auto row = repo.entry(change.borrowerRowId);
            const auto origin = row ? currentOrigin(uc.db(), *row) : std::nullopt;
            // Only where the run's officer is still there by the run's hand: a later manual choice stands.
            if (!row || row->officer != change.newOfficer || !origin || origin->runId != run->id) {
                ++summary.skipped;
                continue;
            }
            repo.assign(change.borrowerRowId, change.previousOfficer);
            if (change.previousOrigin) {
                origins.record(*change.previousOrigin);
            } else {
                origins.forget(change.borrowerRowId);
            }
            ++summary.restored;
        }
        origins.markUndone(run->id, m_session.user().username, m_session.now());
        uc.audit("queue.auto_assign_undo", "assignment_run", std::to_string(run->id));
        uc.changed({Change::What::Queue});
        return summary;
    });
}

}  // namespace doorstep::app
