package org.streamfront.deploy;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a plan's distribution is in its life, as the history records it, which moves are allowed
 * from here, and what a restart does about it. A teardown resumes as a teardown; a create that
 * may have reached CloudFront looks before it creates.
 */
public enum LifecycleState {
    /** The create is about to be sent or was sent: resume looks for it by CallerReference, then sends it again. */
    CREATING(Resume.CREATE),
    /** Created; CloudFront is spreading it to its edge locations. */
    DEPLOYING(Resume.WATCH),
    DEPLOYED(Resume.NOTHING),
    /** A change was sent; CloudFront is spreading it. */
    UPDATING(Resume.WATCH),
    /** Teardown started: the distribution is being switched off. */
    DISABLING(Resume.TEARDOWN),
    /** Switched off; waiting for CloudFront to finish before it may be deleted. */
    DISABLED(Resume.TEARDOWN),
    /** The delete is being sent. */
    DELETING(Resume.TEARDOWN),
    /** Gone (or never made): the next create starts a new generation. */
    DELETED(Resume.NOTHING),
    /** The last step failed for a reason a retry cannot fix; the entry's problem says which. */
    FAILED(Resume.NOTHING);

    /** What StreamFront does with a plan left in this state when it starts again. */
    public enum Resume { NOTHING, CREATE, WATCH, TEARDOWN }

    private final Resume resume;

    LifecycleState(Resume resume) {
        this.resume = resume;
    }

    public Resume resume() {
        return resume;
    }

    /** Whether CloudFront may hold a distribution for the plan in this state. */
    public boolean mayExist() {
        return this != DELETED;
    }

    /** The moves the lifecycle allows; anything else is a bug, and the history refuses it. */
    public Set<LifecycleState> next() {
        return switch (this) {
            case CREATING -> EnumSet.of(CREATING, DEPLOYING, FAILED, DELETED);
            case DEPLOYING, UPDATING -> EnumSet.of(DEPLOYING, DEPLOYED, UPDATING, DISABLING, DELETED, FAILED);
            case DEPLOYED -> EnumSet.of(UPDATING, DISABLING, DELETED);
            case DISABLING -> EnumSet.of(DISABLING, DISABLED, DELETED, FAILED);
            case DISABLED -> EnumSet.of(DISABLING, DELETING, DELETED, FAILED);
            case DELETING -> EnumSet.of(DISABLING, DELETING, DELETED, FAILED);
            case DELETED -> EnumSet.of(CREATING);
            case FAILED -> EnumSet.of(CREATING, DEPLOYING, DEPLOYED, UPDATING, DISABLING, DELETED);
        };
    }

    /** Reads the names the first history files used as well. */
    @JsonCreator
    public static LifecycleState parse(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "TEARING_DOWN" -> DISABLING;
            default -> valueOf(name.toUpperCase(Locale.ROOT));
        };
    }
}
