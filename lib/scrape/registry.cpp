#include <algorithm>

#include "scrape/adapters.hpp"

namespace hg::scrape {

std::vector<const Adapter*> all_adapters() {
  std::vector<const Adapter*> out = {
      &greenhouse_adapter(),
      &lever_adapter(),
      &ashby_adapter(),
      &workable_adapter(),
      &smartrecruiters_adapter(),
      &recruitee_adapter(),
      &jsonld_adapter(),
      &arbeitnow_adapter(),
      &remotive_adapter(),
      &remoteok_adapter(),
      &himalayas_adapter(),
      &jobicy_adapter(),
      &themuse_adapter(),
      &adzuna_adapter(),
      &jsearch_adapter(),
      &usajobs_adapter(),
      &hackernews_adapter(),
      &rss_adapter(),
  };
  std::sort(out.begin(), out.end(), [](const Adapter* a, const Adapter* b) { return a->kind() < b->kind(); });
  return out;
}

const Adapter* find_adapter(std::string_view kind) {
  for (const Adapter* adapter : all_adapters()) {
    if (adapter->kind() == kind) return adapter;
  }
  return nullptr;
}

}  // namespace hg::scrape
