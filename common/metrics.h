// Prometheus metrics of one summit server (prometheus-cpp): one registry,
// served on --metrics_listen by the pull exposer, holding the per-RPC
// metrics a gRPC interceptor records and the families each service adds.
//
// Per RPC: summit_rpc_requests_total{method,code}, summit_rpc_latency_seconds
// {method} (buckets from 50 µs), summit_rpc_messages_received_total{method}
// and summit_rpc_messages_sent_total{method}. `method` is the full method
// name ("summit.v1.QueryService/GetSummit") of a method the server has, or
// "unknown", so a client cannot grow the label set.
#ifndef SUMMIT_COMMON_METRICS_H_
#define SUMMIT_COMMON_METRICS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/support/server_interceptor.h"
#include "prometheus/collectable.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "prometheus/metric_family.h"
#include "prometheus/registry.h"

namespace summit::common {

// Latency buckets in seconds, suited to sub-millisecond reads.
prometheus::Histogram::BucketBoundaries LatencyBuckets();

// Gauges whose values are read at each scrape (database sizes, follower
// lag), served beside the registry. Add them before Serve; thread-safe
// afterwards.
class ScrapedGauges final : public prometheus::Collectable {
 public:
  // The gauge `name`{`labels`}, whose value `read` gives at each scrape;
  // left out of a scrape when it gives nullopt (no database open yet).
  void Add(const std::string& name, const std::string& help,
           std::map<std::string, std::string> labels,
           std::function<std::optional<double>()> read);

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  struct Gauge {
    std::string name;
    std::string help;
    std::map<std::string, std::string> labels;
    std::function<std::optional<double>()> read;
  };
  std::vector<Gauge> gauges_;
};

// Adds the RocksDB gauges, each read with `property` (an integer property
// summed over the column families; nullopt when there is no database):
//   summit_rocksdb_live_data_bytes            rocksdb.estimate-live-data-size
//   summit_rocksdb_pending_compaction_bytes   rocksdb.estimate-pending-compaction-bytes
//   summit_rocksdb_memtable_bytes             rocksdb.cur-size-all-mem-tables
//   summit_rocksdb_block_cache_bytes          rocksdb.block-cache-usage
//   summit_rocksdb_files{level="0".."6"}      rocksdb.num-files-at-level<N>
void AddRocksDbGauges(
    ScrapedGauges& gauges,
    const std::function<std::optional<uint64_t>(const std::string& property)>& property);

class Metrics final {
 public:
  Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Where services add their families. Thread-safe, as prometheus-cpp is.
  prometheus::Registry& registry() { return *registry_; }

  // Serves the registry and `extra` (read at each scrape) at
  // http://`listen`/metrics. Returns the bound port (for port 0);
  // INVALID_ARGUMENT naming --metrics_listen when it cannot bind.
  absl::StatusOr<int> Serve(const std::string& listen,
                            std::shared_ptr<prometheus::Collectable> extra = nullptr);

  // Stops serving (a no-op when not serving), so that nothing `extra`
  // reads is touched after this returns.
  void StopServing() { exposer_.reset(); }

  // The interceptor factory that records the per-RPC metrics, for
  // ServerBuilder.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewInterceptorFactory();

  // The per-RPC families (used by the interceptors).
  struct RpcFamilies {
    prometheus::Family<prometheus::Counter>* requests;
    prometheus::Family<prometheus::Histogram>* latency;
    prometheus::Family<prometheus::Counter>* received;
    prometheus::Family<prometheus::Counter>* sent;
  };

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  RpcFamilies rpc_;
  std::shared_ptr<prometheus::Collectable> extra_;
  std::unique_ptr<prometheus::Exposer> exposer_;
};

}  // namespace summit::common

#endif  // SUMMIT_COMMON_METRICS_H_
