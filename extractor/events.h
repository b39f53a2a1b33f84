// Stage 1 of the analysis: named events other than the meeting itself
// ("the 14th Harbour Economic Forum", "Expo 2040", "the OECD
// summit"), so that their dates and places are not taken for the meeting's.
#ifndef SUMMIT_EXTRACTOR_EVENTS_H_
#define SUMMIT_EXTRACTOR_EVENTS_H_

#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extractor/document.h"
#include "extractor/lexicon.h"

namespace summit::extractor {

struct Event {
  size_t first = 0;  // Tokens [first, last) of the name, without "the" and ordinal.
  size_t last = 0;
  size_t mention_first = 0;  // The first token with them.
  int ordinal = 0;           // "the 32nd ...": 32; 0 when none.
  int year = 0;              // From the name ("Expo 2040"); 0 when none.
  int sentence = 0;
};

// The named events of `doc`, in text order. A name is a run of capitalized
// words (joined by "of", "and", "on" or dashes, with numbers and
// parentheses) ending in an event head ("Summit", "Forum"); a lower-case
// head needs a capitalized word before it ("the OECD summit"). A bare head
// ("the Summit") is the meeting itself and no event.
std::vector<Event> FindEvents(const Document& doc, const Lexicon& lexicon);

// The sentences that name an event.
absl::flat_hash_set<int> EventSentences(const std::vector<Event>& events);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_EVENTS_H_
