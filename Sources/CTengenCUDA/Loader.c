#include "CTengenCUDA.h"

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* One library: the sonames to try in order and how to describe them in a message. */
typedef struct {
  const char *names[3];
  const char *label;
} library_spec;

static const library_spec CUDART = {{"libcudart.so.13", "libcudart.so.12", NULL},
                                    "libcudart.so.13/.12"};
static const library_spec DRIVER = {{"libcuda.so.1", NULL, NULL},
                                    "libcuda.so.1 (the NVIDIA driver)"};
static const library_spec CUBLAS = {{"libcublas.so.13", "libcublas.so.12", NULL},
                                    "libcublas.so.13/.12"};
static const library_spec NVRTC = {{"libnvrtc.so.13", "libnvrtc.so.12", NULL},
                                   "libnvrtc.so.13/.12"};

/* Copies the next ':'-separated entry of `*cursor` into `out`; 0 when there is none left. */
static int next_directory(const char **cursor, char *out, size_t size) {
  while (**cursor == ':') (*cursor)++;
  if (**cursor == 0) return 0;
  const char *end = strchr(*cursor, ':');
  size_t length = end ? (size_t)(end - *cursor) : strlen(*cursor);
  if (length >= size) length = size - 1;
  memcpy(out, *cursor, length);
  out[length] = 0;
  *cursor += end ? (size_t)(end - *cursor) : strlen(*cursor);
  return 1;
}

/* Opens the first soname of `spec` found in `directories`, then (if allowed) by bare name. A
   file that exists but does not open (a missing dependency, a wrong architecture) leaves
   dlerror's text in `failure` (else it is set empty). */
static void *open_library(const library_spec *spec, const char *directories, int defaultSearch,
                          char *failure, size_t failureSize) {
  char path[4096];
  char directory[4000];
  failure[0] = 0;
  for (int i = 0; i < 3 && spec->names[i]; i++) {
    const char *cursor = directories ? directories : "";
    while (next_directory(&cursor, directory, sizeof directory)) {
      snprintf(path, sizeof path, "%s/%s", directory, spec->names[i]);
      void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
      if (handle) return handle;
      if (access(path, F_OK) == 0 && !failure[0]) {
        const char *why = dlerror();
        snprintf(failure, failureSize, "%s", why ? why : path);
      }
    }
  }
  if (defaultSearch) {
    for (int i = 0; i < 3 && spec->names[i]; i++) {
      void *handle = dlopen(spec->names[i], RTLD_NOW | RTLD_LOCAL);
      if (handle) return handle;
    }
  }
  return NULL;
}

/* NVRTC dlopens its builtins library by a versioned name at compile time; open the first
   libnvrtc-builtins.so* of `directories` globally so that it is already there. Optional. */
static void preload_nvrtc_builtins(const char *directories) {
  char directory[4000];
  char path[4600];
  const char *cursor = directories ? directories : "";
  while (next_directory(&cursor, directory, sizeof directory)) {
    DIR *d = opendir(directory);
    if (!d) continue;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
      if (strncmp(entry->d_name, "libnvrtc-builtins.so", 20) == 0 &&
          strstr(entry->d_name, ".alt") == NULL) {
        snprintf(path, sizeof path, "%s/%s", directory, entry->d_name);
        if (dlopen(path, RTLD_NOW | RTLD_GLOBAL)) {
          closedir(d);
          return;
        }
      }
    }
    closedir(d);
  }
}

/* Describes the directories searched, for the "not found" message. */
static void describe_search(const char *directories, int defaultSearch, char *out, size_t size) {
  out[0] = 0;
  char directory[4000];
  const char *cursor = directories ? directories : "";
  size_t used = 0;
  while (next_directory(&cursor, directory, sizeof directory) && used + 1 < size) {
    int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", directory);
    if (n < 0) break;
    used += (size_t)n;
  }
  if (defaultSearch && used + 1 < size)
    snprintf(out + used, size - used, "%sthe default library path", used ? ", " : "");
}

#define LOOKUP(handle, label, field)                                                         \
  do {                                                                                       \
    *(void **)(&api->field) = dlsym(handle, #field);                                         \
    if (!api->field) {                                                                       \
      snprintf(message, messageSize, "CUDA unavailable: symbol %s not found in %s", #field, \
               label);                                                                       \
      goto fail;                                                                             \
    }                                                                                        \
  } while (0)

/* Fills the NVRTC entries of `api` from an opened libnvrtc; 0 (with a message) if one is missing. */
static int lookup_nvrtc(void *rtc, tengen_cuda_api *api, char *message, size_t messageSize) {
  LOOKUP(rtc, NVRTC.label, nvrtcVersion);
  LOOKUP(rtc, NVRTC.label, nvrtcCreateProgram);
  LOOKUP(rtc, NVRTC.label, nvrtcCompileProgram);
  LOOKUP(rtc, NVRTC.label, nvrtcGetProgramLogSize);
  LOOKUP(rtc, NVRTC.label, nvrtcGetProgramLog);
  LOOKUP(rtc, NVRTC.label, nvrtcGetCUBINSize);
  LOOKUP(rtc, NVRTC.label, nvrtcGetCUBIN);
  LOOKUP(rtc, NVRTC.label, nvrtcDestroyProgram);
  LOOKUP(rtc, NVRTC.label, nvrtcGetErrorString);
  return 1;
fail:
  return 0;
}

int tengen_cuda_load(const char *directories, int defaultSearch, tengen_cuda_api *api,
                     char *message, size_t messageSize) {
  void *handles[4] = {NULL, NULL, NULL, NULL};
  const library_spec *specs[4] = {&CUDART, &DRIVER, &CUBLAS, &NVRTC};
  memset(api, 0, sizeof *api);
  if (messageSize) message[0] = 0;
  preload_nvrtc_builtins(directories);
  for (int i = 0; i < 4; i++) {
    char failure[1024];
    handles[i] = open_library(specs[i], directories, defaultSearch, failure, sizeof failure);
    if (!handles[i]) {
      if (failure[0]) {
        snprintf(message, messageSize, "CUDA unavailable: %s found but not loadable: %s",
                 specs[i]->label, failure);
      } else {
        char searched[2048];
        describe_search(directories, defaultSearch, searched, sizeof searched);
        snprintf(message, messageSize, "CUDA unavailable: %s not found (searched %s)",
                 specs[i]->label, searched[0] ? searched : "nothing");
      }
      goto fail;
    }
  }
  void *rt = handles[0], *drv = handles[1], *blas = handles[2], *rtc = handles[3];
  LOOKUP(rt, CUDART.label, cudaGetDeviceCount);
  LOOKUP(rt, CUDART.label, cudaSetDevice);
  LOOKUP(rt, CUDART.label, cudaDeviceGetAttribute);
  LOOKUP(rt, CUDART.label, cudaMemGetInfo);
  LOOKUP(rt, CUDART.label, cudaMalloc);
  LOOKUP(rt, CUDART.label, cudaFree);
  LOOKUP(rt, CUDART.label, cudaMemcpyAsync);
  LOOKUP(rt, CUDART.label, cudaMemsetAsync);
  LOOKUP(rt, CUDART.label, cudaStreamCreate);
  LOOKUP(rt, CUDART.label, cudaStreamDestroy);
  LOOKUP(rt, CUDART.label, cudaStreamSynchronize);
  LOOKUP(rt, CUDART.label, cudaGetErrorString);
  LOOKUP(rt, CUDART.label, cudaRuntimeGetVersion);
  LOOKUP(rt, CUDART.label, cudaDriverGetVersion);
  LOOKUP(drv, DRIVER.label, cuInit);
  LOOKUP(drv, DRIVER.label, cuModuleLoadData);
  LOOKUP(drv, DRIVER.label, cuModuleUnload);
  LOOKUP(drv, DRIVER.label, cuModuleGetFunction);
  LOOKUP(drv, DRIVER.label, cuLaunchKernel);
  LOOKUP(drv, DRIVER.label, cuGetErrorString);
  LOOKUP(blas, CUBLAS.label, cublasCreate_v2);
  LOOKUP(blas, CUBLAS.label, cublasDestroy_v2);
  LOOKUP(blas, CUBLAS.label, cublasSetStream_v2);
  LOOKUP(blas, CUBLAS.label, cublasSetMathMode);
  LOOKUP(blas, CUBLAS.label, cublasGemmEx);
  LOOKUP(blas, CUBLAS.label, cublasGemmStridedBatchedEx);
  if (!lookup_nvrtc(rtc, api, message, messageSize)) goto fail;
  return 1;
fail:
  for (int i = 0; i < 4; i++)
    if (handles[i]) dlclose(handles[i]);
  memset(api, 0, sizeof *api);
  return 0;
}

int tengen_nvrtc_load(const char *directories, int defaultSearch, tengen_cuda_api *api,
                      char *message, size_t messageSize) {
  memset(api, 0, sizeof *api);
  if (messageSize) message[0] = 0;
  preload_nvrtc_builtins(directories);
  char failure[1024];
  void *rtc = open_library(&NVRTC, directories, defaultSearch, failure, sizeof failure);
  if (!rtc) {
    if (failure[0]) {
      snprintf(message, messageSize, "NVRTC unavailable: %s found but not loadable: %s",
               NVRTC.label, failure);
    } else {
      char searched[2048];
      describe_search(directories, defaultSearch, searched, sizeof searched);
      snprintf(message, messageSize, "NVRTC unavailable: %s not found (searched %s)",
               NVRTC.label, searched[0] ? searched : "nothing");
    }
    return 0;
  }
  if (!lookup_nvrtc(rtc, api, message, messageSize)) {
    dlclose(rtc);
    memset(api, 0, sizeof *api);
    return 0;
  }
  return 1;
}
