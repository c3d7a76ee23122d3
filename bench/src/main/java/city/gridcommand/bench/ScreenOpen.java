package city.gridcommand.bench;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the command screen takes to open a scope, in headless Chromium (1920x1080) against a running
 * service. Signs in with the demo login ({@code --user}, {@code --password}) once, then {@code --runs} times:
 * loads the page (the token kept in the tab's session, as after a sign-in) and waits for the page's own
 * signal that the first scope is on the screen (its cells drawn and coloured, its events listed, its figures
 * filled: {@code performance.mark('scope-shown')} and {@code body[data-scope-shown]}, set by screen/app.js);
 * the time is the mark's, from the navigation's start. Then it clicks a child of the scope (the first with
 * children, or {@code --child}) and times the drill-down from the click to the child's mark. Each run prints
 * one line with both times, the cells drawn, the events listed and the API calls the browser made (from
 * the page's resource timings: the slowest three with their times); the last line is the summary
 * ({@code open p50/max}, {@code drill p50/max}, ms).
 */
public final class ScreenOpen {

    private static final String USAGE = """
            usage: ScreenOpen --url=http://127.0.0.1:8080/ --user=dispatcher-<scope> [--password=demo] [--runs=5]
                              [--child=<code>] [--timeout=120] [--chromium=/usr/bin/chromium]
                              [--driver=/usr/bin/chromedriver]""";

    private static final String API_TIMINGS = """
            const since = arguments[0];
            return performance.getEntriesByType('resource')
              .filter(e => e.name.includes('/api/') && e.startTime >= since)
              .map(e => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime,
                           wait: e.responseStart - e.requestStart, total: e.duration, bytes: e.encodedBodySize }));""";

    private ScreenOpen() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("url", "user", "password", "runs", "child", "timeout", "chromium", "driver"),
                USAGE);
        String url = args.string("url", "http://127.0.0.1:8080/");
        String user = args.string("user", null);
        if (user == null) {
            throw new IllegalArgumentException("--user is required\n" + USAGE);
        }
        int runs = args.intValue("runs", 5);
        Duration timeout = Duration.ofSeconds(args.longValue("timeout", 120));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(args.string("chromium", "/usr/bin/chromium")));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1920,1080", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(args.string("driver", "/usr/bin/chromedriver"))).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, timeout);
            JavascriptExecutor js = (JavascriptExecutor) browser;

            // the sign-in, timed from the submit to the first scope on the screen
            browser.get(url);
            wait.until(d -> d.findElement(By.id("signin-form")).isDisplayed());
            browser.findElement(By.id("signin-user")).sendKeys(user);
            browser.findElement(By.id("signin-password")).sendKeys(args.string("password", "demo"));
            double submitted = ((Number) js.executeScript(
                    "const t = performance.now(); document.getElementById('signin-submit').click(); return t;"))
                    .doubleValue();
            String scope = waitShown(wait, js, null);
            double signIn = markAfter(js, submitted) - submitted;
            System.out.printf(Locale.ROOT, "signin scope=%s ms=%.0f cells=%d events=%d api=%s%n", scope, signIn,
                    count(browser, "path.cell"), count(browser, "#events tbody tr"), slowest(js, submitted));

            List<Double> opens = new ArrayList<>();
            List<Double> drills = new ArrayList<>();
            String child = args.string("child", null);
            for (int run = 1; run <= runs; run++) {
                browser.get(url); // a new navigation: the page signs in with the kept token and opens the scope
                waitShown(wait, js, scope);
                double open = markAfter(js, 0);
                int cells = count(browser, "path.cell");
                int events = count(browser, "#events tbody tr");
                String openApi = slowest(js, 0);

                String target = child != null ? child : (String) js.executeScript("""
                        const p = [...document.querySelectorAll('path.cell')].map(e => e.getAttribute('data-cell'));
                        return p.length ? p[0] : null;""");
                if (target == null) {
                    throw new IllegalStateException("the scope " + scope + " drew no cells to drill into");
                }
                // a click on the child's path, as a person's (Leaflet listens on the map for its paths' events)
                double clicked = ((Number) js.executeScript("""
                        const e = document.querySelector(`path.cell[data-cell="${arguments[0]}"]`);
                        const t = performance.now();
                        e.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
                        return t;""", target)).doubleValue();
                waitShown(wait, js, target);
                double drill = markAfter(js, clicked) - clicked;
                System.out.printf(Locale.ROOT,
                        "run=%d open_ms=%.0f cells=%d events=%d api=%s | drill=%s drill_ms=%.0f cells=%d events=%d api=%s%n",
                        run, open, cells, events, openApi, target, drill, count(browser, "path.cell"),
                        count(browser, "#events tbody tr"), slowest(js, clicked));
                opens.add(open);
                drills.add(drill);
            }
            System.out.printf(Locale.ROOT, "summary scope=%s runs=%d signin_ms=%.0f open_p50=%.0f open_max=%.0f "
                    + "drill_p50=%.0f drill_max=%.0f%n", scope, runs, signIn, median(opens), Collections.max(opens),
                    median(drills), Collections.max(drills));
        } finally {
            browser.quit();
        }
    }

    /** Waits until the page says a scope is shown (that one, when given); the scope shown. */
    private static String waitShown(WebDriverWait wait, JavascriptExecutor js, String scope) {
        return wait.until(d -> {
            Object shown = js.executeScript("return document.body.dataset.scopeShown || null;");
            return shown != null && (scope == null || scope.equals(shown)) ? (String) shown : null;
        });
    }

    /** The time (ms on the page's clock) of the last scope-shown mark after {@code since}. */
    private static double markAfter(JavascriptExecutor js, double since) {
        Number at = (Number) js.executeScript("""
                const m = performance.getEntriesByName('scope-shown').filter(e => e.startTime >= arguments[0]);
                return m.length ? m[m.length - 1].startTime : null;""", since);
        if (at == null) {
            throw new IllegalStateException("no scope-shown mark after " + since);
        }
        return at.doubleValue();
    }

    /** The API calls since {@code since}: how many, and the three slowest with their server wait and total ms. */
    @SuppressWarnings("unchecked")
    private static String slowest(JavascriptExecutor js, double since) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) js.executeScript(API_TIMINGS, since);
        List<Map<String, Object>> sorted = new ArrayList<>(calls);
        sorted.sort((a, b) -> Double.compare(num(b, "total"), num(a, "total")));
        StringBuilder s = new StringBuilder().append(calls.size()).append(" calls [");
        for (int i = 0; i < Math.min(3, sorted.size()); i++) {
            Map<String, Object> c = sorted.get(i);
            String path = String.valueOf(c.get("path"));
            s.append(i > 0 ? "; " : "").append(path.length() > 70 ? path.substring(0, 70) + "…" : path)
                    .append(String.format(Locale.ROOT, " at %.0f: wait %.0f, total %.0f ms, %.0f kB", num(c, "start"),
                            num(c, "wait"), num(c, "total"), num(c, "bytes") / 1024));
        }
        return s.append(']').toString();
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static int count(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).size();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
