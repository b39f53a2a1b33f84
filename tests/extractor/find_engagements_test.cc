// FindEngagements: other events, past meetings and dated actions the report
// relates the meeting to.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "extractor/finders.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/extractor/analyzed_text.h"

namespace summit::extractor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kMeeting[] =
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Mombasa on "
    "May "
    "5, 2026. ";

// The summit with its date and location found, then its engagements.
v1::Summit Engagements(const AnalyzedText& a) {
  v1::Summit summit;
  std::vector<std::string> warnings;
  FindDate(*a, summit, warnings);
  FindLocation(*a, summit);
  FindEngagements(*a, summit);
  return summit;
}

// "name|ordinal|Y-M-D|city|country|countries" of each engagement.
std::vector<std::string> Summary(const v1::Summit& summit) {
  std::vector<std::string> out;
  for (const v1::RelatedEngagement& e : summit.related_engagements()) {
    out.push_back(absl::StrCat(e.event_name(), "|", e.ordinal(), "|", e.date().year(),
                               "-", e.date().month(), "-", e.date().day(), "|",
                               e.location().city(), "|", e.location().country_code(), "|",
                               absl::StrJoin(e.country_codes(), ",")));
  }
  return out;
}

TEST(FindEngagementsTest, NamedEventWithOrdinalDateAndPlace) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "Both leaders will attend the 39th African Union Summit in Addis Ababa "
      "in February.");
  const v1::Summit summit = Engagements(a);
  EXPECT_THAT(Summary(summit),
              ElementsAre("African Union Summit|39|2027-2-0|Addis Ababa|ETH|ETH,KEN"));
  const v1::RelatedEngagement& event = summit.related_engagements(0);
  EXPECT_EQ(a.Cut(event.span()), "the 39th African Union Summit");
  EXPECT_EQ(event.span().sentence_index(), 1);
  EXPECT_EQ(event.description(),
            "Both leaders will attend the 39th African Union Summit in Addis Ababa in "
            "February");
}

TEST(FindEngagementsTest, RecurringEventTakesItsMonthAndPlaceFromReferenceData) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Abiy spoke at the World Economic Forum in 2025.");
  EXPECT_THAT(Summary(Engagements(a)),
              ElementsAre("World Economic Forum|0|2025-1-0|Davos|CHE|"));
}

TEST(FindEngagementsTest, EventYearFromItsName) {
  const AnalyzedText a(std::string(kMeeting) + "Saudi Arabia will host Expo 2030.");
  EXPECT_THAT(Summary(Engagements(a)), ElementsAre("Expo 2030|0|2030-0-0|||SAU"));
}

TEST(FindEngagementsTest, EventsWithoutDateOrdinalOrYearAndTheMeetingItselfAreNone) {
  EXPECT_THAT(Summary(Engagements(AnalyzedText(std::string(kMeeting) +
                                               "They praised the Climate Forum."))),
              IsEmpty());
  EXPECT_THAT(
      Summary(Engagements(AnalyzedText(
          "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed at "
          "the Nairobi Energy Forum on May 5, 2026."))),
      IsEmpty());
}

TEST(FindEngagementsTest, PastMeetingHeldInAPlace) {
  const AnalyzedText a(
      std::string(kMeeting) +
      "The leaders recalled the joint committee held in Nairobi two years ago.");
  const v1::Summit summit = Engagements(a);
  EXPECT_THAT(Summary(summit), ElementsAre("joint committee|0|2024-0-0|Nairobi|KEN|"));
  EXPECT_EQ(a.Cut(summit.related_engagements(0).span()), "joint committee");
  EXPECT_EQ(a.Cut(summit.related_engagements(0).location().span()), "Nairobi");
}

TEST(FindEngagementsTest, DatedActionOfACountry) {
  const AnalyzedText a(std::string(kMeeting) +
                       "Ethiopia reopened its consulate in Mombasa in March.");
  const v1::Summit summit = Engagements(a);
  EXPECT_THAT(Summary(summit), ElementsAre("reopened its consulate|0|2026-3-0|||ETH"));
  EXPECT_EQ(a.Cut(summit.related_engagements(0).span()), "reopened its consulate");
}

TEST(FindEngagementsTest, DatesOfTheMeetingSentencesAreNoActions) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on May 5, "
      "2026 "
      "and reopened the border in 2025.");
  EXPECT_THAT(Summary(Engagements(a)), IsEmpty());
}

}  // namespace
}  // namespace summit::extractor
