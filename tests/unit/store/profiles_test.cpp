#include "store/profiles.hpp"

#include <catch2/catch.hpp>

#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::store {
namespace {

constexpr std::string_view kMonday = "2026-01-19T09:00:00Z";
constexpr std::string_view kTuesday = "2026-01-20T09:00:00Z";

model::Profile make_profile(std::string name, std::vector<model::ProfileSkill> skills = {}) {
  model::Profile profile;
  profile.name = std::move(name);
  profile.full_name = "Jane Doe";
  profile.email = "jane@example.com";
  profile.country = "GB";
  profile.years_experience = 6.5;
  profile.min_salary = 70000;
  profile.salary_currency = "GBP";
  profile.needs_visa = true;
  profile.remote_preference = "remote";
  profile.resume_json = R"({"basics":{"name":"Jane Doe"}})";
  profile.skills = std::move(skills);
  return profile;
}

std::vector<std::string> skill_names(const model::Profile& profile) {
  std::vector<std::string> names;
  for (const auto& skill : profile.skills) names.push_back(skill.name);
  return names;
}

TEST_CASE("save_profile stores a profile that find_profile reads back", "[store]") {
  testing::TempStore store;
  auto saved = save_profile(
      store.db(), make_profile("jane", {{"Rust", "expert", 4.0}, {"SQL", "", {}}}), kMonday);
  REQUIRE(saved);
  CHECK(saved->created);
  CHECK(saved->id > 0);

  auto found = find_profile(store.db(), "jane");
  REQUIRE(found);
  CHECK(found->id == saved->id);
  CHECK(found->full_name == "Jane Doe");
  CHECK(found->label == "");
  CHECK(found->country == "GB");
  CHECK(found->years_experience == 6.5);
  CHECK(found->min_salary == 70000.0);
  CHECK(found->needs_visa == true);
  CHECK(found->remote_preference == "remote");
  CHECK(found->resume_json == R"({"basics":{"name":"Jane Doe"}})");
  CHECK(found->is_default);  // the first profile in a store
  CHECK(found->created_at == kMonday);
  CHECK(found->updated_at == kMonday);
  REQUIRE(found->skills.size() == 2);
  CHECK(found->skills[0].name == "Rust");
  CHECK(found->skills[0].level == "expert");
  CHECK(found->skills[0].years == 4.0);
  CHECK(found->skills[1].name == "SQL");
  CHECK_FALSE(found->skills[1].years);

  SECTION("an empty name finds the default profile") {
    auto by_default = find_profile(store.db(), "");
    REQUIRE(by_default);
    CHECK(by_default->name == "jane");
    auto by_empty_view = find_profile(store.db(), std::string_view());
    REQUIRE(by_empty_view);
    CHECK(by_empty_view->name == "jane");
  }
}

TEST_CASE("save_profile replaces a profile of the same name, skills too", "[store]") {
  testing::TempStore store;
  auto first = save_profile(store.db(), make_profile("jane", {{"Rust", "", {}}}), kMonday);
  REQUIRE(first);
  model::Profile changed =
      make_profile("jane", {{"Go", "", {}}, {"Go", "dup", {}}, {"SQL", "", {}}});
  changed.label = "Staff engineer";
  changed.needs_visa.reset();
  auto second = save_profile(store.db(), changed, kTuesday);
  REQUIRE(second);
  CHECK_FALSE(second->created);
  CHECK(second->id == first->id);

  auto found = find_profile(store.db(), "jane");
  REQUIRE(found);
  CHECK(found->label == "Staff engineer");
  CHECK_FALSE(found->needs_visa);
  CHECK(skill_names(*found) == std::vector<std::string>{"Go", "SQL"});  // a repeat is kept once
  CHECK(found->created_at == kMonday);
  CHECK(found->updated_at == kTuesday);
  CHECK(found->is_default);
}

TEST_CASE("list_profiles puts the default first, then the rest by name", "[store]") {
  testing::TempStore store;
  for (const char* name : {"zed", "bob", "amy"}) {
    REQUIRE(save_profile(store.db(), make_profile(name, {{std::string("skill-") + name, "", {}}}),
                         kMonday));
  }
  auto profiles = list_profiles(store.db());
  REQUIRE(profiles);
  REQUIRE(profiles->size() == 3);
  CHECK((*profiles)[0].name == "zed");
  CHECK((*profiles)[0].is_default);
  CHECK((*profiles)[1].name == "amy");
  CHECK_FALSE((*profiles)[1].is_default);
  CHECK((*profiles)[2].name == "bob");
  CHECK(skill_names((*profiles)[2]) == std::vector<std::string>{"skill-bob"});
}

TEST_CASE("find_profile reports a missing profile as not_found", "[store]") {
  testing::TempStore store;
  SECTION("no default in an empty store") {
    auto found = find_profile(store.db(), "");
    REQUIRE_FALSE(found);
    CHECK(found.error().code == Errc::not_found);
    CHECK(found.error().message == "no default profile in this store");
    CHECK_FALSE(found.error().hint.empty());
  }
  SECTION("an unknown name") {
    REQUIRE(save_profile(store.db(), make_profile("jane"), kMonday));
    auto found = find_profile(store.db(), "nobody");
    REQUIRE_FALSE(found);
    CHECK(found.error().code == Errc::not_found);
    CHECK(found.error().message == "profile nobody not found");
  }
  SECTION("an empty store lists no profiles") {
    auto profiles = list_profiles(store.db());
    REQUIRE(profiles);
    CHECK(profiles->empty());
  }
}

}  // namespace
}  // namespace hg::store
