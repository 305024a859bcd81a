#include "normalize/url.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "util/strings.hpp"

namespace hg::normalize {
namespace {

bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kExact = {
      "gclid",  "fbclid",   "msclkid", "dclid",     "yclid",  "ref",          "referrer",
      "source", "src",      "trk",     "trkinfo",   "gh_src", "lever-origin", "lever-source",
      "mc_cid", "mc_eid",   "_hsenc",  "_hsmi",     "igshid", "campaign",     "from",
      "sid"};
  if (name.starts_with("utm_")) return true;
  return std::find(kExact.begin(), kExact.end(), name) != kExact.end();
}

}  // namespace

std::string canonical_url(std::string_view url) {
  std::string_view rest = util::trim(url);
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const std::string scheme = util::to_lower(rest.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return {};
  rest.remove_prefix(scheme_end + 3);

  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  std::string_view query;
  if (auto question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  const std::size_t slash = rest.find('/');
  std::string host = util::to_lower(rest.substr(0, slash));
  std::string path(slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash));
  if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);  // user info
  if (host.ends_with(":80") || host.ends_with(":443")) host.erase(host.rfind(':'));
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.empty()) return {};
  while (path.size() > 1 && path.back() == '/') path.pop_back();

  std::vector<std::string> kept;
  for (const std::string& pair : util::split(query, '&')) {
    if (pair.empty()) continue;
    const std::string name = util::to_lower(pair.substr(0, pair.find('=')));
    if (!is_tracking_parameter(name)) kept.push_back(pair);
  }
  std::sort(kept.begin(), kept.end());
  std::string canonical = "https://" + host + path;
  for (std::size_t i = 0; i < kept.size(); ++i) canonical += (i == 0 ? "?" : "&") + kept[i];
  return canonical;
}

}  // namespace hg::normalize
