#pragma once
#include <devos/ports/report_reader.hpp>

namespace devos::adapters {

// JUnit XML as CTest (`--output-junit`) and GoogleTest (`--gtest_output=xml`) write it.
class JunitReader final : public ports::ReportReader {
public:
    [[nodiscard]] contracts::Expected<contracts::IngestBatch> read(const std::string& path) const override;
};

// SARIF 2.1.0 logs: each result becomes a lint failure.
class SarifReader final : public ports::ReportReader {
public:
    [[nodiscard]] contracts::Expected<contracts::IngestBatch> read(const std::string& path) const override;
};

} // namespace devos::adapters
