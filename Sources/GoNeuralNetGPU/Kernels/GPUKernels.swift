/// The GPU backend's kernel library: every kernel in every storage variant, the CUDA C source
/// NVRTC compiles, and lookup by name for `SimDevice`.
///
/// Kernels are deliberately simple (one thread per output element, row or (sample, channel);
/// no shared memory), so that each Swift twin can mirror its CUDA C exactly; faster kernels
/// come with a device to measure them on.
public enum GPUKernels {
  /// Every kernel: the storage-generic ones in FP32 and FP16, then the FP32-only ones.
  public static let all: [GPUKernel] = {
    var out: [GPUKernel] = []
    for t in GPUScalarType.allCases {
      out += [
        inputNHWC(t), im2col(t), normAct(t), addSampleBias(t), globalPool(t), valuePool(t),
        rmsNorm(t), tipSumSquares(t), tipRMSAct(t), rope(t), softmax(t), swiglu(t),
      ]
    }
    out += [maskSum(), biasAct(), tipScale()]
    return out
  }()

  /// Kernels by `name`.
  public static let named: [String: GPUKernel] = {
    var d: [String: GPUKernel] = [:]
    for k in all {
      precondition(d[k.name] == nil, "duplicate kernel \(k.name)")
      d[k.name] = k
    }
    return d
  }()

  /// The helpers every kernel uses. On the device (`__CUDACC_RTC__`, i.e. under NVRTC) FP16 is
  /// converted with `cvt` instructions, so no CUDA header is needed; a host compiler (the
  /// test's check of this source, `hostHarnessSource`) supplies its own `tg_ld`/`tg_st`.
  public static let prelude = """
    #ifdef __CUDACC_RTC__
    __device__ __forceinline__ float tg_ld(float v) { return v; }
    __device__ __forceinline__ float tg_ld(unsigned short h) {
      float f;
      asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
      return f;
    }
    __device__ __forceinline__ void tg_st(float *p, float v) { *p = v; }
    __device__ __forceinline__ void tg_st(unsigned short *p, float v) {
      unsigned short h;
      asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(v));
      *p = h;
    }
    #define TG_NEG_INF __int_as_float(0xff800000)
    #endif

    // KataGo's activations: 0 identity, 1 ReLU, 2 Mish, 3 SiLU (ActivationKind.apply).
    __device__ __forceinline__ float tg_act(float x, int kind) {
      if (kind == 1) return x > 0.0f ? x : 0.0f;
      if (kind == 2) {
        float softplus = log1pf(expf(fminf(x, 20.0f))) + fmaxf(x - 20.0f, 0.0f);
        return x * tanhf(softplus);
      }
      if (kind == 3) return x / (1.0f + expf(-x));
      return x;
    }

    """

  /// The whole CUDA C translation unit: the prelude and every kernel.
  public static let source: String = prelude + all.map(\.source).joined(separator: "\n")

  /// A C++ file that compiles `source` for the host CPU: CUDA's qualifiers become nothing,
  /// `blockIdx`/`blockDim`/`threadIdx` are thread-local globals, FP16 is `_Float16`, and every kernel gets
  /// an `extern "C" void tg_host_<name>(void **arguments, long long blocks, int threads)`
  /// that runs its grid thread by thread, taking arguments as `cuLaunchKernel` does (an array
  /// of pointers to each value). Used by the tests to run the CUDA C itself against the twins.
  public static var hostHarnessSource: String {
    var text = """
      #include <math.h>
      #include <string.h>
      #define __global__
      #define __device__
      #define __forceinline__ inline
      struct tg_dim3 { unsigned int x, y, z; };
      static thread_local tg_dim3 blockIdx, blockDim, threadIdx;
      static inline float tg_ld(float v) { return v; }
      static inline float tg_ld(unsigned short h) { _Float16 f; memcpy(&f, &h, 2); return (float)f; }
      static inline void tg_st(float *p, float v) { *p = v; }
      static inline void tg_st(unsigned short *p, float v) { _Float16 f = (_Float16)v; memcpy(p, &f, 2); }
      #define TG_NEG_INF (-INFINITY)

      """
    text += source
    for k in all {
      let args = k.parameters.enumerated().map { index, p -> String in
        let decl = p.cDeclaration(storage: k.storage)
        let type = String(decl.dropLast(p.name.count)).trimmingSpaces
        return "*(\(type) *)arguments[\(index)]"
      }
      text += """

        extern "C" void tg_host_\(k.name)(void **arguments, long long blocks, int threads) {
          blockDim.x = (unsigned int)threads;
          for (long long b = 0; b < blocks; b++) {
            for (int t = 0; t < threads; t++) {
              blockIdx.x = (unsigned int)b;
              threadIdx.x = (unsigned int)t;
              \(k.name)(\(args.joined(separator: ", ")));
            }
          }
        }

        """
    }
    return text
  }
}
