#pragma once

// GoogleTest fixtures for the engine's tests (tests only), on the repository's own catalog
// (catalog/catalog.yaml) and services (services/), found through PROAKTIV_SOURCE_DIR.
//
//   class MyTest : public testing::StoreFixture {
//    protected:
//     void SetUp() override {
//       ASSERT_NO_FATAL_FAILURE(StoreFixture::SetUp());
//       ASSERT_NO_FATAL_FAILURE(PutHousehold());
//     }
//   };
//
// LibraryFixture loads the catalog and the service library once per test suite
// (SetUpTestSuite) and deletes them after it (TearDownTestSuite); a failed load is a fatal
// failure. Tests read catalog_ and library_ and must not change them. The two pointers are
// shared by every suite deriving from LibraryFixture, which GoogleTest runs one after another.
//
// StoreFixture adds a new, empty SQLite registry per test: store_ opens a file in the temporary
// directory named after the suite and the process id (so concurrent test processes do not
// meet), any leftover of that name removed first; TearDown closes it and removes the file with
// its -wal and -shm. A derived SetUp calls StoreFixture::SetUp first, as above.
//
// Not thread-safe: use a fixture from its test's thread only.

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "common/result.h"
#include "engine/service_bundle.h"
#include "engine/test_persons.h"
#include "store/store.h"

namespace proaktiv::engine::testing {

// `relative` (e.g. "services/sfo") inside the source tree.
inline std::string RepoPath(const std::string& relative) {
  return std::string(PROAKTIV_SOURCE_DIR) + "/" + relative;
}

// The repository's catalog/catalog.yaml.
inline Result<catalog::Catalog> LoadRepoCatalog() {
  return catalog::Catalog::LoadFile(RepoPath("catalog/catalog.yaml"));
}

class LibraryFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = LoadRepoCatalog();
    ASSERT_TRUE(c) << c.error().ToString();
    catalog_ = new catalog::Catalog(std::move(*c));
    auto lib = LoadLibrary(RepoPath("services"), *catalog_);
    ASSERT_TRUE(lib) << lib.error().ToString();
    library_ = new ServiceLibrary(std::move(*lib));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
    delete catalog_;
    catalog_ = nullptr;
  }

  static inline catalog::Catalog* catalog_ = nullptr;
  static inline ServiceLibrary* library_ = nullptr;
};

class StoreFixture : public LibraryFixture {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = (std::filesystem::temp_directory_path() /
             (std::string(test->test_suite_name()) + "_" + std::to_string(::getpid()) + ".db"))
                .string();
    Remove();
    auto s = store::OpenSqliteStore(path_);
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }

  // Stores, in one transaction, a mother (Kari, born 1985-01-01) and her child (Ola, born
  // 2025-05-04) in Bærum (3201), related both ways with parental responsibility, and Per (born
  // 1951-03-10, 75 on 2026-03-10) in Bærum; keys_ maps each identity number to its store key.
  void PutHousehold() {
    Family f;
    f.Add(MakePerson("01018512345", "1985-01-01", "3201", "Kari"));
    f.Add(MakePerson("04052512345", "2025-05-04", "3201", "Ola"));
    f.ParentOf("01018512345", "04052512345", registry::RelationRole::kMor);
    f.Add(MakePerson("10035112345", "1951-03-10", "3201", "Per"));
    ASSERT_TRUE(store_->Begin());
    for (const char* id : {"01018512345", "04052512345", "10035112345"}) {
      auto key = store_->PutPerson(0, f[id]);
      ASSERT_TRUE(key) << key.error().ToString();
      keys_[id] = *key;
    }
    ASSERT_TRUE(store_->Commit());
  }

  // Every stored offer, each with its recipients.
  std::vector<store::OfferRecord> Offers() {
    std::vector<store::OfferRecord> out;
    EXPECT_TRUE(store_->engine().ForEachOffer([&](const store::OfferRecord& o) {
      out.push_back(o);
      return true;
    }));
    for (auto& o : out) {
      auto full = store_->engine().FindOfferById(o.id);
      EXPECT_TRUE(full && *full) << "offer " << o.id;
      if (full && *full) o = **full;
    }
    return out;
  }

  std::string path_;
  std::unique_ptr<store::RegistryStore> store_;
  std::map<std::string, int64_t> keys_;  // by identity number, filled by PutHousehold

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
};

}  // namespace proaktiv::engine::testing
