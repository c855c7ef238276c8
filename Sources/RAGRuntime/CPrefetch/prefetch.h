#ifndef RAG_CPREFETCH_H
#define RAG_CPREFETCH_H

// Software prefetch for the vector index's graph walk. Swift has no prefetch intrinsic; this
// header-only module gives it one. The function is static inline, so the Swift compiler inlines
// it and each call becomes one prefetch instruction.

// Asks for the cache line holding `address` to be loaded for reading, into every cache level.
static inline void rag_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
