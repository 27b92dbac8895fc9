/**
 * {@code isobench density}: how many idle instances of each kind fit on this host and what each costs it, measured by
 * starting them one by one and reading the host's MemAvailable after each.
 */
package io.isobench.launcher.density;
