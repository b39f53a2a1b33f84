// fsck against databases corrupted on purpose, one kind of fault at a time.
#include "storage/fsck.h"

#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/key_codec.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"
#include "tests/testing/raw_db.h"
#include "tests/testing/summits.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

using ::testing::HasSubstr;
using testing::MakeDate;
using testing::MakeSummit;
using testing::RawDb;

v1::TradeFlow Flow() {
  v1::TradeFlow flow;
  flow.set_reporter_code("CHN");
  flow.set_partner_code("CAN");
  flow.set_direction(v1::TRADE_FLOW_DIRECTION_IMPORT);
  flow.set_year(2024);
  flow.set_commodity_code("27");
  flow.set_value_usd_cents(123456);
  return flow;
}

std::string Id(absl::string_view id) { return KeyWriter().String(id).Release(); }

struct Fault {
  std::string name;
  std::function<void(RawDb&)> corrupt;
  std::string expected;
};

void PrintTo(const Fault& fault, std::ostream* out) { *out << fault.name; }

class FsckTest : public ::testing::TestWithParam<Fault> {
 protected:
  // A small healthy database: two summits and a trade row.
  void SetUp() override {
    auto db = Database::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    SummitStore summits(db->get());
    bool created = false;
    ASSERT_TRUE(summits
                    .PutSummit(MakeSummit("s1", MakeDate(2026, 1, 17),
                                          {{"xi-jinping", "CHN"}, {"mark-carney", "CAN"}},
                                          {"trade"}, {"energy"}, {"r1"}),
                               &created)
                    .ok());
    ASSERT_TRUE(summits
                    .PutSummit(MakeSummit("s2", MakeDate(2025, 10, 31),
                                          {{"xi-jinping", "CHN"}}, {"trade"}),
                               &created)
                    .ok());
    v1::TradeFlow flow = Flow();
    const v1::TradeFlow* flows[] = {&flow};
    ASSERT_TRUE(TradeStore(db->get()).PutFlows(flows).ok());
    absl::StatusOr<FsckReport> clean = Fsck(**db);
    ASSERT_TRUE(clean.ok());
    ASSERT_TRUE(clean->ok()) << ::testing::PrintToString(clean->problems);
    EXPECT_EQ(clean->summits, 2);
    EXPECT_EQ(clean->trade_flows, 1);
  }

  testing::TempDir dir_;
};

TEST_P(FsckTest, FindsTheFault) {
  {
    RawDb raw(dir_.Sub("db"));
    GetParam().corrupt(raw);
  }
  auto db = Database::OpenSecondary(dir_.Sub("db"), dir_.Sub("secondary"));
  ASSERT_TRUE(db.ok()) << db.status();
  absl::StatusOr<FsckReport> report = Fsck(**db);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->ok());
  EXPECT_GE(report->problem_count, 1);
  EXPECT_THAT(::testing::PrintToString(report->problems), HasSubstr(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Faults, FsckTest,
    ::testing::Values(
        Fault{"MissingParticipantIndexEntry",
              [](RawDb& raw) {
                raw.Delete(ColumnFamily::kParticipantSummits,
                           KeyWriter()
                               .String("mark-carney")
                               .Date(MakeDate(2026, 1, 17))
                               .String("s1")
                               .Release());
              },
              "participant_summits[\\\"mark-carney"},
        Fault{"StraySectorIndexEntry",
              [](RawDb& raw) {
                raw.Put(ColumnFamily::kSectorSummits,
                        KeyWriter()
                            .String("health")
                            .Date(MakeDate(2020, 1, 1))
                            .String("gone")
                            .Release(),
                        "");
              },
              "index entry without its summit record"},
        Fault{
            "UndecodableSummitValue",
            [](RawDb& raw) { raw.Put(ColumnFamily::kSummits, Id("s2"), "\xFF\xFF\xFF"); },
            "undecodable value"},
        Fault{"UndecodableSummitKey",
              [](RawDb& raw) { raw.Put(ColumnFamily::kSummits, "no end marker", ""); },
              "undecodable key"},
        Fault{"SummitUnderTheWrongKey",
              [](RawDb& raw) {
                raw.Put(ColumnFamily::kSummits, Id("s3"),
                        raw.Get(ColumnFamily::kSummits, Id("s2")));
              },
              "record named summits/s2 under key s3"},
        Fault{"ParticipantCountMismatch",
              [](RawDb& raw) {
                v1::Participant xi;
                xi.ParseFromString(
                    raw.Get(ColumnFamily::kParticipants, Id("xi-jinping")));
                xi.set_summit_count(5);
                raw.Put(ColumnFamily::kParticipants, Id("xi-jinping"),
                        xi.SerializeAsString());
              },
              "participants/xi-jinping: summit_count 5 but 2"},
        Fault{"ParticipantSeenRangeStale",
              [](RawDb& raw) {
                v1::Participant xi;
                xi.ParseFromString(
                    raw.Get(ColumnFamily::kParticipants, Id("xi-jinping")));
                xi.mutable_last_seen()->set_year(1999);
                raw.Put(ColumnFamily::kParticipants, Id("xi-jinping"),
                        xi.SerializeAsString());
              },
              "participants/xi-jinping: first_seen/last_seen are not the dates"},
        Fault{"MissingParticipantRecord",
              [](RawDb& raw) {
                raw.Delete(ColumnFamily::kParticipants, Id("mark-carney"));
              },
              "participants/mark-carney: listed by 1 summits but has no participant "
              "record"},
        Fault{"MissingCountryParticipantEntry",
              [](RawDb& raw) {
                raw.Delete(ColumnFamily::kCountryParticipants,
                           KeyWriter().String("CAN").String("mark-carney").Release());
              },
              "participant record without this index entry"},
        Fault{"SectorCountMismatch",
              [](RawDb& raw) {
                v1::Sector energy;
                energy.ParseFromString(raw.Get(ColumnFamily::kSectors, Id("energy")));
                energy.set_agreement_count(9);
                raw.Put(ColumnFamily::kSectors, Id("energy"), energy.SerializeAsString());
              },
              "sectors/energy: counts 1 summits and 9 agreements"},
        Fault{"ArticlePointsElsewhere",
              [](RawDb& raw) {
                raw.Put(ColumnFamily::kArticles, Id("r1"),
                        KeyWriter().String("s2").String("x").Release());
              },
              "index value disagrees with the summit record"},
        Fault{"StaleBasicView",
              [](RawDb& raw) {
                v1::Summit basic;
                basic.ParseFromString(raw.Get(ColumnFamily::kSummitBasics, Id("s1")));
                basic.set_title("an older title");
                raw.Put(ColumnFamily::kSummitBasics, Id("s1"), basic.SerializeAsString());
              },
              "index value disagrees with the summit record"},
        Fault{"MissingBasicView",
              [](RawDb& raw) { raw.Delete(ColumnFamily::kSummitBasics, Id("s2")); },
              "summit_basics["},
        Fault{"TradeRowUnderTheWrongKey",
              [](RawDb& raw) {
                v1::TradeFlow moved = Flow();
                moved.set_year(2025);
                raw.Put(ColumnFamily::kTradeFlows, TradeFlowKey(moved),
                        Flow().SerializeAsString());
              },
              "key does not match the row it holds"},
        Fault{"UndecodableTradeRow",
              [](RawDb& raw) {
                raw.Put(ColumnFamily::kTradeFlows, TradeFlowKey(Flow()), "\xFF");
              },
              "undecodable value of trade_flows"},
        Fault{"RollupDisagreesWithTheRows",
              [](RawDb& raw) {
                raw.Put(ColumnFamily::kTradeCodeYears, TradeRollupKey(Flow()),
                        EncodeTradeRollup({{{2024, 0, 123457}}, {}}));
              },
              "roll-up holds 1 periods and 0 subtree years; its rows make 1 and 0"},
        Fault{"RollupTotalDisagreesWithItsPeriods",
              [](RawDb& raw) {
                std::string value = EncodeTradeRollup({{{2024, 0, 123456}}, {}});
                value[11] = static_cast<char>(value[11] ^ 1);  // The total's last byte.
                raw.Put(ColumnFamily::kTradeCodeYears, TradeRollupKey(Flow()), value);
              },
              "roll-up's total disagrees with its periods"},
        Fault{"MissingRollup",
              [](RawDb& raw) {
                raw.Delete(ColumnFamily::kTradeCodeYears, TradeRollupKey(Flow()));
              },
              "missing roll-up of 1 rows"},
        Fault{"RollupWithoutRows",
              [](RawDb& raw) {
                v1::TradeFlow other = Flow();
                other.set_commodity_code("28");
                raw.Put(ColumnFamily::kTradeCodeYears, TradeRollupKey(other),
                        EncodeTradeRollup({{{2024, 0, 5}}, {}}));
              },
              "trade_code_years holds 2 roll-ups while the trade rows make 1"}),
    [](const ::testing::TestParamInfo<Fault>& info) { return info.param.name; });

}  // namespace
}  // namespace summit::storage
