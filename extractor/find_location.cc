// Where the meeting took place.
#include <numeric>
#include <optional>

#include "extractor/finders.h"
#include "extractor/places.h"

namespace summit::extractor {

using reference::Is;
using reference::Place;
using reference::Token;

namespace {

// Whether the city at tokens [i, i + length) opens a dateline ("LISBON,
// May 6 —", "OSLO —") in the first two sentences.
bool IsDatelineCity(const Analysis& analysis, size_t i, size_t length) {
  const std::vector<Token>& tokens = analysis.tokens();
  const int sentence = tokens[i].sentence;
  if (sentence > 1 || tokens[i].start != analysis.doc().SentenceBytes(sentence).first) {
    return false;
  }
  const size_t next = i + length;
  return next < tokens.size() && (Is(tokens[next], ",") || Is(tokens[next], "—") ||
                                  Is(tokens[next], "–") || Is(tokens[next], "-"));
}

// Whether a city at tokens [i, i + length) names the meeting's place: in a
// sentence reporting the meeting and no other event, after "in", "to" or
// "at", and not the first word of a building ("Oslo Central Station").
bool IsMeetingPlace(const Analysis& analysis, size_t i, size_t length) {
  const std::vector<Token>& tokens = analysis.tokens();
  const int sentence = tokens[i].sentence;
  if (!analysis.cues().meeting[sentence] || analysis.InEvent(sentence) || i == 0 ||
      (!Is(tokens[i - 1], "in") && !Is(tokens[i - 1], "to") &&
       !Is(tokens[i - 1], "at"))) {
    return false;
  }
  const size_t next = i + length;
  return !(next < tokens.size() && tokens[next].capitalized &&
           tokens[next].sentence == sentence);
}

// Token indexes with those of the sentence that dates the meeting first.
std::vector<size_t> SearchOrder(const Analysis& analysis) {
  std::vector<size_t> order(analysis.tokens().size());
  std::iota(order.begin(), order.end(), 0);
  if (const DateMention* date = analysis.meeting_date(); date != nullptr) {
    const int dated = analysis.SentenceOf(date->first);
    std::stable_partition(order.begin(), order.end(),
                          [&](size_t i) { return analysis.SentenceOf(i) == dated; });
  }
  return order;
}

// A place of the gazetteer named as the meeting's place; else a dateline's
// place. A dateline
// stands in for a named place unless it heads the sentence that dates the
// meeting.
std::optional<v1::Location> FindCity(const Analysis& analysis) {
  const std::vector<Token>& tokens = analysis.tokens();
  const DateMention* date = analysis.meeting_date();
  std::optional<v1::Location> dateline;
  for (size_t i : SearchOrder(analysis)) {
    if (!tokens[i].capitalized) continue;
    auto match = analysis.data().gazetteer().Find(tokens, i, tokens.size());
    if (!match.length) continue;
    const bool is_dateline = IsDatelineCity(analysis, i, match.length);
    if (!is_dateline && !IsMeetingPlace(analysis, i, match.length)) continue;
    std::vector<const Place*> candidates;
    for (const Place& place : *match.value) {
      if (is_dateline || PrepositionSuffices(analysis, place))
        candidates.push_back(&place);
    }
    const Place* place = ChoosePlace(analysis, candidates, i + match.length);
    if (place == nullptr) continue;
    v1::Location location = LocationOf(analysis, *place, i, i + match.length);
    if (!is_dateline ||
        (date != nullptr && analysis.SentenceOf(date->first) == tokens[i].sentence)) {
      return location;
    }
    dateline = std::move(location);
  }
  return dateline;
}

// A country after "in" or "to" in a sentence reporting the meeting.
std::optional<v1::Location> FindCountry(const Analysis& analysis) {
  const std::vector<Token>& tokens = analysis.tokens();
  for (size_t i = 1; i < tokens.size(); ++i) {
    const int sentence = tokens[i].sentence;
    if (!analysis.cues().meeting[sentence] || analysis.InEvent(sentence) ||
        (!Is(tokens[i - 1], "in") && !Is(tokens[i - 1], "to"))) {
      continue;
    }
    if (auto country = analysis.data().country_names().Find(tokens, i, tokens.size());
        country.length) {
      v1::Location location;
      location.set_country_code(*country.value);
      *location.mutable_span() = analysis.Span(i, i + country.length);
      return location;
    }
  }
  return std::nullopt;
}

}  // namespace

void FindLocation(const Analysis& analysis, v1::Summit& summit) {
  // A call has no place; a dateline is the desk's.
  if (analysis.cues().phone || analysis.cues().video) return;
  std::optional<v1::Location> location = FindCity(analysis);
  if (!location) location = FindCountry(analysis);
  if (location) *summit.mutable_location() = *std::move(location);
}

}  // namespace summit::extractor
