#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context remoteok_context(std::map<std::string, std::string> params = {}) {
  return Context{.spec = {.name = "remoteok", .kind = "remoteok", .params = std::move(params)},
                 .base_url = std::string(remoteok_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

TEST_CASE("remoteok asks for the api, by tag when given one", "[scrape][remoteok]") {
  const Adapter& adapter = remoteok_adapter();
  CHECK(adapter.kind() == "remoteok");
  CHECK_FALSE(adapter.needs_target());

  auto all = adapter.first_request(remoteok_context());
  REQUIRE(all);
  CHECK(all->url == "https://remoteok.com/api");
  CHECK(all->headers.at(0) == std::pair<std::string, std::string>{"Accept", "application/json"});
  auto tagged = adapter.first_request(remoteok_context({{"query", "c++"}}));
  REQUIRE(tagged);
  CHECK(tagged->url == "https://remoteok.com/api?tag=c%2B%2B");
}

TEST_CASE("remoteok maps the recorded api payload and skips the legal notice",
          "[scrape][remoteok]") {
  const Adapter& adapter = remoteok_adapter();
  const Context context = remoteok_context();
  const std::string body = testing::read_file(testing::fixture("sources/remoteok/api.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);
  CHECK_FALSE(page->complete);
  REQUIRE(page->jobs.size() == 4);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "remoteok");
  CHECK(first.external_id == "1134698");
  CHECK(first.title == "Australian English Voice Actor Adelaide");
  CHECK(first.company == "OpsArmy Careers");
  CHECK(first.location == "Adelaide, Adelaide, South Australia, Australia");
  CHECK(first.remote == "remote");
  CHECK(first.url == "https://remoteOK.com/remote-jobs/"
                     "remote-australian-english-voice-actor-adelaide-opsarmy-careers-1134698");
  CHECK(first.date_posted == "2026-07-10T02:20:45Z");
  CHECK_FALSE(first.salary_min);  // 0 means not given
  CHECK_FALSE(first.salary_max);
  CHECK(first.salary_currency.empty());
  CHECK(first.description.find("Australian English Voice Actor") == 0);
  CHECK_FALSE(first.description_html.empty());

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "1134650");
  CHECK(second.title == "Support Technician Level 1 2");
  CHECK(second.company == "Magic Memories");
  CHECK(second.location == "Orlando");
  CHECK(second.date_posted == "2026-07-10T00:03:02Z");

  const model::Job& fourth = page->jobs[3];
  CHECK(fourth.external_id == "1134648");
  CHECK(fourth.title == "Warehouse Inventory Clerk");
  CHECK(fourth.company == "Caribbean Bottling Company (Bahamas) Ltd.");
  CHECK(fourth.location == "Nassau");
  CHECK(fourth.date_posted == "2026-07-09T21:58:53Z");
}

TEST_CASE("remoteok reads a stated salary and the epoch when date is missing",
          "[scrape][remoteok]") {
  const Adapter& adapter = remoteok_adapter();
  const Context context = remoteok_context();
  auto page = adapter.parse(context, *adapter.first_request(context),
                            R"([{"id":"7","position":"Go developer","company":"Acme",
                                 "epoch":1783650045,"salary_min":90000,"salary_max":120000},
                                {"id":"8","position":" ","company":"Acme"}])");
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 1);
  const model::Job& job = page->jobs[0];
  CHECK(job.salary_min == 90000);
  CHECK(job.salary_max == 120000);
  CHECK(job.salary_currency == "USD");
  CHECK(job.salary_period == "year");
  CHECK(job.date_posted == "2026-07-10T02:20:45Z");
  REQUIRE(page->skipped.size() == 1);
  CHECK(page->skipped[0] == "remoteok: job 8 has no position");

  auto bad = adapter.parse(context, *adapter.first_request(context), "Too many requests");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_input);
  auto object = adapter.parse(context, *adapter.first_request(context), R"({"jobs":[]})");
  REQUIRE_FALSE(object);
  CHECK(object.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
