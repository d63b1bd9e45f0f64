#include <arrears/sim/philox.hpp>
#include <arrears/sim/random_stream.hpp>
#include <arrears/sim/running_statistics.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <set>

namespace {

using arrears::sim::philox4x32_10;
using arrears::sim::philox_block;
using arrears::sim::philox_key;
using arrears::sim::random_purpose;
using arrears::sim::random_stream;

// The three "philox4x32 10" lines of the reference implementation's kat_vectors file:
// counter, key, expected output.
TEST(philox, matches_the_published_known_answers) {
  EXPECT_EQ(philox4x32_10({0, 0, 0, 0}, {0, 0}),
            (philox_block{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(
      philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}),
      (philox_block{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(
      philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
      (philox_block{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

// The layout is the reproducibility contract: a given (seed, case, purpose, draw) is always the
// same block, in every version of arrears.
TEST(random_stream, draw_n_is_the_documented_philox_block) {
  const std::uint64_t seed = 0x0123456789abcdefu;
  const std::uint64_t case_index = 0xfedcba9876543210u;
  const std::uint64_t draw = 0x0000123456789abcu;
  random_stream stream(seed, case_index, random_purpose::repayment_fraction, draw);
  const philox_block block = philox4x32_10({0x56789abc, 2u << 16 | 0x1234, 0x76543210, 0xfedcba98},
                                           philox_key{0x89abcdef, 0x01234567});
  EXPECT_EQ(stream.next_bits(), std::uint64_t{block[0]} << 32 | block[1]);
  EXPECT_EQ(stream.draws(), draw + 1);
}

TEST(random_stream, resumes_from_a_stored_draw_index) {
  random_stream whole(7, 42, random_purpose::repayment_timing);
  for (int i = 0; i < 5; ++i) (void)whole.next_bits();
  random_stream resumed(7, 42, random_purpose::repayment_timing, whole.draws());
  for (int i = 0; i < 10; ++i) EXPECT_EQ(resumed.next_bits(), whole.next_bits());
}

TEST(random_stream, differs_by_seed_case_and_purpose) {
  std::set<std::uint64_t> first_draws;
  for (std::uint64_t seed : {1u, 2u})
    for (std::uint64_t case_index : {0u, 1u, 1024u})
      for (auto purpose : {random_purpose::repayment_timing, random_purpose::repayment_fraction})
        first_draws.insert(random_stream(seed, case_index, purpose).next_bits());
  EXPECT_EQ(first_draws.size(), 12u);
}

TEST(random_stream, uniforms_and_exponentials_have_their_moments) {
  random_stream stream(3, 5, random_purpose::repayment_timing);
  arrears::sim::running_statistics uniforms;
  arrears::sim::running_statistics exponentials;
  for (int i = 0; i < 20000; ++i) {
    const double u = stream.next_uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    uniforms.add(u);
    exponentials.add(stream.next_unit_exponential());
  }
  // Four standard errors: 0.5 +- 4 x 0.2887 / sqrt(20000), 1 +- 4 x 1 / sqrt(20000).
  EXPECT_NEAR(uniforms.mean(), 0.5, 0.0082);
  EXPECT_NEAR(uniforms.sample_variance(), 1.0 / 12, 0.0025);
  EXPECT_NEAR(exponentials.mean(), 1.0, 0.029);
  EXPECT_NEAR(exponentials.sample_variance(), 1.0, 0.12);
}

}  // namespace
