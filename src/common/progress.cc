#include "common/progress.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace proaktiv {

std::string HumanCount(int64_t n) {
  if (n >= 10'000'000) return fmt::format("{:.0f}M", static_cast<double>(n) / 1e6);
  if (n >= 1'000'000) return fmt::format("{:.1f}M", static_cast<double>(n) / 1e6);
  if (n >= 10'000) return fmt::format("{:.0f}k", static_cast<double>(n) / 1e3);
  return fmt::format("{}", n);
}

Progress::Progress(bool enabled)
    : enabled_(enabled),
      tty_(enabled && isatty(2) != 0),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { Finish(); }

void Progress::Report(const std::string& phase, int64_t done, int64_t total) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  phases_[phase] = {done, total};
  if (!tty_ && total <= 0) {  // unknown total: a line every five seconds
    auto now = std::chrono::steady_clock::now();
    auto [it, inserted] = last_line_.try_emplace(phase, now);
    if (!inserted && now - it->second < std::chrono::seconds(5)) return;
    it->second = now;
    fmt::print(stderr, "{}: {} done  {:.1f} s\n", phase, HumanCount(done),
               std::chrono::duration<double>(now - start_).count());
    std::fflush(stderr);
    return;
  }
  if (!tty_) {
    int quarter = total > 0 ? static_cast<int>(done * 4 / total) : 4;
    auto [it, inserted] = printed_quarter_.try_emplace(phase, -1);
    if (quarter > it->second) {
      it->second = quarter;
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      fmt::print(stderr, "{}: {} of {} ({}%)  {:.1f} s\n", phase, HumanCount(done),
                 HumanCount(total), quarter * 25, seconds);
      std::fflush(stderr);
    }
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw();
}

void Progress::Draw() {
  std::string line = "\r";
  for (const auto& [phase, counts] : phases_) {
    auto [done, total] = counts;
    if (total <= 0) {
      line += fmt::format("{} {} done  ", phase, HumanCount(done));
      continue;
    }
    double frac = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    int filled = static_cast<int>(frac * 20);
    line += fmt::format("{} [{}{}] {:3}%  {}/{}  ", phase,
                        std::string(static_cast<size_t>(filled), '#'),
                        std::string(static_cast<size_t>(20 - filled), '.'),
                        static_cast<int>(frac * 100), HumanCount(done), HumanCount(total));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  line += fmt::format("{:.1f} s\x1b[K", seconds);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (!enabled_ || !tty_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) {
    Draw();
    std::fputs("\n", stderr);
    drawn_ = false;
  }
  phases_.clear();
}

}  // namespace proaktiv
