#include "check/build_edge.hpp"

#include <devos/engine/effect_summary.hpp>
#include <devos/foundation/depfile.hpp>
#include <devos/foundation/files.hpp>

namespace devos::check {

foundation::Expected<Analysis> checkBuildEdge(BuildEdgeRequest request) {
    request.analysis.files = {request.file};
    request.analysis.useCache = false;
    request.analysis.link = false;
    request.analysis.jobs = 1;
    auto analysis = analyzeRepo(request.analysis);
    if (!analysis || request.summary.empty())
        return analysis;
    if (analysis->summaries.empty())
        return foundation::fail(foundation::ErrorKind::Invalid,
                                "no summary: the translation unit could not be analysed", request.summary, 0);
    if (auto written = foundation::writeFileAtomically(
            request.summary, engine::toJson(analysis->summaries.front()),
            {.folders = foundation::MissingFolders::Create, .what = "the effect summary"});
        !written)
        return std::unexpected(written.error());
    if (!request.depfile.empty())
        if (auto written = foundation::writeDepfile(request.depfile, request.summary, analysis->dependencies);
            !written)
            return std::unexpected(written.error());
    return analysis;
}

} // namespace devos::check
