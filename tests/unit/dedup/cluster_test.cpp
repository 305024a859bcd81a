// Clustering: chains checked pair by pair, incremental runs, splits, the canonical member.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "dedup/cluster.hpp"

namespace {

using hg::dedup::features_of;
using hg::dedup::Item;
using hg::dedup::Plan;
using hg::dedup::Posting;
using hg::dedup::Splits;
using hg::dedup::Thresholds;

const std::string kText =
    "We are looking for a data analyst to join our analytics team. You will build dashboards, "
    "write SQL against our warehouse, and partner with finance and operations on forecasting, "
    "pricing and the quarterly planning cycle across every region we serve.";

Item item(std::int64_t id, const char* source, const char* location, const char* city,
          const char* date, const char* title = "Data Analyst") {
  Posting p{.id = id, .source = source, .title = title, .company = "Cenlar",
            .location = location, .city = city, .description = kText, .date = date};
  return Item{.id = id, .features = features_of(p), .cluster = 0, .fresh = true};
}

std::int64_t cluster_of(const Plan& plan, std::int64_t job) {
  for (const auto& change : plan.changes) {
    if (change.job == job) return change.cluster;
  }
  return -1;  // unchanged
}

}  // namespace

TEST_CASE("copies of one job form one cluster, led by the employer's own posting") {
  std::vector<Item> items = {item(1, "indeed", "Ewing, NJ", "Ewing", "2024-02-01"),
                             item(2, "greenhouse", "Ewing, NJ", "Ewing", "2024-02-03"),
                             item(3, "linkedin", "Ewing, NJ", "Ewing", "2024-02-05")};
  const Plan plan = hg::dedup::plan(items, Thresholds{}, Splits{});
  CHECK(plan.merges.size() == 2);
  for (std::int64_t job : {1, 2, 3}) CHECK(cluster_of(plan, job) == 2);
}

TEST_CASE("a vague posting cannot chain two cities into one cluster") {
  std::vector<Item> items = {item(1, "indeed", "Remote - US", "", "2024-02-01"),
                             item(2, "indeed", "Ewing, NJ", "Ewing", "2024-02-02"),
                             item(3, "indeed", "Trenton, NJ", "Trenton", "2024-02-03")};
  const Plan plan = hg::dedup::plan(items, Thresholds{}, Splits{});
  CHECK(plan.merges.size() == 1);
  const auto c2 = cluster_of(plan, 2), c3 = cluster_of(plan, 3);
  CHECK((c2 == -1 || c3 == -1 || c2 != c3));
  CHECK(plan.refused >= 1);
}

TEST_CASE("an incremental run joins new postings to stored clusters and leaves the rest") {
  std::vector<Item> items = {item(1, "indeed", "Ewing, NJ", "Ewing", "2024-02-01"),
                             item(2, "linkedin", "Ewing, NJ", "Ewing", "2024-02-03"),
                             item(3, "glassdoor", "Ewing, NJ", "Ewing", "2024-02-06")};
  items[0].fresh = items[1].fresh = false;
  items[0].cluster = items[1].cluster = 1;
  const Plan plan = hg::dedup::plan(items, Thresholds{}, Splits{});
  REQUIRE(plan.merges.size() == 1);
  CHECK((plan.merges[0].a == 3 || plan.merges[0].b == 3));
  CHECK(cluster_of(plan, 3) == 1);
  CHECK(cluster_of(plan, 1) == -1);  // already in cluster 1
}

TEST_CASE("postings a user split stay apart") {
  std::vector<Item> items = {item(1, "indeed", "Ewing, NJ", "Ewing", "2024-02-01"),
                             item(2, "linkedin", "Ewing, NJ", "Ewing", "2024-02-03")};
  Splits splits;
  splits.add(2, 1);
  const Plan plan = hg::dedup::plan(items, Thresholds{}, splits);
  CHECK(plan.merges.empty());
  CHECK(plan.changes.empty());
}

TEST_CASE("old postings are never compared with each other again") {
  std::vector<Item> items = {item(1, "indeed", "Ewing, NJ", "Ewing", "2024-02-01"),
                             item(2, "linkedin", "Ewing, NJ", "Ewing", "2024-02-03")};
  items[0].fresh = items[1].fresh = false;
  const Plan plan = hg::dedup::plan(items, Thresholds{}, Splits{});
  CHECK(plan.compared == 0);
  CHECK(plan.merges.empty());
}
