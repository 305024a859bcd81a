// The adapters hg ships, one per file in sources/: each file defines its function.
#pragma once

#include "scrape/source.hpp"

namespace hg::scrape {

const Adapter& greenhouse_adapter();
const Adapter& lever_adapter();
const Adapter& ashby_adapter();
const Adapter& workable_adapter();
const Adapter& smartrecruiters_adapter();
const Adapter& recruitee_adapter();
const Adapter& jsonld_adapter();
const Adapter& arbeitnow_adapter();
const Adapter& remotive_adapter();
const Adapter& remoteok_adapter();
const Adapter& himalayas_adapter();
const Adapter& jobicy_adapter();
const Adapter& themuse_adapter();
const Adapter& adzuna_adapter();
const Adapter& jsearch_adapter();
const Adapter& usajobs_adapter();
const Adapter& hackernews_adapter();
const Adapter& rss_adapter();

}  // namespace hg::scrape
