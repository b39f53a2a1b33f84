#include "storage/summit_facts.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/key_codec.h"
#include "tests/testing/summits.h"

namespace summit::storage {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::MakeDate;
using testing::MakeSummit;
using ::testing::Pair;
using testing::PersonSpec;
using ::testing::StartsWith;

const PersonSpec kXi{"xi-jinping", "CHN"};
const PersonSpec kCarney{"mark-carney", "CAN", "Prime Minister"};
const PersonSpec kWang{"wang-yi", "CHN", "Foreign Minister"};

// The entries of `family` among `entries`, in order.
std::vector<IndexEntry> EntriesOf(const std::vector<IndexEntry>& entries,
                                  ColumnFamily family) {
  std::vector<IndexEntry> of;
  for (const IndexEntry& entry : entries) {
    if (entry.family == family) of.push_back(entry);
  }
  return of;
}

IndexEntry Entry(ColumnFamily family, std::string key, std::string value = "") {
  return {family, std::move(key), std::move(value)};
}

TEST(SummitFactsTest, ArticleKeyAndValueDecodeToWhatTheyHold) {
  const std::string key_bytes = ArticleKey("seed-000");
  KeyReader key(key_bytes);
  EXPECT_EQ(key.String().value_or(""), "seed-000");
  EXPECT_TRUE(key.ExpectEnd().ok());

  const std::string value_bytes = ArticleValue("g7-2024", "abc123");
  KeyReader value(value_bytes);
  EXPECT_EQ(value.String().value_or(""), "g7-2024");
  EXPECT_EQ(value.String().value_or(""), "abc123");
  EXPECT_TRUE(value.ExpectEnd().ok());
}

TEST(SummitFactsTest, DerivesEveryIndexEntryOfASummit) {
  const v1::Date date = MakeDate(2026, 1, 17);
  const v1::Summit summit = MakeSummit("beijing-can-chn", date, {kCarney, kXi}, {"trade"},
                                       {"energy"}, {"seed-000"});
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_EQ(facts->summit_id, "beijing-can-chn");

  const std::string id = "beijing-can-chn";
  auto dated = [&](absl::string_view prefix_id) {
    return KeyWriter().String(prefix_id).Date(date).String(id).Release();
  };
  auto pair_event = [&](const v1::Date& event_date, uint32_t event) {
    return KeyWriter()
        .String("CAN")
        .String("CHN")
        .Date(event_date)
        .String(id)
        .Uint32(event)
        .Release();
  };
  std::vector<IndexEntry> expected = {
      Entry(ColumnFamily::kSummitsByDate, KeyWriter().Date(date).String(id).Release()),
      Entry(ColumnFamily::kParticipantSummits, dated("mark-carney")),
      Entry(ColumnFamily::kParticipantSummits, dated("xi-jinping")),
      Entry(ColumnFamily::kSectorSummits, dated("energy")),
      Entry(ColumnFamily::kSectorSummits, dated("trade")),
      Entry(ColumnFamily::kCountrySummits, dated("CAN")),
      Entry(ColumnFamily::kCountrySummits, dated("CHN")),
      Entry(ColumnFamily::kPairEvents, pair_event(date, 0)),
      // MakeSummit's one related engagement: November of the year before.
      Entry(ColumnFamily::kPairEvents, pair_event(MakeDate(2025, 11, 0), 1)),
      Entry(ColumnFamily::kArticles, ArticleKey("seed-000"),
            ArticleValue(id, "sha-of-seed-000")),
      Entry(ColumnFamily::kSummitBasics, KeyWriter().String(id).Release(),
            BasicSummit(summit).SerializeAsString()),
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(facts->index_entries, expected);
}

TEST(SummitFactsTest, TheBasicViewKeepsWhatAListShowsAndCountsTheRest) {
  v1::Summit summit = MakeSummit("beijing-can-chn", MakeDate(2026, 1, 17), {kCarney, kXi},
                                 {"trade"}, {"energy"}, {"seed-000"});
  summit.set_title("Carney and Xi meet in Beijing");
  summit.mutable_location()->set_city("Beijing");
  summit.mutable_location()->mutable_span()->set_text("in Beijing");
  summit.mutable_participants(0)->add_mentions()->set_text("Prime Minister Carney");
  summit.mutable_sectors(0)->set_surface_text("trade ties");
  summit.mutable_sectors(0)->add_mentions()->set_text("trade ties");
  summit.add_amounts()->set_value(125);
  summit.add_statements()->set_text("We agreed.");
  summit.mutable_sources(0)->set_url("https://example.org/a");
  summit.set_agreement_count(summit.agreements_size());
  summit.set_amount_count(summit.amounts_size());
  ASSERT_GT(summit.agreements_size(), 0);
  ASSERT_GT(summit.related_engagements_size(), 0);

  const v1::Summit basic = BasicSummit(summit);
  EXPECT_EQ(basic.name(), summit.name());
  EXPECT_EQ(basic.title(), summit.title());
  EXPECT_EQ(basic.location().city(), "Beijing");
  EXPECT_FALSE(basic.location().has_span());
  ASSERT_EQ(basic.participants_size(), 2);
  EXPECT_EQ(basic.participants(0).participant(), summit.participants(0).participant());
  EXPECT_EQ(basic.participants(0).title(), "Prime Minister");
  EXPECT_EQ(basic.participants(0).country_code(), "CAN");
  EXPECT_THAT(basic.participants(0).mentions(), IsEmpty());
  ASSERT_EQ(basic.sectors_size(), 1);
  EXPECT_EQ(basic.sectors(0).sector(), "sectors/trade");
  EXPECT_THAT(basic.sectors(0).surface_text(), IsEmpty());
  EXPECT_THAT(basic.sectors(0).mentions(), IsEmpty());
  EXPECT_THAT(basic.agreements(), IsEmpty());
  EXPECT_THAT(basic.amounts(), IsEmpty());
  EXPECT_THAT(basic.statements(), IsEmpty());
  EXPECT_THAT(basic.related_engagements(), IsEmpty());
  EXPECT_EQ(basic.agreement_count(), summit.agreements_size());
  EXPECT_EQ(basic.amount_count(), 1);
  ASSERT_EQ(basic.sources_size(), 1);
  EXPECT_EQ(basic.sources(0).url(), "https://example.org/a");
  EXPECT_EQ(basic.sources(0).source_id(), "seed-000");
  EXPECT_THAT(basic.sources(0).content_sha256(), IsEmpty());
}

TEST(SummitFactsTest, ParticipantsPointIntoTheSummitById) {
  const v1::Summit summit =
      MakeSummit("s", MakeDate(2026, 1, 17), {kXi, kCarney}, {"trade"});
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_THAT(facts->participants,
              ElementsAre(Pair("mark-carney", &summit.participants(1)),
                          Pair("xi-jinping", &summit.participants(0))));
}

TEST(SummitFactsTest, SectorsCountTheAgreementsCoveringThem) {
  v1::Summit summit = MakeSummit("s", MakeDate(2026, 1, 17), {kXi, kCarney},
                                 {"trade", "energy"}, {"energy", "customs"});
  // A second agreement covering energy, listing it twice: it counts once.
  v1::Agreement* second = summit.add_agreements();
  second->add_sectors("sectors/energy");
  second->add_sectors("sectors/energy");
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  ASSERT_TRUE(facts.ok()) << facts.status();
  // customs is touched by an agreement only, trade by `sectors` only.
  EXPECT_THAT(facts->sectors,
              ElementsAre(Pair("customs", 1), Pair("energy", 2), Pair("trade", 0)));
  EXPECT_EQ(EntriesOf(facts->index_entries, ColumnFamily::kSectorSummits).size(), 3u);
}

TEST(SummitFactsTest, IndexEntriesAreSortedAndWithoutDuplicates) {
  // Two participants of one country, the same sector twice, one participant
  // listed twice: each index entry appears once.
  v1::Summit summit =
      MakeSummit("s", MakeDate(2026, 1, 17), {kXi, kWang, kXi}, {"trade", "trade"});
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_TRUE(std::is_sorted(facts->index_entries.begin(), facts->index_entries.end()));
  EXPECT_EQ(std::adjacent_find(facts->index_entries.begin(), facts->index_entries.end(),
                               [](const IndexEntry& a, const IndexEntry& b) {
                                 return a.family == b.family && a.key == b.key;
                               }),
            facts->index_entries.end());
  EXPECT_EQ(EntriesOf(facts->index_entries, ColumnFamily::kParticipantSummits).size(),
            2u);
  EXPECT_EQ(EntriesOf(facts->index_entries, ColumnFamily::kSectorSummits).size(), 1u);
  EXPECT_EQ(EntriesOf(facts->index_entries, ColumnFamily::kCountrySummits).size(), 1u);
  // One country: no pair of countries, so no pair events.
  EXPECT_THAT(EntriesOf(facts->index_entries, ColumnFamily::kPairEvents), IsEmpty());
  EXPECT_THAT(facts->participants,
              ElementsAre(Pair("wang-yi", &summit.participants(1)),
                          Pair("xi-jinping", &summit.participants(0))));
}

TEST(SummitFactsTest, SourcesWithoutAnIdAreNotIndexed) {
  v1::Summit summit = MakeSummit("s", MakeDate(2026, 1, 17), {kXi}, {}, {}, {"a"});
  summit.add_sources()->set_content_sha256("orphan");
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  ASSERT_TRUE(facts.ok()) << facts.status();
  EXPECT_THAT(EntriesOf(facts->index_entries, ColumnFamily::kArticles),
              ElementsAre(Entry(ColumnFamily::kArticles, ArticleKey("a"),
                                ArticleValue("s", "sha-of-a"))));
}

TEST(SummitFactsTest, ASourceListedTwiceIsRefused) {
  const v1::Summit summit =
      MakeSummit("s", MakeDate(2026, 1, 17), {kXi}, {}, {}, {"a", "b", "a"});
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(facts.status().message()),
              AllOf(StartsWith("summit.sources:"), HasSubstr("summits/s")));
}

// A malformed resource name anywhere is refused, naming its field path.
TEST(SummitFactsTest, MalformedNamesAreRefusedWithTheirFieldPath) {
  const v1::Summit valid =
      MakeSummit("s", MakeDate(2026, 1, 17), {kXi, kCarney}, {"trade"}, {"energy"});
  ASSERT_TRUE(DeriveSummitFacts(valid).ok());
  struct Case {
    void (*corrupt)(v1::Summit&);
    const char* field;
  };
  const Case cases[] = {
      {[](v1::Summit& s) { s.set_name("summits/Not_Valid"); }, "summit.name: "},
      {[](v1::Summit& s) { s.set_name("participants/s"); }, "summit.name: "},
      {[](v1::Summit& s) { s.mutable_participants(1)->set_participant("mark-carney"); },
       "summit.participants[1].participant: "},
      {[](v1::Summit& s) { s.mutable_sectors(0)->set_sector("sectors/-trade"); },
       "summit.sectors[0].sector: "},
      {[](v1::Summit& s) { s.mutable_agreements(0)->add_sectors("summits/energy"); },
       "summit.agreements[0].sectors[1]: "},
  };
  for (const Case& c : cases) {
    v1::Summit summit = valid;
    c.corrupt(summit);
    absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
    EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument) << c.field;
    EXPECT_THAT(std::string(facts.status().message()), StartsWith(c.field));
  }
}

// Dates must fit their key bytes; the calendar is the services' business.
TEST(SummitFactsTest, DatesThatDoNotFitAKeyAreRefused) {
  const v1::Summit valid = MakeSummit("s", MakeDate(2026, 2, 31), {kXi}, {});
  ASSERT_TRUE(DeriveSummitFacts(valid).ok());

  v1::Summit summit = valid;
  summit.mutable_date()->set_month(13);
  absl::StatusOr<SummitFacts> facts = DeriveSummitFacts(summit);
  EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(facts.status().message()), StartsWith("summit.date: "));

  summit = valid;
  summit.mutable_related_engagements(0)->mutable_date()->set_day(-1);
  facts = DeriveSummitFacts(summit);
  EXPECT_EQ(facts.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(facts.status().message()),
              StartsWith("summit.related_engagements[0].date: "));
}

}  // namespace
}  // namespace summit::storage
