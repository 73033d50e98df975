#include "hacheck.hpp"

#include <regex>

namespace hakit::test {
namespace {

// "error"/"errors" must agree with the count: 1 takes the singular, everything else the plural.
bool number_agrees(const std::string& count, const std::string& plural_s) {
    return (count == "1") == plural_s.empty();
}

std::size_t to_size(const std::string& digits) {
    return std::stoul(digits);
}

} // namespace

run_result run_hacheck(const std::vector<std::string>& args,
                       const std::filesystem::path& working_dir, run_options options) {
    options.working_dir = working_dir;
    return run_process(hacheck_path, args, options);
}

std::optional<text_summary> parse_summary_line(const std::string& output) {
    if (output.empty() || output.back() != '\n') {
        return std::nullopt;
    }
    const std::string body = output.substr(0, output.size() - 1);
    const auto start = body.rfind('\n');
    const std::string line = start == std::string::npos ? body : body.substr(start + 1);
    static const std::regex counts(
        R"(^(\d+) error(s?), (\d+) warning(s?), (\d+) info(s?) in (\d+) file(s?)$)");
    static const std::regex clean(R"(^no problems in (\d+) file(s?)$)");
    std::smatch match;
    if (std::regex_match(line, match, counts)) {
        for (std::size_t i = 1; i < match.size(); i += 2) {
            if (!number_agrees(match[i].str(), match[i + 1].str())) {
                return std::nullopt;
            }
        }
        const text_summary result{to_size(match[1].str()), to_size(match[3].str()),
                                  to_size(match[5].str()), to_size(match[7].str())};
        if (result.errors + result.warnings + result.infos == 0) {
            return std::nullopt; // the contract says "no problems" then
        }
        return result;
    }
    if (std::regex_match(line, match, clean) && number_agrees(match[1].str(), match[2].str())) {
        return text_summary{0, 0, 0, to_size(match[1].str())};
    }
    return std::nullopt;
}

int expected_exit_code(const text_summary& summary) {
    return summary.errors + summary.warnings > 0 ? 1 : 0;
}

} // namespace hakit::test
