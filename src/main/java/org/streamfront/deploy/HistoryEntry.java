package org.streamfront.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What StreamFront knows of one plan's distribution, written before and after each step so that
 * a restart can resume: the intent comes first, the distribution id as soon as AWS gives it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        String planId,
        String name,
        String streamId,
        State state,
        String distributionId,
        String domain,
        Instant createdAt,
        Instant deployedAt) {

    public enum State {
        /** Create was about to be sent: on restart, look for the distribution before anything else. */
        CREATING,
        /** Created; CloudFront is deploying it. */
        DEPLOYING,
        DEPLOYED,
        /** Teardown started: disabling, waiting, deleting. */
        TEARING_DOWN,
        DELETED
    }

    public HistoryEntry with(State newState) {
        return new HistoryEntry(planId, name, streamId, newState, distributionId, domain, createdAt, deployedAt);
    }

    public HistoryEntry created(String id, String domainName, Instant at) {
        return new HistoryEntry(planId, name, streamId, State.DEPLOYING, id, domainName, at, deployedAt);
    }

    public HistoryEntry deployed(Instant at) {
        return new HistoryEntry(planId, name, streamId, State.DEPLOYED, distributionId, domain, createdAt, at);
    }

    /** A deployment that had not finished when StreamFront last stopped. */
    public boolean unfinished() {
        return state == State.CREATING || state == State.DEPLOYING || state == State.TEARING_DOWN;
    }
}
