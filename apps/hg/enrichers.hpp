// The reference data import needs to derive facts (gazetteer, rates, sponsor register, skills
// taxonomy), loaded once per run from what hg embeds plus the user's files named in config.
#pragma once

#include <memory>

#include "ingest/enrich.hpp"
#include "session.hpp"
#include "skills/taxonomy.hpp"

namespace hg::cli {

struct LoadedEnrichers;

// Owns the loaded tables; `enrichers()` points into them.
class EnricherSet {
 public:
  // Errors: invalid_input for a broken user file (skills.extra_file, salary.rates_file),
  // not_found when a configured file is missing.
  static Result<EnricherSet> load(const Session& session);
  EnricherSet(EnricherSet&&) noexcept;
  ~EnricherSet();
  const ingest::Enrichers& enrichers() const;

 private:
  explicit EnricherSet(std::unique_ptr<LoadedEnrichers> loaded);
  std::unique_ptr<LoadedEnrichers> loaded_;
};

// The text of a user file named by a config key ("" when the key is unset; "~/" expanded).
// Errors: not_found, invalid_input (over 64 MiB), failed; the message names the key.
Result<std::string> read_config_file(const Session& session, std::string_view key);

// The built-in skills taxonomy plus the user's skills.extra_file, when the config names one.
Result<skills::Taxonomy> load_taxonomy(const Session& session);

}  // namespace hg::cli
