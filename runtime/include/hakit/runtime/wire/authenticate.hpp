// Checking a parsed packet's signatures the way heartbeat 3.0.6 does (§4.6).
#pragma once

#include <hakit/runtime/wire/codec.hpp>
#include <hakit/runtime/wire/keys.hpp>

#include <string>
#include <string_view>

namespace hakit::runtime::wire {

enum class auth_verdict {
    authentic,
    missing,         // no signature of that kind in the packet
    malformed,       // an `auth` field that is not `<N> <hex>`
    unknown_index,   // no key entry N configured here
    digest_mismatch, // recomputed digest differs
};

std::string_view to_string(auth_verdict verdict);

struct authentication {
    bool authentic = false;
    auth_verdict inner = auth_verdict::missing;   // the classic `auth` field
    auth_verdict trailer = auth_verdict::missing; // the netstring trailer
    std::string reason; // empty when authentic; says which signature failed and why
};

// `bytes` must be the exact bytes `received` was parsed from (the trailer refers to them).
// Classic packets need an authentic `auth` field. Netstring packets need an authentic trailer,
// checked with entry N's method but the ACTIVE entry's key (3.0.6's quirk), and an inner
// `auth` field, when present, must verify with entry N's method and key.
authentication authenticate(const packet& received, std::string_view bytes, const key_set& keys);

} // namespace hakit::runtime::wire
