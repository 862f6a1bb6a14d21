#include "common/logging.h"

#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace proaktiv {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Forwards each formatted line to `target_` after masking identity numbers.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit RedactingSink(std::shared_ptr<spdlog::sinks::sink> target)
      : target_(std::move(target)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string redacted =
        RedactIdentityNumbers(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, redacted);
    target_->log(copy);
  }
  void flush_() override { target_->flush(); }
  // The target formats the line, so patterns and formatters go to it.
  void set_pattern_(const std::string& pattern) override { target_->set_pattern(pattern); }
  void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override {
    target_->set_formatter(std::move(formatter));
  }

 private:
  std::shared_ptr<spdlog::sinks::sink> target_;
};

}  // namespace

std::string RedactIdentityNumbers(std::string_view text) {
  std::string out(text);
  size_t i = 0;
  while (i < out.size()) {
    if (!IsDigit(out[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && IsDigit(out[j])) ++j;
    if (j - i >= 11) {
      for (size_t k = i + 6; k < j; ++k) out[k] = '*';
    }
    i = j;
  }
  return out;
}

std::shared_ptr<spdlog::logger> MakeRedactingLogger(std::string name,
                                                    std::shared_ptr<spdlog::sinks::sink> target) {
  auto sink = std::make_shared<RedactingSink>(std::move(target));
  return std::make_shared<spdlog::logger>(std::move(name), std::move(sink));
}

void InitLogging(std::string_view level) {
  auto logger =
      MakeRedactingLogger("proaktiv", std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  logger->set_level(spdlog::level::from_str(std::string(level)));
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace proaktiv
