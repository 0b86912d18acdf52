#pragma once
// The random numbers of the synthetic extract. The same seed must give the same files on every machine
// and standard library, which std::uniform_int_distribution and friends do not promise (their
// algorithms are implementation-defined), so both the generator and every mapping to a range are ours:
// xoshiro256** (Blackman & Vigna) seeded through splitmix64, and unbiased rejection for ranges.
// Probabilities are integers per million, so no floating point decides anything.
#include <cstddef>
#include <cstdint>
#include <span>

namespace doorstep::io::synthetic {

class Random final {
public:
    explicit Random(std::uint64_t seed)
    {
        // splitmix64 spreads any seed (0 included) over the 256 bits of state.
        for (auto& word : m_state) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [lo, hi] (both included); lo when hi < lo.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        if (hi <= lo) return lo;
        const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
        if (range == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
        // Values below `threshold` would make the low results more likely; draw again (rarely needed).
        const std::uint64_t threshold = (0 - range) % range;
        std::uint64_t x = next();
        while (x < threshold)
            x = next();
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % range);
    }

    int between(int lo, int hi)
    {
        return static_cast<int>(between(static_cast<std::int64_t>(lo), static_cast<std::int64_t>(hi)));
    }

    // True with probability perMillion / 1,000,000.
    bool chance(std::int64_t perMillion) { return between(std::int64_t{0}, std::int64_t{999'999}) < perMillion; }

    // An index drawn with the given non-negative weights (not all zero).
    std::size_t weighted(std::span<const int> weights)
    {
        std::int64_t total = 0;
        for (const int w : weights)
            total += w;
        std::int64_t x = between(std::int64_t{0}, total - 1);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T> const T& pick(std::span<const T> items)
    {
        return items[static_cast<std::size_t>(between(std::int64_t{0}, static_cast<std::int64_t>(items.size()) - 1))];
    }

    // Skewed towards lo: lo + (hi − lo) · u·v with u, v uniform in [0, 1] (mean a quarter of the way).
    std::int64_t skewedBetween(std::int64_t lo, std::int64_t hi)
    {
        const std::int64_t u = between(std::int64_t{0}, std::int64_t{1000});
        const std::int64_t v = between(std::int64_t{0}, std::int64_t{1000});
        return lo + (hi - lo) / 1000 * u * v / 1000 + (hi - lo) % 1000 * u * v / 1'000'000;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4]{};
};

}  // namespace doorstep::io::synthetic
