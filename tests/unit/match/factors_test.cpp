// The factor functions one by one: ranges, the documented neutral values and the edges.
#include "match/factors.hpp"

#include <catch2/catch.hpp>

#include "match/text.hpp"

namespace hg::match {
namespace {

TEST_CASE("skills_value: smoothed coverage of the job's skills plus depth", "[match]") {
  CHECK(skills_value({}, 4, false).value == Approx(0.25));
  // Both skills (weights 2 + 1) covered, 2 of the seeker's 4: 0.7 * 3.5/5 + 0.3 * 0.5.
  const SkillHit all[] = {{Has::yes, 1, -1}, {Has::yes, 0, -1}};
  CHECK(skills_value(all, 4, false).value == Approx(0.7 * 3.5 / 5 + 0.3 * 0.5));
  // A seeker listing two skills uses them all here: full depth.
  CHECK(skills_value(all, 2, false).value == Approx(0.7 * 3.5 / 5 + 0.3));
  const SkillHit half[] = {{Has::yes, 0, -1}, {Has::no, 1, -1}};  // 1 of 3 weight
  CHECK(skills_value(half, 1, false).value == Approx(0.7 * 1.5 / 5 + 0.3));
  const SkillHit implied[] = {{Has::implied, 1, -1}};
  CHECK(skills_value(implied, 1, false).value == Approx(0.7 * 2.1 / 4 + 0.3));
  const SkillHit fresh[] = {{Has::yes, 1, 0.5f}};
  CHECK(skills_value(fresh, 1, false).value == Approx(0.7 * 2.1 / 4 + 0.3));
  const SkillHit none[] = {{Has::no, 1, -1}};
  CHECK(skills_value(none, 3, false).value == Approx(0.7 * 0.5 / 4));
  CHECK(skills_value(none, 0, false).value == Approx(0.7 * 0.5 / 4));
  // More covered skills beat fewer: one matched skill is not a perfect fit.
  const SkillHit many[] = {{Has::yes, 1, -1}, {Has::yes, 1, -1}, {Has::yes, 1, -1}, {Has::yes, 1, -1}};
  const SkillHit one[] = {{Has::yes, 1, -1}};
  CHECK(skills_value(many, 4, false).value > skills_value(one, 4, false).value);
  const SkillHit notes[] = {{Has::yes, 1, -1}, {Has::no, 1, -1}, {Has::yes, -1, -1}};
  CHECK(skills_value(notes, 4, true).note == "2/3 skills, 1/2 required");
}

TEST_CASE("seniority_value penalises a shortfall more than an excess", "[match]") {
  JobFacts job;
  Seeker seeker;
  CHECK(seniority_value(seeker, job, false).value == Approx(0.5));  // years unknown
  seeker.years = 6;
  CHECK(seniority_value(seeker, job, false).value == Approx(0.7));  // level unknown
  job.seniority = seniority_number("senior");                     // asks about 6 years
  CHECK(seniority_value(seeker, job, false).value == Approx(1.0));
  seeker.years = 3;
  CHECK(seniority_value(seeker, job, false).value == Approx(0.4));
  seeker.years = 20;  // senior and higher roles take any number of years
  CHECK(seniority_value(seeker, job, false).value == Approx(1.0));
  job.seniority = seniority_number("junior");  // asks about 1 year
  CHECK(seniority_value(seeker, job, false).value == Approx(0.4));
  seeker.years = 8;  // 7 over: 0.2 off
  CHECK(seniority_value(seeker, job, false).value == Approx(0.8));
  seeker.years = 5;
  CHECK(seniority_value(seeker, job, false).value == Approx(1.0));
}

TEST_CASE("location_value uses distance, remote mode and region restrictions", "[match]") {
  Seeker seeker;
  seeker.lat = 30.27f;  // Austin
  seeker.lon = -97.74f;
  seeker.country = "US";
  JobFacts job;
  job.lat = 30.30f;
  job.lon = -97.70f;
  CHECK(location_value(seeker, job, true, false).value == Approx(1.0));
  job.lat = 29.76f;  // Houston, ~235 km
  job.lon = -95.37f;
  const double houston = location_value(seeker, job, true, false).value;
  CHECK(houston < 0.1);
  CHECK(houston >= 0.05);
  job.remote = 3;
  CHECK(location_value(seeker, job, true, false).value == Approx(1.0));
  const std::vector<std::string> eu = {"EU"};
  CHECK(location_value(seeker, job, region_admits(eu, seeker.country), false).value == Approx(0.1));
  seeker.country = "DE";
  CHECK(location_value(seeker, job, region_admits(eu, seeker.country), false).value == Approx(1.0));
  const std::vector<std::string> emea = {"EMEA"};
  CHECK(region_admits(emea, "DE"));
  CHECK_FALSE(region_admits(emea, "US"));
  const std::vector<std::string> us = {"US"};
  CHECK(region_admits(us, "US"));
}

TEST_CASE("salary_value, visa_value and recency_value", "[match]") {
  Seeker seeker;
  JobFacts job;
  CHECK(salary_value(seeker, job, false).value == Approx(0.5));
  seeker.min_salary = 100000;
  job.salary_lo = 80000;
  job.salary_hi = 120000;
  CHECK(salary_value(seeker, job, false).value == Approx(1.0));
  job.salary_hi = 75000;  // a quarter short: halfway to zero
  CHECK(salary_value(seeker, job, false).value == Approx(0.5));

  CHECK(visa_value(seeker, job, false).value == Approx(1.0));
  seeker.needs_visa = true;
  CHECK(visa_value(seeker, job, false).value == Approx(0.4));
  job.sponsor = 1;
  CHECK(visa_value(seeker, job, false).value == Approx(0.8));
  job.visa = 0;
  CHECK(visa_value(seeker, job, false).value == Approx(0.0));

  CHECK(recency_value(job, 1000, false).value == Approx(0.3));
  job.posted_day = 970;
  CHECK(recency_value(job, 1000, false).value == Approx(0.5));
  CHECK(recency_value(job, 1000, true).note == "30 days old");
  job.first_seen_only = 1;  // same value: when hg first saw it is the best date there is
  CHECK(recency_value(job, 1000, true).value == Approx(0.5));
  CHECK(recency_value(job, 1000, true).note == "first seen 30 days ago (no posting date)");
}

TEST_CASE("Weights::share divides by the sum", "[match]") {
  Weights weights;
  double total = 0;
  for (Factor factor : kFactors) total += weights.share(factor);
  CHECK(total == Approx(1.0));
  CHECK(weights.share(Factor::skills) == Approx(0.35));
  weights.raw.fill(0);
  CHECK(weights.share(Factor::skills) == 0);
}

TEST_CASE("words keeps c++ and c#, drops stop words and one-letter words", "[match]") {
  CHECK(words("Senior C++ / C# Engineer for the Data-Platform, x") ==
        std::vector<std::string>{"senior", "c++", "c#", "engineer", "data", "platform"});
  CHECK(words("R and Go") == std::vector<std::string>{"r", "go"});
  CHECK(bm25_term(2.0, 1, 5, 5) == Approx(2.0));
  CHECK(bm25_term(2.0, 0, 5, 5) == 0);
}

TEST_CASE("day_number reads dates and date-times", "[match]") {
  CHECK(day_number("1970-01-02") == 1);
  CHECK(day_number("2026-11-21T12:00:00Z") == day_number("2026-11-21"));
  CHECK_FALSE(day_number("yesterday"));
}

}  // namespace
}  // namespace hg::match
