#include "otlp_json.hpp"

#include "http_post.hpp"

namespace devos::adapters {

nlohmann::json otlpAttribute(const std::string& key, const std::string& value) {
    return {{"key", key}, {"value", {{"stringValue", value}}}};
}

nlohmann::json otlpAttributes(const std::map<std::string, std::string>& attributes) {
    auto out = nlohmann::json::array();
    for (const auto& [key, value] : attributes)
        out.push_back(otlpAttribute(key, value));
    return out;
}

nlohmann::json otlpResource(const std::string& serviceName) {
    return {{"attributes", nlohmann::json::array({otlpAttribute("service.name", serviceName)})}};
}

std::string otlpSignalUrl(std::string endpoint, const std::string& signalPath) {
    while (endpoint.ends_with('/'))
        endpoint.pop_back();
    if (!endpoint.ends_with(signalPath))
        endpoint += signalPath;
    return endpoint;
}

contracts::Expected<void> postOtlp(const std::string& url, const nlohmann::json& request,
                                   std::chrono::milliseconds timeout) {
    auto reply = postJson(url, request.dump(), {}, timeout);
    if (!reply) {
        reply.error().hint = "check DEVOS_OTLP_ENDPOINT and that the collector is running";
        return std::unexpected(std::move(reply.error()));
    }
    if (reply->status < 200 || reply->status >= 300)
        return contracts::fail(contracts::ErrorKind::Unavailable,
                               "POST " + url + " answered HTTP " + std::to_string(reply->status) + ": " +
                                   reply->body.substr(0, 200),
                               {}, 0, "check the collector's OTLP/HTTP receiver and its log");
    return {};
}

} // namespace devos::adapters
