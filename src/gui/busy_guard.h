#pragma once
// Marks long work running on the GUI thread (an import): the idle lock waits until it ends instead
// of closing the database under it.
namespace doorstep::gui {

class BusyGuard final {
public:
    BusyGuard() { ++s_depth; }
    ~BusyGuard() { --s_depth; }
    BusyGuard(const BusyGuard&) = delete;
    BusyGuard& operator=(const BusyGuard&) = delete;
    static bool active() { return s_depth > 0; }

private:
    static inline int s_depth = 0;
};

}  // namespace doorstep::gui
