// ReplayServer: a real HTTP server (cpp-httplib) on 127.0.0.1 and a free port, serving
// recorded payloads from a fixture directory and recording every request it receives.
// Scrape, and every later networked capability, is tested against it: no mocked libcurl.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hg::testing {

struct RecordedRequest {
  std::string method;
  std::string path;                            // without the query string
  std::string query;                           // raw, without '?'
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  // The header's value, "" when absent (name case-insensitive).
  std::string header(std::string_view name) const;
};

// Misbehaviours of a scripted answer, for the bounds a client needs.
enum class Fault {
  none,
  drip,           // the body a few bytes at a time, `delay` between them
  truncated,      // Content-Length promises twice the body, then the connection closes
  redirect_loop,  // 302 to the same path, forever
};

// A canned answer for one path (and optionally one exact query), overriding the files.
struct Scripted {
  int status = 200;
  std::string body = {};
  // e.g. {"Retry-After", "1"}; a "Content-Type" here replaces the default application/json.
  std::map<std::string, std::string> headers = {};
  int times = -1;  // answer this many times, then fall back; -1 always
  std::chrono::milliseconds delay{0};  // wait this long before answering (timeouts)
  Fault fault = Fault::none;
};

class ReplayServer {
 public:
  // Serves GET (and HEAD) /<relative path> from files under `root` (Content-Type from the
  // extension), with a strong ETag (hash of the content) and a Last-Modified (the file's
  // modification time); answers 304 to a matching If-None-Match, or, when that header is
  // absent, to an If-Modified-Since at or after the file's time; 404 to a missing file.
  // Other methods are recorded and answered only by script(); else 405.
  // Throws std::runtime_error when it cannot listen on 127.0.0.1.
  explicit ReplayServer(std::filesystem::path root);
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  int port() const;

  // Answers `path` (and `query` when given) with `answer` instead of a file, for any method.
  // An answer for the exact query wins over one for the path alone. Answers scripted for the
  // same key queue up: each serves its `times`, then the next one answers.
  void script(std::string path, Scripted answer, std::string query = "");

  // Every request so far, in the order they arrived. Safe to call while requests come in.
  std::vector<RecordedRequest> requests() const;
  // The ETag the server sends for `path` ("" when no such file).
  std::string etag(std::string_view path) const;
  // The Last-Modified the server sends for `path`, an HTTP date ("" when no such file).
  std::string last_modified(std::string_view path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hg::testing
