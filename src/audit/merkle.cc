#include "audit/merkle.h"

#include <bit>

#include <fmt/format.h>

namespace proaktiv::audit {
namespace {

// The largest power of two smaller than n (n ≥ 2).
int64_t SplitPoint(int64_t n) { return int64_t{1} << (std::bit_width(uint64_t(n - 1)) - 1); }

// PATH(m, D[begin:end]) appended to `out`.
Status Path(NodeSource& source, int64_t m, int64_t begin, int64_t end, std::vector<Hash>& out) {
  const int64_t n = end - begin;
  if (n <= 1) return {};
  const int64_t k = SplitPoint(n);
  if (m < k) {
    PROAKTIV_RETURN_IF_ERROR(Path(source, m, begin, begin + k, out));
    PROAKTIV_ASSIGN_OR_RETURN(Hash right, SubtreeHash(source, begin + k, end));
    out.push_back(right);
  } else {
    PROAKTIV_RETURN_IF_ERROR(Path(source, m - k, begin + k, end, out));
    PROAKTIV_ASSIGN_OR_RETURN(Hash left, SubtreeHash(source, begin, begin + k));
    out.push_back(left);
  }
  return {};
}

// SUBPROOF(m, D[begin:end], b) appended to `out`.
Status Subproof(NodeSource& source, int64_t m, int64_t begin, int64_t end, bool b,
                std::vector<Hash>& out) {
  const int64_t n = end - begin;
  if (m == n) {
    if (!b) {
      PROAKTIV_ASSIGN_OR_RETURN(Hash whole, SubtreeHash(source, begin, end));
      out.push_back(whole);
    }
    return {};
  }
  const int64_t k = SplitPoint(n);
  if (m <= k) {
    PROAKTIV_RETURN_IF_ERROR(Subproof(source, m, begin, begin + k, b, out));
    PROAKTIV_ASSIGN_OR_RETURN(Hash right, SubtreeHash(source, begin + k, end));
    out.push_back(right);
  } else {
    PROAKTIV_RETURN_IF_ERROR(Subproof(source, m - k, begin + k, end, false, out));
    PROAKTIV_ASSIGN_OR_RETURN(Hash left, SubtreeHash(source, begin, begin + k));
    out.push_back(left);
  }
  return {};
}

bool Lsb(uint64_t x) { return (x & 1) != 0; }

// RFC 9162 §2.1.3.2 / §2.1.4.2: while `fn` is a left child (LSB unset) and not the root, shift
// `fn` and `sn` right together.
void ClimbOverLeftChildren(uint64_t& fn, uint64_t& sn) {
  while (!Lsb(fn) && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

int64_t StoredNodeId(int level, int64_t index) {
  // Appending leaf x completes the leaf, then one node per trailing one bit of x; before it,
  // the x leaves appended completed 2x − popcount(x) nodes. (level, index)'s last leaf is x.
  const uint64_t x = (uint64_t(index + 1) << level) - 1;
  return int64_t(2 * x - uint64_t(std::popcount(x))) + level;
}

Result<Hash> SubtreeHash(NodeSource& source, int64_t begin, int64_t end) {
  const int64_t n = end - begin;
  if (n <= 0 || begin < 0) {
    return Internal(fmt::format("subtree [{}, {}) is empty or negative", begin, end));
  }
  if (std::has_single_bit(uint64_t(n))) {
    if (begin % n != 0) {
      return Internal(fmt::format("subtree [{}, {}) is not aligned", begin, end));
    }
    return source.PerfectNode(std::countr_zero(uint64_t(n)), begin / n);
  }
  const int64_t k = SplitPoint(n);
  PROAKTIV_ASSIGN_OR_RETURN(Hash left, SubtreeHash(source, begin, begin + k));
  PROAKTIV_ASSIGN_OR_RETURN(Hash right, SubtreeHash(source, begin + k, end));
  return NodeHash(left, right);
}

Result<Hash> RootHash(NodeSource& source, int64_t size) {
  if (size < 0) return InvalidArgument(fmt::format("tree size {} is negative", size));
  if (size == 0) return Sha256("");
  return SubtreeHash(source, 0, size);
}

Result<std::vector<Hash>> InclusionProof(NodeSource& source, int64_t index, int64_t size) {
  if (index < 0 || index >= size) {
    return InvalidArgument(fmt::format("leaf index {} is not in a tree of size {}", index, size));
  }
  std::vector<Hash> out;
  PROAKTIV_RETURN_IF_ERROR(Path(source, index, 0, size, out));
  return out;
}

Result<std::vector<Hash>> ConsistencyProof(NodeSource& source, int64_t old_size, int64_t new_size) {
  if (old_size < 0 || old_size > new_size) {
    return InvalidArgument(
        fmt::format("tree size {} cannot precede tree size {}", old_size, new_size));
  }
  std::vector<Hash> out;
  if (old_size == 0 || old_size == new_size) return out;
  PROAKTIV_RETURN_IF_ERROR(Subproof(source, old_size, 0, new_size, true, out));
  return out;
}

Status VerifyInclusion(int64_t index, int64_t size, const Hash& leaf_hash,
                       const std::vector<Hash>& proof, const Hash& root) {
  if (index < 0 || index >= size) {
    return FailedPrecondition(
        fmt::format("leaf index {} is not in a tree of size {}", index, size));
  }
  uint64_t fn = uint64_t(index), sn = uint64_t(size - 1);
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return FailedPrecondition("inclusion proof is longer than the tree is deep");
    if (Lsb(fn) || fn == sn) {
      r = NodeHash(p, r);
      ClimbOverLeftChildren(fn, sn);
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return FailedPrecondition("inclusion proof is shorter than the tree is deep");
  if (r != root) return FailedPrecondition("inclusion proof does not lead to the root");
  return {};
}

Status VerifyConsistency(int64_t old_size, int64_t new_size, const Hash& old_root,
                         const Hash& new_root, const std::vector<Hash>& proof) {
  if (old_size < 0 || old_size > new_size) {
    return FailedPrecondition(
        fmt::format("tree size {} cannot precede tree size {}", old_size, new_size));
  }
  if (old_size == new_size) {
    if (!proof.empty()) return FailedPrecondition("consistency proof of equal sizes is not empty");
    if (old_root != new_root) return FailedPrecondition("equal tree sizes with different roots");
    return {};
  }
  if (old_size == 0) {
    if (!proof.empty()) return FailedPrecondition("consistency proof from size 0 is not empty");
    return {};
  }
  if (proof.empty()) return FailedPrecondition("consistency proof is empty");
  std::vector<Hash> path;
  path.reserve(proof.size() + 1);
  if (std::has_single_bit(uint64_t(old_size))) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  uint64_t fn = uint64_t(old_size - 1), sn = uint64_t(new_size - 1);
  while (Lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return FailedPrecondition("consistency proof is longer than the tree is deep");
    if (Lsb(fn) || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      ClimbOverLeftChildren(fn, sn);
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return FailedPrecondition("consistency proof is shorter than the tree is deep");
  if (fr != old_root) return FailedPrecondition("consistency proof does not lead to the old root");
  if (sr != new_root) return FailedPrecondition("consistency proof does not lead to the new root");
  return {};
}

Hash RootOfFrontier(const std::vector<Hash>& frontier) {
  if (frontier.empty()) return Sha256("");
  Hash r = frontier.back();
  for (size_t i = frontier.size() - 1; i-- > 0;) r = NodeHash(frontier[i], r);
  return r;
}

}  // namespace proaktiv::audit
