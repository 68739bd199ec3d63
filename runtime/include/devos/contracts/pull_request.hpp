#pragma once
#include <string>
#include <vector>

namespace devos::contracts {

// The pull request a proposal asks for.
struct PullRequestSpec {
    std::string head; // selfheal/<id>
    std::string base; // the default branch
    std::string title;
    std::string body;  // PR.md
    bool draft = true; // autonomy level 0
    std::vector<std::string> labels;
    bool autoMerge = false; // autonomy level 2: ask the host to merge once its checks pass
};

// The opened pull request.
struct OpenedPullRequest {
    long number = 0;
    std::string url;
    bool autoMergeRequested = false;
};

// Where a proposal's pull request stands on the host.
struct PullRequestStatus {
    long number = 0;
    bool open = true;
    bool merged = false;
};

} // namespace devos::contracts
