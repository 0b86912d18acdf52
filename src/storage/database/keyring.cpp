#include "storage/database/keyring.h"

#include "io/shared/atomic_file.h"

#include <algorithm>
#include <charconv>
#include <fmt/core.h>
#include <optional>
#include <sodium.h>
#include <sstream>

namespace doorstep::storage {
namespace {

constexpr std::string_view kMagic = "doorstep-keyring 1";
constexpr std::string_view kArgon = "argon2id13";
constexpr std::string_view kCheck = "check ";

Result<void> corrupt(MessageId part)
{
    return fail(ErrorCode::FileCorrupt, MessageId{"keyring.damaged"}, {MessageArg::ref("part", part)});
}

// The same damage, naming the file, so a person knows which file to restore from the backup.
Error namingFile(Error error, const std::filesystem::path& path)
{
    if (error.code != ErrorCode::FileCorrupt || error.id != "keyring.damaged") return error;
    MessageArgs args = std::move(error.args);
    args.push_back(MessageArg::text("file", path.filename().string()));
    return fail(ErrorCode::FileCorrupt, MessageId{"keyring.file_damaged"}, std::move(args)).error();
}

std::vector<std::string_view> splitWords(std::string_view line)
{
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t end = std::min(line.find(' ', pos), line.size());
        if (end > pos) words.push_back(line.substr(pos, end - pos));
        pos = end + 1;
    }
    return words;
}

std::optional<std::uint64_t> parseNumber(std::string_view text)
{
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

Result<KeySlot> parseSlot(const std::vector<std::string_view>& w)
{
    // slot <user> argon2id13 <ops> <mem> <salt> <nonce> <secret> <public> <sealed> <pending|->
    if (w.size() != 11 || w[2] != kArgon) return std::unexpected(corrupt(MessageId{"keyring.part.slot_line"}).error());
    KeySlot slot;
    slot.username = std::string(w[1]);
    const auto ops = parseNumber(w[3]);
    const auto mem = parseNumber(w[4]);
    if (!ops || !mem) return std::unexpected(corrupt(MessageId{"keyring.part.slot_cost"}).error());
    slot.kdf = {*ops, *mem};
    Bytes* fields[] = {&slot.salt, &slot.nonce, &slot.encryptedSecret, &slot.publicKey, &slot.sealedKey};
    for (std::size_t i = 0; i < 5; ++i) {
        auto bytes = fromHex(w[5 + i]);
        if (!bytes) return std::unexpected(corrupt(MessageId{"keyring.part.slot_value"}).error());
        *fields[i] = std::move(*bytes);
    }
    if (w[10] != "-") {
        auto pending = fromHex(w[10]);
        if (!pending) return std::unexpected(corrupt(MessageId{"keyring.part.slot_value"}).error());
        slot.pendingSealedKey = std::move(*pending);
    }
    if (slot.salt.size() != crypto_pwhash_SALTBYTES ||
        slot.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        slot.publicKey.size() != crypto_box_PUBLICKEYBYTES ||
        slot.sealedKey.size() != crypto_box_SEALBYTES + kKeyBytes ||
        (!slot.pendingSealedKey.empty() && slot.pendingSealedKey.size() != slot.sealedKey.size()))
        return std::unexpected(corrupt(MessageId{"keyring.part.slot_sizes"}).error());
    return slot;
}

Bytes seal(const SecureBuffer& key, const Bytes& publicKey)
{
    Bytes sealed(crypto_box_SEALBYTES + key.size());
    crypto_box_seal(sealed.data(), key.data(), key.size(), publicKey.data());
    return sealed;
}

Result<SecureBuffer> openSealed(const Bytes& sealed, const Bytes& publicKey, const SecureBuffer& secretKey)
{
    SecureBuffer key(kKeyBytes);
    if (sealed.size() != crypto_box_SEALBYTES + kKeyBytes ||
        crypto_box_seal_open(key.data(), sealed.data(), sealed.size(), publicKey.data(), secretKey.data()) != 0)
        return fail(ErrorCode::FileCorrupt, MessageId{"keyring.slot_mismatch"});
    return key;
}

}  // namespace

std::filesystem::path Keyring::pathFor(const std::filesystem::path& databasePath)
{
    return std::filesystem::path(databasePath.string() + ".keyring");
}

Keyring Keyring::create()
{
    Keyring ring;
    ring.m_databaseId = toHex(randomBytes(16));
    return ring;
}

Result<Keyring> Keyring::load(const std::filesystem::path& path)
{
    auto text = io::readWholeFile(path);
    if (!text) {
        if (text.error().code == ErrorCode::FileMissing)
            return fail(ErrorCode::FileMissing, MessageId{"keyring.missing"});
        return fail(text.error().code, MessageId{"keyring.unreadable"});
    }
    auto ring = parse(*text);
    if (!ring) return std::unexpected(namingFile(std::move(ring.error()), path));
    return ring;
}

Result<Keyring> Keyring::parse(std::string_view text)
{
    // The last line, when there is one, is "check <SHA-256 of everything before it>": a flipped byte in a
    // salt, a secret or the database id is then found here instead of reading as a wrong password.
    // Keyrings written before it existed have no such line and are read as they are.
    const std::size_t checkAt = text.rfind(std::string("\n").append(kCheck));
    if (checkAt != std::string_view::npos) {
        const std::string_view body = text.substr(0, checkAt + 1);
        std::string_view line = text.substr(checkAt + 1 + kCheck.size());
        if (!line.ends_with('\n')) return std::unexpected(corrupt(MessageId{"keyring.part.checksum_line"}).error());
        line.remove_suffix(1);
        if (line != sha256Hex(body)) return std::unexpected(corrupt(MessageId{"keyring.part.checksum"}).error());
        text = body;
    }
    std::istringstream in{std::string(text)};
    std::string line;
    if (!std::getline(in, line) || line != kMagic)
        return std::unexpected(corrupt(MessageId{"keyring.part.header"}).error());
    Keyring ring;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto words = splitWords(line);
        // A line of spaces has no first word: damage like any other unknown line.
        if (words.empty()) return std::unexpected(corrupt(MessageId{"keyring.part.blank_line"}).error());
        if (words[0] == "database" && words.size() == 2 && words[1].size() == 32) {
            if (!ring.m_databaseId.empty())
                return std::unexpected(corrupt(MessageId{"keyring.part.second_database_line"}).error());
            ring.m_databaseId = std::string(words[1]);
        } else if (words[0] == "slot") {
            auto slot = parseSlot(words);
            if (!slot) return std::unexpected(slot.error());
            if (ring.hasSlot(slot->username))
                return std::unexpected(corrupt(MessageId{"keyring.part.duplicate_slot"}).error());
            ring.m_slots.push_back(std::move(*slot));
        } else {
            return std::unexpected(corrupt(MessageId{"keyring.part.unknown_line"}).error());
        }
    }
    if (ring.m_databaseId.empty()) return std::unexpected(corrupt(MessageId{"keyring.part.no_database_id"}).error());
    return ring;
}

std::string Keyring::serialize() const
{
    std::string out = fmt::format("{}\ndatabase {}\n", kMagic, m_databaseId);
    for (const KeySlot& s : m_slots) {
        out +=
            fmt::format("slot {} {} {} {} {} {} {} {} {} {}\n", s.username, kArgon, s.kdf.opsLimit, s.kdf.memLimit,
                        toHex(s.salt), toHex(s.nonce), toHex(s.encryptedSecret), toHex(s.publicKey), toHex(s.sealedKey),
                        s.pendingSealedKey.empty() ? std::string("-") : toHex(s.pendingSealedKey));
    }
    out += fmt::format("{}{}\n", kCheck, sha256Hex(out));
    return out;
}

Result<void> Keyring::save(const std::filesystem::path& path) const
{
    return io::writeFileAtomically(path, serialize());
}

bool Keyring::hasSlot(std::string_view username) const
{
    return findSlot(username) != nullptr;
}

std::vector<std::string> Keyring::usernames() const
{
    std::vector<std::string> out;
    out.reserve(m_slots.size());
    for (const KeySlot& s : m_slots)
        out.push_back(s.username);
    return out;
}

KeySlot* Keyring::findSlot(std::string_view username)
{
    auto it = std::ranges::find(m_slots, username, &KeySlot::username);
    return it == m_slots.end() ? nullptr : &*it;
}

const KeySlot* Keyring::findSlot(std::string_view username) const
{
    auto it = std::ranges::find(m_slots, username, &KeySlot::username);
    return it == m_slots.end() ? nullptr : &*it;
}

std::string Keyring::associatedData(std::string_view username) const
{
    return fmt::format("doorstep-slot-v1|{}|{}", m_databaseId, username);
}

Result<void> Keyring::setSlot(std::string_view username, std::string_view password, const SecureBuffer& databaseKey,
                              const KdfParams& kdf)
{
    if (hasPendingKey()) return fail(ErrorCode::Conflict, MessageId{"keyring.rekey_pending"});
    if (databaseKey.size() != kKeyBytes) return fail(ErrorCode::Internal, MessageId{"keyring.key_size"});
    KeySlot slot;
    slot.username = std::string(username);
    slot.kdf = kdf;
    slot.salt = randomBytes(crypto_pwhash_SALTBYTES);
    slot.publicKey.resize(crypto_box_PUBLICKEYBYTES);
    SecureBuffer secretKey(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(slot.publicKey.data(), secretKey.data());
    slot.sealedKey = seal(databaseKey, slot.publicKey);

    auto wrapping = deriveKey(password, slot.salt, kdf);
    if (!wrapping) return std::unexpected(wrapping.error());
    slot.nonce = randomBytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    slot.encryptedSecret.resize(secretKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    const std::string ad = associatedData(username);
    unsigned long long written = 0;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    crypto_aead_xchacha20poly1305_ietf_encrypt(slot.encryptedSecret.data(), &written, secretKey.data(),
                                               secretKey.size(), reinterpret_cast<const unsigned char*>(ad.data()),
                                               ad.size(), nullptr, slot.nonce.data(), wrapping->data());
    putSlot(std::move(slot));
    return {};
}

void Keyring::putSlot(KeySlot slot)
{
    if (KeySlot* existing = findSlot(slot.username)) {
        *existing = std::move(slot);
    } else {
        m_slots.push_back(std::move(slot));
    }
}

Result<UnlockedKeys> Keyring::unlock(std::string_view username, std::string_view password) const
{
    const KeySlot* slot = findSlot(username);
    if (slot == nullptr) {
        // Spend the same effort as a real slot so timing does not tell whether the user exists.
        const Bytes salt(crypto_pwhash_SALTBYTES, 0);
        (void)deriveKey(password, salt, KdfParams::moderate());
        return fail(ErrorCode::WrongCredentials, MessageId{"login.wrong_credentials"});
    }
    auto wrapping = deriveKey(password, slot->salt, slot->kdf);
    if (!wrapping) return std::unexpected(wrapping.error());
    if (slot->encryptedSecret.size() != crypto_box_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return std::unexpected(corrupt(MessageId{"keyring.part.slot_sizes"}).error());
    SecureBuffer secretKey(crypto_box_SECRETKEYBYTES);
    const std::string ad = associatedData(username);
    unsigned long long length = 0;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            secretKey.data(), &length, nullptr, slot->encryptedSecret.data(), slot->encryptedSecret.size(),
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), slot->nonce.data(), wrapping->data()) != 0) {
        return fail(ErrorCode::WrongCredentials, MessageId{"login.wrong_credentials"});
    }
    UnlockedKeys keys;
    auto key = openSealed(slot->sealedKey, slot->publicKey, secretKey);
    if (!key) return std::unexpected(key.error());
    keys.key = std::move(*key);
    if (!slot->pendingSealedKey.empty()) {
        auto pending = openSealed(slot->pendingSealedKey, slot->publicKey, secretKey);
        if (!pending) return std::unexpected(pending.error());
        keys.pendingKey = std::move(*pending);
    }
    return keys;
}

Result<void> Keyring::changePassword(std::string_view username, std::string_view oldPassword,
                                     std::string_view newPassword, const KdfParams& kdf)
{
    KeySlot* slot = findSlot(username);
    if (slot == nullptr) return fail(ErrorCode::WrongCredentials, MessageId{"login.wrong_credentials"});
    auto oldKey = deriveKey(oldPassword, slot->salt, slot->kdf);
    if (!oldKey) return std::unexpected(oldKey.error());
    const std::string ad = associatedData(username);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    const auto* adBytes = reinterpret_cast<const unsigned char*>(ad.data());
    SecureBuffer secretKey(crypto_box_SECRETKEYBYTES);
    unsigned long long length = 0;
    if (slot->encryptedSecret.size() != secretKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        crypto_aead_xchacha20poly1305_ietf_decrypt(secretKey.data(), &length, nullptr, slot->encryptedSecret.data(),
                                                   slot->encryptedSecret.size(), adBytes, ad.size(), slot->nonce.data(),
                                                   oldKey->data()) != 0) {
        return fail(ErrorCode::WrongCredentials, MessageId{"keyring.wrong_current_password"});
    }
    Bytes salt = randomBytes(crypto_pwhash_SALTBYTES);
    auto newKey = deriveKey(newPassword, salt, kdf);
    if (!newKey) return std::unexpected(newKey.error());
    Bytes nonce = randomBytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    Bytes encrypted(secretKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(encrypted.data(), &written, secretKey.data(), secretKey.size(), adBytes,
                                               ad.size(), nullptr, nonce.data(), newKey->data());
    slot->kdf = kdf;
    slot->salt = std::move(salt);
    slot->nonce = std::move(nonce);
    slot->encryptedSecret = std::move(encrypted);
    return {};
}

void Keyring::removeSlot(std::string_view username)
{
    std::erase_if(m_slots, [&](const KeySlot& s) { return s.username == username; });
}

void Keyring::stagePendingKey(const SecureBuffer& newKey)
{
    for (KeySlot& s : m_slots)
        s.pendingSealedKey = seal(newKey, s.publicKey);
}

bool Keyring::hasPendingKey() const
{
    return std::ranges::any_of(m_slots, [](const KeySlot& s) { return !s.pendingSealedKey.empty(); });
}

void Keyring::commitPendingKey()
{
    for (KeySlot& s : m_slots) {
        if (!s.pendingSealedKey.empty()) s.sealedKey = std::move(s.pendingSealedKey);
        s.pendingSealedKey.clear();
    }
}

void Keyring::dropPendingKey()
{
    for (KeySlot& s : m_slots)
        s.pendingSealedKey.clear();
}

}  // namespace doorstep::storage
