#include "http/server/access_log.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

namespace proaktiv::http::server {
namespace {

constexpr size_t kWakeBytes = 64 * 1024;
constexpr size_t kMaxPendingBytes = 4 * 1024 * 1024;

std::string_view KindName(Principal::Kind kind) {
  switch (kind) {
    case Principal::Kind::kAnonymous:
      return "anonymous";
    case Principal::Kind::kCitizen:
      return "citizen";
    case Principal::Kind::kStaff:
      return "staff";
  }
  return "anonymous";
}

// Appends `s` as the inside of a JSON string.
void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
    } else {
      out += c;
    }
  }
}

// "2024-03-01T12:00:00" for the current second, cached per thread.
std::string_view SecondText(std::time_t now) {
  thread_local std::time_t cached = -1;
  thread_local char text[32];
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    cached = now;
  }
  return text;
}

}  // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& target) {
  if (target.empty() || target == "-") return std::make_unique<AccessLog>(stderr, false);
  std::FILE* file = std::fopen(target.c_str(), "a");
  if (file == nullptr) {
    return Unavailable(
        fmt::format("cannot open access log '{}': {}", target, std::strerror(errno)));
  }
  return std::make_unique<AccessLog>(file, true);
}

AccessLog::AccessLog(std::FILE* file, bool owned)
    : file_(file), owned_(owned), writer_([this] { Run(); }) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  writer_.join();
  if (owned_) std::fclose(file_);
}

void AccessLog::Write(const AccessRecord& r) {
  thread_local std::string line;
  line.clear();
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  line += "{\"time\":\"";
  line += SecondText(static_cast<std::time_t>(ms.count() / 1000));
  fmt::format_to(std::back_inserter(line), ".{:03d}Z\",\"method\":\"{}\",\"route\":\"",
                 static_cast<int>(ms.count() % 1000), MethodName(r.method));
  AppendEscaped(line, r.route);
  fmt::format_to(std::back_inserter(line),
                 "\",\"status\":{},\"bytes\":{},\"duration_us\":{},\"remote\":\"", r.status,
                 r.bytes, r.duration_us);
  AppendEscaped(line, r.remote);
  line += "\",\"principal\":\"";
  line += KindName(r.principal);
  line += "\"}\n";

  bool wake = false;
  {
    std::lock_guard lock(mu_);
    if (pending_.size() + line.size() > kMaxPendingBytes) {
      ++dropped_;
      return;
    }
    const size_t before = pending_.size();
    pending_ += line;
    ++appended_;
    wake = before < kWakeBytes && pending_.size() >= kWakeBytes;
  }
  if (wake) wake_.notify_one();
}

void AccessLog::Flush() {
  std::unique_lock lock(mu_);
  const uint64_t target = appended_;
  wake_.notify_one();
  flushed_.wait(lock, [&] { return written_ >= target || stop_; });
}

uint64_t AccessLog::dropped() const {
  std::lock_guard lock(mu_);
  return dropped_;
}

void AccessLog::Run() {
  std::string out;
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait_for(lock, std::chrono::milliseconds(100),
                   [&] { return stop_ || pending_.size() >= kWakeBytes || written_ < appended_; });
    const bool stopping = stop_;
    out.clear();
    out.swap(pending_);
    const uint64_t lines = appended_;
    lock.unlock();
    if (!out.empty()) {
      std::fwrite(out.data(), 1, out.size(), file_);
      std::fflush(file_);
    }
    lock.lock();
    written_ = lines;
    flushed_.notify_all();
    if (stopping && pending_.empty()) return;
  }
}

}  // namespace proaktiv::http::server
