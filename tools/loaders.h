// summitctl's bulk loads: reports into IngestArticle, Comtrade CSV into
// IngestTradeFlows. Progress goes to stderr when it is a terminal; a summary
// always goes to stdout.
//
// A load accounts for every input: each report file or data row is written
// (acknowledged by the service), rejected (listed with its path or line and
// the reason), sent but not acknowledged (the call failed), or not attempted
// (the load stopped before it). The summary gives each count, and the
// counts add up to the input. The first call that fails for another reason
// than the input it carries stops the load, and says why on stderr.
#ifndef SUMMIT_TOOLS_LOADERS_H_
#define SUMMIT_TOOLS_LOADERS_H_

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace summit {

// Exit codes of the loads.
// Every input was written (or, for a report, found not to be a summit).
inline constexpr int kLoadAllWritten = 0;
// Some inputs were rejected, each listed; all the others were written.
inline constexpr int kLoadSomeRejected = 1;
// The load stopped (unreadable input, a failed call): inputs were sent but
// not acknowledged, or not attempted, or not read.
inline constexpr int kLoadStopped = 2;

struct LoadOptions {
  std::string ingest_addr;
  std::string token;                 // Sent as "authorization: Bearer <token>" when set.
  absl::Duration timeout;            // Deadline of the whole load.
  bool published_from_name = false;  // Take YYYY-MM-DD from file names.
};

// Sets the token and the deadline of a call to the ingest server.
void PrepareCall(grpc::ClientContext& context, const LoadOptions& options,
                 absl::Time deadline);

// "host:port: message (code N)".
std::string CallError(const LoadOptions& options, const grpc::Status& status);

// Loads .txt reports (files, or directories searched recursively), each
// with its metadata from a sidecar .json (summit.v1.Article without text)
// when one exists, one IngestArticle call per report. A report that cannot
// be read, is not UTF-8 (a binary file) or is refused as invalid fails on
// its own. Returns one of the exit codes above.
int LoadArticles(const std::vector<std::string>& paths, const LoadOptions& options);

// Loads a Comtrade CSV file in batches, one IngestTradeFlows call per batch.
// A row the reader or the service rejects is listed with its line; the
// others go on. Returns one of the exit codes above.
int LoadTrade(const std::string& path, const LoadOptions& options);

}  // namespace summit

#endif  // SUMMIT_TOOLS_LOADERS_H_
