#pragma once
// One shape for every use case (STYLE.md "One runner per use case"): role check → transaction → work →
// audit events → commit → notify observers. A use case supplies only its work, which records its audit
// events and changes on the UseCase it is given; an Error from the work rolls everything back and tells
// nobody.
#include "app/shared/changes.h"
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "storage/database/sqlite.h"

#include <type_traits>
#include <utility>
#include <vector>

namespace doorstep::app {

class UseCase final {
public:
    explicit UseCase(Session& session) : m_session(session) {}
    UseCase(const UseCase&) = delete;
    UseCase& operator=(const UseCase&) = delete;

    Session& session() { return m_session; }
    const storage::Connection& db() const { return m_session.database().connection(); }
    // Written in the use case's transaction, so the event and the change commit or vanish together.
    void audit(std::string_view action, std::string_view recordType, std::string_view recordId)
    {
        m_session.audit(action, recordType, recordId);
    }
    void changed(Change change)
    {
        for (const Change& c : m_changes) {
            if (c == change) return;
        }
        m_changes.push_back(change);
    }
    const std::vector<Change>& changes() const { return m_changes; }

private:
    Session& m_session;
    std::vector<Change> m_changes;
};

template <typename Work>
auto runUseCase(Session& session, Permission permission, Work&& work) -> std::invoke_result_t<Work, UseCase&>
{
    using R = std::invoke_result_t<Work, UseCase&>;
    if (auto allowed = session.require(permission); !allowed) return R(std::unexpect, allowed.error());
    UseCase useCase(session);
    storage::Transaction tx(session.database().connection());
    R result = std::forward<Work>(work)(useCase);
    if (!result) return result;  // the transaction rolls back as it goes out of scope
    tx.commit();
    session.changes().notify(useCase.changes());
    return result;
}

}  // namespace doorstep::app
