// The sectors the meeting was about.
#include <algorithm>
#include <map>

#include "common/resource_names.h"
#include "extractor/finders.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

// Which tokens stand inside quotation marks; a quotation ends with its
// paragraph at the latest.
std::vector<bool> QuotedTokens(const Document& doc) {
  const std::vector<Token>& tokens = doc.tokens();
  std::vector<bool> quoted(tokens.size(), false);
  bool inside = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& w = tokens[i];
    if (Is(w, "“") || (Is(w, "\"") && !inside)) {
      inside = true;
    } else if (Is(w, "”") || Is(w, "\"") ||
               (i > 0 && tokens[i].sentence != tokens[i - 1].sentence &&
                doc.text()[tokens[i].start - 1] == '\n')) {
      inside = false;
    }
    quoted[i] = inside;
  }
  return quoted;
}

// Per sentence: whether it mentions a participant.
std::vector<bool> ParticipantSentences(const Analysis& analysis) {
  std::vector<bool> sentences(analysis.doc().sentence_count(), false);
  for (int k : analysis.participants()) {
    for (const auto& [first, last] : analysis.leaders()[k].mentions) {
      sentences[analysis.SentenceOf(first)] = true;
    }
  }
  return sentences;
}

}  // namespace

void FindSectors(const Analysis& analysis, v1::Summit& summit) {
  const std::vector<Token>& tokens = analysis.tokens();
  const std::vector<bool> quoted = QuotedTokens(analysis.doc());
  const std::vector<bool> participant_sentence = ParticipantSentences(analysis);
  std::map<std::string, v1::SummitSector*> by_id;
  for (size_t i = 0; i < tokens.size();) {
    auto match = analysis.data().sector_words().Find(tokens, i, tokens.size());
    const size_t next = i + match.length;
    if (!match.length ||
        (next < tokens.size() &&
         analysis.lexicon().source_nouns.contains(tokens[next])) ||
        (quoted[i] && !participant_sentence[tokens[i].sentence])) {
      i += std::max<size_t>(match.length, 1);
      continue;
    }
    v1::SummitSector*& sector = by_id[*match.value];
    if (sector == nullptr) {
      sector = summit.add_sectors();
      sector->set_sector(common::ResourceName(common::kSectors, *match.value));
      sector->set_surface_text(std::string(analysis.doc().TextOf(i, next)));
      *sector->mutable_span() = analysis.Span(i, next);
    }
    *sector->add_mentions() = analysis.Span(i, next);
    i = next;
  }
}

std::vector<std::string> SectorsIn(const Analysis& analysis, size_t first, size_t last) {
  std::vector<std::string> sectors;
  for (size_t i = first; i < last;) {
    auto match = analysis.data().sector_words().Find(analysis.tokens(), i, last);
    if (!match.length) {
      ++i;
      continue;
    }
    const std::string name = common::ResourceName(common::kSectors, *match.value);
    if (std::find(sectors.begin(), sectors.end(), name) == sectors.end()) {
      sectors.push_back(name);
    }
    i += match.length;
  }
  return sectors;
}

}  // namespace summit::extractor
