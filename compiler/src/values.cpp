// Ports of the cluster-glue / glibc parsers Heartbeat uses for option values. Each function
// follows the C code step by step, because the edge cases (".5", "1.2.3", "2s") are what users
// hit and what the reference measured.
#include <hakit/compiler/values.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <limits>
#include <system_error>

namespace hakit::values {
namespace {

constexpr std::string_view c_whitespace = " \t\n\r\f"; // cl_misc.c WHITESPACE
constexpr std::string_view msec_number_chars = "0123456789.";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// C strings end at the first NUL; a string_view may carry one.
std::string_view up_to_nul(std::string_view text) {
    return text.substr(0, text.find('\0'));
}

std::string_view skip_chars(std::string_view text, std::string_view set) {
    const auto first = text.find_first_not_of(set);
    return first == std::string_view::npos ? std::string_view{} : text.substr(first);
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// atof() of a run of [0-9.]: the longest prefix that is "digits[.digits]". atof(".") == 0.
double atof_of_number_run(std::string_view run) {
    const auto first_dot = run.find('.');
    const auto second_dot =
        first_dot == std::string_view::npos ? first_dot : run.find('.', first_dot + 1);
    const auto number = run.substr(0, second_dot);
    double value = 0.0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value,
                                              std::chars_format::fixed);
    if (error == std::errc::result_out_of_range) {
        // strtod: HUGE_VAL on overflow, (nearly) 0 on underflow.
        const auto integer_part = number.substr(0, first_dot);
        const bool overflow = integer_part.find_first_not_of('0') != std::string_view::npos;
        return overflow ? std::numeric_limits<double>::infinity() : 0.0;
    }
    return error == std::errc{} ? value : 0.0;
}

// glibc inet_pton4: four decimal octets, no leading zeros, nothing else.
std::optional<std::array<std::uint8_t, 4>> inet_pton4(std::string_view text) {
    std::array<std::uint8_t, 4> octets{};
    std::size_t index = 0;
    std::size_t seen = 0;
    bool saw_digit = false;
    unsigned current = 0;
    for (const char c : text) {
        if (is_digit(c)) {
            if (saw_digit && current == 0) {
                return std::nullopt; // leading zero
            }
            current = current * 10 + static_cast<unsigned>(c - '0');
            if (current > 255) {
                return std::nullopt;
            }
            if (!saw_digit) {
                if (++seen > 4) {
                    return std::nullopt;
                }
                saw_digit = true;
            }
            octets[index] = static_cast<std::uint8_t>(current);
        } else if (c == '.' && saw_digit) {
            if (seen == 4) {
                return std::nullopt;
            }
            ++index;
            current = 0;
            saw_digit = false;
        } else {
            return std::nullopt;
        }
    }
    if (seen < 4) {
        return std::nullopt;
    }
    return octets;
}

int hex_digit_value(char c) {
    if (is_digit(c)) {
        return c - '0';
    }
    const char lower = lower_ascii(c);
    if (lower >= 'a' && lower <= 'f') {
        return lower - 'a' + 10;
    }
    return -1;
}

// glibc inet_pton6, including the "::" rules and a trailing dotted IPv4 part.
std::optional<std::array<std::uint8_t, 16>> inet_pton6(std::string_view text) {
    std::array<std::uint8_t, 16> bytes{};
    constexpr std::size_t end = 16;
    std::size_t out = 0;
    std::optional<std::size_t> double_colon_at;

    if (text.empty()) {
        return std::nullopt;
    }
    std::size_t pos = 0;
    if (text[0] == ':') {
        if (text.size() < 2 || text[1] != ':') {
            return std::nullopt;
        }
        pos = 1;
    }
    std::size_t token_start = pos;
    std::size_t hex_digits = 0;
    unsigned group = 0;
    bool ended_with_ipv4 = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (const int digit = hex_digit_value(c); digit >= 0) {
            if (hex_digits == 4) {
                return std::nullopt;
            }
            group = (group << 4) | static_cast<unsigned>(digit);
            ++hex_digits;
            continue;
        }
        if (c == ':') {
            token_start = pos;
            if (hex_digits == 0) {
                if (double_colon_at) {
                    return std::nullopt;
                }
                double_colon_at = out;
                continue;
            }
            if (pos == text.size() || out + 2 > end) {
                return std::nullopt;
            }
            bytes[out++] = static_cast<std::uint8_t>(group >> 8);
            bytes[out++] = static_cast<std::uint8_t>(group & 0xffU);
            hex_digits = 0;
            group = 0;
            continue;
        }
        if (c == '.' && out + 4 <= end) {
            if (const auto v4 = inet_pton4(text.substr(token_start))) {
                std::copy(v4->begin(), v4->end(), bytes.begin() + static_cast<std::ptrdiff_t>(out));
                out += 4;
                hex_digits = 0;
                ended_with_ipv4 = true;
                break;
            }
        }
        return std::nullopt;
    }
    if (!ended_with_ipv4 && hex_digits > 0) {
        if (out + 2 > end) {
            return std::nullopt;
        }
        bytes[out++] = static_cast<std::uint8_t>(group >> 8);
        bytes[out++] = static_cast<std::uint8_t>(group & 0xffU);
    }
    if (double_colon_at) {
        if (out == end) {
            return std::nullopt; // "::" would stand for zero groups
        }
        const std::size_t tail = out - *double_colon_at;
        std::copy_backward(bytes.begin() + static_cast<std::ptrdiff_t>(*double_colon_at),
                           bytes.begin() + static_cast<std::ptrdiff_t>(out), bytes.end());
        std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(*double_colon_at),
                  bytes.end() - static_cast<std::ptrdiff_t>(tail), std::uint8_t{0});
        out = end;
    }
    if (out != end) {
        return std::nullopt;
    }
    return bytes;
}

} // namespace

std::optional<long> parse_msec(std::string_view text) {
    const auto number = skip_chars(up_to_nul(text), c_whitespace);
    // cl_get_msec also lets "" through (strchr finds the terminator) and returns 0; no
    // ha.cf token can be empty, and an empty time is never meant, so we reject it.
    if (number.empty() || msec_number_chars.find(number.front()) == std::string_view::npos) {
        return std::nullopt;
    }
    const auto run_length = std::min(number.find_first_not_of(msec_number_chars), number.size());
    const auto units = skip_chars(number.substr(run_length), c_whitespace);

    double multiplier = 1000.0;
    double divisor = 1.0;
    if (starts_with_ignoring_case(units, "ms")) {
        multiplier = 1.0;
    } else if (starts_with_ignoring_case(units, "us")) {
        multiplier = 1.0;
        divisor = 1000.0;
    } else if (!units.empty() && units.front() != '\n' && units.front() != '\r') {
        return std::nullopt; // "s", "sec", "min", "e3", ",5" ...
    }

    const double rounded =
        atof_of_number_run(number.substr(0, run_length)) * multiplier / divisor + 0.5;
    // (long) of an out-of-range double is undefined; on x86-64 Heartbeat gets LONG_MIN,
    // which every time setter rejects.
    if (!(rounded < static_cast<double>(std::numeric_limits<long>::max()))) {
        return std::nullopt;
    }
    return static_cast<long>(rounded);
}

std::optional<bool> parse_boolean(std::string_view text) {
    for (const std::string_view word : {"true", "on", "yes", "y", "1"}) {
        if (iequals(text, word)) {
            return true;
        }
    }
    for (const std::string_view word : {"false", "off", "no", "n", "0"}) {
        if (iequals(text, word)) {
            return false;
        }
    }
    return std::nullopt;
}

bool is_syslog_facility(std::string_view text) {
    static constexpr std::array<std::string_view, 23> names{
        "auth",   "authpriv", "cron",     "daemon", "ftp",    "kern",   "lpr",    "mail",
        "mark",   "news",     "security", "syslog", "user",   "uucp",   "local0", "local1",
        "local2", "local3",   "local4",   "local5", "local6", "local7", "none"};
    return std::find(names.begin(), names.end(), text) != names.end();
}

long c_atoi(std::string_view text) {
    auto rest = skip_chars(up_to_nul(text), " \t\n\v\f\r");
    bool negative = false;
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    constexpr long max = std::numeric_limits<long>::max();
    constexpr long min = std::numeric_limits<long>::min();
    long result = 0;
    for (const char c : rest) {
        if (!is_digit(c)) {
            break;
        }
        const long digit = c - '0';
        // Accumulate towards the sign so that LONG_MIN itself is reachable.
        if (negative) {
            if (result < (min + digit) / 10) {
                return min;
            }
            result = result * 10 - digit;
        } else {
            if (result > (max - digit) / 10) {
                return max;
            }
            result = result * 10 + digit;
        }
    }
    return result;
}

bool is_integer(std::string_view text) {
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        text.remove_prefix(1);
    }
    return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

bool is_valid_baud(long rate) {
    static constexpr std::array<long, 7> rates{9600, 19200, 38400, 57600, 115200, 230400, 460800};
    return std::find(rates.begin(), rates.end(), rate) != rates.end();
}

std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view text) {
    return inet_pton4(text);
}

bool is_ipv4_multicast(std::string_view text) {
    const auto address = parse_ipv4(text);
    return address && ((*address)[0] & 0xf0U) == 0xe0U;
}

bool is_ipv6(std::string_view text) {
    return inet_pton6(text).has_value();
}

bool is_ipv6_multicast(std::string_view text) {
    const auto address = inet_pton6(text);
    return address && (*address)[0] == 0xffU;
}

std::string to_lower_ascii(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower_ascii);
    return lowered;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower_ascii(x) == lower_ascii(y);
           });
}

} // namespace hakit::values
