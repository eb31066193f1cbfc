package org.streamfront.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What StreamFront knows of one plan's distribution, written before and after each step so that
 * a restart can resume: the intent comes first, the distribution id as soon as AWS gives it.
 * {@code generation} counts the plan's create attempts: each has its own CallerReference.
 * {@code edgeCheck}: the plan's viewer-token check (function and key value store) may exist, written
 * before it is made and cleared once deleted, so only such plans look for it to tidy away.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        String planId,
        String name,
        String streamId,
        LifecycleState state,
        String distributionId,
        String domain,
        Instant createdAt,
        Instant deployedAt,
        Integer generation,
        String problem,
        Boolean edgeCheck) {

    public HistoryEntry(String planId, String name, String streamId, LifecycleState state, String distributionId, String domain,
                        Instant createdAt, Instant deployedAt, Integer generation, String problem) {
        this(planId, name, streamId, state, distributionId, domain, createdAt, deployedAt, generation, problem, null);
    }

    /** Whether the plan's viewer-token check may exist in the account. */
    public boolean hasEdgeCheck() {
        return Boolean.TRUE.equals(edgeCheck);
    }

    HistoryEntry withEdgeCheck(boolean made) {
        return new HistoryEntry(planId, name, streamId, state, distributionId, domain, createdAt, deployedAt, generation, problem,
                made ? Boolean.TRUE : null);
    }

    /** A plan that has never been created. */
    public static HistoryEntry fresh(String planId, String name, String streamId) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.DELETED, null, null, null, null, 0, null);
    }

    /** Old history files carry no generation: their one create was the first, and used the plan id alone. */
    public int attempt() {
        return generation == null ? 1 : generation;
    }

    /** The CallerReference of this attempt's create: the plan id plus the generation. */
    @JsonIgnore
    public String callerReference() {
        return generation == null ? planId : planId + "-g" + generation;
    }

    HistoryEntry with(LifecycleState newState) {
        return new HistoryEntry(planId, name, streamId, newState, distributionId, domain, createdAt, deployedAt, generation,
                newState == LifecycleState.FAILED ? problem : null, edgeCheck);
    }

    HistoryEntry failed(String why) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.FAILED, distributionId, domain, createdAt, deployedAt,
                generation, why, edgeCheck);
    }

    /** A new create attempt: the earlier distribution (if any) is forgotten, the generation moves on. */
    HistoryEntry nextAttempt(String newName, String newStreamId) {
        return new HistoryEntry(planId, newName, newStreamId, LifecycleState.CREATING, null, null, null, null, attempt() + 1, null, edgeCheck);
    }

    HistoryEntry created(String id, String domainName, Instant at) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.DEPLOYING, id, domainName, at, null, generation, null, edgeCheck);
    }

    HistoryEntry deployed(Instant at) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.DEPLOYED, distributionId, domain, createdAt, at,
                generation, null, edgeCheck);
    }

    /** Work that had not finished when StreamFront last stopped. */
    public boolean unfinished() {
        return state.resume() != LifecycleState.Resume.NOTHING;
    }
}
