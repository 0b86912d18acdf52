// The words of the visit queue's automatic assignment and its undo (issue 8).
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> assignmentMessages()
{
    static constexpr std::array rows{
        MessageText{"assignment.stale",
                    "The visit queue has changed since this proposal was made; propose again before applying.",
                    "生成分配方案后走访队列已有变动，请重新生成方案后再应用。"},
        MessageText{"assignment.nothing_to_undo", "There is no automatic assignment to undo.",
                    "没有可撤销的自动分配。"},
    };
    return rows;
}

}  // namespace doorstep
