// Target "authkeys": the canonical formatter for authkeys (format_authkeys.hpp). The file is
// nothing but keys, so it is only written with --include-secrets, and then mode 0600.
#include "format_authkeys.hpp"
#include "format_codes.hpp"

namespace hakit::emit {
namespace {

emit_result emit_authkeys(const emit_input& input) {
    if (!input.options.include_secrets) {
        emit_result refused;
        const std::string where =
            input.folders.empty() ? "authkeys" : input.folders.front().expected_path_authkeys;
        refused.diagnostics.push_back(format_codes::make(
            format_codes::needs_secrets, location{where, 0, 0},
            "the authkeys target writes the keys themselves: run it with --include-secrets"));
        return refused;
    }
    return format::emit_canonical(input, file_kind::authkeys, &format::format_authkeys, 0600);
}

const target_registrar registered{
    {"authkeys", "authkeys in canonical form (needs --include-secrets; written mode 0600)",
     &emit_authkeys}};

} // namespace
} // namespace hakit::emit
