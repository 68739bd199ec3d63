#pragma once
#include "check/repo_analysis.hpp"

#include <devos/foundation/error.hpp>
#include <string>

namespace devos::check {

// One translation unit checked as a Ninja build edge (`devos check --tu`, the g++ path of
// devos_enable_gates).
struct BuildEdgeRequest {
    AnalysisRequest
        analysis;          // the build folder, root and config; its files, cache, link and jobs are set here
    std::string file{};    // the translation unit
    std::string summary{}; // its effect summary, the edge's output (read by the link gate); "" for none
    std::string depfile{}; // a Makefile-syntax depfile naming every file the TU read; "" for none
};

// Checks the one TU with no cache (Ninja decides what is stale), no cross-TU link (the gate links
// every summary) and one job, then writes the summary and the depfile. Errors: the analysis's, a TU
// that could not be analysed when a summary is asked for, an unwritable summary or depfile.
[[nodiscard]] foundation::Expected<Analysis> checkBuildEdge(BuildEdgeRequest request);

} // namespace devos::check
