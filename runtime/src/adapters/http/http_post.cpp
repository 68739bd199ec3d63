#include "http_post.hpp"

#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace devos::adapters {
namespace {

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

// One request: a POST of `body`, or a GET when `body` is null.
contracts::Expected<HttpReply> perform(const std::string& url, const std::string* body,
                                       const std::vector<std::string>& headers,
                                       std::chrono::milliseconds timeout) {
    static std::once_flag curlReady;
    std::call_once(curlReady, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        return contracts::fail(contracts::ErrorKind::Unavailable, "could not create a libcurl handle");
    curl_slist* raw = curl_slist_append(nullptr, "Content-Type: application/json");
    for (const auto& header : headers)
        raw = curl_slist_append(raw, header.c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> list(raw, curl_slist_free_all);
    HttpReply reply;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, list.get());
    if (body != nullptr) {
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body->c_str());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    } else {
        curl_easy_setopt(curl.get(), CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &reply.body);
    if (const CURLcode code = curl_easy_perform(curl.get()); code != CURLE_OK)
        return contracts::fail(contracts::ErrorKind::Unavailable,
                               std::string(body != nullptr ? "POST " : "GET ") + url +
                                   " failed: " + curl_easy_strerror(code));
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
}

} // namespace

contracts::Expected<HttpReply> postJson(const std::string& url, const std::string& body,
                                        const std::vector<std::string>& headers,
                                        std::chrono::milliseconds timeout) {
    return perform(url, &body, headers, timeout);
}

contracts::Expected<HttpReply> getJson(const std::string& url, const std::vector<std::string>& headers,
                                       std::chrono::milliseconds timeout) {
    return perform(url, nullptr, headers, timeout);
}

} // namespace devos::adapters
