// A child process for the storage tests: writes numbered summits and trade
// batches to a primary database and prints "ack N" once write N is
// acknowledged, so that a parent can kill it at any point and check that
// every acknowledged write survived.
//
//   storage_writer DB_PATH START COUNT [COMPACT_EVERY]
//
// Write N (START <= N < START + COUNT) stores summit "w{N}" and a batch of
// 50 trade rows for year 1000 + N. COUNT 0 writes until killed.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"
#include "tests/storage/storage_writer_rows.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: storage_writer DB_PATH START COUNT [COMPACT_EVERY]\n");
    return 2;
  }
  const int start = std::atoi(argv[2]);
  const int count = std::atoi(argv[3]);
  const int compact_every = argc > 4 ? std::atoi(argv[4]) : 0;
  auto db = summit::storage::Database::OpenPrimary(argv[1]);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 1;
  }
  summit::storage::SummitStore summits(db->get());
  summit::storage::TradeStore trade(db->get());
  for (int n = start; count == 0 || n < start + count; ++n) {
    bool created = false;
    absl::StatusOr<summit::v1::Summit> stored =
        summits.PutSummit(summit::testing::WriterSummit(n), &created);
    std::vector<summit::v1::TradeFlow> rows = summit::testing::WriterRows(n);
    std::vector<const summit::v1::TradeFlow*> pointers;
    for (const auto& row : rows) pointers.push_back(&row);
    absl::Status status = stored.ok() ? trade.PutFlows(pointers) : stored.status();
    if (!status.ok()) {
      std::fprintf(stderr, "write %d: %s\n", n, status.ToString().c_str());
      return 1;
    }
    std::printf("ack %d\n", n);
    std::fflush(stdout);
    if (compact_every > 0 && n % compact_every == compact_every - 1) {
      if (absl::Status compacted = (*db)->CompactAll(); !compacted.ok()) {
        std::fprintf(stderr, "%s\n", compacted.ToString().c_str());
        return 1;
      }
    }
  }
  return 0;
}
