#pragma once
// The text encodings of the core-banking extract (docs/data-formats.md): UTF-8, with or without a
// byte-order mark, or GB18030 as Chinese bank systems still export. Everything inside Doorstep is UTF-8.
#include "domain/messages/error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace doorstep::io {

enum class Encoding { Auto, Utf8, Gb18030 };

std::string_view encodingName(Encoding encoding);  // "auto", "utf-8", "gb18030"
// "auto", "utf-8", "utf8", "gb18030" in any case; nullopt for anything else.
std::optional<Encoding> parseEncodingName(std::string_view name);

bool startsWithUtf8Bom(std::string_view bytes);

struct Utf8Check {
    std::size_t validBytes = 0;  // length of the longest prefix made of whole, valid UTF-8 sequences
    bool cutOff = false;         // the bytes after that prefix are the start of a valid sequence cut by the end
};
// Rejects overlong forms, surrogates and code points above U+10FFFF.
Utf8Check checkUtf8(std::string_view bytes);

// A byte-order mark or valid UTF-8 means UTF-8; so does text that is mostly valid UTF-8 (more valid
// multi-byte characters than broken bytes: a UTF-8 file with a stray GBK name, which then fails where the
// name is instead of turning the whole file into mojibake); anything else GB18030. `complete` says the
// sample is the whole text; when it is not, a sequence cut off at its end does not count against UTF-8.
Encoding detectEncoding(std::string_view sample, bool complete);

// Turns a byte stream, given in chunks of any size, into UTF-8: a character split between two chunks
// is kept until the next one completes it, and a byte-order mark at the start is dropped. With
// Encoding::Auto the encoding is decided at the first non-ASCII byte, from the kDetectionWindow bytes
// from there on, or all of them when fewer remain (everything before it reads the same in both encodings).
// Bytes later in the text that are not valid in the chosen encoding are then an error, found where they are.
class TextDecoder final {
public:
    static constexpr std::size_t kDetectionWindow = 64 * 1024;

    explicit TextDecoder(Encoding encoding);
    ~TextDecoder();
    TextDecoder(TextDecoder&& other) noexcept;
    TextDecoder& operator=(TextDecoder&& other) noexcept;
    TextDecoder(const TextDecoder&) = delete;
    TextDecoder& operator=(const TextDecoder&) = delete;

    // Appends the UTF-8 text of `chunk` to `out`. At bytes that are not valid in the encoding it appends
    // the text before them and fails with InvalidInput; the decoder is then spent.
    Result<void> decode(std::string_view chunk, std::string& out);
    // The end of the input: decides a pending Auto choice, and fails when it ends inside a character.
    Result<void> finish(std::string& out);

    // The encoding in use: Auto until a non-ASCII byte or a byte-order mark has decided it.
    Encoding encoding() const { return m_encoding; }

private:
    Result<void> run(std::string_view bytes, bool final, std::string& out);
    Result<void> decodeGb18030(std::string_view bytes, bool final, std::string& out);
    Result<void> invalid();

    Encoding m_encoding;
    bool m_atStart = true;
    bool m_failed = false;
    std::string m_pending;  // bytes kept for the next call: a split character or an undecided window
    std::string m_scratch;  // m_pending followed by the new chunk
    void* m_iconv = nullptr;
};

}  // namespace doorstep::io
