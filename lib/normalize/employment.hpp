// Employment type read from free text (a job description, a board's "job type" line) in
// English, German, French, Spanish and Dutch.
#pragma once

#include <string>
#include <string_view>

namespace hg::normalize {

// "full_time", "part_time", "contract", "temporary", "internship", "freelance", or "" when the
// text names none. Cues are whole words or phrases: "full-time", "Vollzeit", "temps plein",
// "CDI", "jornada completa", "voltijd", "Festanstellung"; "part-time", "Teilzeit", "temps
// partiel", "media jornada", "deeltijd"; "contract position", "befristet", "CDD", "contrato
// temporal", "tijdelijk"; "temporary", "seasonal"; "internship", "Praktikum", "stage",
// "prácticas", "stagiair"; "freelance", "freiberuflich", "indépendant", "autónomo", "zzp".
// Bare words that prose uses in other senses ("contract", "temp", "stage", "intern",
// "permanent") count only in short texts (at most six words, such as a field value or a
// title) or after a label ("Job Types: Full-time, Contract"). In longer text a cue followed by
// "employees", "staff", "positions" ... speaks of other people ("benefits for part-time
// employees") and does not count.
// When several types are named, one of internship, freelance, contract or temporary (the
// earliest) beats full or part time ("Full-time internship"), and between full and part time
// the earlier wins. Linear in the text; only the first 200,000 bytes are read.
std::string employment_type_from_text(std::string_view text);

}  // namespace hg::normalize
