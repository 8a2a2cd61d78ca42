// What every entry point of the boundary shares: arrays live in the module's linear memory and cross as
// addresses (embind cannot pass pointers to numbers), read here as typed pointers; an index from JS names a
// catalogue row or an enum value only after the one check below.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/catalogue.hpp"

namespace alab::wasm {

using Address = std::uintptr_t;

// The array at address `a` as T* (the caller checked that `a` is not 0 where it reads or writes).
template <typename T>
T* at(Address a) {
  return reinterpret_cast<T*>(a);
}

// Whether `fn_index` names a catalogue row.
inline bool fn_index_valid(int fn_index) { return fn_index >= 0 && static_cast<std::size_t>(fn_index) < kFnCount; }

// Whether `fn_index` names a catalogue row and the kMaxParams doubles at `params` are valid for it.
inline bool fn_and_params_valid(int fn_index, Address params) {
  return fn_index_valid(fn_index) && params != 0 && params_valid(static_cast<Fn>(fn_index), at<const double>(params));
}

// `value` as an enum E that ends in `count`; `E::count` when out of range.
template <typename E>
E enum_of(int value) {
  return (value >= 0 && value < static_cast<int>(E::count)) ? static_cast<E>(value) : E::count;
}

}  // namespace alab::wasm
