// The participants (selected by the analysis, see participants.h).
#include "extractor/finders.h"

namespace summit::extractor {

void FindParticipants(const Analysis& analysis, v1::Summit& summit) {
  for (int k : analysis.participants()) {
    const Leader& leader = analysis.leaders()[k];
    v1::SummitParticipant* participant = summit.add_participants();
    participant->set_participant(analysis.ParticipantName(k));
    participant->set_display_name(leader.display_name);
    participant->set_title(leader.title);
    participant->set_country_code(leader.country);
    participant->set_wikidata_id(leader.wikidata_id);
    for (const auto& [first, last] : leader.mentions) {
      *participant->add_mentions() = analysis.Span(first, last);
    }
  }
}

}  // namespace summit::extractor
