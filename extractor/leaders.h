// Heads of state and government and ministers named in a text, each with
// every mention: full ("Peruvian President Ana Ruiz", "President of the
// Republic of Peru Ana Ruiz", "the Prime Minister, Jon Berg", "her Norwegian
// counterpart Jon Berg", "Peru's Ana Ruiz") and short ("President Ruiz",
// "Berg", "the Peruvian president").
#ifndef SUMMIT_EXTRACTOR_LEADERS_H_
#define SUMMIT_EXTRACTOR_LEADERS_H_

#include <algorithm>
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
  // Wikidata id of the person of reference/data/leaders.json the name is
  // linked to (see linking.h); empty when unlinked.
  std::string wikidata_id;

  // Puts the mentions in text order, each once.
  void SortMentions() {
    std::sort(mentions.begin(), mentions.end());
    mentions.erase(std::unique(mentions.begin(), mentions.end()), mentions.end());
  }
};

// A mention of a leader without the name: "the Peruvian president", "the
// Prime Minister", "her Chilean counterpart".
struct Descriptor {
  size_t first;
  size_t last;
  std::string country;  // Empty for "the Prime Minister".
  std::string title;
  data::v1::OfficeKind kind;
};

struct TextLeaders {
  std::vector<Leader> leaders;
  // Descriptors that name no one leader of the text yet (the linking may
  // tell whose they are).
  std::vector<Descriptor> unresolved;
};

// Finds the leaders of `doc`. Spokespersons, executives and others whose
// role data/titles.json excludes are left out, and so are people named
// without an office.
TextLeaders FindLeaders(const Document& doc, const reference::ReferenceData& data,
                        const Lexicon& lexicon);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_LEADERS_H_
