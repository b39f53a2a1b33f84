#include "common/metrics.h"

#include <exception>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"

namespace summit::common {

namespace {

// "summit.v1.QueryService/GetSummit" for a method of a service this binary
// knows (its descriptor is linked in); "unknown" otherwise.
std::string MethodLabel(const char* path) {
  if (path == nullptr) return "unknown";
  const std::vector<std::string> parts = absl::StrSplit(path, '/', absl::SkipEmpty());
  if (parts.size() != 2) return "unknown";
  const google::protobuf::MethodDescriptor* method =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
          absl::StrCat(parts[0], ".", parts[1]));
  return method == nullptr ? "unknown" : absl::StrCat(parts[0], "/", parts[1]);
}

// Records one call: messages as they pass, then its code and latency when
// its status is sent.
class RpcInterceptor final : public grpc::experimental::Interceptor {
 public:
  RpcInterceptor(const Metrics::RpcFamilies& families, std::string method)
      : families_(families), method_(std::move(method)), start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using Hook = grpc::experimental::InterceptionHookPoints;
    // The end of a client stream passes this hook too, without a message.
    if (methods->QueryInterceptionHookPoint(Hook::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() != nullptr) {
      families_.received->Add({{"method", method_}}).Increment();
    }
    if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_MESSAGE)) {
      families_.sent->Add({{"method", method_}}).Increment();
    }
    if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_STATUS)) {
      const auto code = static_cast<absl::StatusCode>(methods->GetSendStatus().error_code());
      families_.requests->Add({{"method", method_}, {"code", absl::StatusCodeToString(code)}})
          .Increment();
      families_.latency->Add({{"method", method_}}, LatencyBuckets())
          .Observe(absl::ToDoubleSeconds(absl::Now() - start_));
    }
    methods->Proceed();
  }

 private:
  const Metrics::RpcFamilies& families_;
  const std::string method_;
  const absl::Time start_;
};

class RpcInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RpcInterceptorFactory(const Metrics::RpcFamilies& families)
      : families_(families) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcInterceptor(families_, MethodLabel(info->method()));
  }

 private:
  const Metrics::RpcFamilies& families_;
};

}  // namespace

void ScrapedGauges::Add(const std::string& name, const std::string& help,
                        std::map<std::string, std::string> labels,
                        std::function<std::optional<double>()> read) {
  gauges_.push_back({name, help, std::move(labels), std::move(read)});
}

std::vector<prometheus::MetricFamily> ScrapedGauges::Collect() const {
  std::vector<prometheus::MetricFamily> families;
  for (const Gauge& gauge : gauges_) {
    const std::optional<double> value = gauge.read();
    if (!value.has_value()) continue;
    if (families.empty() || families.back().name != gauge.name) {
      families.push_back({gauge.name, gauge.help, prometheus::MetricType::Gauge, {}});
    }
    prometheus::ClientMetric metric;
    for (const auto& [label, label_value] : gauge.labels) {
      metric.label.push_back({label, label_value});
    }
    metric.gauge.value = *value;
    families.back().metric.push_back(std::move(metric));
  }
  return families;
}

void AddRocksDbGauges(
    ScrapedGauges& gauges,
    const std::function<std::optional<uint64_t>(const std::string& property)>& property) {
  auto reader = [property](std::string name) {
    return [property, name]() -> std::optional<double> {
      const std::optional<uint64_t> value = property(name);
      if (!value.has_value()) return std::nullopt;
      return static_cast<double>(*value);
    };
  };
  gauges.Add("summit_rocksdb_live_data_bytes", "RocksDB's estimate of the live data size",
             {}, reader("rocksdb.estimate-live-data-size"));
  gauges.Add("summit_rocksdb_pending_compaction_bytes",
             "Bytes RocksDB estimates compaction must rewrite", {},
             reader("rocksdb.estimate-pending-compaction-bytes"));
  gauges.Add("summit_rocksdb_memtable_bytes", "Size of all memtables", {},
             reader("rocksdb.cur-size-all-mem-tables"));
  gauges.Add("summit_rocksdb_block_cache_bytes", "Bytes in the shared block cache", {},
             reader("rocksdb.block-cache-usage"));
  for (int level = 0; level <= 6; ++level) {
    gauges.Add("summit_rocksdb_files", "Table files per LSM level",
               {{"level", absl::StrCat(level)}},
               reader(absl::StrCat("rocksdb.num-files-at-level", level)));
  }
}

prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
          0.01,    0.025,  0.05,    0.1,    0.25,  1,      5};
}

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  rpc_.requests = &prometheus::BuildCounter()
                       .Name("summit_rpc_requests_total")
                       .Help("RPCs finished, by method and status code")
                       .Register(*registry_);
  rpc_.latency = &prometheus::BuildHistogram()
                      .Name("summit_rpc_latency_seconds")
                      .Help("Time from a call's start to its status, by method")
                      .Register(*registry_);
  rpc_.received = &prometheus::BuildCounter()
                       .Name("summit_rpc_messages_received_total")
                       .Help("Request messages received, by method (streams count each)")
                       .Register(*registry_);
  rpc_.sent = &prometheus::BuildCounter()
                   .Name("summit_rpc_messages_sent_total")
                   .Help("Response messages sent, by method")
                   .Register(*registry_);
}

absl::StatusOr<int> Metrics::Serve(const std::string& listen,
                                   std::shared_ptr<prometheus::Collectable> extra) {
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(listen);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("--metrics_listen: cannot serve metrics on ", listen, ": ", e.what()));
  }
  exposer_->RegisterCollectable(registry_);
  if (extra != nullptr) {
    extra_ = std::move(extra);
    exposer_->RegisterCollectable(extra_);
  }
  const std::vector<int> ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
Metrics::NewInterceptorFactory() {
  return std::make_unique<RpcInterceptorFactory>(rpc_);
}

}  // namespace summit::common
