#include "domain/messages/message_catalogue.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace doorstep {
namespace {

// One line per feature.
std::vector<MessageText> collect()
{
    const std::array parts = {
        workflowMessages(),   queueMessages(),           planMessages(),  appointmentMessages(),
        contactLogMessages(), assignmentMessages(),      visitMessages(),
        databaseMessages(),  // database.*, keyring.*, file.*
        userMessages(),      // login.*, session.*, user.*, password.*
        valueMessages(),     // money.*, rate.*, date.*, resident_id.*, text.*
        ruleMessages(),      // screening.*, delinquency.*, classification.*, schedule.*, portfolio.*
        importMessages(),    // import.*, csv.*, extract.*, synthetic.*, demo.*
        daySheetMessages(),   templateLibraryMessages(),
    };
    std::vector<MessageText> all;
    for (const auto& part : parts)
        all.insert(all.end(), part.begin(), part.end());
    return all;
}

}  // namespace

std::span<const MessageText> messageCatalogue()
{
    static const std::vector<MessageText> all = collect();
    return all;
}

const MessageText* findMessage(std::string_view id)
{
    static const std::unordered_map<std::string_view, const MessageText*> index = [] {
        std::unordered_map<std::string_view, const MessageText*> map;
        for (const MessageText& m : messageCatalogue())
            map.emplace(m.id, &m);
        return map;
    }();
    auto it = index.find(id);
    return it == index.end() ? nullptr : it->second;
}

}  // namespace doorstep
