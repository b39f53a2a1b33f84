// The places a report may name as where leaders met: every city of
// GeoNames (Debian's libgeonames, embedded at build time) and the short
// curated list of reference/data/places.json (venues and places that are no
// city, English names GeoNames spells otherwise). A name keeps every place
// it may stand for ("Portland": Oregon's and Maine's), for the extractor to
// choose among by country, region and population.
#ifndef SUMMIT_REFERENCE_GAZETTEER_H_
#define SUMMIT_REFERENCE_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/strings/string_view.h"
#include "reference/phrase_table.h"
#include "summit/data/v1/reference_data.pb.h"

namespace summit::reference {

struct Place {
  absl::string_view name;     // English name ("Panama City", "Chequers").
  absl::string_view country;  // ISO 3166-1 alpha-3.
  absl::string_view region;   // First-level division ("Maine"); may be empty.
  // For a building in a town, the town ("Hyderabad House": "New Delhi");
  // empty when the place is a town or stands on its own.
  absl::string_view town;
  uint32_t population = 0;  // GeoNames'; 0 for curated places.
  bool curated = false;     // From places.json, which a reader means first.
  // A one-word name that is also a lower-case English word ("Mobile").
  bool common_word = false;

  // The town the place gives a meeting: `town`, else its own name.
  absl::string_view City() const { return town.empty() ? name : town; }
};

class Gazetteer final {
 public:
  // By name; a filter of 2^18 bits (32 KB) keeps most words that name no
  // place out of the table.
  using Names = PhraseTable<std::vector<Place>, 18>;

  // Loads the embedded GeoNames cities and `curated`. `alpha_3` maps ISO
  // alpha-2 codes to alpha-3 ones; cities of other codes are left out.
  Gazetteer(data::v1::CuratedPlaces curated,
            const absl::flat_hash_map<std::string, std::string>& alpha_3);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The places of the longest name starting at tokens[i], not crossing
  // `end`: curated ones first, then GeoNames' in its order.
  Names::Match Find(const std::vector<Token>& tokens, size_t i, size_t end) const {
    return names_.Find(tokens, i, end);
  }

  // How many places it holds.
  size_t size() const { return size_; }

 private:
  void Add(absl::string_view name, const Place& place);

  // Owns the strings of the curated places.
  const data::v1::CuratedPlaces curated_;
  // ISO alpha-3 codes by alpha-2, node-based so that places can point at them.
  absl::node_hash_map<std::string, std::string> alpha_3_;
  Names names_;
  size_t size_ = 0;
};

}  // namespace summit::reference

#endif  // SUMMIT_REFERENCE_GAZETTEER_H_
