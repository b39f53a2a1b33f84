// Where the meeting took place: a place of the gazetteer named the way a
// careful reader takes for the meeting's place, else a country.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "extractor/finders.h"
#include "extractor/places.h"

namespace summit::extractor {

using reference::Is;
using reference::Place;
using reference::Token;

namespace {

// A dateline opens a sentence within the first bytes of the text, after a
// headline, a byline or a photo caption.
constexpr uint32_t kDatelineBytes = 600;
// The most tokens from a preposition to the place it puts something in:
// "in the southern port city of Mombasa", "to Prime Minister Jon Berg's
// Chequers".
constexpr size_t kPrepositionReach = 8;

bool IsDash(const Token& token) {
  return Is(token, "—") || Is(token, "–") || Is(token, "-");
}

bool IsPlacePreposition(const Token& token) {
  return Is(token, "in") || Is(token, "at") || Is(token, "to");
}

// Whether a place name at tokens [i, i + length) opens a dateline: it
// starts a sentence near the top and is followed, after an optional
// ", Region" or ", Country", by a dash, a colon, an agency in parentheses
// or a date ("LIMA, Feb. 3 —", "OSLO (Reuters) —", "ERBIL, Kurdistan
// Region -", "NAIROBI: ...", "Addis Ababa February 6/2022").
bool IsDateline(const Analysis& analysis, size_t i, size_t length) {
  const std::vector<Token>& tokens = analysis.tokens();
  const int sentence = tokens[i].sentence;
  if (tokens[i].start >= kDatelineBytes ||
      tokens[i].start != analysis.doc().SentenceBytes(sentence).first) {
    return false;
  }
  auto is_month = [&](size_t k) {
    return k < tokens.size() && analysis.lexicon().month_names.Value(tokens[k]) > 0;
  };
  size_t next = i + length;
  if (analysis.IsWord(next, ",")) {
    size_t k = next + 1;
    while (k < tokens.size() && k < next + 4 && tokens[k].capitalized && !is_month(k))
      ++k;
    if (k > next + 1) next = k;
  }
  if (next >= tokens.size()) return false;
  return IsDash(tokens[next]) || Is(tokens[next], ":") || Is(tokens[next], "(") ||
         is_month(next) || (Is(tokens[next], ",") && is_month(next + 1));
}

// How many capitalized words of sentence s from token j name a building,
// up to and with its venue noun ("Presidential Palace": 2); 0 when they
// name none.
size_t VenueNameLength(const Analysis& analysis, size_t j, int s) {
  const std::vector<Token>& tokens = analysis.tokens();
  for (size_t k = j; k < tokens.size() && k < j + 4 && tokens[k].sentence == s; ++k) {
    if (!tokens[k].capitalized) return 0;
    if (analysis.lexicon().venue_heads.contains(tokens[k])) return k + 1 - j;
  }
  return 0;
}

// Whether a preposition ("in", "at", "to") puts the place name at tokens
// [i, i + length) where something happens: directly ("in Lima"), through a
// possessive ("to Prime Minister Jon Berg's Chequers"), or, after "in" or "at", a
// description ending in a place noun ("in the port city of Tianjin", "in Peru's
// capital Lima"). "The" may stand before a curated place ("at the Kremlin"). A
// name followed by other capitalized words names something else ("in the Harbour
// Times", "at Oslo Central Station"), except a date ("in Lima Friday") and a
// building of the town ("at the Bogor Presidential Palace"); a building named by
// the town and a venue noun alone is often named after it and elsewhere ("at
// Chatham House"), so it needs "the" ("at the Hilton Hotel").
bool AfterPreposition(const Analysis& analysis, size_t i, size_t length, bool curated) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  const int sentence = tokens[i].sentence;
  const size_t next = i + length;
  size_t venue = 0;
  if (next < tokens.size() && tokens[next].capitalized &&
      tokens[next].sentence == sentence &&
      lexicon.weekday_names.Value(tokens[next]) == 0 &&
      lexicon.month_names.Value(tokens[next]) == 0) {
    venue = VenueNameLength(analysis, next, sentence);
    if (venue == 0) return false;
  }
  size_t k = i;
  if (k >= 2 && (Is(tokens[k - 1], "of") || Is(tokens[k - 1], ",")) &&
      lexicon.place_nouns.contains(tokens[k - 2])) {
    k -= 2;
  } else if (k >= 1 && lexicon.place_nouns.contains(tokens[k - 1])) {
    k -= 1;
  }
  if (k < i) {
    // The words of the description: "the port", "Peru's", "the Chinese".
    // Only "in" and "at" place the event there: "linking the capital to
    // the port of Lamu" does not.
    for (int n = 0; n < 4 && k > 0 && !IsPlacePreposition(tokens[k - 1]) &&
                    tokens[k - 1].kind == Token::Kind::kWord;
         ++n) {
      --k;
    }
    if (k >= 1 && Is(tokens[k - 1], "to")) return false;
  } else if (k >= 2 && Is(tokens[k - 1], "'s") && tokens[k - 2].capitalized) {
    // The owner's capitalized words: "Starmer's", "Prime Minister Jon Berg's".
    k -= 2;
    for (int n = 0; n < 5 && k > 0 && tokens[k - 1].capitalized; ++n) --k;
  } else if (k >= 1 && Is(tokens[k - 1], "the") && (curated || venue > 0)) {
    k -= 1;
  } else if (venue == 1) {
    return false;
  }
  return k >= 1 && tokens[k - 1].sentence == sentence &&
         IsPlacePreposition(tokens[k - 1]);
}

// Whether token i is in a mention of a leader ("Castro", a town too).
bool InLeaderMention(const Analysis& analysis, size_t i) {
  for (const Leader& leader : analysis.leaders()) {
    for (const auto& [first, last] : leader.mentions) {
      if (first <= i && i < last) return true;
    }
  }
  return false;
}

// Whether punctuation ends a clause.
bool EndsClause(const Token& token) {
  return Is(token, ",") || Is(token, ";") || Is(token, ":") || Is(token, "(") ||
         Is(token, ")") || IsDash(token);
}

// Tokens [begin, end) of the clause of token i: between punctuation that
// ends clauses, within its sentence.
std::pair<size_t, size_t> ClauseOf(const Analysis& analysis, size_t i) {
  const std::vector<Token>& tokens = analysis.tokens();
  auto [first, last] = analysis.doc().SentenceTokens(analysis.SentenceOf(i));
  size_t begin = i;
  while (begin > first && !EndsClause(tokens[begin - 1])) --begin;
  size_t end = i;
  while (end < last && !EndsClause(tokens[end])) ++end;
  return {begin, end};
}

// Whether tokens [begin, end) set what they tell at another time than the
// meeting: a date to come or of another year ("in Rome in 2021"), or a word of
// the past or future outside a date ("last met in Kazan", "will meet in Lima";
// "last Thursday" is a date, the meeting's or not).
bool AtAnotherTime(const Analysis& analysis, size_t begin, size_t end) {
  const std::vector<Token>& tokens = analysis.tokens();
  const DateMention* meeting = analysis.meeting_date();
  const int year = meeting != nullptr ? meeting->date.year() : 0;
  std::vector<bool> in_date(end - begin, false);
  for (const DateMention& date : analysis.dates()) {
    if (date.last <= begin || date.first >= end) continue;
    if (&date != meeting && (date.future || (date.date.year() != 0 && year != 0 &&
                                             date.date.year() != year))) {
      return true;
    }
    for (size_t k = std::max(date.first, begin); k < std::min(date.last, end); ++k) {
      in_date[k - begin] = true;
    }
  }
  const Lexicon& lexicon = analysis.lexicon();
  for (size_t k = begin; k < end; ++k) {
    if (!in_date[k - begin] && (lexicon.future_words.contains(tokens[k]) ||
                                lexicon.past_words.contains(tokens[k]))) {
      return true;
    }
  }
  return false;
}

// Whether a meeting word bears on the place at token i, whose clause is tokens
// [begin, end): one in that clause or before it in the sentence ("met Abiy, his
// counterpart, in Mombasa"), or any when the clause is the place opening the
// sentence ("In Mombasa, Ruto met Abiy"); not one only in a later clause ("began
// the trip in Mombasa, where he met executives").
bool MeetingWordBears(const Analysis& analysis, size_t i, size_t begin, size_t end) {
  const std::vector<Token>& tokens = analysis.tokens();
  const size_t first = analysis.doc().SentenceTokens(analysis.SentenceOf(i)).first;
  for (size_t k = first; k < end; ++k) {
    if (analysis.lexicon().meeting_words.contains(tokens[k])) return true;
  }
  return begin == first && IsPlacePreposition(tokens[begin]);
}

// How strongly the place at token i is the meeting's: 0 in the sentence that
// dates the meeting, 1 in another sentence reporting it (also one naming an
// event the leaders met at: "on the sidelines of the ... Summit in Lima"), 2 a
// dateline (the desk's city, which may be elsewhere); nullopt when it is not the
// meeting's place.
std::optional<int> Rank(const Analysis& analysis, size_t i, bool is_dateline) {
  if (is_dateline) return 2;
  const int s = analysis.SentenceOf(i);
  const auto [begin, end] = ClauseOf(analysis, i);
  if (!analysis.cues().meeting[s] || analysis.cues().negated[s] ||
      AtAnotherTime(analysis, begin, end) || !MeetingWordBears(analysis, i, begin, end)) {
    return std::nullopt;
  }
  const DateMention* date = analysis.meeting_date();
  return date != nullptr && analysis.SentenceOf(date->first) == s ? 0 : 1;
}

// A place the text names for the meeting, with its rank (see Rank) and whether
// it is a building, which a town of the same rank beats ("at the Great Hall of
// the People in Beijing").
struct RankedPlace {
  v1::Location location;
  int rank = 0;
  bool building = false;
};

// The meeting's place among the gazetteer's names of the text: the best-ranked
// one, the first of its rank.
std::optional<RankedPlace> FindPlace(const Analysis& analysis) {
  const std::vector<Token>& tokens = analysis.tokens();
  std::optional<RankedPlace> best;
  size_t preposition = SIZE_MAX;  // The last "in", "at" or "to".
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    // Two letters first: the cheap test, on every token.
    if (token.lower.size() == 2 && IsPlacePreposition(token)) {
      preposition = i;
      continue;
    }
    if (!token.capitalized) continue;
    // Only a name a preposition may reach, or a sentence's first word near
    // the top, can be cued: the others skip the lookup.
    const bool reachable = preposition < i && i - preposition <= kPrepositionReach &&
                           tokens[preposition].sentence == token.sentence;
    const bool opens_sentence = i == 0 || tokens[i - 1].sentence != token.sentence;
    if (!reachable && !(opens_sentence && token.start < kDatelineBytes)) continue;
    auto match = analysis.data().gazetteer().Find(tokens, i, tokens.size());
    if (!match.length || InLeaderMention(analysis, i)) continue;
    const size_t last = i + match.length;
    // A country's name is the country, unless the town is that country's
    // ("Singapore", "Luxembourg").
    auto country = analysis.data().country_names().Find(tokens, i, tokens.size());
    const bool names_a_country = country.length >= match.length;
    const bool is_dateline = IsDateline(analysis, i, match.length);
    std::vector<const Place*> candidates;
    for (const Place& place : *match.value) {
      if (names_a_country && place.country != *country.value) continue;
      const bool cued =
          is_dateline || AfterPreposition(analysis, i, match.length, place.curated);
      if (cued && (is_dateline || PrepositionSuffices(analysis, place))) {
        candidates.push_back(&place);
      }
    }
    if (candidates.empty()) continue;
    const std::optional<int> rank = Rank(analysis, i, is_dateline);
    if (!rank) continue;
    const Place& place = *ChoosePlace(analysis, candidates, last);
    const bool building = !place.town.empty();
    if (best &&
        std::make_pair(*rank, building) >= std::make_pair(best->rank, best->building)) {
      continue;
    }
    best = RankedPlace{LocationOf(analysis, place, i, last), *rank, building};
    if (*rank == 0 && !building) break;
  }
  return best;
}

// Whether sentence s has a phone or video word.
bool NamesACall(const Analysis& analysis, int s) {
  const std::vector<Token>& tokens = analysis.tokens();
  auto [first, last] = analysis.doc().SentenceTokens(s);
  for (size_t k = first; k < last; ++k) {
    if (analysis.lexicon().phone_words.contains(tokens[k]) ||
        analysis.lexicon().video_words.contains(tokens[k])) {
      return true;
    }
  }
  return false;
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
  std::optional<RankedPlace> place = FindPlace(analysis);
  // A call has no place, and a dateline is the desk's. A call the text
  // tells of besides a meeting whose dated sentence names its place, and no
  // call, is another exchange ("had earlier spoken by phone").
  if (analysis.cues().phone || analysis.cues().video) {
    if (!place || place->rank != 0 ||
        NamesACall(analysis, analysis.SentenceOf(analysis.meeting_date()->first))) {
      return;
    }
  }
  std::optional<v1::Location> location;
  if (place) location = std::move(place->location);
  if (!location) location = FindCountry(analysis);
  if (location) *summit.mutable_location() = *std::move(location);
}

}  // namespace summit::extractor
