#include "reference/gazetteer.h"

#include <utility>

#include "reference/geonames_cities.h"

namespace summit::reference {

Gazetteer::Gazetteer(data::v1::CuratedPlaces curated,
                     const absl::flat_hash_map<std::string, std::string>& alpha_3)
    : curated_(std::move(curated)), alpha_3_(alpha_3.begin(), alpha_3.end()) {
  for (const data::v1::CuratedPlace& entry : curated_.places()) {
    Place place;
    place.name = entry.name();
    place.country = entry.country();
    place.region = entry.region();
    place.town = entry.town();
    place.curated = true;
    ++size_;
    Add(entry.name(), place);
    for (const std::string& alias : entry.aliases()) Add(alias, place);
  }
  for (size_t i = 0; i < embedded::kGeoNamesCityCount; ++i) {
    const embedded::GeoNamesCity& city = embedded::kGeoNamesCities[i];
    auto country = alpha_3_.find(city.country);
    if (country == alpha_3_.end()) continue;  // Kosovo's "XK", which ISO lacks.
    Place place;
    place.name = city.name;
    place.country = country->second;
    place.region = city.region;
    place.population = city.population;
    place.common_word = city.common_word;
    ++size_;
    Add(city.name, place);
    if (*city.ascii_name != '\0') Add(city.ascii_name, place);
  }
}

void Gazetteer::Add(absl::string_view name, const Place& place) {
  if (std::vector<Place>* places = names_.Upsert(name); places != nullptr) {
    places->push_back(place);
  }
}

}  // namespace summit::reference
