#include "storage/trade_store.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/fsck.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

v1::TradeFlow Flow(v1::TradeFlowDirection direction, const std::string& commodity,
                   int year, int64_t cents, const std::string& partner = "CAN") {
  v1::TradeFlow flow;
  flow.set_reporter_code("CHN");
  flow.set_partner_code(partner);
  flow.set_direction(direction);
  flow.set_year(year);
  flow.set_commodity_code(commodity);
  flow.set_value_usd_cents(cents);
  return flow;
}

class TradeStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    store_.emplace(db_.get());
    const auto kImport = v1::TRADE_FLOW_DIRECTION_IMPORT;
    rows_ = {Flow(kImport, "TOTAL", 2023, 100),
             Flow(kImport, "TOTAL", 2024, 200),
             Flow(kImport, "TOTAL", 2025, 300),
             Flow(kImport, "27", 2023, 40),
             Flow(kImport, "27", 2024, 50),
             Flow(kImport, "2701", 2024, 7),
             Flow(kImport, "28", 2024, 9),
             Flow(kImport, "2", 2024, 1),
             Flow(kImport, "TOTAL", 2024, 999, "USA"),
             Flow(v1::TRADE_FLOW_DIRECTION_EXPORT, "TOTAL", 2024, 555)};
    std::vector<const v1::TradeFlow*> pointers;
    for (const v1::TradeFlow& row : rows_) pointers.push_back(&row);
    ASSERT_TRUE(store_->PutFlows(pointers).ok());
  }

  std::vector<std::pair<std::string, int>> Scan(const std::string& commodity, bool longer,
                                                int start, int end) {
    std::vector<std::pair<std::string, int>> seen;
    TradeRange range{"CHN", "CAN", v1::TRADE_FLOW_DIRECTION_IMPORT, start, end};
    EXPECT_TRUE(store_
                    ->ScanFlows(range, commodity, longer,
                                [&](const v1::TradeFlow& flow) {
                                  seen.emplace_back(flow.commodity_code(), flow.year());
                                })
                    .ok());
    return seen;
  }

  // Every row ListFlows returns for `filter`, page by page, as "partner
  // direction code year/month"; fails the test unless each call returns
  // at most `limit` rows and the pages end.
  std::vector<std::string> List(const TradeFlowFilter& filter, int limit,
                                int max_examined = 10000) {
    std::vector<std::string> seen;
    std::string resume_after;
    for (int calls = 0; calls < 100; ++calls) {
      absl::StatusOr<TradeFlowPage> page =
          store_->ListFlows(filter, resume_after, limit, max_examined);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      EXPECT_LE(page->flows.size(), static_cast<size_t>(limit));
      for (const v1::TradeFlow& flow : page->flows) {
        seen.push_back(absl::StrCat(flow.partner_code(), " ", flow.direction(), " ",
                                    flow.commodity_code(), " ", flow.year(), "/",
                                    flow.month()));
      }
      if (page->resume_after.empty()) return seen;
      resume_after = page->resume_after;
    }
    ADD_FAILURE() << "ListFlows never reached the end";
    return seen;
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::optional<TradeStore> store_;
  std::vector<v1::TradeFlow> rows_;
};

TEST_F(TradeStoreTest, ExactCommodityScanHonoursTheYearRange) {
  EXPECT_THAT(Scan("TOTAL", false, 0, 0),
              ElementsAre(Pair("TOTAL", 2023), Pair("TOTAL", 2024), Pair("TOTAL", 2025)));
  EXPECT_THAT(Scan("TOTAL", false, 2024, 2024), ElementsAre(Pair("TOTAL", 2024)));
  EXPECT_THAT(Scan("TOTAL", false, 2024, 0),
              ElementsAre(Pair("TOTAL", 2024), Pair("TOTAL", 2025)));
}

TEST_F(TradeStoreTest, ChapterScanIncludesLongerCodesOnly) {
  EXPECT_THAT(Scan("27", true, 0, 0),
              ElementsAre(Pair("27", 2023), Pair("27", 2024), Pair("2701", 2024)));
  EXPECT_THAT(Scan("27", true, 2024, 2024),
              ElementsAre(Pair("27", 2024), Pair("2701", 2024)));
  EXPECT_THAT(Scan("27", false, 0, 0), ElementsAre(Pair("27", 2023), Pair("27", 2024)));
}

TEST_F(TradeStoreTest, EveryCodeScanSkipsYearsOutsideTheRange) {
  EXPECT_THAT(Scan("", true, 2024, 2024),
              ElementsAre(Pair("2", 2024), Pair("27", 2024), Pair("2701", 2024),
                          Pair("28", 2024), Pair("TOTAL", 2024)));
  EXPECT_THAT(Scan("", true, 2025, 0), ElementsAre(Pair("TOTAL", 2025)));
  EXPECT_THAT(Scan("", true, 2023, 2023),
              ElementsAre(Pair("27", 2023), Pair("TOTAL", 2023)));
  EXPECT_THAT(Scan("", true, 2030, 2031), ::testing::IsEmpty());
}

TEST_F(TradeStoreTest, SameKeyReplacesTheRow) {
  v1::TradeFlow changed = Flow(v1::TRADE_FLOW_DIRECTION_IMPORT, "TOTAL", 2024, 777);
  const v1::TradeFlow* flows[] = {&changed};
  ASSERT_TRUE(store_->PutFlows(flows).ok());
  int64_t value = 0;
  int rows = 0;
  TradeRange range{"CHN", "CAN", v1::TRADE_FLOW_DIRECTION_IMPORT, 2024, 2024};
  ASSERT_TRUE(store_
                  ->ScanFlows(range, "TOTAL", false,
                              [&](const v1::TradeFlow& flow) {
                                value = flow.value_usd_cents();
                                ++rows;
                              })
                  .ok());
  EXPECT_EQ(rows, 1);
  EXPECT_EQ(value, 777);
  absl::StatusOr<FsckReport> report = Fsck(*db_);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << ::testing::PrintToString(report->problems);
  EXPECT_EQ(report->trade_flows, static_cast<int64_t>(rows_.size()));
}

TEST_F(TradeStoreTest, RollupsHoldEachCodesPeriodsAndFollowReplacedRows) {
  const auto kImport = v1::TRADE_FLOW_DIRECTION_IMPORT;
  v1::TradeFlow month = Flow(kImport, "2701", 2024, 3);
  month.set_month(5);
  v1::TradeFlow replaced = Flow(kImport, "27", 2023, 41);
  v1::TradeFlow twice = Flow(kImport, "28", 2022, 1);
  v1::TradeFlow again = Flow(kImport, "28", 2022, 2);  // Later in the batch: wins.
  const v1::TradeFlow* flows[] = {&month, &replaced, &twice, &again};
  ASSERT_TRUE(store_->PutFlows(flows).ok());

  std::vector<std::pair<std::string, int64_t>> seen;
  const auto visit = [&](const std::string& code, int64_t value) {
    seen.emplace_back(code, value);
  };
  TradeRange range{"CHN", "CAN", kImport, 0, 0};
  ASSERT_TRUE(store_->ScanCodeValues(range, 2, "", visit).ok());
  EXPECT_THAT(seen, ElementsAre(Pair("27", 41 + 50), Pair("28", 2 + 9)));
  seen.clear();
  ASSERT_TRUE(store_->ScanCodeValues(range, 4, "27", visit).ok());
  EXPECT_THAT(seen, ElementsAre(Pair("2701", 7)));  // The annual row, not month 5.
  seen.clear();
  range.start_year = 2024;  // Some years only: the periods are read.
  ASSERT_TRUE(store_->ScanCodeValues(range, 2, "2", visit).ok());
  EXPECT_THAT(seen, ElementsAre(Pair("27", 50), Pair("28", 9)));
  seen.clear();
  range.start_year = 2023;
  range.end_year = 2023;  // 28 has 2022 and 2024, none in the range.
  ASSERT_TRUE(store_->ScanCodeValues(range, 2, "28", visit).ok());
  EXPECT_THAT(seen, ::testing::IsEmpty());
  v1::TradeFlow only_month = Flow(kImport, "2702", 2025, 4);
  only_month.set_month(7);
  const v1::TradeFlow* months[] = {&only_month, &only_month};
  ASSERT_TRUE(store_->PutFlows(months).ok());
  range = TradeRange{"CHN", "CAN", kImport, 0, 0};
  ASSERT_TRUE(store_->ScanCodeValues(range, 4, "2702", visit).ok());
  EXPECT_THAT(seen, ElementsAre(Pair("2702", 4)));  // A repeated row counts once.

  // A chapter's roll-up lists the years of the rows under it; TOTAL has one
  // too, with no code under it.
  range = TradeRange{"CHN", "CAN", kImport, 0, 0};
  absl::StatusOr<std::optional<TradeRollup>> chapter = store_->GetRollup(range, "27");
  ASSERT_TRUE(chapter.ok() && chapter->has_value());
  EXPECT_THAT((*chapter)->subtree_years, ElementsAre(2024, 2025));
  absl::StatusOr<std::optional<TradeRollup>> total = store_->GetRollup(range, "TOTAL");
  ASSERT_TRUE(total.ok() && total->has_value());
  EXPECT_EQ((*total)->periods.size(), 3u);
  EXPECT_THAT((*total)->subtree_years, ::testing::IsEmpty());
  absl::StatusOr<std::optional<TradeRollup>> none = store_->GetRollup(range, "29");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  absl::StatusOr<FsckReport> report = Fsck(*db_);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << ::testing::PrintToString(report->problems);
}

TEST_F(TradeStoreTest, ABatchWithAnUnkeyableRowWritesNothing) {
  v1::TradeFlow good = Flow(v1::TRADE_FLOW_DIRECTION_IMPORT, "TOTAL", 2030, 1);
  v1::TradeFlow bad = Flow(v1::TRADE_FLOW_DIRECTION_UNSPECIFIED, "TOTAL", 2030, 1);
  const v1::TradeFlow* flows[] = {&good, &bad};
  absl::Status status = store_->PutFlows(flows);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("flows[1]"));
  EXPECT_TRUE(Scan("TOTAL", false, 2030, 2030).empty());
}

TEST_F(TradeStoreTest, ListFlowsPagesThroughEveryRowInKeyOrder) {
  // Key order: partner, direction (EXPORT 1 before IMPORT 2), code, year.
  const std::vector<std::string> all = {
      "CAN 1 TOTAL 2024/0", "CAN 2 2 2024/0",     "CAN 2 27 2023/0",
      "CAN 2 27 2024/0",    "CAN 2 2701 2024/0",  "CAN 2 28 2024/0",
      "CAN 2 TOTAL 2023/0", "CAN 2 TOTAL 2024/0", "CAN 2 TOTAL 2025/0",
      "USA 2 TOTAL 2024/0"};
  EXPECT_EQ(List({}, 1000), all);
  EXPECT_EQ(List({}, 3), all);
  EXPECT_EQ(List({}, 1), all);
  TradeFlowFilter chn;
  chn.reporter_code = "CHN";
  EXPECT_EQ(List(chn, 4), all);
  chn.reporter_code = "CAN";
  EXPECT_THAT(List(chn, 4), ::testing::IsEmpty());
}

TEST_F(TradeStoreTest, ListFlowsFiltersSeekPastWhatTheyLeaveOut) {
  TradeFlowFilter usa;
  usa.partner_code = "USA";  // Without a reporter: seeks within each one.
  EXPECT_THAT(List(usa, 10), ElementsAre("USA 2 TOTAL 2024/0"));

  TradeFlowFilter exports;
  exports.directions = {v1::TRADE_FLOW_DIRECTION_EXPORT};
  EXPECT_THAT(List(exports, 10), ElementsAre("CAN 1 TOTAL 2024/0"));

  TradeFlowFilter fuels;
  fuels.reporter_code = "CHN";
  fuels.partner_code = "CAN";
  fuels.code_prefixes = {"27"};
  EXPECT_THAT(List(fuels, 2),
              ElementsAre("CAN 2 27 2023/0", "CAN 2 27 2024/0", "CAN 2 2701 2024/0"));
  fuels.code_prefixes = {"2701", "TOTAL"};
  fuels.start_year = 2024;
  fuels.end_year = 2024;
  EXPECT_THAT(List(fuels, 10), ElementsAre("CAN 1 TOTAL 2024/0", "CAN 2 2701 2024/0",
                                           "CAN 2 TOTAL 2024/0"));

  TradeFlowFilter annual;
  annual.month = 0;
  EXPECT_THAT(List(annual, 100), ::testing::SizeIs(10));
  annual.month = 5;
  EXPECT_THAT(List(annual, 100), ::testing::IsEmpty());
}

TEST_F(TradeStoreTest, ListFlowsEndsAPageEarlyWhenItsReadBudgetRunsOut) {
  v1::TradeFlow may = Flow(v1::TRADE_FLOW_DIRECTION_IMPORT, "28", 2024, 3);
  may.set_month(5);
  const v1::TradeFlow* flows[] = {&may};
  ASSERT_TRUE(store_->PutFlows(flows).ok());
  TradeFlowFilter filter;
  filter.month = 5;
  // One key read per call still moves on, and every page is short.
  EXPECT_THAT(List(filter, 10, /*max_examined=*/1), ElementsAre("CAN 2 28 2024/5"));
  absl::StatusOr<TradeFlowPage> first = store_->ListFlows(filter, "", 10, 2);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(first->flows.empty());
  EXPECT_FALSE(first->resume_after.empty());
}

TEST(TradeRollupTest, DecodeReadsWhatEncodeWroteAndRefusesPartialValues) {
  const TradeRollup rollup{{{2024, 0, 5}, {2024, 3, -1}}, {2023, 2024}};
  const std::string value = EncodeTradeRollup(rollup);
  ASSERT_EQ(value.size(), 12u + 2 * 13 + 2 * 4);
  absl::StatusOr<TradeRollup> decoded = DecodeTradeRollup(value);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, rollup);
  for (size_t length : {0, 3, 11, 20, 41}) {
    EXPECT_EQ(DecodeTradeRollup(value.substr(0, length)).status().code(),
              absl::StatusCode::kDataLoss)
        << length;
  }
}

}  // namespace
}  // namespace summit::storage
