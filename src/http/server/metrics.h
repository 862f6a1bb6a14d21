#pragma once

// Request metrics in Prometheus text format: requests by route name and status class, a
// latency histogram over all requests, requests in flight, open connections and uptime.
//
// Every counter a request touches exists from construction (one slot per route name, plus
// "static", "not_found", "method_not_allowed" and "rejected" for requests that reach no
// handler), so recording is a few relaxed atomic increments and never locks or allocates.
// Thread-safety: all members may be called from any thread at once. The Router must not change
// after the Metrics are built from it.

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/router.h"

namespace proaktiv::http::server {

class Metrics {
 public:
  explicit Metrics(const Router& router);
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // The slot of a route returned by router.Find (routes with the same name share a slot; an
  // unnamed route is named by its method and pattern).
  size_t RouteSlot(const Route* route) const;
  size_t static_slot() const { return static_slot_; }
  size_t not_found_slot() const { return static_slot_ + 1; }
  size_t method_not_allowed_slot() const { return static_slot_ + 2; }
  // Requests refused before routing: malformed, headers or body too large.
  size_t rejected_slot() const { return static_slot_ + 3; }
  const std::string& SlotName(size_t slot) const { return slots_[slot].name; }

  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestFinished(size_t slot, int status, std::chrono::nanoseconds latency);
  void ConnectionOpened();
  void ConnectionClosed() { connections_open_.fetch_sub(1, std::memory_order_relaxed); }

  // The requests counted so far for a slot and status class (2 for 2xx, …); for tests.
  uint64_t Count(size_t slot, int status_class) const;

  // The Prometheus text exposition (version 0.0.4).
  std::string Render() const;

 private:
  static constexpr size_t kClasses = 5;  // 1xx … 5xx
  static constexpr std::array<double, 16> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                      0.01,   0.025,   0.05,   0.1,   0.25,   0.5,
                                                      1.0,    2.5,     5.0,    10.0};

  struct alignas(64) Slot {
    std::string name;
    std::array<std::atomic<uint64_t>, kClasses> by_class{};
  };

  std::unique_ptr<Slot[]> slots_;
  size_t slot_count_ = 0;
  size_t static_slot_ = 0;
  std::vector<size_t> route_slots_;  // by index in router.routes()
  const Route* first_route_ = nullptr;

  alignas(64) std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets_{};  // last: +Inf
  std::atomic<uint64_t> latency_sum_ns_{0};
  alignas(64) std::atomic<int64_t> in_flight_{0};
  std::atomic<int64_t> connections_open_{0};
  std::atomic<uint64_t> connections_total_{0};
  std::chrono::steady_clock::time_point started_;
};

}  // namespace proaktiv::http::server
