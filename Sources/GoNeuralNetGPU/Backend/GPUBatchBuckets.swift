/// The batch sizes the GPU backend runs: 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, ... (powers of
/// two and 1.5× powers of two). A batch runs padded to the smallest bucket that holds it, so
/// a context sees few distinct shapes (one cuBLAS heuristic and, later, one CUDA graph per
/// bucket) and padding wastes at most a third.
public enum GPUBatchBuckets {
  /// The smallest bucket ≥ `count` (count ≥ 1).
  public static func bucket(for count: Int) -> Int {
    precondition(count >= 1, "a batch holds at least one sample")
    var power = 1
    while true {
      if power >= count { return power }
      if power >= 2 && power + power / 2 >= count { return power + power / 2 }
      power *= 2
    }
  }
}
