#include "match_records.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "model/job.hpp"
#include "output.hpp"

namespace hg::cli {

std::string place_cell(const model::Job& job) {
  std::string place = job.location;
  if (place.empty()) {
    for (const std::string* part : {&job.city, &job.region, &job.country}) {
      if (part->empty()) continue;
      place += (place.empty() ? "" : ", ") + *part;
    }
  }
  if (job.remote == "remote" && place.find("emote") == std::string::npos) {
    place = place.empty() ? "Remote" : "Remote (" + place + ")";
  }
  return place;
}

double round4(double value) { return std::round(value * 10000) / 10000; }

void add_explanation(nlohmann::ordered_json& record, const match::Explanation& e,
                     const match::Weights& weights) {
  nlohmann::ordered_json factors = nlohmann::ordered_json::object();
  for (match::Factor factor : match::kFactors) {
    const auto f = static_cast<std::size_t>(factor);
    const std::string name(match::factor_name(factor));
    record[name + "_score"] = round4(e.contribution[f]);
    record[name + "_value"] = round4(e.factors[f].value);
    factors[name] = {{"value", round4(e.factors[f].value)},
                     {"weight", round4(weights.share(factor))},
                     {"contribution", round4(e.contribution[f])},
                     {"note", e.factors[f].note}};
  }
  record["matching"] = e.matching;
  record["implied"] = e.implied;
  record["missing"] = e.missing;
  record["reasons"] = e.reasons;
  record["factors"] = std::move(factors);
}

std::vector<std::string> factor_fields() {
  std::vector<std::string> fields;
  for (match::Factor factor : match::kFactors) {
    fields.push_back(std::string(match::factor_name(factor)) + "_score");
    fields.push_back(std::string(match::factor_name(factor)) + "_value");
  }
  for (const char* name : {"matching", "implied", "missing", "reasons", "why"}) fields.emplace_back(name);
  return fields;
}

void flatten_lists(nlohmann::ordered_json& record) {
  for (const char* key : {"matching", "implied", "missing", "reasons"}) {
    std::vector<std::string> items = record[key].get<std::vector<std::string>>();
    record[key] = fmt::format("{}", fmt::join(items, "; "));
  }
  record.erase("factors");
}

std::vector<std::string> job_fields() {
  std::vector<std::string> fields = {"rank", "score", "id", "title", "company", "place",
                                     "country", "remote", "salary", "salary_annual", "posted",
                                     "age_days", "cluster_size", "url"};
  for (std::string& field : factor_fields()) fields.push_back(std::move(field));
  return fields;
}

void print_explained(const std::vector<nlohmann::ordered_json>& records) {
  for (const auto& r : records) {
    fmt::print("{:>2}. {}  {} — {} ({}){}\n", r["rank"].get<int>(), cell_text(r["score"]),
               r["title"].get<std::string>(), r["company"].get<std::string>(),
               r["place"].get<std::string>(),
               r["cluster_size"].get<int>() > 1 ? fmt::format(" [{} postings]", r["cluster_size"].get<int>()) : "");
    std::string factors;
    for (match::Factor factor : match::kFactors) {
      const std::string name(match::factor_name(factor));
      const auto& f = r["factors"][name];
      factors += fmt::format("    {:<10} {:.3f} = {:.2f} x {:.2f}  {}\n", name, f["contribution"].get<double>(),
                             f["weight"].get<double>(), f["value"].get<double>(), f["note"].get<std::string>());
    }
    fmt::print("{}", factors);
    auto list = [&r](const char* key) { return fmt::format("{}", fmt::join(r[key].get<std::vector<std::string>>(), ", ")); };
    if (!r["matching"].empty()) fmt::print("    has:      {}\n", list("matching"));
    if (!r["implied"].empty()) fmt::print("    implied:  {}\n", list("implied"));
    if (!r["missing"].empty()) fmt::print("    missing:  {}\n", list("missing"));
    if (r.contains("why") && !r["why"].get<std::string>().empty()) {
      fmt::print("    above #{}: {}\n", r["rank"].get<int>() + 1, r["why"].get<std::string>());
    }
    fmt::print("\n");
  }
}

}  // namespace hg::cli
