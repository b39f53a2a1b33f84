#include "extractor/cues.h"

#include <algorithm>

namespace summit::extractor {

using reference::Token;

bool SentenceCues::any_meeting() const {
  return std::any_of(meeting.begin(), meeting.end(), [](bool b) { return b; });
}

namespace {

// Whether a sequence word ("followed", "ahead") is among the three words
// before token i in its sentence: the meeting word names another event.
bool AfterSequenceWord(const std::vector<Token>& tokens, size_t i,
                       const Lexicon& lexicon) {
  for (size_t k = i > 3 ? i - 3 : 0; k < i; ++k) {
    if (tokens[k].sentence == tokens[i].sentence &&
        lexicon.sequence_words.contains(tokens[k])) {
      return true;
    }
  }
  return false;
}

}  // namespace

SentenceCues FindCues(const Document& doc, const Lexicon& lexicon) {
  SentenceCues cues;
  cues.meeting.assign(doc.sentence_count(), false);
  cues.negated.assign(doc.sentence_count(), false);
  const std::vector<Token>& tokens = doc.tokens();
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind != Token::Kind::kWord) continue;
    if (lexicon.negation_words.contains(token)) cues.negated[token.sentence] = true;
    if (lexicon.video_words.contains(token)) cues.video = true;
    if (lexicon.attendance_phrases.Find(tokens, i, tokens.size()).length) {
      cues.meeting[token.sentence] = true;
    }
    if (!lexicon.meeting_words.contains(token) || AfterSequenceWord(tokens, i, lexicon))
      continue;
    cues.meeting[token.sentence] = true;
    if (lexicon.phone_words.contains(token)) cues.phone = true;
    if (lexicon.visit_words.contains(token) && i > 0 &&
        lexicon.state_visit_modifiers.contains(tokens[i - 1])) {
      cues.state_visit = true;
    }
  }
  return cues;
}

}  // namespace summit::extractor
