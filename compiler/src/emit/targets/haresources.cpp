// Target "haresources": the canonical formatter for haresources (format_haresources.hpp).
#include "format_haresources.hpp"

namespace hakit::emit {
namespace {

emit_result emit_haresources(const emit_input& input) {
    return format::emit_canonical(input, file_kind::haresources, &format::format_haresources, 0644);
}

const target_registrar registered{
    {"haresources", "haresources in canonical form: one group per line, comments kept",
     &emit_haresources}};

} // namespace
} // namespace hakit::emit
