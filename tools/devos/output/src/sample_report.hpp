#pragma once
// A small report over testdata/repo for the writers' tests, built on the shipped rule catalog.
#include <devos/engine/policy.hpp>
#include <devos/output/report.hpp>

namespace devos::output::samples {

// The absolute path of testdata/repo (the source files the sample findings point into).
[[nodiscard]] std::string sampleRepoRoot();

// The shipped defaults; the catalog must outlive the reports that point to it.
[[nodiscard]] const engine::Policy& shippedPolicy();

// Four findings (an error with a fix, an error with a call chain, a warning, a baselined error) and one
// tool notification, sorted as the engine sorts them.
[[nodiscard]] Report sampleReport();

} // namespace devos::output::samples
