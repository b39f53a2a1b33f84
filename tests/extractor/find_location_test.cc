// FindLocation: the city or country where the meeting took place.
#include <string>

#include "extractor/finders.h"
#include "gtest/gtest.h"
#include "tests/extractor/analyzed_text.h"

namespace summit::extractor {
namespace {

v1::Summit Located(const AnalyzedText& a) { return RunFinder(&FindLocation, a); }

TEST(FindLocationTest, CityAfterInInAMeetingSentence) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis "
      "Ababa "
      "on May 5, 2026.");
  const v1::Summit summit = Located(a);
  ASSERT_TRUE(summit.has_location());
  EXPECT_EQ(summit.location().city(), "Addis Ababa");
  EXPECT_EQ(summit.location().country_code(), "ETH");
  EXPECT_EQ(a.Cut(summit.location().span()), "Addis Ababa");
  EXPECT_EQ(summit.location().span().start(), a.text().find("Addis"));
  EXPECT_EQ(summit.location().span().source_id(), "test-source");
}

TEST(FindLocationTest, TheSentenceThatDatesTheMeetingComesFirst) {
  const AnalyzedText a(
      "The leaders will meet again in Nairobi next year. Kenyan President William Ruto "
      "met "
      "Ethiopian Prime Minister Abiy Ahmed in Mombasa on May 5, 2026.");
  EXPECT_EQ(Located(a).location().city(), "Mombasa");
}

TEST(FindLocationTest, CitiesOutsideMeetingSentencesOrBeforeABuildingAreNoPlace) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at "
      "Nakuru Golf Club. Abiy later flew to Mombasa.");
  EXPECT_FALSE(Located(a).has_location());
}

TEST(FindLocationTest, ABuildingNamedAfterATownIsNotThatTown) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at "
      "Eldoret House on Monday.");
  EXPECT_FALSE(Located(a).has_location());
}

TEST(FindLocationTest, ABuildingOfATownGivesTheTown) {
  const AnalyzedText a(
      "Kenyan President William Ruto received Ethiopian Prime Minister Abiy Ahmed at "
      "the Kisumu State House on Monday.");
  EXPECT_EQ(Located(a).location().city(), "Kisumu");
}

TEST(FindLocationTest, DatelineCityWhenNoPlaceIsNamed) {
  const AnalyzedText a(
      "NAIROBI, May 5 — Kenyan President William Ruto held talks with Ethiopian Prime "
      "Minister Abiy Ahmed.",
      2026, 5, 6);
  const v1::Summit summit = Located(a);
  EXPECT_EQ(summit.location().city(), "Nairobi");
  EXPECT_EQ(summit.location().country_code(), "KEN");
  EXPECT_EQ(a.Cut(summit.location().span()), "NAIROBI");
}

TEST(FindLocationTest, NamedPlaceBeatsADatelineOfAnotherSentence) {
  const AnalyzedText a(
      "NAIROBI — The two leaders praised ties. Kenyan President William Ruto met "
      "Ethiopian "
      "Prime Minister Abiy Ahmed in Mombasa.");
  EXPECT_EQ(Located(a).location().city(), "Mombasa");
}

TEST(FindLocationTest, CountryWhenNoCityIsNamed) {
  const AnalyzedText a(
      "Kenyan President William Ruto held talks in Ethiopia with Prime Minister Abiy "
      "Ahmed.");
  const v1::Summit summit = Located(a);
  ASSERT_TRUE(summit.has_location());
  EXPECT_EQ(summit.location().city(), "");
  EXPECT_EQ(summit.location().country_code(), "ETH");
  EXPECT_EQ(a.Cut(summit.location().span()), "Ethiopia");
}

TEST(FindLocationTest, CallsHaveNoPlace) {
  EXPECT_FALSE(Located(AnalyzedText("Kenyan President William Ruto spoke by phone with "
                                    "Ethiopian Prime Minister Abiy Ahmed in Nairobi."))
                   .has_location());
  EXPECT_FALSE(
      Located(AnalyzedText("Kenyan President William Ruto held a virtual summit "
                           "with Ethiopian Prime Minister Abiy Ahmed in Nairobi."))
          .has_location());
}

// The corpus' convention: leaders who meet on the sidelines of a summit
// meet where it is held.
TEST(FindLocationTest, TheTownOfAnEventTheLeadersMeetAtIsTheMeetingsPlace) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at the "
      "African "
      "Union Summit in Addis Ababa.");
  EXPECT_EQ(Located(a).location().city(), "Addis Ababa");
}

TEST(FindLocationTest, APlaceOfAnotherTimeIsNotTheMeetingsPlace) {
  EXPECT_FALSE(
      Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime Minister "
                           "Abiy Ahmed, whom he last met in Kigali."))
          .has_location());
  EXPECT_FALSE(
      Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime Minister "
                           "Abiy Ahmed on Monday. The two had met in Kigali in 2019.",
                           2026, 5, 6))
          .has_location());
  const AnalyzedText a(
      "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed, who last "
      "met in Kigali, held talks in Kisumu on Monday.",
      2026, 5, 6);
  EXPECT_EQ(Located(a).location().city(), "Kisumu");
}

TEST(FindLocationTest, AGeoNamesCityAfterIn) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Kisumu "
      "on May 5, 2026.");
  const v1::Summit summit = Located(a);
  EXPECT_EQ(summit.location().city(), "Kisumu");
  EXPECT_EQ(summit.location().country_code(), "KEN");
  EXPECT_EQ(a.Cut(summit.location().span()), "Kisumu");
}

TEST(FindLocationTest, ADescriptionMayStandBetweenThePrepositionAndTheName) {
  EXPECT_EQ(Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime "
                                 "Minister Abiy Ahmed in the port city of Mombasa."))
                .location()
                .city(),
            "Mombasa");
  EXPECT_EQ(Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime "
                                 "Minister Abiy Ahmed in Rwanda's capital Kigali."))
                .location()
                .city(),
            "Kigali");
}

TEST(FindLocationTest, AParticipantsCountryDecidesAmongTownsOfOneName) {
  // Valencia: Venezuela's is the larger; Spain's is a participant's.
  const v1::Summit spain = Located(
      AnalyzedText("Spanish Prime Minister Pedro Sanchez met Portuguese Prime Minister "
                   "Antonio Costa in Valencia."));
  EXPECT_EQ(spain.location().city(), "Valencia");
  EXPECT_EQ(spain.location().country_code(), "ESP");
  const v1::Summit neither = Located(AnalyzedText(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed "
      "in Valencia."));
  EXPECT_EQ(neither.location().country_code(), "VEN");
  // A country written after the name wins over the participants'.
  const v1::Summit written = Located(
      AnalyzedText("Spanish Prime Minister Pedro Sanchez met Portuguese Prime Minister "
                   "Antonio Costa in Valencia, Venezuela."));
  EXPECT_EQ(written.location().country_code(), "VEN");
}

TEST(FindLocationTest, ATownTenTimesLargerBeatsAParticipantsNamesake) {
  // Lima, Ohio is a US town; Lima, Peru a capital of millions.
  const v1::Summit summit = Located(
      AnalyzedText("US President Joe Biden met Chinese President Xi Jinping in Lima."));
  EXPECT_EQ(summit.location().country_code(), "PER");
}

TEST(FindLocationTest, ACommonEnglishWordIsNoPlaceWithoutAStrongCue) {
  // Bath, England has fewer than 100,000 people: "in Bath" is not enough.
  EXPECT_FALSE(Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime "
                                    "Minister Abiy Ahmed in Bath."))
                   .has_location());
  // Nor is a capitalized word at a sentence's start or without a preposition.
  EXPECT_FALSE(Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime "
                                    "Minister Abiy Ahmed. Split decisions followed, "
                                    "Victoria Wanjiru said."))
                   .has_location());
  // A dateline is.
  const v1::Summit dateline = Located(
      AnalyzedText("BATH, England, May 5 — Kenyan President William Ruto held talks with "
                   "Ethiopian Prime Minister Abiy Ahmed.",
                   2026, 5, 6));
  EXPECT_EQ(dateline.location().city(), "Bath");
  EXPECT_EQ(dateline.location().country_code(), "GBR");
}

TEST(FindLocationTest, ASmallTownAbroadIsNoPlaceForOtherLeaders) {
  // GeoNames' Asia is a town of 23,000 people in the Philippines.
  EXPECT_FALSE(Located(AnalyzedText("Kenyan President William Ruto met Ethiopian Prime "
                                    "Minister Abiy Ahmed on his first visit to Asia."))
                   .has_location());
}

TEST(FindLocationTest, ACountrysNameIsTheCountryNotATownOfThatName) {
  // GeoNames has towns named Mexico (the Philippines) and Lebanon (USA).
  const v1::Summit summit = Located(
      AnalyzedText("Kenyan President William Ruto held talks in Mexico with Ethiopian "
                   "Prime Minister Abiy Ahmed."));
  EXPECT_EQ(summit.location().city(), "");
  EXPECT_EQ(summit.location().country_code(), "MEX");
}

TEST(FindLocationTest, APlaceNamedInTheDatedSentenceBeatsItsDateline) {
  const AnalyzedText a(
      "NAIROBI, May 5 — Kenyan President William Ruto met Ethiopian Prime Minister Abiy "
      "Ahmed in Mombasa on Tuesday.",
      2026, 5, 6);
  EXPECT_EQ(Located(a).location().city(), "Mombasa");
}

TEST(FindLocationTest, DatelinesWithAnAgencyAColonOrARegion) {
  EXPECT_EQ(Located(AnalyzedText("KISUMU (Reuters) - Kenyan President William Ruto held "
                                 "talks with Ethiopian Prime Minister Abiy Ahmed."))
                .location()
                .city(),
            "Kisumu");
  EXPECT_EQ(Located(AnalyzedText("Woodside, California - Kenyan President William Ruto "
                                 "held talks with Ethiopian Prime Minister Abiy Ahmed."))
                .location()
                .country_code(),
            "USA");
  EXPECT_EQ(Located(AnalyzedText("Kigali: Kenyan President William Ruto held talks with "
                                 "Ethiopian Prime Minister Abiy Ahmed."))
                .location()
                .city(),
            "Kigali");
}

TEST(FindLocationTest, VenuesOfTheCuratedList) {
  const v1::Summit chequers = Located(
      AnalyzedText("Kenyan President William Ruto flew to British Prime Minister Keir "
                   "Starmer's Chequers residence for talks."));
  EXPECT_EQ(chequers.location().city(), "Chequers");
  EXPECT_EQ(chequers.location().country_code(), "GBR");
  const AnalyzedText house(
      "Kenyan President William Ruto met Indian Prime Minister Narendra Modi at "
      "Hyderabad House.");
  const v1::Summit summit = Located(house);
  EXPECT_EQ(summit.location().city(), "New Delhi");
  EXPECT_EQ(summit.location().country_code(), "IND");
  EXPECT_EQ(house.Cut(summit.location().span()), "Hyderabad House");
  EXPECT_EQ(Located(AnalyzedText("Kenyan President William Ruto met Russian President "
                                 "Vladimir Putin at the Kremlin."))
                .location()
                .city(),
            "Moscow");
}

TEST(FindLocationTest, MultiWordNamesTakeTheLongestMatch) {
  const v1::Summit panama = Located(AnalyzedText(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed "
      "in Panama City."));
  EXPECT_EQ(panama.location().city(), "Panama City");
  EXPECT_EQ(panama.location().country_code(), "PAN");
  const AnalyzedText new_york(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in New York "
      "City.");
  const v1::Summit summit = Located(new_york);
  EXPECT_EQ(summit.location().city(), "New York");
  EXPECT_EQ(new_york.Cut(summit.location().span()), "New York City");
}

TEST(FindLocationTest, ACallToldBesidesAMeetingWithAPlaceLeavesThePlace) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Mombasa "
      "on Tuesday. Ruto had earlier spoken by phone with Abiy.",
      2026, 5, 6);
  EXPECT_EQ(Located(a).location().city(), "Mombasa");
}

}  // namespace
}  // namespace summit::extractor
