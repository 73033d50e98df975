// Quoting for the generated pcs and crmsh scripts: POSIX sh words, words of crmsh's configure
// language, and the checks that tell whether a value can be written at all.
#pragma once

#include <string>
#include <string_view>

namespace hakit::emit {

// A POSIX sh word that the shell turns back into exactly `text`: unchanged when every byte is
// in [A-Za-z0-9_@%+=:,./-] (and text is not empty), else single-quoted, with each ' written
// as '\''. Any byte except NUL survives single quotes.
std::string shell_word(std::string_view text);

// A word of `crm configure` (crmsh splits lines like Python's shlex in POSIX mode): unchanged
// when every byte is in the same safe set, else double-quoted with \ and " escaped.
// For name=value settings quote the value only: `name=` + crm_word(value).
std::string crm_word(std::string_view text);

// Why `text` cannot be passed through a script line to pcs or crmsh, or empty when it can:
// control characters (a command is one line, and the CIB is XML 1.0, which cannot hold most
// of them) and bytes that are not UTF-8 (both tools are Python programs that decode their
// input as UTF-8).
std::string unwritable_reason(std::string_view text);

// A here-document delimiter that is not a line of `body`: `base`, or `base` with the lowest
// numeric suffix that makes it so.
std::string heredoc_delimiter(std::string_view body, std::string_view base);

} // namespace hakit::emit
