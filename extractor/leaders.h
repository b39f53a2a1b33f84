// Heads of state and government and ministers named in a text, each with
// every mention: full ("Peruvian President Ana Ruiz", "President of the
// Republic of Peru Ana Ruiz", "the Prime Minister, Jon Berg", "her Norwegian
// counterpart Jon Berg", "Peru's Ana Ruiz") and short ("President Ruiz",
// "Berg", "the Peruvian president").
#ifndef SUMMIT_EXTRACTOR_LEADERS_H_
#define SUMMIT_EXTRACTOR_LEADERS_H_

#include <string>
#include <utility>
#include <vector>

#include "extractor/document.h"
#include "extractor/lexicon.h"
#include "reference/reference_data.h"

namespace summit::extractor {

struct Leader {
  std::string display_name;  // As first written in full.
  std::string title;         // The office, capitalized ("Prime Minister").
  std::string country;       // ISO alpha-3; empty when the text does not tell.
  data::v1::OfficeKind kind = data::v1::OFFICE_KIND_UNSPECIFIED;
  // Token ranges of every mention, in text order.
  std::vector<std::pair<size_t, size_t>> mentions;
  // Lower-case tokens of the full name.
  std::vector<std::string> name_tokens;
};

// Finds the leaders of `doc`. Spokespersons, executives and others whose
// role data/titles.json excludes are left out, and so are people named
// without an office.
std::vector<Leader> FindLeaders(const Document& doc, const reference::ReferenceData& data,
                                const Lexicon& lexicon);

// Gives a leader named without a country the most mentioned country of the
// text that no other leader has; part of FindLeaders.
void FillMissingCountries(const Document& doc, const reference::ReferenceData& data,
                          std::vector<Leader>& leaders);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_LEADERS_H_
