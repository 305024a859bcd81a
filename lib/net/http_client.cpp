#include "net/http_client.hpp"

#include "net/headers.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string_view>
#include <random>
#include <thread>

#include <curl/curl.h>

namespace hg::net {
namespace {

struct Transfer {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_big = false;
  detail::Headers headers;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_bytes) {
    transfer->too_big = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->body.append(data, bytes);
  return bytes;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

bool worth_retrying(long status) { return status == 429 || status == 408 || status >= 500; }

struct Attempt {
  CURLcode code = CURLE_OK;
  Response response;
  Transfer transfer;
};

Attempt attempt(const Request& request, const ClientOptions& options) {
  Attempt out;
  out.transfer.max_bytes = options.max_body_bytes;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    out.code = CURLE_FAILED_INIT;
    return out;
  }
  CURL* c = curl.get();
  std::unique_ptr<curl_slist, ListDeleter> headers;
  for (const auto& [name, value] : request.headers) {
    const std::string line = name + ": " + value;
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown == nullptr) {
      out.code = CURLE_OUT_OF_MEMORY;
      return out;
    }
    (void)headers.release();
    headers.reset(grown);
  }
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &out.transfer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, detail::on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &out.transfer.headers);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  if (request.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  out.code = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out.response.status);
  const char* type = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr) {
    out.response.content_type = type;
  }
  out.response.body = std::move(out.transfer.body);
  out.response.etag = out.transfer.headers.etag;
  out.response.last_modified = out.transfer.headers.last_modified;
  return out;
}

}  // namespace

Result<Response> send(const Request& request, const ClientOptions& options) {
  if (request.method != "GET" && request.method != "POST") {
    return fail(Errc::invalid_argument, "http: unsupported method {}", request.method);
  }
  std::mt19937_64 random{std::random_device{}()};
  std::chrono::milliseconds pause = options.backoff;
  std::string last_problem;
  for (int tries = 1;; ++tries) {
    Attempt result = attempt(request, options);
    result.response.attempts = tries;
    if (result.transfer.too_big || result.code == CURLE_FILESIZE_EXCEEDED) {
      return fail(Errc::invalid_input, "{}: answer larger than {} bytes", request.url,
                  options.max_body_bytes);
    }
    std::optional<std::chrono::milliseconds> asked;
    if (result.code == CURLE_OK) {
      if (!worth_retrying(result.response.status)) return std::move(result.response);
      last_problem = "HTTP " + std::to_string(result.response.status);
      asked = detail::retry_after(result.transfer.headers.retry_after);
    } else if (result.code == CURLE_URL_MALFORMAT || result.code == CURLE_UNSUPPORTED_PROTOCOL) {
      return fail(Errc::invalid_argument, "{}: {}", request.url, curl_easy_strerror(result.code));
    } else {
      last_problem = curl_easy_strerror(result.code);
      std::transform(last_problem.begin(), last_problem.end(), last_problem.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    }
    if (tries > options.retries) {
      if (result.code == CURLE_OK) return std::move(result.response);  // the caller sees the 5xx
      return fail(Errc::network, "{}: {} (after {} attempt{})", request.url, last_problem, tries,
                  tries == 1 ? "" : "s");
    }
    // Full jitter keeps many clients from retrying in step; Retry-After is a floor.
    std::uniform_int_distribution<long long> spread(pause.count() / 2, pause.count());
    std::chrono::milliseconds wait(spread(random));
    if (asked) wait = std::max(wait, *asked);
    wait = std::min(wait, options.max_backoff);
    std::this_thread::sleep_for(wait);
    pause = std::min(pause * 2, options.max_backoff);
  }
}

}  // namespace hg::net

namespace hg::net::detail {

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* headers = static_cast<Headers*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) *headers = {};  // a new response (after a redirect)
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  if (value.size() > 1024) return size * count;  // nothing hg reads is that long
  if (name == "retry-after") headers->retry_after = std::string(value);
  else if (name == "etag") headers->etag = std::string(value);
  else if (name == "last-modified") headers->last_modified = std::string(value);
  return size * count;
}

std::optional<std::chrono::milliseconds> retry_after(const std::string& value) {
  if (value.empty() || value.size() > 9 ||
      !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return std::chrono::milliseconds(std::stoll(value) * 1000);
}

}  // namespace hg::net::detail
