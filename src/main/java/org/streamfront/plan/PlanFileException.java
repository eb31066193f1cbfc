package org.streamfront.plan;

import java.util.List;

/** A plan file that cannot be read or is invalid; carries one problem per line to show. */
public class PlanFileException extends Exception {
    private final transient List<Problem> problems;

    public PlanFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
