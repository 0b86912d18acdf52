#include "app/shared/changes.h"

#include <algorithm>

namespace doorstep::app {

void ChangeHub::add(ChangeObserver* observer)
{
    const std::scoped_lock lock(m_mutex);
    if (std::ranges::find(m_observers, observer) == m_observers.end()) m_observers.push_back(observer);
}

void ChangeHub::remove(ChangeObserver* observer)
{
    const std::scoped_lock lock(m_mutex);
    std::erase(m_observers, observer);
}

void ChangeHub::notify(const std::vector<Change>& changes)
{
    if (changes.empty()) return;
    std::vector<ChangeObserver*> observers;
    {
        const std::scoped_lock lock(m_mutex);
        observers = m_observers;
    }
    for (const Change& c : changes) {
        for (ChangeObserver* o : observers)
            o->changed(c);
    }
}

}  // namespace doorstep::app
