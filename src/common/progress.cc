#include "common/progress.h"

#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

namespace proaktiv {

std::string HumanCount(int64_t n) {
  if (n >= 10'000'000) return fmt::format("{:.0f}M", n / 1e6);
  if (n >= 1'000'000) return fmt::format("{:.1f}M", n / 1e6);
  if (n >= 10'000) return fmt::format("{:.0f}k", n / 1e3);
  return fmt::format("{}", n);
}

ProgressBar::ProgressBar(std::string label, int64_t total, std::FILE* out)
    : label_(std::move(label)),
      total_(total),
      out_(out),
      tty_(isatty(fileno(out)) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(int64_t done) {
  last_done_ = done;
  auto now = std::chrono::steady_clock::now();
  if (tty_) {
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    Draw(done, false);
    return;
  }
  if (total_ <= 0) return;
  int decile = static_cast<int>(std::min<int64_t>(10, done * 10 / total_));
  if (decile > last_decile_ && decile < 10) {
    last_decile_ = decile;
    Draw(done, false);
  }
}

void ProgressBar::Finish() {
  if (finished_) return;
  finished_ = true;
  Draw(total_ > 0 ? std::max(last_done_, total_) : last_done_, true);
}

void ProgressBar::Draw(int64_t done, bool final) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line;
  if (total_ > 0) {
    double fraction = std::clamp(static_cast<double>(done) / static_cast<double>(total_), 0.0, 1.0);
    int filled = static_cast<int>(fraction * 30);
    line = fmt::format("{:<10} [{}{}] {:3.0f}%  {}/{}  {:.1f} s", label_, std::string(filled, '#'),
                       std::string(30 - filled, ' '), fraction * 100, HumanCount(done),
                       HumanCount(total_), seconds);
  } else {
    line = fmt::format("{:<10} {}  {:.1f} s", label_, HumanCount(done), seconds);
  }
  if (tty_) {
    fmt::print(out_, "\r{}{}", line, final ? "\n" : "");
  } else {
    fmt::print(out_, "{}\n", line);
  }
  std::fflush(out_);
}

}  // namespace proaktiv
