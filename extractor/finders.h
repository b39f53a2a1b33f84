// The finders: one per kind of fact of a Summit. Each is a function of the
// analysis (extractor/analysis.h) that fills its part of the record, with
// the span of every fact it adds. The extractor runs them in the order
// below; a finder that reads what an earlier one wrote says so.
#ifndef SUMMIT_EXTRACTOR_FINDERS_H_
#define SUMMIT_EXTRACTOR_FINDERS_H_

#include <string>
#include <vector>

#include "extractor/analysis.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// summit.date: the meeting's date; adds a warning when the text states none.
void FindDate(const Analysis& analysis, v1::Summit& summit,
              std::vector<std::string>& warnings);

// summit.location: a place of the gazetteer that a preposition puts the
// meeting in ("in Lima", "to Prime Minister Jon Berg's Chequers", "in the port
// city of Tianjin", "at the Kremlin") in a clause that reports the meeting
// and no other time (the sentence that dates the meeting first, then the
// first such clause; a town before a building), else a dateline's place,
// else a country after "in" or "to" there; among places sharing a name,
// the one ChoosePlace (extractor/places.h) picks. None for a phone or video
// call, unless the sentence that dates the meeting names its place and no
// call.
void FindLocation(const Analysis& analysis, v1::Summit& summit);

// summit.participants: the selected leaders with every mention.
void FindParticipants(const Analysis& analysis, v1::Summit& summit);

// summit.sectors: sector words of the text in a sense that names their
// sector, once per sector with every mention (the words and the head noun
// after them: "trade talks"), except words quoted from someone who is not
// a participant. A sector word is not in that sense as a verb ("to cement
// ties") or before a noun that heads a compound about something else
// ("military attacks", "customs data").
void FindSectors(const Analysis& analysis, v1::Summit& summit);

// The sector names ("sectors/{id}") of the sector words in tokens
// [first, last), in the sense FindSectors takes them, in text order, once
// each. FindAgreements uses it.
std::vector<std::string> SectorsIn(const Analysis& analysis, size_t first, size_t last);

// summit.agreements: agreement nouns after a signing verb (a joint
// statement needs none), with the count before them and the sectors after.
void FindAgreements(const Analysis& analysis, v1::Summit& summit);

// summit.amounts: money (a number with a currency) and counts (a number
// with the noun it counts), with qualifier, country and date. A range
// ("$20-25 billion") is two amounts, at least its low end and at most its
// high end; numbers of names, models, formulas and years are none.
void FindAmounts(const Analysis& analysis, v1::Summit& summit);

// summit.related_engagements: other dated events the report names, past
// meetings "held in" a place, and dated actions of a country. Reads the
// summit's date and location (run after FindDate and FindLocation).
void FindEngagements(const Analysis& analysis, v1::Summit& summit);

// summit.statements: what participants said, with the reporting verb.
void FindStatements(const Analysis& analysis, v1::Summit& summit);

// summit.format, name, title and sources. Reads the date, location and
// participants (run last).
void NameSummit(const Analysis& analysis, v1::Summit& summit);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_FINDERS_H_
