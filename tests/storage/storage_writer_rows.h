// The records storage_writer writes for write N, shared with the tests that
// check them.
#ifndef SUMMIT_TESTS_STORAGE_STORAGE_WRITER_ROWS_H_
#define SUMMIT_TESTS_STORAGE_STORAGE_WRITER_ROWS_H_

#include <string>
#include <vector>

#include "summit/v1/resources.pb.h"
#include "tests/testing/summits.h"

namespace summit::testing {

inline constexpr int kWriterRowsPerBatch = 50;

inline v1::Summit WriterSummit(int n) {
  return MakeSummit(
      "w" + std::to_string(n), MakeDate(2000 + n % 26, 1 + n % 12, 1 + n % 28),
      {{"p" + std::to_string(n % 7), n % 2 ? "CHN" : "CAN"}, {"xi-jinping", "CHN"}},
      {"trade", n % 3 ? "energy" : "health"}, {"customs"},
      {"writer-" + std::to_string(n)});
}

inline std::vector<v1::TradeFlow> WriterRows(int n) {
  std::vector<v1::TradeFlow> rows(kWriterRowsPerBatch);
  for (int i = 0; i < kWriterRowsPerBatch; ++i) {
    rows[i].set_reporter_code("CHN");
    rows[i].set_partner_code("CAN");
    rows[i].set_direction(v1::TRADE_FLOW_DIRECTION_EXPORT);
    rows[i].set_year(1000 + n);
    rows[i].set_commodity_code(std::to_string(1000 + i));
    rows[i].set_value_usd_cents(int64_t{n} * 1000 + i);
  }
  return rows;
}

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_STORAGE_STORAGE_WRITER_ROWS_H_
