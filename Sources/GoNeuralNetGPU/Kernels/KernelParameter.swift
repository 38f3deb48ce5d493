/// One parameter of a kernel, declared once for both the CUDA C signature and the twin's
/// argument checks: `"const T* x"`, `"float* out"`, `"int rows"`, `"float eps"`. `T` is the
/// kernel's storage type (`float` or FP16 bits, `unsigned short`).
public struct KernelParameter: Sendable, Equatable {
  /// The C declaration with `T` unresolved.
  public let declaration: String
  /// The parameter's name (the declaration's last word).
  public let name: String
  /// Pointer, int or float.
  public let kind: KernelParameterKind

  /// Parses a declaration of the form `[const] TYPE[*] NAME` with TYPE one of `T`, `float`, `int`.
  public init(_ declaration: String) {
    self.declaration = declaration
    let words = declaration.split(separator: " ")
    name = String(words.last ?? "")
    if declaration.contains("*") {
      kind = .pointer
    } else if words.first == "int" {
      kind = .int
    } else {
      precondition(words.first == "float", "kernel parameter \(declaration): use T*, float*, int or float")
      kind = .float
    }
  }

  /// The declaration with `T` resolved to the C type of `storage`.
  func cDeclaration(storage: GPUScalarType?) -> String {
    guard let storage else { return declaration }
    return declaration.replacingAll("T*", with: storage.cType + "*")
  }
}
