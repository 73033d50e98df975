#include "json_support.hpp"

#include <algorithm>

#ifndef HAKIT_VERSION
#error "HAKIT_VERSION must be defined by the build (compiler/tool/CMakeLists.txt)"
#endif

namespace hakit::emit {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    if (byte(i + 1) < low || byte(i + 1) > high) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) {
            return 0;
        }
    }
    return length;
}

} // namespace

bool to_valid_utf8(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size());
    bool valid = true;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            valid = false;
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return valid;
}

ordered_json json_text::operator()(std::string_view text, const location& where) {
    std::string valid;
    if (to_valid_utf8(text, valid)) {
        return valid;
    }
    if (std::find(reported_.begin(), reported_.end(), where) == reported_.end()) {
        reported_.push_back(where);
        diagnostics_.push_back(
            {"HC004",
             "json-invalid-utf8",
             severity::warning,
             "this value is not valid UTF-8: JSON cannot hold it as written, so the invalid "
             "bytes are U+FFFD in the output",
             where,
             {}});
    }
    return valid;
}

ordered_json json_text::list(const std::vector<std::string>& values, const location& where) {
    ordered_json list = ordered_json::array();
    for (const auto& value : values) {
        list.push_back((*this)(value, where));
    }
    return list;
}

ordered_json json_ping_node(json_text& text, const ir::ping_node& ping) {
    ordered_json node = ordered_json::object();
    node["kind"] = std::string(json_name(ping.kind));
    node["name"] = text(ping.name, ping.where);
    node["hosts"] = text.list(ping.hosts, ping.where);
    node["where"] = json_location(ping.where);
    return node;
}

ordered_json json_child_process(json_text& text, const ir::child_process& process) {
    ordered_json result = ordered_json::object();
    result["user"] = text(process.user, process.where);
    result["command"] = text(process.command, process.where);
    result["args"] = text.list(process.args, process.where);
    result["failfast"] = process.failfast;
    result["where"] = json_location(process.where);
    return result;
}

std::string_view json_generator() {
    return "hacompile (hakit) " HAKIT_VERSION;
}

std::string_view json_name(ir::ping_kind kind) {
    switch (kind) {
    case ir::ping_kind::ping:
        return "ping";
    case ir::ping_kind::ping6:
        return "ping6";
    case ir::ping_kind::ping_group:
        return "ping_group";
    }
    return "ping";
}

std::string_view json_name(ir::auth_method method) {
    switch (method) {
    case ir::auth_method::crc:
        return "crc";
    case ir::auth_method::md5:
        return "md5";
    case ir::auth_method::sha1:
        return "sha1";
    }
    return "crc";
}

ordered_json json_location(const location& where) {
    ordered_json result = ordered_json::object();
    std::string file;
    to_valid_utf8(where.file, file); // a path is the user's own; no diagnostic for it
    result["file"] = file;
    result["line"] = where.line;
    result["column"] = where.column;
    return result;
}

ordered_json json_diagnostic(const diagnostic& finding) {
    std::string message;
    to_valid_utf8(finding.message, message);
    ordered_json result = ordered_json::object();
    result["code"] = finding.code;
    result["rule"] = finding.rule;
    result["severity"] = std::string(to_string(finding.level));
    result["message"] = message;
    result["where"] = json_location(finding.where);
    return result;
}

ordered_json json_diagnostics(const std::vector<diagnostic>& findings) {
    ordered_json result = ordered_json::array();
    for (const auto& finding : findings) {
        result.push_back(json_diagnostic(finding));
    }
    return result;
}

std::string print_json(const ordered_json& document) {
    // Every string went through to_valid_utf8; `replace` only guards against a missed one.
    return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

} // namespace hakit::emit
