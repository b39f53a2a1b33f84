#include "query_service/querier.h"

namespace summit::query {

absl::StatusOr<std::shared_ptr<storage::Database>> Querier::Db() const {
  std::shared_ptr<storage::Database> db = follower_->db();
  if (db == nullptr) {
    return absl::UnavailableError("the database is not open yet; retry shortly");
  }
  return db;
}

}  // namespace summit::query
