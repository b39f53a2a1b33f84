// The participants and sectors family of Querier: GetParticipant,
// ListParticipants, GetSector and ListSectors.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/field_checks.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "query_service/pair_summits.h"
#include "query_service/querier.h"
#include "query_service/request_checks.h"
#include "storage/summit_facts.h"
#include "storage/summit_store.h"

namespace summit::query {

using common::ValidateCountry;
using reference::ReferenceData;

namespace {

using storage::SummitStore;

// The ids of `sorted` after `page.resume_after`, at most `page.limit`; sets
// `*resume_after` to the last one returned when more remain.
std::vector<std::string> PageOfIds(const std::vector<std::string>& sorted,
                                   const PageRequest& page, std::string* resume_after) {
  auto first = page.resume_after.empty()
                   ? sorted.begin()
                   : std::upper_bound(sorted.begin(), sorted.end(), page.resume_after);
  const size_t left = static_cast<size_t>(sorted.end() - first);
  const size_t count = std::min(left, static_cast<size_t>(page.limit));
  std::vector<std::string> ids(first, first + static_cast<ptrdiff_t>(count));
  if (count < left) *resume_after = ids.back();
  return ids;
}

// A taxonomy sector with counts.
v1::Sector MakeSector(const data::v1::SectorEntry& entry, int summits, int agreements) {
  v1::Sector sector;
  sector.set_name(common::ResourceName(common::kSectors, entry.id()));
  sector.set_display_name(entry.display_name());
  *sector.mutable_synonyms() = entry.synonyms();
  *sector.mutable_hs_chapters() = entry.hs_chapters();
  sector.set_summit_count(summits);
  sector.set_agreement_count(agreements);
  return sector;
}

// Whether `summit` has participants of both countries.
bool HasBoth(const v1::Summit& summit, const std::string& a, const std::string& b) {
  std::set<std::string> countries;
  for (const auto& p : summit.participants()) countries.insert(p.country_code());
  return countries.count(a) != 0 && countries.count(b) != 0;
}

// Sector id -> (summits, agreements).
using SectorCounts = std::map<std::string, std::pair<int, int>>;

// The stored counts of every taxonomy sector (0 for those of no summit).
absl::StatusOr<SectorCounts> TaxonomyCounts(const SummitStore& store,
                                            const ReferenceData& data) {
  ASSIGN_OR_RETURN(std::vector<v1::Sector> stored, store.ListSectorCounts());
  SectorCounts counts;
  for (const data::v1::SectorEntry& entry : data.sectors()) counts[entry.id()];
  for (const v1::Sector& sector : stored) {
    absl::StatusOr<std::string> id =
        common::ResourceId(sector.name(), common::kSectors, "sector");
    if (id.ok() && counts.count(*id) != 0) {
      counts[*id] = {sector.summit_count(), sector.agreement_count()};
    }
  }
  return counts;
}

// Summit `summit_id`; nullopt when absent, which a filter matches nothing.
absl::StatusOr<std::optional<v1::Summit>> FilterSummit(const SummitStore& store,
                                                       const std::string& summit_id) {
  absl::StatusOr<v1::Summit> summit = store.GetSummit(summit_id);
  if (absl::IsNotFound(summit.status())) return std::nullopt;
  if (!summit.ok()) return summit.status();
  return *std::move(summit);
}

// The summits a ListSectors filter selects: summit `summit_id` (none when
// absent) if it has participants of both `countries` (when given), else the
// summits of the two countries.
absl::StatusOr<std::vector<v1::Summit>> FilteredSummits(
    const SummitStore& store, const std::string& summit_id,
    const google::protobuf::RepeatedPtrField<std::string>& countries) {
  if (summit_id.empty()) return PairSummits(store, countries[0], countries[1]);
  ASSIGN_OR_RETURN(std::optional<v1::Summit> summit, FilterSummit(store, summit_id));
  std::vector<v1::Summit> summits;
  if (summit.has_value() &&
      (countries.empty() || HasBoth(*summit, countries[0], countries[1]))) {
    summits.push_back(*std::move(summit));
  }
  return summits;
}

// The sectors `summits` touch, counted over them.
absl::StatusOr<SectorCounts> CountSectors(const std::vector<v1::Summit>& summits) {
  SectorCounts counts;
  for (const v1::Summit& summit : summits) {
    ASSIGN_OR_RETURN(storage::SummitFacts facts, storage::DeriveSummitFacts(summit));
    for (const auto& [sector_id, agreements] : facts.sectors) {
      ++counts[sector_id].first;
      counts[sector_id].second += agreements;
    }
  }
  return counts;
}

// The participant ids of `summit`, of country `country` when not empty,
// sorted.
std::vector<std::string> MemberIds(const v1::Summit& summit, const std::string& country) {
  std::set<std::string> members;
  for (const v1::SummitParticipant& p : summit.participants()) {
    if (!country.empty() && p.country_code() != country) continue;
    absl::StatusOr<std::string> member =
        common::ResourceId(p.participant(), common::kParticipants, "participant");
    if (member.ok()) members.insert(*std::move(member));
  }
  return {members.begin(), members.end()};
}

}  // namespace

absl::StatusOr<std::string> Querier::GetParticipantEncoded(
    const std::string& name) const {
  ASSIGN_OR_RETURN(std::string id,
                   common::ResourceId(name, common::kParticipants, "name"));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  return SummitStore(db.get()).GetParticipantEncoded(id);
}

absl::StatusOr<v1::ListParticipantsResponse> Querier::ListParticipants(
    const v1::ListParticipantsRequest& request) const {
  ASSIGN_OR_RETURN(PageRequest page, page_tokens_.ReadPageRequest(request));
  RETURN_IF_ERROR(
      ValidateCountry(request.country_code(), "country_code", data_, /*required=*/false));
  ASSIGN_OR_RETURN(std::string summit_id,
                   FilterId(request.summit(), common::kSummits, "summit"));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  const SummitStore store(db.get());

  std::vector<std::string> ids;
  std::string resume_after;
  if (!summit_id.empty()) {
    ASSIGN_OR_RETURN(std::optional<v1::Summit> summit, FilterSummit(store, summit_id));
    if (summit.has_value()) {
      ids = PageOfIds(MemberIds(*summit, request.country_code()), page, &resume_after);
    }
  } else {
    ASSIGN_OR_RETURN(
        storage::IdPage scanned,
        store.ScanParticipantIds(request.country_code(), page.limit, page.resume_after));
    ids = std::move(scanned.ids);
    resume_after = std::move(scanned.resume_after);
  }

  v1::ListParticipantsResponse response;
  for (const std::string& id : ids) {
    absl::StatusOr<v1::Participant> participant = store.GetParticipant(id);
    if (absl::IsNotFound(participant.status())) continue;  // Gone since the scan.
    if (!participant.ok()) return participant.status();
    *response.add_participants() = *std::move(participant);
  }
  response.set_next_page_token(page_tokens_.MakePageToken(request, resume_after));
  return response;
}

absl::StatusOr<v1::Sector> Querier::GetSector(const std::string& name) const {
  ASSIGN_OR_RETURN(std::string id, common::ResourceId(name, common::kSectors, "name"));
  const data::v1::SectorEntry* entry = data_.Sector(id);
  if (entry == nullptr) {
    return absl::NotFoundError(absl::StrCat(name, " not found in the sector taxonomy"));
  }
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  absl::StatusOr<v1::Sector> counts = SummitStore(db.get()).GetSectorCounts(id);
  if (absl::IsNotFound(counts.status())) return MakeSector(*entry, 0, 0);
  if (!counts.ok()) return counts.status();
  return MakeSector(*entry, counts->summit_count(), counts->agreement_count());
}

absl::StatusOr<v1::ListSectorsResponse> Querier::ListSectors(
    const v1::ListSectorsRequest& request) const {
  ASSIGN_OR_RETURN(PageRequest page, page_tokens_.ReadPageRequest(request));
  RETURN_IF_ERROR(ValidateCountryPair(request.country_codes(), "country_codes", data_,
                                      /*optional=*/true));
  ASSIGN_OR_RETURN(std::string summit_id,
                   FilterId(request.summit(), common::kSummits, "summit"));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  const SummitStore store(db.get());

  SectorCounts counts;
  if (summit_id.empty() && request.country_codes().empty()) {
    ASSIGN_OR_RETURN(counts, TaxonomyCounts(store, data_));
  } else {
    ASSIGN_OR_RETURN(std::vector<v1::Summit> summits,
                     FilteredSummits(store, summit_id, request.country_codes()));
    ASSIGN_OR_RETURN(counts, CountSectors(summits));
  }
  std::vector<std::string> ids;
  for (const auto& [id, count] : counts) ids.push_back(id);
  std::string resume_after;
  v1::ListSectorsResponse response;
  for (const std::string& id : PageOfIds(ids, page, &resume_after)) {
    const data::v1::SectorEntry* entry = data_.Sector(id);
    if (entry == nullptr) continue;  // A sector retired from the taxonomy.
    const auto& [summits, agreements] = counts[id];
    *response.add_sectors() = MakeSector(*entry, summits, agreements);
  }
  response.set_next_page_token(page_tokens_.MakePageToken(request, resume_after));
  return response;
}

}  // namespace summit::query
