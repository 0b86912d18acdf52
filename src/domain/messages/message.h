#pragma once
// Messages for people are ids with named arguments (STYLE.md "Messages are ids with arguments"), formatted
// in the reader's language where they are shown: the GUI in its language, the CLI in English or, with
// --lang zh, in Chinese. The words of every id live in the catalogue (message_catalogue.h), one row per id
// with its English and Chinese text; a test walks every row.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct Money;

enum class Language { English, Chinese };

// A stable message id such as "queue.wrong_state". Explicit, so a plain sentence is never taken for one.
struct MessageId {
    std::string_view value;
    constexpr explicit MessageId(std::string_view id) : value(id) {}
};

// One named argument. A value that is itself a message id (`ref`) is formatted in the same language, for
// words such as a state's name inside a sentence.
struct MessageArg {
    std::string name;
    std::string value;
    bool isRef = false;
    std::vector<MessageArg> refArgs{};  // the arguments of a `ref` that has its own, such as a nested error's

    static MessageArg text(std::string name, std::string value) { return {std::move(name), std::move(value), false}; }
    static MessageArg number(std::string name, std::int64_t value);  // with thousands separators: 5,299
    static MessageArg money(std::string name, Money value);          // ¥1,234.56
    static MessageArg ref(std::string name, MessageId id) { return {std::move(name), std::string(id.value), true}; }
    static MessageArg ref(std::string name, std::string_view id, std::vector<MessageArg> args)
    {
        return {std::move(name), std::string(id), true, std::move(args)};
    }
};
using MessageArgs = std::vector<MessageArg>;

// The text of `id` in `language`, each {name} replaced by its argument. An id missing from the catalogue
// gives the id itself (the catalogue test keeps that from reaching anyone).
std::string formatMessage(std::string_view id, const MessageArgs& args, Language language);

// "5,299", "-1,234"
std::string groupThousands(std::int64_t value);

}  // namespace doorstep
