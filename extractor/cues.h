// Stage 1 of the analysis: what single words tell about each sentence and
// the report as a whole.
#ifndef SUMMIT_EXTRACTOR_CUES_H_
#define SUMMIT_EXTRACTOR_CUES_H_

#include <vector>

#include "extractor/document.h"
#include "extractor/lexicon.h"

namespace summit::extractor {

struct SentenceCues {
  // Per sentence: it has a meeting word ("met", "talks", "call") that is
  // not set in another event's time ("followed a meeting with"), or an
  // attendance phrase ("took part").
  std::vector<bool> meeting;
  // Per sentence: it says someone did not take part ("did not attend").
  std::vector<bool> negated;
  // A meeting word that is a phone word: the meeting was a phone call.
  bool phone = false;
  // A video word anywhere ("virtual summit"): it was a video call.
  bool video = false;
  // A visit meeting word after a state-visit modifier ("state visit").
  bool state_visit = false;

  bool any_meeting() const;
};

SentenceCues FindCues(const Document& doc, const Lexicon& lexicon);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_CUES_H_
