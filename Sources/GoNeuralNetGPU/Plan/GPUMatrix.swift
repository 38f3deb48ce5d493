/// A weight matrix in device memory, row-major `[rows][cols]` (to cuBLAS: column-major
/// cols × rows with leading dimension `cols`).
struct GPUMatrix: Sendable {
  let pointer: DevicePointer
  let type: GPUScalarType
  let rows: Int
  let cols: Int
}
