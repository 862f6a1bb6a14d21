#pragma once

// Process-wide logging through spdlog. Every line passes RedactIdentityNumbers before it is
// written, so an identity number that slips into a message is masked in the log all the same.
// Thread-safe: spdlog's multi-threaded sinks.

#include <memory>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

namespace proaktiv {

// `text` with every run of 11 or more digits masked after its first six ("130972*****"), so
// that free text quoting outside input never repeats an identity number, even one that stands
// inside a longer run of digits.
std::string RedactIdentityNumbers(std::string_view text);

// Installs the default logger: human-readable lines on stderr at `level`
// ("trace", "debug", "info", "warn", "error", "off").
void InitLogging(std::string_view level);

// A logger that writes redacted lines to `sink_target` (for tests).
std::shared_ptr<spdlog::logger> MakeRedactingLogger(std::string name,
                                                    std::shared_ptr<spdlog::sinks::sink> target);

}  // namespace proaktiv
