#include "io/shared/text_encoding.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iconv.h>
#include <utility>

namespace doorstep::io {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// U+FEFF written in GB18030.
constexpr std::string_view kGb18030Bom = "\x84\x31\x95\x33";

inline unsigned byteAt(std::string_view s, std::size_t i)
{
    return static_cast<unsigned char>(s[i]);
}

// Index of the first byte >= 0x80 at or after `from`, or s.size(); eight bytes at a time where it can.
std::size_t skipAscii(std::string_view s, std::size_t from)
{
    std::size_t i = from;
    while (i + 8 <= s.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, s.data() + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) break;
        i += 8;
    }
    while (i < s.size() && byteAt(s, i) < 0x80)
        ++i;
    return i;
}

iconv_t asIconv(void* handle)
{
    return static_cast<iconv_t>(handle);
}

}  // namespace

std::string_view encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Auto: return "auto";
    case Encoding::Utf8: return "utf-8";
    case Encoding::Gb18030: return "gb18030";
    }
    return "auto";
}

std::optional<Encoding> parseEncodingName(std::string_view name)
{
    std::string lower(name);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (lower == "auto") return Encoding::Auto;
    if (lower == "utf-8" || lower == "utf8") return Encoding::Utf8;
    if (lower == "gb18030") return Encoding::Gb18030;
    return std::nullopt;
}

bool startsWithUtf8Bom(std::string_view bytes)
{
    return bytes.starts_with(kUtf8Bom);
}

Utf8Check checkUtf8(std::string_view bytes)
{
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (true) {
        i = skipAscii(bytes, i);
        if (i == n) return {n, false};
        const unsigned lead = byteAt(bytes, i);
        std::size_t length = 0;
        unsigned low = 0x80;  // range of the second byte; the later ones are always 0x80–0xBF
        unsigned high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
            length = 2;
        else if (lead == 0xE0)
            length = 3, low = 0xA0;
        else if (lead >= 0xE1 && lead <= 0xEF)
            length = 3, high = lead == 0xED ? 0x9F : 0xBF;
        else if (lead == 0xF0)
            length = 4, low = 0x90;
        else if (lead >= 0xF1 && lead <= 0xF3)
            length = 4;
        else if (lead == 0xF4)
            length = 4, high = 0x8F;
        else
            return {i, false};
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= n) return {i, true};
            const unsigned b = byteAt(bytes, i + k);
            if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) return {i, false};
        }
        i += length;
    }
}

Encoding detectEncoding(std::string_view sample, bool complete)
{
    if (startsWithUtf8Bom(sample)) return Encoding::Utf8;
    const Utf8Check check = checkUtf8(sample);
    if (check.validBytes == sample.size() || (!complete && check.cutOff)) return Encoding::Utf8;
    // Issue 9, item 6: a UTF-8 file with one GBK name was read whole as GB18030, every name mojibake. GBK
    // text read as UTF-8 breaks at nearly every character and forms a valid multi-byte sequence only now
    // and then; UTF-8 text with a stray GBK name is valid almost everywhere. More valid sequences than
    // broken bytes means UTF-8, and the broken bytes are then refused where they are.
    std::size_t valid = 0;
    std::size_t broken = 0;
    for (std::size_t i = skipAscii(sample, 0); i < sample.size(); i = skipAscii(sample, i)) {
        const Utf8Check next = checkUtf8(sample.substr(i));
        if (next.validBytes > 0) {
            // Whole sequences up to the next ASCII byte or break; count the non-ASCII lead bytes.
            for (std::size_t k = i; k < i + next.validBytes; ++k)
                valid += byteAt(sample, k) >= 0xC0 ? 1 : 0;
            i += next.validBytes;
        } else if (next.cutOff && !complete) {
            break;
        } else {
            ++broken;
            ++i;
        }
    }
    return valid > broken ? Encoding::Utf8 : Encoding::Gb18030;
}

TextDecoder::TextDecoder(Encoding encoding) : m_encoding(encoding) {}

TextDecoder::~TextDecoder()
{
    if (m_iconv != nullptr) ::iconv_close(asIconv(m_iconv));
}

TextDecoder::TextDecoder(TextDecoder&& other) noexcept
    : m_encoding(other.m_encoding), m_atStart(other.m_atStart), m_failed(other.m_failed),
      m_pending(std::move(other.m_pending)), m_scratch(std::move(other.m_scratch)),
      m_iconv(std::exchange(other.m_iconv, nullptr))
{}

TextDecoder& TextDecoder::operator=(TextDecoder&& other) noexcept
{
    if (this != &other) {
        if (m_iconv != nullptr) ::iconv_close(asIconv(m_iconv));
        m_encoding = other.m_encoding;
        m_atStart = other.m_atStart;
        m_failed = other.m_failed;
        m_pending = std::move(other.m_pending);
        m_scratch = std::move(other.m_scratch);
        m_iconv = std::exchange(other.m_iconv, nullptr);
    }
    return *this;
}

Result<void> TextDecoder::decode(std::string_view chunk, std::string& out)
{
    if (m_failed) return invalid();
    if (m_pending.empty()) return run(chunk, false, out);
    m_scratch.assign(m_pending);
    m_scratch.append(chunk);
    m_pending.clear();
    return run(m_scratch, false, out);
}

Result<void> TextDecoder::finish(std::string& out)
{
    if (m_failed) return invalid();
    m_scratch.swap(m_pending);
    m_pending.clear();
    return run(m_scratch, true, out);
}

Result<void> TextDecoder::run(std::string_view bytes, bool final, std::string& out)
{
    if (m_atStart) {
        const std::string_view bom = m_encoding == Encoding::Gb18030 ? kGb18030Bom : kUtf8Bom;
        if (!final && bytes.size() < bom.size() && bom.starts_with(bytes)) {
            m_pending.assign(bytes);
            return {};
        }
        m_atStart = false;
        if (bytes.starts_with(bom)) {
            bytes.remove_prefix(bom.size());
            if (m_encoding == Encoding::Auto) m_encoding = Encoding::Utf8;
        }
    }
    if (m_encoding == Encoding::Auto) {
        const std::size_t firstHigh = skipAscii(bytes, 0);
        out.append(bytes.substr(0, firstHigh));
        bytes.remove_prefix(firstHigh);
        if (bytes.empty()) return {};
        if (!final && bytes.size() < kDetectionWindow) {
            m_pending.assign(bytes);
            return {};
        }
        m_encoding = detectEncoding(bytes, final);
    }
    if (m_encoding == Encoding::Gb18030) return decodeGb18030(bytes, final, out);
    const Utf8Check check = checkUtf8(bytes);
    out.append(bytes.substr(0, check.validBytes));
    if (check.validBytes == bytes.size()) return {};
    if (!check.cutOff || final) return invalid();
    m_pending.assign(bytes.substr(check.validBytes));
    return {};
}

// GB18030 is one byte for ASCII, two bytes (81–FE, then 40–7E or 80–FE) or four bytes (81–FE, 30–39,
// 81–FE, 30–39). ASCII runs are copied as they are; each run of multi-byte characters goes to iconv whole,
// so a character cut by the end of the chunk is recognised here and kept for the next one.
Result<void> TextDecoder::decodeGb18030(std::string_view bytes, bool final, std::string& out)
{
    if (m_iconv == nullptr) {
        iconv_t handle = ::iconv_open("UTF-8", "GB18030");
        if (handle == reinterpret_cast<iconv_t>(-1)) return fail(ErrorCode::Internal, MessageId{"text.no_gb18030"});
        m_iconv = handle;
    }
    const std::size_t n = bytes.size();
    const auto isLead = [](unsigned b) { return b >= 0x81 && b <= 0xFE; };
    const auto isDigit = [](unsigned b) { return b >= 0x30 && b <= 0x39; };
    std::size_t i = 0;
    while (i < n) {
        const std::size_t asciiEnd = skipAscii(bytes, i);
        out.append(bytes.substr(i, asciiEnd - i));
        i = asciiEnd;
        if (i == n) break;
        std::size_t j = i;
        bool bad = false;
        bool cut = false;
        while (j < n && byteAt(bytes, j) >= 0x80) {
            if (!isLead(byteAt(bytes, j))) {
                bad = true;
            } else if (j + 1 >= n) {
                cut = true;
            } else if (const unsigned second = byteAt(bytes, j + 1); isDigit(second)) {
                if (j + 2 < n && !isLead(byteAt(bytes, j + 2)))
                    bad = true;
                else if (j + 3 < n && !isDigit(byteAt(bytes, j + 3)))
                    bad = true;
                else if (j + 3 >= n)
                    cut = true;
                else
                    j += 4;
            } else if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) {
                j += 2;
            } else {
                bad = true;
            }
            if (bad || cut) break;
        }
        const std::size_t old = out.size();
        out.resize(old + 2 * (j - i));  // two GB18030 bytes become at most three UTF-8 bytes, four at most four
        char* in = const_cast<char*>(bytes.data() + i);
        std::size_t inLeft = j - i;
        char* outPtr = out.data() + old;
        std::size_t outLeft = out.size() - old;
        const std::size_t converted = ::iconv(asIconv(m_iconv), &in, &inLeft, &outPtr, &outLeft);
        out.resize(static_cast<std::size_t>(outPtr - out.data()));
        if (converted == static_cast<std::size_t>(-1)) return invalid();
        i = j;
        if (bad || (cut && final)) return invalid();
        if (cut) {
            m_pending.assign(bytes.substr(i));
            return {};
        }
    }
    return {};
}

Result<void> TextDecoder::invalid()
{
    m_failed = true;
    if (m_encoding == Encoding::Gb18030) return fail(ErrorCode::InvalidInput, MessageId{"text.bad_gb18030"});
    return fail(ErrorCode::InvalidInput, MessageId{"text.bad_utf8"});
}

}  // namespace doorstep::io
