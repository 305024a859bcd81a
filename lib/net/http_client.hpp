// HTTP requests with libcurl: timeouts, a size cap, and retries with exponential backoff and
// jitter that honour Retry-After. send() is one blocking request (net::Fetcher runs many);
// thread-safe once libcurl is initialised: the first call initialises it (curl_easy_init
// does), so a program with threads calls curl_global_init itself first.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "util/result.hpp"

namespace hg::net {

struct Request {
  std::string method = "GET";  // GET | POST
  std::string url{};
  std::vector<std::pair<std::string, std::string>> headers = {};  // name, value
  std::string body{};
};

struct Response {
  long status = 0;
  std::string content_type{};
  std::string body{};
  std::string etag{};           // for the next conditional request
  std::string last_modified{};  // ditto
  int attempts = 0;             // how many tries it took
};

struct ClientOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};  // per attempt
  std::size_t max_body_bytes = 16u << 20;           // a larger answer fails (invalid_input)
  int retries = 2;                                  // extra attempts after the first
  std::chrono::milliseconds backoff{500};           // first pause; doubles, with jitter
  std::chrono::milliseconds max_backoff{30'000};    // cap, Retry-After included
  // Give up on a transfer that moves under 64 bytes a second this long; 0: never (an LLM
  // may think for a minute before its first byte).
  std::chrono::milliseconds stall_timeout{0};
  std::string user_agent = "hg/0.1.0";
};

// Sends `request`, retrying connection failures, timeouts, 429 and 5xx. Returns the last
// response for any other status (the caller judges 4xx). Errors: network (connection, timeout,
// retries used up; the message says which), invalid_input (body over the cap), failed.
Result<Response> send(const Request& request, const ClientOptions& options);

}  // namespace hg::net
