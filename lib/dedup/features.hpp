// What dedup knows of one posting: normalised keys, title tokens, place and a description
// sketch, computed once per posting and kept in the store so later runs never re-read text.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hg::model {
struct Job;
}

namespace hg::dedup {

// The fields of a stored job that dedup reads. Views into the caller's buffers.
struct Posting {
  std::int64_t id = 0;
  std::string_view source{};         // "greenhouse", "indeed", "import" ...
  std::string_view canonical_url{};  // lib/normalize canonical_url of the posting's URL
  std::string_view title{};
  std::string_view company{};
  std::string_view location{};  // as the source gave it
  std::string_view city{};
  std::string_view country{};  // ISO 3166-1 alpha-2
  std::optional<double> latitude{}, longitude{};
  std::string_view remote{};       // onsite | hybrid | remote | ""
  std::string_view description{};  // plain text
  std::string_view date{};         // date_posted, else first_seen (ISO 8601)
  bool has_salary = false;
};

inline constexpr int kTitleTokens = 12;  // title words kept (hashes), longer titles truncated
inline constexpr int kSketchBins = 64;   // one-permutation MinHash bins over the description
inline constexpr int kLeadShingles = 32; // the description's opening shingles, kept exactly
inline constexpr std::uint16_t kEmptyBin = 0xffff;

// Level words ("Senior", "II", "Director") as bits: two titles at different levels are
// different jobs, whatever else they share.
enum LevelBit : std::uint32_t {
  level_intern = 1u << 0, level_junior = 1u << 1, level_associate = 1u << 2,
  level_senior = 1u << 3, level_staff = 1u << 4, level_principal = 1u << 5,
  level_lead = 1u << 6, level_head = 1u << 7, level_manager = 1u << 8,
  level_director = 1u << 9, level_vp = 1u << 10, level_chief = 1u << 11,
  level_1 = 1u << 12, level_2 = 1u << 13, level_3 = 1u << 14, level_4 = 1u << 15,
  level_5 = 1u << 16,
};

// Fixed-size and trivially copyable: stored as one blob per job (kFeaturesVersion says
// which layout and which normalisation made it; another version is recomputed).
struct Features {
  std::uint64_t company_key = 0;   // hash of the normalised company name (0: none)
  std::uint64_t title_key = 0;     // hash of the sorted title words without level words
  std::uint64_t url_key = 0;       // hash of the canonical URL (0: none)
  std::uint64_t city_key = 0;      // hash of the folded city name (0: unknown)
  std::array<std::uint32_t, kTitleTokens> title_words{};  // sorted hashes, 0-padded
  // 16-bit minima: a chance equality costs 1 in 65,536 per bin, and a full run writes a
  // million of these.
  std::array<std::uint16_t, kSketchBins> sketch{};        // kEmptyBin where nothing fell
  std::array<std::uint16_t, kLeadShingles> lead{};        // sorted, 0-padded: a truncated
                                                           // copy still shares its opening
  std::array<char, 24> company{};  // normalise_company(), truncated, 0-padded: fuzzy compare
  float latitude = 0, longitude = 0;
  std::uint32_t levels = 0;        // LevelBit set
  std::uint32_t shingles = 0;      // distinct description shingles (estimate's denominator)
  std::int32_t day = 0;            // days since 1970-01-01 of the posting date (0: unknown)
  std::uint16_t richness = 0;      // how complete the record is (canonical member choice)
  std::uint8_t title_count = 0;    // words in title_words
  std::uint8_t lead_count = 0;     // shingles in lead
  std::uint8_t has_place = 0;      // latitude/longitude are set
  std::uint8_t remote = 0;         // the location says remote / anywhere
  std::uint8_t place_kind = 0;     // PlaceKind
  std::uint8_t europe = 0;         // the location names Europe / the EU, or a European country
  std::uint8_t employer = 0;       // from the employer's own ATS or career page
  char country[2] = {0, 0};
};

// What a location names: a city ("Austin, TX"), only a region or country ("Texas"), remote
// work within a region ("Remote - US"), remote work anywhere ("Remote"), or nothing.
enum PlaceKind : std::uint8_t { place_none = 0, place_city, place_region, place_remote_region,
                                place_remote };

inline constexpr std::int32_t kFeaturesVersion = 8;

// Never fails; linear in the posting's text (descriptions past 64 KB are read that far).
Features features_of(const Posting& posting);

// features_of a job as a run would read it back from the store once written at `now`: the
// description cut at store::kDedupDescriptionBytes characters, date_posted else first_seen
// (else `now`). Lets whoever writes new jobs compute their features on another thread
// (hg import does, while the rows are written). Exact for new jobs; an updated job without
// either date keeps its stored first_seen, which only the store knows.
Features features_of_job(const model::Job& job, std::string_view now);

// The company name as compared: lower-case ASCII words, a leading "the", legal suffixes
// ("Inc.", "LLC", "GmbH" ...) and punctuation dropped, "&" read as "and". "The Acme Co., Ltd"
// and "ACME" give the same key.
std::string normalise_company(std::string_view company);

// The title's words as compared, in order: gender tags, reference codes, remote tags and the
// posting's own city (folded, as features_of finds it) dropped, abbreviations expanded ("Sr." -> senior, "Eng." ->
// engineer), "&" between words read as "and"; level words included. For --explain and tests.
std::vector<std::string> title_words(std::string_view title, std::string_view city);

// The folded city a posting names (its city field, else read from its location), "" if none.
std::string city_of(const Posting& posting);

// Bytes of a Features for the store, and back (std::nullopt: wrong size).
std::string to_blob(const Features& features);
std::optional<Features> from_blob(std::string_view blob);

// Days since 1970-01-01 of the date at the start of an ISO 8601 text (0 when none).
std::int32_t day_of(std::string_view iso);

}  // namespace hg::dedup
