#include "model/json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/catch_printers.hpp"
#include "support/temp_dir.hpp"

namespace hg::model {
namespace {

using Json = nlohmann::ordered_json;

TEST_CASE("a Job maps to JSON in contract order with nulls for unknown fields", "[model]") {
  Job job;
  job.id = 7;
  job.source = "greenhouse";
  job.title = "Data engineer";
  job.company = "Acme";
  job.salary_min = 90000;
  job.visa_sponsorship = false;
  job.first_seen = "2026-01-02T03:04:05Z";

  Json out;
  to_json(out, job);
  std::vector<std::string> keys;
  for (const auto& item : out.items()) keys.push_back(item.key());
  CHECK(keys == job_field_names());
  CHECK(keys.front() == "id");
  CHECK(keys.size() == 38);
  CHECK_FALSE(out.contains("raw"));  // every Job field but the source record itself

  CHECK(out["id"] == 7);
  CHECK(out["source"] == "greenhouse");
  CHECK(out["title"] == "Data engineer");
  CHECK(out["external_id"].is_null());  // "" is unknown
  CHECK(out["country"].is_null());
  CHECK(out["salary_min"] == 90000.0);
  CHECK(out["salary_max"].is_null());       // nullopt is unknown
  CHECK(out["visa_sponsorship"] == false);  // known "no" is not null
  CHECK(out["cluster_id"].is_null());
  CHECK(out["description"] == "");  // always text
  CHECK(out["last_seen"] == "");
  CHECK(out["first_seen"] == "2026-01-02T03:04:05Z");
}

TEST_CASE("job_field_names lists every Job field once in contract order", "[model]") {
  const auto& names = job_field_names();
  CHECK(names[0] == "id");
  CHECK(names[1] == "source");
  CHECK(names[5] == "title");
  CHECK(names[6] == "company");
  CHECK(names.back() == "description_html");
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}

TEST_CASE("a Profile maps to JSON with its skills and resume document", "[model]") {
  Profile profile;
  profile.id = 3;
  profile.name = "jane";
  profile.skills = {{"Rust", "expert", 4.5}, {"SQL", "", std::nullopt}};
  profile.titles = {"Staff engineer"};
  profile.resume_json = R"({"basics":{"name":"Jane"}})";
  profile.is_default = true;

  Json out;
  to_json(out, profile);
  CHECK(out["name"] == "jane");
  CHECK(out["full_name"].is_null());
  CHECK(out["skills"].size() == 2);
  CHECK(out["skills"][0]["name"] == "Rust");
  CHECK(out["skills"][0]["years"] == 4.5);
  CHECK(out["skills"][1]["level"].is_null());
  CHECK(out["titles"] == Json::array({"Staff engineer"}));
  CHECK(out["is_default"] == true);
  CHECK(out["resume"]["basics"]["name"] == "Jane");

  SECTION("an empty resume document is an empty object") {
    profile.resume_json.clear();
    to_json(out, profile);
    CHECK(out["resume"] == Json::object());
  }
}

TEST_CASE("an Event maps to JSON with its data as JSON, not text", "[model]") {
  Event event;
  event.id = 1;
  event.at = "2026-01-01T00:00:00Z";
  event.kind = "jobs.imported";
  event.data = R"({"inserted":2})";
  Json out;
  to_json(out, event);
  CHECK(out["kind"] == "jobs.imported");
  CHECK(out["subject_type"].is_null());
  CHECK(out["data"]["inserted"] == 2);
}

TEST_CASE("annualise converts each pay period to a full-time year", "[model]") {
  CHECK(annualise(100000, "year") == 100000.0);
  CHECK(annualise(5000, "month") == 60000.0);
  CHECK(annualise(1000, "week") == 52000.0);
  CHECK(annualise(400, "day") == 104000.0);
  CHECK(annualise(50, "hour") == 104000.0);
  CHECK_FALSE(annualise(50, ""));
  CHECK_FALSE(annualise(50, "fortnight"));
}

TEST_CASE("profile_from_json_resume reads a real JSON Resume", "[model]") {
  const std::string text = testing::read_file(testing::fixture("resumes/03.resume.json"));
  REQUIRE_FALSE(text.empty());
  auto profile = profile_from_json_resume(text, "juan", "2026-01-15");
  REQUIRE(profile);

  CHECK(profile->name == "juan");
  CHECK(profile->full_name == "Juan Camilo Camacho Beltrán");
  CHECK(profile->label == "Desarrollador Fullstack Senior (foco Backend) · 100% Remoto");
  CHECK(profile->email == "juanccamachob94@gmail.com");
  CHECK(profile->phone == "+52 55 2128 9258");
  CHECK(profile->location == "Ciudad de México, CDMX, MX");
  CHECK(profile->country == "MX");

  SECTION("skill groups with keywords give one skill per keyword") {
    REQUIRE(profile->skills.size() == 63);
    CHECK(profile->skills.front().name == "JavaScript");
    CHECK(profile->skills[6].name == "Ruby on Rails");  // first of the "Backend" group
    CHECK(profile->skills.back().name == "GitHub");
    CHECK(profile->skills.front().level == "");
    CHECK_FALSE(profile->skills.front().years);
  }
  SECTION("titles are newest first, each once") {
    CHECK(profile->titles == std::vector<std::string>{
                                 "Gerente de Desarrollo", "Líder de Desarrollo · Fullstack",
                                 "Desarrollador Backend", "Consultor de Desarrollo y Programación",
                                 "Programador Freelance", "Analista TI e Ingeniero de Desarrollo"});
  }
  SECTION("experience counts the union of work spans up to today") {
    // 2017-02..2018-03 (14 months) and 2018-05..2026-01 (93 months): 107 months.
    REQUIRE(profile->years_experience);
    CHECK(*profile->years_experience == Approx(8.9));
    auto earlier = profile_from_json_resume(text, "juan", "2025-07-31");
    REQUIRE(earlier);
    CHECK(*earlier->years_experience == Approx(8.4));  // 14 + 87 months
  }
  SECTION("the document is kept as JSON") {
    auto doc = nlohmann::json::parse(profile->resume_json);
    CHECK(doc["basics"]["name"] == "Juan Camilo Camacho Beltrán");
  }
}

TEST_CASE("profile_from_json_resume handles small and odd documents", "[model]") {
  SECTION("skills without keywords are skills themselves, deduplicated without case") {
    auto profile = profile_from_json_resume(
        R"({"basics": {"name": " Ann ", "location": {"countryCode": "gb"}},
            "skills": [{"name": "Go", "level": "Expert"}, {"name": "go"},
                       {"name": "Web", "keywords": ["HTML", " CSS ", 3]}]})",
        "ann", "2026-01-01");
    REQUIRE(profile);
    CHECK(profile->full_name == "Ann");
    CHECK(profile->country == "GB");
    CHECK(profile->location == "gb");
    REQUIRE(profile->skills.size() == 3);
    CHECK(profile->skills[0].name == "Go");
    CHECK(profile->skills[0].level == "Expert");
    CHECK(profile->skills[1].name == "HTML");
    CHECK(profile->skills[2].name == "CSS");
    CHECK_FALSE(profile->years_experience);  // no work at all
  }
  SECTION("overlapping jobs count once") {
    auto profile = profile_from_json_resume(
        R"({"basics": {"email": "a@example.com"},
            "work": [{"position": "A", "startDate": "2020-01", "endDate": "2021-12"},
                     {"position": "B", "startDate": "2021-01-15", "endDate": "2021-06"},
                     {"position": "C", "startDate": ""}]})",
        "a", "2026-01-01");
    REQUIRE(profile);
    CHECK(*profile->years_experience == Approx(2.0));
    CHECK(profile->titles == std::vector<std::string>{"B", "A", "C"});
  }
  SECTION("text that is not a JSON Resume is invalid_input") {
    for (const char* bad : {"", "{", "[1, 2]", "\"text\"", R"({"basics": {"label": "x"}})"}) {
      INFO(bad);
      auto profile = profile_from_json_resume(bad, "x", "2026-01-01");
      REQUIRE_FALSE(profile);
      CHECK(profile.error().code == Errc::invalid_input);
    }
  }
}

}  // namespace
}  // namespace hg::model
