#include "codemodel/target_gate.hpp"

#include "codemodel/file_api.hpp"
#include "codemodel/io_libraries.hpp"
#include "codemodel/target_layering.hpp"

#include <devos/engine/repo_paths.hpp>
#include <devos/foundation/files.hpp>
#include <devos/foundation/process.hpp>
#include <filesystem>

namespace fs = std::filesystem;

namespace devos::codemodel {

foundation::Expected<TargetGateOutcome> checkBuildTargets(const TargetGateRequest& request) {
    auto model = readCodemodel(request.buildDir);
    std::string configureOutput;
    if (!model && request.refresh) {
        // The reply of a query written during a configure appears only after the next one: run it
        // now (same build directory, same cache, so the generated build files do not change).
        const fs::path query = fs::path(request.buildDir) / ".cmake/api/v1/query/codemodel-v2";
        if (auto written = foundation::writeFileAtomically(
                query.string(), "",
                {.folders = foundation::MissingFolders::Create, .what = "the File API query"});
            !written)
            return std::unexpected(written.error());
        auto configure = foundation::runProcess({request.cmake, request.buildDir});
        if (configure.exitCode != 0)
            configureOutput = configure.output;
        model = readCodemodel(request.buildDir);
    }
    if (!model) {
        auto error = model.error();
        if (!configureOutput.empty())
            error.message += "; the configure --refresh ran failed:\n" + configureOutput;
        return std::unexpected(error);
    }
    std::string found = engine::findRepoRoot(model->sourceDir);
    std::string root = !request.root.empty() ? request.root : found.empty() ? model->sourceDir : found;
    auto policy = engine::Policy::forRepo(root, request.configFile);
    if (!policy)
        return std::unexpected(policy.error());
    auto io = IoLibraries::fromRules();
    if (!io)
        return std::unexpected(io.error());
    auto findings = checkTargets(*model, *policy, *io, root);
    return TargetGateOutcome{std::move(*policy), std::move(root), std::move(findings),
                             std::move(configureOutput)};
}

} // namespace devos::codemodel
