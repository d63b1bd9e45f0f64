#pragma once
// Simulating cases on several threads so that the figures do not depend on how many: cases go
// in blocks of a fixed size, threads take blocks as they finish, and each block's result is
// stored at the block's index for the caller to combine in case order.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace arrears::sim::detail {

/// Small enough to share work evenly among threads, large enough that taking a block costs
/// nothing next to simulating it. Part of the reproducibility contract: changing it changes
/// the order of the floating-point sums, hence the last digits of every figure.
inline constexpr std::uint64_t cases_per_block = 1024;

/// One worker per core when `threads` is 0.
[[nodiscard]] inline std::uint64_t worker_count(std::uint64_t threads) {
  return threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

/// Calls simulate_block(first_case, end_case) for every block of [0, cases) on
/// worker_count(threads) threads (the calling thread being one of them) and returns the
/// results in block order. If a call throws, the remaining blocks are skipped and the first
/// exception is rethrown here.
template <class BlockResult, class SimulateBlock>
[[nodiscard]] std::vector<BlockResult> simulate_in_blocks(std::uint64_t cases,
                                                          std::uint64_t threads,
                                                          const SimulateBlock& simulate_block) {
  const std::uint64_t blocks = (cases + cases_per_block - 1) / cases_per_block;
  std::vector<BlockResult> results(blocks);
  std::atomic<std::uint64_t> next_block{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    try {
      for (std::uint64_t block = next_block++; block < blocks; block = next_block++) {
        const std::uint64_t first_case = block * cases_per_block;
        results[block] = simulate_block(first_case, std::min(cases, first_case + cases_per_block));
      }
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next_block = blocks;
    }
  };
  const std::uint64_t workers = std::min(worker_count(threads), std::max<std::uint64_t>(blocks, 1));
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(workers - 1);
    for (std::uint64_t helper = 1; helper < workers; ++helper) helpers.emplace_back(work);
    work();
  }  // the helpers join here
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace arrears::sim::detail
