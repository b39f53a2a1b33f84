#include "extractor/places.h"

#include <algorithm>
#include <string>

namespace summit::extractor {

using reference::Place;
using reference::Token;

namespace {

constexpr double kParticipantCountryWeight = 10;
constexpr uint32_t kCommonWordPopulation = 100000;
constexpr uint32_t kSmallTownPopulation = 50000;

bool IsParticipantCountry(const Analysis& analysis, absl::string_view country) {
  for (int k : analysis.participants()) {
    if (analysis.leaders()[k].country == country) return true;
  }
  return false;
}

// Whether `qualifier` (lower-case tokens) is `region` or its last words
// ("Maine" for "State of Maine").
bool IsRegion(const std::vector<std::string>& qualifier, absl::string_view region) {
  const std::vector<std::string> words = reference::LowerTokens(region);
  return !qualifier.empty() && qualifier.size() <= words.size() &&
         std::equal(qualifier.begin(), qualifier.end(), words.end() - qualifier.size());
}

// The candidates in the region or country written after the name (", the
// United States", ", California"); all of them when none is.
std::vector<const Place*> Qualified(const Analysis& analysis,
                                    const std::vector<const Place*>& candidates,
                                    size_t last) {
  const std::vector<Token>& tokens = analysis.tokens();
  if (!analysis.IsWord(last, ",") || last + 1 >= tokens.size()) return candidates;
  const int sentence = tokens[last].sentence;
  size_t from = last + 1;
  if (analysis.IsWord(from, "the")) ++from;
  size_t to = from;
  while (to < tokens.size() && to < from + 4 && tokens[to].capitalized &&
         tokens[to].sentence == sentence) {
    ++to;
  }
  if (to == from) return candidates;
  std::vector<const Place*> qualified;
  auto country = analysis.data().country_names().Find(tokens, from, to);
  std::vector<std::string> qualifier;
  for (size_t i = from; i < to; ++i) qualifier.push_back(tokens[i].lower);
  for (const Place* place : candidates) {
    if ((country.length && *country.value == place->country) ||
        IsRegion(qualifier, place->region)) {
      qualified.push_back(place);
    }
  }
  return qualified.empty() ? candidates : qualified;
}

}  // namespace

bool PrepositionSuffices(const Analysis& analysis, const Place& place) {
  if (place.curated) return true;
  if (place.common_word && place.population < kCommonWordPopulation) return false;
  return place.population >= kSmallTownPopulation ||
         IsParticipantCountry(analysis, place.country);
}

const Place* ChoosePlace(const Analysis& analysis,
                         const std::vector<const Place*>& candidates, size_t last) {
  auto weight = [&](const Place* place) {
    return std::make_pair(
        place->curated,
        place->population * (IsParticipantCountry(analysis, place->country)
                                 ? kParticipantCountryWeight
                                 : 1.0));
  };
  const Place* best = nullptr;
  for (const Place* place : Qualified(analysis, candidates, last)) {
    if (best == nullptr || weight(place) > weight(best)) best = place;
  }
  return best;
}

v1::Location LocationOf(const Analysis& analysis, const Place& place, size_t first,
                        size_t last) {
  v1::Location location;
  location.set_city(std::string(place.City()));
  location.set_country_code(std::string(place.country));
  *location.mutable_span() = analysis.Span(first, last);
  return location;
}

}  // namespace summit::extractor
