// The trade statistics family of Querier: GetTradeStatistics.
#include <algorithm>
#include <utility>
#include <vector>

#include "common/status_macros.h"
#include "query_service/pair_summits.h"
#include "query_service/querier.h"
#include "query_service/request_checks.h"
#include "query_service/trade_report.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"

namespace summit::query {

using reference::ReferenceData;

namespace {

using storage::SummitStore;

// The rows `request` selects, its fields checked in field order.
absl::StatusOr<TradeQuery> ReadTradeQuery(const v1::GetTradeStatisticsRequest& request,
                                          const ReferenceData& data) {
  TradeQuery query;
  query.reporter_code = request.reporter_code();
  query.partner_code = request.partner_code();
  RETURN_IF_ERROR(ValidateTradePartners(query.reporter_code, query.partner_code, data));
  ASSIGN_OR_RETURN(query.flows, ReadFlows(request.flows()));
  ASSIGN_OR_RETURN(query.codes, ReadCommodityCodes(request, data));
  RETURN_IF_ERROR(ValidateYears(request.start_year(), request.end_year()));
  query.start_year = request.start_year();
  query.end_year = request.end_year();
  return query;
}

// Adds to `response` the amounts stated at the summits of the query's two
// countries, oldest summit first.
absl::Status AddStatedAmounts(const SummitStore& store, const TradeQuery& query,
                              v1::GetTradeStatisticsResponse& response) {
  ASSIGN_OR_RETURN(std::vector<v1::Summit> summits,
                   PairSummits(store, query.reporter_code, query.partner_code));
  for (const v1::Summit& summit : summits) {
    for (const v1::Amount& amount : summit.amounts()) {
      v1::StatedAmount* stated = response.add_stated_amounts();
      stated->set_summit(summit.name());
      *stated->mutable_summit_date() = summit.date();
      *stated->mutable_amount() = amount;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::GetTradeStatisticsResponse> Querier::GetTradeStatistics(
    const v1::GetTradeStatisticsRequest& request) const {
  ASSIGN_OR_RETURN(TradeQuery query, ReadTradeQuery(request, data_));
  ASSIGN_OR_RETURN(int top, ReadTopCommoditiesLimit(request.top_commodities_limit()));
  ASSIGN_OR_RETURN(size_t digits, ReadTopCommoditiesDigits(
                                      request.top_commodities_digits(), query.codes));

  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  const storage::TradeStore store(db.get());
  ASSIGN_OR_RETURN(TradeSums sums, SumTrade(store, query));

  v1::GetTradeStatisticsResponse response;
  response.set_reporter_code(query.reporter_code);
  response.set_partner_code(query.partner_code);
  const int64_t balance = FillSeries(sums, response.mutable_series());
  const auto has = [&](v1::TradeFlowDirection flow) {
    return std::find(query.flows.begin(), query.flows.end(), flow) != query.flows.end();
  };
  if (has(v1::TRADE_FLOW_DIRECTION_EXPORT) && has(v1::TRADE_FLOW_DIRECTION_IMPORT)) {
    response.set_total_balance_usd_cents(balance);
    FillBalance(sums, response.mutable_balance());
  }
  if (digits != 0) {
    ASSIGN_OR_RETURN(std::vector<CommodityTotal> ranked,
                     RankCodes(store, query, digits, top));
    FillTopCommodities(ranked, top, response.mutable_top_commodities());
  } else if (query.codes != std::vector<std::string>{"TOTAL"}) {
    FillTopCommodities(sums.commodities, top, response.mutable_top_commodities());
  }
  RETURN_IF_ERROR(DescribeCommodities(store, query, response.mutable_top_commodities()));
  if (query.partner_code != "W00") {
    RETURN_IF_ERROR(AddStatedAmounts(SummitStore(db.get()), query, response));
  }
  return response;
}

}  // namespace summit::query
