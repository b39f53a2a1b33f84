// Engagements the report relates the meeting to: other named events, past
// meetings and dated actions of the countries.
#include <algorithm>
#include <set>

#include "extractor/finders.h"
#include "extractor/places.h"

namespace summit::extractor {

using reference::Is;
using reference::Token;

namespace {

// The countries sentence s names, and the participants' when it speaks of
// both sides ("both", "the two countries").
std::vector<std::string> CountriesIn(const Analysis& analysis, int s) {
  const std::vector<Token>& tokens = analysis.tokens();
  std::set<std::string> countries;
  auto [first, last] = analysis.doc().SentenceTokens(s);
  for (size_t i = first; i < last; ++i) {
    if (Is(tokens[i], "both") ||
        (Is(tokens[i], "two") && i + 1 < last &&
         (Is(tokens[i + 1], "countries") || Is(tokens[i + 1], "nations")))) {
      for (int k : analysis.participants())
        countries.insert(analysis.leaders()[k].country);
    }
    if (!tokens[i].capitalized) continue;
    if (auto name = analysis.data().country_names().Find(tokens, i, last); name.length) {
      countries.insert(*name.value);
    } else if (auto demonym = analysis.data().demonyms().Find(tokens, i, last);
               demonym.length) {
      countries.insert(*demonym.value);
    }
  }
  return {countries.begin(), countries.end()};
}

// The place named after "in" or "at" in tokens [from, end): a city, or a
// country ("in New Zealand", "held in Lima"). Empty when none.
v1::Location PlaceAfter(const Analysis& analysis, size_t from, size_t end) {
  const std::vector<Token>& tokens = analysis.tokens();
  v1::Location location;
  for (size_t i = from; i + 1 < end; ++i) {
    if (!Is(tokens[i], "in") && !Is(tokens[i], "at")) continue;
    if (tokens[i + 1].capitalized) {
      if (auto match = analysis.data().gazetteer().Find(tokens, i + 1, end);
          match.length) {
        std::vector<const reference::Place*> candidates;
        for (const reference::Place& place : *match.value) {
          if (PrepositionSuffices(analysis, place)) candidates.push_back(&place);
        }
        const size_t last = i + 1 + match.length;
        if (const reference::Place* place = ChoosePlace(analysis, candidates, last)) {
          return LocationOf(analysis, *place, i + 1, last);
        }
      }
    }
    size_t c = i + 1;
    if (Is(tokens[c], "the")) ++c;
    if (auto country = analysis.data().country_names().Find(tokens, c, end);
        country.length) {
      location.set_country_code(*country.value);
      *location.mutable_span() = analysis.Span(c, c + country.length);
      return location;
    }
  }
  return location;
}

// The date of an event's sentence nearest the event; null when none.
const DateMention* DateNear(const Analysis& analysis, const Event& event) {
  const DateMention* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const DateMention& mention : analysis.dates()) {
    if (analysis.SentenceOf(mention.first) != event.sentence) continue;
    const size_t distance = mention.first > event.last
                                ? mention.first - event.last
                                : event.first - std::min(event.first, mention.last);
    if (distance < best_distance) {
      best = &mention;
      best_distance = distance;
    }
  }
  return best;
}

// An event held every year at the same time and place takes its month and
// place from reference/data/events.json where the text gives none.
void FillFromRecurringEvent(const Analysis& analysis, const Event& event,
                            v1::RelatedEngagement& engagement) {
  auto known =
      analysis.data().recurring_events().Find(analysis.tokens(), event.first, event.last);
  if (known.length != event.last - event.first) return;
  if (engagement.date().year() != 0 && engagement.date().month() == 0) {
    engagement.mutable_date()->set_month(known.value->month());
  }
  if (engagement.location().city().empty() &&
      engagement.location().country_code().empty() && known.value->has_city()) {
    engagement.mutable_location()->set_city(known.value->city().name());
    engagement.mutable_location()->set_country_code(known.value->city().country());
  }
}

// A new engagement named by tokens [name_first, name_last) of sentence s,
// described by the sentence, with the countries it names.
v1::RelatedEngagement* AddEngagement(const Analysis& analysis, int s, size_t name_first,
                                     size_t name_last, v1::Summit& summit) {
  auto [first, last] = analysis.doc().SentenceTokens(s);
  if (analysis.IsWord(last - 1, ".")) --last;
  v1::RelatedEngagement* engagement = summit.add_related_engagements();
  engagement->set_event_name(std::string(analysis.doc().TextOf(name_first, name_last)));
  engagement->set_description(std::string(analysis.doc().TextOf(first, last)));
  for (const std::string& country : CountriesIn(analysis, s)) {
    engagement->add_country_codes(country);
  }
  return engagement;
}

// Named events with a date, an ordinal or a year of their own; without
// one, a named meeting is this one or a passing mention.
void AddNamedEvents(const Analysis& analysis, v1::Summit& summit) {
  for (const Event& event : analysis.events()) {
    const DateMention* date = DateNear(analysis, event);
    if (date != nullptr && date == analysis.meeting_date()) continue;
    if (date == nullptr && event.ordinal == 0 && event.year == 0) continue;
    const std::string name(analysis.doc().TextOf(event.first, event.last));
    if (std::any_of(
            summit.related_engagements().begin(), summit.related_engagements().end(),
            [&](const v1::RelatedEngagement& e) { return e.event_name() == name; })) {
      continue;
    }
    v1::RelatedEngagement* engagement =
        AddEngagement(analysis, event.sentence, event.first, event.last, summit);
    engagement->set_ordinal(event.ordinal);
    if (date != nullptr) *engagement->mutable_date() = date->date;
    if (date == nullptr && event.year != 0)
      engagement->mutable_date()->set_year(event.year);
    *engagement->mutable_location() = PlaceAfter(
        analysis, event.last, analysis.doc().SentenceTokens(event.sentence).second);
    FillFromRecurringEvent(analysis, event, *engagement);
    *engagement->mutable_span() = analysis.Span(event.mention_first, event.last);
  }
}

// A dated meeting other than this one, named by the words before "held in
// PLACE" ("the trade consultations held in Vienna three years
// ago"). Returns whether it added one for `mention`.
bool AddPastMeeting(const Analysis& analysis, const DateMention& mention,
                    v1::Summit& summit) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  const int s = analysis.SentenceOf(mention.first);
  auto [first, last] = analysis.doc().SentenceTokens(s);
  for (size_t held = first + 1; held + 2 < last; ++held) {
    if (!Is(tokens[held], "held") || !Is(tokens[held + 1], "in")) continue;
    v1::Location place = PlaceAfter(analysis, held + 1, last);
    if (place.city().empty() && place.country_code().empty()) continue;
    // This meeting, told again ("the talks, held in Quito on Monday").
    if (place.city() == summit.location().city() &&
        mention.date.SerializeAsString() == summit.date().SerializeAsString()) {
      return false;
    }
    size_t end = held;
    while (end > first && lexicon.past_meeting_auxiliaries.contains(tokens[end - 1]))
      --end;
    size_t start = end;
    while (start > first && end - start < 5 &&
           tokens[start - 1].kind == Token::Kind::kWord &&
           !lexicon.past_meeting_name_stops.contains(tokens[start - 1])) {
      --start;
    }
    if (start == end) continue;
    v1::RelatedEngagement* engagement = AddEngagement(analysis, s, start, end, summit);
    *engagement->mutable_date() = mention.date;
    *engagement->mutable_location() = std::move(place);
    *engagement->mutable_span() = analysis.Span(start, end);
    return true;
  }
  return false;
}

// A country's action dated by `mention`, outside the meeting: an action
// verb and up to five words after it ("Peru reopened its consulate ... in
// March").
void AddDatedAction(const Analysis& analysis, const DateMention& mention,
                    v1::Summit& summit) {
  const std::vector<Token>& tokens = analysis.tokens();
  const Lexicon& lexicon = analysis.lexicon();
  const int s = analysis.SentenceOf(mention.first);
  auto [first, last] = analysis.doc().SentenceTokens(s);
  for (size_t v = first; v < last; ++v) {
    if (!lexicon.action_verbs.contains(tokens[v])) continue;
    size_t end = v + 1;
    while (end < last && end != mention.first && tokens[end].kind == Token::Kind::kWord &&
           !lexicon.action_name_stops.contains(tokens[end]) && end - v < 6) {
      ++end;
    }
    if (end == v + 1) continue;
    v1::RelatedEngagement* engagement = AddEngagement(analysis, s, v, end, summit);
    *engagement->mutable_date() = mention.date;
    *engagement->mutable_span() = analysis.Span(v, end);
    return;
  }
}

}  // namespace

void FindEngagements(const Analysis& analysis, v1::Summit& summit) {
  AddNamedEvents(analysis, summit);
  for (const DateMention& mention : analysis.dates()) {
    const int s = analysis.SentenceOf(mention.first);
    if (&mention == analysis.meeting_date() || analysis.InEvent(s)) continue;
    // A sentence about this meeting may still recall an earlier one.
    if (AddPastMeeting(analysis, mention, summit) || analysis.cues().meeting[s]) continue;
    AddDatedAction(analysis, mention, summit);
  }
}

}  // namespace summit::extractor
