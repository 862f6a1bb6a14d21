#include "cli/period_run.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "engine/offer_engine.h"
#include "intake/feed_consumer.h"

namespace proaktiv::cli {

namespace {

constexpr std::string_view kIndexedPointer = "engine:indexed";

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The date of a feed line's ajourholdstidspunkt, without parsing the whole line.
std::optional<CivilDate> LineDate(std::string_view line) {
  constexpr std::string_view kKey = "\"ajourholdstidspunkt\":\"";
  size_t at = line.find(kKey);
  if (at == std::string_view::npos || at + kKey.size() + 10 > line.size()) return std::nullopt;
  auto day = CivilDate::Parse(line.substr(at + kKey.size(), 10));
  return day ? std::optional<CivilDate>(*day) : std::nullopt;
}

}  // namespace

Result<PeriodRunResult> RunPeriod(store::RegistryStore& store,
                                  const engine::ServiceLibrary& library,
                                  const PeriodRunOptions& options, Progress& progress) {
  PeriodRunResult result;
  result.report.keep_records = options.keep_records;
  engine::OfferEngine engine(store, library,
                             {"freg", 2000, options.keep_records, options.kommuner});

  PROAKTIV_ASSIGN_OR_RETURN(int64_t indexed, store.GetPointer(kIndexedPointer));
  if (indexed == 0) {
    auto start = std::chrono::steady_clock::now();
    PROAKTIV_ASSIGN_OR_RETURN(result.index_entries,
                              engine.IndexPopulation(options.from, [&](int64_t done) {
                                progress.Report("date index (persons)", done, 0);
                              }));
    PROAKTIV_RETURN_IF_ERROR(store.Begin());
    PROAKTIV_RETURN_IF_ERROR(store.SetPointer(kIndexedPointer, options.from.days()));
    PROAKTIV_RETURN_IF_ERROR(store.Commit());
    result.engine_seconds += SecondsSince(start);
  }

  std::ifstream feed;
  int64_t feed_bytes = 0, read_bytes = 0;
  if (!options.feed_file.empty()) {
    feed.open(options.feed_file);
    if (!feed) return NotFound(fmt::format("cannot read feed file '{}'", options.feed_file));
    std::error_code ec;
    feed_bytes = static_cast<int64_t>(std::filesystem::file_size(options.feed_file, ec));
  }
  std::string pending;  // the first line of a later day, read ahead
  bool has_pending = false;
  CivilDate pending_day;
  const int64_t days = options.until.days() - options.from.days() + 1;
  for (CivilDate day = options.from; day <= options.until; day = day.AddDays(1)) {
    // The day's feed lines through intake.
    std::string chunk;
    if (feed.is_open()) {
      if (has_pending && pending_day <= day) {
        chunk += pending + "\n";
        has_pending = false;
      }
      std::string line;
      while (!has_pending && std::getline(feed, line)) {
        read_bytes += static_cast<int64_t>(line.size()) + 1;
        if (line.empty()) continue;
        auto line_day = LineDate(line);
        if (line_day && *line_day > day) {
          pending = std::move(line);
          pending_day = *line_day;
          has_pending = true;
          break;
        }
        chunk += line + "\n";
      }
    }
    if (!chunk.empty()) {
      auto start = std::chrono::steady_clock::now();
      std::istringstream in(chunk);
      intake::FeedConsumer consumer(store, intake::IntakeOptions{"freg", 50000});
      PROAKTIV_ASSIGN_OR_RETURN(auto intake, consumer.Consume(in));
      if (intake.error) return tl::unexpected(intake.error->WithContext(day.ToString()));
      result.feed_entries += intake.applied;
      result.intake_seconds += SecondsSince(start);
    }
    auto start = std::chrono::steady_clock::now();
    PROAKTIV_ASSIGN_OR_RETURN(auto report, engine.RunThrough(day));
    result.engine_seconds += SecondsSince(start);
    result.report.Merge(report);
    if (options.after_day) {
      start = std::chrono::steady_clock::now();
      auto done = options.after_day(day);
      if (!done) return tl::unexpected(done.error().WithContext(day.ToString()));
      result.after_day_seconds += SecondsSince(start);
    }
    if (feed_bytes > 0) {
      progress.Report("feed and engine", read_bytes, feed_bytes);
    } else {
      progress.Report("days", day.days() - options.from.days() + 1, days);
    }
  }
  progress.Finish();
  return result;
}

}  // namespace proaktiv::cli
