// Exact sums of trade rows for GetTradeStatistics and GetBilateralOverview.
// Each selected (flow, code) is one read of the code's roll-up when its own
// rows cover the years of the codes under it (Comtrade publishes a parent
// whenever a child has a row), else one range of rows bounded by the years.
//
// Rows may overlap: a chapter ("27") and its headings ("2701"), a year's
// annual row (month 0) and its monthly rows. Each (flow, year) counts a
// code only when no shorter code above it has a row that year, and a
// (code, year) counts its annual row when there is one, else its months.
#ifndef SUMMIT_QUERY_SERVICE_TRADE_REPORT_H_
#define SUMMIT_QUERY_SERVICE_TRADE_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/trade_store.h"
#include "summit/v1/query_service.pb.h"

namespace summit::query {

// Which rows to sum.
struct TradeQuery {
  std::string reporter_code;
  std::string partner_code;
  // Distinct, ascending.
  std::vector<v1::TradeFlowDirection> flows;
  // {"TOTAL"}, or HS codes none of which starts another; a code includes
  // its longer codes. Empty when the request's sector selects no trade (it
  // is not in the taxonomy or has no HS chapters): no rows then.
  std::vector<std::string> codes;
  int32_t start_year = 0;  // Inclusive; 0 is unbounded.
  int32_t end_year = 0;    // Inclusive; 0 is unbounded.
};

// The counted value of one commodity code and flow over the years.
struct CommodityTotal {
  v1::TradeFlowDirection flow = v1::TRADE_FLOW_DIRECTION_UNSPECIFIED;
  std::string code;
  std::string description;  // Empty when summed from a roll-up.
  int64_t value_usd_cents = 0;
};

// The sums of a TradeQuery.
struct TradeSums {
  // Per flow with data, per year, in US cents.
  std::map<v1::TradeFlowDirection, std::map<int32_t, int64_t>> by_year;
  // Per flow with data, over the years, in US cents.
  std::map<v1::TradeFlowDirection, int64_t> totals;
  // Per flow and commodity code.
  std::vector<CommodityTotal> commodities;
};

// Sums the rows `query` selects. OUT_OF_RANGE when a sum exceeds int64.
absl::StatusOr<TradeSums> SumTrade(const storage::TradeStore& store,
                                   const TradeQuery& query);

// One series per flow with data, in flow order, with year-over-year growth
// where the previous year has a non-zero value. Returns the exports minus
// imports over all the years.
int64_t FillSeries(const TradeSums& sums,
                   google::protobuf::RepeatedPtrField<v1::TradeFlowSeries>* series);

// Exports minus imports per year with data for either, ascending.
void FillBalance(const TradeSums& sums,
                 google::protobuf::RepeatedPtrField<v1::TradeBalance>* balance);

// The `limit` largest commodities of each flow, largest first (ties by
// code).
void FillTopCommodities(const std::vector<CommodityTotal>& commodities, int limit,
                        google::protobuf::RepeatedPtrField<v1::CommodityValue>* top);

// The `limit` largest codes of `digits` characters under `query`'s codes
// (any code when they are {"TOTAL"}) per flow, each summed over the years
// from its roll-up: per year its annual value, else the sum of its months.
// Reads one roll-up per code; descriptions are left empty. OUT_OF_RANGE
// when a sum exceeds int64.
absl::StatusOr<std::vector<CommodityTotal>> RankCodes(const storage::TradeStore& store,
                                                      const TradeQuery& query,
                                                      size_t digits, int limit);

// Fills the empty descriptions of `commodities` from a row of each (sums
// from roll-ups leave them empty): one short scan per commodity.
absl::Status DescribeCommodities(
    const storage::TradeStore& store, const TradeQuery& query,
    google::protobuf::RepeatedPtrField<v1::CommodityValue>* commodities);

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_TRADE_REPORT_H_
