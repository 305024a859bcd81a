#include "scrape/robots.hpp"

#include <algorithm>
#include <cctype>

#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::size_t kMaxRobots = 512 * 1024;

// Whether `pattern` (with '*' and a final '$') matches the start of `path`.
bool matches(std::string_view pattern, std::string_view path) {
  const bool anchored = pattern.ends_with('$');
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard match with backtracking to the last '*': linear enough for short rules.
  std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // a prefix match is enough
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

Robots Robots::parse(std::string_view text, std::string_view agent) {
  text = text.substr(0, std::min(text.size(), kMaxRobots));
  const std::string me = util::to_lower(agent);
  std::vector<Rule> mine, anyone;
  bool in_group_agents = false;  // reading the User-agent lines of a group
  bool for_me = false, for_anyone = false;
  bool saw_mine = false;
  for (std::string_view line : util::split(text, '\n')) {
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = util::trim(line);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = util::to_lower(util::trim(line.substr(0, colon)));
    const std::string value(util::trim(line.substr(colon + 1)));
    if (key == "user-agent") {
      if (!in_group_agents) for_me = for_anyone = false;
      in_group_agents = true;
      const std::string who = util::to_lower(value);
      if (who == "*") for_anyone = true;
      else if (!who.empty() && me.find(who) != std::string::npos) for_me = saw_mine = true;
      continue;
    }
    in_group_agents = false;
    if (key != "allow" && key != "disallow") continue;
    if (value.empty()) continue;  // "Disallow:" allows everything
    const Rule rule{value, key == "allow"};
    if (for_me) mine.push_back(rule);
    if (for_anyone) anyone.push_back(rule);
  }
  Robots robots;
  robots.rules_ = saw_mine ? std::move(mine) : std::move(anyone);
  return robots;
}

bool Robots::allows(std::string_view path) const {
  if (path.empty()) path = "/";
  std::size_t best = 0;
  bool allowed = true;
  for (const Rule& rule : rules_) {
    if (!matches(rule.pattern, path)) continue;
    const std::size_t length = rule.pattern.size();
    if (length > best || (length == best && rule.allow)) {
      best = length;
      allowed = rule.allow;
    }
  }
  return allowed;
}

std::pair<std::string, std::string> split_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {std::string(), std::string(url)};
  const auto path_start = url.find_first_of("/?#", scheme_end + 3);
  std::string origin(url.substr(0, path_start));
  std::transform(origin.begin(), origin.end(), origin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string path = path_start == std::string_view::npos ? "/" : std::string(url.substr(path_start));
  if (path.starts_with("?") || path.starts_with("#")) path = "/" + path;
  if (auto hash = path.find('#'); hash != std::string::npos) path.resize(hash);
  return {origin, path};
}

}  // namespace hg::scrape
