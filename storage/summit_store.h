// Summit records with their index entries, and the participant and sector
// aggregates they imply. Every write is one atomic WriteBatch: a record is
// never stored without its index entries, nor an index entry without its
// record.
#ifndef SUMMIT_STORAGE_SUMMIT_STORE_H_
#define SUMMIT_STORAGE_SUMMIT_STORE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "google/protobuf/timestamp.pb.h"
#include "storage/database.h"
#include "summit/v1/resources.pb.h"

namespace summit::storage {

// What kArticles records of an ingested report.
struct ArticleRecord {
  std::string summit_id;
  std::string content_sha256;
};

// A range of one summit index, ordered by date, then summit id. Every summit
// index ends its keys with the same (date, summit id) suffix, so several
// scans intersect by leapfrogging over it.
struct SummitScan {
  enum class Index { kByDate, kByParticipant, kBySector, kByCountry };
  Index index = Index::kByDate;
  // The participant id, sector id or country code; unused for kByDate.
  std::string id;
  // Inclusive bounds; zero parts are open ({2025,0,0} as `end` is the end of
  // 2025), an unset year means unbounded.
  v1::Date start;
  v1::Date end;
};

// One page of ids, and where the next page resumes.
struct IdPage {
  std::vector<std::string> ids;
  // Opaque key to pass back as `resume_after`; empty when the scan is done.
  std::string resume_after;
};

// One entry of kPairEvents.
struct PairEvent {
  v1::Date date;
  std::string summit_id;
  // 0 for the summit itself, i + 1 for its i-th related engagement.
  uint32_t event = 0;
};

// The summits one write puts and deletes (by id).
struct SummitChange {
  std::vector<v1::Summit> puts;
  std::vector<std::string> deletes;
};

// What one commit wrote.
struct CommitResult {
  struct Written {
    // The record as stored, create_time and update_time set.
    v1::Summit summit;
    // No record had its name before the commit.
    bool created = false;
  };
  // Every put summit, by id.
  std::map<std::string, Written> written;
};

class SummitStore final {
 public:
  // `db` must outlive the store. Reads work on a primary or a secondary;
  // writes need the primary. Thread-safe: writers are serialized by one
  // lock that covers each write's reads, decision and commit (see Update).
  // update_time strictly increases from one commit to the next.
  explicit SummitStore(Database* db) : db_(db) {}

  // Stores `summit`, replacing the record of the same name with all of the
  // old version's index entries, in one batch. Sets create_time (kept from
  // the old version) and update_time. Sets `*created` when no record had the
  // name at the commit, and agreement_count and amount_count. Returns the
  // record as this commit wrote it, never a later read. INVALID_ARGUMENT for malformed
  // names in it; FAILED_PRECONDITION when one of its sources belongs to another summit.
  absl::StatusOr<v1::Summit> PutSummit(v1::Summit summit, bool* created);

  // Removes a summit, its index entries and its share of the aggregates.
  // NOT_FOUND when there is no such summit.
  absl::Status DeleteSummit(absl::string_view summit_id);

  // Puts and deletes several summits in one atomic batch, as PutSummit and
  // DeleteSummit would one by one; a source may move from a deleted or
  // replaced summit to a put one. A summit id may appear once.
  absl::StatusOr<CommitResult> Commit(SummitChange change);

  // A read-modify-write: `decide` runs under the writer lock, reads through
  // this store's getters, and returns the change to make, which is committed
  // before the lock is released. No other write lands between its reads and
  // the commit, so two writers never decide from the same state. An error
  // from `decide` aborts with nothing written. Keep `decide` short: it holds
  // every other writer back (extract before, not inside it).
  absl::StatusOr<CommitResult> Update(
      absl::FunctionRef<absl::StatusOr<SummitChange>()> decide);

  // The summit `summit_id`. NOT_FOUND names it when absent.
  absl::StatusOr<v1::Summit> GetSummit(absl::string_view summit_id) const;

  // The stored encoding of the summit `summit_id`, a serialized v1::Summit
  // as PutSummit wrote it, for serving without a decode and re-encode.
  // NOT_FOUND names it when absent.
  absl::StatusOr<std::string> GetSummitEncoded(absl::string_view summit_id) const;

  // The stored encoding of the summit's BASIC view (see BasicSummit in
  // storage/summit_facts.h), written with every version of the record.
  // NOT_FOUND names it when absent.
  absl::StatusOr<std::string> GetBasicSummitEncoded(absl::string_view summit_id) const;

  // The record of an ingested report; nullopt when never ingested.
  absl::StatusOr<std::optional<ArticleRecord>> GetArticle(
      absl::string_view source_id) const;

  // A participant with summit_count, first_seen and last_seen, which every
  // write keeps in its record: one key read. NOT_FOUND names it when no
  // stored summit has it.
  absl::StatusOr<v1::Participant> GetParticipant(absl::string_view participant_id) const;

  // The stored encoding of that participant, a serialized v1::Participant.
  absl::StatusOr<std::string> GetParticipantEncoded(
      absl::string_view participant_id) const;

  // Counts of a sector (name, summit_count, agreement_count only). NOT_FOUND
  // when no stored summit touches it.
  absl::StatusOr<v1::Sector> GetSectorCounts(absl::string_view sector_id) const;

  // Counts of every sector some summit touches, by id. Reads the sectors
  // family, whose size is bounded by the taxonomy.
  absl::StatusOr<std::vector<v1::Sector>> ListSectorCounts() const;

  // Up to `limit` ids, by date then id, of the summits in every one of
  // `scans` (at least one), after `resume_after` (empty for the first page).
  // Finds limit + 1 matches at most: with one scan that is limit + 1 index
  // keys; with several, each seek skips to the next key the other scans
  // allow, so the work follows the smallest scan, never a whole index.
  // `resume_after` is the (date, id) suffix shared by all summit indexes;
  // INVALID_ARGUMENT when it is malformed or outside a scan's range.
  absl::StatusOr<IdPage> ScanSummitIds(absl::Span<const SummitScan> scans, int limit,
                                       absl::string_view resume_after) const;

  // Up to `limit` participant ids, by id, of `country_code` (all countries
  // when empty), after `resume_after`.
  absl::StatusOr<IdPage> ScanParticipantIds(absl::string_view country_code, int limit,
                                            absl::string_view resume_after) const;

  // Every event of the two countries (in either order), by date.
  absl::StatusOr<std::vector<PairEvent>> ScanPairEvents(
      absl::string_view country_a, absl::string_view country_b) const;

 private:
  absl::StatusOr<CommitResult> CommitLocked(SummitChange change)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  Database* const db_;
  // Held by every write from its first read to its commit.
  absl::Mutex write_mu_;
  // The update_time of the last commit, to keep them strictly increasing.
  google::protobuf::Timestamp last_update_time_ ABSL_GUARDED_BY(write_mu_);
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_SUMMIT_STORE_H_
