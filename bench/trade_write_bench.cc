// Throughput of TradeStore::PutFlows, the bulk-load path of trade statistics:
// writes a fixed set of generated, realistic TradeFlow rows in random key
// order into a fresh database, in batches of --batch_rows (1000 by default),
// the way a Comtrade load would. run_storage_bench.sh runs it next to RocksDB's
// db_bench fillrandom (same batch size, ~200-byte values) so that the figure
// has an anchor measured on the same machine in the same run.
//
// Flags, besides Google Benchmark's own:
//   --rows=N               rows written per measurement (default 1000000)
//   --batch_rows=N         rows per PutFlows call (default 1000)
//   --description_chars=N  typical commodity description length (default 40)
//
// Counters: items_per_second is rows/s; a row is one RocksDB entry, so it
// compares with db_bench's ops/s entry for entry. bytes_per_second counts the
// keys and values PutFlows puts, the way db_bench counts key_size +
// value_size per op; row_bytes is the average serialized TradeFlow (what
// db_bench's 200-byte value stands for), written_bytes_per_row the average
// keys + values per row. Time is per batch, wall clock: RocksDB's background
// flushes and compactions run on other threads and their stalls count.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <system_error>
#include <unordered_set>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "benchmark/benchmark.h"
#include "storage/database.h"
#include "storage/trade_store.h"
#include "summit/v1/resources.pb.h"

namespace summit::storage {
namespace {

constexpr int64_t kDefaultRows = 1'000'000;
constexpr int64_t kDefaultBatchRows = 1000;
// Fixed, so that every run writes the same rows in the same order.
constexpr uint64_t kSeed = 0x5eed'7a0e'f10e;

constexpr int kFirstYear = 1995;
constexpr int kLastYear = 2025;

// Reporters and partners: the larger trading economies, ISO 3166-1 alpha-3.
constexpr absl::string_view kCountries[] = {
    "CHN", "USA", "DEU", "JPN", "KOR", "FRA", "GBR", "ITA", "NLD", "CAN",
    "MEX", "IND", "BEL", "ESP", "CHE", "SGP", "RUS", "BRA", "AUS", "POL",
    "TUR", "SAU", "ARE", "THA", "VNM", "MYS", "IDN", "SWE", "AUT", "IRL",
    "CZE", "NOR", "DNK", "ZAF", "CHL", "ARG", "ISR", "PHL", "HUN", "NZL",
};
constexpr int kNumCountries = sizeof(kCountries) / sizeof(kCountries[0]);

// Words of HS-style commodity descriptions.
constexpr absl::string_view kDescriptionWords[] = {
    "live",       "animals",  "meat",       "fish",      "dairy",     "produce",
    "vegetables", "fruit",    "cereals",    "oil",       "seeds",     "fats",
    "sugar",      "cocoa",    "beverages",  "tobacco",   "salt",      "ores",
    "mineral",    "fuels",    "crude",      "petroleum", "chemicals", "organic",
    "inorganic",  "plastics", "rubber",     "hides",     "wood",      "paper",
    "cotton",     "yarn",     "fabrics",    "apparel",   "footwear",  "glass",
    "pearls",     "iron",     "steel",      "copper",    "aluminium", "tools",
    "machinery",  "boilers",  "electrical", "equipment", "vehicles",  "parts",
    "aircraft",   "ships",    "optical",    "medical",   "furniture", "toys",
    "of",         "and",      "other",      "n.e.c.",    "whether",   "or not",
    "fresh",      "frozen",   "prepared",   "worked",    "unwrought", "articles",
};
constexpr int kNumDescriptionWords =
    sizeof(kDescriptionWords) / sizeof(kDescriptionWords[0]);
constexpr int64_t kDefaultDescriptionChars = 40;

constexpr absl::string_view kQuantityUnits[] = {"kg", "u", "l", "m2", "2u"};

// An HS commodity code with its published description.
struct Commodity {
  std::string code;
  std::string description;
};

// The generated rows, shared by every run of the benchmark.
struct Rows {
  std::vector<v1::TradeFlow> flows;
  std::vector<const v1::TradeFlow*> pointers;
  int64_t row_bytes = 0;      // Sum of serialized TradeFlow sizes.
  int64_t written_bytes = 0;  // Sum of the keys and values PutFlows puts.
};

// Random words, about `length` characters (give or take half a word).
std::string Description(std::mt19937_64& rng, size_t length) {
  std::uniform_int_distribution<int> word(0, kNumDescriptionWords - 1);
  std::string description;
  while (description.size() + 4 < length) {
    if (!description.empty()) description += ' ';
    absl::StrAppend(&description, kDescriptionWords[word(rng)]);
  }
  description[0] = static_cast<char>(description[0] - 'a' + 'A');
  return description;
}

// About 3,500 codes: the HS chapters, a few headings per chapter and a few
// subheadings per heading, each with its own description.
std::vector<Commodity> Commodities(std::mt19937_64& rng, size_t description_chars) {
  std::uniform_int_distribution<int> count(4, 10);
  std::vector<Commodity> commodities;
  for (int chapter = 1; chapter <= 97; ++chapter) {
    if (chapter == 77) continue;  // Reserved in the HS.
    const std::string chapter_code = absl::StrCat(chapter / 10, chapter % 10);
    commodities.push_back({chapter_code, Description(rng, description_chars)});
    const int headings = count(rng);
    for (int heading = 1; heading <= headings; ++heading) {
      const std::string heading_code =
          absl::StrCat(chapter_code, heading / 10, heading % 10);
      commodities.push_back({heading_code, Description(rng, description_chars)});
      const int subheadings = count(rng) / 2;
      for (int sub = 1; sub <= subheadings; ++sub) {
        commodities.push_back(
            {absl::StrCat(heading_code, sub, 0), Description(rng, description_chars)});
      }
    }
  }
  return commodities;
}

// `count` rows with distinct keys, in random key order.
std::unique_ptr<Rows> GenerateRows(int64_t count, size_t description_chars) {
  std::mt19937_64 rng(kSeed);
  const std::vector<Commodity> commodities = Commodities(rng, description_chars);
  std::uniform_int_distribution<int> country(0, kNumCountries - 1);
  std::uniform_int_distribution<size_t> commodity(0, commodities.size() - 1);
  std::uniform_int_distribution<int> year(kFirstYear, kLastYear);
  std::uniform_int_distribution<int> unit(0, std::size(kQuantityUnits) - 1);
  std::uniform_real_distribution<double> unit_interval(0.0, 1.0);
  // Trade values spread over orders of magnitude: $1k to $50bn.
  std::uniform_real_distribution<double> log10_dollars(3.0, 10.7);

  auto rows = std::make_unique<Rows>();
  rows->flows.reserve(count);
  std::unordered_set<uint64_t> keys;
  keys.reserve(count);
  while (static_cast<int64_t>(rows->flows.size()) < count) {
    const int reporter = country(rng);
    int partner = country(rng);
    if (partner == reporter) continue;
    const bool is_export = unit_interval(rng) < 0.5;
    const size_t code = commodity(rng);
    const int flow_year = year(rng);
    const uint64_t key =
        ((((static_cast<uint64_t>(reporter) * kNumCountries + partner) * 2 + is_export) *
              commodities.size() +
          code)
         << 8) |
        static_cast<uint64_t>(flow_year - kFirstYear);
    if (!keys.insert(key).second) continue;

    v1::TradeFlow& flow = rows->flows.emplace_back();
    flow.set_reporter_code(std::string(kCountries[reporter]));
    flow.set_partner_code(std::string(kCountries[partner]));
    flow.set_direction(is_export ? v1::TRADE_FLOW_DIRECTION_EXPORT
                            : v1::TRADE_FLOW_DIRECTION_IMPORT);
    flow.set_year(flow_year);
    flow.set_month(0);  // Annual figures.
    flow.set_commodity_code(commodities[code].code);
    flow.set_commodity_description(commodities[code].description);
    const double dollars = std::pow(10.0, log10_dollars(rng));
    flow.set_value_usd_cents(static_cast<int64_t>(dollars * 100));
    // Most rows report a weight and a quantity; some do not.
    if (unit_interval(rng) < 0.9) {
      flow.set_net_weight_kg(std::round(dollars / (0.5 + 20 * unit_interval(rng))));
    }
    if (unit_interval(rng) < 0.85) {
      flow.set_quantity(std::round(dollars / (0.2 + 50 * unit_interval(rng))));
      flow.set_quantity_unit(std::string(kQuantityUnits[unit(rng)]));
    }
    flow.set_source("comtrade");

    rows->row_bytes += static_cast<int64_t>(flow.ByteSizeLong());
    rows->written_bytes +=
        static_cast<int64_t>(TradeFlowKey(flow).size() + flow.ByteSizeLong());
  }
  rows->pointers.reserve(count);
  for (const v1::TradeFlow& flow : rows->flows) rows->pointers.push_back(&flow);
  return rows;
}

// Writes the rows of `rows` into a fresh database under `dir`, one batch of
// state.range(0) rows per iteration.
void BM_PutFlows(benchmark::State& state, const Rows* rows, const std::string* dir) {
  const int64_t batch_rows = state.range(0);
  static int run = 0;
  const std::string path = absl::StrCat(*dir, "/run-", run++);
  absl::StatusOr<std::unique_ptr<Database>> db = Database::OpenPrimary(path);
  if (!db.ok()) {
    state.SkipWithError(
        absl::StrCat("opening ", path, ": ", db.status().ToString()).c_str());
    return;
  }
  TradeStore store(db->get());
  const absl::Span<const v1::TradeFlow* const> all(rows->pointers);
  size_t next = 0;
  for (auto _ : state) {
    const absl::Span<const v1::TradeFlow* const> batch = all.subspan(next, batch_rows);
    const absl::Status status = store.PutFlows(batch);
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      break;
    }
    next += batch.size();
  }
  const int64_t written = state.iterations() * batch_rows;
  const double rows_total = static_cast<double>(all.size());
  state.SetItemsProcessed(written);
  state.SetBytesProcessed(static_cast<int64_t>(
      written * (static_cast<double>(rows->written_bytes) / rows_total)));
  state.counters["row_bytes"] = static_cast<double>(rows->row_bytes) / rows_total;
  state.counters["written_bytes_per_row"] =
      static_cast<double>(rows->written_bytes) / rows_total;
  // Closing flushes the memtables; like db_bench, that is not measured.
  db->reset();
  std::error_code error;
  std::filesystem::remove_all(path, error);
}

// Parses --name=<positive integer> into `value`; false if `arg` is not it.
bool ParseFlag(absl::string_view arg, absl::string_view name, int64_t& value) {
  if (!absl::ConsumePrefix(&arg, "--") || !absl::ConsumePrefix(&arg, name) ||
      !absl::ConsumePrefix(&arg, "=")) {
    return false;
  }
  if (!absl::SimpleAtoi(arg, &value) || value <= 0) {
    std::fprintf(stderr, "--%s wants a positive integer\n", std::string(name).c_str());
    std::exit(2);
  }
  return true;
}

int Main(int argc, char** argv) {
  int64_t row_count = kDefaultRows;
  int64_t batch_rows = kDefaultBatchRows;
  int64_t description_chars = kDefaultDescriptionChars;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && (ParseFlag(argv[i], "rows", row_count) ||
                  ParseFlag(argv[i], "batch_rows", batch_rows) ||
                  ParseFlag(argv[i], "description_chars", description_chars))) {
      continue;
    }
    args.push_back(argv[i]);
  }
  int benchmark_argc = static_cast<int>(args.size());
  benchmark::Initialize(&benchmark_argc, args.data());
  if (benchmark::ReportUnrecognizedArguments(benchmark_argc, args.data())) return 2;

  // Every iteration writes one whole batch, and a run writes every row once.
  if (row_count % batch_rows != 0) {
    std::fprintf(stderr, "--rows must be a multiple of --batch_rows\n");
    return 2;
  }
  const int64_t batches = row_count / batch_rows;

  const char* tmpdir = std::getenv("TMPDIR");
  std::string dir = absl::StrCat(tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp",
                                 "/trade_write_bench.XXXXXX");
  if (mkdtemp(dir.data()) == nullptr) {
    std::perror(dir.c_str());
    return 1;
  }

  const std::unique_ptr<Rows> rows =
      GenerateRows(row_count, static_cast<size_t>(description_chars));
  benchmark::RegisterBenchmark("BM_PutFlows", BM_PutFlows, rows.get(), &dir)
      ->ArgName("batch_rows")
      ->Arg(batch_rows)
      ->Iterations(batches)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::AddCustomContext("rows", absl::StrCat(row_count));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  std::error_code error;
  std::filesystem::remove_all(dir, error);
  return 0;
}

}  // namespace
}  // namespace summit::storage

int main(int argc, char** argv) { return summit::storage::Main(argc, argv); }
