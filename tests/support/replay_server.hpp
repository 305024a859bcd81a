// ReplayServer: a real HTTP server (cpp-httplib) on 127.0.0.1 and a free port, serving
// recorded payloads from a fixture directory and recording every request it receives.
// Scrape, and every later networked capability, is tested against it: no mocked libcurl.
#pragma once

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

// A canned answer for one path (and optionally one exact query), overriding the files.
struct Scripted {
  int status = 200;
  std::string body;
  std::map<std::string, std::string> headers;  // e.g. {"Retry-After", "1"}
  int times = -1;                              // answer this many times, then fall back; -1 always
};

class ReplayServer {
 public:
  // Serves GET /<relative path> from files under `root` (Content-Type from the extension),
  // with a strong ETag (hash of the content) and Last-Modified; answers 304 to a matching
  // If-None-Match or If-Modified-Since, 404 to a missing file.
  explicit ReplayServer(std::filesystem::path root);
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  int port() const;

  // Answers `path` (and `query` when given) with `answer` instead of a file.
  void script(std::string path, Scripted answer, std::string query = "");

  std::vector<RecordedRequest> requests() const;
  // The ETag the server sends for `path` ("" when no such file).
  std::string etag(std::string_view path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hg::testing
