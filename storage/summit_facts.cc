#include "storage/summit_facts.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "storage/key_codec.h"

namespace summit::storage {

using common::kParticipants;
using common::kSectors;
using common::kSummits;
using common::ResourceId;

namespace {

// Dates in keys need parts within their byte and sign ranges; the services
// check calendars, this only keeps keys decodable.
absl::Status CheckKeyDate(const v1::Date& date, absl::string_view field) {
  if (date.month() < 0 || date.month() > 12 || date.day() < 0 || date.day() > 31) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": month must be 0..12 and day 0..31, got ", date.month(),
                     " and ", date.day()));
  }
  return absl::OkStatus();
}

}  // namespace

std::string ArticleKey(absl::string_view source_id) {
  return KeyWriter().String(source_id).Release();
}

std::string ArticleValue(absl::string_view summit_id, absl::string_view content_sha256) {
  return KeyWriter().String(summit_id).String(content_sha256).Release();
}

v1::Summit BasicSummit(const v1::Summit& summit) {
  v1::Summit basic = summit;
  basic.mutable_location()->clear_span();
  if (basic.location().city().empty() && basic.location().country_code().empty()) {
    basic.clear_location();
  }
  for (v1::SummitParticipant& participant : *basic.mutable_participants()) {
    participant.clear_mentions();
  }
  for (v1::SummitSector& sector : *basic.mutable_sectors()) {
    const std::string name = sector.sector();
    sector.Clear();
    sector.set_sector(name);
  }
  basic.clear_agreements();
  basic.clear_amounts();
  basic.clear_related_engagements();
  basic.clear_statements();
  for (v1::Source& source : *basic.mutable_sources()) {
    source.clear_content_sha256();
    source.clear_ingest_time();
  }
  return basic;
}

absl::StatusOr<SummitFacts> DeriveSummitFacts(const v1::Summit& summit) {
  SummitFacts facts;
  ASSIGN_OR_RETURN(std::string id, ResourceId(summit.name(), kSummits, "summit.name"));
  facts.summit_id = id;
  RETURN_IF_ERROR(CheckKeyDate(summit.date(), "summit.date"));
  for (int i = 0; i < summit.related_engagements_size(); ++i) {
    RETURN_IF_ERROR(
        CheckKeyDate(summit.related_engagements(i).date(),
                     absl::StrCat("summit.related_engagements[", i, "].date")));
  }
  std::vector<IndexEntry> entries;
  auto add = [&](ColumnFamily family, std::string key, std::string value = "") {
    entries.push_back({family, std::move(key), std::move(value)});
  };

  add(ColumnFamily::kSummitBasics, KeyWriter().String(facts.summit_id).Release(),
      BasicSummit(summit).SerializeAsString());
  add(ColumnFamily::kSummitsByDate,
      KeyWriter().Date(summit.date()).String(facts.summit_id).Release());

  std::set<std::string> countries;
  for (int i = 0; i < summit.participants_size(); ++i) {
    const v1::SummitParticipant& participant = summit.participants(i);
    ASSIGN_OR_RETURN(
        std::string participant_id,
        ResourceId(participant.participant(), kParticipants,
                   absl::StrCat("summit.participants[", i, "].participant")));
    facts.participants.emplace(participant_id, &participant);
    add(ColumnFamily::kParticipantSummits, KeyWriter()
                                               .String(participant_id)
                                               .Date(summit.date())
                                               .String(facts.summit_id)
                                               .Release());
    if (!participant.country_code().empty()) countries.insert(participant.country_code());
  }

  auto add_sector = [&](const std::string& name,
                        const std::string& field) -> absl::Status {
    ASSIGN_OR_RETURN(std::string sector_id, ResourceId(name, kSectors, field));
    facts.sectors.emplace(sector_id, 0);
    return absl::OkStatus();
  };
  for (int i = 0; i < summit.sectors_size(); ++i) {
    RETURN_IF_ERROR(add_sector(summit.sectors(i).sector(),
                               absl::StrCat("summit.sectors[", i, "].sector")));
  }
  for (int i = 0; i < summit.agreements_size(); ++i) {
    const v1::Agreement& agreement = summit.agreements(i);
    std::set<std::string> covered;
    for (int j = 0; j < agreement.sectors_size(); ++j) {
      const std::string field =
          absl::StrCat("summit.agreements[", i, "].sectors[", j, "]");
      RETURN_IF_ERROR(add_sector(agreement.sectors(j), field));
      covered.insert(*ResourceId(agreement.sectors(j), kSectors, field));
    }
    for (const std::string& sector_id : covered) ++facts.sectors[sector_id];
  }
  for (const auto& [sector_id, agreements] : facts.sectors) {
    add(ColumnFamily::kSectorSummits, KeyWriter()
                                          .String(sector_id)
                                          .Date(summit.date())
                                          .String(facts.summit_id)
                                          .Release());
  }

  for (const std::string& country : countries) {
    add(ColumnFamily::kCountrySummits, KeyWriter()
                                           .String(country)
                                           .Date(summit.date())
                                           .String(facts.summit_id)
                                           .Release());
  }
  for (auto a = countries.begin(); a != countries.end(); ++a) {
    for (auto b = std::next(a); b != countries.end(); ++b) {
      add(ColumnFamily::kPairEvents, KeyWriter()
                                         .String(*a)
                                         .String(*b)
                                         .Date(summit.date())
                                         .String(facts.summit_id)
                                         .Uint32(0)
                                         .Release());
      for (int i = 0; i < summit.related_engagements_size(); ++i) {
        add(ColumnFamily::kPairEvents, KeyWriter()
                                           .String(*a)
                                           .String(*b)
                                           .Date(summit.related_engagements(i).date())
                                           .String(facts.summit_id)
                                           .Uint32(static_cast<uint32_t>(i + 1))
                                           .Release());
      }
    }
  }

  for (int i = 0; i < summit.sources_size(); ++i) {
    const v1::Source& source = summit.sources(i);
    if (source.source_id().empty()) continue;
    add(ColumnFamily::kArticles, ArticleKey(source.source_id()),
        ArticleValue(facts.summit_id, source.content_sha256()));
  }

  std::sort(entries.begin(), entries.end());
  for (size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].family == entries[i - 1].family &&
        entries[i].key == entries[i - 1].key &&
        entries[i].family == ColumnFamily::kArticles) {
      return absl::InvalidArgumentError(
          absl::StrCat("summit.sources: source_id listed twice in ", summit.name()));
    }
  }
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const IndexEntry& a, const IndexEntry& b) {
                              return a.family == b.family && a.key == b.key;
                            }),
                entries.end());
  facts.index_entries = std::move(entries);
  return facts;
}

}  // namespace summit::storage
