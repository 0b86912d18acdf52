// The words of the workflows' shared refusals and of the visit queue.
#include "domain/messages/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> workflowMessages()
{
    static constexpr std::array<MessageText, 2> rows{{
        {"workflow.wrong_state", "The {record} is {state}: you cannot {move} now.",
         "该{record}当前为“{state}”，不能{move}。"},
        {"workflow.not_yours", "Your role does not allow you to {move} here.", "您的角色无权在此{move}。"},
    }};
    return rows;
}

std::span<const MessageText> queueMessages()
{
    static constexpr std::array<MessageText, 9> rows{{
        {"queue.record", "visit-queue entry", "走访队列记录"},
        {"queue.state.open", "open", "待处理"},
        {"queue.state.accepted", "accepted for a visit", "已确认走访"},
        {"queue.state.dismissed", "dismissed from the queue", "已移出队列"},
        {"queue.move.accept", "accept it for a visit", "确认走访"},
        {"queue.move.dismiss", "dismiss it from the queue", "移出队列"},
        {"queue.move.reopen", "reopen it", "恢复到队列"},
        {"queue.move.assign", "assign it", "分配"},
        {"queue.not_found", "The case is no longer in the visit queue.", "该案件已不在走访队列中。"},
    }};
    return rows;
}

}  // namespace doorstep
