#include <devos/engine/allowed_findings.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace devos::engine;

TEST(AllowedFindings, DropsAllowedFindingsAndReportsBrokenComments) {
    namespace fs = std::filesystem;
    const fs::path root =
        fs::temp_directory_path() / ("devos-allowed-findings-" + std::to_string(::getpid()));
    fs::create_directories(root);
    std::ofstream(root / "CMakeLists.txt")
        << "# devos-allow(dependency.ban): replacing it in #12 until 2027-03-01\n"
           "find_package(Boost)\n"
           "find_package(OpenSSL) # devos-allow(dependency.floor): old until 2026-01-01\n"
           "find_package(ZLIB)\n";
    auto policy = Policy::defaults();
    ASSERT_TRUE(policy) << policy.error().render();
    std::vector<Finding> findings;
    for (auto [rule, line] :
         {std::pair{"dependency.ban", 2u}, {"dependency.floor", 3u}, {"dependency.floor", 4u}})
        findings.push_back(*policy->finding(rule, {"CMakeLists.txt", line, 0}, "m", "s"));
    findings.push_back(*policy->finding("dependency.ban", {"missing/CMakeLists.txt", 1, 0}, "m", "s"));
    applyAllowComments(findings, *policy, root.string(), "2027-01-01");
    fs::remove_all(root);
    std::vector<std::pair<std::string, unsigned>> seen;
    for (const auto& f : findings)
        seen.emplace_back(f.ruleId + "@" + f.at.file, f.at.line);
    EXPECT_EQ(seen,
              (std::vector<std::pair<std::string, unsigned>>{{"dependency.floor@CMakeLists.txt", 3},
                                                             {"allow.expired@CMakeLists.txt", 3},
                                                             {"dependency.floor@CMakeLists.txt", 4},
                                                             {"dependency.ban@missing/CMakeLists.txt", 1}}));
    EXPECT_EQ(findings[1].level, Level::Error);
    EXPECT_EQ(findings[1].at.column, 25u);
}
