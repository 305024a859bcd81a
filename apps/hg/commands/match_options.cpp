#include "match_options.hpp"

#include <chrono>

#include "../files.hpp"
#include "../when.hpp"
#include "match/query.hpp"
#include "model/json.hpp"
#include "resume/parse.hpp"
#include "store/profiles.hpp"
#include "util/strings.hpp"

namespace hg::cli {
namespace {

constexpr std::uintmax_t kMaxResumeBytes = 20 * 1024 * 1024;  // as hg parse-resume

}  // namespace

std::int64_t config_int(const Config& config, std::string_view key, std::int64_t fallback) {
  auto text = config.get(key);
  if (!text) return fallback;
  return util::parse_int(*text).value_or(fallback);
}

Result<match::Weights> weights_from(const Config& config) {
  match::Weights weights;
  double total = 0;
  for (match::Factor factor : match::kFactors) {
    const std::string key = fmt::format("match.weight.{}", match::factor_name(factor));
    const std::int64_t value = config_int(config, key, static_cast<std::int64_t>(weights[factor]));
    if (value < 0) return fail(Errc::invalid_input, "config: {} must not be negative", key);
    weights[factor] = static_cast<double>(value);
    total += weights[factor];
  }
  if (total <= 0) return fail(Errc::invalid_input, "config: the match.weight.* keys are all 0");
  return weights;
}

Result<model::Profile> seeker_profile(const Session& session, const store::Db& db,
                                      const MatchArgs& args, const skills::Taxonomy& taxonomy,
                                      const normalize::Gazetteer& gazetteer) {
  if (!args.resume.empty()) {
    auto text = read_small_file(args.resume, kMaxResumeBytes, "--resume");
    if (!text) return text.error();
    // A JSON Resume is read as it is; a PDF, DOCX, HTML or text resume is parsed first, as
    // `hg parse-resume` does (same limits, 10 s at most).
    const std::string_view body = util::trim(*text);
    if (body.empty() || body.front() != '{') {
      resume::ParseOptions options;
      options.gazetteer = &gazetteer;
      options.taxonomy = &taxonomy;
      options.limits.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      auto parsed = resume::parse_resume(*text, options);
      if (!parsed) return context(parsed.error(), "--resume: " + args.resume);
      *text = resume::to_json_resume(*parsed, false);
    }
    auto profile = model::profile_from_json_resume(*text, "resume", session.now_iso().substr(0, 10));
    if (!profile) return context(profile.error(), "--resume: " + args.resume);
    return *profile;
  }
  if (args.profile.empty() && (!args.skills.empty() || !args.overrides.title.empty())) {
    model::Profile flags_only;
    flags_only.name = "flags";
    return flags_only;
  }
  auto profile = store::find_profile(db, args.profile);
  if (!profile) {
    Error error = profile.error();
    if (error.code == Errc::not_found) {
      error.hint = args.profile.empty()
                       ? "`hg import profiles resume.json` saves one; or give --resume FILE or --skills"
                       : "`hg export profiles` lists the saved profiles";
    }
    return error;
  }
  return *profile;
}

Result<match::RankOptions> rank_options(const Session& session, const Config& config,
                                        const normalize::Gazetteer& gazetteer, const MatchArgs& args) {
  match::RankOptions options;
  auto weights = weights_from(config);
  if (!weights) return weights.error();
  options.weights = *weights;
  options.limit = static_cast<std::size_t>(args.limit > 0 ? args.limit
                                                          : std::max<std::int64_t>(1, config_int(config, "match.limit", 20)));
  options.per_company = static_cast<std::size_t>(
      args.per_company ? *args.per_company : std::max<std::int64_t>(0, config_int(config, "match.per_company", 3)));
  options.min_score = args.min_score;
  const std::string now = session.now_iso();
  options.today = match::day_number(now).value_or(0);

  match::Filters& filters = options.filters;
  filters.remote = match::remote_number(args.remote);
  if (!args.remote.empty() && filters.remote == 0) {
    return fail(Errc::invalid_argument, "--remote: expected remote, hybrid or onsite, got \"{}\"", args.remote);
  }
  filters.country = args.country;  // checked and upper-cased by country_code()
  if (args.radius && args.near.empty()) return fail(Errc::invalid_argument, "--radius needs --near PLACE");
  if (!args.near.empty()) {
    normalize::Location location = normalize::parse_location(gazetteer, args.near);
    const normalize::Place* found = nullptr;
    for (const normalize::Place& place : location.places) {
      if (place.lat && place.lon) {
        found = &place;
        break;
      }
    }
    if (found == nullptr) {
      Error error = fail(Errc::not_found, "--near: no coordinates for \"{}\"", args.near);
      error.hint = "give a city the gazetteer knows, e.g. \"Austin, TX\" or \"Berlin, DE\"";
      return error;
    }
    filters.near_lat = *found->lat;
    filters.near_lon = *found->lon;
    filters.radius_km = args.radius.value_or(50);
  }
  filters.min_salary = args.overrides.min_salary;
  filters.visa = args.visa;
  if (!args.since.empty()) {
    if (auto date = match::day_number(args.since); date && args.since.size() >= 10) {
      filters.since_day = *date;
    } else {
      auto span = parse_span(args.since, "--since");
      if (!span) return span.error();
      filters.since_day = options.today - static_cast<std::int32_t>(span->count() / 86400);
    }
  }
  for (const std::string& type : args.types) {
    const std::uint8_t number = match::employment_number(type);
    const auto known = match::employment_types();
    if (number == 0 || number >= known.size() || known[number] != type) {
      return fail(Errc::invalid_argument,
                  "--type: expected full_time, part_time, contract, temporary, internship, "
                  "volunteer, per_diem or other, got \"{}\"", type);
    }
    filters.types.push_back(number);
  }
  filters.include_closed = args.all;
  return options;
}

}  // namespace hg::cli
