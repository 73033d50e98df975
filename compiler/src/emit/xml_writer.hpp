// A small XML writer: indented elements, attributes in the order given, text escaped so that
// any input bytes give well-formed XML 1.0 (invalid UTF-8 and control characters replaced).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hakit::emit {

using xml_attributes = std::vector<std::pair<std::string_view, std::string>>;

// Escapes an attribute value or text: & < > " and tab/newline/CR as character references;
// other control characters and invalid UTF-8 become U+FFFD.
std::string xml_escape(std::string_view text);

class xml_writer {
  public:
    void declaration(); // <?xml version="1.0" encoding="UTF-8"?>
    // <!-- text -->; "--" cannot appear inside a comment, so it is written "- -".
    void comment(std::string_view text);
    void open(std::string_view name, const xml_attributes& attributes = {});
    void empty(std::string_view name, const xml_attributes& attributes = {});
    void close(); // closes the innermost open element
    // The document so far; every element must be closed. Ends with a newline.
    const std::string& text() const { return out_; }

  private:
    void start_tag(std::string_view name, const xml_attributes& attributes);
    void indent();

    std::string out_;
    std::vector<std::string> open_;
};

} // namespace hakit::emit
