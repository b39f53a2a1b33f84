// The trade statistics family of Querier: GetTradeStatistics.
#include <algorithm>
#include <utility>
#include <vector>

#include "query_service/pair_summits.h"
#include "query_service/querier.h"
#include "query_service/request_checks.h"
#include "query_service/trade_report.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"

namespace summit::query {

namespace {

using storage::SummitStore;

// The rows `request` selects, its fields checked in field order.
absl::StatusOr<TradeQuery> ReadTradeQuery(const v1::GetTradeStatisticsRequest& request,
                                          const ReferenceData& data) {
  TradeQuery query;
  query.reporter_code = request.reporter_code();
  query.partner_code = request.partner_code();
  if (absl::Status s =
          ValidateTradePartners(query.reporter_code, query.partner_code, data);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<std::vector<v1::TradeFlowDirection>> flows = ReadFlows(request.flows());
  if (!flows.ok()) return flows.status();
  query.flows = *std::move(flows);
  absl::StatusOr<std::vector<std::string>> codes = ReadCommodityCodes(request, data);
  if (!codes.ok()) return codes.status();
  query.codes = *std::move(codes);
  if (absl::Status s = ValidateYears(request.start_year(), request.end_year()); !s.ok())
    return s;
  query.start_year = request.start_year();
  query.end_year = request.end_year();
  return query;
}

// Adds to `response` the amounts stated at the summits of the query's two
// countries, oldest summit first.
absl::Status AddStatedAmounts(const SummitStore& store, const TradeQuery& query,
                              v1::GetTradeStatisticsResponse& response) {
  absl::StatusOr<std::vector<v1::Summit>> summits =
      PairSummits(store, query.reporter_code, query.partner_code);
  if (!summits.ok()) return summits.status();
  for (const v1::Summit& summit : *summits) {
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
  absl::StatusOr<TradeQuery> query = ReadTradeQuery(request, data_);
  if (!query.ok()) return query.status();
  absl::StatusOr<int> top = ReadTopCommoditiesLimit(request.top_commodities_limit());
  if (!top.ok()) return top.status();

  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  absl::StatusOr<TradeSums> sums = SumTrade(storage::TradeStore(db->get()), *query);
  if (!sums.ok()) return sums.status();

  v1::GetTradeStatisticsResponse response;
  response.set_reporter_code(query->reporter_code);
  response.set_partner_code(query->partner_code);
  const int64_t balance = FillSeries(*sums, response.mutable_series());
  const auto has = [&](v1::TradeFlowDirection flow) {
    return std::find(query->flows.begin(), query->flows.end(), flow) !=
           query->flows.end();
  };
  if (has(v1::TRADE_FLOW_DIRECTION_EXPORT) && has(v1::TRADE_FLOW_DIRECTION_IMPORT)) {
    response.set_total_balance_usd_cents(balance);
    FillBalance(*sums, response.mutable_balance());
  }
  if (query->codes != std::vector<std::string>{"TOTAL"}) {
    FillTopCommodities(*sums, *top, response.mutable_top_commodities());
  }
  if (query->partner_code != "W00") {
    if (absl::Status s = AddStatedAmounts(SummitStore(db->get()), *query, response);
        !s.ok()) {
      return s;
    }
  }
  return response;
}

}  // namespace summit::query
