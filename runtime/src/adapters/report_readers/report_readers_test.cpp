#include <devos/adapters/report_readers.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace devos::adapters {
namespace {

std::string writeTemp(const std::string& name, const std::string& content) {
    auto dir = std::filesystem::temp_directory_path() / ("devos_reports_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto path = (dir / name).string();
    std::ofstream(path) << content;
    return path;
}

constexpr const char* kCtest = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="Linux-c++" tests="3" failures="1" disabled="0" skipped="1" hostname="" time="1.5" timestamp="2024-05-01T10:00:00">
  <testcase name="orders_save" classname="orders_save" time="0.25" status="fail">
    <failure message="Failed"/>
    <system-out>Running main()
/home/u/orders/src/repo_test.cpp:42: Failure
Expected equality of these values:
  saved
    Which is: 2
[  FAILED  ] Repo.Saves
</system-out>
  </testcase>
  <testcase name="orders_load" classname="orders_load" time="0.1" status="run"><system-out>ok</system-out></testcase>
  <testcase name="orders_gpu" classname="orders_gpu" time="0" status="notrun"><skipped message="Disabled"/></testcase>
</testsuite>
)";

constexpr const char* kGtest = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="1" disabled="0" errors="0" time="0.002" timestamp="2024-05-01T10:00:00.000" name="AllTests">
  <testsuite name="Repo" tests="2" failures="1" disabled="0" skipped="0" errors="0" time="0.002">
    <testcase name="Saves" file="/src/repo_test.cpp" line="40" status="run" result="completed" time="0.001" classname="Repo">
      <failure message="/src/repo_test.cpp:42&#x0A;Expected equality of these values:&#x0A;  saved" type=""><![CDATA[/src/repo_test.cpp:42
Expected equality of these values:
  saved]]></failure>
    </testcase>
    <testcase name="Loads" file="/src/repo_test.cpp" line="50" status="run" result="completed" time="0.001" classname="Repo"/>
  </testsuite>
</testsuites>
)";

TEST(JunitReader, ReadsCtestOutput) {
    auto batch = JunitReader().read(writeTemp("ctest.xml", kCtest));
    ASSERT_TRUE(batch) << batch.error().render();
    EXPECT_EQ(batch->run.tool, "ctest");
    EXPECT_EQ(batch->run.total, 3);
    EXPECT_EQ(batch->run.failed, 1);
    EXPECT_EQ(batch->run.passed, 1);
    EXPECT_EQ(batch->run.skipped, 1);
    EXPECT_EQ(batch->run.durationMs, 1500);
    EXPECT_EQ(batch->passedTests, (std::vector<contracts::TestCaseName>{{"orders_load", "orders_load"}}));
    ASSERT_EQ(batch->testFailures.size(), 1u);
    const auto& f = batch->testFailures[0];
    EXPECT_EQ(f.testName, "orders_save");
    EXPECT_EQ(f.message, "/home/u/orders/src/repo_test.cpp:42: Failure\n"
                         "Expected equality of these values:\n"
                         "  saved\n"
                         "    Which is: 2");
    EXPECT_EQ(f.stackTrace, ""); // console output is not a backtrace
    EXPECT_EQ(f.durationMs, 250);
}

// `ctest --output-junit` of a GoogleTest binary: the whole console output in <system-out>, two
// failed assertions in one test, then the summary.
constexpr const char* kCtestGtest = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="Linux-c++"
	tests="2"
	failures="1"
	disabled="0"
	skipped="0"
	hostname=""
	time="0"
	timestamp="2024-05-01T10:00:00"
	>
	<testcase name="Repo.Saves" classname="Repo.Saves" time="0.0123" status="fail">
		<failure message="Failed"/>
		<system-out>Running main() from /usr/src/googletest/googletest/src/gtest_main.cc
Note: Google Test filter = Repo.Saves
[==========] Running 1 test from 1 test suite.
[----------] Global test environment set-up.
[----------] 1 test from Repo
[ RUN      ] Repo.Saves
saving order 17 of 20
/home/u/orders/src/repo_test.cpp:42: Failure
Expected equality of these values:
  repo.size()
    Which is: 2
  3
/home/u/orders/src/repo_test.cpp:47: Failure
Value of: repo.contains(id)
  Actual: false
Expected: true
order at 0x7ffd5a3c0010 was not saved

retrying with a fresh connection
[  FAILED  ] Repo.Saves (0 ms)
[----------] 1 test from Repo (0 ms total)

[----------] Global test environment tear-down
[==========] 1 test from 1 test suite ran. (0 ms total)
[  PASSED  ] 0 tests.
[  FAILED  ] 1 test, listed below:
[  FAILED  ] Repo.Saves

 1 FAILED TEST
</system-out>
	</testcase>
	<testcase name="Repo.Loads" classname="Repo.Loads" time="0.0101" status="run">
		<system-out>[ RUN      ] Repo.Loads
[       OK ] Repo.Loads (0 ms)
</system-out>
	</testcase>
</testsuite>
)";

TEST(JunitReader, KeepsEveryAssertionBlockOfACtestGoogleTest) {
    auto batch = JunitReader().read(writeTemp("ctest-gtest.xml", kCtestGtest));
    ASSERT_TRUE(batch) << batch.error().render();
    EXPECT_EQ(batch->run.failed, 1);
    EXPECT_EQ(batch->run.passed, 1);
    ASSERT_EQ(batch->testFailures.size(), 1u);
    EXPECT_EQ(batch->testFailures[0].message, "/home/u/orders/src/repo_test.cpp:42: Failure\n"
                                              "Expected equality of these values:\n"
                                              "  repo.size()\n"
                                              "    Which is: 2\n"
                                              "  3\n"
                                              "/home/u/orders/src/repo_test.cpp:47: Failure\n"
                                              "Value of: repo.contains(id)\n"
                                              "  Actual: false\n"
                                              "Expected: true\n"
                                              "order at 0x7ffd5a3c0010 was not saved");
    EXPECT_EQ(batch->testFailures[0].stackTrace, "");
}

TEST(JunitReader, KeepsTheOutputWhenItHoldsABacktrace) {
    std::string xml = kCtestGtest;
    const std::string asan =
        "==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010\n"
        "    #0 0x55d0c0a1 in orders::Repo::save(orders::Order const&) src/repo.cpp:12\n"
        "    #1 0x55d0c0b2 in main src/main.cpp:3\n";
    xml.replace(xml.find("[  FAILED  ] Repo.Saves (0 ms)"), 0, asan);
    auto batch = JunitReader().read(writeTemp("ctest-asan.xml", xml));
    ASSERT_TRUE(batch) << batch.error().render();
    ASSERT_EQ(batch->testFailures.size(), 1u);
    EXPECT_NE(batch->testFailures[0].stackTrace.find("#0 0x55d0c0a1 in orders::Repo::save"),
              std::string::npos);
    EXPECT_NE(batch->testFailures[0].stackTrace.find("Running main()"), std::string::npos);
}

TEST(JunitReader, BoundsTheMessageTo4KiB) {
    std::string xml = kCtestGtest;
    std::string values;
    for (int i = 0; i < 400; ++i)
        values += "  element " + std::to_string(i) + " differs: \"\u00e9t\u00e9\"\n";
    xml.replace(xml.find("order at 0x7ffd"), 0, values);
    auto batch = JunitReader().read(writeTemp("ctest-long.xml", xml));
    ASSERT_TRUE(batch) << batch.error().render();
    ASSERT_EQ(batch->testFailures.size(), 1u);
    const auto& message = batch->testFailures[0].message;
    EXPECT_LE(message.size(), 4096u);
    EXPECT_GT(message.size(), 4000u);
    EXPECT_TRUE(message.starts_with("/home/u/orders/src/repo_test.cpp:42: Failure\n")) << message;
    EXPECT_TRUE(message.ends_with("\n[message truncated by devos: longer than 4 KiB]")) << message;
}

TEST(JunitReader, StopsABlockAtABlankLineOrAProgressLine) {
    constexpr const char* xml = R"(<testsuite name="s"><testcase name="t" status="fail">
<failure message="Failed"/><system-out>[ RUN      ] A.T
unknown file: Failure
C++ exception with description "connection refused" thrown in the test body.

log: reconnecting
a_test.cpp:9: Failure
Failed
[  FAILED  ] A.T (1 ms)
after the test
</system-out></testcase></testsuite>)";
    auto batch = JunitReader().read(writeTemp("blocks.xml", xml));
    ASSERT_TRUE(batch) << batch.error().render();
    ASSERT_EQ(batch->testFailures.size(), 1u);
    EXPECT_EQ(batch->testFailures[0].message,
              "unknown file: Failure\n"
              "C++ exception with description \"connection refused\" thrown in the test body.\n"
              "a_test.cpp:9: Failure\n"
              "Failed");
}

TEST(JunitReader, FallsBackToTheFirstFailureLineOfOtherOutput) {
    constexpr const char* xml = R"(<testsuite name="s"><testcase name="script" status="fail">
<failure message="Failed"/><system-out>starting
Error: config.yml not found
</system-out></testcase>
<testcase name="timeout" status="fail"><failure message="Timeout"/><system-out>waiting</system-out></testcase>
<testcase name="silent" status="fail"><failure message="Failed"/></testcase></testsuite>)";
    auto batch = JunitReader().read(writeTemp("other.xml", xml));
    ASSERT_TRUE(batch) << batch.error().render();
    ASSERT_EQ(batch->testFailures.size(), 3u);
    EXPECT_EQ(batch->testFailures[0].message, "Error: config.yml not found");
    EXPECT_EQ(batch->testFailures[1].message, "Timeout");
    EXPECT_EQ(batch->testFailures[2].message, "test failed without a message");
}

TEST(JunitReader, ReadsGoogleTestOutput) {
    auto batch = JunitReader().read(writeTemp("gtest.xml", kGtest));
    ASSERT_TRUE(batch) << batch.error().render();
    EXPECT_EQ(batch->run.tool, "gtest");
    EXPECT_EQ(batch->run.total, 2);
    EXPECT_EQ(batch->run.failed, 1);
    ASSERT_EQ(batch->testFailures.size(), 1u);
    EXPECT_EQ(batch->testFailures[0].suite, "Repo");
    EXPECT_EQ(batch->testFailures[0].file, "/src/repo_test.cpp");
    EXPECT_EQ(batch->testFailures[0].line, 40u);
    EXPECT_EQ(batch->testFailures[0].message.substr(0, 22), "/src/repo_test.cpp:42\n");
    EXPECT_EQ(batch->passedTests, (std::vector<contracts::TestCaseName>{{"Repo", "Loads"}}));
}

// `--gtest_output=xml`: one <failure> per failed assertion, the block in its message attribute.
constexpr const char* kGtestTwoFailures = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="1" failures="1" disabled="0" errors="0" time="0.003" timestamp="2024-05-01T10:00:00.000" name="AllTests">
  <testsuite name="Repo" tests="1" failures="1" disabled="0" skipped="0" errors="0" time="0.003" timestamp="2024-05-01T10:00:00.000">
    <testcase name="Saves" file="/src/repo_test.cpp" line="40" status="run" result="completed" time="0.001" timestamp="2024-05-01T10:00:00.000" classname="Repo">
      <failure message="/src/repo_test.cpp:42&#x0A;Expected equality of these values:&#x0A;  repo.size()&#x0A;    Which is: 2&#x0A;  3&#x0A;" type=""><![CDATA[/src/repo_test.cpp:42
Expected equality of these values:
  repo.size()
    Which is: 2
  3
]]></failure>
      <failure message="/src/repo_test.cpp:47&#x0A;Value of: repo.contains(id)&#x0A;  Actual: false&#x0A;Expected: true&#x0A;" type=""><![CDATA[/src/repo_test.cpp:47
Value of: repo.contains(id)
  Actual: false
Expected: true
]]></failure>
    </testcase>
  </testsuite>
</testsuites>
)";

TEST(JunitReader, KeepsEveryFailureOfAGoogleTestXmlTestCase) {
    auto batch = JunitReader().read(writeTemp("gtest-two.xml", kGtestTwoFailures));
    ASSERT_TRUE(batch) << batch.error().render();
    EXPECT_EQ(batch->run.tool, "gtest");
    EXPECT_EQ(batch->run.failed, 1);
    ASSERT_EQ(batch->testFailures.size(), 1u);
    EXPECT_EQ(batch->testFailures[0].message, "/src/repo_test.cpp:42\n"
                                              "Expected equality of these values:\n"
                                              "  repo.size()\n"
                                              "    Which is: 2\n"
                                              "  3\n"
                                              "/src/repo_test.cpp:47\n"
                                              "Value of: repo.contains(id)\n"
                                              "  Actual: false\n"
                                              "Expected: true");
    EXPECT_EQ(batch->testFailures[0].stackTrace, "");
}

TEST(JunitReader, NamesFileAndLineOfBrokenXml) {
    auto path = writeTemp("broken.xml", "<testsuite>\n  <testcase name=\"a\">\n  </testsuit>\n");
    auto batch = JunitReader().read(path);
    ASSERT_FALSE(batch);
    EXPECT_EQ(batch.error().file, path);
    EXPECT_EQ(batch.error().line, 3u);
    EXPECT_NE(batch.error().message.find("invalid JUnit XML"), std::string::npos);
    auto wrongRoot = JunitReader().read(writeTemp("root.xml", "<html>\n</html>"));
    ASSERT_FALSE(wrongRoot);
    EXPECT_NE(wrongRoot.error().message.find("<html>"), std::string::npos);
    auto missing = JunitReader().read("/no/such/report.xml");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, contracts::ErrorKind::NotFound);
}

constexpr const char* kSarif =
    R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "devos"}}, "results": [
  {"ruleId": "layer.include", "level": "error", "message": {"text": "logic includes an adapter"},
   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/logic/a.cpp"}, "region": {"startLine": 3, "startColumn": 1}}}]},
  {"ruleId": "format", "message": {"text": "not formatted"}}]}]})";

TEST(SarifReader, TurnsResultsIntoLintFailures) {
    auto batch = SarifReader().read(writeTemp("gate.sarif", kSarif));
    ASSERT_TRUE(batch) << batch.error().render();
    EXPECT_EQ(batch->run.tool, "devos");
    EXPECT_EQ(batch->run.total, 2);
    EXPECT_EQ(batch->run.failed, 1);
    ASSERT_EQ(batch->lintFailures.size(), 2u);
    EXPECT_EQ(batch->lintFailures[0].file, "src/logic/a.cpp");
    EXPECT_EQ(batch->lintFailures[0].line, 3u);
    EXPECT_EQ(batch->lintFailures[1].level, "warning");
}

TEST(SarifReader, NamesWhatIsWrong) {
    auto broken = SarifReader().read(writeTemp("broken.sarif", "{\n  \"runs\": [\n  oops\n"));
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().line, 3u);
    auto noMessage = SarifReader().read(writeTemp(
        "nomsg.sarif", R"({"runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r"}]}]})"));
    ASSERT_FALSE(noMessage);
    EXPECT_NE(noMessage.error().message.find("runs[0].results[0].message.text"), std::string::npos);
    EXPECT_FALSE(SarifReader().read(writeTemp("array.sarif", "[]")));
}

} // namespace
} // namespace devos::adapters
