#include <catch2/catch.hpp>

#include "scrape/adapters.hpp"
#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::scrape {
namespace {

Context lever_context(std::string target = "GoToGroup") {
  return Context{.spec = {.name = "lever:" + target, .kind = "lever", .target = target},
                 .base_url = std::string(lever_adapter().default_base_url()),
                 .fetched_at = *util::parse_iso("2026-11-21T12:00:00Z")};
}

net::Request page_of(std::string_view skip, std::string_view limit) {
  return net::Request{.url = "https://api.lever.co/v0/postings/GoToGroup?mode=json&skip=" +
                             std::string(skip) + "&limit=" + std::string(limit)};
}

TEST_CASE("lever asks for the first page of a site's postings", "[scrape][lever]") {
  const Adapter& adapter = lever_adapter();
  CHECK(adapter.kind() == "lever");
  CHECK(adapter.default_base_url() == "https://api.lever.co");
  auto request = adapter.first_request(lever_context());
  REQUIRE(request);
  CHECK(request->method == "GET");
  CHECK(request->url == "https://api.lever.co/v0/postings/GoToGroup?mode=json&skip=0&limit=100");
  REQUIRE(request->headers.size() == 1);
  CHECK(request->headers[0].second == "application/json");

  auto missing = adapter.first_request(lever_context(""));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == Errc::invalid_argument);
}

TEST_CASE("lever maps the recorded postings", "[scrape][lever]") {
  const Adapter& adapter = lever_adapter();
  const Context context = lever_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/lever/postings-GoToGroup.json"));
  REQUIRE_FALSE(body.empty());
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  CHECK(page->skipped.empty());
  CHECK_FALSE(page->next);  // 5 postings for a limit of 100: the last page
  CHECK(page->complete);
  REQUIRE(page->jobs.size() == 5);

  const model::Job& first = page->jobs[0];
  CHECK(first.source == "lever:GoToGroup");
  CHECK(first.external_id == "f53cae40-f605-4215-9a82-b48c5db508b5");
  CHECK(first.title == "#10010 Senior Backend Engineer");  // requisition prefix kept as given
  CHECK(first.company == "GoToGroup");
  CHECK(first.location == "Bengaluru");
  CHECK(first.country == "IN");
  CHECK(first.city.empty());
  CHECK(first.remote == "onsite");
  CHECK(first.employment_type == "full_time");  // "Permanent"
  CHECK(first.url == "https://jobs.lever.co/GoToGroup/f53cae40-f605-4215-9a82-b48c5db508b5");
  CHECK(first.date_posted == "2024-07-22T09:03:14Z");  // createdAt in epoch milliseconds
  CHECK(first.description.find("Roll up your sleeves") == 0);
  // The lists come after the description, each under its heading.
  CHECK(first.description.find("What you will do") != std::string::npos);
  CHECK(first.description.find("Work cross-functionally with product") != std::string::npos);
  CHECK(first.description_html.find("<h3>What you will need</h3><ul><li>") != std::string::npos);
  CHECK_FALSE(first.salary_min);
  CHECK(first.salary_text.empty());

  const model::Job& second = page->jobs[1];
  CHECK(second.external_id == "73172a46-5486-4860-a256-8e17225c4a47");
  CHECK(second.title == "Account Executive (Bali)");
  CHECK(second.location == "Bali");
  CHECK(second.country == "ID");
  CHECK(second.employment_type.empty());  // no commitment on this posting
  CHECK(second.date_posted == "2024-07-12T10:06:10Z");
  // `additional` closes the description.
  CHECK(second.description.find("About The Team") != std::string::npos);

  const model::Job& intern = page->jobs[3];
  CHECK(intern.title == "Data Scientist Intern");
  CHECK(intern.employment_type == "internship");
  CHECK(intern.location == "Jakarta");
  CHECK(intern.date_posted == "2024-07-02T08:36:16Z");

  const model::Job& last = page->jobs[4];
  CHECK(last.external_id == "178ba514-705f-4f0b-9e48-fe917c47a95b");
  CHECK(last.title == "Enterprise Information Security Engineer Lead");
  CHECK(last.salary_text.empty());  // salaryDescriptionPlain is just "\n"
  CHECK_FALSE(last.salary_min);
}

TEST_CASE("lever asks for the next page while pages come back full", "[scrape][lever]") {
  const Adapter& adapter = lever_adapter();
  const Context context = lever_context();
  const std::string body =
      testing::read_file(testing::fixture("sources/lever/postings-GoToGroup.json"));
  auto page = adapter.parse(context, page_of("0", "5"), body);
  REQUIRE(page);
  REQUIRE(page->next);
  CHECK(page->next->url == "https://api.lever.co/v0/postings/GoToGroup?mode=json&skip=5&limit=5");
  CHECK(page->next->headers.size() == 1);

  auto later = adapter.parse(context, page_of("5", "5"), body);
  REQUIRE(later);
  REQUIRE(later->next);
  CHECK(later->next->url == "https://api.lever.co/v0/postings/GoToGroup?mode=json&skip=10&limit=5");

  auto short_page = adapter.parse(context, page_of("10", "6"), body);
  REQUIRE(short_page);
  CHECK_FALSE(short_page->next);
}

TEST_CASE("lever reads a salary range and skips postings it cannot map", "[scrape][lever]") {
  const Adapter& adapter = lever_adapter();
  const Context context = lever_context("acme");
  const std::string body = R"([
      {"id":"a1","text":"Platform Engineer","workplaceType":"hybrid","country":"de",
       "categories":{"commitment":"Part-time","location":"Berlin"},
       "salaryRange":{"min":60000,"max":75000,"currency":"EUR","interval":"per-year-salary"},
       "createdAt":1763726400000,"hostedUrl":"https://jobs.lever.co/acme/a1"},
      {"id":"a2","text":"Support Agent","workplaceType":"unspecified",
       "salaryDescriptionPlain":"  Up to $30/hour \n"},
      {"id":"a3","text":"  "},
      {"text":"No id"}])";
  auto page = adapter.parse(context, *adapter.first_request(context), body);
  REQUIRE(page);
  REQUIRE(page->jobs.size() == 2);
  const model::Job& job = page->jobs[0];
  CHECK(job.company == "acme");
  CHECK(job.remote == "hybrid");
  CHECK(job.country == "DE");
  CHECK(job.employment_type == "part_time");
  REQUIRE(job.salary_min);
  CHECK(*job.salary_min == Approx(60000));
  CHECK(*job.salary_max == Approx(75000));
  CHECK(job.salary_currency == "EUR");
  CHECK(job.salary_period == "year");
  CHECK(job.date_posted == "2025-11-21T12:00:00Z");
  const model::Job& text_only = page->jobs[1];
  CHECK(text_only.remote.empty());
  CHECK(text_only.salary_text == "Up to $30/hour");
  CHECK_FALSE(text_only.salary_min);
  REQUIRE(page->skipped.size() == 2);
  CHECK(page->skipped[0] == "lever: job a3: no title");
  CHECK(page->skipped[1] == "lever: record 4: no id");
}

TEST_CASE("lever rejects a body that is not its JSON", "[scrape][lever]") {
  const Adapter& adapter = lever_adapter();
  const Context context = lever_context();
  const net::Request request = *adapter.first_request(context);
  auto html = adapter.parse(context, request, "<!DOCTYPE html><title>Not found</title>");
  REQUIRE_FALSE(html);
  CHECK(html.error().code == Errc::invalid_input);
  CHECK(html.error().message.find("lever: not JSON") == 0);
  auto grouped = adapter.parse(context, request, R"({"ok":false,"error":"Document not found"})");
  REQUIRE_FALSE(grouped);
  CHECK(grouped.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace hg::scrape
