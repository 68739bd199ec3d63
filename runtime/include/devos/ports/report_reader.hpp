#pragma once
#include <devos/contracts/error.hpp>
#include <devos/contracts/ingest_batch.hpp>
#include <string>

namespace devos::ports {

// Reads one test or lint report file (JUnit XML, SARIF) into a batch. Ids, pattern ids and run
// metadata are left empty for the ingest service; invalid input fails with the file, the line
// when known, and what is wrong.
class ReportReader {
public:
    virtual ~ReportReader() = default;
    [[nodiscard]] virtual contracts::Expected<contracts::IngestBatch> read(const std::string& path) const = 0;
};

} // namespace devos::ports
