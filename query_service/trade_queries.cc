// The trade family of Querier: GetTradeStatistics and ListTradeFlows.
#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/field_checks.h"
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
  ASSIGN_OR_RETURN(query.flows, ReadDirections(request.directions()));
  ASSIGN_OR_RETURN(query.codes, ReadCommodityCodes(request, data));
  RETURN_IF_ERROR(ValidateYears(request.start_year(), request.end_year()));
  query.start_year = request.start_year();
  query.end_year = request.end_year();
  return query;
}

// The rows a ListTradeFlows request selects, its fields checked in field
// order.
absl::StatusOr<storage::TradeFlowFilter> ReadTradeFlowFilter(
    const v1::ListTradeFlowsRequest& request, const ReferenceData& data) {
  storage::TradeFlowFilter filter;
  RETURN_IF_ERROR(common::ValidateCountry(request.reporter_code(), "reporter_code", data,
                                          /*required=*/false));
  RETURN_IF_ERROR(common::ValidateCountry(request.partner_code(), "partner_code", data,
                                          /*required=*/false, /*allow_world=*/true));
  filter.reporter_code = request.reporter_code();
  filter.partner_code = request.partner_code();
  if (!request.directions().empty()) {
    ASSIGN_OR_RETURN(filter.directions, ReadDirections(request.directions()));
  }
  ASSIGN_OR_RETURN(filter.code_prefixes, ReadCodeList(request.commodity_codes()));
  RETURN_IF_ERROR(ValidateYears(request.start_year(), request.end_year()));
  filter.start_year = request.start_year();
  filter.end_year = request.end_year();
  if (request.has_month()) {
    if (request.month() < 0 || request.month() > 12) {
      return common::InvalidField(
          "month", absl::StrCat(request.month(), " is not within 0..12 (0: annual rows)"));
    }
    filter.month = request.month();
  }
  return filter;
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

// Adds to `response` the series, balance and top commodities of `query`,
// with `top` commodities per direction ranked at `digits` (0: the codes the
// series count).
absl::Status AddTrade(const storage::TradeStore& store, const TradeQuery& query, int top,
                      size_t digits, v1::GetTradeStatisticsResponse& response) {
  ASSIGN_OR_RETURN(TradeSums sums, SumTrade(store, query));
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
  return DescribeCommodities(store, query, response.mutable_top_commodities());
}

}  // namespace

absl::StatusOr<v1::GetTradeStatisticsResponse> Querier::GetTradeStatistics(
    const v1::GetTradeStatisticsRequest& request) const {
  ASSIGN_OR_RETURN(TradeQuery query, ReadTradeQuery(request, data_));
  ASSIGN_OR_RETURN(int top, ReadTopCommoditiesLimit(request.top_commodities_limit()));
  ASSIGN_OR_RETURN(size_t digits, ReadTopCommoditiesDigits(
                                      request.top_commodities_digits(), query.codes));

  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  v1::GetTradeStatisticsResponse response;
  response.set_reporter_code(query.reporter_code);
  response.set_partner_code(query.partner_code);
  if (!query.codes.empty()) {
    RETURN_IF_ERROR(AddTrade(storage::TradeStore(db.get()), query, top, digits, response));
  }
  if (query.partner_code != "W00") {
    RETURN_IF_ERROR(AddStatedAmounts(SummitStore(db.get()), query, response));
  }
  return response;
}

absl::StatusOr<v1::ListTradeFlowsResponse> Querier::ListTradeFlows(
    const v1::ListTradeFlowsRequest& request) const {
  ASSIGN_OR_RETURN(PageRequest page, page_tokens_.ReadPageRequest(request));
  ASSIGN_OR_RETURN(storage::TradeFlowFilter filter, ReadTradeFlowFilter(request, data_));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  ASSIGN_OR_RETURN(storage::TradeFlowPage rows,
                   storage::TradeStore(db.get()).ListFlows(filter, page.resume_after,
                                                           page.limit,
                                                           kMaxTradeRowsExamined));
  v1::ListTradeFlowsResponse response;
  for (v1::TradeFlow& flow : rows.flows) *response.add_trade_flows() = std::move(flow);
  response.set_next_page_token(page_tokens_.MakePageToken(request, rows.resume_after));
  return response;
}

}  // namespace summit::query
