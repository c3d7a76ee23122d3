package city.gridcommand.sim;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code simulate --staff [--api=…] [--staff-password=…]}: where the simulated staff reach the service's
 * REST API, and the demo password they sign in with.
 */
public record StaffOptions(URI api, String password) {

    public static final String DEFAULT_API = "http://127.0.0.1:8080";

    /** The options from the given {@code --api} and {@code --staff-password} values (null: the default). */
    static StaffOptions of(String api, String password) {
        String url = api == null ? DEFAULT_API : api;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--api must be http://host:port or https://host:port, not '" + url + "'");
        }
        if (password != null && password.isEmpty()) {
            throw new IllegalArgumentException("--staff-password must not be empty");
        }
        return new StaffOptions(uri, password == null ? StaffSimulator.DEFAULT_PASSWORD : password);
    }
}
