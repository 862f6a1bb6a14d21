#!/usr/bin/env bash
# Runs every test of proaktiv on this machine, installing what it needs first:
#   1. the clang-format check of all C++ sources,
#   2. the release build and every test (unit, integration, golden),
#   3. the libFuzzer targets (FEEL, DMN loader), built with clang, 30 seconds each,
#   4. the unit tests and the DMN TCK again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Ends with CTest's summary line; exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

echo "== clang-format check"
mapfile -t sources < <(git ls-files '*.h' '*.cc')
if ! clang-format --dry-run --Werror "${sources[@]}" 2> format.log; then
  head -40 format.log
  echo "clang-format: the files above need formatting (clang-format -i FILE)"
  exit 1
fi
rm -f format.log
echo "clang-format: ${#sources[@]} files clean"

echo "== release build and all tests"
./scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 900

echo "== fuzzing (bounded)"
./scripts/fuzz.sh 30

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
./scripts/build.sh build-asan -DPROAKTIV_SANITIZE=ON -DPROAKTIV_BENCH=OFF
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -L "unit|tck" --timeout 900
