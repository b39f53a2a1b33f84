// Stage 4 of the analysis: the people a report names, linked to the table
// of heads of state and government (reference/data/leaders.json) by an
// alias and a term in office at the meeting's time. A link decides the
// person's name, country and office, and finds leaders the text names
// without a title ("Angela Merkel", "President Lula"); people the table does
// not know keep what the text said of them.
#ifndef SUMMIT_EXTRACTOR_LINKING_H_
#define SUMMIT_EXTRACTOR_LINKING_H_

#include <string>
#include <vector>

#include "extractor/dates.h"
#include "extractor/document.h"
#include "extractor/leaders.h"
#include "extractor/lexicon.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// The days the meeting may have taken place, "YYYY-MM-DD" inclusive; both
// empty when the text and the request tell nothing.
struct DateWindow {
  std::string first;
  std::string last;
  bool known() const { return !first.empty(); }
};

// The meeting date's day, month or year; else the month up to `published`;
// else unknown.
DateWindow MeetingWindow(const DateMention* meeting_date, const v1::Date& published);

// `leaders` linked to the table: each leader whose name is an alias of
// exactly one person in office in `window` (of the leader's country when
// the text gives one) gets that person's Wikidata id, name, country and
// office (the text's title stays when it names a head's office). A full
// alias the text names outside any leader's mention (or an alias after a
// title) adds that person. An unlinked head of state or government whose
// office the table gives to someone else throughout `window` loses the
// office: a former leader, or a title the text misapplied.
// A descriptor FindLeaders left unresolved then mentions the one leader of
// its country (or with its title).
std::vector<Leader> LinkLeaders(const Document& doc, const reference::ReferenceData& data,
                                const Lexicon& lexicon, const DateWindow& window,
                                TextLeaders found);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_LINKING_H_
