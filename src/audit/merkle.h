#pragma once

// The Merkle tree of RFC 9162 §2.1 over a log of leaves: the tree head (MTH) of any size,
// inclusion proofs (§2.1.3) and consistency proofs (§2.1.4), generated from the hashes of
// completed perfect subtrees and verified by the RFC's algorithms.
//
// A perfect subtree (level l, index i) covers the leaves [i·2^l, (i+1)·2^l); level 0 is a leaf
// hash. Every range the RFC's recursion visits splits into O(log n) of them, so a root, an
// inclusion proof and a consistency proof each read O(log n) nodes from a NodeSource, never
// every leaf.
//
// Stored nodes are numbered in post-order (StoredNodeId), the order in which appends complete
// them, so a log appends its nodes at the end of its node table.
//
// Pure functions over the caller's NodeSource; thread-safe when the source is.

#include <cstdint>
#include <vector>

#include "audit/hash.h"
#include "common/result.h"

namespace proaktiv::audit {

// Where proofs read their nodes from. Only completed perfect subtrees are asked for.
class NodeSource {
 public:
  virtual ~NodeSource() = default;
  virtual Result<Hash> PerfectNode(int level, int64_t index) = 0;
};

// The post-order number of perfect subtree (level, index): the number of nodes, leaves
// included, completed before it by appends. Leaf n is 2n − popcount(n).
int64_t StoredNodeId(int level, int64_t index);

// MTH of the leaves [begin, end), where begin is a multiple of the smallest power of two not
// below end − begin (true of every range the RFC's recursion visits, and of [0, n)).
Result<Hash> SubtreeHash(NodeSource& source, int64_t begin, int64_t end);
// MTH(D[size]); the hash of the empty string for size 0.
Result<Hash> RootHash(NodeSource& source, int64_t size);

// PATH(index, D[size]), the audit path from the leaf's sibling up (RFC 9162 §2.1.3.1).
Result<std::vector<Hash>> InclusionProof(NodeSource& source, int64_t index, int64_t size);
// PROOF(old_size, D[new_size]) (RFC 9162 §2.1.4.1); empty when old_size is 0 or new_size.
Result<std::vector<Hash>> ConsistencyProof(NodeSource& source, int64_t old_size, int64_t new_size);

// RFC 9162 §2.1.3.2: OK when `proof` shows the leaf with `leaf_hash` at `index` in the tree of
// `size` leaves whose root is `root`; FailedPrecondition saying why otherwise.
Status VerifyInclusion(int64_t index, int64_t size, const Hash& leaf_hash,
                       const std::vector<Hash>& proof, const Hash& root);
// RFC 9162 §2.1.4.2: OK when `proof` shows the tree of old_size leaves with `old_root` to be a
// prefix of the tree of new_size leaves with `new_root`.
Status VerifyConsistency(int64_t old_size, int64_t new_size, const Hash& old_root,
                         const Hash& new_root, const std::vector<Hash>& proof);

// The root of a log from its frontier: the perfect subtrees of [0, n), largest first.
Hash RootOfFrontier(const std::vector<Hash>& frontier);

}  // namespace proaktiv::audit
