#include "enrichers.hpp"

#include "files.hpp"

#include <fstream>
#include <sstream>

#include "normalize/currency.hpp"
#include "normalize/location.hpp"
#include "normalize/visa.hpp"
#include "skills/taxonomy.hpp"
#include "util/embedded.hpp"

namespace hg::cli {

struct LoadedEnrichers {
  normalize::Gazetteer places;
  normalize::Rates rates;
  normalize::SponsorRegister sponsors;
  skills::Taxonomy skills;
  ingest::Enrichers view;
};

Result<std::string> read_config_file(const Session& session, std::string_view key) {
  auto config = session.config();
  if (!config) return config.error();
  const std::string path = (*config)->get_path(key).value_or("");
  if (path.empty()) return std::string();
  constexpr std::uintmax_t kMaxBytes = 64 << 20;  // users' skills and rates tables are small
  return read_small_file(path, kMaxBytes, fmt::format("config {}", key));
}

Result<skills::Taxonomy> load_taxonomy(const Session& session) {
  auto extra = read_config_file(session, "skills.extra_file");
  if (!extra) return extra.error();
  return skills::Taxonomy::load_builtin(*extra);
}

Result<EnricherSet> EnricherSet::load(const Session& session) {
  auto config = session.config();
  if (!config) return config.error();
  auto places = normalize::Gazetteer::embedded();
  if (!places) return places.error();
  auto rates_override = read_config_file(session, "salary.rates_file");
  if (!rates_override) return rates_override.error();
  auto rates = normalize::Rates::load(normalize::builtin_rates_tsv(), *rates_override);
  if (!rates) return context(rates.error(), "config salary.rates_file");
  auto sponsors = normalize::SponsorRegister::load(
      util::embedded_data("visa/uk_sponsors.txt").value_or(std::string_view{}));
  if (!sponsors) return sponsors.error();
  auto skills = load_taxonomy(session);
  if (!skills) return context(skills.error(), "skills");

  auto loaded = std::make_unique<LoadedEnrichers>(LoadedEnrichers{
      std::move(*places), std::move(*rates), std::move(*sponsors), std::move(*skills), {}});
  loaded->view.places = &loaded->places;
  loaded->view.rates = &loaded->rates;
  loaded->view.sponsors = &loaded->sponsors;
  loaded->view.skills = &loaded->skills;
  loaded->view.reporting_currency = (*config)->get("salary.reporting_currency").value_or("USD");
  loaded->view.fetched_at = session.clock().now();
  return EnricherSet(std::move(loaded));
}

EnricherSet::EnricherSet(std::unique_ptr<LoadedEnrichers> loaded) : loaded_(std::move(loaded)) {}
EnricherSet::EnricherSet(EnricherSet&&) noexcept = default;
EnricherSet::~EnricherSet() = default;
const ingest::Enrichers& EnricherSet::enrichers() const { return loaded_->view; }

}  // namespace hg::cli
