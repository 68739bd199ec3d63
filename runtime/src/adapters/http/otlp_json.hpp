#pragma once
// What the OTLP/HTTP JSON exporters of this folder (logs, metrics, traces) share: the encoding of
// attributes and the resource, the signal's URL, and one POST with its failure named.
#include <chrono>
#include <devos/contracts/error.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace devos::adapters {

// An OTLP KeyValue with a string AnyValue.
[[nodiscard]] nlohmann::json otlpAttribute(const std::string& key, const std::string& value);

// Every entry of `attributes` as OTLP KeyValues, in key order.
[[nodiscard]] nlohmann::json otlpAttributes(const std::map<std::string, std::string>& attributes);

// The resource every request names: service.name = `serviceName`.
[[nodiscard]] nlohmann::json otlpResource(const std::string& serviceName);

// `endpoint` ("http://collector:4318", trailing slashes ignored) with the signal's path ("/v1/logs")
// appended unless it already ends with it.
[[nodiscard]] std::string otlpSignalUrl(std::string endpoint, const std::string& signalPath);

// POSTs one OTLP request; Unavailable (naming the URL and the status) when the collector cannot be
// reached or answers other than 2xx.
[[nodiscard]] contracts::Expected<void> postOtlp(const std::string& url, const nlohmann::json& request,
                                                 std::chrono::milliseconds timeout);

} // namespace devos::adapters
