// What the extractor knows about a report before it fills in any fact,
// built once and then read-only: the sentences and tokens, the leaders and
// their mentions, the dates (resolved), the named events, which sentences
// report the meeting, whether it was a call or a visit, the meeting's date,
// the participants and an index of their mentions.
//
// The stages that build it run in the constructor, each a function of the
// stages before it (see their headers): cues, leaders and events of the
// text; the dates, resolved; the meeting's date; the leaders linked to the
// table of heads of state and government; the participants; the mention
// index. The finders (extractor/finders.h) then read it.
#ifndef SUMMIT_EXTRACTOR_ANALYSIS_H_
#define SUMMIT_EXTRACTOR_ANALYSIS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extractor/cues.h"
#include "extractor/dates.h"
#include "extractor/document.h"
#include "extractor/events.h"
#include "extractor/leaders.h"
#include "extractor/lexicon.h"
#include "extractor/linking.h"
#include "extractor/meeting_date.h"
#include "extractor/participants.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

class Analysis final {
 public:
  // Analyzes `article`. `article`, `data` and `lexicon` must outlive it.
  Analysis(const v1::Article& article, const reference::ReferenceData& data,
           const Lexicon& lexicon);

  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  // Empty when the report tells of a meeting of leaders of two or more
  // countries; else why it does not. The accessors below past `dates()`
  // are meaningful only when this is empty.
  const std::string& not_summit_reason() const { return selection_.not_summit_reason; }

  const v1::Article& article() const { return article_; }
  const reference::ReferenceData& data() const { return data_; }
  const Lexicon& lexicon() const { return lexicon_; }
  const Document& doc() const { return doc_; }
  const std::vector<reference::Token>& tokens() const { return doc_.tokens(); }
  const SentenceCues& cues() const { return cues_; }
  const std::vector<Leader>& leaders() const { return leaders_; }
  const std::vector<Event>& events() const { return events_; }
  // Every date of the text, resolved as far as the anchor allows.
  const std::vector<DateMention>& dates() const { return dates_.mentions; }
  // Relative dates that could not be resolved, as warnings.
  const std::vector<std::string>& date_warnings() const { return dates_.warnings; }
  // The mention that dates the meeting; null when the text does not.
  const DateMention* meeting_date() const { return meeting_date_; }
  // Indexes into leaders() of the participants, by country then name.
  const std::vector<int>& participants() const { return selection_.participants; }
  const MentionIndex& mentions() const { return mentions_; }

  // The span of tokens [first, last), carrying the article's source id.
  v1::TextSpan Span(size_t first, size_t last) const;
  // Whether token i exists and is `word` (lower case).
  bool IsWord(size_t i, absl::string_view word) const;
  // Whether sentence s names an event other than the meeting.
  bool InEvent(int s) const { return event_sentences_.contains(s); }
  // The sentence of token i.
  int SentenceOf(size_t i) const { return tokens()[i].sentence; }
  // The only date of sentence s; null when it has none or several.
  const DateMention* OnlyDateIn(int s) const;
  // "participants/{slug}" of leaders()[k].
  const std::string& ParticipantName(int k) const { return participant_names_[k]; }

 private:
  const v1::Article& article_;
  const reference::ReferenceData& data_;
  const Lexicon& lexicon_;
  const Document doc_;
  const SentenceCues cues_;
  const std::vector<Event> events_;
  const absl::flat_hash_set<int> event_sentences_;
  const ResolvedDates dates_;
  const DateMention* const meeting_date_;
  const std::vector<Leader> leaders_;
  const ParticipantSelection selection_;
  const MentionIndex mentions_;
  const std::vector<std::string> participant_names_;
};

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_ANALYSIS_H_
