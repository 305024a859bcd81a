// Many HTTP requests at once with libcurl multi, politely: a cap on transfers in flight, a cap
// per host, a minimum interval between requests to one host, retries with exponential backoff
// and jitter that honour Retry-After (429, 503, 5xx, timeouts), conditional requests (the
// caller's If-None-Match / If-Modified-Since headers; a 304 is an answer), gzip/deflate, size
// caps. Single-threaded: one event loop in the caller's thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "net/http_client.hpp"
#include "util/result.hpp"

namespace hg::net {

struct FetchOptions {
  ClientOptions client = {};  // timeouts, size cap, retries, backoff, user agent
  std::size_t max_in_flight = 8;
  std::size_t max_per_host = 2;
  std::chrono::milliseconds host_interval{250};  // between two requests to one host
};

struct Fetched {
  std::size_t tag = 0;       // as given to add()
  Request request = {};
  Result<Response> response = Response{};  // a 304 is a response; errors after the retries
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues a request; `tag` comes back with its result.
  void add(std::size_t tag, Request request);
  // Runs transfers until at least one request is finished (answered or failed for good) and
  // returns every finished one; empty when nothing is queued or running, or when `limit`
  // passed first (so the caller can do other work between transfers).
  std::vector<Fetched> wait(std::chrono::milliseconds limit = std::chrono::milliseconds::max());
  bool idle() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hg::net
