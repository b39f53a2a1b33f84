// Throughput of the extractor over a few MB of reports: the sample corpus
// (and the seed report when present) repeated. Reports MB/s of text on one
// core; the goal is at least 20 MB/s.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "extractor/extractor.h"

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

void BM_Extract(benchmark::State& state) {
  static const std::vector<v1::Article>* const kArticles =
      new std::vector<v1::Article>(LoadReports());
  const Extractor extractor;
  size_t bytes = 0;
  int summits = 0;
  for (auto _ : state) {
    for (const v1::Article& article : *kArticles) {
      summits += extractor.Extract(article).summit.has_value();
      bytes += article.text().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["reports"] = static_cast<double>(kArticles->size());
  state.counters["summits_per_pass"] =
      static_cast<double>(summits) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace summit::extractor

BENCHMARK_MAIN();
