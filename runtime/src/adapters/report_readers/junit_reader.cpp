// JUnit XML has no single standard; this reads what CTest and GoogleTest write:
//   <testsuites> or a lone <testsuite>, each <testcase name classname time [file line status]>
//   with optional <failure message>text</failure> / <error> (one per failed assertion in
//   GoogleTest's own XML), <skipped/>, and <system-out>.
// A failure's message is every failure's message attribute (the text when there is none) followed
// by every GoogleTest assertion block of the test's <system-out> (CTest puts the whole output
// there and only "Failed" in the attribute): a `file:line: Failure` line and the lines after it,
// up to a blank line, the next block or a `[ ... ]` progress line. When nothing of that kind is
// found it is the first output line that reports a failure. Messages are bounded to 4 KiB.
// The stack trace is the failure text or the output only when it holds a frame-marked backtrace
// (`#3 0x.. in f`, `frame #3:`, `3# f`): console chatter and assertion values are not frames, and
// would make the pattern id depend on them.
#include "report_file.hpp"

#include <algorithm>
#include <devos/adapters/report_readers.hpp>
#include <devos/foundation/text.hpp>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;

constexpr std::size_t kMaxMessageBytes = 4096;
constexpr std::string_view kTruncated = "\n[message truncated by devos: longer than 4 KiB]";

using foundation::trimLeft;
using foundation::trimRight;

// `text` without surrounding whitespace, as a string (pugixml gives C strings).
std::string trimmed(std::string_view text) {
    return std::string(foundation::trim(text));
}

std::vector<std::string_view> linesOf(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.push_back(trimRight(text.substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// GoogleTest's progress lines: `[ RUN      ]`, `[       OK ]`, `[  FAILED  ]`, `[----------]` ...
bool isProgressLine(std::string_view line) {
    return line.size() >= 12 && line[0] == '[' && line[11] == ']';
}

// `path/to/test.cpp:42: Failure`, or `unknown file: Failure` for an exception thrown by the test.
bool isFailureHeader(std::string_view line) {
    return line.ends_with(": Failure") && !isProgressLine(line);
}

// A frame-marked backtrace line, as logic::topInAppFrames recognises them: `#3 ...`, `frame #3: ...`
// or `3# ...`.
bool isFrameLine(std::string_view line) {
    line = trimLeft(line);
    if (line.starts_with("frame #"))
        line.remove_prefix(6);
    if (line.size() > 1 && line[0] == '#' && isDigit(line[1]))
        return true;
    std::size_t n = 0;
    while (n < line.size() && isDigit(line[n]))
        ++n;
    return n > 0 && n < line.size() && line[n] == '#';
}

bool hasBacktrace(std::string_view text) {
    return std::ranges::any_of(linesOf(text), isFrameLine);
}

// Every GoogleTest assertion block of a test's console output, in order.
std::vector<std::string> assertionBlocks(std::string_view output) {
    std::vector<std::string> blocks;
    bool inBlock = false;
    for (auto line : linesOf(output)) {
        if (isFailureHeader(line)) {
            blocks.emplace_back(line);
            inBlock = true;
        } else if (line.empty() || isProgressLine(line)) {
            inBlock = false;
        } else if (inBlock) {
            blocks.back() += '\n';
            blocks.back() += line;
        }
    }
    return blocks;
}

// The first line of `detail` that looks like a failure report, else its first non-empty line.
std::string headline(const std::string& detail) {
    std::string first;
    for (auto view : linesOf(detail)) {
        std::string line = trimmed(view);
        if (line.empty())
            continue;
        if (first.empty())
            first = line;
        for (const char* marker : {"Failure", "error:", "Error", "Expected", "FAILED", "Assertion"})
            if (line.find(marker) != std::string::npos && !isProgressLine(line))
                return line;
    }
    return first;
}

// `text` cut to kMaxMessageBytes (on a UTF-8 character boundary) with a marker saying so.
std::string bounded(const std::string& text) {
    return foundation::truncateUtf8(text, kMaxMessageBytes, kTruncated);
}

// The failure's message: the failure elements' messages, then the assertion blocks of the output.
std::string failureMessage(const std::vector<pugi::xml_node>& failures, const std::string& output) {
    std::vector<std::string> parts;
    auto add = [&parts](std::string part) {
        if (!part.empty() && std::ranges::find(parts, part) == parts.end())
            parts.push_back(std::move(part));
    };
    for (const auto& failure : failures) {
        std::string message = trimmed(failure.attribute("message").as_string());
        add(message.empty() || message == "Failed" ? trimmed(failure.text().as_string()) : message);
    }
    for (auto& block : assertionBlocks(output))
        add(std::move(block));
    if (parts.empty())
        add(headline(output));
    std::string message;
    for (const auto& part : parts)
        message += (message.empty() ? "" : "\n") + part;
    return message.empty() ? "test failed without a message" : bounded(message);
}

// The failure texts, else the output, when they hold a backtrace; empty otherwise.
std::string failureTrace(const std::vector<pugi::xml_node>& failures, const std::string& output) {
    std::string detail;
    for (const auto& failure : failures)
        if (std::string text = trimmed(failure.text().as_string()); !text.empty())
            detail += (detail.empty() ? "" : "\n") + text;
    if (hasBacktrace(detail))
        return detail;
    return hasBacktrace(output) ? output : std::string{};
}

long long millis(const pugi::xml_node& node) {
    return static_cast<long long>(node.attribute("time").as_double() * 1000.0 + 0.5);
}

} // namespace

contracts::Expected<contracts::IngestBatch> JunitReader::read(const std::string& path) const {
    auto text = readReportFile(path);
    if (!text)
        return std::unexpected(text.error());
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(text->data(), text->size());
    if (!parsed)
        return fail(ErrorKind::Invalid, std::string("invalid JUnit XML: ") + parsed.description(), path,
                    foundation::lineOfOffset(*text, static_cast<std::size_t>(parsed.offset)),
                    "is the file complete? re-run the tests");
    pugi::xml_node root = doc.document_element();
    std::string rootName = root.name();
    if (rootName != "testsuites" && rootName != "testsuite")
        return fail(ErrorKind::Invalid,
                    "expected a <testsuites> or <testsuite> root element, found <" + rootName + ">", path,
                    foundation::lineOfOffset(*text, static_cast<std::size_t>(root.offset_debug())),
                    "pass the file written by ctest --output-junit or --gtest_output=xml");
    contracts::IngestBatch batch;
    auto& run = batch.run;
    run.tool = root.child("testsuite") || rootName == "testsuite" ? "ctest" : "junit";
    std::vector<pugi::xml_node> suites;
    if (rootName == "testsuite")
        suites.push_back(root);
    for (auto suite : root.children("testsuite"))
        suites.push_back(suite);
    for (auto suite : suites) {
        run.durationMs += millis(suite);
        for (auto testcase : suite.children("testcase")) {
            std::string name = testcase.attribute("name").as_string();
            if (name.empty())
                return fail(
                    ErrorKind::Invalid, "a <testcase> has no name attribute", path,
                    foundation::lineOfOffset(*text, static_cast<std::size_t>(testcase.offset_debug())));
            if (testcase.attribute("file") || testcase.attribute("result"))
                run.tool = "gtest";
            ++run.total;
            std::string status = testcase.attribute("status").as_string();
            std::vector<pugi::xml_node> failures;
            for (auto child : testcase.children())
                if (std::string_view(child.name()) == "failure" || std::string_view(child.name()) == "error")
                    failures.push_back(child);
            if (failures.empty()) {
                bool skipped = testcase.child("skipped") || status == "notrun" || status == "disabled" ||
                               std::string(testcase.attribute("result").as_string()) == "skipped";
                ++(skipped ? run.skipped : run.passed);
                if (!skipped)
                    batch.passedTests.push_back(
                        {testcase.attribute("classname").as_string(suite.attribute("name").as_string()),
                         name});
                continue;
            }
            ++run.failed;
            contracts::TestFailure f;
            f.suite = testcase.attribute("classname").as_string(suite.attribute("name").as_string());
            f.testName = name;
            f.file = testcase.attribute("file").as_string();
            f.line = testcase.attribute("line").as_uint();
            f.durationMs = millis(testcase);
            std::string output = trimmed(testcase.child("system-out").text().as_string());
            f.message = failureMessage(failures, output);
            f.stackTrace = failureTrace(failures, output);
            batch.testFailures.push_back(std::move(f));
        }
    }
    return batch;
}

} // namespace devos::adapters
