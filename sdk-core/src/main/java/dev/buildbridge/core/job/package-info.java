/**
 * Solstice job messages: {@link dev.buildbridge.core.job.JobRequest} ({@code jobrequest.v1}) and
 * {@link dev.buildbridge.core.job.JobResult} ({@code jobresult.v1}).
 */
package dev.buildbridge.core.job;
