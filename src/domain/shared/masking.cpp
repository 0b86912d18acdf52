#include "domain/shared/masking.h"

#include <vector>

namespace doorstep {
namespace {

// Byte offsets where each UTF-8 code point starts; a stray continuation byte counts as a character of
// its own, so odd input never splits into a broken sequence and never reveals more than it should.
std::vector<std::size_t> characterStarts(std::string_view text)
{
    std::vector<std::size_t> starts;
    starts.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        starts.push_back(i);
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        std::size_t n = 1;
        while (n < length && i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80)
            ++n;
        i += n;
    }
    return starts;
}

}  // namespace

std::string maskMiddle(std::string_view text, std::size_t keepFirst, std::size_t keepLast, std::size_t minHidden)
{
    const std::vector<std::size_t> starts = characterStarts(text);
    const std::size_t count = starts.size();
    const auto hidden = [&] { return keepFirst + keepLast >= count ? 0 : count - keepFirst - keepLast; };
    if (hidden() < minHidden || keepFirst + keepLast >= count) keepFirst = 0;
    if (hidden() < minHidden || keepLast >= count) keepLast = 0;
    const std::size_t frontBytes = keepFirst == 0 ? 0 : starts[keepFirst];
    const std::size_t backStart = keepLast == 0 ? text.size() : starts[count - keepLast];
    std::string out(text.substr(0, frontBytes));
    out.append(count - keepFirst - keepLast, '*');
    out.append(text.substr(backStart));
    return out;
}

std::string maskIdNumber(std::string_view idNumber)
{
    return maskMiddle(idNumber, 6, 4);
}

std::string maskPhone(std::string_view phone)
{
    return maskMiddle(phone, 3, 4);
}

}  // namespace doorstep
