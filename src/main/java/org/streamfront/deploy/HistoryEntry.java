package org.streamfront.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What StreamFront knows of one plan's distribution, written before and after each step so that
 * a restart can resume: the intent comes first, the distribution id as soon as AWS gives it.
 * {@code generation} counts the plan's create attempts: each has its own CallerReference.
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
        String problem) {

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
                newState == LifecycleState.FAILED ? problem : null);
    }

    HistoryEntry failed(String why) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.FAILED, distributionId, domain, createdAt, deployedAt,
                generation, why);
    }

    /** A new create attempt: the earlier distribution (if any) is forgotten, the generation moves on. */
    HistoryEntry nextAttempt(String newName, String newStreamId) {
        return new HistoryEntry(planId, newName, newStreamId, LifecycleState.CREATING, null, null, null, null, attempt() + 1, null);
    }

    HistoryEntry created(String id, String domainName, Instant at) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.DEPLOYING, id, domainName, at, null, generation, null);
    }

    HistoryEntry deployed(Instant at) {
        return new HistoryEntry(planId, name, streamId, LifecycleState.DEPLOYED, distributionId, domain, createdAt, at,
                generation, null);
    }

    /** Work that had not finished when StreamFront last stopped. */
    public boolean unfinished() {
        return state.resume() != LifecycleState.Resume.NOTHING;
    }
}
