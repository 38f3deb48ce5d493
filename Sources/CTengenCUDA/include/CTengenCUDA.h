#ifndef CTENGENCUDA_H
#define CTENGENCUDA_H

#include <stddef.h>

/*
 * The few CUDA entry points Tengen's GPU backend calls, reached through dlopen/dlsym at run time
 * so that the package builds, and `swift test` runs, where no CUDA is installed.
 *
 * Every declaration below is written from NVIDIA's documented signatures (CUDA Runtime API,
 * CUDA Driver API, cuBLAS, NVRTC reference manuals); no NVIDIA header is included or copied.
 * Handles are opaque pointers; enums are passed as `int` (their size in the C ABI); every status
 * is 0 on success.
 */

/* Status codes: cudaError_t, CUresult, cublasStatus_t, nvrtcResult. */
typedef int tg_cuda_error;
typedef int tg_cu_result;
typedef int tg_cublas_status;
typedef int tg_nvrtc_result;

/* Opaque handles: cudaStream_t (the same object as the driver's CUstream), cublasHandle_t,
   CUmodule, CUfunction, nvrtcProgram. */
typedef void *tg_stream;
typedef void *tg_cublas_handle;
typedef void *tg_cu_module;
typedef void *tg_cu_function;
typedef void *tg_nvrtc_program;

/* enum cudaMemcpyKind */
enum {
  TG_MEMCPY_HOST_TO_DEVICE = 1,
  TG_MEMCPY_DEVICE_TO_HOST = 2,
  TG_MEMCPY_DEVICE_TO_DEVICE = 3,
};

/* enum cudaDeviceAttr */
enum {
  TG_DEV_ATTR_MULTIPROCESSOR_COUNT = 16,
  TG_DEV_ATTR_COMPUTE_CAPABILITY_MAJOR = 75,
  TG_DEV_ATTR_COMPUTE_CAPABILITY_MINOR = 76,
};

/* cublasOperation_t */
enum {
  TG_CUBLAS_OP_N = 0,
  TG_CUBLAS_OP_T = 1,
};

/* cudaDataType_t */
enum {
  TG_CUDA_R_32F = 0,
  TG_CUDA_R_16F = 2,
};

/* cublasComputeType_t: FP32 accumulation without TF32 (CUBLAS_COMPUTE_32F). */
enum {
  TG_CUBLAS_COMPUTE_32F = 68,
};

/* cublasGemmAlgo_t: CUBLAS_GEMM_DEFAULT. */
enum {
  TG_CUBLAS_GEMM_DEFAULT = -1,
};

/* cublasMath_t: CUBLAS_DEFAULT_MATH (no TF32 for FP32 inputs). */
enum {
  TG_CUBLAS_DEFAULT_MATH = 0,
};

/* The function table the loader fills. */
typedef struct tengen_cuda_api {
  /* libcudart */
  tg_cuda_error (*cudaGetDeviceCount)(int *count);
  tg_cuda_error (*cudaSetDevice)(int device);
  tg_cuda_error (*cudaDeviceGetAttribute)(int *value, int attribute, int device);
  tg_cuda_error (*cudaMemGetInfo)(size_t *freeBytes, size_t *totalBytes);
  tg_cuda_error (*cudaMalloc)(void **pointer, size_t bytes);
  tg_cuda_error (*cudaFree)(void *pointer);
  tg_cuda_error (*cudaMemcpyAsync)(void *dst, const void *src, size_t bytes, int kind,
                                   tg_stream stream);
  tg_cuda_error (*cudaMemsetAsync)(void *pointer, int value, size_t bytes, tg_stream stream);
  tg_cuda_error (*cudaStreamCreate)(tg_stream *stream);
  tg_cuda_error (*cudaStreamDestroy)(tg_stream stream);
  tg_cuda_error (*cudaStreamSynchronize)(tg_stream stream);
  const char *(*cudaGetErrorString)(tg_cuda_error error);
  tg_cuda_error (*cudaRuntimeGetVersion)(int *version);
  tg_cuda_error (*cudaDriverGetVersion)(int *version);

  /* libcuda (the driver) */
  tg_cu_result (*cuInit)(unsigned int flags);
  tg_cu_result (*cuModuleLoadData)(tg_cu_module *module, const void *image);
  tg_cu_result (*cuModuleUnload)(tg_cu_module module);
  tg_cu_result (*cuModuleGetFunction)(tg_cu_function *function, tg_cu_module module,
                                      const char *name);
  tg_cu_result (*cuLaunchKernel)(tg_cu_function function, unsigned int gridX, unsigned int gridY,
                                 unsigned int gridZ, unsigned int blockX, unsigned int blockY,
                                 unsigned int blockZ, unsigned int sharedBytes, tg_stream stream,
                                 void **parameters, void **extra);
  tg_cu_result (*cuGetErrorString)(tg_cu_result error, const char **text);

  /* libcublas */
  tg_cublas_status (*cublasCreate_v2)(tg_cublas_handle *handle);
  tg_cublas_status (*cublasDestroy_v2)(tg_cublas_handle handle);
  tg_cublas_status (*cublasSetStream_v2)(tg_cublas_handle handle, tg_stream stream);
  tg_cublas_status (*cublasSetMathMode)(tg_cublas_handle handle, int mode);
  tg_cublas_status (*cublasGemmEx)(tg_cublas_handle handle, int transa, int transb, int m, int n,
                                   int k, const void *alpha, const void *a, int aType, int lda,
                                   const void *b, int bType, int ldb, const void *beta, void *c,
                                   int cType, int ldc, int computeType, int algo);
  tg_cublas_status (*cublasGemmStridedBatchedEx)(
      tg_cublas_handle handle, int transa, int transb, int m, int n, int k, const void *alpha,
      const void *a, int aType, int lda, long long strideA, const void *b, int bType, int ldb,
      long long strideB, const void *beta, void *c, int cType, int ldc, long long strideC,
      int batchCount, int computeType, int algo);

  /* libnvrtc */
  tg_nvrtc_result (*nvrtcVersion)(int *major, int *minor);
  tg_nvrtc_result (*nvrtcCreateProgram)(tg_nvrtc_program *program, const char *source,
                                        const char *name, int headerCount,
                                        const char *const *headers,
                                        const char *const *includeNames);
  tg_nvrtc_result (*nvrtcCompileProgram)(tg_nvrtc_program program, int optionCount,
                                         const char *const *options);
  tg_nvrtc_result (*nvrtcGetProgramLogSize)(tg_nvrtc_program program, size_t *size);
  tg_nvrtc_result (*nvrtcGetProgramLog)(tg_nvrtc_program program, char *log);
  tg_nvrtc_result (*nvrtcGetCUBINSize)(tg_nvrtc_program program, size_t *size);
  tg_nvrtc_result (*nvrtcGetCUBIN)(tg_nvrtc_program program, char *cubin);
  tg_nvrtc_result (*nvrtcDestroyProgram)(tg_nvrtc_program *program);
  const char *(*nvrtcGetErrorString)(tg_nvrtc_result result);
} tengen_cuda_api;

/// Opens libcudart (.so.13, then .so.12), libcuda.so.1, libcublas (.so.13, .so.12) and libnvrtc
/// (.so.13, .so.12) and fills `api`. `directories` (may be NULL or empty) is a ':'-separated list
/// tried first, in order; with `defaultSearch` non-zero the bare sonames are tried afterwards
/// (dlopen's own search: LD_LIBRARY_PATH, the ld.so cache, ...). A `libnvrtc-builtins.so*`
/// found in one of `directories` is opened first with RTLD_GLOBAL so that NVRTC finds it.
///
/// Returns 1 when every library and symbol was found. Otherwise returns 0, closes what it
/// opened and writes one line into `message` (at most `messageSize` bytes, NUL-terminated),
/// e.g. "CUDA unavailable: libcudart.so.13/.12 not found (searched /a, /b, the default library
/// path)", or, for a library file that exists but does not load, "CUDA unavailable:
/// libcublas.so.13/.12 found but not loadable: <dlerror's text>".
int tengen_cuda_load(const char *directories, int defaultSearch, tengen_cuda_api *api,
                     char *message, size_t messageSize);

/// Opens only libnvrtc (as `tengen_cuda_load` does) and fills the NVRTC entries of `api`: enough
/// to compile the kernel library where there is no GPU and no driver (a build check).
int tengen_nvrtc_load(const char *directories, int defaultSearch, tengen_cuda_api *api,
                      char *message, size_t messageSize);

#endif
