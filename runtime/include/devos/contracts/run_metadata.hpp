#pragma once
#include <devos/contracts/test_run.hpp>
#include <string>

namespace devos::contracts {

// Where a run came from: the repository state and the CI job, copied onto the stored TestRun.
struct RunMetadata {
    RunSource source = RunSource::Local;
    std::string repository;
    std::string branch;
    std::string commitSha;
    std::string ciProvider;
    std::string ciJobId;
};

// The repository's HEAD as git reports it (branch empty when detached).
struct RepoHead {
    std::string commitSha;
    std::string branch;
    std::string repository; // the work tree's folder name or the origin remote's name
};

} // namespace devos::contracts
