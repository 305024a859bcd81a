// Canonical job URLs: the same posting reached through different links compares equal.
#pragma once

#include <string>
#include <string_view>

namespace hg::normalize {

// Lower-cases scheme and host, maps http to https, drops "www.", default ports, fragments,
// tracking parameters (utm_*, gclid, fbclid, ref, source, trk, lever-origin, gh_src ...) and a
// trailing slash, and sorts the remaining query parameters. Returns "" for text that is not an
// http(s) URL.
std::string canonical_url(std::string_view url);

}  // namespace hg::normalize
