// SumTrade over a real RocksDB: overlapping codes and periods are counted
// once, sums are exact, and only the selected rows are read.
#include "query_service/trade_report.h"

#include <memory>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "storage/trade_store.h"
#include "tests/testing/temp_dir.h"

namespace summit::query {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

constexpr v1::TradeFlowDirection kExport = v1::TRADE_FLOW_DIRECTION_EXPORT;
constexpr v1::TradeFlowDirection kImport = v1::TRADE_FLOW_DIRECTION_IMPORT;

class TradeReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::OpenPrimary(dir_.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }

  void Put(v1::TradeFlowDirection flow, const std::string& code, int year, int month,
           int64_t cents, const std::string& partner = "CAN") {
    v1::TradeFlow row;
    row.set_reporter_code("CHN");
    row.set_partner_code(partner);
    row.set_direction(flow);
    row.set_commodity_code(code);
    row.set_commodity_description("goods " + code);
    row.set_year(year);
    row.set_month(month);
    row.set_value_usd_cents(cents);
    const v1::TradeFlow* rows[] = {&row};
    ASSERT_TRUE(storage::TradeStore(db_.get()).PutFlows(rows).ok());
  }

  absl::StatusOr<TradeSums> Sum(std::vector<std::string> codes, int start = 0,
                                int end = 0) {
    TradeQuery query{"CHN", "CAN", {kExport, kImport}, std::move(codes), start, end};
    return SumTrade(storage::TradeStore(db_.get()), query);
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(TradeReportTest, AChapterCoversItsHeadingsAndAnAnnualRowItsMonths) {
  Put(kExport, "27", 2024, 0, 1000);
  Put(kExport, "2701", 2024, 0, 300);  // Inside the chapter's 1000.
  Put(kExport, "2701", 2025, 1, 40);   // 2025 has headings only, by month.
  Put(kExport, "2709", 2025, 0, 60);
  Put(kExport, "2709", 2025, 3, 5);         // Inside the annual 60.
  Put(kExport, "28", 2024, 0, 7);           // Another chapter, not asked for.
  Put(kExport, "27", 2024, 0, 999, "USA");  // Another partner.
  absl::StatusOr<TradeSums> sums = Sum({"27"});
  ASSERT_TRUE(sums.ok()) << sums.status();
  EXPECT_THAT(sums->by_year.at(kExport), ElementsAre(Pair(2024, 1000), Pair(2025, 100)));
  EXPECT_EQ(sums->totals.at(kExport), 1100);
  EXPECT_EQ(sums->by_year.count(kImport), 0u);
  std::vector<std::pair<std::string, int64_t>> commodities;
  for (const CommodityTotal& total : sums->commodities) {
    commodities.emplace_back(total.code, total.value_usd_cents);
  }
  EXPECT_THAT(commodities,
              ElementsAre(Pair("27", 1000), Pair("2701", 40), Pair("2709", 60)));
}

// A row under a code that has a row in the same year is never counted, so
// it is never read: rows with undecodable values stand in for them here.
TEST_F(TradeReportTest, RowsUnderACodeWithARowThatYearAreNeverRead) {
  Put(kExport, "27", 2023, 0, 500);
  Put(kExport, "27", 2024, 0, 1000);
  Put(kExport, "2701", 2025, 0, 70);  // The chapter lacks 2025: counted.
  const auto put_unreadable = [&](const std::string& code, int year) {
    v1::TradeFlow row;
    row.set_reporter_code("CHN");
    row.set_partner_code("CAN");
    row.set_direction(kExport);
    row.set_commodity_code(code);
    row.set_year(year);
    storage::WriteBatch batch(*db_);
    batch.Put(storage::ColumnFamily::kTradeFlows, storage::TradeFlowKey(row), "\xFF");
    ASSERT_TRUE(db_->Write(batch, /*sync=*/false).ok());
  };
  put_unreadable("2701", 2024);
  put_unreadable("270110", 2023);

  // Unbounded years: each covered row is stepped over.
  absl::StatusOr<TradeSums> all = Sum({"27"});
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(all->by_year.at(kExport),
              ElementsAre(Pair(2023, 500), Pair(2024, 1000), Pair(2025, 70)));
  // Years the chapter fills: its roll-up answers, and no row is read.
  absl::StatusOr<TradeSums> filled = Sum({"27"}, 2023, 2024);
  ASSERT_TRUE(filled.ok()) << filled.status();
  EXPECT_THAT(filled->by_year.at(kExport),
              ElementsAre(Pair(2023, 500), Pair(2024, 1000)));
  // A year the chapter lacks: its heading's rows of that year are read.
  absl::StatusOr<TradeSums> later = Sum({"27"}, 2024, 2025);
  ASSERT_TRUE(later.ok()) << later.status();
  EXPECT_THAT(later->by_year.at(kExport), ElementsAre(Pair(2024, 1000), Pair(2025, 70)));
  // The heading's sums come from its roll-up too, which the rows written
  // past the store (the unreadable ones) are not in.
  absl::StatusOr<TradeSums> heading = Sum({"2701"});
  ASSERT_TRUE(heading.ok()) << heading.status();
  EXPECT_THAT(heading->by_year.at(kExport), ElementsAre(Pair(2025, 70)));
}

TEST_F(TradeReportTest, YearBoundsAreInclusiveAndSeriesCarryGrowthAndBalance) {
  for (int year = 2019; year <= 2023; ++year) {
    Put(kExport, "TOTAL", year, 0, 100 * (year - 2018));
    Put(kImport, "TOTAL", year, 0, 50);
  }
  Put(kExport, "TOTAL", 2025, 0, 900);  // 2024 missing: no growth for 2025.
  absl::StatusOr<TradeSums> sums = Sum({"TOTAL"}, 2020, 2025);
  ASSERT_TRUE(sums.ok()) << sums.status();
  google::protobuf::RepeatedPtrField<v1::TradeFlowSeries> series;
  EXPECT_EQ(FillSeries(*sums, &series), (200 + 300 + 400 + 500 + 900) - 4 * 50);
  ASSERT_EQ(series.size(), 2);
  ASSERT_EQ(series[0].years_size(), 5);
  EXPECT_EQ(series[0].years(0).year(), 2020);
  EXPECT_FALSE(series[0].years(0).has_growth());  // 2019 was not asked for.
  EXPECT_DOUBLE_EQ(series[0].years(1).growth(), 0.5);
  EXPECT_FALSE(series[0].years(4).has_growth());
  google::protobuf::RepeatedPtrField<v1::TradeBalance> balance;
  FillBalance(*sums, &balance);
  ASSERT_EQ(balance.size(), 5);
  EXPECT_EQ(balance[4].year(), 2025);
  EXPECT_EQ(balance[4].balance_usd_cents(), 900);
}

TEST_F(TradeReportTest, TopCommoditiesArePerFlowLargestFirst) {
  Put(kExport, "10", 2024, 0, 5);
  Put(kExport, "12", 2024, 0, 50);
  Put(kExport, "27", 2024, 0, 20);
  Put(kImport, "10", 2024, 0, 1);
  absl::StatusOr<TradeSums> sums = Sum({"10", "12", "27"});
  ASSERT_TRUE(sums.ok());
  google::protobuf::RepeatedPtrField<v1::CommodityValue> top;
  FillTopCommodities(sums->commodities, 2, &top);
  std::vector<std::pair<std::string, int64_t>> ranked;
  for (const v1::CommodityValue& value : top) {
    ranked.emplace_back(value.commodity_code(), value.value_usd_cents());
  }
  EXPECT_THAT(ranked, ElementsAre(Pair("12", 50), Pair("27", 20), Pair("10", 1)));
  EXPECT_EQ(top[2].direction(), kImport);
}

TEST_F(TradeReportTest, RankCodesCountsEachCodeOfTheLengthFromItsRollup) {
  Put(kExport, "27", 2024, 0, 1000);     // A chapter: not 6 digits.
  Put(kExport, "270900", 2023, 0, 400);  // Annual rows in both years.
  Put(kExport, "270900", 2024, 0, 500);
  Put(kExport, "270900", 2024, 3, 999);  // The annual row wins over months.
  Put(kExport, "271000", 2024, 1, 600);  // Months only: summed.
  Put(kExport, "271000", 2024, 2, 350);
  Put(kExport, "271100", 2022, 0, 5000);  // Outside the years asked for.
  Put(kExport, "100100", 2024, 0, 700);   // Outside chapter 27.
  Put(kImport, "270900", 2024, 0, 1);
  TradeQuery query{"CHN", "CAN", {kExport, kImport}, {"27"}, 2023, 2024};
  const storage::TradeStore store(db_.get());
  absl::StatusOr<std::vector<CommodityTotal>> ranked = RankCodes(store, query, 6, 10);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  std::vector<std::tuple<v1::TradeFlowDirection, std::string, std::string, int64_t>> seen;
  for (const CommodityTotal& total : *ranked) {
    seen.emplace_back(total.flow, total.code, total.description, total.value_usd_cents);
  }
  EXPECT_THAT(seen, ElementsAre(std::make_tuple(kExport, "271000", "", 950),
                                std::make_tuple(kExport, "270900", "", 900),
                                std::make_tuple(kImport, "270900", "", 1)));
  google::protobuf::RepeatedPtrField<v1::CommodityValue> top;
  FillTopCommodities(*ranked, 10, &top);
  ASSERT_TRUE(DescribeCommodities(store, query, &top).ok());
  ASSERT_EQ(top.size(), 3);
  EXPECT_EQ(top[0].commodity_description(), "goods 271000");
  EXPECT_EQ(top[2].commodity_description(), "goods 270900");

  query.codes = {"TOTAL"};  // Every code; the limit keeps the largest per flow.
  ranked = RankCodes(store, query, 6, 1);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  ASSERT_EQ(ranked->size(), 2u);
  EXPECT_EQ((*ranked)[0].code, "271000");
  EXPECT_EQ((*ranked)[1].code, "270900");
}

TEST_F(TradeReportTest, ASumBeyondInt64IsOutOfRangeNotWrapped) {
  Put(kExport, "TOTAL", 2024, 0, INT64_MAX - 10);
  Put(kExport, "TOTAL", 2025, 0, 11);
  EXPECT_EQ(Sum({"TOTAL"}).status().code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace summit::query
