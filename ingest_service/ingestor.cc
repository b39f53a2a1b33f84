#include "ingest_service/ingestor.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string>

#include "absl/algorithm/container.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "common/clock.h"
#include "common/digest.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "common/text_spans.h"
#include "extractor/dates.h"
#include "extractor/numbers.h"

namespace summit::ingest {

using common::kSectors;
using common::kSummits;
using common::RemoveSource;
using common::ResourceId;
using common::ResourceName;
using common::Sha256Hex;
using reference::ReferenceData;

namespace {

template <typename T, typename Key>
void AddOnce(const google::protobuf::RepeatedPtrField<T>& from,
             google::protobuf::RepeatedPtrField<T>& into, Key key) {
  std::set<std::string> seen;
  for (const T& item : into) seen.insert(key(item));
  for (const T& item : from) {
    if (seen.insert(key(item)).second) *into.Add() = item;
  }
}

// Summit ids of stored meetings with the same country set as `summit`,
// dated within a day of it.
absl::StatusOr<std::vector<std::string>> Candidates(const storage::SummitStore& store,
                                                    const v1::Summit& summit) {
  std::vector<std::string> ids;
  std::optional<absl::CivilDay> day = extractor::ToCivilDay(summit.date());
  if (!day || summit.participants_size() == 0) return ids;
  storage::SummitScan scan;
  scan.index = storage::SummitScan::Index::kByCountry;
  scan.id = summit.participants(0).country_code();
  for (absl::CivilDay d : {*day - 1, *day + 1}) {
    v1::Date& bound = d == *day - 1 ? scan.start : scan.end;
    bound.set_year(static_cast<int>(d.year()));
    bound.set_month(d.month());
    bound.set_day(d.day());
  }
  ASSIGN_OR_RETURN(storage::IdPage page, store.ScanSummitIds({scan}, 100, ""));
  return page.ids;
}

std::set<std::string> Countries(const v1::Summit& summit) {
  std::set<std::string> countries;
  for (const auto& p : summit.participants()) countries.insert(p.country_code());
  return countries;
}

}  // namespace

void MergeSummit(const v1::Summit& from, v1::Summit& into) {
  for (const v1::SummitParticipant& p : from.participants()) {
    auto same = std::find_if(
        into.mutable_participants()->begin(), into.mutable_participants()->end(),
        [&](const auto& q) { return q.participant() == p.participant(); });
    if (same == into.mutable_participants()->end()) {
      *into.add_participants() = p;
      continue;
    }
    if (same->title().empty()) same->set_title(p.title());
    for (const v1::TextSpan& m : p.mentions()) *same->add_mentions() = m;
  }
  for (const v1::SummitSector& s : from.sectors()) {
    auto same =
        std::find_if(into.mutable_sectors()->begin(), into.mutable_sectors()->end(),
                     [&](const auto& t) { return t.sector() == s.sector(); });
    if (same == into.mutable_sectors()->end()) {
      *into.add_sectors() = s;
    } else {
      for (const v1::TextSpan& m : s.mentions()) *same->add_mentions() = m;
    }
  }
  AddOnce(from.agreements(), *into.mutable_agreements(), [](const v1::Agreement& a) {
    return absl::StrCat(a.kind(), "|", a.count(), "|", absl::StrJoin(a.sectors(), ","));
  });
  AddOnce(from.amounts(), *into.mutable_amounts(), [](const v1::Amount& a) {
    return absl::StrCat(a.value(), "|", a.currency_code(), "|", a.unit(), "|",
                        a.qualifier(), "|", a.country_code());
  });
  AddOnce(from.related_engagements(), *into.mutable_related_engagements(),
          [](const v1::RelatedEngagement& e) {
            return absl::StrCat(e.event_name(), "|", e.ordinal(), "|", e.date().year(),
                                "-", e.date().month());
          });
  AddOnce(from.statements(), *into.mutable_statements(), [](const v1::Statement& s) {
    return absl::StrCat(s.speaker(), "|", s.verb(), "|", s.text());
  });
  AddOnce(from.sources(), *into.mutable_sources(),
          [](const v1::Source& s) { return s.source_id(); });
  if (!into.has_location() || into.location().city().empty()) {
    if (from.has_location()) *into.mutable_location() = from.location();
  }
  extractor::SortParticipants(into);
}

v1::ExtractArticleResponse ToExtractArticleResponse(extractor::Extraction extraction) {
  v1::ExtractArticleResponse response;
  if (extraction.summit.has_value())
    *response.mutable_summit() = *std::move(extraction.summit);
  response.set_not_summit_reason(std::move(extraction.not_summit_reason));
  for (std::string& warning : extraction.warnings)
    response.add_warnings(std::move(warning));
  return response;
}

Ingestor::Ingestor(storage::Database* db, ValidationLimits limits)
    : data_(ReferenceData::Get()),
      extractor_(data_),
      limits_(limits),
      summits_(db),
      trade_(db) {}

absl::StatusOr<v1::ExtractArticleResponse> Ingestor::ExtractArticle(
    const v1::Article& article) const {
  RETURN_IF_ERROR(ValidateArticle(article, "article", limits_, false));
  return ToExtractArticleResponse(extractor_.Extract(article));
}

absl::StatusOr<v1::IngestArticleResponse> Ingestor::IngestArticle(
    const v1::Article& article) {
  RETURN_IF_ERROR(ValidateArticle(article, "article", limits_, true));
  const std::string sha = Sha256Hex(article.text());
  // A resent report is answered without extracting it again. These two
  // reads are outside the writer's lock: a write between them may have moved
  // or deleted the summit, and then the report takes the full path, whose
  // decision reads again under the lock.
  ASSIGN_OR_RETURN(std::optional<storage::ArticleRecord> seen,
                   summits_.GetArticle(article.source_id()));
  v1::IngestArticleResponse response;
  if (seen.has_value() && seen->content_sha256 == sha) {
    absl::StatusOr<v1::Summit> summit = summits_.GetSummit(seen->summit_id);
    if (summit.ok()) {
      response.set_outcome(v1::INGEST_OUTCOME_UNCHANGED);
      *response.mutable_summit() = *std::move(summit);
      return response;
    }
    if (!absl::IsNotFound(summit.status())) return summit.status();
  }

  extractor::Extraction extracted = extractor_.Extract(article);
  for (std::string& warning : extracted.warnings)
    response.add_warnings(std::move(warning));
  std::optional<v1::Summit> summit = std::move(extracted.summit);
  if (summit.has_value()) {
    summit->mutable_sources(0)->set_content_sha256(sha);
    *summit->mutable_sources(0)->mutable_ingest_time() =
        common::TimestampNow();
    if (absl::Status s = ValidateSummit(*summit, "extracted summit", data_); !s.ok()) {
      return absl::InternalError(
          absl::StrCat("the extractor produced an invalid record: ", s.message()));
    }
  } else {
    response.set_outcome(v1::INGEST_OUTCOME_NOT_A_SUMMIT);
    response.set_not_summit_reason(extracted.not_summit_reason);
  }

  // Read, merge and commit in one critical section, so that reports of one
  // meeting arriving together all end up in one summit.
  std::string target_id;
  ASSIGN_OR_RETURN(storage::CommitResult committed,
                   summits_.Update([&]() -> absl::StatusOr<storage::SummitChange> {
                     return DecideArticle(article.source_id(), sha, summit, response,
                                          target_id);
                   }));
  auto written = committed.written.find(target_id);
  if (written != committed.written.end()) {
    *response.mutable_summit() = std::move(written->second.summit);
  }
  return response;
}

absl::StatusOr<storage::SummitChange> Ingestor::DecideArticle(
    const std::string& source_id, const std::string& sha,
    const std::optional<v1::Summit>& extracted, v1::IngestArticleResponse& response,
    std::string& target_id) const {
  storage::SummitChange change;
  ASSIGN_OR_RETURN(std::optional<storage::ArticleRecord> previous,
                   summits_.GetArticle(source_id));
  if (previous.has_value() && previous->content_sha256 == sha) {
    // The same text was stored since the check before extraction.
    ASSIGN_OR_RETURN(v1::Summit summit, summits_.GetSummit(previous->summit_id));
    response.set_outcome(v1::INGEST_OUTCOME_UNCHANGED);
    response.clear_not_summit_reason();
    *response.mutable_summit() = std::move(summit);
    return change;
  }
  // The report's earlier contribution goes, whatever the new text says.
  if (previous.has_value()) {
    const std::string& old_id = previous->summit_id;
    ASSIGN_OR_RETURN(v1::Summit rest, summits_.GetSummit(old_id));
    RemoveSource(source_id, rest);
    if (rest.sources_size() == 0) {
      change.deletes.push_back(old_id);
    } else {
      change.puts.push_back(std::move(rest));
    }
  }
  if (!extracted) return change;

  // A stored report of the same meeting takes this one in; summits the
  // change already touches count in their new version.
  v1::Summit summit = *extracted;
  auto current = [&](const std::string& id) -> absl::StatusOr<std::optional<v1::Summit>> {
    if (absl::c_linear_search(change.deletes, id)) return std::nullopt;
    for (const v1::Summit& pending : change.puts) {
      if (pending.name() == ResourceName(kSummits, id)) return pending;
    }
    absl::StatusOr<v1::Summit> got = summits_.GetSummit(id);
    if (absl::IsNotFound(got.status())) return std::nullopt;
    if (!got.ok()) return got.status();
    return *std::move(got);
  };
  ASSIGN_OR_RETURN(std::vector<std::string> candidates, Candidates(summits_, summit));
  candidates.push_back(*ResourceId(summit.name(), kSummits, "summit.name"));
  std::optional<v1::Summit> target;
  for (const std::string& id : candidates) {
    ASSIGN_OR_RETURN(std::optional<v1::Summit> stored, current(id));
    if (stored.has_value() && Countries(*stored) == Countries(summit)) {
      target = std::move(*stored);
      break;
    }
  }
  v1::IngestOutcome outcome =
      previous.has_value() ? v1::INGEST_OUTCOME_UPDATED : v1::INGEST_OUTCOME_CREATED;
  if (target) {
    MergeSummit(summit, *target);
    summit = *std::move(target);
    if (!previous.has_value()) outcome = v1::INGEST_OUTCOME_MERGED;
  }
  // One version per summit in the change: the merged one replaces any rest.
  target_id = *ResourceId(summit.name(), kSummits, "name");
  change.puts.erase(
      std::remove_if(change.puts.begin(), change.puts.end(),
                     [&](const v1::Summit& s) { return s.name() == summit.name(); }),
      change.puts.end());
  change.deletes.erase(
      std::remove(change.deletes.begin(), change.deletes.end(), target_id),
      change.deletes.end());
  change.puts.push_back(std::move(summit));
  response.set_outcome(outcome);
  return change;
}

absl::StatusOr<v1::UpsertSummitResponse> Ingestor::UpsertSummit(
    const v1::Summit& summit) {
  RETURN_IF_ERROR(ValidateSummit(summit, "summit", data_));
  v1::Summit record = summit;
  for (v1::Amount& amount : *record.mutable_amounts()) extractor::SetExactMoney(amount);
  bool created = false;
  ASSIGN_OR_RETURN(v1::Summit stored, summits_.PutSummit(record, &created));
  v1::UpsertSummitResponse response;
  *response.mutable_summit() = std::move(stored);
  response.set_created(created);
  return response;
}

absl::Status Ingestor::DeleteSummit(const std::string& name) {
  ASSIGN_OR_RETURN(std::string id, ResourceId(name, kSummits, "name"));
  return summits_.DeleteSummit(id);
}

absl::Status Ingestor::IngestTradeBatch(const v1::IngestTradeFlowsRequest& batch,
                                        int batch_index, int64_t first_index,
                                        v1::IngestTradeFlowsResponse& response) {
  if (batch.flows_size() > kMaxTradeBatchRows) {
    return absl::InvalidArgumentError(absl::StrCat("flows: ", batch.flows_size(),
                                                   " rows exceed the batch limit of ",
                                                   kMaxTradeBatchRows));
  }
  if (first_index + batch.flows_size() > std::numeric_limits<int32_t>::max()) {
    return absl::OutOfRangeError(
        "flows: the stream passes 2147483647 rows, the most one stream carries; "
        "send the rest in a new stream");
  }
  std::vector<v1::TradeFlow> accepted;
  accepted.reserve(batch.flows_size());
  for (int i = 0; i < batch.flows_size(); ++i) {
    if (std::optional<FieldProblem> problem = ValidateTradeFlow(batch.flows(i), data_)) {
      v1::RejectedTradeFlow* rejected = response.add_rejected();
      rejected->set_index(static_cast<int32_t>(first_index + i));
      rejected->set_batch_index(batch_index);
      rejected->set_index_in_batch(i);
      rejected->set_field_path(absl::StrCat("flows[", i, "].", problem->field));
      rejected->set_reason(problem->reason);
      continue;
    }
    v1::TradeFlow& flow = accepted.emplace_back(batch.flows(i));
    const absl::string_view sector = data_.SectorOfCommodity(flow.commodity_code());
    flow.set_sector(sector.empty() ? "" : ResourceName(kSectors, sector));
  }
  std::vector<const v1::TradeFlow*> rows;
  rows.reserve(accepted.size());
  for (const v1::TradeFlow& flow : accepted) rows.push_back(&flow);
  RETURN_IF_ERROR(trade_.PutFlows(rows));
  response.set_accepted_count(response.accepted_count() +
                              static_cast<int32_t>(rows.size()));
  return absl::OkStatus();
}

}  // namespace summit::ingest
