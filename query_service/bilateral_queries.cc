// The bilateral overview family of Querier: GetBilateralOverview.
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "query_service/querier.h"
#include "query_service/request_checks.h"
#include "query_service/trade_report.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"

namespace summit::query {
namespace {

using google::protobuf::RepeatedPtrField;
using storage::SummitStore;

// The day and city of a meeting as one key; nullopt unless both are known,
// as a month or a country alone cannot tell two meetings apart.
std::optional<std::string> MeetingKey(const v1::Date& date, const v1::Location& place) {
  if (date.day() == 0 || place.city().empty()) return std::nullopt;
  return absl::StrCat(date.year(), "-", date.month(), "-", date.day(), "|", place.city());
}

// The summits a pair's index events belong to, by id, and the day and city
// of each of those meetings (MeetingKey).
struct EventSummits {
  std::map<std::string, v1::Summit> by_id;
  std::set<std::string> meetings;
};

absl::StatusOr<EventSummits> ReadEventSummits(
    const SummitStore& store, const std::vector<storage::PairEvent>& events) {
  EventSummits read;
  for (const storage::PairEvent& event : events) {
    if (read.by_id.count(event.summit_id) != 0) continue;
    absl::StatusOr<v1::Summit> summit = store.GetSummit(event.summit_id);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    if (std::optional<std::string> key = MeetingKey(summit->date(), summit->location())) {
      read.meetings.insert(*std::move(key));
    }
    read.by_id.emplace(event.summit_id, *std::move(summit));
  }
  return read;
}

// Adds the timeline of `events` to `response`: a summit's own entry, or a
// related engagement's unless it is a meeting of the timeline (same day and
// city) or one another summit already related (same date, name and
// ordinal). Returns the summits in timeline order; DATA_LOSS when an event
// names an engagement its summit lacks.
absl::StatusOr<std::vector<const v1::Summit*>> AddTimeline(
    const std::vector<storage::PairEvent>& events, const EventSummits& summits,
    v1::GetBilateralOverviewResponse& response) {
  std::set<std::string> related;
  std::vector<const v1::Summit*> in_order;
  for (const storage::PairEvent& event : events) {
    auto found = summits.by_id.find(event.summit_id);
    if (found == summits.by_id.end()) continue;
    const v1::Summit& summit = found->second;
    if (event.event > static_cast<uint32_t>(summit.related_engagements_size())) {
      return absl::DataLossError(absl::StrCat("the pair index names engagement ",
                                              event.event, " of ", summit.name()));
    }
    if (event.event != 0) {
      const v1::RelatedEngagement& engagement =
          summit.related_engagements(event.event - 1);
      std::optional<std::string> meeting =
          MeetingKey(engagement.date(), engagement.location());
      if (meeting && summits.meetings.count(*meeting) != 0) continue;
      const v1::Date& date = engagement.date();
      if (!engagement.event_name().empty() &&
          !related
               .insert(absl::StrCat(date.year(), "-", date.month(), "-", date.day(), "|",
                                    engagement.event_name(), "|", engagement.ordinal()))
               .second) {
        continue;
      }
    }
    v1::TimelineEntry* entry = response.add_timeline();
    *entry->mutable_date() = event.date;
    entry->set_summit(summit.name());
    if (event.event == 0) {
      entry->set_summit_title(summit.title());
      in_order.push_back(&summit);
    } else {
      *entry->mutable_engagement() = summit.related_engagements(event.event - 1);
    }
  }
  return in_order;
}

// The agreements of `summits` by sector name, each group in summit order;
// an agreement of several sectors is in each.
struct AgreementGroups {
  std::map<std::string, RepeatedPtrField<v1::AgreementRef>> by_sector;
  RepeatedPtrField<v1::AgreementRef> unsectored;
};

AgreementGroups GroupAgreements(const std::vector<const v1::Summit*>& summits) {
  AgreementGroups groups;
  for (const v1::Summit* summit : summits) {
    for (const v1::Agreement& agreement : summit->agreements()) {
      v1::AgreementRef ref;
      ref.set_summit(summit->name());
      *ref.mutable_summit_date() = summit->date();
      *ref.mutable_agreement() = agreement;
      if (agreement.sectors().empty()) *groups.unsectored.Add() = ref;
      for (const std::string& sector : agreement.sectors()) {
        *groups.by_sector[sector].Add() = ref;
      }
    }
  }
  return groups;
}

// Adds to `response` the trade of the request's countries in the HS
// chapters of `entry`, sector `sector`, over the request's years.
absl::Status AddSectorTrade(const storage::TradeStore& trade,
                            const v1::GetBilateralOverviewRequest& request,
                            const std::string& sector, const data::v1::SectorEntry& entry,
                            v1::GetBilateralOverviewResponse& response) {
  TradeQuery query{
      request.country_codes(0),
      request.country_codes(1),
      {v1::TRADE_FLOW_DIRECTION_EXPORT, v1::TRADE_FLOW_DIRECTION_IMPORT,
       v1::TRADE_FLOW_DIRECTION_RE_EXPORT, v1::TRADE_FLOW_DIRECTION_RE_IMPORT},
      {entry.hs_chapters().begin(), entry.hs_chapters().end()},
      request.start_year(),
      request.end_year()};
  ASSIGN_OR_RETURN(TradeSums sums, SumTrade(trade, query));
  v1::SectorTrade* sector_trade = response.add_sector_trade();
  sector_trade->set_sector(sector);
  *sector_trade->mutable_hs_chapters() = entry.hs_chapters();
  sector_trade->set_total_balance_usd_cents(
      FillSeries(sums, sector_trade->mutable_series()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::GetBilateralOverviewResponse> Querier::GetBilateralOverview(
    const v1::GetBilateralOverviewRequest& request) const {
  RETURN_IF_ERROR(ValidateCountryPair(request.country_codes(), "country_codes", data_,
                                      /*optional=*/false));
  RETURN_IF_ERROR(ValidateYears(request.start_year(), request.end_year()));
  ASSIGN_OR_RETURN(std::shared_ptr<storage::Database> db, Db());
  const SummitStore store(db.get());

  v1::GetBilateralOverviewResponse response;
  *response.mutable_country_codes() = request.country_codes();
  ASSIGN_OR_RETURN(
      std::vector<storage::PairEvent> events,
      store.ScanPairEvents(request.country_codes(0), request.country_codes(1)));
  ASSIGN_OR_RETURN(EventSummits summits, ReadEventSummits(store, events));
  ASSIGN_OR_RETURN(std::vector<const v1::Summit*> in_order,
                   AddTimeline(events, summits, response));

  // Agreements by sector, in sector-name order, each oldest summit first;
  // those naming no sector last, under an empty sector. A taxonomy sector
  // with HS chapters comes with the pair's trade in them.
  AgreementGroups groups = GroupAgreements(in_order);
  const storage::TradeStore trade(db.get());
  for (auto& [sector, agreements] : groups.by_sector) {
    v1::SectorAgreements* group = response.add_agreements_by_sector();
    group->set_sector(sector);
    *group->mutable_agreements() = std::move(agreements);

    absl::StatusOr<std::string> id =
        common::ResourceId(sector, common::kSectors, "sector");
    const data::v1::SectorEntry* entry = id.ok() ? data_.Sector(*id) : nullptr;
    if (entry == nullptr || entry->hs_chapters().empty()) continue;
    RETURN_IF_ERROR(AddSectorTrade(trade, request, sector, *entry, response));
  }
  if (!groups.unsectored.empty()) {
    *response.add_agreements_by_sector()->mutable_agreements() =
        std::move(groups.unsectored);
  }
  return response;
}

}  // namespace summit::query
