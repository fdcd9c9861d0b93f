package kb.cli;

/** The exit statuses of every kb command, as the contract fixes them. */
final class ExitCodes {
    static final int OK = 0;
    /** The content or templates have errors; each was printed as path:line:col: message. */
    static final int CONTENT_ERRORS = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
