#include "dot_text.hpp"

namespace hakit::emit::dot {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned min_value = 0;
    unsigned value = 0;
    if (lead < 0x80) {
        return 1;
    }
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        min_value = 0x80;
        value = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        min_value = 0x800;
        value = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        min_value = 0x10000;
        value = lead & 0x07U;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0U) != 0x80U) {
            return 0;
        }
        value = (value << 6U) | (byte(i + k) & 0x3FU);
    }
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    return value < min_value || value > 0x10FFFF || surrogate ? 0 : length;
}

template <class OnChar> std::string sanitized(std::string_view text, OnChar on_char) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_length(text, i);
        if (length == 0) {
            out += '?';
            ++i;
        } else if (length > 1) {
            out += text.substr(i, length);
            i += length;
        } else {
            on_char(out, text[i]);
            ++i;
        }
    }
    return out;
}

bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
}

std::string attribute_list(const attributes& attrs) {
    std::string out;
    for (const auto& [name, value] : attrs) {
        out += out.empty() ? " [" : ", ";
        out += name + "=" + quote(value);
    }
    return out.empty() ? out : out + "]";
}

} // namespace

std::string quote(std::string_view text) {
    return "\"" +
           sanitized(text,
                     [](std::string& out, char c) {
                         if (c == '"' || c == '\\') {
                             out += '\\';
                             out += c;
                         } else if (c == '\n') {
                             out += "\\n";
                         } else {
                             out += is_control(c) ? '?' : c;
                         }
                     }) +
           "\"";
}

std::string printable(std::string_view text) {
    return sanitized(text, [](std::string& out, char c) { out += is_control(c) ? '?' : c; });
}

std::string id_registry::claim(std::string_view prefix, std::string_view name) {
    std::string wanted(prefix);
    wanted += '_';
    for (const char c : name) {
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        wanted += keep ? c : '_';
    }
    std::string id = wanted;
    for (int suffix = 2; used_.count(id) != 0; ++suffix) {
        id = wanted + "_" + std::to_string(suffix);
    }
    used_.insert(id);
    return id;
}

void graph::add_node(const std::string& id, attributes attrs) {
    statements_.push_back(quote(id) + attribute_list(attrs) + ";");
}

void graph::add_edge(const std::string& from, const std::string& to, attributes attrs) {
    statements_.push_back(quote(from) + " -> " + quote(to) + attribute_list(attrs) + ";");
}

void graph::same_rank(const std::vector<std::string>& ids) {
    if (ids.size() < 2) {
        return;
    }
    std::string statement = "{ rank=\"same\";";
    for (const auto& id : ids) {
        statement += " " + quote(id) + ";";
    }
    statements_.push_back(statement + " }");
}

std::string graph::render(std::string_view name, const std::vector<std::string>& comments,
                          const std::vector<std::pair<std::string, attributes>>& defaults) const {
    std::string out;
    for (const auto& comment : comments) {
        out += "// " + printable(comment) + "\n";
    }
    out += "digraph " + quote(name) + " {\n";
    for (const auto& [kind, attrs] : defaults) {
        out += "  " + kind + attribute_list(attrs) + ";\n";
    }
    for (const auto& statement : statements_) {
        out += "  " + statement + "\n";
    }
    out += "}\n";
    return out;
}

} // namespace hakit::emit::dot
