// Words for states and drop reasons, and the input side of the `st` field.
#include <hakit/runtime/membership/actions.hpp>
#include <hakit/runtime/membership/message.hpp>
#include <hakit/runtime/membership/types.hpp>

namespace hakit::runtime::membership {

std::string_view to_string(node_state state) {
    switch (state) {
    case node_state::init:
        return "init";
    case node_state::up:
        return "up";
    case node_state::active:
        return "active";
    case node_state::dead:
        return "dead";
    }
    return "?";
}

std::string_view to_string(link_state state) {
    switch (state) {
    case link_state::unknown:
        return "unknown";
    case link_state::up:
        return "up";
    case link_state::dead:
        return "dead";
    }
    return "?";
}

std::optional<node_state> parse_node_state(std::string_view st) {
    for (const node_state state :
         {node_state::init, node_state::up, node_state::active, node_state::dead}) {
        if (st == to_string(state)) {
            return state;
        }
    }
    return std::nullopt;
}

std::string_view to_string(drop_reason reason) {
    switch (reason) {
    case drop_reason::not_running:
        return "not running";
    case drop_reason::own_message:
        return "own message";
    case drop_reason::unauthenticated:
        return "not authenticated";
    case drop_reason::unknown_node:
        return "unknown node";
    case drop_reason::unknown_link:
        return "unknown medium";
    case drop_reason::missing_seq:
        return "missing seqno";
    case drop_reason::old_generation:
        return "replay (older generation)";
    case drop_reason::generation_before_status:
        return "newer generation before its status message";
    case drop_reason::old_sequence:
        return "replay (sequence number already seen)";
    case drop_reason::duplicate:
        return "duplicate";
    }
    return "?";
}

bool is_unsequenced_type(const std::string& type) {
    return type.starts_with("NS_");
}

} // namespace hakit::runtime::membership
