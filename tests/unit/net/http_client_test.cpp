#include "net/http_client.hpp"

#include <catch2/catch.hpp>

#include "support/replay_server.hpp"
#include "support/temp_dir.hpp"

namespace hg::net {
namespace {

using testing::ReplayServer;
using testing::TempDir;

ClientOptions quick() {
  ClientOptions options;
  options.backoff = std::chrono::milliseconds(10);
  options.total_timeout = std::chrono::milliseconds(2000);
  return options;
}

TEST_CASE("send gets a file and posts a body with headers", "[net]") {
  TempDir dir;
  dir.write("hello.json", "{\"hi\":1}");
  ReplayServer server(dir.path());
  auto got = send({.method = "GET", .url = server.url() + "/hello.json"}, quick());
  REQUIRE(got);
  CHECK(got->status == 200);
  CHECK(got->body == "{\"hi\":1}");
  CHECK(got->attempts == 1);

  server.script("/post", {.status = 201, .body = "ok"});
  auto posted = send({.method = "POST", .url = server.url() + "/post",
                      .headers = {{"Authorization", "Bearer k"}}, .body = "{\"a\":2}"},
                     quick());
  REQUIRE(posted);
  CHECK(posted->status == 201);
  const auto requests = server.requests();
  CHECK(requests.back().body == "{\"a\":2}");
  CHECK(requests.back().header("authorization") == "Bearer k");
  CHECK(requests.back().header("user-agent") == "hg/0.1.0");
}

TEST_CASE("send retries 429 and 5xx, honouring Retry-After", "[net]") {
  TempDir dir;
  ReplayServer server(dir.path());
  server.script("/busy", {.status = 429, .body = "slow down", .headers = {{"Retry-After", "1"}},
                          .times = 1});
  server.script("/busy", {.status = 200, .body = "done"});
  const auto start = std::chrono::steady_clock::now();
  auto got = send({.url = server.url() + "/busy"}, quick());
  REQUIRE(got);
  CHECK(got->status == 200);
  CHECK(got->attempts == 2);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900));

  server.script("/down", {.status = 503, .body = "no"});
  auto down = send({.url = server.url() + "/down"}, quick());
  REQUIRE(down);  // the caller sees the last answer
  CHECK(down->status == 503);
  CHECK(down->attempts == 3);

  server.script("/missing", {.status = 404, .body = "no"});
  auto missing = send({.url = server.url() + "/missing"}, quick());
  REQUIRE(missing);
  CHECK(missing->attempts == 1);  // a 4xx other than 408/429 is final
}

TEST_CASE("send fails cleanly on timeouts, refused connections and oversized answers", "[net]") {
  TempDir dir;
  ReplayServer server(dir.path());
  server.script("/slow", {.status = 200, .body = "late", .delay = std::chrono::milliseconds(1500)});
  ClientOptions options = quick();
  options.total_timeout = std::chrono::milliseconds(300);
  options.retries = 1;
  auto slow = send({.url = server.url() + "/slow"}, options);
  REQUIRE_FALSE(slow);
  CHECK(slow.error().code == Errc::network);
  CHECK_THAT(slow.error().message, Catch::Contains("timeout") && Catch::Contains("2 attempts"));

  server.script("/big", {.status = 200, .body = std::string(5000, 'x')});
  options.max_body_bytes = 1000;
  auto big = send({.url = server.url() + "/big"}, options);
  REQUIRE_FALSE(big);
  CHECK(big.error().code == Errc::invalid_input);

  options.retries = 0;
  auto refused = send({.url = "http://127.0.0.1:1/x"}, options);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::network);

  auto bad = send({.url = "ftp://127.0.0.1/x"}, options);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_argument);
}

}  // namespace
}  // namespace hg::net
