package kb.serve;

/** The port asked for is taken on 127.0.0.1; {@link #suggestion} is a free one nearby, or -1. */
public final class PortInUseException extends Exception {
    private final int port;
    private final int suggestion;

    public PortInUseException(int port, int suggestion) {
        super("port " + port + " is in use on 127.0.0.1" + (suggestion > 0 ? "; try --port " + suggestion : ""));
        this.port = port;
        this.suggestion = suggestion;
    }

    public int port() {
        return port;
    }

    public int suggestion() {
        return suggestion;
    }
}
