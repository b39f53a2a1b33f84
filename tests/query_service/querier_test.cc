// The Querier over a real primary and a FollowerLoop on it, without gRPC:
// what the bilateral timeline lists when two summits of a pair relate the
// same engagements.
#include "query_service/querier.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/summit_store.h"
#include "tests/testing/summits.h"
#include "tests/testing/temp_dir.h"

namespace summit::query {
namespace {

using ::testing::ElementsAre;
using testing::MakeDate;
using testing::MakeSummit;
using testing::PersonSpec;

const PersonSpec kXi{"xi-jinping", "CHN"};
const PersonSpec kCarney{"mark-carney", "CAN", "Prime Minister"};

v1::RelatedEngagement Engagement(const std::string& name, int ordinal,
                                 const v1::Date& date, const std::string& city) {
  v1::RelatedEngagement engagement;
  engagement.set_event_name(name);
  engagement.set_ordinal(ordinal);
  *engagement.mutable_date() = date;
  engagement.mutable_location()->set_city(city);
  return engagement;
}

TEST(QuerierTest, TheTimelineListsAnEngagementOnceAndNotBesideItsOwnSummit) {
  testing::TempDir dir;
  {
    auto primary = storage::Database::OpenPrimary(dir.Sub("db"));
    ASSERT_TRUE(primary.ok()) << primary.status();
    storage::SummitStore store(primary->get());
    const v1::RelatedEngagement apec =
        Engagement("APEC Economic Leaders' Meeting", 32, MakeDate(2025, 10, 0), "");
    v1::Summit beijing = MakeSummit("2026-01-17-beijing-can-chn", MakeDate(2026, 1, 17),
                                    {kXi, kCarney}, {});
    beijing.mutable_location()->set_city("Beijing");
    beijing.clear_related_engagements();
    *beijing.add_related_engagements() = apec;
    v1::Summit ottawa = MakeSummit("2026-06-10-ottawa-can-chn", MakeDate(2026, 6, 10),
                                   {kXi, kCarney}, {});
    ottawa.mutable_location()->set_city("Ottawa");
    ottawa.clear_related_engagements();
    *ottawa.add_related_engagements() = apec;  // Related by both.
    // The Beijing meeting itself, as the later report recalls it.
    *ottawa.add_related_engagements() =
        Engagement("", 0, MakeDate(2026, 1, 17), "Beijing");
    // A different meeting: kept.
    *ottawa.add_related_engagements() = Engagement("", 0, MakeDate(2026, 3, 2), "Paris");
    bool created = false;
    ASSERT_TRUE(store.PutSummit(beijing, &created).ok());
    ASSERT_TRUE(store.PutSummit(ottawa, &created).ok());
  }

  FollowerLoop follower(dir.Sub("db"), dir.Sub("secondary"), absl::Milliseconds(10));
  follower.Start([](bool) {});
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (follower.db() == nullptr && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  ASSERT_NE(follower.db(), nullptr);
  absl::StatusOr<PageTokens> page_tokens = PageTokens::WithRandomKey();
  ASSERT_TRUE(page_tokens.ok()) << page_tokens.status();
  const Querier querier(&follower, *std::move(page_tokens));
  v1::GetBilateralOverviewRequest request;
  request.add_country_codes("CAN");
  request.add_country_codes("CHN");
  absl::StatusOr<v1::GetBilateralOverviewResponse> overview =
      querier.GetBilateralOverview(request);
  ASSERT_TRUE(overview.ok()) << overview.status();

  std::vector<std::string> timeline;
  for (const v1::TimelineEntry& entry : overview->timeline()) {
    timeline.push_back(entry.has_summit_title()
                           ? entry.summit()
                           : entry.engagement().event_name() +
                                 entry.engagement().location().city());
  }
  EXPECT_THAT(timeline, ElementsAre("APEC Economic Leaders' Meeting",
                                    "summits/2026-01-17-beijing-can-chn", "Paris",
                                    "summits/2026-06-10-ottawa-can-chn"));
  // The APEC meeting is credited to the first summit that related it.
  EXPECT_EQ(overview->timeline(0).summit(), "summits/2026-01-17-beijing-can-chn");
}

// Every request is checked before the database is needed: a bad request is
// INVALID_ARGUMENT naming its field even while the database is not open.
TEST(QuerierTest, RequestsAreCheckedBeforeTheDatabaseIsOpen) {
  testing::TempDir dir;
  FollowerLoop follower(dir.Sub("no-db"), dir.Sub("secondary"), absl::Milliseconds(10));
  ASSERT_EQ(follower.db(), nullptr);
  absl::StatusOr<PageTokens> page_tokens = PageTokens::WithRandomKey();
  ASSERT_TRUE(page_tokens.ok()) << page_tokens.status();
  const Querier querier(&follower, *std::move(page_tokens));
  auto expect_invalid = [](const absl::Status& status, const std::string& field) {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    EXPECT_THAT(std::string(status.message()), ::testing::StartsWith(field)) << status;
  };

  v1::ListParticipantsRequest participants;
  participants.set_summit("meetings/1");
  expect_invalid(querier.ListParticipants(participants).status(), "summit");
  v1::ListSummitsRequest summits;
  summits.set_participant("xi-jinping");
  expect_invalid(querier.ListSummitsEncoded(summits).status(), "participant");
  summits.clear_participant();
  summits.set_view(static_cast<v1::SummitView>(7));
  expect_invalid(querier.ListSummitsEncoded(summits).status(), "view");
  v1::ListSectorsRequest sectors;
  sectors.set_summit("summits/");
  expect_invalid(querier.ListSectors(sectors).status(), "summit");
  v1::GetSummitRequest summit;
  summit.set_name("summit/x");
  expect_invalid(querier.GetSummitEncoded(summit).status(), "name");

  // A good request waits for the database.
  EXPECT_EQ(querier.ListParticipants(v1::ListParticipantsRequest()).status().code(),
            absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace summit::query
