#pragma once

// Progress of a long-running command on stderr, for one or several phases ("persons",
// "events", "database"). On a terminal one line is redrawn:
//   persons [##########..........]  50%  2.8M/5.6M  events [....................]   0%  12.3 s
// otherwise a plain line is printed per phase at 0, 25, 50, 75 and 100 %. Only counts are
// printed, never personal data. Thread-safe: several threads may report their phases.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace proaktiv {

class Progress {
 public:
  // `enabled` false makes every call a no-op (tests, quiet runs).
  explicit Progress(bool enabled = true);
  ~Progress();  // calls Finish()

  // Reports that `phase` has done `done` of `total` units (total 0: unknown; without a
  // terminal, a line per quarter, or every five seconds when the total is unknown).
  void Report(const std::string& phase, int64_t done, int64_t total);
  // Ends the terminal line so that later output starts on a fresh line.
  void Finish();

 private:
  void Draw();

  bool enabled_;
  bool tty_;
  std::mutex mu_;
  std::map<std::string, std::pair<int64_t, int64_t>> phases_;
  std::map<std::string, int> printed_quarter_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_line_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

// "1.2M", "350k", "999".
std::string HumanCount(int64_t n);

}  // namespace proaktiv
