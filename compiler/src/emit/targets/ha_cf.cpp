// Target "ha.cf": the canonical formatter for ha.cf (format_ha_cf.hpp says what it does).
#include "format_ha_cf.hpp"

namespace hakit::emit {
namespace {

emit_result emit_ha_cf(const emit_input& input) {
    return format::emit_canonical(input, file_kind::ha_cf, &format::format_ha_cf, 0644);
}

const target_registrar registered{
    {"ha.cf", "ha.cf in canonical form: normalised spacing, comments kept, stable order",
     &emit_ha_cf}};

} // namespace
} // namespace hakit::emit
