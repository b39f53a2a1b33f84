#include "extractor/participants.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "common/resource_names.h"

namespace summit::extractor {
namespace {

// Whether sentence s reports this meeting: it has a meeting word, says
// nobody "did not" take part, and dates nothing in another year or to come
// ("will attend the forum in May").
bool ReportsTheMeeting(int s, const Document& doc, const SentenceCues& cues,
                       const std::vector<DateMention>& dates,
                       const DateMention* meeting_date) {
  if (!cues.meeting[s] || cues.negated[s]) return false;
  const int year = meeting_date != nullptr ? meeting_date->date.year() : 0;
  return std::none_of(dates.begin(), dates.end(), [&](const DateMention& m) {
    return doc.tokens()[m.first].sentence == s && &m != meeting_date &&
           (m.future || (m.date.year() != 0 && year != 0 && m.date.year() != year));
  });
}

// How many countries the chosen leaders represent.
size_t CountryCount(const std::vector<Leader>& leaders, const std::vector<int>& chosen) {
  std::set<std::string> countries;
  for (int k : chosen) countries.insert(leaders[k].country);
  return countries.size();
}

// How many countries the chosen leaders' heads of state or government
// represent.
size_t HeadCountries(const std::vector<Leader>& leaders, const std::vector<int>& chosen) {
  std::set<std::string> countries;
  for (int k : chosen) {
    if (leaders[k].kind == data::v1::OFFICE_KIND_HEAD_OF_STATE ||
        leaders[k].kind == data::v1::OFFICE_KIND_HEAD_OF_GOVERNMENT) {
      countries.insert(leaders[k].country);
    }
  }
  return countries.size();
}

}  // namespace

ParticipantSelection SelectParticipants(const Document& doc, const SentenceCues& cues,
                                        const std::vector<Leader>& leaders,
                                        const std::vector<DateMention>& dates,
                                        const DateMention* meeting_date) {
  ParticipantSelection selection;
  if (!cues.any_meeting()) {
    selection.not_summit_reason = "no meeting, talks or call between leaders is reported";
    return selection;
  }
  std::vector<int> in_meetings;
  std::vector<int> all;
  for (size_t k = 0; k < leaders.size(); ++k) {
    const Leader& leader = leaders[k];
    if (leader.country.empty() || leader.kind == data::v1::OFFICE_KIND_UNSPECIFIED)
      continue;
    all.push_back(static_cast<int>(k));
    if (std::any_of(leader.mentions.begin(), leader.mentions.end(), [&](const auto& m) {
          return ReportsTheMeeting(doc.tokens()[m.first].sentence, doc, cues, dates,
                                   meeting_date);
        })) {
      in_meetings.push_back(static_cast<int>(k));
    }
  }
  std::vector<int>& chosen = selection.participants;
  // Meeting sentences that name one country's head, or no one, leave the
  // heads to other sentences; ministers of two countries meeting alone
  // are no summit.
  const size_t heads_in_meetings = HeadCountries(leaders, in_meetings);
  const bool ministers_meeting =
      heads_in_meetings == 0 && CountryCount(leaders, in_meetings) >= 2;
  chosen = heads_in_meetings >= 2 || ministers_meeting ? in_meetings : all;
  if (HeadCountries(leaders, chosen) < 2) {
    chosen.clear();
    selection.not_summit_reason =
        "no meeting between heads of state or government of two or more countries is "
        "reported";
    return selection;
  }
  std::sort(chosen.begin(), chosen.end(), [&](int a, int b) {
    return std::tie(leaders[a].country, leaders[a].display_name) <
           std::tie(leaders[b].country, leaders[b].display_name);
  });
  return selection;
}

MentionIndex::MentionIndex(size_t token_count, const std::vector<Leader>& leaders,
                           const std::vector<int>& participants)
    : owner_(token_count, -1), start_(token_count, 0) {
  for (int k : participants) {
    for (const auto& [first, last] : leaders[k].mentions) {
      for (size_t t = first; t < last; ++t) {
        if (owner_[t] >= 0) continue;
        owner_[t] = k;
        start_[t] = first;
      }
    }
  }
}

std::vector<std::string> ParticipantNames(const std::vector<Leader>& leaders,
                                          const std::vector<int>& participants) {
  std::vector<std::string> names(leaders.size());
  for (int k : participants) {
    names[k] = common::ResourceName(common::kParticipants, Slug(leaders[k].display_name));
  }
  return names;
}

}  // namespace summit::extractor
