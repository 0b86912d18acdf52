#include "storage/database/secure_buffer.h"

#include "storage/database/crypto.h"

#include <cstring>
#include <new>
#include <sodium.h>
#include <utility>

namespace doorstep::storage {

SecureBuffer::SecureBuffer(std::size_t size)
{
    if (size == 0) return;
    ensureSodium();
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (m_data == nullptr) throw std::bad_alloc();
    std::memset(m_data, 0, size);
    m_size = size;
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBuffer SecureBuffer::copyOf(std::span<const unsigned char> bytes)
{
    SecureBuffer out(bytes.size());
    if (!bytes.empty()) std::memcpy(out.m_data, bytes.data(), bytes.size());
    return out;
}

SecureBuffer SecureBuffer::copyOf(std::string_view text)
{
    SecureBuffer out(text.size());
    if (!text.empty()) std::memcpy(out.m_data, text.data(), text.size());
    return out;
}

std::string_view SecureBuffer::view() const
{
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes viewed as characters
    return {reinterpret_cast<const char*>(m_data), m_size};
}

void SecureBuffer::clear()
{
    if (m_data != nullptr) sodium_free(m_data);  // sodium_free wipes before freeing
    m_data = nullptr;
    m_size = 0;
}

bool operator==(const SecureBuffer& a, const SecureBuffer& b)
{
    return a.size() == b.size() && (a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

}  // namespace doorstep::storage
