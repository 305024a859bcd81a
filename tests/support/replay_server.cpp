#include "support/replay_server.hpp"

#include <httplib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace hg::testing {

std::string RecordedRequest::header(std::string_view name) const {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = headers.find(lower);
  return it == headers.end() ? std::string() : it->second;
}

struct ReplayServer::Impl {
  std::filesystem::path root;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  mutable std::mutex mutex;
  std::vector<RecordedRequest> requests;
  std::map<std::string, Scripted> scripted;  // "path?query" or "path"
};

namespace {

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

}  // namespace

ReplayServer::ReplayServer(std::filesystem::path root) : impl_(std::make_unique<Impl>()) {
  impl_->root = std::move(root);
  Impl* impl = impl_.get();
  impl->server.Get(".*", [impl](const httplib::Request& request, httplib::Response& response) {
    RecordedRequest recorded;
    recorded.method = request.method;
    recorded.path = request.path;
    const auto question = request.target.find('?');
    if (question != std::string::npos) recorded.query = request.target.substr(question + 1);
    for (const auto& [name, value] : request.headers) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      recorded.headers[lower] = value;
    }
    recorded.body = request.body;
    {
      std::lock_guard lock(impl->mutex);
      impl->requests.push_back(recorded);
      for (const std::string& key : {recorded.path + "?" + recorded.query, recorded.path}) {
        auto it = impl->scripted.find(key);
        if (it == impl->scripted.end() || it->second.times == 0) continue;
        if (it->second.times > 0) --it->second.times;
        response.status = it->second.status;
        for (const auto& [name, value] : it->second.headers) response.set_header(name, value);
        response.set_content(it->second.body, "application/json");
        return;
      }
    }
    const std::filesystem::path file = impl->root / request.path.substr(1);
    std::error_code ec;
    if (request.path.find("..") != std::string::npos || !std::filesystem::is_regular_file(file, ec)) {
      response.status = 404;
      response.set_content("not found", "text/plain");
      return;
    }
    const std::string content = read_all(file);
    const std::string etag = content_etag(content);
    response.set_header("ETag", etag);
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    const std::string ext = file.extension().string();
    const char* type = ext == ".json"                   ? "application/json"
                       : ext == ".xml" || ext == ".rss" ? "application/xml"
                       : ext == ".html"                 ? "text/html; charset=utf-8"
                                                        : "application/octet-stream";
    response.set_content(content, type);
  });
  impl->port = impl->server.bind_to_any_port("127.0.0.1");
  if (impl->port <= 0) throw std::runtime_error("ReplayServer: cannot bind 127.0.0.1");
  impl->thread = std::thread([impl] { impl->server.listen_after_bind(); });
  while (!impl->server.is_running()) std::this_thread::yield();
}

ReplayServer::~ReplayServer() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string ReplayServer::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }
int ReplayServer::port() const { return impl_->port; }

void ReplayServer::script(std::string path, Scripted answer, std::string query) {
  std::lock_guard lock(impl_->mutex);
  impl_->scripted[query.empty() ? path : path + "?" + query] = std::move(answer);
}

std::vector<RecordedRequest> ReplayServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

std::string ReplayServer::etag(std::string_view path) const {
  const std::filesystem::path file = impl_->root / std::string(path.substr(path.starts_with('/') ? 1 : 0));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  return content_etag(read_all(file));
}

}  // namespace hg::testing
