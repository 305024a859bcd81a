#include "net/http_client.hpp"

#include "net/fetcher.hpp"

namespace hg::net {

// One request is a fetcher with one transfer: the same retries, backoff, Retry-After, size
// cap and error messages as hg scrape's.
Result<Response> send(const Request& request, const ClientOptions& options) {
  if (request.method != "GET" && request.method != "POST") {
    return fail(Errc::invalid_argument, "http: unsupported method {}", request.method);
  }
  Fetcher fetcher({.client = options, .max_in_flight = 1, .max_per_host = 1,
                   .host_interval = std::chrono::milliseconds(0)});
  fetcher.add(0, request);
  while (true) {
    std::vector<Fetched> done = fetcher.wait();
    if (!done.empty()) return std::move(done.front().response);
  }
}

}  // namespace hg::net
