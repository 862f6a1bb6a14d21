#include "http/server/metrics.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace proaktiv::http::server {
namespace {

// A Prometheus label value: backslash, quote and newline escaped.
std::string LabelValue(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string RouteName(const Route& route) {
  if (!route.options.name.empty()) return route.options.name;
  return fmt::format("{} {}", MethodName(route.method), route.pattern);
}

}  // namespace

Metrics::Metrics(const Router& router) : started_(std::chrono::steady_clock::now()) {
  std::vector<std::string> names;
  for (const Route& route : router.routes()) {
    std::string name = RouteName(route);
    auto it = std::find(names.begin(), names.end(), name);
    route_slots_.push_back(static_cast<size_t>(it - names.begin()));
    if (it == names.end()) names.push_back(std::move(name));
  }
  static_slot_ = names.size();
  for (const char* special : {"static", "not_found", "method_not_allowed", "rejected"}) {
    names.emplace_back(special);
  }
  slot_count_ = names.size();
  slots_ = std::make_unique<Slot[]>(slot_count_);
  for (size_t i = 0; i < slot_count_; ++i) slots_[i].name = std::move(names[i]);
  if (!router.routes().empty()) first_route_ = router.routes().data();
}

size_t Metrics::RouteSlot(const Route* route) const {
  if (first_route_ == nullptr || route < first_route_) return not_found_slot();
  const auto index = static_cast<size_t>(route - first_route_);
  return index < route_slots_.size() ? route_slots_[index] : not_found_slot();
}

void Metrics::RequestFinished(size_t slot, int status, std::chrono::nanoseconds latency) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  const int status_class = std::clamp(status / 100, 1, 5);
  if (slot < slot_count_) {
    slots_[slot].by_class[status_class - 1].fetch_add(1, std::memory_order_relaxed);
  }
  const double seconds = std::chrono::duration<double>(latency).count();
  const auto bucket = static_cast<size_t>(
      std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_sum_ns_.fetch_add(static_cast<uint64_t>(std::max<int64_t>(latency.count(), 0)),
                            std::memory_order_relaxed);
}

void Metrics::ConnectionOpened() {
  connections_open_.fetch_add(1, std::memory_order_relaxed);
  connections_total_.fetch_add(1, std::memory_order_relaxed);
}

uint64_t Metrics::Count(size_t slot, int status_class) const {
  if (slot >= slot_count_ || status_class < 1 || status_class > 5) return 0;
  return slots_[slot].by_class[status_class - 1].load(std::memory_order_relaxed);
}

std::string Metrics::Render() const {
  std::string out;
  out.reserve(4096);
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "# HELP proaktiv_http_requests_total HTTP requests answered, by route (OpenAPI "
                 "operationId) and status class.\n"
                 "# TYPE proaktiv_http_requests_total counter\n");
  // Sorted by name for a stable output.
  std::map<std::string_view, size_t> order;
  for (size_t i = 0; i < slot_count_; ++i) order.emplace(slots_[i].name, i);
  for (const auto& [name, slot] : order) {
    const std::string label = LabelValue(name);
    for (size_t c = 0; c < kClasses; ++c) {
      const uint64_t n = slots_[slot].by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      fmt::format_to(it, "proaktiv_http_requests_total{{route=\"{}\",status=\"{}xx\"}} {}\n", label,
                     c + 1, n);
    }
  }
  fmt::format_to(it,
                 "# HELP proaktiv_http_request_duration_seconds Time from a request's header "
                 "being read to its response being ready to send.\n"
                 "# TYPE proaktiv_http_request_duration_seconds histogram\n");
  uint64_t cumulative = 0;
  for (size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b].load(std::memory_order_relaxed);
    fmt::format_to(it, "proaktiv_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                   kBuckets[b], cumulative);
  }
  cumulative += buckets_[kBuckets.size()].load(std::memory_order_relaxed);
  fmt::format_to(it, "proaktiv_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n",
                 cumulative);
  fmt::format_to(it, "proaktiv_http_request_duration_seconds_sum {:.6f}\n",
                 static_cast<double>(latency_sum_ns_.load(std::memory_order_relaxed)) / 1e9);
  fmt::format_to(it, "proaktiv_http_request_duration_seconds_count {}\n", cumulative);
  fmt::format_to(it,
                 "# HELP proaktiv_http_requests_in_flight Requests being handled now.\n"
                 "# TYPE proaktiv_http_requests_in_flight gauge\n"
                 "proaktiv_http_requests_in_flight {}\n",
                 in_flight_.load(std::memory_order_relaxed));
  fmt::format_to(it,
                 "# HELP proaktiv_http_connections_open Client connections open now.\n"
                 "# TYPE proaktiv_http_connections_open gauge\n"
                 "proaktiv_http_connections_open {}\n"
                 "# HELP proaktiv_http_connections_total Client connections accepted.\n"
                 "# TYPE proaktiv_http_connections_total counter\n"
                 "proaktiv_http_connections_total {}\n",
                 connections_open_.load(std::memory_order_relaxed),
                 connections_total_.load(std::memory_order_relaxed));
  const double uptime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  fmt::format_to(it,
                 "# HELP proaktiv_http_uptime_seconds Seconds since the server was built.\n"
                 "# TYPE proaktiv_http_uptime_seconds gauge\n"
                 "proaktiv_http_uptime_seconds {:.3f}\n",
                 uptime);
  return out;
}

}  // namespace proaktiv::http::server
