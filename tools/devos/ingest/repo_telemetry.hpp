#pragma once
// The telemetry of a repository as every `devos` command and MCP tool opens it: the runtime's one
// entrypoint (entrypoints::Telemetry) with the repo's redaction rules, so ingest and search redact
// what `devos scan secrets` would flag.
#include <devos/entrypoints/telemetry.hpp>
#include <devos/foundation/error.hpp>
#include <memory>
#include <optional>
#include <string>

namespace devos::ingest {

// The store (`db`: a SQLite file, else DEVOS_DATABASE_URL, else <repoRoot>/.devos/telemetry.db), the
// redactor of the built-in rules and the gitleaks configuration .devos/devos.yml names, and with
// `search` the embedder (DEVOS_EMBEDDINGS_*), vector file, backfill and incident search. Errors: the
// repo config's, or entrypoints::Telemetry::open's (naming the option or variable).
[[nodiscard]] foundation::Expected<std::unique_ptr<entrypoints::Telemetry>>
openRepoTelemetry(const std::string& repoRoot, const std::optional<std::string>& db, bool search = true);

} // namespace devos::ingest
