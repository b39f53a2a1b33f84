// Documents signed or adopted at the meeting.
#include <algorithm>
#include <utility>

#include "extractor/finders.h"
#include "extractor/numbers.h"

namespace summit::extractor {

using reference::Is;
using reference::PhraseTable;
using reference::Token;

namespace {

using NounMatch = PhraseTable<v1::AgreementKind>::Match;

// The first signing verb of tokens [first, last); `last` when none.
size_t SigningVerb(const Analysis& analysis, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    if (analysis.lexicon().signing_verbs.contains(analysis.tokens()[i])) return i;
  }
  return last;
}

// The agreement nouns of tokens [first, last): after the signing verb at
// `verb`, except a joint statement, which needs no verb ("The joint
// statement mentions ..."). "documents" alone and "declaration" without
// "joint" are too vague.
std::vector<std::pair<size_t, NounMatch>> AgreementNouns(const Analysis& analysis,
                                                         size_t first, size_t last,
                                                         size_t verb) {
  const std::vector<Token>& tokens = analysis.tokens();
  std::vector<std::pair<size_t, NounMatch>> nouns;
  for (size_t i = first; i < last;) {
    auto match = analysis.lexicon().agreement_nouns.Find(tokens, i, last);
    if (!match.length ||
        (Is(tokens[i], "documents") && !analysis.IsWord(i - 1, "cooperation")) ||
        (i < verb && *match.value != v1::AGREEMENT_KIND_JOINT_STATEMENT) ||
        (*match.value == v1::AGREEMENT_KIND_JOINT_STATEMENT &&
         Is(tokens[i], "declaration") && !analysis.IsWord(i - 1, "joint"))) {
      ++i;
      continue;
    }
    nouns.emplace_back(i, match);
    i += match.length;
  }
  return nouns;
}

// The first token of an agreement mention whose noun is at i: a count or
// an indefinite ("three", "several", "a") before the adjectives in front
// of the noun, not before `floor`. Sets the agreement's count.
size_t CountBefore(const Analysis& analysis, size_t i, size_t floor,
                   v1::Agreement& agreement) {
  const std::vector<Token>& tokens = analysis.tokens();
  size_t back = i;
  while (back > floor &&
         (analysis.lexicon().count_adjectives.contains(tokens[back - 1]) ||
          Is(tokens[back - 1], "cooperation") || Is(tokens[back - 1], "commercial"))) {
    --back;
  }
  if (back == floor) return i;
  const Token& before = tokens[back - 1];
  if (double value = NumberValue(before, analysis.lexicon()); value > 0 && value < 1000) {
    agreement.set_count(static_cast<int>(value));
    return back - 1;
  }
  if (Is(before, "multiple") || Is(before, "several") || Is(before, "a") ||
      Is(before, "an")) {
    return back - 1;
  }
  return i;
}

// With no sector in its own sentence, an agreement takes those of the next
// sentence when that one is about it ("Its text covers ...").
void SectorsFromNextSentence(const Analysis& analysis, size_t i,
                             v1::Agreement& agreement) {
  const int next = analysis.SentenceOf(i) + 1;
  if (agreement.sectors_size() != 0 || next >= analysis.doc().sentence_count()) return;
  auto [first, last] = analysis.doc().SentenceTokens(next);
  if (first < last && (analysis.IsWord(first, "its") || analysis.IsWord(first, "it"))) {
    for (const std::string& sector : SectorsIn(analysis, first, last)) {
      agreement.add_sectors(sector);
    }
  }
}

// Adds `agreement`, or merges it into one of the same kind and count found
// before (a headline repeats the body): the sectors are joined, and the
// mention with as many sectors describes it.
void AddOrMerge(v1::Agreement agreement, v1::Summit& summit) {
  for (v1::Agreement& earlier : *summit.mutable_agreements()) {
    if (earlier.kind() != agreement.kind() || earlier.count() != agreement.count())
      continue;
    for (const std::string& sector : agreement.sectors()) {
      if (std::find(earlier.sectors().begin(), earlier.sectors().end(), sector) ==
          earlier.sectors().end()) {
        earlier.add_sectors(sector);
      }
    }
    if (earlier.sectors_size() == agreement.sectors_size() &&
        agreement.sectors_size() > 0) {
      *earlier.mutable_span() = agreement.span();
      earlier.set_description(agreement.description());
    }
    return;
  }
  *summit.add_agreements() = std::move(agreement);
}

// Fills in the agreement whose noun is at tokens [i, i + noun.length) and
// whose mention starts at `start`: its sectors after it, its text up to
// `end` (the next agreement's mention or the sentence's end, without the
// words that join them).
void CompleteAgreement(const Analysis& analysis, size_t i, const NounMatch& noun,
                       size_t start, size_t end, v1::Agreement& agreement) {
  end = std::max(end, i + noun.length);
  while (end > i + noun.length &&
         (analysis.IsWord(end - 1, ".") || analysis.IsWord(end - 1, ",") ||
          analysis.IsWord(end - 1, "and") || analysis.IsWord(end - 1, "or"))) {
    --end;
  }
  for (const std::string& sector : SectorsIn(analysis, i + noun.length, end)) {
    agreement.add_sectors(sector);
  }
  SectorsFromNextSentence(analysis, i, agreement);
  agreement.set_description(std::string(analysis.doc().TextOf(start, end)));
  *agreement.mutable_span() = analysis.Span(start, end);
}

}  // namespace

void FindAgreements(const Analysis& analysis, v1::Summit& summit) {
  for (int s = 0; s < analysis.doc().sentence_count(); ++s) {
    auto [first, last] = analysis.doc().SentenceTokens(s);
    const size_t verb = SigningVerb(analysis, first, last);
    const auto nouns = AgreementNouns(analysis, first, last, verb);
    std::vector<v1::Agreement> agreements(nouns.size());
    std::vector<size_t> starts(nouns.size());
    for (size_t n = 0; n < nouns.size(); ++n) {
      const size_t i = nouns[n].first;
      agreements[n].set_kind(*nouns[n].second.value);
      const size_t floor = std::max(first, verb < i ? verb + 1 : first);
      starts[n] = CountBefore(analysis, i, floor, agreements[n]);
    }
    for (size_t n = 0; n < nouns.size(); ++n) {
      const size_t end = n + 1 < nouns.size() ? starts[n + 1] : last;
      CompleteAgreement(analysis, nouns[n].first, nouns[n].second, starts[n], end,
                        agreements[n]);
      AddOrMerge(std::move(agreements[n]), summit);
    }
  }
}

}  // namespace summit::extractor
