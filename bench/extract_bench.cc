// Throughput of the extractor over a few MB of reports: the sample corpus
// (and the seed report when present) repeated. Reports MB/s of text on one
// core (the goal is at least 20 MB/s) beside its anchor measured in the same
// run, BM_Document: the same texts cut into tokens and sentences only, the
// floor every extraction pays, so that figures from machines of different
// speeds compare by their ratio. Also the start-up cost of the gazetteer
// (GeoNames' cities into phrase tables), which every binary pays once; the
// goal is well under 100 ms.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "benchmark/benchmark.h"
#include "extractor/document.h"
#include "extractor/extractor.h"
#include "google/protobuf/util/json_util.h"
#include "reference/gazetteer.h"
#include "summit/data/v1/reference_data.pb.h"

namespace summit::extractor {
namespace {

constexpr size_t kTargetBytes = 4 << 20;

std::vector<v1::Article> LoadReports() {
  std::vector<std::string> texts;
  for (const char* dir :
       {SUMMIT_SOURCE_DIR "/samples/reports", SUMMIT_SOURCE_DIR "/../shared/seeds"}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      texts.push_back(text.str());
    }
  }
  std::vector<v1::Article> articles;
  size_t bytes = 0;
  while (bytes < kTargetBytes && !texts.empty()) {
    for (const std::string& text : texts) {
      v1::Article article;
      article.set_text(text);
      article.mutable_published()->set_year(2026);
      article.mutable_published()->set_month(3);
      article.mutable_published()->set_day(14);
      bytes += text.size();
      articles.push_back(std::move(article));
    }
  }
  return articles;
}

const std::vector<v1::Article>& Articles() {
  static const std::vector<v1::Article>* const kArticles =
      new std::vector<v1::Article>(LoadReports());
  return *kArticles;
}

void BM_Extract(benchmark::State& state) {
  const std::vector<v1::Article>& articles = Articles();
  const Extractor extractor;
  size_t bytes = 0;
  int summits = 0;
  for (auto _ : state) {
    for (const v1::Article& article : articles) {
      summits += extractor.Extract(article).summit.has_value();
      bytes += article.text().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["reports"] = static_cast<double>(articles.size());
  state.counters["summits_per_pass"] =
      static_cast<double>(summits) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Document(benchmark::State& state) {
  const std::vector<v1::Article>& articles = Articles();
  size_t bytes = 0;
  size_t sentences = 0;
  for (auto _ : state) {
    for (const v1::Article& article : articles) {
      const Document doc(article.text());
      sentences += doc.sentence_count();
      bytes += article.text().size();
    }
  }
  benchmark::DoNotOptimize(sentences);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Document)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GazetteerLoad(benchmark::State& state) {
  std::ifstream in(SUMMIT_ISO_CODES_DIR "/iso_3166-1.json");
  std::stringstream json;
  json << in.rdbuf();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  data::v1::IsoCountries countries;
  if (!google::protobuf::util::JsonStringToMessage(json.str(), &countries, options)
           .ok()) {
    state.SkipWithError("no iso-codes");
    return;
  }
  absl::flat_hash_map<std::string, std::string> alpha_3;
  for (const data::v1::IsoCountry& country : countries.countries()) {
    alpha_3[country.alpha_2()] = country.alpha_3();
  }
  size_t places = 0;
  for (auto _ : state) {
    const reference::Gazetteer gazetteer(data::v1::CuratedPlaces(), alpha_3);
    places = gazetteer.size();
  }
  state.counters["places"] = static_cast<double>(places);
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace summit::extractor

BENCHMARK_MAIN();
