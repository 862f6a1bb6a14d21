// The proaktiv executable allocates through jemalloc (linked in non-sanitizer builds, see
// src/cli/CMakeLists.txt) rather than glibc's malloc, configured here.
//
// Why: intake and the engine allocate and free hundreds of megabytes per batch (SQLite's page
// cache, decoded persons). With glibc's malloc in 4 kB pages every batch pays ~50 000 page
// faults, which on this kind of virtual machine cost more than the work itself; jemalloc backed
// by transparent huge pages (2 MB) pays a few thousand. Bergen's year of feed: 28 k → 42 k
// events/s (bench/intake_throughput.sh). On a kernel whose THP mode is "never" the setting is
// ignored. Configure with -DPROAKTIV_JEMALLOC=OFF for glibc's malloc.
//
// Background threads return freed memory to the system off the allocating threads: without
// them `proaktiv gen --all`, which frees gigabytes as it goes, took 64 s instead of glibc's 53 s
// (with them 55 s); never returning memory would be faster still but peaks above 4 GiB.

extern "C" {
// Read by jemalloc when it initialises (opt.thp, opt.metadata_thp, opt.background_thread).
// NOLINTNEXTLINE: the name and linkage are jemalloc's contract.
const char* malloc_conf = "thp:always,metadata_thp:always,background_thread:true";
}
