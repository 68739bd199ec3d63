#include <devos/logic/run_metadata.hpp>

namespace devos::logic {
namespace {

// One CI system: the variable that detects it and the ones that name the job, branch and sha.
struct CiSystem {
    const char* provider;
    const char* detect;
    const char* jobId;
    const char* branch;
    const char* sha;
    const char* repository;
};

constexpr CiSystem kSystems[] = {
    {"github", "GITHUB_ACTIONS", "GITHUB_RUN_ID", "GITHUB_REF_NAME", "GITHUB_SHA", "GITHUB_REPOSITORY"},
    {"gitlab", "GITLAB_CI", "CI_JOB_ID", "CI_COMMIT_REF_NAME", "CI_COMMIT_SHA", "CI_PROJECT_PATH"},
    {"jenkins", "JENKINS_URL", "BUILD_TAG", "BRANCH_NAME", "GIT_COMMIT", "JOB_NAME"},
    {"buildkite", "BUILDKITE", "BUILDKITE_JOB_ID", "BUILDKITE_BRANCH", "BUILDKITE_COMMIT",
     "BUILDKITE_PIPELINE_SLUG"},
};

std::string lookup(const std::map<std::string, std::string>& env, const char* name) {
    auto it = env.find(name);
    return it == env.end() ? std::string{} : it->second;
}

} // namespace

contracts::RunMetadata runMetadataFrom(const contracts::RepoHead& head,
                                       const std::map<std::string, std::string>& env) {
    contracts::RunMetadata meta;
    meta.repository = head.repository;
    meta.branch = head.branch;
    meta.commitSha = head.commitSha;
    for (const auto& s : kSystems) {
        if (lookup(env, s.detect).empty())
            continue;
        meta.source = contracts::RunSource::Ci;
        meta.ciProvider = s.provider;
        meta.ciJobId = lookup(env, s.jobId);
        for (auto [field, name] :
             {std::pair{&meta.branch, s.branch}, {&meta.commitSha, s.sha}, {&meta.repository, s.repository}})
            if (auto value = lookup(env, name); !value.empty())
                *field = value;
        return meta;
    }
    if (auto ci = lookup(env, "CI"); ci == "true" || ci == "1") {
        meta.source = contracts::RunSource::Ci;
        meta.ciProvider = "generic";
    }
    return meta;
}

} // namespace devos::logic
