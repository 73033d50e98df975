// Inputs for "any bytes parse" sweeps: the same byte strings on every run and platform.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace hakit::test {

// `count` strings of 0 to 23 pieces each, drawn by a fixed linear congruential generator that
// starts at `seed`.
inline std::vector<std::string> pseudo_random_inputs(std::span<const std::string> pieces,
                                                     std::uint32_t seed, int count) {
    const auto next = [&seed] {
        seed = seed * 1103515245U + 12345U;
        return (seed >> 16) & 0x7fffU;
    };
    std::vector<std::string> inputs;
    for (int round = 0; round < count; ++round) {
        std::string bytes;
        const std::uint32_t size = next() % 24;
        for (std::uint32_t i = 0; i < size; ++i) {
            bytes += pieces[next() % pieces.size()];
        }
        inputs.push_back(std::move(bytes));
    }
    return inputs;
}

} // namespace hakit::test
