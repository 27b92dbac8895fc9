/**
 * The neighbours' load: a small JVM ({@link io.isobench.load.LoadGenerator}) that sibling instances of an environment
 * run beside it, idle until told to load the CPU, the disk or the network stack, and told through files in a control
 * directory ({@link io.isobench.load.LoadControl}) so that the same protocol reaches a host process, a container and a
 * guest.
 */
package io.isobench.load;
