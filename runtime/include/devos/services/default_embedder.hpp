#pragma once
#include <devos/ports/embedder.hpp>
#include <memory>

namespace devos::services {

// The embedder used when none is configured: logic::HashingEmbedder ("devos-hash-v3-1024") behind the port.
[[nodiscard]] std::unique_ptr<ports::Embedder> makeDefaultEmbedder();

} // namespace devos::services
