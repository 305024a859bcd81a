#include "normalize/title.hpp"

#include <array>
#include <vector>

#include "util/strings.hpp"

namespace hg::normalize {
namespace {

constexpr std::size_t kMaxTitle = 1000;

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "m/w/d", "f/m/x", "h/f", "w/m/div", "mwd": gender markers German and French ads must carry.
bool is_gender_tag(std::string_view text) {
  std::string s;
  for (char c : util::to_lower(text)) {
    if (c != ' ' && c != '*' && c != '.') s.push_back(c);
  }
  if (s == "allgenders" || s == "allegeschlechter" || s == "gn" || s == "genderneutral" ||
      s == "mwd" || s == "wmd" || s == "fmd" || s == "mfd" || s == "fmx" || s == "mfx" ||
      s == "hf" || s == "fh" || s == "mwx" || s == "wmx" || s == "fmdiv" || s == "mwdiv") {
    return true;
  }
  std::size_t parts = 0;
  for (const std::string& part : util::split(s, '/')) {
    static constexpr std::array<std::string_view, 11> kMarkers = {
        "m", "w", "f", "d", "x", "h", "i", "a", "div", "divers", "diverse"};
    bool known = false;
    for (std::string_view marker : kMarkers) known = known || part == marker;
    if (!known) return false;
    ++parts;
  }
  return parts >= 2;
}

// "R-123", "JOB-99", "JC-359216", "Req: VCBZR8FL", "#386", "JO#4754", "IPR#46514".
bool is_reference_code(std::string_view text) {
  std::string_view s = util::trim(text);
  const std::string lower = util::to_lower(s);
  bool prefixed = false;
  for (std::string_view prefix : {"requisition id", "requisition", "req id", "req.", "req",
                                  "job id", "job no", "ref.", "ref", "reference", "id"}) {
    if (lower.starts_with(prefix) && lower.size() > prefix.size() &&
        (lower[prefix.size()] == ' ' || lower[prefix.size()] == ':' ||
         lower[prefix.size()] == '#' || lower[prefix.size()] == '-' || prefix.back() == '.')) {
      std::string_view rest = s.substr(prefix.size());
      while (!rest.empty() && (rest[0] == ' ' || rest[0] == ':' || rest[0] == '#' || rest[0] == '-')) {
        rest.remove_prefix(1);
      }
      s = rest;
      prefixed = true;
      break;
    }
  }
  if (s.empty() || s.find(' ') != std::string_view::npos) return false;
  std::size_t digits = 0;
  for (char c : s) {
    if (is_digit(c)) {
      ++digits;
    } else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '#' &&
               c != '_' && c != ',') {
      return false;
    }
  }
  if (s.size() < 3 || digits < (prefixed ? 1u : 2u) || util::to_lower(s) == "covid-19") {
    return false;
  }
  // A year in brackets ("(2024)") or a school year ("2023-2024") dates the ad; it is not a code.
  if (s.size() == 4 && digits == 4) return false;
  if (s.size() == 9 && digits == 8 && s[4] == '-') return false;
  return true;
}

// Removes "(…)" and "[…]" groups that hold a gender tag or a reference code.
std::string drop_bracketed(std::string_view title) {
  std::string out;
  std::size_t i = 0;
  while (i < title.size()) {
    const char open = title[i];
    if (open == '(' || open == '[') {
      const char close = open == '(' ? ')' : ']';
      const std::size_t end = title.find(close, i + 1);
      if (end != std::string_view::npos && end - i <= 64) {
        const std::string_view inside = title.substr(i + 1, end - i - 1);
        if (inside.find(open) == std::string_view::npos &&
            (is_gender_tag(inside) || is_reference_code(inside))) {
          out.push_back(' ');
          i = end + 1;
          continue;
        }
      }
    }
    out.push_back(open);
    ++i;
  }
  return out;
}

// A word that is a gender tag or a code on its own: "m/w/d", "H/F", "#32905", "IPR#46514".
bool drop_word(std::string_view word) {
  if (word.find('/') != std::string_view::npos && is_gender_tag(word)) return true;
  const std::size_t hash = word.find('#');
  return hash != std::string_view::npos && hash + 1 < word.size() && is_digit(word[hash + 1]);
}

// "Construction-23357502" -> "Construction"; "Navigator-165530,165531" -> "Navigator".
std::string_view strip_number_suffix(std::string_view word) {
  const std::size_t dash = word.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return word;
  std::size_t digits = 0;
  for (char c : word.substr(dash + 1)) {
    if (is_digit(c)) {
      ++digits;
    } else if (c != ',') {
      return word;
    }
  }
  return digits >= 5 ? word.substr(0, dash) : word;
}

bool is_separator_word(std::string_view word) {
  return word == "-" || word == "|" || word == "–" || word == "—" || word == "/" || word == ":" ||
         word == "," || word == "*" || word == "()" || word == "[]";
}

std::string clean_title(std::string_view title) {
  const std::string unbracketed = drop_bracketed(title);
  std::vector<std::string> words;
  for (const std::string& raw : util::split(unbracketed, ' ')) {
    if (raw.empty()) continue;
    // "Req #12345", "Req 12345", "Job ID: 99": the code after the word goes with it.
    if (!words.empty()) {
      const std::string last = util::to_lower(words.back());
      const bool code_word = last == "req" || last == "req." || last == "req:" ||
                             last == "requisition" || last == "ref:" || last == "id:";
      if (code_word && (drop_word(raw) || is_reference_code(raw))) {
        words.pop_back();
        continue;
      }
    }
    if (drop_word(raw)) continue;
    std::string word(strip_number_suffix(raw));
    // A trailing bare number of 5+ digits after a separator: "… - 1401256".
    if (!words.empty() && is_separator_word(words.back()) && word.size() >= 5 &&
        word.find_first_not_of("0123456789") == std::string::npos) {
      continue;
    }
    words.push_back(std::move(word));
  }
  // Separators left dangling at either end ("Engineer -", "- Engineer") go; so do doubled ones.
  std::vector<std::string> kept;
  for (std::string& word : words) {
    if (is_separator_word(word) && (kept.empty() || is_separator_word(kept.back()))) continue;
    kept.push_back(std::move(word));
  }
  while (!kept.empty() && is_separator_word(kept.back())) kept.pop_back();
  std::string out;
  for (const std::string& word : kept) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  while (!out.empty() && (out.back() == ',' || out.back() == '-' || out.back() == ':')) {
    out.pop_back();
  }
  return std::string(util::trim(out));
}

// " senior software engineer ": lower case, every non-alphanumeric a space, padded, so that
// " word " finds whole words and " stem" finds word starts.
std::string padded_words(std::string_view title) {
  std::string out = " ";
  for (char c : util::to_lower(title)) {
    const char mapped = is_alnum(c) ? c : ' ';
    if (mapped == ' ' && out.back() == ' ') continue;
    out.push_back(mapped);
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// `key` is a word or phrase; a trailing '*' makes it a prefix ("engineer*" matches engineering).
// Searches for the bare key and checks the spaces around it, rather than building " key "
// for each of the hundreds of keys a title is tried against.
bool has(const std::string& words, std::string_view key) {
  const bool stem = key.ends_with('*');
  if (stem) key.remove_suffix(1);
  for (std::size_t at = words.find(key); at != std::string::npos; at = words.find(key, at + 1)) {
    const std::size_t end = at + key.size();
    if (at > 0 && words[at - 1] == ' ' && (stem || (end < words.size() && words[end] == ' '))) {
      return true;
    }
  }
  return false;
}

bool has_any(const std::string& words, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (has(words, key)) return true;
  }
  return false;
}

// Roles named "... manager" that are not a rung on the management ladder.
bool manages_people(const std::string& w) {
  if (!has_any(w, {"mgr", "gerente", "manager*", "responsable"})) return false;
  for (std::string_view role :
       {"product manager", "project manager", "program manager", "programme manager",
        "account manager", "relationship manager", "case manager", "care manager",
        "portfolio manager", "property manager", "fund manager", "wealth manager",
        "client manager", "f i manager", "product marketing manager", "talent pool"}) {
    if (has(w, role)) {
      return has_any(w, {"senior manager", "general manager", "engineering manager",
                         "manager of", "team manager"});
    }
  }
  return true;
}

std::string seniority_of(const std::string& w) {
  if (has_any(w, {"chief*", "ceo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "ciso", "cro",
                  "vp", "svp", "evp", "vice president", "president", "founder", "co founder",
                  "cofounder", "managing director", "geschäftsführer", "geschäftsführerin",
                  "executive director"}) &&
      !has_any(w, {"assistant vice president", "avp"})) {
    return "executive";
  }
  if (has_any(w, {"assistant vice president", "avp"})) return "manager";
  if (has_any(w, {"director", "head of", "head", "directeur", "directrice", "direktor",
                  "direktorin", "directora", "director*", "leiter", "leiterin", "abteilungsleiter",
                  "bereichsleiter"})) {
    return "director";
  }
  if (manages_people(w)) return "manager";
  if (has_any(w, {"intern", "interns", "internship", "werkstudent", "werkstudentin",
                  "praktikant", "praktikantin", "praktikum", "stagiaire", "stage", "becario",
                  "becaria", "practicas", "prácticas", "co op", "stagiair"})) {
    return "intern";
  }
  if (has(w, "principal")) return "principal";
  if (has(w, "staff") && has_any(w, {"engineer*", "software", "developer", "scientist",
                                     "architect", "designer", "data", "researcher"})) {
    return "staff";
  }
  if (has_any(w, {"lead", "leader", "tech lead", "team lead", "teamleiter", "teamleiterin",
                  "teamlead"}) &&
      !has_any(w, {"lead generation", "leads"})) {
    return "lead";
  }
  if (has_any(w, {"senior", "sr", "snr", "iii", "iv", "experienced", "erfahren*", "confirmé",
                  "expert", "expertin"})) {
    return "senior";
  }
  if (has_any(w, {"mid", "mid level", "midlevel", "intermediate", "ii", "medior"})) return "mid";
  if (has_any(w, {"junior", "jr", "entry level", "graduate", "grad", "new grad",
                  "trainee", "apprentice", "apprenticeship", "berufseinsteiger",
                  "berufseinsteigerin", "einsteiger", "absolvent*", "débutant", "debutant",
                  "azubi", "auszubildende*", "ausbildung", "i"})) {
    return "junior";
  }
  return {};
}

struct Family {
  std::string_view key;
  std::string_view family;
};

// First match wins, so the specific entries come before the broad ones ("data engineer"
// before "engineer", "sales" before "health" in "Product Sales Specialist - Pet Health").
constexpr auto kFamilies = std::to_array<Family>({
    {"instructor", "education"}, {"teacher", "education"}, {"professor", "education"},
    {"lecturer", "education"}, {"tutor", "education"}, {"head of people", "human resources"},
    {"engineer in test", "qa/testing"}, {"sdet", "qa/testing"}, {"qa", "qa/testing"},
    {"quality assurance", "qa/testing"}, {"test automation", "qa/testing"},
    {"tester", "qa/testing"}, {"test engineer", "qa/testing"},
    {"devops", "devops/sre"}, {"dev ops", "devops/sre"}, {"site reliability", "devops/sre"},
    {"sre", "devops/sre"}, {"platform engineer*", "devops/sre"},
    {"cloud engineer*", "devops/sre"}, {"infrastructure engineer*", "devops/sre"},
    {"cybersecurity", "security"}, {"cyber security", "security"},
    {"information security", "security"}, {"security engineer*", "security"},
    {"security analyst", "security"}, {"penetration", "security"}, {"infosec", "security"},
    {"data engineer*", "data engineering"}, {"analytics engineer*", "data engineering"},
    {"etl", "data engineering"}, {"data warehouse", "data engineering"},
    {"big data", "data engineering"}, {"data architect", "data engineering"},
    {"data scien*", "data science"}, {"machine learning", "data science"},
    {"ml", "data science"}, {"ai", "data science"},
    {"artificial intelligence", "data science"}, {"deep learning", "data science"},
    {"nlp", "data science"}, {"computer vision", "data science"},
    {"research scientist", "data science"}, {"applied scientist", "data science"},
    {"statistician", "data science"},
    {"data analy*", "data analysis"}, {"business intelligence", "data analysis"},
    {"bi", "data analysis"}, {"reporting analyst", "data analysis"},
    {"analytics", "data analysis"}, {"insights analyst", "data analysis"},
    {"data visuali*", "data analysis"}, {"datenanalyst*", "data analysis"},
    {"business analyst", "business analysis"}, {"business systems analyst", "business analysis"},
    {"systems analyst", "business analysis"}, {"requirements analyst", "business analysis"},
    {"product marketing", "marketing"},
    {"product manager", "product management"}, {"product owner", "product management"},
    {"product management", "product management"}, {"head of product", "product management"},
    {"product lead", "product management"}, {"produktmanager*", "product management"},
    {"construction", "construction"}, {"superintendent", "construction"},
    {"estimator", "construction"}, {"site manager", "construction"}, {"foreman", "construction"},
    {"project manager", "project management"}, {"program manager", "project management"},
    {"programme manager", "project management"}, {"project coordinator", "project management"},
    {"scrum master", "project management"}, {"projektmanager*", "project management"},
    {"projektleiter*", "project management"}, {"chef de projet", "project management"},
    {"designer", "design"}, {"ux", "design"}, {"ui", "design"}, {"user experience", "design"},
    {"graphic design*", "design"}, {"product design*", "design"}, {"art director", "design"},
    {"creative director", "design"}, {"illustrator", "design"},
    {"sales engineer*", "sales"},
    {"software", "software engineering"}, {"developer", "software engineering"},
    {"programmer", "software engineering"}, {"backend", "software engineering"},
    {"back end", "software engineering"}, {"frontend", "software engineering"},
    {"front end", "software engineering"}, {"full stack", "software engineering"},
    {"fullstack", "software engineering"}, {"ios", "software engineering"},
    {"android", "software engineering"}, {"embedded", "software engineering"},
    {"firmware", "software engineering"}, {"entwickler*", "software engineering"},
    {"développeur", "software engineering"}, {"desarrollador*", "software engineering"},
    {"java*", "software engineering"}, {"python", "software engineering"},
    {"help desk", "it support"}, {"helpdesk", "it support"}, {"desktop support", "it support"},
    {"it support", "it support"}, {"system administrator", "it support"},
    {"systems administrator", "it support"}, {"network engineer", "it support"},
    {"network administrator", "it support"},
    {"environmental", "environmental"}, {"ehs", "environmental"},
    {"sustainability", "environmental"}, {"natural resources", "environmental"},
    {"civil", "civil engineering"}, {"structural", "civil engineering"},
    {"geotechnical", "civil engineering"}, {"transportation engineer*", "civil engineering"},
    {"traffic engineer*", "civil engineering"}, {"highway", "civil engineering"},
    {"bridge", "civil engineering"}, {"pavement", "civil engineering"},
    {"surveyor", "civil engineering"}, {"water resources", "civil engineering"},
    {"bauingenieur*", "civil engineering"}, {"tiefbau*", "civil engineering"},
    {"renewable", "energy"}, {"solar", "energy"}, {"wind", "energy"},
    {"energy engineer", "energy"},
    {"mechanical", "mechanical engineering"}, {"hvac", "mechanical engineering"},
    {"aerospace", "mechanical engineering"}, {"stress engineer", "mechanical engineering"},
    {"manufacturing engineer", "mechanical engineering"},
    {"electrical", "electrical engineering"}, {"electronics", "electrical engineering"},
    {"hardware engineer", "electrical engineering"},
    {"teaching", "education"}, {"educator", "education"}, {"librarian", "education"}, {"curriculum", "education"},
    {"school", "education"}, {"faculty", "education"}, {"guidance counselor", "education"},
    {"lehrer*", "education"}, {"enseignant*", "education"}, {"profesor*", "education"},
    {"nurse", "healthcare"}, {"nursing", "healthcare"}, {"rn", "healthcare"},
    {"clinical", "healthcare"}, {"physician", "healthcare"}, {"therapist", "healthcare"},
    {"pharmac*", "healthcare"}, {"dental", "healthcare"}, {"care manager", "healthcare"},
    {"caregiver", "healthcare"}, {"pflege*", "healthcare"},
    {"recreation", "sports and recreation"}, {"fitness", "sports and recreation"},
    {"coach", "sports and recreation"}, {"lifeguard", "sports and recreation"},
    {"athletic*", "sports and recreation"}, {"sports", "sports and recreation"},
    {"chef", "hospitality"}, {"cook", "hospitality"}, {"bartender", "hospitality"},
    {"barista", "hospitality"}, {"hotel", "hospitality"}, {"housekeep*", "hospitality"},
    {"restaurant", "hospitality"}, {"hospitality", "hospitality"},
    {"human resources", "human resources"}, {"hr", "human resources"},
    {"recruit*", "human resources"}, {"talent acquisition", "human resources"},
    {"payroll", "human resources"}, {"people operations", "human resources"},
    {"attorney", "legal"}, {"lawyer", "legal"}, {"paralegal", "legal"}, {"counsel", "legal"},
    {"legal", "legal"}, {"compliance", "legal"},
});

// Broad words, tried only when nothing above matched.
constexpr auto kBroadFamilies = std::to_array<Family>({
    {"sales", "sales"}, {"account executive", "sales"}, {"business development", "sales"},
    {"account manager", "sales"}, {"vertrieb*", "sales"}, {"commercial", "sales"},
    {"marketing", "marketing"}, {"seo", "marketing"}, {"social media", "marketing"},
    {"brand", "marketing"}, {"copywriter", "marketing"}, {"communications", "marketing"},
    {"customer support", "customer support"}, {"customer service", "customer support"},
    {"customer success", "customer support"}, {"support specialist", "customer support"},
    {"customer experience", "customer support"},
    {"financ*", "finance"}, {"accountant", "finance"}, {"accounting", "finance"},
    {"bank*", "finance"}, {"teller", "finance"}, {"loan", "finance"}, {"credit", "finance"},
    {"underwrit*", "finance"}, {"investment", "finance"}, {"audit*", "finance"},
    {"controller", "finance"}, {"treasury", "finance"}, {"tax", "finance"},
    {"actuar*", "finance"}, {"mortgage", "finance"}, {"wealth", "finance"},
    {"portfolio", "finance"}, {"escrow", "finance"}, {"lending", "finance"},
    {"f i", "finance"}, {"fraud", "finance"}, {"fincrime", "finance"}, {"aml", "finance"},
    {"health*", "healthcare"}, {"medical", "healthcare"}, {"patient", "healthcare"},
    {"design", "design"}, {"server", "hospitality"}, {"logistics", "operations"},
    {"supply chain", "operations"}, {"warehouse", "operations"},
});

std::string family_of(const std::string& words) {
  for (const Family& entry : kFamilies) {
    if (has(words, entry.key)) return std::string(entry.family);
  }
  for (const Family& entry : kBroadFamilies) {
    if (has(words, entry.key)) return std::string(entry.family);
  }
  return {};
}

}  // namespace

TitleInfo parse_title(std::string_view title) {
  title = title.substr(0, kMaxTitle);
  TitleInfo info;
  info.clean = clean_title(title);
  const std::string words = padded_words(info.clean);
  info.seniority = seniority_of(words);
  info.family = family_of(words);
  return info;
}

}  // namespace hg::normalize
