// Escaping and indentation for the XML targets.
#include "xml_writer.hpp"

#include <cstdint>

namespace hakit::emit {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD

// Length of the valid UTF-8 sequence at `i`, or 0 (overlong forms, surrogates and code points
// above U+10FFFF are invalid).
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
    const std::uint8_t lead = byte(i);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead < 0x80) {
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        code = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        code = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        code = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    const bool valid = code >= smallest[length] && code <= 0x10FFFF &&
                       !(code >= 0xD800 && code <= 0xDFFF) && code != 0xFFFE && code != 0xFFFF;
    return valid ? length : 0;
}

// Copies text with invalid UTF-8 and control characters replaced; with `markup`, also
// escapes what XML markup would misread.
std::string clean_text(std::string_view text, bool markup) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (!markup && c != '\t' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
            if (const auto length = utf8_length(text, i); length > 0) {
                out.append(text.substr(i, length));
                i += length;
            } else {
                out += replacement;
                ++i;
            }
            continue;
        }
        if (!markup) {
            out += c == '\t' ? std::string_view(" ") : replacement;
            ++i;
            continue;
        }
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\t':
            out += "&#9;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                out += replacement;
                break;
            }
            if (const auto length = utf8_length(text, i); length > 0) {
                out.append(text.substr(i, length));
                i += length;
                continue;
            }
            out += replacement;
            break;
        }
        ++i;
    }
    return out;
}

} // namespace

std::string xml_escape(std::string_view text) {
    return clean_text(text, true);
}

void xml_writer::declaration() {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void xml_writer::comment(std::string_view text) {
    // Character references mean nothing in comments: only keep the text well formed ("--" is
    // not allowed, nor a final '-').
    const std::string body = clean_text(text, false);
    std::string safe;
    for (const char c : body) {
        if (c == '-' && !safe.empty() && safe.back() == '-') {
            safe += ' ';
        }
        safe += c;
    }
    if (!safe.empty() && safe.back() == '-') {
        safe += ' ';
    }
    indent();
    out_ += "<!-- " + safe + " -->\n";
}

void xml_writer::start_tag(std::string_view name, const xml_attributes& attributes) {
    indent();
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attributes) {
        out_ += ' ';
        out_ += key;
        out_ += "=\"";
        out_ += xml_escape(value);
        out_ += '"';
    }
}

void xml_writer::open(std::string_view name, const xml_attributes& attributes) {
    start_tag(name, attributes);
    out_ += ">\n";
    open_.emplace_back(name);
}

void xml_writer::empty(std::string_view name, const xml_attributes& attributes) {
    start_tag(name, attributes);
    out_ += "/>\n";
}

void xml_writer::close() {
    if (open_.empty()) {
        return;
    }
    const std::string name = std::move(open_.back());
    open_.pop_back();
    indent();
    out_ += "</" + name + ">\n";
}

void xml_writer::indent() {
    out_.append(open_.size() * 2, ' ');
}

} // namespace hakit::emit
