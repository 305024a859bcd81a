#include "support/replay_server.hpp"

#include <sys/stat.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <deque>
#include <thread>

#include <httplib.h>

namespace hg::testing {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string content_etag(const std::string& content) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return buffer;
}

constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// RFC 9110 §5.6.7 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT", without the locale.
std::string http_date(std::time_t time) {
  std::tm tm{};
  gmtime_r(&time, &tm);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

std::optional<std::time_t> parse_http_date(const std::string& text) {
  char day[4] = {};
  char month[4] = {};
  std::tm tm{};
  if (std::sscanf(text.c_str(), "%3s, %d %3s %d %d:%d:%d GMT", day, &tm.tm_mday, month, &tm.tm_year,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 7) {
    return std::nullopt;
  }
  for (int m = 0; m < 12; ++m) {
    if (std::string_view(month) == kMonths[static_cast<std::size_t>(m)]) {
      tm.tm_mon = m;
      tm.tm_year -= 1900;
      return timegm(&tm);
    }
  }
  return std::nullopt;
}

std::optional<std::time_t> modified_time(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return std::nullopt;
  return info.st_mtime;
}

// If-None-Match holds "*" or a list of entity tags, weak ("W/") ones compared weakly.
bool etag_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view tag = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

const char* content_type(const std::filesystem::path& file) {
  const std::string ext = lower(file.extension().string());
  if (ext == ".json") return "application/json";
  if (ext == ".xml" || ext == ".rss") return "application/xml";
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".csv") return "text/csv; charset=utf-8";
  if (ext == ".txt" || ext == ".md") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

std::string RecordedRequest::header(std::string_view name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

struct ReplayServer::Impl {
  std::filesystem::path root;
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> stopped{false};  // listen returned (or never started)
  int port = 0;
  mutable std::mutex mutex;
  std::vector<RecordedRequest> requests;
  std::map<std::string, std::deque<Scripted>> scripted;  // "path?query" or "path"

  void handle(const httplib::Request& request, httplib::Response& response);
  bool answer_scripted(const RecordedRequest& recorded, httplib::Response& response,
                       std::chrono::milliseconds& delay, bool& dripping);
  void serve_file(const httplib::Request& request, httplib::Response& response) const;
};

void ReplayServer::Impl::handle(const httplib::Request& request, httplib::Response& response) {
  RecordedRequest recorded;
  recorded.method = request.method;
  recorded.path = request.path;
  const auto question = request.target.find('?');
  if (question != std::string::npos) recorded.query = request.target.substr(question + 1);
  for (const auto& [name, value] : request.headers) recorded.headers[lower(name)] = value;
  recorded.body = request.body;
  std::chrono::milliseconds delay{0};
  bool answered = false;
  bool dripping = false;
  {
    std::lock_guard lock(mutex);
    requests.push_back(recorded);
    answered = answer_scripted(recorded, response, delay, dripping);
  }
  if (answered) {
    // A drip sleeps between its chunks instead, in the content provider.
    if (delay.count() > 0 && !dripping) std::this_thread::sleep_for(delay);  // not holding the lock
    return;
  }
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.set_content("method not allowed", "text/plain");
    return;
  }
  serve_file(request, response);
}

// Called with `mutex` held: `times` counts down across threads.
bool ReplayServer::Impl::answer_scripted(const RecordedRequest& recorded,
                                         httplib::Response& response,
                                         std::chrono::milliseconds& delay, bool& dripping) {
  for (const std::string& key : {recorded.path + "?" + recorded.query, recorded.path}) {
    auto it = scripted.find(key);
    if (it == scripted.end()) continue;
    std::deque<Scripted>& queue = it->second;
    while (!queue.empty() && queue.front().times == 0) queue.pop_front();
    if (queue.empty()) continue;
    Scripted& answer = queue.front();
    if (answer.times > 0) --answer.times;
    delay = answer.delay;
    response.status = answer.status;
    std::string type = "application/json";
    for (const auto& [name, value] : answer.headers) {
      if (lower(name) == "content-type")
        type = value;
      else
        response.set_header(name, value);
    }
    switch (answer.fault) {
      case Fault::none:
        response.set_content(answer.body, type.c_str());
        break;
      case Fault::redirect_loop:
        response.status = 302;
        response.set_header("Location", recorded.path);
        break;
      case Fault::drip: {
        dripping = true;
        auto body = std::make_shared<std::string>(answer.body);
        const auto pause = answer.delay;
        response.set_content_provider(
            body->size(), type,
            [body, pause](std::size_t offset, std::size_t, httplib::DataSink& sink) {
              std::this_thread::sleep_for(pause);
              const std::size_t chunk = std::min<std::size_t>(4, body->size() - offset);
              return sink.write(body->data() + offset, chunk);
            });
        break;
      }
      case Fault::truncated: {
        auto body = std::make_shared<std::string>(answer.body);
        response.set_content_provider(
            body->size() * 2, type,
            [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
              if (offset >= body->size()) return false;  // close before the promised length
              return sink.write(body->data() + offset, body->size() - offset);
            });
        break;
      }
    }
    return true;
  }
  return false;
}

void ReplayServer::Impl::serve_file(const httplib::Request& request,
                                    httplib::Response& response) const {
  const std::filesystem::path file = root / request.path.substr(1);
  std::error_code ec;
  const bool inside_root = request.path.find("..") == std::string::npos;
  const auto modified = inside_root && std::filesystem::is_regular_file(file, ec)
                            ? modified_time(file)
                            : std::nullopt;
  if (!modified) {
    response.status = 404;
    response.set_content("not found", "text/plain");
    return;
  }
  const std::string content = read_all(file);
  const std::string etag = content_etag(content);
  response.set_header("ETag", etag);
  response.set_header("Last-Modified", http_date(*modified));
  // RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it.
  bool not_modified = false;
  if (request.has_header("If-None-Match")) {
    not_modified = etag_matches(request.get_header_value("If-None-Match"), etag);
  } else if (request.has_header("If-Modified-Since")) {
    const auto since = parse_http_date(request.get_header_value("If-Modified-Since"));
    not_modified = since && *modified <= *since;
  }
  if (not_modified) {
    response.status = 304;
    return;
  }
  response.set_content(content, content_type(file));
}

ReplayServer::ReplayServer(std::filesystem::path root) : impl_(std::make_unique<Impl>()) {
  impl_->root = std::move(root);
  Impl* impl = impl_.get();
  auto handler = [impl](const httplib::Request& request, httplib::Response& response) {
    impl->handle(request, response);
  };
  impl->server.Get(".*", handler);  // httplib answers HEAD with the GET handler
  impl->server.Post(".*", handler);
  impl->server.Put(".*", handler);
  impl->server.Patch(".*", handler);
  impl->server.Delete(".*", handler);
  impl->port = impl->server.bind_to_any_port("127.0.0.1");
  if (impl->port <= 0) throw std::runtime_error("ReplayServer: cannot bind 127.0.0.1");
  impl->thread = std::thread([impl] {
    impl->server.listen_after_bind();
    impl->stopped = true;
  });
  while (!impl->server.is_running() && !impl->stopped) std::this_thread::yield();
  if (!impl->server.is_running()) {
    impl->thread.join();
    throw std::runtime_error("ReplayServer: cannot listen on 127.0.0.1");
  }
}

ReplayServer::~ReplayServer() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string ReplayServer::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }
int ReplayServer::port() const { return impl_->port; }

void ReplayServer::script(std::string path, Scripted answer, std::string query) {
  std::lock_guard lock(impl_->mutex);
  impl_->scripted[query.empty() ? path : path + "?" + query].push_back(std::move(answer));
}

std::vector<RecordedRequest> ReplayServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

std::string ReplayServer::etag(std::string_view path) const {
  const std::filesystem::path file =
      impl_->root / std::string(path.substr(path.starts_with('/') ? 1 : 0));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  return content_etag(read_all(file));
}

std::string ReplayServer::last_modified(std::string_view path) const {
  const std::filesystem::path file =
      impl_->root / std::string(path.substr(path.starts_with('/') ? 1 : 0));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  const auto modified = modified_time(file);
  return modified ? http_date(*modified) : std::string();
}

}  // namespace hg::testing
