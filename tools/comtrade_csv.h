// Reads UN Comtrade's CSV downloads into TradeFlow rows, with libcsv.
// Column names are matched case-insensitively (refYear, RefYear); flowCode
// X/M/RX/RM map to the four directions; partner "W00" and cmdCode "TOTAL"
// are kept as aggregates; primaryValue becomes exact US cents.
#ifndef SUMMIT_TOOLS_COMTRADE_CSV_H_
#define SUMMIT_TOOLS_COMTRADE_CSV_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "summit/v1/resources.pb.h"

namespace summit {

// A data row that could not be turned into a TradeFlow.
struct CsvProblem {
  int64_t line = 0;  // 1-based line of the file (the header is line 1).
  std::string field;
  std::string reason;
};

struct CsvCallbacks {
  // Each good row with its line.
  std::function<void(int64_t line, v1::TradeFlow flow)> row;
  // Each bad row.
  std::function<void(const CsvProblem& problem)> problem;
  // Bytes read so far, now and then.
  std::function<void(int64_t bytes)> progress;
};

// Reads the CSV file at `path`. Fails when the file cannot be read, is not
// CSV, or lacks a required column (named in the message); the rows before
// the failure have gone to the callbacks. Bad rows, among them rows whose
// text fields are not UTF-8, go to callbacks.problem and reading goes on.
absl::Status ReadComtradeCsv(const std::string& path, const std::string& source,
                             const CsvCallbacks& callbacks);

// "1234.567" -> 123457 (cents, half up); false when not a non-negative
// decimal number.
bool DollarsToCents(const std::string& text, int64_t* cents);

}  // namespace summit

#endif  // SUMMIT_TOOLS_COMTRADE_CSV_H_
