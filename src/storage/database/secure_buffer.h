#pragma once
// Key material lives only here: memory from libsodium's guarded allocator, locked against swapping,
// excluded from core dumps, and wiped when released. Move-only.
#include <cstddef>
#include <span>
#include <string_view>

namespace doorstep::storage {

class SecureBuffer final {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);  // zero-filled
    ~SecureBuffer();
    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    static SecureBuffer copyOf(std::span<const unsigned char> bytes);
    static SecureBuffer copyOf(std::string_view text);

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::span<const unsigned char> bytes() const { return {m_data, m_size}; }
    std::string_view view() const;

    // Wipes and frees now (lock, logout).
    void clear();

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

bool operator==(const SecureBuffer& a, const SecureBuffer& b);

}  // namespace doorstep::storage
