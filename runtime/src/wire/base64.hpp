// Standard base64 with '=' padding, as classic messages carry binary fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hakit::runtime::wire::detail {

std::string base64_encode(std::string_view bytes);
// nullopt unless `text` is padded base64 (length a multiple of 4, padding only at the end).
std::optional<std::string> base64_decode(std::string_view text);

} // namespace hakit::runtime::wire::detail
