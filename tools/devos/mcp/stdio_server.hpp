#pragma once
// The stdio transport: reads one JSON-RPC message per line, answers through the session, writes one
// message per line, and returns at end of input. A reader (the calling thread) and one worker, so a
// `notifications/cancelled` reaches a tool while it runs.
#include "mcp/mcp_session.hpp"

#include <cstdio>
#include <istream>

namespace devos::mcp {

// Serves until `in` ends; requests already read are answered first. Protocol lines go to `out`
// (nothing else may), one write and flush per line. Returns 0, or 1 when `out` could not be written.
[[nodiscard]] int serveStdio(McpSession& session, std::istream& in, std::FILE* out);

} // namespace devos::mcp
