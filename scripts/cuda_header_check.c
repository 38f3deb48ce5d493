/*
 * Checks the hand-written declarations of Sources/CTengenCUDA/include/CTengenCUDA.h against
 * NVIDIA's real headers (run by scripts/cuda_header_check.sh where the headers are installed;
 * nothing here is part of the build). For every function the loader looks up, the real
 * function is assigned to a pointer whose type spells out, in the real header's types, the
 * signature CTengenCUDA.h declares with its own (int for enums and statuses, void * for
 * handles); -Werror turns any difference in arity, order or types into an error. Enum values
 * and handle sizes are static-asserted, and a function name that the header turns into a
 * macro (a versioned symbol such as _v2 or _ptsz) is an error, since the loader looks the bare
 * name up with dlsym.
 */
#include <cuda.h>
#include <cuda_runtime_api.h>
#include <library_types.h>
#include <nvrtc.h>
#ifdef TG_CHECK_CUBLAS
#include <cublas_v2.h>
#endif

#include "CTengenCUDA.h"

#define SAME_SIZE(a, b) _Static_assert(sizeof(a) == sizeof(b), #a " and " #b " differ in size")
#define VALUE(ours, theirs) _Static_assert((int)(ours) == (int)(theirs), #ours " != " #theirs)

SAME_SIZE(cudaError_t, tg_cuda_error);
SAME_SIZE(CUresult, tg_cu_result);
SAME_SIZE(nvrtcResult, tg_nvrtc_result);
SAME_SIZE(cudaStream_t, tg_stream);
SAME_SIZE(CUstream, tg_stream);
SAME_SIZE(CUmodule, tg_cu_module);
SAME_SIZE(CUfunction, tg_cu_function);
SAME_SIZE(nvrtcProgram, tg_nvrtc_program);
SAME_SIZE(enum cudaMemcpyKind, int);
SAME_SIZE(enum cudaDeviceAttr, int);
VALUE(TG_MEMCPY_HOST_TO_DEVICE, cudaMemcpyHostToDevice);
VALUE(TG_MEMCPY_DEVICE_TO_HOST, cudaMemcpyDeviceToHost);
VALUE(TG_MEMCPY_DEVICE_TO_DEVICE, cudaMemcpyDeviceToDevice);
VALUE(TG_DEV_ATTR_MULTIPROCESSOR_COUNT, cudaDevAttrMultiProcessorCount);
VALUE(TG_DEV_ATTR_COMPUTE_CAPABILITY_MAJOR, cudaDevAttrComputeCapabilityMajor);
VALUE(TG_DEV_ATTR_COMPUTE_CAPABILITY_MINOR, cudaDevAttrComputeCapabilityMinor);
VALUE(TG_CUDA_R_32F, CUDA_R_32F);
VALUE(TG_CUDA_R_16F, CUDA_R_16F);
VALUE(cudaSuccess, 0);
VALUE(CUDA_SUCCESS, 0);
VALUE(NVRTC_SUCCESS, 0);

#if defined(cudaGetDeviceCount) || defined(cudaSetDevice) || defined(cudaDeviceGetAttribute) ||    \
    defined(cudaMemGetInfo) || defined(cudaMalloc) || defined(cudaFree) ||                         \
    defined(cudaMemcpyAsync) || defined(cudaMemsetAsync) || defined(cudaStreamCreate) ||           \
    defined(cudaStreamDestroy) || defined(cudaStreamSynchronize) || defined(cudaGetErrorString) || \
    defined(cudaRuntimeGetVersion) || defined(cudaDriverGetVersion)
#error "a CUDA runtime function the loader looks up by its bare name is a macro"
#endif
#if defined(cuInit) || defined(cuModuleLoadData) || defined(cuModuleUnload) ||                    \
    defined(cuModuleGetFunction) || defined(cuLaunchKernel) || defined(cuGetErrorString)
#error "a driver function the loader looks up by its bare name is a macro"
#endif

void tg_check_runtime(void) {
  cudaError_t (*a)(int *) = cudaGetDeviceCount;
  cudaError_t (*b)(int) = cudaSetDevice;
  cudaError_t (*c)(int *, enum cudaDeviceAttr, int) = cudaDeviceGetAttribute;
  cudaError_t (*d)(size_t *, size_t *) = cudaMemGetInfo;
  cudaError_t (*e)(void **, size_t) = cudaMalloc;
  cudaError_t (*f)(void *) = cudaFree;
  cudaError_t (*g)(void *, const void *, size_t, enum cudaMemcpyKind, cudaStream_t) = cudaMemcpyAsync;
  cudaError_t (*h)(void *, int, size_t, cudaStream_t) = cudaMemsetAsync;
  cudaError_t (*i)(cudaStream_t *) = cudaStreamCreate;
  cudaError_t (*j)(cudaStream_t) = cudaStreamDestroy;
  cudaError_t (*k)(cudaStream_t) = cudaStreamSynchronize;
  const char *(*l)(cudaError_t) = cudaGetErrorString;
  cudaError_t (*m)(int *) = cudaRuntimeGetVersion;
  cudaError_t (*n)(int *) = cudaDriverGetVersion;
  (void)a, (void)b, (void)c, (void)d, (void)e, (void)f, (void)g, (void)h, (void)i, (void)j, (void)k;
  (void)l, (void)m, (void)n;
}

void tg_check_driver(void) {
  CUresult (*a)(unsigned int) = cuInit;
  CUresult (*b)(CUmodule *, const void *) = cuModuleLoadData;
  CUresult (*c)(CUmodule) = cuModuleUnload;
  CUresult (*d)(CUfunction *, CUmodule, const char *) = cuModuleGetFunction;
  CUresult (*e)(CUfunction, unsigned int, unsigned int, unsigned int, unsigned int, unsigned int,
                unsigned int, unsigned int, CUstream, void **, void **) = cuLaunchKernel;
  CUresult (*f)(CUresult, const char **) = cuGetErrorString;
  (void)a, (void)b, (void)c, (void)d, (void)e, (void)f;
}

void tg_check_nvrtc(void) {
  nvrtcResult (*a)(int *, int *) = nvrtcVersion;
  nvrtcResult (*b)(nvrtcProgram *, const char *, const char *, int, const char *const *,
                   const char *const *) = nvrtcCreateProgram;
  nvrtcResult (*c)(nvrtcProgram, int, const char *const *) = nvrtcCompileProgram;
  nvrtcResult (*d)(nvrtcProgram, size_t *) = nvrtcGetProgramLogSize;
  nvrtcResult (*e)(nvrtcProgram, char *) = nvrtcGetProgramLog;
  nvrtcResult (*f)(nvrtcProgram, size_t *) = nvrtcGetCUBINSize;
  nvrtcResult (*g)(nvrtcProgram, char *) = nvrtcGetCUBIN;
  nvrtcResult (*h)(nvrtcProgram *) = nvrtcDestroyProgram;
  const char *(*i)(nvrtcResult) = nvrtcGetErrorString;
  (void)a, (void)b, (void)c, (void)d, (void)e, (void)f, (void)g, (void)h, (void)i;
}

#ifdef TG_CHECK_CUBLAS
SAME_SIZE(cublasStatus_t, tg_cublas_status);
SAME_SIZE(cublasHandle_t, tg_cublas_handle);
SAME_SIZE(cublasOperation_t, int);
SAME_SIZE(cudaDataType, int);
SAME_SIZE(cublasComputeType_t, int);
SAME_SIZE(cublasGemmAlgo_t, int);
SAME_SIZE(cublasMath_t, int);
VALUE(TG_CUBLAS_OP_N, CUBLAS_OP_N);
VALUE(TG_CUBLAS_OP_T, CUBLAS_OP_T);
VALUE(TG_CUBLAS_COMPUTE_32F, CUBLAS_COMPUTE_32F);
VALUE(TG_CUBLAS_GEMM_DEFAULT, CUBLAS_GEMM_DEFAULT);
VALUE(TG_CUBLAS_DEFAULT_MATH, CUBLAS_DEFAULT_MATH);
VALUE(CUBLAS_STATUS_SUCCESS, 0);
/* cublas_v2.h maps cublasCreate to cublasCreate_v2 (the loader looks up the _v2 names). */
#if defined(cublasSetMathMode) || defined(cublasGemmEx) || defined(cublasGemmStridedBatchedEx)
#error "a cuBLAS function the loader looks up by its bare name is a macro"
#endif

void tg_check_cublas(void) {
  cublasStatus_t (*a)(cublasHandle_t *) = cublasCreate_v2;
  cublasStatus_t (*b)(cublasHandle_t) = cublasDestroy_v2;
  cublasStatus_t (*c)(cublasHandle_t, cudaStream_t) = cublasSetStream_v2;
  cublasStatus_t (*d)(cublasHandle_t, cublasMath_t) = cublasSetMathMode;
  cublasStatus_t (*e)(cublasHandle_t, cublasOperation_t, cublasOperation_t, int, int, int,
                      const void *, const void *, cudaDataType, int, const void *, cudaDataType,
                      int, const void *, void *, cudaDataType, int, cublasComputeType_t,
                      cublasGemmAlgo_t) = cublasGemmEx;
  cublasStatus_t (*f)(cublasHandle_t, cublasOperation_t, cublasOperation_t, int, int, int,
                      const void *, const void *, cudaDataType, int, long long int, const void *,
                      cudaDataType, int, long long int, const void *, void *, cudaDataType, int,
                      long long int, int, cublasComputeType_t,
                      cublasGemmAlgo_t) = cublasGemmStridedBatchedEx;
  (void)a, (void)b, (void)c, (void)d, (void)e, (void)f;
}
#endif
