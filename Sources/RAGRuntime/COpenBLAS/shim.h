// OpenBLAS's CBLAS interface (Debian/Ubuntu: libopenblas-dev to build, libopenblas0 to run).
// The Debian build picks its kernels at run time (DYNAMIC_ARCH), so one binary uses AVX-512 where
// the CPU has it and stays correct where it does not.
#include <cblas.h>
