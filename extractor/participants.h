// Stage 5 of the analysis: which of the leaders named took part in the
// meeting, and which tokens mention them.
#ifndef SUMMIT_EXTRACTOR_PARTICIPANTS_H_
#define SUMMIT_EXTRACTOR_PARTICIPANTS_H_

#include <string>
#include <vector>

#include "extractor/cues.h"
#include "extractor/dates.h"
#include "extractor/document.h"
#include "extractor/leaders.h"

namespace summit::extractor {

struct ParticipantSelection {
  // Indexes into the leaders, ordered by country and then name.
  std::vector<int> participants;
  // Set when the text reports no meeting of leaders of two countries.
  std::string not_summit_reason;
};

// The participants are the leaders with a country and an office named in a
// sentence that reports the meeting (a meeting word, no negation, no date
// in a year other than the meeting's, no date to come); all such leaders
// when that leaves fewer than two countries with a head of state or
// government. No summit without a meeting sentence or without heads of
// state or government of two countries: ministers meeting alone are not a
// summit.
ParticipantSelection SelectParticipants(const Document& doc, const SentenceCues& cues,
                                        const std::vector<Leader>& leaders,
                                        const std::vector<DateMention>& dates,
                                        const DateMention* meeting_date);

// Which participant each token mentions.
class MentionIndex final {
 public:
  MentionIndex(size_t token_count, const std::vector<Leader>& leaders,
               const std::vector<int>& participants);

  // The participant (index into the leaders) a mention at token i belongs
  // to; -1 when none.
  int ParticipantAt(size_t i) const { return owner_[i]; }
  // The first token of the participant mention that holds token i; i when
  // none does.
  size_t MentionStart(size_t i) const { return owner_[i] < 0 ? i : start_[i]; }

 private:
  std::vector<int> owner_;
  std::vector<size_t> start_;
};

// "participants/{slug}" of each participant, at its index into `leaders`;
// empty for the others.
std::vector<std::string> ParticipantNames(const std::vector<Leader>& leaders,
                                          const std::vector<int>& participants);

}  // namespace summit::extractor

#endif  // SUMMIT_EXTRACTOR_PARTICIPANTS_H_
