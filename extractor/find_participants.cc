// The participants (selected by the analysis, see participants.h), ordered
// by country code, then resource name, as Summit.participants promises.
#include <algorithm>
#include <tuple>

#include "extractor/extractor.h"
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
  SortParticipants(summit);
}

void SortParticipants(v1::Summit& summit) {
  std::sort(summit.mutable_participants()->begin(), summit.mutable_participants()->end(),
            [](const v1::SummitParticipant& a, const v1::SummitParticipant& b) {
              return std::tie(a.country_code(), a.participant()) <
                     std::tie(b.country_code(), b.participant());
            });
}

}  // namespace summit::extractor
