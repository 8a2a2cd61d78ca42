// Toy two-dimensional classification data for the training demo: points in [−1, 1]² (before noise)
// with labels 0 or 1, half of each class. Deterministic for a seed, and identical natively and in
// WebAssembly (see random.hpp), so a seed in a shared link reproduces the same picture.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace alab {

// The data sets, and beside them their ids in enum order (the names the JS API and links use); a data set
// added without its id fails the build.
enum class Dataset : std::uint8_t { xor_quadrants, circle, spirals, gaussians, count };
inline constexpr const char* kDatasetIds[] = {"xor", "circle", "spirals", "gaussians"};
static_assert(std::size(kDatasetIds) == static_cast<std::size_t>(Dataset::count));

inline constexpr std::uint32_t kMinDatasetSize = 2;
inline constexpr std::uint32_t kMaxDatasetSize = 100000;
inline constexpr double kMaxDatasetNoise = 1.0;

// The data set's id; "" for `count`.
inline const char* dataset_id(Dataset d) { return d < Dataset::count ? kDatasetIds[static_cast<std::size_t>(d)] : ""; }
std::optional<Dataset> find_dataset(std::string_view id);

// Empty when n and noise are in range, else a message saying which and why.
std::string check_dataset(std::uint32_t n, double noise);

// Writes n points to xs (x0, y0, x1, y1, …: 2n values) and their labels to ys (n values of 0 or 1).
// `noise` is the standard deviation of a Gaussian displacement added to each point after labelling,
// in the same units as the [−1, 1] square. Preconditions: check_dataset(n, noise) is empty.
void make_dataset(Dataset d, std::uint32_t n, double noise, std::uint64_t seed, double* xs, double* ys);

}  // namespace alab
