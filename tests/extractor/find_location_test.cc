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

TEST(FindLocationTest, CityInAnotherEventsSentenceIsNotTheMeetingsPlace) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at the "
      "African "
      "Union Summit in Addis Ababa.");
  EXPECT_FALSE(Located(a).has_location());
}

}  // namespace
}  // namespace summit::extractor
