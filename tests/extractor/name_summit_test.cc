// NameSummit: the summit's format, resource name, title and source.
#include <string>
#include <vector>

#include "extractor/finders.h"
#include "gtest/gtest.h"
#include "tests/extractor/analyzed_text.h"

namespace summit::extractor {
namespace {

// The summit with the facts NameSummit reads found first, as the extractor
// runs them.
v1::Summit Named(const AnalyzedText& a) {
  v1::Summit summit;
  std::vector<std::string> warnings;
  FindDate(*a, summit, warnings);
  FindLocation(*a, summit);
  FindParticipants(*a, summit);
  NameSummit(*a, summit);
  return summit;
}

TEST(NameSummitTest, BilateralMeetingInACity) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
      "on "
      "May 5, 2026.");
  const v1::Summit summit = Named(a);
  EXPECT_EQ(summit.format(), v1::SUMMIT_FORMAT_BILATERAL);
  EXPECT_EQ(summit.name(), "summits/2026-05-05-nairobi-eth-ken");
  // Ruto is named first, but participants and title go by country code.
  ASSERT_EQ(summit.participants_size(), 2);
  EXPECT_EQ(summit.participants(0).country_code(), "ETH");
  EXPECT_EQ(summit.participants(1).country_code(), "KEN");
  EXPECT_EQ(summit.title(), "Abiy Ahmed Ali and William Ruto meet in Nairobi");
  ASSERT_EQ(summit.sources_size(), 1);
  EXPECT_EQ(summit.sources(0).source_id(), "test-source");
  EXPECT_EQ(summit.sources(0).url(), "https://example.org/report");
  EXPECT_EQ(summit.sources(0).title(), "A test report");
  EXPECT_EQ(summit.sources(0).published().year(), 0);
}

TEST(NameSummitTest, SourceCarriesThePublicationDate) {
  const AnalyzedText a(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
      "on "
      "Tuesday.",
      2026, 6, 11);
  const v1::Summit summit = Named(a);
  EXPECT_EQ(summit.name(), "summits/2026-06-09-nairobi-eth-ken");
  EXPECT_EQ(summit.sources(0).published().year(), 2026);
  EXPECT_EQ(summit.sources(0).published().month(), 6);
  EXPECT_EQ(summit.sources(0).published().day(), 11);
}

TEST(NameSummitTest, PhoneAndVideoCallsAreNamedCalls) {
  const v1::Summit phone =
      Named(AnalyzedText("Kenyan President William Ruto held a phone call with Ethiopian "
                         "Prime Minister Abiy "
                         "Ahmed on May 5, 2026."));
  EXPECT_EQ(phone.format(), v1::SUMMIT_FORMAT_PHONE_CALL);
  EXPECT_EQ(phone.name(), "summits/2026-05-05-call-eth-ken");
  EXPECT_EQ(phone.title(), "Abiy Ahmed Ali and William Ruto hold a phone call");
  const v1::Summit video =
      Named(AnalyzedText("Kenyan President William Ruto held virtual talks with "
                         "Ethiopian Prime Minister Abiy "
                         "Ahmed in May 2026."));
  EXPECT_EQ(video.format(), v1::SUMMIT_FORMAT_VIDEO_CALL);
  EXPECT_EQ(video.name(), "summits/2026-05-call-eth-ken");
  EXPECT_EQ(video.title(), "Abiy Ahmed Ali and William Ruto hold a video call");
}

TEST(NameSummitTest, StateVisit) {
  const v1::Summit summit = Named(AnalyzedText(
      "Kenyan President William Ruto began a state visit to Ethiopia, where he met Prime "
      "Minister Abiy Ahmed in 2026."));
  EXPECT_EQ(summit.format(), v1::SUMMIT_FORMAT_STATE_VISIT);
  EXPECT_EQ(summit.name(), "summits/2026-eth-ken");
  EXPECT_EQ(summit.title(), "Abiy Ahmed Ali and William Ruto meet");
}

TEST(NameSummitTest, ThreeCountriesAreMultilateral) {
  const v1::Summit summit = Named(AnalyzedText(
      "Kenyan President William Ruto, Ethiopian Prime Minister Abiy Ahmed and Somali "
      "President Hassan Sheikh Mohamud met in São Paulo on 2 June 2026."));
  EXPECT_EQ(summit.format(), v1::SUMMIT_FORMAT_MULTILATERAL);
  EXPECT_EQ(summit.name(), "summits/2026-06-02-sao-paulo-eth-ken-som");
  EXPECT_EQ(summit.title(),
            "Abiy Ahmed Ali, William Ruto and Hassan Sheikh Mohamud meet in São Paulo");
}

TEST(NameSummitTest, WithoutDateOrPlaceTheNameIsTheCountries) {
  const v1::Summit summit = Named(AnalyzedText(
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed."));
  EXPECT_EQ(summit.name(), "summits/eth-ken");
  EXPECT_EQ(summit.title(), "Abiy Ahmed Ali and William Ruto meet");
  EXPECT_EQ(summit.format(), v1::SUMMIT_FORMAT_BILATERAL);
}

}  // namespace
}  // namespace summit::extractor
