// How the extractor reads a place name of the gazetteer
// (reference/gazetteer.h): which of the places sharing the name the report
// means, and the location it gives.
#ifndef SUMMIT_EXTRACTOR_PLACES_H_
#define SUMMIT_EXTRACTOR_PLACES_H_

#include <vector>

#include "extractor/analysis.h"
#include "reference/gazetteer.h"
#include "summit/v1/resources.pb.h"

namespace summit::extractor {

// Whether a preposition before a name ("in Split") is cue enough for it to
// name `place`, as a dateline always is: a town whose name is also an
// English word ("Split", "Mobile", "Of") needs 100,000 people, and a town
// of fewer than 50,000 must be in a participant's country ("Asia", a town
// of the Philippines, is no place for other leaders to meet). Curated
// places need no more.
bool PrepositionSuffices(const Analysis& analysis, const reference::Place& place);

// The place a careful reader takes a name ending before token `last` for,
// among `candidates` (those the cue allows; null when empty): one in the
// region or country written after the name ("Portland, Maine", "Valencia,
// Venezuela") when there is one; else a curated place (places.json says
// what English usage means first); else the largest by population, where a
// place in a participant's country counts ten times its size, so that a
// town there beats a larger namesake abroad, though not a city ten times
// larger ("Lima" is Peru's even with a US participant).
const reference::Place* ChoosePlace(
    const Analysis& analysis, const std::vector<const reference::Place*>& candidates,
    size_t last);

// The location of `place` named by tokens [first, last): its town and
// country.
v1::Location LocationOf(const Analysis& analysis, const reference::Place& place,
                        size_t first, size_t last);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_PLACES_H_
