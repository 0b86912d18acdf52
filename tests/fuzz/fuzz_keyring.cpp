// The keyring parser on any bytes: it must refuse damage with FileCorrupt and never crash, and what it
// accepts must serialize to a text that parses back to the same keyring (issue 9, item 9).
#include "storage/database/keyring.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace doorstep;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto ring = storage::Keyring::parse(text);
    if (!ring) {
        if (ring.error().code != ErrorCode::FileCorrupt) std::abort();
        return 0;
    }
    const std::string again = ring->serialize();
    const auto reparsed = storage::Keyring::parse(again);
    if (!reparsed || reparsed->serialize() != again) std::abort();
    return 0;
}
