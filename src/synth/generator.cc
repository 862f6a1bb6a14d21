#include "synth/generator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "registry/entities.h"
#include "store/store.h"
#include "synth/baseline.h"
#include "synth/contacts.h"
#include "synth/entry_builder.h"
#include "synth/event_simulator.h"
#include "synth/fast_json.h"
#include "synth/person_builder.h"

namespace proaktiv::synth {
namespace {

// A file written through a large buffer.
class BufferedFile {
 public:
  static Result<std::unique_ptr<BufferedFile>> Open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return Unavailable(fmt::format("cannot create '{}'", path));
    return std::unique_ptr<BufferedFile>(new BufferedFile(f, path));
  }
  ~BufferedFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  void Write(std::string_view s) {
    if (s.size() >= kFlushAt) {  // large blocks go straight to the file
      Flush();
      WriteThrough(s);
      return;
    }
    buffer_.append(s);
    if (buffer_.size() >= kFlushAt) Flush();
  }
  Status Close() {
    Flush();
    bool ok = !failed_ && std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok) return Unavailable(fmt::format("writing '{}' failed", path_));
    return {};
  }

 private:
  static constexpr size_t kFlushAt = 16 << 20;
  BufferedFile(std::FILE* f, std::string path) : file_(f), path_(std::move(path)) {
    buffer_.reserve(kFlushAt + (1 << 20));
  }
  void Flush() {
    WriteThrough(buffer_);
    buffer_.clear();
  }
  void WriteThrough(std::string_view s) {
    if (!s.empty() && std::fwrite(s.data(), 1, s.size(), file_) != s.size()) failed_ = true;
  }
  std::FILE* file_;
  std::string path_;
  std::string buffer_;
  bool failed_ = false;
};

// Writes the baseline into population.db. Runs on its own thread.
Status WriteDatabase(const Population& pop, const std::string& path, Progress& progress) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  PROAKTIV_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(path));
  const auto n = static_cast<int64_t>(pop.persons.size());
  auto loaded = store->BulkLoad(
      n, [&](int64_t i) { return BuildPerson(pop, static_cast<int32_t>(i), i + 1, 0); },
      [&](int64_t done) { progress.Report("database", done, n); });
  if (!loaded) return tl::unexpected(loaded.error().WithContext("population.db"));
  PROAKTIV_RETURN_IF_ERROR(store->Begin());
  PROAKTIV_RETURN_IF_ERROR(store->SetPointer("freg", n));
  return store->Commit();
}

}  // namespace

Result<GenerateResult> Generate(const GenerateOptions& options, Progress& progress) {
  if (!(options.from < options.to)) {
    return InvalidArgument(fmt::format("--from {} must be before --to {}", options.from.ToString(),
                                       options.to.ToString()));
  }
  PROAKTIV_ASSIGN_OR_RETURN(std::vector<int> kommuner,
                            ResolveKommuner(options.all, options.kommuner));
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    return Unavailable(
        fmt::format("cannot create directory '{}': {}", options.out_dir, ec.message()));
  }
  const std::string dir = options.out_dir + "/";
  PROAKTIV_ASSIGN_OR_RETURN(Baseline base, MakeBaseline(kommuner, options.from, options.seed,
                                                        options.threads, [&](int64_t d, int64_t t) {
                                                          progress.Report("households", d, t);
                                                        }));
  const Population& pop = base.pop;
  const auto n = static_cast<int64_t>(pop.persons.size());

  Status db_status;
  std::thread db_thread;
  if (options.write_db) {
    db_thread =
        std::thread([&] { db_status = WriteDatabase(pop, dir + "population.db", progress); });
  }
  auto run = [&]() -> Result<GenerateResult> {
    // population.jsonl and contacts.jsonl, formatted in chunks on `threads` threads and
    // written in order.
    PROAKTIV_ASSIGN_OR_RETURN(auto population, BufferedFile::Open(dir + "population.jsonl"));
    PROAKTIV_ASSIGN_OR_RETURN(auto contacts, BufferedFile::Open(dir + "contacts.jsonl"));
    const std::string stamp = OsloTimestamp(options.from.days() - 1, 0);
    struct Chunk {
      std::string population;
      std::string contacts;
      int64_t contact_records = 0;
    };
    auto format = [&](int64_t begin, int64_t end, Chunk& c) {
      for (int64_t i = begin; i < end; ++i) {
        const SynthPerson& p = pop.persons[static_cast<size_t>(i)];
        AppendDocumentEntry(c.population, i + 1, IdString(p.id), "personErOpprettet", stamp,
                            BuildPerson(pop, static_cast<int32_t>(i), i + 1, 0));
        std::string line = ContactLine(p, options.seed, options.from);
        c.contact_records += !line.empty();
        c.contacts += line;
      }
    };
    constexpr int64_t kChunk = 32768;
    const int workers = std::max(1, options.threads);
    int64_t contact_records = 0;
    // Chunks keep their capacity from one round to the next: no regrowth, no re-copying.
    std::vector<Chunk> chunks(static_cast<size_t>(workers));
    for (Chunk& c : chunks) {
      c.population.reserve(static_cast<size_t>(kChunk) * 1536);
      c.contacts.reserve(static_cast<size_t>(kChunk) * 384);
    }
    for (int64_t begin = 0; begin < n; begin += kChunk * workers) {
      for (Chunk& c : chunks) {
        c.population.clear();
        c.contacts.clear();
        c.contact_records = 0;
      }
      std::vector<std::thread> helpers;
      for (int w = 1; w < workers; ++w) {
        int64_t b = std::min(n, begin + w * kChunk);
        helpers.emplace_back(format, b, std::min(n, b + kChunk),
                             std::ref(chunks[static_cast<size_t>(w)]));
      }
      format(begin, std::min(n, begin + kChunk), chunks[0]);
      for (auto& t : helpers) t.join();
      for (Chunk& c : chunks) {
        population->Write(c.population);
        contacts->Write(c.contacts);
        contact_records += c.contact_records;
      }
      progress.Report("population", std::min(n, begin + kChunk * workers), n);
    }
    PROAKTIV_RETURN_IF_ERROR(population->Close());
    PROAKTIV_RETURN_IF_ERROR(contacts->Close());
    std::map<std::string, int64_t> by_status;
    int64_t d_numbers = 0;
    int64_t protected_addresses = 0;
    int64_t under_guardianship = 0;
    for (const SynthPerson& p : pop.persons) {
      ++by_status[p.Has(PersonFlag::kDNumber) ? "midlertidig" : "bosatt"];
      d_numbers += p.Has(PersonFlag::kDNumber);
      protected_addresses += p.protection != registry::AddressProtection::kUgradert;
      under_guardianship += p.guardianship != 0;
    }

    // feed.jsonl, simulated on a copy (the database thread still reads the baseline).
    Population sim_pop = pop;
    SimulationOptions sim{options.from, options.to, options.seed, base.selected,
                          base.selected_population};
    PROAKTIV_ASSIGN_OR_RETURN(auto feed, BufferedFile::Open(dir + "feed.jsonl"));
    PROAKTIV_ASSIGN_OR_RETURN(
        SimulationCounts counts,
        SimulateEvents(
            sim_pop, base.ids, sim, n + 1, [&](std::string_view l) { feed->Write(l); },
            [&](int64_t d, int64_t t) { progress.Report("events", d, t); }));
    PROAKTIV_RETURN_IF_ERROR(feed->Close());

    boost::json::object summary;
    summary["seed"] = options.seed;
    summary["from"] = options.from.ToString();
    summary["to"] = options.to.ToString();
    summary["kommuner"] = static_cast<int64_t>(kommuner.size());
    summary["persons"] = n;
    summary["households"] = static_cast<int64_t>(pop.households.size());
    boost::json::object status;
    for (const auto& [k, v] : by_status) status[k] = v;
    summary["persons_by_status"] = std::move(status);
    summary["d_numbers"] = d_numbers;
    summary["protected_addresses"] = protected_addresses;
    summary["under_guardianship"] = under_guardianship;
    summary["contact_records"] = contact_records;
    summary["baseline_sequences"] = boost::json::array{n > 0 ? 1 : 0, n};
    summary["feed_sequences"] = boost::json::array{n + 1, counts.last_sequence};
    summary["feed_entries"] = counts.entries;
    boost::json::object types;
    for (const auto& [k, v] : counts.entries_by_type) types[k] = v;
    summary["feed_entries_by_type"] = std::move(types);
    boost::json::object life;
    for (const auto& [k, v] : counts.life_events) life[k] = v;
    summary["life_events"] = std::move(life);
    GenerateResult result;
    result.persons = n;
    result.households = static_cast<int64_t>(pop.households.size());
    result.feed_entries = counts.entries;
    result.summary_json = boost::json::serialize(summary);
    PROAKTIV_ASSIGN_OR_RETURN(auto file, BufferedFile::Open(dir + "summary.json"));
    file->Write(result.summary_json);
    file->Write("\n");
    PROAKTIV_RETURN_IF_ERROR(file->Close());
    return result;
  };
  Result<GenerateResult> result = run();
  if (db_thread.joinable()) db_thread.join();
  progress.Finish();
  if (!result) return result;
  if (!db_status) return tl::unexpected(db_status.error());
  return result;
}

}  // namespace proaktiv::synth
