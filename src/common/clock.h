#pragma once

// Time comes through a Clock so that tests and the demo can run a year in seconds.
// Thread-safety: SystemClock is stateless; FakeClock is safe to read and advance from
// several threads.

#include <atomic>
#include <chrono>

#include "common/civil_date.h"

namespace proaktiv {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // Today's date in Norway (Europe/Oslo is UTC+1 or +2; the date changes at local midnight).
  CivilDate TodayInNorway() const;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

// The system clock moved by a fixed offset: time runs, but the calendar is shifted (a demo that
// serves "as of" another day).
class ShiftedClock final : public Clock {
 public:
  explicit ShiftedClock(std::chrono::system_clock::duration offset) : offset_(offset) {}
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now() + offset_;
  }

 private:
  std::chrono::system_clock::duration offset_;
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start)
      : now_(start.time_since_epoch()) {}
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(now_.load());
  }
  void Advance(std::chrono::system_clock::duration d) { now_.store(now_.load() + d); }
  void Set(std::chrono::system_clock::time_point t) { now_.store(t.time_since_epoch()); }

 private:
  std::atomic<std::chrono::system_clock::duration> now_;
};

}  // namespace proaktiv
