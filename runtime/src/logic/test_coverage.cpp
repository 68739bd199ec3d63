// Static test coverage for the logic.untested rule: a test covers the files its source includes
// and their implementation files. It is an approximation on purpose (no instrumented build before
// a proposal exists); the proof then shows the failing test flip on the real build.
#include <algorithm>
#include <devos/foundation/text.hpp>
#include <devos/logic/proposal_validation.hpp>
#include <devos/logic/test_coverage.hpp>

namespace devos::logic {
namespace {

bool isIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

void skipSpace(std::string_view text, std::size_t& i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
}

bool takeWord(std::string_view text, std::size_t& i, std::string_view word) {
    skipSpace(text, i);
    if (text.substr(i, word.size()) != word ||
        (i + word.size() < text.size() && isIdentChar(text[i + word.size()])))
        return false;
    i += word.size();
    return true;
}

bool takeChar(std::string_view text, std::size_t& i, char c) {
    skipSpace(text, i);
    if (i >= text.size() || text[i] != c)
        return false;
    ++i;
    return true;
}

bool declares(std::string_view text, const GtestName& test) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isIdentChar(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && isIdentChar(text[end]))
            ++end;
        const std::string_view word = text.substr(i, end - i);
        std::size_t j = end;
        if ((word == "TEST" || word == "TEST_F" || word == "TEST_P" || word == "TYPED_TEST" ||
             word == "TYPED_TEST_P") &&
            takeChar(text, j, '(') && takeWord(text, j, test.suite) && takeChar(text, j, ',') &&
            takeWord(text, j, test.name) && takeChar(text, j, ')'))
            return true;
        i = end;
    }
    return false;
}

std::string stemOf(std::string_view path) {
    const auto dot = path.rfind('.');
    const auto slash = path.rfind('/');
    return std::string(dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)
                           ? path
                           : path.substr(0, dot));
}

} // namespace

GtestName gtestNameOf(std::string_view testName) {
    if (const auto slash = testName.find('/'); slash != std::string_view::npos && slash < testName.find('.'))
        testName.remove_prefix(slash + 1);
    if (const auto slash = testName.rfind('/'); slash != std::string_view::npos && slash > testName.find('.'))
        testName = testName.substr(0, slash);
    const auto dot = testName.find('.');
    if (dot == std::string_view::npos)
        return {};
    return {std::string(testName.substr(0, dot)), std::string(testName.substr(dot + 1))};
}

std::string ctestNameOf(std::string_view suite, std::string_view testName) {
    if (suite.empty() || suite == testName)
        return std::string(testName);
    return std::string(suite) + "." + std::string(testName);
}

std::string findTestSource(std::string_view testName, std::span<const contracts::SourceFile> files) {
    const GtestName test = gtestNameOf(testName);
    if (test.suite.empty() || test.name.empty())
        return {};
    for (const auto& f : files)
        if (declares(f.content, test))
            return f.path;
    return {};
}

bool isCppSource(std::string_view path) {
    for (std::string_view ext : {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".ipp", ".inl"})
        if (path.ends_with(ext))
            return true;
    return false;
}

std::vector<std::string> coveredFiles(const contracts::SourceFile& testSource,
                                      std::span<const std::string> repoFiles) {
    std::vector<std::string> covered{testSource.path};
    for (const auto& inc : foundation::includeDirectives(testSource.content)) {
        const std::string header = resolveInclude(inc.header, testSource.path, repoFiles);
        if (header.empty())
            continue;
        covered.push_back(header);
        const std::string stem = stemOf(header);
        for (const auto& f : repoFiles)
            if (f != header && isCppSource(f) && stemOf(f) == stem)
                covered.push_back(f);
    }
    std::ranges::sort(covered);
    covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
    return covered;
}

} // namespace devos::logic
