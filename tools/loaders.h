// summitctl's bulk loads: reports into IngestArticles, Comtrade CSV into
// IngestTradeFlows. Progress goes to stderr when it is a terminal; a summary
// always goes to stdout.
#ifndef SUMMIT_TOOLS_LOADERS_H_
#define SUMMIT_TOOLS_LOADERS_H_

#include <string>
#include <vector>

#include "absl/time/time.h"

namespace summit {

struct LoadOptions {
  std::string ingest_addr;
  std::string token;  // Sent as "authorization: Bearer <token>" when set.
  absl::Duration timeout;
  bool published_from_name = false;  // Take YYYY-MM-DD from file names.
};

// Loads .txt reports (files, or directories searched recursively), each
// with its metadata from a sidecar .json (summit.v1.Article without text)
// when one exists. Exit code: 0 when every report was ingested, 1 when some
// failed, 2 when the call failed.
int LoadArticles(const std::vector<std::string>& paths, const LoadOptions& options);

// Loads a Comtrade CSV file in batches. Exit code: 0 when every row was
// accepted, 1 when some were rejected (listed with their line numbers), 2
// when the file or the call failed.
int LoadTrade(const std::string& path, const LoadOptions& options);

}  // namespace summit

#endif  // SUMMIT_TOOLS_LOADERS_H_
