// Heads of state and government and ministers named in a text, each with
// every mention: full ("Chinese President Xi Jinping", "President of the
// People's Republic of China Xi Jinping", "the Prime Minister, Mark Carney",
// "his Australian counterpart Malcolm Turnbull", "Russia's Vladimir Putin")
// and short ("President Xi", "Carney", "the Kenyan president").
#ifndef SUMMIT_EXTRACTOR_LEADERS_H_
#define SUMMIT_EXTRACTOR_LEADERS_H_

#include <string>
#include <utility>
#include <vector>

#include "extractor/document.h"
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
std::vector<Leader> FindLeaders(const Document& doc,
                                const reference::ReferenceData& data);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_LEADERS_H_
