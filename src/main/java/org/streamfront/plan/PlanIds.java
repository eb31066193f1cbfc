package org.streamfront.plan;

import java.util.UUID;

/** Plan ids: the CallerReference and the mark by which StreamFront finds the distribution a plan made. */
public final class PlanIds {
    private PlanIds() {
    }

    public static String newId() {
        return "sf-" + UUID.randomUUID();
    }

    /** The plan with an id, giving it a new one if it has none yet. */
    public static Plan ensure(Plan plan) {
        return plan.planId() == null || plan.planId().isBlank() ? plan.withPlanId(newId()) : plan;
    }
}
