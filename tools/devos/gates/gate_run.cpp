#include "gates/gate_run.hpp"

#include "gates/diagnostic_line.hpp"

#include <devos/foundation/process.hpp>
#include <devos/foundation/text.hpp>

namespace devos::gates {

foundation::Expected<GateRunOutcome> runGate(const GateRunRequest& request) {
    foundation::ProcessOutcome run = foundation::runProcess(request.command);
    GateRunOutcome outcome;
    GateResult& result = outcome.result;
    result.name = request.name;
    result.exitCode = run.exitCode;
    result.seconds = run.seconds;
    result.sarif = request.sarif;
    result.note = request.note;
    outcome.ok = run.exitCode == 0;
    outcome.output = run.output;
    if (!request.sarif.empty()) {
        auto counted = countSarifFindings(request.sarif);
        outcome.ok = outcome.ok && counted;
        result.findings = counted ? *counted : 1;
        if (!counted)
            outcome.output += counted.error().render() + "\n";
    } else if (request.diagnostics) {
        result.diagnostics = true;
        result.findings = static_cast<long>(diagnosticLines(outcome.output).size());
    } else {
        result.findings = outcome.ok ? 0 : 1;
    }
    result.status = outcome.ok         ? GateStatus::Passed
                    : request.advisory ? GateStatus::Advisory
                                       : GateStatus::Failed;
    if (!outcome.ok || request.diagnostics)
        result.detail = foundation::utf8Tail(outcome.output, 8000);
    if (auto written = writeGateResult(request.resultFile, result); !written)
        return std::unexpected(written.error());
    return outcome;
}

foundation::Expected<GateResult> recordGate(const std::string& name, const std::string& resultFile,
                                            GateStatus status, const std::string& reason) {
    GateResult result;
    result.name = name;
    result.status = status;
    result.note = reason;
    if (status == GateStatus::Failed) {
        result.exitCode = 1;
        result.findings = 1;
    }
    if (auto written = writeGateResult(resultFile, result); !written)
        return std::unexpected(written.error());
    return result;
}

} // namespace devos::gates
