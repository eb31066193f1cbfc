package org.streamfront.aws;

import org.streamfront.Messages;

/** Who StreamFront is signed in as, from STS GetCallerIdentity. */
public record Identity(String account, String arn) {
    /** "Signed in to account 1234-5678-9012 as user practice" */
    public String describe() {
        String grouped = account.length() == 12
                ? account.substring(0, 4) + "-" + account.substring(4, 8) + "-" + account.substring(8) : account;
        return Messages.get("account.signedIn", grouped, kind(), name());
    }

    /** user, role, or root, read from the ARN. */
    String kind() {
        if (arn.endsWith(":root")) {
            return Messages.get("account.kind.root");
        }
        return arn.contains(":assumed-role/") || arn.contains(":role/") ? Messages.get("account.kind.role") : Messages.get("account.kind.user");
    }

    String name() {
        if (arn.endsWith(":root")) {
            return "";
        }
        String[] fields = arn.split(":", 6);
        String[] parts = (fields.length == 6 ? fields[5] : arn).split("/");
        // assumed-role/<role>/<session>: the role is what the user recognises.
        return parts.length >= 2 ? parts[1] : parts[0];
    }
}
