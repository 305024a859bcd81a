#include "dedup_run.hpp"

#include <algorithm>
#include <thread>

#include "util/strings.hpp"

namespace hg::cli {
namespace {

Result<double> number_setting(const Config& config, const char* key, double fallback, double low,
                              double high) {
  const auto text = config.get(key);
  if (!text || text->empty()) return fallback;
  const auto value = util::parse_double(*text);
  if (!value || *value < low || *value > high) {
    return fail(Errc::invalid_argument, "config: {} must be a number from {} to {}, got \"{}\"", key,
                low, high, *text);
  }
  return *value;
}

}  // namespace

Result<dedup::Thresholds> dedup_thresholds(const Session& session) {
  dedup::Thresholds t;
  auto config = session.config();
  if (!config) return config.error();
  const Config& c = **config;
  auto score = number_setting(c, "dedup.score", t.score, 0, 1);
  auto title = number_setting(c, "dedup.title", t.title, 0, 1);
  auto company = number_setting(c, "dedup.company", t.company, 0, 1);
  auto description = number_setting(c, "dedup.description", t.description, 0, 1);
  auto window = number_setting(c, "dedup.window_days", t.window_days, 0, 36500);
  auto distance = number_setting(c, "dedup.distance_km", t.distance_km, 0, 20000);
  for (auto* r : {&score, &title, &company, &description, &window, &distance}) {
    if (!*r) return r->error();
  }
  t.score = *score;
  t.title = *title;
  t.company = *company;
  t.description = *description;
  t.window_days = static_cast<int>(*window);
  t.distance_km = *distance;
  return t;
}

Result<dedup::RunReport> run_dedup_pass(
    const Session& session, const store::Db& db, bool rebuild, bool dry_run,
    const std::vector<std::pair<std::int64_t, std::string>>* precomputed) {
  auto thresholds = dedup_thresholds(session);
  if (!thresholds) return thresholds.error();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return dedup::run(db, {.thresholds = *thresholds,
                         .rebuild = rebuild,
                         .dry_run = dry_run,
                         .threads = static_cast<int>(std::min(cores, 4u)),
                         .now = session.now_iso(),
                         .precomputed = precomputed});
}

}  // namespace hg::cli
