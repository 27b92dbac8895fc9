package io.isobench.schema;

import java.io.IOException;

/** A results file this build cannot read as its schema says: an unknown major version, or a malformed version. */
public final class SchemaException extends IOException {

    private static final long serialVersionUID = 1L;

    public SchemaException(String problem) {
        super(problem);
    }
}
