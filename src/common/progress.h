#pragma once

// A progress indicator for long-running commands, on stderr. On a terminal it redraws one line
// ("ingest  [#########           ]  45%  1.2M/2.7M  12.3 s"); otherwise it prints a plain line at
// every 10 %. Not thread-safe: call from one thread.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace proaktiv {

class ProgressBar {
 public:
  // `total` is in the caller's unit (bytes, persons); 0 means unknown.
  ProgressBar(std::string label, int64_t total, std::FILE* out = stderr);
  ~ProgressBar();  // finishes the line

  void Update(int64_t done);
  void Finish();

 private:
  void Draw(int64_t done, bool final);

  std::string label_;
  int64_t total_;
  std::FILE* out_;
  bool tty_;
  bool finished_ = false;
  int last_decile_ = -1;
  int64_t last_done_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// "1.2M", "350k", "999".
std::string HumanCount(int64_t n);

}  // namespace proaktiv
