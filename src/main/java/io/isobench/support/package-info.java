/** Shared fixtures of the benchmarks: libc bindings, temporary directories, capabilities. */
package io.isobench.support;
