package kb.diagnostic;

/** Errors fail the build; warnings are listed in the summary and by {@code kb check}. */
public enum Severity {
    ERROR,
    WARNING
}
