// Internal to lib/net: the response headers hg reads, collected by a libcurl header callback.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace hg::net::detail {

struct Headers {
  std::string retry_after;
  std::string etag;
  std::string last_modified;
};

// CURLOPT_HEADERFUNCTION with CURLOPT_HEADERDATA a Headers*. A redirect's headers are
// replaced by the final response's.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user);

// Retry-After in seconds ("120"), capped; an HTTP date gives nullopt (the backoff applies).
std::optional<std::chrono::milliseconds> retry_after(const std::string& value);

}  // namespace hg::net::detail
