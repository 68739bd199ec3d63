// JUnit XML has no single standard; this reads what CTest and GoogleTest write:
//   <testsuites> or a lone <testsuite>, each <testcase name classname time [file line status]>
//   with an optional <failure message>text</failure> / <error> / <skipped/>, and <system-out>.
// CTest puts the test's output in <system-out> and only "Failed" in the message, so the message
// of a CTest failure is the first line of its output that reports a failure.
#include "report_file.hpp"

#include <devos/adapters/report_readers.hpp>
#include <pugixml.hpp>

namespace devos::adapters {
namespace {

using contracts::ErrorKind;
using contracts::fail;

std::string trim(std::string s) {
    auto first = s.find_first_not_of(" \t\r\n");
    auto last = s.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
}

// The first line of `detail` that looks like a failure report, else its first non-empty line.
std::string headline(const std::string& detail) {
    std::string first;
    std::size_t start = 0;
    while (start < detail.size()) {
        auto end = detail.find('\n', start);
        if (end == std::string::npos)
            end = detail.size();
        std::string line = trim(detail.substr(start, end - start));
        start = end + 1;
        if (line.empty())
            continue;
        if (first.empty())
            first = line;
        for (const char* marker : {"Failure", "error:", "Error", "Expected", "FAILED", "Assertion"})
            if (line.find(marker) != std::string::npos && line.find("[  FAILED  ]") == std::string::npos)
                return line;
    }
    return first;
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
                    lineAt(*text, static_cast<std::size_t>(parsed.offset)),
                    "is the file complete? re-run the tests");
    pugi::xml_node root = doc.document_element();
    std::string rootName = root.name();
    if (rootName != "testsuites" && rootName != "testsuite")
        return fail(ErrorKind::Invalid,
                    "expected a <testsuites> or <testsuite> root element, found <" + rootName + ">", path,
                    lineAt(*text, static_cast<std::size_t>(root.offset_debug())),
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
                return fail(ErrorKind::Invalid, "a <testcase> has no name attribute", path,
                            lineAt(*text, static_cast<std::size_t>(testcase.offset_debug())));
            if (testcase.attribute("file") || testcase.attribute("result"))
                run.tool = "gtest";
            ++run.total;
            std::string status = testcase.attribute("status").as_string();
            pugi::xml_node failure =
                testcase.child("failure") ? testcase.child("failure") : testcase.child("error");
            if (!failure) {
                bool skipped = testcase.child("skipped") || status == "notrun" || status == "disabled" ||
                               std::string(testcase.attribute("result").as_string()) == "skipped";
                ++(skipped ? run.skipped : run.passed);
                continue;
            }
            ++run.failed;
            contracts::TestFailure f;
            f.suite = testcase.attribute("classname").as_string(suite.attribute("name").as_string());
            f.testName = name;
            f.file = testcase.attribute("file").as_string();
            f.line = testcase.attribute("line").as_uint();
            f.durationMs = millis(testcase);
            std::string detail = trim(failure.text().as_string());
            std::string output = trim(testcase.child("system-out").text().as_string());
            f.stackTrace = detail.empty() ? output : detail;
            std::string message = trim(failure.attribute("message").as_string());
            f.message = message.empty() || message == "Failed" ? headline(f.stackTrace) : message;
            if (f.message.empty())
                f.message = "test failed without a message";
            batch.testFailures.push_back(std::move(f));
        }
    }
    return batch;
}

} // namespace devos::adapters
