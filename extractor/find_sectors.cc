// The sectors the meeting was about.
#include <algorithm>
#include <map>

#include "absl/strings/match.h"
#include "common/resource_names.h"
#include "extractor/finders.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;
using reference::TokenSet;

namespace {

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

// Whether the quotation of tokens [open, close) is a participant's: a
// sentence it touches names one (or holds a participant's quotation), or it
// opens its sentence, names no speaker of its own (a pronoun after it,
// "...,” he said", or nothing) and the sentence before it does.
bool ParticipantQuote(const Analysis& analysis, const std::vector<bool>& participant,
                      size_t open, size_t close) {
  const std::vector<Token>& tokens = analysis.tokens();
  const int first = tokens[open].sentence;
  const int last = tokens[std::max(open, close - 1)].sentence;
  for (int s = first; s <= last; ++s) {
    if (participant[s]) return true;
  }
  if (first == 0 || !participant[first - 1] ||
      open != analysis.doc().SentenceTokens(first).first) {
    return false;
  }
  size_t k = close;
  if (k < tokens.size() && (Is(tokens[k], "”") || Is(tokens[k], "\""))) ++k;
  if (k < tokens.size() && analysis.lexicon().reporting_verbs.contains(tokens[k].lower))
    ++k;
  return k >= tokens.size() || tokens[k].sentence != last || Is(tokens[k], "he") ||
         Is(tokens[k], "she") || Is(tokens[k], ".");
}

// Per token: whether it stands inside a quotation of someone who is not a
// participant. A quotation ends with its paragraph at the latest; the
// sentence a participant's quotation ends in counts as naming that
// participant for the quotations after it.
std::vector<bool> OthersQuotes(const Analysis& analysis) {
  const std::vector<Token>& tokens = analysis.tokens();
  std::vector<bool> participant = ParticipantSentences(analysis);
  std::vector<bool> others(tokens.size(), false);
  bool inside = false;
  size_t open = 0;
  auto close = [&](size_t end) {
    if (!inside) return;
    inside = false;
    if (ParticipantQuote(analysis, participant, open, end)) {
      participant[tokens[std::max(open, end - 1)].sentence] = true;
    } else {
      std::fill(others.begin() + open, others.begin() + end, true);
    }
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& w = tokens[i];
    if (i > 0 && w.sentence != tokens[i - 1].sentence &&
        analysis.doc().text()[w.start - 1] == '\n') {
      close(i);
    }
    if (Is(w, "“") || (Is(w, "\"") && !inside)) {
      close(i);
      inside = true;
      open = i;
    } else if (Is(w, "”") || Is(w, "\"")) {
      close(i);
    }
  }
  close(tokens.size());
  return others;
}

// Whether `w`, right after a sector phrase, is a noun of its own: a word
// that is no function word, adverb ("-ly"), past form ("-ed") or gerund.
bool IsNoun(const Token& w, const Lexicon& lexicon) {
  return w.kind == Token::Kind::kWord && !lexicon.function_words.contains(w) &&
         !absl::EndsWith(w.lower, "ly") && !absl::EndsWith(w.lower, "ed") &&
         !absl::EndsWith(w.lower, "ing");
}

// Whether the sentence of token i is set in title case, as headlines are:
// four in five of its longer words capitalized.
bool TitleCase(const Analysis& analysis, size_t i) {
  const std::vector<Token>& tokens = analysis.tokens();
  const auto [first, last] = analysis.doc().SentenceTokens(tokens[i].sentence);
  int words = 0;
  int capitalized = 0;
  for (size_t k = first; k < last; ++k) {
    if (tokens[k].kind != Token::Kind::kWord || tokens[k].lower.size() < 4) continue;
    ++words;
    capitalized += tokens[k].capitalized;
  }
  return capitalized * 5 >= words * 4;
}

// Whether the capitalized sector phrase [i, next) is part of a name: of an
// event the analysis found ("Asia-Pacific Economic Cooperation (APEC)
// Economic Leaders' Meeting") or of an institution, a run of capitalized
// words around it (joined by "of", "for", "and", "on") that opens or ends
// with an institution word ("Ministry of Trade", "World Trade
// Organization"). Names of documents keep their sectors ("Free Trade
// Agreement"), and title-case headlines have no such names.
bool InName(const Analysis& analysis, size_t i, size_t next) {
  const std::vector<Token>& tokens = analysis.tokens();
  if (!tokens[i].capitalized) return false;
  for (const Event& event : analysis.events()) {
    if (event.first <= i && next <= event.last) return true;
  }
  const int sentence = tokens[i].sentence;
  auto in_run = [&](size_t k) {
    return k < tokens.size() && tokens[k].sentence == sentence &&
           tokens[k].kind == Token::Kind::kWord &&
           (tokens[k].capitalized || Is(tokens[k], "of") || Is(tokens[k], "for") ||
            Is(tokens[k], "and") || Is(tokens[k], "on"));
  };
  size_t first = i;
  while (first > 0 && in_run(first - 1)) --first;
  while (first < i && !tokens[first].capitalized) ++first;
  size_t last = next;
  while (in_run(last)) ++last;
  while (last > next && !tokens[last - 1].capitalized) --last;
  const TokenSet& institutions = analysis.lexicon().institution_words;
  return (first < i || next < last) &&
         (institutions.contains(tokens[first]) ||
          institutions.contains(tokens[last - 1])) &&
         !TitleCase(analysis, i);
}

// Whether the "to" at token k closes a range ("from steel to farm goods"):
// a "from" stands up to six tokens before it in its sentence.
bool InRange(const Analysis& analysis, size_t k) {
  const std::vector<Token>& tokens = analysis.tokens();
  if (!Is(tokens[k], "to")) return false;
  for (size_t back = k; back > 0 && k - back < 6; --back) {
    if (tokens[back - 1].sentence != tokens[k].sentence) return false;
    if (Is(tokens[back - 1], "from")) return true;
  }
  return false;
}

// Where the mention of the sector phrase of `length` tokens at token i
// ends, before `last`: after the phrase, or after a head noun that follows
// it ("trade talks"). 0 when the phrase is not in the sector's sense: a
// verb ("to cement ties", "fuel the recovery"), the modifier of another
// noun ("military attacks", "customs data") or part of a name.
size_t MentionEnd(const Analysis& analysis, size_t i, size_t length, size_t last) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  const size_t next = i + length;
  const bool followed = next < last && tokens[next].sentence == tokens[i].sentence;
  if (InName(analysis, i, next)) return 0;
  if (length == 1 && lexicon.sector_verbs.contains(tokens[i]) &&
      ((i > 0 && lexicon.verb_markers.contains(tokens[i - 1]) &&
        !InRange(analysis, i - 1)) ||
       (followed && lexicon.determiners.contains(tokens[next])))) {
    return 0;
  }
  if (!followed || !IsNoun(tokens[next], lexicon)) return next;
  if (lexicon.sector_heads.contains(tokens[next])) {
    // "security sources said": a source of the report, not the sector.
    const bool source =
        next + 1 < last && lexicon.reporting_verbs.contains(tokens[next + 1].lower);
    return source ? 0 : next + 1;
  }
  return analysis.data().sector_words().Find(tokens, next, last).length ? next : 0;
}

}  // namespace

void FindSectors(const Analysis& analysis, v1::Summit& summit) {
  const std::vector<Token>& tokens = analysis.tokens();
  const std::vector<bool> others_quotes = OthersQuotes(analysis);
  std::map<std::string, v1::SummitSector*> by_id;
  for (size_t i = 0; i < tokens.size();) {
    const auto match = analysis.data().sector_words().Find(tokens, i, tokens.size());
    if (!match.length) {
      ++i;
      continue;
    }
    const size_t end = MentionEnd(analysis, i, match.length, tokens.size());
    if (end == 0 || others_quotes[i]) {
      i += match.length;
      continue;
    }
    v1::SummitSector*& sector = by_id[*match.value];
    if (sector == nullptr) {
      sector = summit.add_sectors();
      sector->set_sector(common::ResourceName(common::kSectors, *match.value));
      sector->set_surface_text(std::string(analysis.doc().TextOf(i, end)));
      *sector->mutable_span() = analysis.Span(i, end);
      *sector->add_mentions() = sector->span();
    } else {
      *sector->add_mentions() = analysis.Span(i, end);
    }
    i += match.length;
  }
}

std::vector<std::string> SectorsIn(const Analysis& analysis, size_t first, size_t last) {
  std::vector<std::string> sectors;
  for (size_t i = first; i < last;) {
    const auto match = analysis.data().sector_words().Find(analysis.tokens(), i, last);
    if (!match.length) {
      ++i;
      continue;
    }
    if (MentionEnd(analysis, i, match.length, last) != 0) {
      const std::string name = common::ResourceName(common::kSectors, *match.value);
      if (std::find(sectors.begin(), sectors.end(), name) == sectors.end()) {
        sectors.push_back(name);
      }
    }
    i += match.length;
  }
  return sectors;
}

}  // namespace summit::extractor
