#include "extractor/analysis.h"

namespace summit::extractor {

using reference::Is;
using reference::ReferenceData;

Analysis::Analysis(const v1::Article& article, const ReferenceData& data,
                   const Lexicon& lexicon)
    : article_(article),
      data_(data),
      lexicon_(lexicon),
      doc_(article.text()),
      cues_(FindCues(doc_, lexicon)),
      events_(FindEvents(doc_, lexicon)),
      event_sentences_(EventSentences(events_)),
      dates_(ResolveDates(doc_, lexicon, article.published(), event_sentences_)),
      meeting_date_(ChooseMeetingDate(doc_, data, lexicon, cues_, event_sentences_,
                                      dates_.mentions, article.published())),
      leaders_(LinkLeaders(doc_, data, lexicon,
                           MeetingWindow(meeting_date_, article.published()),
                           FindLeaders(doc_, data, lexicon))),
      selection_(
          SelectParticipants(doc_, cues_, leaders_, dates_.mentions, meeting_date_)),
      mentions_(doc_.tokens().size(), leaders_, selection_.participants),
      participant_names_(ParticipantNames(leaders_, selection_.participants)) {}

v1::TextSpan Analysis::Span(size_t first, size_t last) const {
  v1::TextSpan span = doc_.Span(first, last);
  span.set_source_id(article_.source_id());
  return span;
}

bool Analysis::IsWord(size_t i, absl::string_view word) const {
  return i < tokens().size() && Is(tokens()[i], word);
}

const DateMention* Analysis::OnlyDateIn(int s) const {
  const DateMention* only = nullptr;
  for (const DateMention& mention : dates()) {
    if (SentenceOf(mention.first) != s) continue;
    if (only != nullptr) return nullptr;
    only = &mention;
  }
  return only;
}

}  // namespace summit::extractor
