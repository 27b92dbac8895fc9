/**
 * The fleet: the main job on a Slurm cluster, one exclusive task per node. {@link io.isobench.launcher.fleet.Slurm}
 * speaks to the scheduler (sinfo, sbatch, squeue, scontrol, scancel), {@link io.isobench.launcher.fleet.TaskMarker} is
 * what a task writes into its node directory, and {@link io.isobench.launcher.fleet.NodeStatus} turns both into each
 * node's state in fleet.json.
 */
package io.isobench.launcher.fleet;
