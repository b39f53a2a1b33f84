#include "extractor/events.h"

#include "absl/strings/numbers.h"
#include "extractor/numbers.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

// Whether token t may be part of an event's name.
bool IsNamePart(const Token& t, const Lexicon& lexicon) {
  return (t.capitalized && !lexicon.event_name_stops.contains(t)) ||
         (t.kind == Token::Kind::kNumber && !IsOrdinal(t.lower)) || Is(t, "(") ||
         Is(t, ")") || Is(t, "'s") || Is(t, "'") || Is(t, "’");
}

// Whether t joins two capitalized parts of a name ("Council of Europe").
bool IsNameJoiner(const Token& t) {
  return Is(t, "of") || Is(t, "and") || Is(t, "on") || Is(t, "-") || Is(t, "–") ||
         Is(t, "—");
}

// The first token of the name that ends with the head at `head`.
size_t NameStart(const std::vector<Token>& tokens, size_t head, const Lexicon& lexicon) {
  const int sentence = tokens[head].sentence;
  size_t first = head;
  while (first > 0 && tokens[first - 1].sentence == sentence) {
    const Token& t = tokens[first - 1];
    const bool joiner = IsNameJoiner(t) && first >= 2 && tokens[first - 2].capitalized;
    if (!IsNamePart(t, lexicon) && !joiner) break;
    --first;
  }
  while (first < head && (Is(tokens[first], "(") || Is(tokens[first], "of") ||
                          Is(tokens[first], "'") || Is(tokens[first], "’"))) {
    ++first;
  }
  return first;
}

// The year after the head ("Expo 2040"), 0 when none.
int YearAfter(const std::vector<Token>& tokens, size_t head) {
  if (head + 1 >= tokens.size()) return 0;
  const Token& next = tokens[head + 1];
  if (next.sentence != tokens[head].sentence || next.kind != Token::Kind::kNumber ||
      next.lower.size() != 4) {
    return 0;
  }
  int year = 0;
  return absl::SimpleAtoi(next.lower, &year) && year >= 1900 && year <= 2100 ? year : 0;
}

// Whether a four-digit number follows the head in its sentence.
bool NumberFollows(const std::vector<Token>& tokens, size_t head) {
  return head + 1 < tokens.size() && tokens[head + 1].sentence == tokens[head].sentence &&
         tokens[head + 1].kind == Token::Kind::kNumber &&
         tokens[head + 1].lower.size() == 4;
}

// Sets the event's ordinal from up to six tokens before its name ("the
// 14th ...", "the first meeting of the ... Council"), and its mention's
// start to the ordinal and a "the" before it.
void FindOrdinal(const Document& doc, const Lexicon& lexicon, Event& event) {
  const std::vector<Token>& tokens = doc.tokens();
  const size_t sentence_first = doc.SentenceTokens(event.sentence).first;
  event.mention_first = event.first;
  for (size_t back = event.first; back > sentence_first && event.first - back < 7;
       --back) {
    if (int ordinal = OrdinalValue(tokens[back - 1].lower, lexicon); ordinal > 0) {
      event.ordinal = ordinal;
      event.mention_first = back - 1;
      break;
    }
    if (Is(tokens[back - 1], ",") || Is(tokens[back - 1], ".")) break;
  }
  if (event.mention_first > 0 && Is(tokens[event.mention_first - 1], "the")) {
    --event.mention_first;
  }
}

}  // namespace

std::vector<Event> FindEvents(const Document& doc, const Lexicon& lexicon) {
  const std::vector<Token>& tokens = doc.tokens();
  std::vector<Event> events;
  for (size_t i = 1; i < tokens.size(); ++i) {
    if (!lexicon.event_heads.contains(tokens[i])) continue;
    const int sentence = tokens[i].sentence;
    if (!tokens[i].capitalized &&
        !(tokens[i - 1].capitalized && tokens[i - 1].sentence == sentence &&
          tokens[i - 1].start != doc.SentenceBytes(sentence).first)) {
      continue;
    }
    Event event;
    event.first = NameStart(tokens, i, lexicon);
    if (event.first == i && !NumberFollows(tokens, i)) continue;
    event.last = i + 1;
    event.year = YearAfter(tokens, i);
    if (event.year != 0) event.last = i + 2;
    event.sentence = sentence;
    FindOrdinal(doc, lexicon, event);
    events.push_back(event);
  }
  return events;
}

absl::flat_hash_set<int> EventSentences(const std::vector<Event>& events) {
  absl::flat_hash_set<int> sentences;
  for (const Event& event : events) sentences.insert(event.sentence);
  return sentences;
}

}  // namespace summit::extractor
