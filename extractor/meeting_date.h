// Stages 2 and 3 of the analysis: every date of the text resolved against
// an anchor, and the one date that is the meeting's.
#ifndef SUMMIT_EXTRACTOR_MEETING_DATE_H_
#define SUMMIT_EXTRACTOR_MEETING_DATE_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extractor/cues.h"
#include "extractor/dates.h"
#include "extractor/document.h"
#include "extractor/lexicon.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

struct ResolvedDates {
  std::vector<DateMention> mentions;  // In text order.
  std::vector<std::string> warnings;  // One per relative date left unresolved.
};

// Every date of `doc`, resolved against `published` when it is a full date,
// else against the first absolute day outside the sentences that name
// other events (`event_sentences`).
ResolvedDates ResolveDates(const Document& doc, const Lexicon& lexicon,
                           const v1::Date& published,
                           const absl::flat_hash_set<int>& event_sentences);

// The meeting's date among `dates`: the most precise date of a sentence
// with a meeting word and no other event (earlier sentences first, then
// nearer the meeting word); a full date of a meeting sentence that names an
// event when it is more precise (the meeting may be that event); else the
// date of a dateline ("LIMA, Feb. 3 —"). Dates that end more than a month
// before `published` come after the dateline: a report tells of a recent
// meeting, and an older date is an earlier one's. Null when there is none.
// Points into `dates`.
const DateMention* ChooseMeetingDate(const Document& doc,
                                     const reference::ReferenceData& data,
                                     const Lexicon& lexicon, const SentenceCues& cues,
                                     const absl::flat_hash_set<int>& event_sentences,
                                     const std::vector<DateMention>& dates,
                                     const v1::Date& published);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_MEETING_DATE_H_
