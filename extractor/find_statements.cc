// What the participants said.
#include "absl/strings/match.h"
#include "extractor/finders.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

bool IsQuote(const Token& w) {
  return Is(w, "\"") || Is(w, "“") || Is(w, "”") || Is(w, "‘");
}

// Who speaks through the reporting verb at i, within a sentence starting at
// `first`: the participant right before it ("Mendez stressed"), before an
// adverb ("also called") or an aside ("The minister, as usual,
// stressed"); the last participant named for a pronoun; the sentence's
// speaker for "and" ("said ... and described"). Sets `subject` to the
// subject's token. -1 when no participant speaks.
int SpeakerOf(const Analysis& analysis, size_t i, size_t first, int last_speaker,
              int sentence_speaker, size_t* subject) {
  const std::vector<Token>& tokens = analysis.tokens();
  size_t k = i - 1;
  if (k > first && (absl::EndsWith(tokens[k].lower, "ly") || Is(tokens[k], "also"))) --k;
  if (Is(tokens[k], ",") && k > first) {
    size_t open = k - 1;
    while (open > first && !Is(tokens[open], ",")) --open;
    if (open > first && Is(tokens[open], ",")) k = open - 1;
  }
  *subject = k;
  if (int speaker = analysis.mentions().ParticipantAt(k); speaker >= 0) return speaker;
  if (Is(tokens[k], "he") || Is(tokens[k], "she")) return last_speaker;
  if (Is(tokens[k], "and")) return sentence_speaker;
  return -1;
}

// Where a statement's text and span lie.
struct StatementBounds {
  size_t text_first = 0;
  size_t text_last = 0;
  size_t span_first = 0;
  size_t span_last = 0;
};

// The text after the verb at i (and after an addressee and "that") runs to
// the sentence's end [.., last) or to the next "and <reporting verb>"; with nothing after
// the verb, it is the quotation before the speaker ("“We will build,” she said."). False
// when there is no text.
bool FindText(const Analysis& analysis, size_t i, size_t text_start, size_t subject,
              size_t first, size_t last, StatementBounds& bounds) {
  const std::vector<Token>& tokens = analysis.tokens();
  const auto& verbs = analysis.lexicon().reporting_verbs;
  // "told her Chilean counterpart that ...": the addressee is no part of it.
  if (const int addressee = analysis.mentions().ParticipantAt(text_start);
      addressee >= 0) {
    size_t after = text_start;
    while (after < last && analysis.mentions().ParticipantAt(after) == addressee) ++after;
    if (analysis.IsWord(after, "that")) text_start = after;
  }
  if (analysis.IsWord(text_start, "that") || analysis.IsWord(text_start, "on"))
    ++text_start;
  size_t end = text_start;
  while (end < last && !(Is(tokens[end], "and") && end + 1 < last &&
                         verbs.contains(tokens[end + 1].lower))) {
    ++end;
  }
  if (end > text_start && Is(tokens[end - 1], ".")) --end;
  if (end > text_start) {
    bounds = {text_start, end, subject, end};
    return true;
  }
  text_start = first;
  end = analysis.mentions().MentionStart(subject);
  while (end > text_start && (Is(tokens[end - 1], ",") || IsQuote(tokens[end - 1])))
    --end;
  while (text_start < end && IsQuote(tokens[text_start])) ++text_start;
  if (end <= text_start) return false;
  bounds = {text_start, end, first, i + 1};
  return true;
}

}  // namespace

void FindStatements(const Analysis& analysis, v1::Summit& summit) {
  const std::vector<Token>& tokens = analysis.tokens();
  const auto& verbs = analysis.lexicon().reporting_verbs;
  int last_speaker = -1;
  for (int s = 0; s < analysis.doc().sentence_count(); ++s) {
    auto [first, last] = analysis.doc().SentenceTokens(s);
    int sentence_speaker = -1;
    for (size_t i = first; i < last; ++i) {
      if (int k = analysis.mentions().ParticipantAt(i); k >= 0) last_speaker = k;
      auto verb = verbs.find(tokens[i].lower);
      if (verb == verbs.end() || i == first) continue;
      size_t subject = i;
      const int speaker =
          SpeakerOf(analysis, i, first, last_speaker, sentence_speaker, &subject);
      if (speaker < 0) {
        // "..., said Anna Berg, chief executive of ...": someone else speaks
        // now, and a later "she" is not a participant.
        if (i + 1 < last && tokens[i + 1].capitalized &&
            analysis.mentions().ParticipantAt(i + 1) < 0) {
          last_speaker = -1;
        }
        continue;
      }
      size_t text_start = i + 1;
      if (verb->second == "call for") {
        if (!analysis.IsWord(text_start, "for")) continue;  // "called" a name.
        ++text_start;
      }
      StatementBounds bounds;
      if (!FindText(analysis, i, text_start, subject, first, last, bounds)) continue;
      v1::Statement* statement = summit.add_statements();
      statement->set_speaker(analysis.ParticipantName(speaker));
      statement->set_verb(verb->second);
      statement->set_text(
          std::string(analysis.doc().TextOf(bounds.text_first, bounds.text_last)));
      *statement->mutable_span() = analysis.Span(bounds.span_first, bounds.span_last);
      sentence_speaker = speaker;
    }
  }
}

}  // namespace summit::extractor
