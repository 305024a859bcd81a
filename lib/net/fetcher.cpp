#include "net/fetcher.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <deque>
#include <map>
#include <random>

#include <curl/curl.h>


namespace hg::net {
namespace {

using Clock = std::chrono::steady_clock;

// The response headers hg reads, collected by the header callback.
struct Headers {
  std::string retry_after;
  std::string etag;
  std::string last_modified;
};

// CURLOPT_HEADERFUNCTION with a Headers*. A redirect's headers are replaced by the final
// response's.
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

// Retry-After in seconds ("120"); an HTTP date gives nullopt (the backoff applies).
std::optional<std::chrono::milliseconds> retry_after(const std::string& value) {
  if (value.empty() || value.size() > 9 ||
      !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return std::chrono::milliseconds(std::stoll(value) * 1000);
}

struct Pending {
  std::size_t tag = 0;
  Request request;
  int tries = 0;
  Clock::time_point not_before{};
  std::chrono::milliseconds pause{0};
};

struct Active {
  Pending pending;
  std::string host;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  bool too_big = false;
  std::size_t max_bytes = 0;
  Headers seen;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* active = static_cast<Active*>(user);
  const std::size_t bytes = size * count;
  if (active->body.size() + bytes > active->max_bytes) {
    active->too_big = true;
    return 0;
  }
  active->body.append(data, bytes);
  return bytes;
}

// "http://Host:8080/path" -> "host:8080": the unit politeness limits count per.
std::string host_of(const std::string& url) {
  std::size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

bool worth_retrying(long status) { return status == 429 || status == 408 || status >= 500; }

bool transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

struct Fetcher::Impl {
  FetchOptions options;
  CURLM* multi = nullptr;
  std::deque<Pending> queue;
  std::map<CURL*, std::unique_ptr<Active>> active;
  std::map<std::string, std::size_t> per_host;
  std::map<std::string, Clock::time_point> last_start;
  std::mt19937_64 random{std::random_device{}()};

  bool may_start(const Pending& pending, Clock::time_point now, const std::string& host) const {
    if (now < pending.not_before) return false;
    if (auto it = per_host.find(host); it != per_host.end() && it->second >= options.max_per_host) {
      return false;
    }
    if (auto it = last_start.find(host);
        it != last_start.end() && now < it->second + options.host_interval) {
      return false;
    }
    return true;
  }

  // When the next queued request may start, for the poll timeout.
  Clock::time_point next_start(Clock::time_point now) const {
    Clock::time_point next = now + std::chrono::milliseconds(200);
    for (const Pending& pending : queue) {
      Clock::time_point at = pending.not_before;
      if (auto it = last_start.find(host_of(pending.request.url)); it != last_start.end()) {
        at = std::max(at, it->second + options.host_interval);
      }
      next = std::min(next, std::max(at, now));
    }
    return next;
  }

  void start_ready(std::vector<Fetched>& done) {
    const auto now = Clock::now();
    for (auto it = queue.begin(); it != queue.end() && active.size() < options.max_in_flight;) {
      const std::string host = host_of(it->request.url);
      if (!may_start(*it, now, host)) {
        ++it;
        continue;
      }
      Pending pending = std::move(*it);
      it = queue.erase(it);
      if (auto started = start(std::move(pending), host); started) {
        done.push_back(std::move(*started));
      }
    }
  }

  // Starts a transfer; a request that cannot start is finished at once (returned).
  std::optional<Fetched> start(Pending pending, const std::string& host) {
    auto transfer = std::make_unique<Active>();
    transfer->host = host;
    transfer->max_bytes = options.client.max_body_bytes;
    CURL* easy = curl_easy_init();
    if (easy == nullptr) {
      return Fetched{pending.tag, pending.request, fail(Errc::failed, "libcurl: cannot start a transfer")};
    }
    // The transfer owns the request from here on: libcurl keeps pointers into it (the URL is
    // copied, the POST body is not).
    ++pending.tries;
    transfer->pending = std::move(pending);
    const Request& request = transfer->pending.request;
    for (const auto& [name, value] : request.headers) {
      const std::string line = name + ": " + value;
      if (curl_slist* grown = curl_slist_append(transfer->headers, line.c_str())) {
        transfer->headers = grown;
      }
    }
    const ClientOptions& client = options.client;
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_USERAGENT, client.user_agent.c_str());
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(client.connect_timeout.count()));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(client.total_timeout.count()));
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(client.max_body_bytes));
    if (client.stall_timeout.count() > 0) {
      // A drip of a few bytes a second is a stalled server: give up on it before the total
      // timeout would.
      curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 64L);
      curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME,
                       std::max(1L, static_cast<long>(client.stall_timeout.count() / 1000)));
    }
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer->seen);
    if (transfer->headers != nullptr) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
    if (request.method == "POST") {
      curl_easy_setopt(easy, CURLOPT_POST, 1L);
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    transfer->easy = easy;
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
      Fetched failed{transfer->pending.tag, transfer->pending.request,
                     fail(Errc::failed, "libcurl: cannot queue a transfer")};
      release(*transfer);
      return failed;
    }
    ++per_host[host];
    last_start[host] = Clock::now();
    active.emplace(easy, std::move(transfer));
    return std::nullopt;
  }

  void release(Active& transfer) {
    if (transfer.easy != nullptr) {
      curl_multi_remove_handle(multi, transfer.easy);
      curl_easy_cleanup(transfer.easy);
      transfer.easy = nullptr;
    }
    if (transfer.headers != nullptr) {
      curl_slist_free_all(transfer.headers);
      transfer.headers = nullptr;
    }
  }

  // A finished transfer: its result, or a retry queued (nullopt).
  std::optional<Fetched> finish(CURL* easy, CURLcode code) {
    auto node = active.extract(easy);
    Active& transfer = *node.mapped();
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    const char* type = nullptr;
    std::string content_type;
    if (curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr) {
      content_type = type;
    }
    if (--per_host[transfer.host] == 0) per_host.erase(transfer.host);
    release(transfer);
    Pending& pending = transfer.pending;
    const Request& request = pending.request;
    if (transfer.too_big || code == CURLE_FILESIZE_EXCEEDED) {
      return Fetched{pending.tag, request,
                     fail(Errc::invalid_input, "{}: answer larger than {} bytes", request.url,
                          options.client.max_body_bytes)};
    }
    if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) {
      return Fetched{pending.tag, request,
                     fail(Errc::invalid_argument, "{}: {}", request.url, curl_easy_strerror(code))};
    }
    if (code == CURLE_TOO_MANY_REDIRECTS) {
      return Fetched{pending.tag, request,
                     fail(Errc::network, "{}: too many redirects", request.url)};
    }
    const bool retry = code == CURLE_OK ? worth_retrying(status) : transient(code);
    if (!retry || pending.tries > options.client.retries) {
      if (code != CURLE_OK) {
        return Fetched{pending.tag, request,
                       fail(Errc::network, "{}: {} (after {} attempt{})", request.url,
                            lower(curl_easy_strerror(code)), pending.tries,
                            pending.tries == 1 ? "" : "s")};
      }
      Response response{.status = status, .content_type = content_type,
                        .body = std::move(transfer.body), .etag = transfer.seen.etag,
                        .last_modified = transfer.seen.last_modified, .attempts = pending.tries};
      return Fetched{pending.tag, request, std::move(response)};
    }
    // Exponential backoff with jitter; Retry-After is a floor; both capped.
    pending.pause = pending.pause.count() == 0 ? options.client.backoff : pending.pause * 2;
    pending.pause = std::min(pending.pause, options.client.max_backoff);
    std::uniform_int_distribution<long long> spread(pending.pause.count() / 2, pending.pause.count());
    std::chrono::milliseconds wait(spread(random));
    if (code == CURLE_OK) {
      if (auto asked = retry_after(transfer.seen.retry_after)) wait = std::max(wait, *asked);
    }
    wait = std::min(wait, options.client.max_backoff);
    pending.not_before = Clock::now() + wait;
    queue.push_back(std::move(pending));
    return std::nullopt;
  }
};

Fetcher::Fetcher(FetchOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->options.max_in_flight = std::max<std::size_t>(1, impl_->options.max_in_flight);
  impl_->options.max_per_host = std::max<std::size_t>(1, impl_->options.max_per_host);
  impl_->multi = curl_multi_init();
}

Fetcher::~Fetcher() {
  for (auto& [easy, transfer] : impl_->active) impl_->release(*transfer);
  if (impl_->multi != nullptr) curl_multi_cleanup(impl_->multi);
}

void Fetcher::add(std::size_t tag, Request request) {
  impl_->queue.push_back({.tag = tag, .request = std::move(request)});
}

bool Fetcher::idle() const { return impl_->queue.empty() && impl_->active.empty(); }

std::vector<Fetched> Fetcher::wait(std::chrono::milliseconds limit) {
  const auto deadline = limit == std::chrono::milliseconds::max()
                            ? Clock::time_point::max()
                            : Clock::now() + limit;
  std::vector<Fetched> done;
  if (impl_->multi == nullptr) {
    for (Pending& pending : impl_->queue) {
      done.push_back({pending.tag, pending.request, fail(Errc::failed, "libcurl: no multi handle")});
    }
    impl_->queue.clear();
    return done;
  }
  while (done.empty() && !idle()) {
    impl_->start_ready(done);
    int running = 0;
    curl_multi_perform(impl_->multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(impl_->multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      if (auto finished = impl_->finish(message->easy_handle, message->data.result)) {
        done.push_back(std::move(*finished));
      }
    }
    if (!done.empty() || idle()) break;
    const auto now = Clock::now();
    if (now >= deadline) break;
    const auto until = std::min(impl_->next_start(now), deadline);
    const int timeout_ms = static_cast<int>(std::clamp<long long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count(), 1, 200));
    curl_multi_poll(impl_->multi, nullptr, 0, timeout_ms, nullptr);
  }
  return done;
}

}  // namespace hg::net
