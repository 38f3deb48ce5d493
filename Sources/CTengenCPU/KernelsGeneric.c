/* The kernels in portable C (one float per "vector"): every platform, and the reference the
   vector kernels must equal bit for bit. */
#include "CTengenCPU.h"
#include "KernelsISA.h"

#define TG_W 1
#define TG_FN(name) name##_generic
#include "KernelsTemplate.h"
