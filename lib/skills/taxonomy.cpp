#include "skills/taxonomy.hpp"

#include <algorithm>
#include <tuple>

#include "skills/context.hpp"
#include "skills/text.hpp"
#include "util/embedded.hpp"
#include "util/strings.hpp"

namespace hg::skills {
namespace {

constexpr std::string_view kHeader = "name\tcategory\taliases\timplies";
constexpr std::string_view kUserCategory = "User skill";

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  for (std::string& item : util::split(text, '|')) {
    std::string_view trimmed = util::trim(item);
    if (!trimmed.empty()) items.emplace_back(trimmed);
  }
  return items;
}

Error line_error(bool extra, std::size_t line, std::string_view why) {
  return fail(Errc::invalid_input, "skills {}line {}: {}", extra ? "extra file " : "", line, why);
}

}  // namespace

Result<Taxonomy> Taxonomy::load(std::string_view tsv, std::string_view extra_tsv) {
  Taxonomy taxonomy;
  if (!tsv.starts_with(kHeader)) return line_error(false, 1, "expected the header \"name\\tcategory\\taliases\\timplies\"");
  if (auto parsed = taxonomy.parse(tsv, false); !parsed) return parsed.error();
  if (auto parsed = taxonomy.parse(extra_tsv, true); !parsed) return parsed.error();
  taxonomy.build_trie();
  return taxonomy;
}

Result<Taxonomy> Taxonomy::load_builtin(std::string_view extra_tsv) {
  auto data = util::embedded_data("skills/skills.tsv");
  if (!data) return fail(Errc::not_found, "skills taxonomy: not built into this hg");
  return load(*data, extra_tsv);
}

Result<void> Taxonomy::parse(std::string_view tsv, bool extra) {
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    const std::size_t end = std::min(tsv.find('\n'), tsv.size());
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(std::min(end + 1, tsv.size()));
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (util::trim(line).empty() || line.starts_with('#') || line.starts_with(kHeader)) continue;
    std::vector<std::string> fields = util::split(line, '\t');
    fields.resize(std::max<std::size_t>(fields.size(), 5));
    if (util::trim(fields[0]).empty()) return line_error(extra, line_number, "empty skill name");
    fields[0] = std::string(util::trim(fields[0]));
    auto added = add_line(fields, extra);
    if (!added) return line_error(extra, line_number, added.error().message);
    for (std::string& implied : split_list(fields[3])) {
      pending_implies_.emplace_back(*added, line_number, std::move(implied));
    }
  }
  return resolve_implies(extra);
}

Result<SkillId> Taxonomy::add_line(const std::vector<std::string>& fields, bool extra) {
  const std::vector<std::string> aliases = split_list(fields[2]);
  const std::vector<std::string> strict = split_list(fields[4]);
  auto is_strict = [&](std::string_view form) {
    return std::find(strict.begin(), strict.end(), form) != strict.end();
  };
  std::optional<SkillId> id = extra ? find(fields[0]) : std::nullopt;
  for (std::size_t a = 0; !id && extra && a < aliases.size(); ++a) id = find(aliases[a]);
  if (!id) {
    if (match_key(fields[0]).empty()) return fail(Errc::invalid_input, "\"{}\" has no letters", fields[0]);
    id = static_cast<SkillId>(skills_.size());
    std::string category(util::trim(fields[1]));
    if (category.empty()) category = kUserCategory;
    skills_.push_back(Skill{.name = fields[0], .category = std::move(category), .aliases = {}, .implies = {}});
    add_form(*id, fields[0], is_strict(fields[0]), false, extra);
  } else if (!util::trim(fields[1]).empty()) {
    skills_[*id].category = std::string(util::trim(fields[1]));
  }
  Skill& skill = skills_[*id];
  for (const std::string& alias : aliases) {
    if (match_key(alias).empty() || alias == skill.name) continue;
    if (std::find(skill.aliases.begin(), skill.aliases.end(), alias) == skill.aliases.end()) {
      skill.aliases.push_back(alias);
    }
    add_form(*id, alias, is_strict(alias), true, extra);
  }
  return *id;
}

// Parts of `text` split at whitespace, '-', '_' and '.': "Node.js" has 2.
std::uint32_t count_pieces(std::string_view text) {
  std::uint32_t pieces = 0;
  bool in_piece = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool part = is_word_byte(text[i]) || is_symbol_byte(text[i]) || (text[i] == '.' && i == 0);
    if (part && !in_piece) ++pieces;
    in_piece = part;
  }
  return std::max<std::uint32_t>(pieces, 1);
}

// An alias written in capitals ("FIELDS", "CALL", "AWS") is an acronym: only capitals match.
bool all_caps(std::string_view text) {
  std::size_t upper = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  return upper >= 2;
}

void Taxonomy::add_form(SkillId skill, std::string_view text, bool strict, bool alias, bool user) {
  std::string key = match_key(text);
  if (key.empty()) return;
  strict = strict || key.size() == 1;  // "C", "R": a letter needs company
  const Form form{.skill = skill,
                  .text = std::string(text),
                  .case_exact = strict || key.size() <= 2 || (alias && all_caps(text)),
                  .strict = strict,
                  .blocker = false,
                  .pieces = count_pieces(text)};
  auto [it, inserted] = by_key_.try_emplace(std::move(key), static_cast<std::uint32_t>(forms_.size()));
  if (inserted) {
    forms_.push_back(form);
  } else if (user) {
    forms_[it->second] = form;  // the user's own spelling wins
  }
}

Result<void> Taxonomy::resolve_implies(bool extra) {
  for (auto& [id, line, name] : pending_implies_) {
    auto target = find(name);
    if (!target) return line_error(extra, line, fmt::format("unknown skill \"{}\" in implies", name));
    auto& implies = skills_[id].implies;
    if (*target != id && std::find(implies.begin(), implies.end(), *target) == implies.end()) {
      implies.push_back(*target);
    }
  }
  pending_implies_.clear();
  return {};
}

void Taxonomy::build_trie() {
  for (const auto& [key, index] : by_key_) trie_.insert(key, index, false);
  for (std::string_view phrase : not_skill_phrases()) {
    const auto index = static_cast<std::uint32_t>(forms_.size());
    if (trie_.insert(match_key(phrase), index, false) == index) {
      forms_.push_back(Form{.skill = 0, .text = std::string(phrase), .blocker = true,
                            .pieces = count_pieces(phrase)});
    }
  }
  trie_.freeze();
}

std::optional<SkillId> Taxonomy::find(std::string_view name) const {
  auto it = by_key_.find(match_key(name));
  if (it == by_key_.end()) return std::nullopt;
  return forms_[it->second].skill;
}

std::vector<SkillId> Taxonomy::implied(SkillId id) const {
  std::vector<bool> seen(skills_.size(), false);
  std::vector<SkillId> stack = skills_[id].implies, out;
  seen[id] = true;
  while (!stack.empty()) {
    const SkillId next = stack.back();
    stack.pop_back();
    if (seen[next]) continue;
    seen[next] = true;
    out.push_back(next);
    for (SkillId more : skills_[next].implies) stack.push_back(more);
  }
  std::sort(out.begin(), out.end(), [&](SkillId a, SkillId b) { return skills_[a].name < skills_[b].name; });
  return out;
}

std::vector<SkillId> Taxonomy::implied_by(SkillId id) const {
  std::vector<SkillId> out;
  for (SkillId s = 0; s < skills_.size(); ++s) {
    const auto& implies = skills_[s].implies;
    if (std::find(implies.begin(), implies.end(), id) != implies.end()) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [&](SkillId a, SkillId b) { return skills_[a].name < skills_[b].name; });
  return out;
}

std::vector<std::pair<std::string, std::size_t>> Taxonomy::categories() const {
  std::vector<std::pair<std::string, std::size_t>> out;
  std::vector<std::string> all;
  for (const Skill& skill : skills_) all.push_back(skill.category);
  std::sort(all.begin(), all.end());
  for (const std::string& category : all) {
    if (out.empty() || out.back().first != category) out.emplace_back(category, 0);
    ++out.back().second;
  }
  return out;
}

std::vector<SkillId> Taxonomy::search(std::string_view text, std::size_t limit) const {
  const std::string needle = match_key(text);
  std::vector<std::pair<int, SkillId>> hits;  // (0 prefix / 1 substring, id)
  for (SkillId id = 0; id < skills_.size() && !needle.empty(); ++id) {
    int best = 2;
    auto consider = [&](std::string_view form) {
      const std::size_t at = match_key(form).find(needle);
      if (at != std::string::npos) best = std::min(best, at == 0 ? 0 : 1);
    };
    consider(skills_[id].name);
    for (const std::string& alias : skills_[id].aliases) consider(alias);
    if (best < 2) hits.emplace_back(best, id);
  }
  std::sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    const Skill& x = skills_[a.second];
    const Skill& y = skills_[b.second];
    return std::make_tuple(a.first, x.name.size(), std::string_view(x.name)) <
           std::make_tuple(b.first, y.name.size(), std::string_view(y.name));
  });
  std::vector<SkillId> out;
  for (std::size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(hits[i].second);
  return out;
}

}  // namespace hg::skills
