#pragma once
#include <string>
#include <vector>

// Entry points of the subcommands, listed in command_list.cpp.
namespace devos::cli {
int runCheck(const std::vector<std::string>& args);
int runExplain(const std::vector<std::string>& args);
int runBaseline(const std::vector<std::string>& args);
int runLink(const std::vector<std::string>& args);
int runGate(const std::vector<std::string>& args);
int runIngest(const std::vector<std::string>& args);
int runSearch(const std::vector<std::string>& args);
int runHeal(const std::vector<std::string>& args);
int runTargets(const std::vector<std::string>& args);
int runInit(const std::vector<std::string>& args);
int runDeps(const std::vector<std::string>& args);
int runSbom(const std::vector<std::string>& args);
int runCoverage(const std::vector<std::string>& args);
int runScan(const std::vector<std::string>& args);
int runMcp(const std::vector<std::string>& args);
int runReport(const std::vector<std::string>& args);
} // namespace devos::cli
