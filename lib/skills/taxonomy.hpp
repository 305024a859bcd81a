// The skills taxonomy: canonical names, aliases, categories and implications (React =>
// JavaScript), loaded from data/skills/skills.tsv plus the user's own lines.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "skills/trie.hpp"
#include "util/result.hpp"

namespace hg::skills {

using SkillId = std::uint32_t;

struct Skill {
  std::string name;                  // canonical spelling, e.g. "Node.js"
  std::string category;              // e.g. "Programming language"
  std::vector<std::string> aliases;  // other spellings, e.g. "NodeJS", "k8s"
  std::vector<SkillId> implies;      // direct implications, e.g. React -> JavaScript
};

// One spelling the extractor looks for.
struct Form {
  SkillId skill = 0;
  std::string text;         // as written in the data, e.g. "Go"
  bool case_exact = false;  // match only with this exact case (short or strict forms)
  bool strict = false;      // also an English word or name: needs other skill evidence nearby
  bool blocker = false;     // a phrase that is not a skill ("go to", "R&D"): hides shorter hits
  // Words in `text` ("Node.js", "node js": 2): text matching this form may be split into at
  // most this many, so "R or" is never the alias "ror".
  std::uint32_t pieces = 1;
};

// Immutable after load; safe to share between threads for reading. Cheap to move.
class Taxonomy {
 public:
  // Parses `tsv` (UTF-8, tab-separated, header "name\tcategory\taliases\timplies\tstrict";
  // aliases, implies and strict are '|'-separated) and then `extra_tsv`, the user's lines in
  // the same columns (header optional, '#' comments, only name required). An extra line whose
  // name or alias is a known skill adds to it (aliases, implies; a non-empty category
  // replaces); otherwise it is a new skill in category "User skill". An alias given by the
  // user wins over the same spelling elsewhere. Errors: invalid_input naming the line (and
  // "extra" for the user's file) for a missing header, an empty name or an unknown skill in
  // implies.
  [[nodiscard]] static Result<Taxonomy> load(std::string_view tsv, std::string_view extra_tsv = {});
  // load() over the skills.tsv embedded in hg. Errors as load(); not_found if hg was built
  // without it.
  [[nodiscard]] static Result<Taxonomy> load_builtin(std::string_view extra_tsv = {});

  std::size_t size() const { return skills_.size(); }
  const Skill& skill(SkillId id) const { return skills_[id]; }

  // By canonical name or alias, compared by match_key ("nodejs", "Node JS", "node.js" all
  // find Node.js; "C", "C++" and "C#" stay apart). nullopt when unknown.
  std::optional<SkillId> find(std::string_view name) const;
  // Everything `id` implies, transitively, without `id` itself; sorted by name. Cycles in
  // the data are harmless.
  std::vector<SkillId> implied(SkillId id) const;
  // The skills that imply `id` directly; sorted by name.
  std::vector<SkillId> implied_by(SkillId id) const;
  // Every category with its number of skills, sorted by category.
  std::vector<std::pair<std::string, std::size_t>> categories() const;
  // Skills whose name or an alias contains `text` (compared by match_key): those starting
  // with it first, then the others; each group by name length, then name. At most `limit`.
  std::vector<SkillId> search(std::string_view text, std::size_t limit) const;

  // For the extractor: the trie of every form's match_key; entries index forms().
  const Trie& trie() const { return trie_; }
  std::span<const Form> forms() const { return forms_; }

 private:
  Result<void> parse(std::string_view tsv, bool extra);
  Result<SkillId> add_line(const std::vector<std::string>& fields, bool extra);
  Result<void> resolve_implies(bool extra);
  void add_form(SkillId skill, std::string_view text, bool strict, bool alias, bool user);
  void build_trie();

  std::vector<Skill> skills_;
  std::vector<Form> forms_;
  std::unordered_map<std::string, std::uint32_t> by_key_;  // match_key -> index in forms_
  // implies as written, resolved after each file: (skill, line, name)
  std::vector<std::tuple<SkillId, std::size_t, std::string>> pending_implies_;
  Trie trie_;
};

}  // namespace hg::skills
