#include "query_service/querier.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/field_checks.h"
#include "common/resource_names.h"
#include "query_service/page_token.h"
#include "query_service/trade_report.h"
#include "storage/summit_facts.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"

namespace summit {

using common::CommodityCodeProblem;
using common::InvalidField;
using common::kParticipants;
using common::kSectors;
using common::kSummits;
using common::ResourceId;
using common::ResourceName;
using common::TradeFlowProblem;
using common::ValidateCountry;
using common::ValidateDate;
using common::ValidateSectorName;
using reference::ReferenceData;

namespace {

using google::protobuf::RepeatedField;
using google::protobuf::RepeatedPtrField;
using storage::SummitScan;
using storage::SummitStore;

constexpr int kDefaultTopCommodities = 10;
constexpr int kMaxTopCommodities = 100;

// Whether the earliest day of `start` falls after the latest day of `end`.
bool EndsBeforeStart(const v1::Date& start, const v1::Date& end) {
  if (start.year() == 0 || end.year() == 0) return false;
  auto part = [](int value, int open) { return value == 0 ? open : value; };
  return std::make_tuple(start.year(), start.month(), start.day()) >
         std::make_tuple(end.year(), part(end.month(), 12), part(end.day(), 31));
}

absl::Status ValidateDateRange(const v1::Date& start, const v1::Date& end) {
  if (absl::Status s = ValidateDate(start, "start_date"); !s.ok()) return s;
  if (absl::Status s = ValidateDate(end, "end_date"); !s.ok()) return s;
  if (EndsBeforeStart(start, end)) return InvalidField("end_date", "is before start_date");
  return absl::OkStatus();
}

absl::Status ValidateYears(int32_t start, int32_t end) {
  for (const auto& [field, year] : {std::pair("start_year", start), std::pair("end_year", end)}) {
    if (year != 0 && (year < 1900 || year > 2100)) {
      return InvalidField(field,
                          absl::StrCat(year, " is not within 1900..2100 (0 for no bound)"));
    }
  }
  if (start != 0 && end != 0 && end < start) {
    return InvalidField("end_year", absl::StrCat(end, " is before start_year ", start));
  }
  return absl::OkStatus();
}

// Two distinct country codes in `field`; none passes when `optional`.
absl::Status ValidatePair(const RepeatedPtrField<std::string>& codes,
                          absl::string_view field, const ReferenceData& data,
                          bool optional) {
  if (codes.empty() && optional) return absl::OkStatus();
  if (codes.size() != 2) {
    return InvalidField(field, absl::StrCat("has ", codes.size(),
                                            " codes; give exactly two countries"));
  }
  for (int i = 0; i < 2; ++i) {
    if (absl::Status s = ValidateCountry(codes[i], absl::StrCat(field, "[", i, "]"), data,
                                         /*required=*/true);
        !s.ok()) {
      return s;
    }
  }
  if (codes[0] == codes[1]) return InvalidField(field, "names the same country twice");
  return absl::OkStatus();
}

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
  sector.set_name(ResourceName(kSectors, entry.id()));
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

// The summits of two countries, oldest first, from their pair index.
absl::StatusOr<std::vector<v1::Summit>> PairSummits(const SummitStore& store,
                                                    const std::string& a,
                                                    const std::string& b) {
  absl::StatusOr<std::vector<storage::PairEvent>> events = store.ScanPairEvents(a, b);
  if (!events.ok()) return events.status();
  std::vector<v1::Summit> summits;
  for (const storage::PairEvent& event : *events) {
    if (event.event != 0) continue;
    absl::StatusOr<v1::Summit> summit = store.GetSummit(event.summit_id);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    summits.push_back(*std::move(summit));
  }
  return summits;
}

// The day and city of a meeting as one key; nullopt unless both are known,
// as a month or a country alone cannot tell two meetings apart.
std::optional<std::string> MeetingKey(const v1::Date& date, const v1::Location& place) {
  if (date.day() == 0 || place.city().empty()) return std::nullopt;
  return absl::StrCat(date.year(), "-", date.month(), "-", date.day(), "|", place.city());
}

// The trade flows a request names, distinct and ascending; all four when
// none.
absl::StatusOr<std::vector<v1::TradeFlowDirection>> Flows(
    const RepeatedField<int>& requested) {
  std::set<v1::TradeFlowDirection> flows;
  for (int i = 0; i < requested.size(); ++i) {
    if (std::optional<std::string> problem = TradeFlowProblem(requested[i])) {
      return InvalidField(absl::StrCat("flows[", i, "]"), *problem);
    }
    flows.insert(static_cast<v1::TradeFlowDirection>(requested[i]));
  }
  if (flows.empty()) {
    flows = {v1::TRADE_FLOW_DIRECTION_EXPORT, v1::TRADE_FLOW_DIRECTION_IMPORT,
             v1::TRADE_FLOW_DIRECTION_RE_EXPORT, v1::TRADE_FLOW_DIRECTION_RE_IMPORT};
  }
  return std::vector<v1::TradeFlowDirection>(flows.begin(), flows.end());
}

// The commodity codes a trade request selects, without codes another
// selected code already covers.
absl::StatusOr<std::vector<std::string>> CommodityCodes(
    const v1::GetTradeStatisticsRequest& request, const ReferenceData& data) {
  if (!request.sector().empty()) {
    if (!request.commodity_codes().empty()) {
      return InvalidField("sector", "is set together with commodity_codes; give one");
    }
    absl::StatusOr<std::string> id = ValidateSectorName(request.sector(), "sector", data);
    if (!id.ok()) return id.status();
    const data::v1::SectorEntry& entry = *data.Sector(*id);
    if (entry.hs_chapters().empty()) {
      return InvalidField("sector", absl::StrCat(request.sector(),
                                                 " has no HS chapters, so no trade maps to it"));
    }
    return std::vector<std::string>(entry.hs_chapters().begin(), entry.hs_chapters().end());
  }
  if (request.commodity_codes().empty()) return std::vector<std::string>{"TOTAL"};
  std::set<std::string> codes;
  for (int i = 0; i < request.commodity_codes_size(); ++i) {
    const std::string& code = request.commodity_codes(i);
    if (std::optional<std::string> problem = CommodityCodeProblem(code)) {
      return InvalidField(absl::StrCat("commodity_codes[", i, "]"), *problem);
    }
    codes.insert(code);
  }
  if (codes.count("TOTAL") != 0 && codes.size() > 1) {
    return InvalidField("commodity_codes",
                        "TOTAL already covers every code; do not combine it with others");
  }
  // Sorted, a code's extensions follow it: keep a code unless the last kept
  // one starts it.
  std::vector<std::string> kept;
  for (const std::string& code : codes) {
    if (kept.empty() || code.rfind(kept.back(), 0) != 0) kept.push_back(code);
  }
  return kept;
}

}  // namespace

absl::StatusOr<std::shared_ptr<storage::Database>> Querier::Db() const {
  std::shared_ptr<storage::Database> db = follower_->db();
  if (db == nullptr) {
    return absl::UnavailableError("the database is not open yet; retry shortly");
  }
  return db;
}

absl::StatusOr<std::string> Querier::GetSummitEncoded(const std::string& name) const {
  absl::StatusOr<std::string> id = ResourceId(name, kSummits, "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  return SummitStore(db->get()).GetSummitEncoded(*id);
}

absl::StatusOr<v1::ListSummitsResponse> Querier::ListSummits(
    const v1::ListSummitsRequest& request) const {
  absl::StatusOr<PageRequest> page = page_tokens_.ReadPageRequest(request);
  if (!page.ok()) return page.status();
  if (absl::Status s = ValidateDateRange(request.start_date(), request.end_date()); !s.ok())
    return s;
  std::vector<SummitScan> scans;
  auto scan = [&](SummitScan::Index index, std::string id) {
    scans.push_back({index, std::move(id), request.start_date(), request.end_date()});
  };
  if (!request.participant().empty()) {
    absl::StatusOr<std::string> id =
        ResourceId(request.participant(), kParticipants, "participant");
    if (!id.ok()) return id.status();
    scan(SummitScan::Index::kByParticipant, *std::move(id));
  }
  if (!request.country_code().empty()) {
    if (absl::Status s = ValidateCountry(request.country_code(), "country_code", data_,
                                         /*required=*/true);
        !s.ok()) {
      return s;
    }
    scan(SummitScan::Index::kByCountry, request.country_code());
  }
  if (!request.sector().empty()) {
    absl::StatusOr<std::string> id = ValidateSectorName(request.sector(), "sector", data_);
    if (!id.ok()) return id.status();
    scan(SummitScan::Index::kBySector, *std::move(id));
  }
  if (scans.empty()) scan(SummitScan::Index::kByDate, "");

  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  const SummitStore store(db->get());
  absl::StatusOr<storage::IdPage> ids =
      store.ScanSummitIds(scans, page->limit, page->resume_after);
  if (!ids.ok()) return ids.status();
  v1::ListSummitsResponse response;
  for (const std::string& id : ids->ids) {
    absl::StatusOr<v1::Summit> summit = store.GetSummit(id);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    *response.add_summits() = *std::move(summit);
  }
  response.set_next_page_token(page_tokens_.MakePageToken(request, ids->resume_after));
  return response;
}

absl::StatusOr<std::string> Querier::GetParticipantEncoded(const std::string& name) const {
  absl::StatusOr<std::string> id = ResourceId(name, kParticipants, "name");
  if (!id.ok()) return id.status();
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  return SummitStore(db->get()).GetParticipantEncoded(*id);
}

absl::StatusOr<v1::ListParticipantsResponse> Querier::ListParticipants(
    const v1::ListParticipantsRequest& request) const {
  absl::StatusOr<PageRequest> page = page_tokens_.ReadPageRequest(request);
  if (!page.ok()) return page.status();
  if (absl::Status s = ValidateCountry(request.country_code(), "country_code", data_,
                                       /*required=*/false);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  const SummitStore store(db->get());

  std::vector<std::string> ids;
  std::string resume_after;
  if (!request.summit().empty()) {
    absl::StatusOr<std::string> id = ResourceId(request.summit(), kSummits, "summit");
    if (!id.ok()) return id.status();
    absl::StatusOr<v1::Summit> summit = store.GetSummit(*id);
    if (!summit.ok()) return summit.status();
    std::set<std::string> members;
    for (const v1::SummitParticipant& p : summit->participants()) {
      if (!request.country_code().empty() && p.country_code() != request.country_code())
        continue;
      absl::StatusOr<std::string> member =
          ResourceId(p.participant(), kParticipants, "participant");
      if (member.ok()) members.insert(*std::move(member));
    }
    ids = PageOfIds({members.begin(), members.end()}, *page, &resume_after);
  } else {
    absl::StatusOr<storage::IdPage> scanned =
        store.ScanParticipantIds(request.country_code(), page->limit, page->resume_after);
    if (!scanned.ok()) return scanned.status();
    ids = std::move(scanned->ids);
    resume_after = std::move(scanned->resume_after);
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
  absl::StatusOr<std::string> id = ResourceId(name, kSectors, "name");
  if (!id.ok()) return id.status();
  const data::v1::SectorEntry* entry = data_.Sector(*id);
  if (entry == nullptr) {
    return absl::NotFoundError(absl::StrCat(name, " not found in the sector taxonomy"));
  }
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  absl::StatusOr<v1::Sector> counts = SummitStore(db->get()).GetSectorCounts(*id);
  if (absl::IsNotFound(counts.status())) return MakeSector(*entry, 0, 0);
  if (!counts.ok()) return counts.status();
  return MakeSector(*entry, counts->summit_count(), counts->agreement_count());
}

absl::StatusOr<v1::ListSectorsResponse> Querier::ListSectors(
    const v1::ListSectorsRequest& request) const {
  absl::StatusOr<PageRequest> page = page_tokens_.ReadPageRequest(request);
  if (!page.ok()) return page.status();
  if (absl::Status s = ValidatePair(request.country_codes(), "country_codes", data_,
                                    /*optional=*/true);
      !s.ok()) {
    return s;
  }
  std::string summit_id;
  if (!request.summit().empty()) {
    absl::StatusOr<std::string> id = ResourceId(request.summit(), kSummits, "summit");
    if (!id.ok()) return id.status();
    summit_id = *std::move(id);
  }
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  const SummitStore store(db->get());

  // sector id -> (summits, agreements).
  std::map<std::string, std::pair<int, int>> counts;
  if (summit_id.empty() && request.country_codes().empty()) {
    absl::StatusOr<std::vector<v1::Sector>> stored = store.ListSectorCounts();
    if (!stored.ok()) return stored.status();
    for (const data::v1::SectorEntry& entry : data_.sectors()) counts[entry.id()];
    for (const v1::Sector& sector : *stored) {
      absl::StatusOr<std::string> id = ResourceId(sector.name(), kSectors, "sector");
      if (id.ok() && counts.count(*id) != 0) {
        counts[*id] = {sector.summit_count(), sector.agreement_count()};
      }
    }
  } else {
    std::vector<v1::Summit> summits;
    if (!summit_id.empty()) {
      absl::StatusOr<v1::Summit> summit = store.GetSummit(summit_id);
      if (!summit.ok()) return summit.status();
      if (request.country_codes().empty() ||
          HasBoth(*summit, request.country_codes(0), request.country_codes(1))) {
        summits.push_back(*std::move(summit));
      }
    } else {
      absl::StatusOr<std::vector<v1::Summit>> pair =
          PairSummits(store, request.country_codes(0), request.country_codes(1));
      if (!pair.ok()) return pair.status();
      summits = *std::move(pair);
    }
    for (const v1::Summit& summit : summits) {
      absl::StatusOr<storage::SummitFacts> facts = storage::DeriveSummitFacts(summit);
      if (!facts.ok()) return facts.status();
      for (const auto& [sector_id, agreements] : facts->sectors) {
        ++counts[sector_id].first;
        counts[sector_id].second += agreements;
      }
    }
  }

  std::vector<std::string> ids;
  for (const auto& [id, count] : counts) ids.push_back(id);
  std::string resume_after;
  v1::ListSectorsResponse response;
  for (const std::string& id : PageOfIds(ids, *page, &resume_after)) {
    const data::v1::SectorEntry* entry = data_.Sector(id);
    if (entry == nullptr) continue;  // A sector retired from the taxonomy.
    *response.add_sectors() = MakeSector(*entry, counts[id].first, counts[id].second);
  }
  response.set_next_page_token(page_tokens_.MakePageToken(request, resume_after));
  return response;
}

absl::StatusOr<v1::GetTradeStatisticsResponse> Querier::GetTradeStatistics(
    const v1::GetTradeStatisticsRequest& request) const {
  TradeQuery query;
  query.reporter_code = request.reporter_code();
  query.partner_code = request.partner_code();
  if (absl::Status s = ValidateCountry(query.reporter_code, "reporter_code", data_,
                                       /*required=*/true);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidateCountry(query.partner_code, "partner_code", data_,
                                       /*required=*/true, /*allow_world=*/true);
      !s.ok()) {
    return s;
  }
  if (query.partner_code == query.reporter_code) {
    return InvalidField("partner_code", "is the reporter itself");
  }
  absl::StatusOr<std::vector<v1::TradeFlowDirection>> flows = Flows(request.flows());
  if (!flows.ok()) return flows.status();
  query.flows = *std::move(flows);
  absl::StatusOr<std::vector<std::string>> codes = CommodityCodes(request, data_);
  if (!codes.ok()) return codes.status();
  query.codes = *std::move(codes);
  if (absl::Status s = ValidateYears(request.start_year(), request.end_year()); !s.ok())
    return s;
  query.start_year = request.start_year();
  query.end_year = request.end_year();
  if (request.top_commodities_limit() < 0) {
    return InvalidField("top_commodities_limit",
                        absl::StrCat(request.top_commodities_limit(),
                                     " is negative; use 0 for the default of ",
                                     kDefaultTopCommodities));
  }
  const int top = request.top_commodities_limit() == 0
                      ? kDefaultTopCommodities
                      : std::min(request.top_commodities_limit(), kMaxTopCommodities);

  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  absl::StatusOr<TradeSums> sums = SumTrade(storage::TradeStore(db->get()), query);
  if (!sums.ok()) return sums.status();

  v1::GetTradeStatisticsResponse response;
  response.set_reporter_code(query.reporter_code);
  response.set_partner_code(query.partner_code);
  const int64_t balance = FillSeries(*sums, response.mutable_series());
  const auto has = [&](v1::TradeFlowDirection flow) {
    return std::find(query.flows.begin(), query.flows.end(), flow) != query.flows.end();
  };
  if (has(v1::TRADE_FLOW_DIRECTION_EXPORT) && has(v1::TRADE_FLOW_DIRECTION_IMPORT)) {
    response.set_total_balance_usd_cents(balance);
    FillBalance(*sums, response.mutable_balance());
  }
  if (query.codes != std::vector<std::string>{"TOTAL"}) {
    FillTopCommodities(*sums, top, response.mutable_top_commodities());
  }
  if (query.partner_code != "W00") {
    absl::StatusOr<std::vector<v1::Summit>> summits =
        PairSummits(SummitStore(db->get()), query.reporter_code, query.partner_code);
    if (!summits.ok()) return summits.status();
    for (const v1::Summit& summit : *summits) {
      for (const v1::Amount& amount : summit.amounts()) {
        v1::StatedAmount* stated = response.add_stated_amounts();
        stated->set_summit(summit.name());
        *stated->mutable_summit_date() = summit.date();
        *stated->mutable_amount() = amount;
      }
    }
  }
  return response;
}

absl::StatusOr<v1::GetBilateralOverviewResponse> Querier::GetBilateralOverview(
    const v1::GetBilateralOverviewRequest& request) const {
  if (absl::Status s = ValidatePair(request.country_codes(), "country_codes", data_,
                                    /*optional=*/false);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidateYears(request.start_year(), request.end_year()); !s.ok())
    return s;
  const std::string& first = request.country_codes(0);
  const std::string& second = request.country_codes(1);
  absl::StatusOr<std::shared_ptr<storage::Database>> db = Db();
  if (!db.ok()) return db.status();
  const SummitStore store(db->get());

  v1::GetBilateralOverviewResponse response;
  *response.mutable_country_codes() = request.country_codes();
  absl::StatusOr<std::vector<storage::PairEvent>> events = store.ScanPairEvents(first, second);
  if (!events.ok()) return events.status();
  // The summits the events belong to, and the day and city of each meeting.
  std::map<std::string, v1::Summit> summits;
  std::set<std::string> meetings;
  for (const storage::PairEvent& event : *events) {
    if (summits.count(event.summit_id) != 0) continue;
    absl::StatusOr<v1::Summit> summit = store.GetSummit(event.summit_id);
    if (absl::IsNotFound(summit.status())) continue;  // Deleted since the scan.
    if (!summit.ok()) return summit.status();
    if (std::optional<std::string> key = MeetingKey(summit->date(), summit->location())) {
      meetings.insert(*std::move(key));
    }
    summits.emplace(event.summit_id, *std::move(summit));
  }
  // An engagement that is a meeting of the timeline (same day and city) or
  // one another summit already related (same date, name and ordinal) is
  // listed once.
  std::set<std::string> related;
  std::vector<const v1::Summit*> in_order;
  for (const storage::PairEvent& event : *events) {
    auto found = summits.find(event.summit_id);
    if (found == summits.end()) continue;
    const v1::Summit& summit = found->second;
    if (event.event > static_cast<uint32_t>(summit.related_engagements_size())) {
      return absl::DataLossError(absl::StrCat("the pair index names engagement ",
                                              event.event, " of ", summit.name()));
    }
    if (event.event != 0) {
      const v1::RelatedEngagement& engagement = summit.related_engagements(event.event - 1);
      std::optional<std::string> meeting =
          MeetingKey(engagement.date(), engagement.location());
      if (meeting && meetings.count(*meeting) != 0) continue;
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

  // Agreements by sector, in sector-name order, each oldest summit first;
  // those naming no sector last, under an empty sector.
  std::map<std::string, RepeatedPtrField<v1::AgreementRef>> by_sector;
  RepeatedPtrField<v1::AgreementRef> unsectored;
  for (const v1::Summit* summit : in_order) {
    for (const v1::Agreement& agreement : summit->agreements()) {
      v1::AgreementRef ref;
      ref.set_summit(summit->name());
      *ref.mutable_summit_date() = summit->date();
      *ref.mutable_agreement() = agreement;
      if (agreement.sectors().empty()) *unsectored.Add() = ref;
      for (const std::string& sector : agreement.sectors()) *by_sector[sector].Add() = ref;
    }
  }
  const storage::TradeStore trade(db->get());
  for (auto& [sector, agreements] : by_sector) {
    v1::SectorAgreements* group = response.add_agreements_by_sector();
    group->set_sector(sector);
    *group->mutable_agreements() = std::move(agreements);

    absl::StatusOr<std::string> id = ResourceId(sector, kSectors, "sector");
    const data::v1::SectorEntry* entry = id.ok() ? data_.Sector(*id) : nullptr;
    if (entry == nullptr || entry->hs_chapters().empty()) continue;
    TradeQuery query{first,
                     second,
                     {v1::TRADE_FLOW_DIRECTION_EXPORT, v1::TRADE_FLOW_DIRECTION_IMPORT,
                      v1::TRADE_FLOW_DIRECTION_RE_EXPORT, v1::TRADE_FLOW_DIRECTION_RE_IMPORT},
                     {entry->hs_chapters().begin(), entry->hs_chapters().end()},
                     request.start_year(),
                     request.end_year()};
    absl::StatusOr<TradeSums> sums = SumTrade(trade, query);
    if (!sums.ok()) return sums.status();
    v1::SectorTrade* sector_trade = response.add_sector_trade();
    sector_trade->set_sector(sector);
    *sector_trade->mutable_hs_chapters() = entry->hs_chapters();
    sector_trade->set_total_balance_usd_cents(
        FillSeries(*sums, sector_trade->mutable_series()));
  }
  if (!unsectored.empty()) {
    *response.add_agreements_by_sector()->mutable_agreements() = std::move(unsectored);
  }
  return response;
}

}  // namespace summit
