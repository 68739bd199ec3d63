#pragma once
// libcurl POST shared by the HTTP adapters of this folder (embeddings, OTLP export): one adapter
// component, so http/ is the only place that may include it.
#include <chrono>
#include <devos/contracts/error.hpp>
#include <string>
#include <vector>

namespace devos::adapters {

// An HTTP answer: its status and body.
struct HttpReply {
    long status = 0;
    std::string body;
};

// POSTs `body` as application/json with `headers` ("Name: value"), giving up after `timeout` (connection
// included). A transport failure (refused, timed out, DNS) is ErrorKind::Unavailable whose message names
// the URL but never a header; any HTTP status is a reply.
[[nodiscard]] contracts::Expected<HttpReply> postJson(const std::string& url, const std::string& body,
                                                      const std::vector<std::string>& headers,
                                                      std::chrono::milliseconds timeout);

// GETs `url` with `headers`, as postJson does otherwise (same errors, any HTTP status is a reply).
[[nodiscard]] contracts::Expected<HttpReply>
getJson(const std::string& url, const std::vector<std::string>& headers, std::chrono::milliseconds timeout);

} // namespace devos::adapters
