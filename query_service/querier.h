// What QueryService answers, without gRPC: reads through the follower's
// current database. Every method validates its request first and names the
// offending field in INVALID_ARGUMENT; UNAVAILABLE before the database
// opens. Thread-safe.
//
// Defined by RPC family: summit_queries.cc, participant_sector_queries.cc,
// trade_queries.cc and bilateral_queries.cc; the checks of their request
// fields are in request_checks.h.
#ifndef SUMMIT_QUERY_SERVICE_QUERIER_H_
#define SUMMIT_QUERY_SERVICE_QUERIER_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "query_service/follower_loop.h"
#include "query_service/page_token.h"
#include "reference/reference_data.h"
#include "storage/database.h"
#include "summit/v1/query_service.pb.h"
#include "summit/v1/resources.pb.h"

namespace summit::query {

// The most stored trade rows one ListTradeFlows page reads (the proto says
// so): a page whose filters skip many rows ends early.
inline constexpr int kMaxTradeRowsExamined = 10000;

class Querier final {
 public:
  // `follower` must outlive the querier. List pages are resumed with tokens
  // of `page_tokens`.
  Querier(const FollowerLoop* follower, PageTokens page_tokens)
      : follower_(follower),
        data_(reference::ReferenceData::Get()),
        page_tokens_(std::move(page_tokens)) {}

  // One summit by resource name in `view` (FULL when unspecified), as its
  // stored encoding (a serialized v1::Summit): the hottest read skips a
  // decode and a re-encode. NOT_FOUND names it when absent.
  absl::StatusOr<std::string> GetSummitEncoded(const v1::GetSummitRequest& request) const;

  // Summits matching every filter, by date then name: an intersection of
  // the participant, country and sector indexes (the date index alone
  // without them), bounded by the page size. The encoding of a
  // v1::ListSummitsResponse, made of the stored encodings of the summits in
  // the asked view (BASIC when unspecified).
  absl::StatusOr<std::string> ListSummitsEncoded(
      const v1::ListSummitsRequest& request) const;

  // One participant with its counts and first/last summit dates, as its
  // stored encoding (a serialized v1::Participant).
  absl::StatusOr<std::string> GetParticipantEncoded(const std::string& name) const;

  // Participants by name: of one summit (its record), else of one country
  // or all (index scans), bounded by the page size. A summit filter naming
  // no summit matches nothing.
  absl::StatusOr<v1::ListParticipantsResponse> ListParticipants(
      const v1::ListParticipantsRequest& request) const;

  // One sector of the taxonomy with its summit and agreement counts (0 when
  // no summit touches it); NOT_FOUND for a sector the taxonomy lacks.
  absl::StatusOr<v1::Sector> GetSector(const std::string& name) const;

  // Sectors of the taxonomy by name. With filters, only the sectors the
  // matching summits touch, counted over those summits: one summit's
  // record, or the summits of a country pair (its pair index).
  absl::StatusOr<v1::ListSectorsResponse> ListSectors(
      const v1::ListSectorsRequest& request) const;

  // Trade series, balance, growth, top commodities and stated amounts; see
  // trade_report.h for how overlapping rows are counted.
  absl::StatusOr<v1::GetTradeStatisticsResponse> GetTradeStatistics(
      const v1::GetTradeStatisticsRequest& request) const;

  // Stored trade rows matching every filter, in key order: one range scan
  // (of the reporter, or of the reporter and partner) that seeks past the
  // rows the other filters leave out, reading at most
  // kMaxTradeRowsExamined keys per page.
  absl::StatusOr<v1::ListTradeFlowsResponse> ListTradeFlows(
      const v1::ListTradeFlowsRequest& request) const;

  // Timeline, agreements by sector and sector trade of two countries, from
  // their pair index and the trade index.
  absl::StatusOr<v1::GetBilateralOverviewResponse> GetBilateralOverview(
      const v1::GetBilateralOverviewRequest& request) const;

 private:
  absl::StatusOr<std::shared_ptr<storage::Database>> Db() const;

  const FollowerLoop* const follower_;
  const reference::ReferenceData& data_;
  const PageTokens page_tokens_;
};

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_QUERIER_H_
