import Crypto
import Foundation
import Hummingbird
import NIOCore

/// The web UI: one self-contained HTML page (its CSS and JavaScript inline, nothing from a CDN).
/// The Content-Security-Policy allows exactly that script and that style, by their SHA-256
/// hashes (``contentSecurityPolicy``): no other inline script, attribute handler or origin runs.
///
/// Served at `/` by the query API and by `rag-runtime ui`, which proxies the page's API calls to
/// the backend so that a port-forward to the UI alone is enough. The page asks `POST api/query` with
/// `"stream": true` and renders the server-sent events as they arrive: the detected time range and
/// filters as chips, the sources table (time, vehicle, code, message, score), then the answer,
/// token by token, and the latency. The header shows the corpus size and ingest rate from
/// `GET api/stats`, refreshed every 15 seconds.
///
/// Accessibility: every control has a label, everything works from the keyboard (Enter asks,
/// examples are buttons), results are announced through `aria-live` regions, and the layout
/// reads on a laptop screen without horizontal scrolling.
public enum WebPage {
    /// The complete page.
    public static let html: String = head + "<style>" + style + "</style>\n</head>\n" + body + "<script>" + script + "</script>\n</body>\n</html>\n"

    /// The page's policy: this origin only, the inline script and style by hash, no framing.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src '\(hash(script))'; style-src '\(hash(style))'; img-src 'self'; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

    /// The page as a response; not cached, so a new release shows at once.
    public static var response: Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Adds `GET /` (and an empty `GET /favicon.ico`, which browsers ask for) to `router`.
    static func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/") { _, _ in response }
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
    }

    /// A CSP source expression for an inline element's exact text: `sha256-<base64>`.
    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    /// Questions the generated telemetry can answer, each exercising the time and field parsers.
    public static let exampleQuestions = [
        "critical alerts about engine temperature in the last 2 hours",
        "battery voltage below 11.5V today",
        "vehicles moving with speed over 120 km/h in the past hour",
        "oil pressure warnings since yesterday",
        "what happened to VH-0042 in the last 24 hours?",
    ]

    static let head = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Fleet telemetry questions</title>

    """

    static var body: String {
        let examples = exampleQuestions.map { question in
            #"<li><button type="button" class="example">\#(escape(question))</button></li>"#
        }.joined(separator: "\n")
        return #"""
        <body>
        <header>
          <h1>Fleet telemetry questions</h1>
          <p id="corpus" aria-live="polite">Loading corpus statistics…</p>
        </header>
        <main>
          <form id="ask-form" role="search">
            <label for="question">Ask a question about your vehicles' telemetry</label>
            <div class="row">
              <input id="question" name="question" type="text" maxlength="4000" autocomplete="off" required
                     placeholder="e.g. critical alerts about engine temperature in the last 2 hours">
              <label for="k" class="inline">Records</label>
              <select id="k" name="k"><option value="" selected>Default</option><option>5</option><option>10</option><option>20</option><option>50</option></select>
              <button id="ask" type="submit">Ask</button>
            </div>
          </form>
          <section aria-labelledby="examples-heading">
            <h2 id="examples-heading">Try an example</h2>
            <ul id="examples">
        \#(examples)
            </ul>
          </section>
          <section aria-labelledby="filters-heading">
            <h2 id="filters-heading">Understood as</h2>
            <ul id="chips" aria-live="polite"><li class="chip muted">Ask a question to see the detected time range and filters</li></ul>
          </section>
          <section aria-labelledby="answer-heading">
            <h2 id="answer-heading">Answer <span id="answer-source" class="badge"></span></h2>
            <div id="answer" aria-live="polite" aria-busy="false"></div>
            <p id="status" role="status"></p>
          </section>
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">Sources</h2>
            <div class="table-wrap">
            <table id="sources">
              <caption class="visually-hidden">Records the answer is based on, best match first</caption>
              <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Vehicle</th><th scope="col">Level</th><th scope="col">Code</th><th scope="col">Message</th><th scope="col">Score</th></tr></thead>
              <tbody></tbody>
            </table>
            </div>
          </section>
        </main>

        """#
    }

    /// Escapes text for HTML element content.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
