// The cities of Debian's libgeonames (GeoNames' cities of 15,000 people or
// more), as reference/geonames_dump.cc writes them into a C++ source at
// build time. The Gazetteer (reference/gazetteer.h) reads them.
#ifndef SUMMIT_REFERENCE_GEONAMES_CITIES_H_
#define SUMMIT_REFERENCE_GEONAMES_CITIES_H_

#include <cstddef>
#include <cstdint>

namespace summit::reference::embedded {

struct GeoNamesCity {
  const char* name;        // GeoNames' English name ("Kazan’", "Bogotá").
  const char* ascii_name;  // Without diacritics or a final prime ("Kazan",
                           // "Bogota"); "" when the same as `name`.
  const char* region;      // First-level division ("Tatarstan Republic").
  char country[3];         // ISO 3166-1 alpha-2 ("RU").
  uint32_t population;
  // A one-word name that is also a lower-case English word ("Mobile").
  bool common_word;
};

extern const GeoNamesCity kGeoNamesCities[];
extern const size_t kGeoNamesCityCount;

}  // namespace summit::reference::embedded

#endif  // SUMMIT_REFERENCE_GEONAMES_CITIES_H_
