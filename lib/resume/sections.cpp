// Headings: a short line whose words, folded, are a known section name in one of six
// languages. Size, weight and case only break ties (see is_heading).
#include "resume/sections.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "resume/text.hpp"

namespace hg::resume::detail {
namespace {

struct Name {
  const char* key;
  Section kind;
};

// Keys as key_of() gives them: folded, punctuation as spaces.
constexpr Name kNames[] = {
    // contact / summary
    {"contact", Section::contact}, {"contacts", Section::contact}, {"contact info", Section::contact},
    {"contact information", Section::contact}, {"contact details", Section::contact},
    {"personal details", Section::contact}, {"personal information", Section::contact},
    {"kontakt", Section::contact}, {"persoenliche daten", Section::contact},
    {"personliche daten", Section::contact}, {"coordonnees", Section::contact},
    {"contacto", Section::contact}, {"datos personales", Section::contact},
    {"informacion de contacto", Section::contact}, {"contactgegevens", Section::contact},
    {"persoonlijke gegevens", Section::contact}, {"contato", Section::contact},
    {"dados pessoais", Section::contact}, {"informations personnelles", Section::contact},
    {"summary", Section::summary}, {"about", Section::summary}, {"about me", Section::summary},
    {"profile", Section::summary}, {"professional summary", Section::summary},
    {"career summary", Section::summary}, {"objective", Section::summary},
    {"career objective", Section::summary}, {"overview", Section::summary},
    {"executive summary", Section::summary}, {"personal statement", Section::summary},
    {"professional profile", Section::summary},
    {"profil", Section::summary}, {"zusammenfassung", Section::summary}, {"uber mich", Section::summary},
    {"kurzprofil", Section::summary}, {"resume", Section::summary}, {"a propos", Section::summary},
    {"a propos de moi", Section::summary}, {"sommaire", Section::summary},
    {"perfil", Section::summary}, {"resumen", Section::summary}, {"sobre mi", Section::summary},
    {"acerca de mi", Section::summary}, {"perfil profesional", Section::summary},
    {"profiel", Section::summary}, {"samenvatting", Section::summary}, {"over mij", Section::summary},
    {"sobre mim", Section::summary}, {"resumo", Section::summary}, {"perfil profissional", Section::summary},
    // work
    {"work", Section::work}, {"experience", Section::work}, {"work experience", Section::work},
    {"professional experience", Section::work}, {"employment", Section::work},
    {"employment history", Section::work}, {"work history", Section::work},
    {"career history", Section::work}, {"relevant experience", Section::work},
    {"experiences", Section::work}, {"professional background", Section::work},
    {"berufserfahrung", Section::work}, {"erfahrung", Section::work},
    {"berufliche erfahrung", Section::work}, {"beruflicher werdegang", Section::work},
    {"werdegang", Section::work}, {"praxiserfahrung", Section::work},
    {"experience professionnelle", Section::work}, {"experiences professionnelles", Section::work},
    {"parcours professionnel", Section::work},
    {"experiencia", Section::work}, {"experiencia laboral", Section::work},
    {"experiencia profesional", Section::work}, {"experiencias", Section::work},
    {"trayectoria profesional", Section::work},
    {"werkervaring", Section::work}, {"ervaring", Section::work}, {"loopbaan", Section::work},
    {"werkervaringen", Section::work},
    {"experiencia profissional", Section::work}, {"experiencias profissionais", Section::work},
    // education
    {"education", Section::education}, {"academic background", Section::education},
    {"education and training", Section::education}, {"academic history", Section::education},
    {"qualifications", Section::education}, {"studies", Section::education},
    {"ausbildung", Section::education}, {"bildung", Section::education},
    {"bildungsweg", Section::education}, {"studium", Section::education},
    {"schulbildung", Section::education}, {"akademischer werdegang", Section::education},
    {"formation", Section::education}, {"formations", Section::education},
    {"education et formation", Section::education}, {"etudes", Section::education},
    {"formation academique", Section::education}, {"diplomes", Section::education},
    {"educacion", Section::education}, {"formacion", Section::education},
    {"formacion academica", Section::education}, {"estudios", Section::education},
    {"opleiding", Section::education}, {"opleidingen", Section::education},
    {"educacao", Section::education}, {"formacao", Section::education},
    {"formacao academica", Section::education},
    // skills
    {"skills", Section::skills}, {"technical skills", Section::skills},
    {"core skills", Section::skills}, {"key skills", Section::skills},
    {"skills and expertise", Section::skills}, {"competencies", Section::skills},
    {"core competencies", Section::skills}, {"technologies", Section::skills},
    {"tech stack", Section::skills}, {"expertise", Section::skills},
    {"kenntnisse", Section::skills}, {"fahigkeiten", Section::skills},
    {"faehigkeiten", Section::skills}, {"kompetenzen", Section::skills},
    {"skills und kenntnisse", Section::skills}, {"it kenntnisse", Section::skills},
    {"technische kenntnisse", Section::skills},
    {"competences", Section::skills}, {"competences techniques", Section::skills},
    {"habilidades", Section::skills}, {"competencias", Section::skills},
    {"conocimientos", Section::skills}, {"aptitudes", Section::skills},
    {"vaardigheden", Section::skills}, {"competenties", Section::skills},
    {"kennis", Section::skills}, {"competencias tecnicas", Section::skills},
    // projects
    {"projects", Section::projects}, {"personal projects", Section::projects},
    {"side projects", Section::projects}, {"projekte", Section::projects},
    {"projets", Section::projects}, {"proyectos", Section::projects},
    {"projecten", Section::projects}, {"projetos", Section::projects},
    // certificates
    {"certificates", Section::certificates}, {"certifications", Section::certificates},
    {"certification", Section::certificates}, {"licenses and certifications", Section::certificates},
    {"licenses certifications", Section::certificates},
    {"zertifikate", Section::certificates}, {"zertifizierungen", Section::certificates},
    {"certificats", Section::certificates}, {"certificaciones", Section::certificates},
    {"certificados", Section::certificates}, {"certificaten", Section::certificates},
    {"certificeringen", Section::certificates}, {"certificacoes", Section::certificates},
    // languages
    {"languages", Section::languages}, {"language skills", Section::languages},
    {"sprachen", Section::languages}, {"sprachkenntnisse", Section::languages},
    {"langues", Section::languages}, {"idiomas", Section::languages},
    {"talen", Section::languages}, {"talenkennis", Section::languages},
    {"linguas", Section::languages},
    // awards
    {"awards", Section::awards}, {"honors", Section::awards}, {"honours", Section::awards},
    {"honors and awards", Section::awards}, {"achievements", Section::awards},
    {"auszeichnungen", Section::awards}, {"prix", Section::awards},
    {"distinctions", Section::awards}, {"premios", Section::awards},
    {"reconocimientos", Section::awards}, {"prijzen", Section::awards},
    {"onderscheidingen", Section::awards}, {"premios e reconhecimentos", Section::awards},
    // volunteering
    {"volunteer", Section::volunteer}, {"volunteering", Section::volunteer},
    {"volunteer experience", Section::volunteer}, {"ehrenamt", Section::volunteer},
    {"ehrenamtliche tatigkeiten", Section::volunteer}, {"benevolat", Section::volunteer},
    {"voluntariado", Section::volunteer}, {"vrijwilligerswerk", Section::volunteer},
    // publications
    {"publications", Section::publications}, {"publikationen", Section::publications},
    {"veroffentlichungen", Section::publications}, {"publicaciones", Section::publications},
    {"publicaties", Section::publications}, {"publicacoes", Section::publications},
    // interests, references, profiles
    {"interests", Section::interests}, {"hobbies", Section::interests},
    {"interessen", Section::interests}, {"centres d interet", Section::interests},
    {"loisirs", Section::interests}, {"intereses", Section::interests},
    {"aficiones", Section::interests}, {"interesses", Section::interests},
    {"hobby s", Section::interests},
    {"references", Section::references}, {"referenzen", Section::references},
    {"referencias", Section::references}, {"referenties", Section::references},
    {"referencias profissionais", Section::references},
    {"profiles", Section::profiles}, {"social", Section::profiles}, {"links", Section::profiles},
    {"online", Section::profiles}, {"social profiles", Section::profiles},
};

const std::unordered_map<std::string_view, Section>& names() {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string_view, Section>();
    for (const Name& n : kNames) m->emplace(n.key, n.kind);
    return m;
  }();
  return *kMap;
}

}  // namespace

std::string_view section_name(Section s) {
  switch (s) {
    case Section::header: return "header";
    case Section::contact: return "contact";
    case Section::summary: return "summary";
    case Section::work: return "work";
    case Section::education: return "education";
    case Section::skills: return "skills";
    case Section::projects: return "projects";
    case Section::certificates: return "certificates";
    case Section::languages: return "languages";
    case Section::awards: return "awards";
    case Section::volunteer: return "volunteer";
    case Section::publications: return "publications";
    case Section::interests: return "interests";
    case Section::references: return "references";
    case Section::profiles: return "profiles";
    case Section::other: return "other";
  }
  return "other";
}

std::optional<Section> heading_kind(std::string_view line) {
  if (line.size() > 60) return std::nullopt;
  std::string key = key_of(line);
  // "Projects (4)", "Education 2": a count after the name.
  while (!key.empty() && std::isdigit(static_cast<unsigned char>(key.back()))) key.pop_back();
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.empty()) return std::nullopt;
  const auto& map = names();
  if (auto it = map.find(key); it != map.end()) return it->second;
  // "Work experience & projects": the first words decide when they name a section.
  for (std::size_t cut = key.rfind(' '); cut != std::string::npos && cut > 0; cut = key.rfind(' ', cut - 1)) {
    const std::string_view head(key.data(), cut);
    if (auto it = map.find(head); it != map.end() && std::count(key.begin(), key.end(), ' ') <= 3) {
      const std::string_view rest = std::string_view(key).substr(cut + 1);
      if (rest.substr(0, 3) == "and" || rest.substr(0, 2) == "et" || rest.substr(0, 1) == "y" ||
          rest.substr(0, 3) == "und" || rest.substr(0, 2) == "en" || rest.substr(0, 1) == "e") {
        return it->second;
      }
    }
    if (cut == 0) break;
  }
  return std::nullopt;
}

std::vector<Span> split_sections(const std::vector<Line>& lines) {
  std::vector<Span> spans;
  Span cur{Section::header, 0, 0, 0};
  // The section each column was in when its page ended: a column that starts a new page
  // without a heading goes on with it (experience running over two pages of a sidebar layout).
  Section last[2] = {Section::header, Section::header};
  Section on_page[2] = {Section::header, Section::header};
  bool seen_heading = false;
  // Four or more different headings in a row are a menu (a theme's navigation), not sections.
  std::vector<bool> menu(lines.size(), false);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    std::vector<Section> kinds;
    while (j < lines.size()) {
      const auto k = heading_kind(lines[j].text);
      if (!k) break;
      if (std::find(kinds.begin(), kinds.end(), *k) == kinds.end()) kinds.push_back(*k);
      ++j;
    }
    if (j - i >= 4 && kinds.size() >= 4) std::fill(menu.begin() + static_cast<std::ptrdiff_t>(i), menu.begin() + static_cast<std::ptrdiff_t>(j), true);
    i = j == i ? i + 1 : j;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int col = std::clamp(lines[i].column, 0, 1);
    const bool new_page = i > 0 && lines[i].page != lines[i - 1].page;
    const bool new_column = i > 0 && !new_page && lines[i].column != lines[i - 1].column;
    if (new_page) {
      last[0] = on_page[0], last[1] = on_page[1];
    }
    const auto kind = menu[i] ? std::nullopt : heading_kind(lines[i].text);
    if (!kind && seen_heading && (new_page || new_column) && lines[i].page > 0) {
      const Section carry = last[col];
      if (carry != cur.kind && carry != Section::header) {
        cur.end = i;
        spans.push_back(cur);
        cur = Span{carry, i, i, i};
      }
    }
    if (!kind) {
      on_page[col] = cur.kind;
      continue;
    }
    seen_heading = true;
    cur.end = i;
    spans.push_back(cur);
    cur = Span{*kind, i, i + 1, i + 1};
    on_page[col] = *kind;
  }
  cur.end = lines.size();
  spans.push_back(cur);
  return spans;
}

}  // namespace hg::resume::detail
