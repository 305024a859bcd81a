// The profiles repository: candidates with their skills, keyed by a unique handle.
#pragma once

#include <string_view>
#include <vector>

#include "model/profile.hpp"
#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::store {

struct SavedProfile {
  model::ProfileId id = 0;
  bool created = false;  // false: an existing profile of that name was updated
};

// Creates or replaces the profile named `profile.name` (its skills too) in one transaction.
// The first profile in a store becomes the default. Errors: busy, failed.
Result<SavedProfile> save_profile(const Db& db, const model::Profile& profile,
                                  std::string_view now);

// By handle; an empty name means the default profile. Errors: not_found (hint), failed.
Result<model::Profile> find_profile(const Db& db, std::string_view name);

// By id. Errors: not_found, failed.
Result<model::Profile> find_profile_by_id(const Db& db, model::ProfileId id);

// Every profile, default first, then by name. Errors: failed.
Result<std::vector<model::Profile>> list_profiles(const Db& db);

}  // namespace hg::store
