#include <hakit/runtime/wire/outbound.hpp>

namespace hakit::runtime::wire {
namespace {

std::string raw_bytes(const node_uuid& uuid) {
    return std::string(reinterpret_cast<const char*>(uuid.data()), uuid.size());
}

} // namespace

message with_sender_fields(message own, const sender_fields& sender) {
    const auto type = own.string_value("t");
    const bool no_sequence = type && type->starts_with("NS_");
    if (sender.destuuid && own.find("dest") != nullptr) {
        own.add_binary("destuuid", raw_bytes(*sender.destuuid));
    }
    if (!(no_sequence && own.find("src") != nullptr)) {
        own.set_string("src", sender.src);
    }
    own.add_binary("srcuuid", raw_bytes(sender.srcuuid));
    if (!no_sequence) {
        own.add_hex("seq", sender.seq);
    }
    own.add_hex("hg", sender.generation);
    own.add_hex("ts", sender.timestamp);
    if (!no_sequence) {
        own.add_string("ld", sender.load_average);
    }
    own.add_decimal("ttl", sender.ttl);
    return own;
}

} // namespace hakit::runtime::wire
