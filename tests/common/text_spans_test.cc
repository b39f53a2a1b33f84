#include "common/text_spans.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace summit::common {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

v1::TextSpan Span(const std::string& source_id, uint32_t start) {
  v1::TextSpan span;
  span.set_source_id(source_id);
  span.set_start(start);
  span.set_end(start + 3);
  return span;
}

// A summit two reports ("a" and "b") contributed to.
v1::Summit TwoReports() {
  v1::Summit summit;
  summit.set_name("summits/s");
  v1::SummitParticipant* both = summit.add_participants();
  both->set_participant("participants/both");
  *both->add_mentions() = Span("a", 0);
  *both->add_mentions() = Span("b", 10);
  v1::SummitParticipant* only_a = summit.add_participants();
  only_a->set_participant("participants/only-a");
  *only_a->add_mentions() = Span("a", 20);
  v1::SummitSector* sector = summit.add_sectors();
  sector->set_sector("sectors/trade");
  *sector->mutable_span() = Span("a", 30);
  *sector->add_mentions() = Span("a", 30);
  *sector->add_mentions() = Span("b", 40);
  *summit.add_agreements()->mutable_span() = Span("a", 50);
  *summit.add_agreements()->mutable_span() = Span("b", 60);
  summit.add_agreements()->set_description("curated, no span");
  summit.mutable_location()->set_city("Beijing");
  *summit.mutable_location()->mutable_span() = Span("a", 70);
  v1::RelatedEngagement* engagement = summit.add_related_engagements();
  *engagement->mutable_span() = Span("b", 80);
  *engagement->mutable_location()->mutable_span() = Span("b", 90);
  summit.add_sources()->set_source_id("a");
  summit.add_sources()->set_source_id("b");
  return summit;
}

TEST(TextSpansTest, VisitsEverySpanWithItsPath) {
  std::vector<std::pair<std::string, uint32_t>> seen;
  ForEachTextSpan(TwoReports(), [&](absl::string_view path, const v1::TextSpan& span) {
    seen.emplace_back(std::string(path), span.start());
  });
  EXPECT_THAT(
      seen,
      ElementsAre(Pair("location.span", 70), Pair("participants[0].mentions[0]", 0),
                  Pair("participants[0].mentions[1]", 10),
                  Pair("participants[1].mentions[0]", 20), Pair("sectors[0].span", 30),
                  Pair("sectors[0].mentions[0]", 30), Pair("sectors[0].mentions[1]", 40),
                  Pair("agreements[0].span", 50), Pair("agreements[1].span", 60),
                  Pair("related_engagements[0].location.span", 90),
                  Pair("related_engagements[0].span", 80)));
  EXPECT_FALSE(HasTextSpan(v1::Summit()));
  EXPECT_TRUE(HasTextSpan(TwoReports()));
}

TEST(TextSpansTest, RemovingAReportKeepsWhatOthersSaid) {
  v1::Summit summit = TwoReports();
  RemoveSource("a", summit);
  ASSERT_EQ(summit.participants_size(), 1);
  EXPECT_EQ(summit.participants(0).participant(), "participants/both");
  EXPECT_EQ(summit.participants(0).mentions_size(), 1);
  ASSERT_EQ(summit.sectors_size(), 1);
  EXPECT_EQ(summit.sectors(0).mentions_size(), 1);
  EXPECT_EQ(summit.sectors(0).span().start(), 40u) << "the span moves to a mention left";
  ASSERT_EQ(summit.agreements_size(), 2);
  EXPECT_EQ(summit.agreements(0).span().start(), 60u);
  EXPECT_EQ(summit.agreements(1).description(), "curated, no span");
  EXPECT_FALSE(summit.has_location()) << "only report a placed it";
  EXPECT_EQ(summit.related_engagements_size(), 1);
  ASSERT_EQ(summit.sources_size(), 1);
  EXPECT_EQ(summit.sources(0).source_id(), "b");

  RemoveSource("b", summit);
  EXPECT_THAT(summit.participants(), IsEmpty());
  EXPECT_THAT(summit.sectors(), IsEmpty());
  EXPECT_THAT(summit.related_engagements(), IsEmpty());
  EXPECT_THAT(summit.sources(), IsEmpty());
  ASSERT_EQ(summit.agreements_size(), 1);
  EXPECT_EQ(summit.name(), "summits/s");
}

TEST(TextSpansTest, ALocationAnotherReportAlsoGaveStays) {
  v1::Summit summit = TwoReports();
  *summit.mutable_location()->mutable_span() = Span("b", 70);
  RemoveSource("a", summit);
  EXPECT_EQ(summit.location().city(), "Beijing");
}

}  // namespace
}  // namespace summit::common
