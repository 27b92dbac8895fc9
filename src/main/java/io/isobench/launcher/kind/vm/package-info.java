/**
 * The VM environment: the suite in a QEMU virtual machine booted from the prepared image under vm-images/, on a fresh
 * copy-on-write overlay per boot, under KVM where /dev/kvm is usable and TCG (emulation, labelled as such) otherwise.
 */
package io.isobench.launcher.kind.vm;
