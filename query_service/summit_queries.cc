// The summits family of Querier: GetSummit and ListSummits.
#include <utility>
#include <vector>

#include "common/field_checks.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "query_service/querier.h"
#include "query_service/request_checks.h"
#include "storage/summit_store.h"

namespace summit::query {

using common::ValidateCountry;
using common::ValidateSectorName;
using reference::ReferenceData;

namespace {

using storage::SummitScan;
using storage::SummitStore;

// The index scans whose intersection answers `request`, each bounded by its
// dates: one per filter, the date index alone without filters.
absl::StatusOr<std::vector<SummitScan>> ReadSummitScans(
    const v1::ListSummitsRequest& request, const ReferenceData& data) {
  std::vector<SummitScan> scans;
  auto scan = [&](SummitScan::Index index, std::string id) {
    scans.push_back({index, std::move(id), request.start_date(), request.end_date()});
  };
  ASSIGN_OR_RETURN(std::string participant,
                   FilterId(request.participant(), common::kParticipants, "participant"));
  if (!participant.empty()) {
    scan(SummitScan::Index::kByParticipant, std::move(participant));
  }
  if (!request.country_code().empty()) {
    RETURN_IF_ERROR(
        ValidateCountry(request.country_code(), "country_code", data, /*required=*/true));
    scan(SummitScan::Index::kByCountry, request.country_code());
  }
  if (!request.sector().empty()) {
    ASSIGN_OR_RETURN(std::string id,
                     ValidateSectorName(request.sector(), "sector", data));
    scan(SummitScan::Index::kBySector, std::move(id));
  }
  if (scans.empty()) scan(SummitScan::Index::kByDate, "");
  return scans;
}

}  // namespace

absl::StatusOr<std::string> Querier::GetSummitEncoded(const std::string& name) const {
  ASSIGN_OR_RETURN(std::string id, common::ResourceId(name, common::kSummits, "name"));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  return SummitStore(db.get()).GetSummitEncoded(id);
}

absl::StatusOr<v1::ListSummitsResponse> Querier::ListSummits(
    const v1::ListSummitsRequest& request) const {
  ASSIGN_OR_RETURN(PageRequest page, page_tokens_.ReadPageRequest(request));
  RETURN_IF_ERROR(ValidateDateRange(request.start_date(), request.end_date()));
  ASSIGN_OR_RETURN(std::vector<SummitScan> scans, ReadSummitScans(request, data_));

  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  const SummitStore store(db.get());
  ASSIGN_OR_RETURN(storage::IdPage ids,
                   store.ScanSummitIds(scans, page.limit, page.resume_after));
  v1::ListSummitsResponse response;
  for (const std::string& id : ids.ids) {
    absl::StatusOr<v1::Summit> summit = store.GetSummit(id);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    *response.add_summits() = *std::move(summit);
  }
  response.set_next_page_token(page_tokens_.MakePageToken(request, ids.resume_after));
  return response;
}

}  // namespace summit::query
