#ifndef CTENGENCPU_H
#define CTENGENCPU_H

/// Returns the current floating-point control state of this thread (x86 MXCSR; 0 elsewhere).
unsigned int tengen_fp_state(void);

/// Sets this thread's floating-point control state (as returned by tengen_fp_state).
void tengen_set_fp_state(unsigned int state);

/// Makes this thread flush denormal results and inputs to zero (x86 FTZ + DAZ; no-op elsewhere).
void tengen_flush_denormals(void);

#endif
