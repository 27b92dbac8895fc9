/**
 * Benchmarks for the memory system: first-touch page faults of fresh anonymous memory (expensive under
 * nested paging) and bulk copies well beyond the caches (memory bandwidth).
 */
package io.isobench.memory;
