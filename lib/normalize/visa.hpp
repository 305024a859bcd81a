// Visa sponsorship: what a job description says about it, and the UK register of licensed
// sponsors (shipped as data/visa/uk_sponsors.txt).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hg::normalize {

struct VisaSignal {
  // true: the ad offers sponsorship; false: it rules it out; nullopt: it does not say.
  std::optional<bool> sponsors;
  // The sentence that decided, whitespace collapsed, at most 300 bytes (cut on a UTF-8
  // boundary); "" when `sponsors` is nullopt.
  std::string evidence;
};

// Reads the text sentence by sentence. Positive cues: "visa sponsorship available", "we
// sponsor", "will sponsor", "relocation and visa support", "EU Blue Card", "H-1B sponsorship".
// Negative cues: "no sponsorship", "unable to / will not / do not sponsor", "sponsorship is
// not available", "must have the right to work in", "must be authorized to work ... without
// sponsorship", "US citizens only", a security clearance that is required (not one that is
// "preferred" or "a plus"). A negative in any sentence beats a positive in any other: a
// candidate who needs a visa is better told no. The verb "sponsor" counts only next to words
// about work or visas, so "we sponsor local events" says nothing. Linear in the text; only the
// first 200,000 bytes are read.
VisaSignal visa_from_text(std::string_view text);

// "Acme Widgets (UK) Ltd." -> "acme widgets uk": ASCII lower case, "&" as "and", apostrophes
// dropped, other ASCII punctuation as spaces, a leading "the" and trailing legal forms (ltd,
// limited, plc, llp, lp, llc, inc, incorporated, corp, corporation) removed. Bytes >= 0x80
// are kept. bench/build_visa_data.py applies the same rules; keep the two in step.
std::string sponsor_name_key(std::string_view company_name);

// A set of normalised company names (sponsor_name_key), such as the UK Home Office register
// of licensed Skilled Worker sponsors. Immutable after load; safe to share between threads.
class SponsorRegister {
 public:
  // One company name a line ("#" lines and blank lines skipped); names are normalised with
  // sponsor_name_key, so raw names load too. Errc::invalid_input when no line holds a name.
  // The register keeps its own copy: `text` need not outlive it.
  static Result<SponsorRegister> load(std::string_view text);

  // Whether sponsor_name_key(company_name) is in the register. "" is never in it.
  bool contains(std::string_view company_name) const;

  std::size_t size() const { return names_.size(); }

 private:
  struct Span {
    std::size_t offset, length;
  };
  std::string_view name(Span span) const {
    return std::string_view(storage_).substr(span.offset, span.length);
  }

  std::string storage_;     // the normalised names, '\n' separated
  std::vector<Span> names_;  // where each name is in storage_, sorted by name (offsets, not
                             // views, so that moving or copying the register is safe)
};

}  // namespace hg::normalize
