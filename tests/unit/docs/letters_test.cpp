#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "docs/claims.hpp"
#include "docs/cover_letter.hpp"
#include "model/json.hpp"
#include "skills/taxonomy.hpp"

namespace hg::docs {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const skills::Taxonomy& taxonomy() {
  static const skills::Taxonomy loaded = *skills::Taxonomy::load_builtin();
  return loaded;
}

model::Job nordlicht() {
  model::Job job;
  job.title = "Senior Data Engineer";
  job.company = "Nordlicht GmbH";
  job.city = "Berlin";
  job.skills = {{"Python", true}, {"SQL", true}, {"Kubernetes", false}};
  return job;
}

LetterFacts zoe() {
  auto profile = model::profile_from_json_resume(
      read(std::string(HG_FIXTURES) + "/pipeline/zoe.resume.json"), "zoe", "2026-11-21");
  REQUIRE(profile);
  return letter_facts(*profile, nordlicht(), &taxonomy(), "2026-11-21");
}

TEST_CASE("letter facts split the job's skills into matching and missing", "[docs]") {
  const LetterFacts facts = zoe();
  CHECK(facts.name == "Zoë Łukasz Ångström");
  CHECK(facts.matching_skills == std::vector<std::string>{"Python", "SQL"});
  CHECK(facts.missing_skills == std::vector<std::string>{"Kubernetes"});
  REQUIRE(facts.roles.size() == 2);
  CHECK(facts.roles[0].employer == "Fjord Analytics");
  CHECK(facts.roles[0].current);
  CHECK(facts.roles[0].period == "since 2021");
  CHECK(facts.roles[1].period == "2017\u20132021");
  CHECK(facts.date == "21 November 2026");
  CHECK(facts.years == 9);
}

TEST_CASE("every built-in template renders a letter with no unsupported claim", "[docs]") {
  const LetterFacts facts = zoe();
  const auto names = builtin_template_names();
  REQUIRE(names.size() >= 2);
  for (const std::string& name : names) {
    INFO(name);
    auto letter = render_letter(*builtin_template(name), facts);
    REQUIRE(letter);
    CHECK_THAT(*letter, Catch::Contains("Nordlicht GmbH"));
    CHECK_THAT(*letter, Catch::Contains("Zoë Łukasz Ångström"));
    CHECK(letter->find("\n\n\n") == std::string::npos);
    const auto claims = unsupported_claims(*letter, facts, &taxonomy());
    for (const Claim& claim : claims) UNSCOPED_INFO(claim.kind << ": " << claim.text);
    CHECK(claims.empty());
  }
}

TEST_CASE("render_letter keeps text as written and refuses broken templates", "[docs]") {
  LetterFacts facts;
  facts.company = "R&D <Labs>";
  auto letter = render_letter("Dear {{company}} team", facts);
  REQUIRE(letter);
  CHECK(*letter == "Dear R&D <Labs> team");
  CHECK(render_letter(std::string(70'000, 'x'), facts).error().code == Errc::invalid_input);
  CHECK(render_letter("bad \xff byte", facts).error().code == Errc::invalid_input);
}

TEST_CASE("unsupported_claims flags what the profile does not say", "[docs]") {
  const LetterFacts facts = zoe();
  auto kinds = [&](std::string_view letter) {
    std::vector<std::string> out;
    for (const Claim& claim : unsupported_claims(letter, facts, &taxonomy())) {
      out.push_back(claim.kind + ":" + claim.text);
    }
    return out;
  };
  CHECK(kinds("At Fjord Analytics I use Python and SQL daily.").empty());
  CHECK(kinds("I studied at TU Berlin and worked with Airflow.").empty());
  CHECK(kinds("The warehouse served 12 teams; the batch fell from 6 hours to 40 minutes.").empty());
  CHECK(kinds("I have 9 years of experience.").empty());
  CHECK(kinds("I have 15 years of experience.") == std::vector<std::string>{"figure:15"});
  CHECK(kinds("I led Kubernetes migrations.") == std::vector<std::string>{"skill:Kubernetes"});
  CHECK(kinds("I was a consultant at McKinsey & Company.") ==
        std::vector<std::string>{"employer:McKinsey & Company"});
  CHECK(kinds("As Chief Data Officer I set the strategy.") ==
        std::vector<std::string>{"title:Chief Data Officer"});
  CHECK(kinds("As Senior Data Engineer I own our pipelines.").empty());
  CHECK(kinds("I raised conversion by 35%.") == std::vector<std::string>{"figure:35%"});
  CHECK(kinds("I'm keen to join Nordlicht GmbH.").empty());
}

TEST_CASE("line_diff shows removed and added lines", "[docs]") {
  CHECK(line_diff("a\nb\nc", "a\nb\nc").empty());
  CHECK(line_diff("a\nb\nc", "a\nx\nc") == "  a\n- b\n+ x\n  c\n");
  CHECK(line_diff("", "new") == "- \n+ new\n");
}

TEST_CASE("claims_json is a JSON array of kind, text and reason", "[docs]") {
  CHECK(claims_json({}) == "[]");
  CHECK(claims_json({{"figure", "300%", "why"}}) ==
        "[{\"kind\":\"figure\",\"reason\":\"why\",\"text\":\"300%\"}]");
}

}  // namespace
}  // namespace hg::docs
