#include <cblas.h>
/* OpenBLAS extension: sets the number of threads OpenBLAS itself may use. */
void openblas_set_num_threads(int num_threads);
