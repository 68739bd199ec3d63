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
    ASSERT_EQ(batch->testFailures.size(), 1u);
    const auto& f = batch->testFailures[0];
    EXPECT_EQ(f.testName, "orders_save");
    EXPECT_EQ(f.message, "/home/u/orders/src/repo_test.cpp:42: Failure");
    EXPECT_NE(f.stackTrace.find("Which is: 2"), std::string::npos);
    EXPECT_EQ(f.durationMs, 250);
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
    EXPECT_EQ(missing.error().kind, contracts::ErrorKind::Io);
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
