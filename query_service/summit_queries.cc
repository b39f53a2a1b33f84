// The summits family of Querier: GetSummit and ListSummits.
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/field_checks.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"
#include "query_service/querier.h"
#include "query_service/request_checks.h"
#include "storage/summit_store.h"

namespace summit::query {

using common::ValidateCountry;
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
    ASSIGN_OR_RETURN(std::string id, FilterId(request.sector(), common::kSectors, "sector"));
    scan(SummitScan::Index::kBySector, std::move(id));
  }
  if (scans.empty()) scan(SummitScan::Index::kByDate, "");
  return scans;
}

// The view to read: `view` when given, else `default_view`. INVALID_ARGUMENT
// for a value the enum lacks.
absl::StatusOr<v1::SummitView> ReadView(v1::SummitView view,
                                        v1::SummitView default_view) {
  if (view == v1::SUMMIT_VIEW_UNSPECIFIED) return default_view;
  if (!v1::SummitView_IsValid(view)) {
    return absl::InvalidArgumentError(
        absl::StrCat("view: ", static_cast<int>(view),
                     " is not a SummitView; use SUMMIT_VIEW_BASIC or SUMMIT_VIEW_FULL"));
  }
  return view;
}

// The stored encoding of summit `id` in `view`.
absl::StatusOr<std::string> ReadSummit(const SummitStore& store, absl::string_view id,
                                       v1::SummitView view) {
  return view == v1::SUMMIT_VIEW_BASIC ? store.GetBasicSummitEncoded(id)
                                       : store.GetSummitEncoded(id);
}

// Appends field `number` of wire type LEN holding `bytes` to `out`.
void AppendLengthDelimited(int number, absl::string_view bytes, std::string& out) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.WriteTag(
      WireFormatLite::MakeTag(number, WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
  coded.WriteVarint32(static_cast<uint32_t>(bytes.size()));
  coded.WriteRaw(bytes.data(), static_cast<int>(bytes.size()));
}

}  // namespace

absl::StatusOr<std::string> Querier::GetSummitEncoded(
    const v1::GetSummitRequest& request) const {
  ASSIGN_OR_RETURN(std::string id,
                   common::ResourceId(request.name(), common::kSummits, "name"));
  ASSIGN_OR_RETURN(v1::SummitView view, ReadView(request.view(), v1::SUMMIT_VIEW_FULL));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  return ReadSummit(SummitStore(db.get()), id, view);
}

absl::StatusOr<std::string> Querier::ListSummitsEncoded(
    const v1::ListSummitsRequest& request) const {
  ASSIGN_OR_RETURN(PageRequest page, page_tokens_.ReadPageRequest(request));
  RETURN_IF_ERROR(ValidateDateRange(request.start_date(), request.end_date()));
  ASSIGN_OR_RETURN(std::vector<SummitScan> scans, ReadSummitScans(request, data_));
  ASSIGN_OR_RETURN(v1::SummitView view, ReadView(request.view(), v1::SUMMIT_VIEW_BASIC));

  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  const SummitStore store(db.get());
  ASSIGN_OR_RETURN(storage::IdPage ids,
                   store.ScanSummitIds(scans, page.limit, page.resume_after));
  std::string response;
  for (const std::string& id : ids.ids) {
    absl::StatusOr<std::string> summit = ReadSummit(store, id, view);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    AppendLengthDelimited(v1::ListSummitsResponse::kSummitsFieldNumber, *summit,
                          response);
  }
  const std::string token = page_tokens_.MakePageToken(request, ids.resume_after);
  if (!token.empty()) {
    AppendLengthDelimited(v1::ListSummitsResponse::kNextPageTokenFieldNumber, token,
                          response);
  }
  return response;
}

}  // namespace summit::query
