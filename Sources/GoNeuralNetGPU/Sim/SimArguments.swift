public import GoNeuralNet

/// A kernel launch's arguments as the Swift twin sees them: pointers resolved to bounds-checked
/// tensors over simulator memory, ints and floats as values. Accessors stop the process on a
/// kind mismatch (a twin that reads its arguments wrongly is a bug in the twin).
public struct SimArguments {
  /// The kernel's name (for messages).
  public let kernel: String
  /// The arguments, in parameter order.
  public let values: [KernelArgument]
  /// For each pointer argument: its host address and the bytes to the end of its allocation.
  let regions: [(base: UnsafeMutableRawPointer, bytes: Int)?]

  /// Argument `index`, a pointer, as a tensor of `type`.
  public func tensor(_ index: Int, _ type: GPUScalarType) -> SimTensor {
    guard let r = regions[index] else { preconditionFailure("\(kernel): argument \(index) is not a pointer") }
    return SimTensor(base: r.base, count: r.bytes / type.size, type: type, label: "\(kernel) argument \(index)")
  }

  /// Argument `index`, a pointer, as an FP32 tensor.
  public func f32(_ index: Int) -> SimTensor { tensor(index, .f32) }

  /// Argument `index`, an int.
  public func int(_ index: Int) -> Int {
    guard case .int(let v) = values[index] else { preconditionFailure("\(kernel): argument \(index) is not an int") }
    return Int(v)
  }

  /// Argument `index`, a float.
  public func float(_ index: Int) -> Float {
    guard case .float(let v) = values[index] else { preconditionFailure("\(kernel): argument \(index) is not a float") }
    return v
  }

  /// Argument `index`, an int activation code (`ActivationKind.rawValue`).
  public func activation(_ index: Int) -> ActivationKind {
    guard let a = ActivationKind(rawValue: int(index)) else {
      preconditionFailure("\(kernel): argument \(index) is not an activation code")
    }
    return a
  }
}
