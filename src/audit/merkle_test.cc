// RFC 9162 hashing and proofs against a naive recomputation from the leaves: every tree size up
// to 70 (every leaf, every pair of sizes) and random larger ones; proofs read O(log n) nodes;
// a changed proof, leaf, index or size is refused.

#include "audit/merkle.h"

#include <bit>
#include <random>
#include <set>

#include <gtest/gtest.h>

namespace proaktiv::audit {
namespace {

std::vector<Hash> Leaves(int64_t n) {
  std::vector<Hash> out;
  for (int64_t i = 0; i < n; ++i) out.push_back(LeafHash("leaf " + std::to_string(i)));
  return out;
}

// MTH(D[begin:end]) straight from RFC 9162 §2.1.1.
Hash NaiveMth(const std::vector<Hash>& d, int64_t begin, int64_t end) {
  const int64_t n = end - begin;
  if (n == 0) return Sha256("");
  if (n == 1) return d[begin];
  int64_t k = 1;
  while (k * 2 < n) k *= 2;
  return NodeHash(NaiveMth(d, begin, begin + k), NaiveMth(d, begin + k, end));
}

void NaivePath(const std::vector<Hash>& d, int64_t m, int64_t begin, int64_t end,
               std::vector<Hash>& out) {
  const int64_t n = end - begin;
  if (n <= 1) return;
  int64_t k = 1;
  while (k * 2 < n) k *= 2;
  if (m < k) {
    NaivePath(d, m, begin, begin + k, out);
    out.push_back(NaiveMth(d, begin + k, end));
  } else {
    NaivePath(d, m - k, begin + k, end, out);
    out.push_back(NaiveMth(d, begin, begin + k));
  }
}

void NaiveSubproof(const std::vector<Hash>& d, int64_t m, int64_t begin, int64_t end, bool b,
                   std::vector<Hash>& out) {
  const int64_t n = end - begin;
  if (m == n) {
    if (!b) out.push_back(NaiveMth(d, begin, end));
    return;
  }
  int64_t k = 1;
  while (k * 2 < n) k *= 2;
  if (m <= k) {
    NaiveSubproof(d, m, begin, begin + k, b, out);
    out.push_back(NaiveMth(d, begin + k, end));
  } else {
    NaiveSubproof(d, m - k, begin + k, end, false, out);
    out.push_back(NaiveMth(d, begin, begin + k));
  }
}

// Perfect nodes computed from the leaves, counting reads.
class VectorSource final : public NodeSource {
 public:
  explicit VectorSource(const std::vector<Hash>& leaves) : leaves_(leaves) {}
  Result<Hash> PerfectNode(int level, int64_t index) override {
    ++reads;
    const int64_t begin = index << level, end = (index + 1) << level;
    if (end > int64_t(leaves_.size())) return DataLoss("beyond the leaves");
    return NaiveMth(leaves_, begin, end);
  }
  int reads = 0;

 private:
  const std::vector<Hash>& leaves_;
};

void CheckSize(const std::vector<Hash>& all, int64_t n, std::mt19937_64* rng) {
  std::vector<Hash> d(all.begin(), all.begin() + n);
  VectorSource source(d);
  const Hash root = NaiveMth(d, 0, n);
  ASSERT_EQ(*RootHash(source, n), root) << n;
  const int64_t depth = std::bit_width(uint64_t(n));
  std::vector<int64_t> indexes;
  if (rng == nullptr) {
    for (int64_t i = 0; i < n; ++i) indexes.push_back(i);
  } else {
    for (int i = 0; i < 8; ++i) indexes.push_back(int64_t((*rng)() % uint64_t(n)));
    indexes.push_back(n - 1);
  }
  for (int64_t i : indexes) {
    std::vector<Hash> naive;
    NaivePath(d, i, 0, n, naive);
    source.reads = 0;
    auto proof = InclusionProof(source, i, n);
    ASSERT_TRUE(proof) << proof.error().message;
    ASSERT_EQ(*proof, naive) << "size " << n << " leaf " << i;
    EXPECT_LE(source.reads, 2 * depth + 2) << "size " << n << " leaf " << i;
    ASSERT_TRUE(VerifyInclusion(i, n, d[i], *proof, root)) << "size " << n << " leaf " << i;
    EXPECT_FALSE(VerifyInclusion(i, n, LeafHash("other"), *proof, root));
    if (n > 1) {
      EXPECT_FALSE(VerifyInclusion((i + 1) % n, n, d[i], *proof, root));
      auto changed = *proof;
      changed[0][5] ^= 1;
      EXPECT_FALSE(VerifyInclusion(i, n, d[i], changed, root));
      changed = *proof;
      changed.pop_back();
      EXPECT_FALSE(VerifyInclusion(i, n, d[i], changed, root));
    }
  }
  std::vector<int64_t> olds;
  if (rng == nullptr) {
    for (int64_t m = 0; m <= n; ++m) olds.push_back(m);
  } else {
    for (int i = 0; i < 8; ++i) olds.push_back(int64_t((*rng)() % uint64_t(n + 1)));
  }
  for (int64_t m : olds) {
    std::vector<Hash> naive;
    if (m > 0 && m < n) NaiveSubproof(d, m, 0, n, true, naive);
    source.reads = 0;
    auto proof = ConsistencyProof(source, m, n);
    ASSERT_TRUE(proof) << proof.error().message;
    ASSERT_EQ(*proof, naive) << "sizes " << m << " " << n;
    EXPECT_LE(source.reads, 3 * depth + 3) << "sizes " << m << " " << n;
    const Hash old_root = NaiveMth(d, 0, m);
    ASSERT_TRUE(VerifyConsistency(m, n, old_root, root, *proof)) << m << " " << n;
    if (m > 0 && m < n) {
      EXPECT_FALSE(VerifyConsistency(m, n, LeafHash("x"), root, *proof));
      EXPECT_FALSE(VerifyConsistency(m, n, old_root, LeafHash("x"), *proof));
      auto changed = *proof;
      changed.back()[0] ^= 1;
      EXPECT_FALSE(VerifyConsistency(m, n, old_root, root, changed));
      if (m + 1 < n) {
        EXPECT_FALSE(VerifyConsistency(m + 1, n, old_root, root, *proof));
      }
    }
  }
}

TEST(MerkleTest, EmptyTreeAndSingleLeafFollowTheRfc) {
  VectorSource none({});
  EXPECT_EQ(*RootHash(none, 0), Sha256(""));
  EXPECT_EQ(Hex(AsBytes(*RootHash(none, 0))),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // RFC 9162's leaf hash of the empty string: SHA-256(0x00).
  EXPECT_EQ(Hex(AsBytes(LeafHash(""))),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_FALSE(InclusionProof(none, 0, 0));
}

TEST(MerkleTest, EverySizeUpToSeventyMatchesTheNaiveTree) {
  const std::vector<Hash> all = Leaves(70);
  for (int64_t n = 1; n <= 70; ++n) CheckSize(all, n, nullptr);
}

TEST(MerkleTest, RandomLargerSizesMatchTheNaiveTree) {
  std::mt19937_64 rng(9162);
  const std::vector<Hash> all = Leaves(5000);
  for (int round = 0; round < 12; ++round) {
    CheckSize(all, 71 + int64_t(rng() % (all.size() - 71)), &rng);
  }
  CheckSize(all, 4096, &rng);
}

TEST(MerkleTest, RootOfFrontierIsTheTreeRoot) {
  const std::vector<Hash> d = Leaves(45);
  for (int64_t n = 0; n <= 45; ++n) {
    std::vector<Hash> frontier;
    int64_t start = 0;
    for (int level = 6; level >= 0; --level) {
      if ((n >> level) & 1) {
        frontier.push_back(NaiveMth(d, start, start + (int64_t{1} << level)));
        start += int64_t{1} << level;
      }
    }
    EXPECT_EQ(RootOfFrontier(frontier), NaiveMth(d, 0, n)) << n;
  }
}

TEST(MerkleTest, StoredNodeIdsAreThePostOrderOfAppends) {
  // Appending leaves completes the leaf, then its parents: ids 0, 1, 2, … in that order.
  int64_t next = 0;
  std::set<int64_t> seen;
  for (int64_t leaf = 0; leaf < 300; ++leaf) {
    EXPECT_EQ(StoredNodeId(0, leaf), next++) << leaf;
    int level = 0;
    for (int64_t n = leaf; (n & 1) != 0; n >>= 1) {
      ++level;
      EXPECT_EQ(StoredNodeId(level, leaf >> level), next++) << leaf << " " << level;
    }
  }
}

TEST(MerkleTest, Base64AndHexRoundTrip) {
  const Hash h = Sha256("x");
  auto back = FromBase64(Base64(h), "hash");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, std::string(AsBytes(h)));
  EXPECT_FALSE(FromBase64("not base64!", "hash"));
  EXPECT_EQ(Hex("\x01\xff"), "01ff");
}

}  // namespace
}  // namespace proaktiv::audit
