// The gazetteer: GeoNames' cities from libgeonames and the curated places
// of reference/data/places.json, found by name as the extractor finds them.
#include "reference/gazetteer.h"

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "reference/geonames_cities.h"
#include "reference/reference_data.h"
#include "reference/tokens.h"

namespace summit::reference {
namespace {

using ::testing::Contains;
using ::testing::IsSupersetOf;

const Gazetteer& Places() { return ReferenceData::Get().gazetteer(); }

// The places of the longest name at the start of `text`, and how many
// tokens the name has.
struct Found {
  size_t length = 0;
  std::vector<Place> places;
};

Found Find(const std::string& text) {
  const std::vector<Token> tokens = Tokenize(text);
  auto match = Places().Find(tokens, 0, tokens.size());
  Found found;
  found.length = match.length;
  if (match.value != nullptr) found.places = *match.value;
  return found;
}

std::set<std::string> Countries(const Found& found) {
  std::set<std::string> countries;
  for (const Place& place : found.places) countries.insert(std::string(place.country));
  return countries;
}

TEST(GazetteerTest, HoldsEveryGeoNamesCityAndTheCuratedPlaces) {
  EXPECT_GT(embedded::kGeoNamesCityCount, 20000u);
  // Only Kosovo's cities ("XK", no ISO code) are left out.
  EXPECT_GT(Places().size(), embedded::kGeoNamesCityCount - 50);
}

TEST(GazetteerTest, FindsACityOfGeoNamesWithItsIsoAlpha3Country) {
  const Found found = Find("Kisumu on Friday");
  ASSERT_EQ(found.length, 1u);
  ASSERT_EQ(found.places.size(), 1u);
  EXPECT_EQ(found.places[0].name, "Kisumu");
  EXPECT_EQ(found.places[0].country, "KEN");
  EXPECT_GT(found.places[0].population, 100000u);
  EXPECT_FALSE(found.places[0].curated);
}

TEST(GazetteerTest, KeepsEveryPlaceOfAName) {
  const Found valencia = Find("Valencia");
  EXPECT_THAT(Countries(valencia), IsSupersetOf({"ESP", "VEN", "USA"}));
  std::set<std::string> regions;
  for (const Place& place : Find("Portland").places)
    regions.insert(std::string(place.region));
  EXPECT_THAT(regions, IsSupersetOf({"Oregon", "State of Maine"}));
}

TEST(GazetteerTest, TheLongestNameWins) {
  const Found panama = Find("Panama City, Panama");
  EXPECT_EQ(panama.length, 2u);
  EXPECT_THAT(Countries(panama), Contains("PAN"));
  const Found new_york = Find("New York City officials");
  EXPECT_EQ(new_york.length, 3u);
  ASSERT_FALSE(new_york.places.empty());
  EXPECT_EQ(new_york.places[0].name, "New York");
  EXPECT_EQ(Find("Addis Ababa").length, 2u);
}

TEST(GazetteerTest, NamesWithoutDiacriticsOrAFinalPrimeFindTheCity) {
  const Found bogota = Find("Bogota");
  ASSERT_FALSE(bogota.places.empty());
  EXPECT_EQ(bogota.places[0].name, "Bogotá");
  EXPECT_EQ(bogota.places[0].country, "COL");
  const Found kazan = Find("Kazan");
  EXPECT_THAT(Countries(kazan), Contains("RUS"));
}

TEST(GazetteerTest, MarksNamesThatAreAlsoEnglishWords) {
  for (const char* word : {"Mobile", "Nice", "Bath", "Split"}) {
    const Found found = Find(word);
    ASSERT_FALSE(found.places.empty()) << word;
    EXPECT_TRUE(found.places[0].common_word) << word;
  }
  for (const char* name : {"Paris", "Kisumu", "Victoria"}) {
    const Found found = Find(name);
    ASSERT_FALSE(found.places.empty()) << name;
    EXPECT_FALSE(found.places[0].common_word) << name;
  }
}

TEST(GazetteerTest, CuratedPlacesComeFirstWithTheirTown) {
  const Found house = Find("Hyderabad House");
  ASSERT_EQ(house.length, 2u);
  ASSERT_EQ(house.places.size(), 1u);
  EXPECT_TRUE(house.places[0].curated);
  EXPECT_EQ(house.places[0].country, "IND");
  EXPECT_EQ(house.places[0].City(), "New Delhi");
  const Found chequers = Find("Chequers");
  ASSERT_FALSE(chequers.places.empty());
  EXPECT_EQ(chequers.places[0].City(), "Chequers");
  EXPECT_EQ(chequers.places[0].country, "GBR");
  // A town GeoNames lists elsewhere: the curated one comes first.
  const Found woodside = Find("Woodside");
  ASSERT_GE(woodside.places.size(), 2u);
  EXPECT_TRUE(woodside.places[0].curated);
  EXPECT_EQ(woodside.places[0].region, "California");
}

// places.json is only for what GeoNames lacks: each entry has a note and
// an ISO country, and one of a name GeoNames has in the same country (and
// region) must be there for its other spellings.
TEST(GazetteerTest, CuratedEntriesAddWhatGeoNamesLacks) {
  std::ifstream in(std::string(SUMMIT_SOURCE_DIR) + "/reference/data/places.json");
  const std::string json((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  data::v1::CuratedPlaces curated;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &curated).ok());
  ASSERT_GT(curated.places_size(), 10);
  for (const data::v1::CuratedPlace& entry : curated.places()) {
    EXPECT_FALSE(entry.note().empty()) << entry.name();
    EXPECT_TRUE(ReferenceData::Get().IsCountryCode(entry.country())) << entry.name();
    const Found found = Find(entry.name());
    ASSERT_FALSE(found.places.empty()) << entry.name();
    EXPECT_TRUE(found.places[0].curated) << entry.name();
    if (entry.aliases_size() > 0) continue;
    for (const Place& place : found.places) {
      EXPECT_FALSE(!place.curated && place.country == entry.country() &&
                   (entry.region().empty() || place.region == entry.region()))
          << entry.name() << ": GeoNames has it";
    }
  }
}

}  // namespace
}  // namespace summit::reference
