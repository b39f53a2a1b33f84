// Countries for leaders the text names without one.
#include <algorithm>
#include <map>

#include "extractor/leaders.h"

namespace summit::extractor {

using reference::ReferenceData;
using reference::Token;

void FillMissingCountries(const Document& doc, const ReferenceData& data,
                          std::vector<Leader>& leaders) {
  if (std::none_of(leaders.begin(), leaders.end(),
                   [](const Leader& leader) { return leader.country.empty(); })) {
    return;
  }
  const std::vector<Token>& tokens = doc.tokens();
  std::map<std::string, int> mentions;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].capitalized) continue;
    if (auto match = data.country_names().Find(tokens, i, tokens.size()); match.length) {
      ++mentions[*match.value];
    } else if (auto demonym = data.demonyms().Find(tokens, i, tokens.size());
               demonym.length) {
      ++mentions[*demonym.value];
    }
  }
  for (Leader& leader : leaders) {
    if (!leader.country.empty()) continue;
    std::string best;
    int best_count = 0;
    for (const auto& entry : mentions) {
      const std::string& country = entry.first;
      const int count = entry.second;
      const bool taken =
          std::any_of(leaders.begin(), leaders.end(),
                      [&](const Leader& other) { return other.country == country; });
      if (!taken && count > best_count) {
        best = country;
        best_count = count;
      }
    }
    leader.country = best;
  }
}

}  // namespace summit::extractor
