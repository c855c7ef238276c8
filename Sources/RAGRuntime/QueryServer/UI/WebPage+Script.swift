extension WebPage {
    /// The page's JavaScript: streams `POST api/query` with fetch and a ReadableStream reader,
    /// parses the server-sent events (`filter`, `sources`, `token`, `done`), and polls `api/stats`.
    /// All record text is inserted with `textContent`, never as HTML.
    static let script = #"""
    "use strict";
    const $ = (id) => document.getElementById(id);
    const form = $("ask-form"), input = $("question"), askButton = $("ask");
    const answerBox = $("answer"), statusLine = $("status"), chips = $("chips"), tbody = document.querySelector("#sources tbody");

    function el(tag, text, className) {
      const node = document.createElement(tag);
      if (text !== undefined && text !== null) node.textContent = String(text);
      if (className) node.className = className;
      return node;
    }
    function setStatus(text, isError) { statusLine.textContent = text; statusLine.className = isError ? "error" : ""; }
    const opNames = { gt: ">", gte: "≥", lt: "<", lte: "≤", eq: "=" };

    function renderFilter(filter) {
      chips.replaceChildren();
      const range = filter.timeRange;
      if (range) {
        const text = range.gte && range.lte ? `${range.gte} → ${range.lte}` : range.gte ? `after ${range.gte}` : `before ${range.lte}`;
        chips.append(el("li", "Time: " + text, "chip time"));
      } else {
        chips.append(el("li", "Time: all indexed records", "chip muted"));
      }
      for (const field of filter.fields || []) {
        chips.append(el("li", `${field.field} ${opNames[field.op] || field.op} ${field.value}`, "chip"));
      }
      for (const warning of filter.warnings || []) chips.append(el("li", "Note: " + warning, "chip warning"));
    }

    function renderSources(sources) {
      tbody.replaceChildren();
      if (!sources.length) {
        const row = el("tr"); const cell = el("td", "No matching records.", "muted"); cell.colSpan = 6; row.append(cell); tbody.append(row);
        return;
      }
      for (const source of sources) {
        const row = el("tr");
        row.append(el("td", source.timestamp.replace("T", " ").replace("Z", ""), "time"), el("td", source.vehicle_id),
                   el("td", source.level, "level-" + source.level), el("td", source.error_code || "—"),
                   el("td", source.message), el("td", Number(source.score).toFixed(3), "num"));
        tbody.append(row);
      }
    }

    function handleEvent(name, data, state) {
      const payload = JSON.parse(data);
      if (name === "filter") renderFilter(payload);
      else if (name === "sources") { renderSources(payload); setStatus(`Found ${payload.length} records; writing the answer…`); }
      else if (name === "token") { state.text += payload.text; answerBox.textContent = state.text; }
      else if (name === "done") {
        answerBox.textContent = payload.answer;
        $("answer-source").textContent = "(" + ({ llm: "language model", extractive: "extractive summary", none: "no matching records" }[payload.answerSource] || payload.answerSource) + ")";
        const t = payload.timings, elapsed = Math.round(performance.now() - state.started);
        setStatus(`Answered in ${elapsed} ms (server ${Math.round(t.totalMs)} ms: parse ${t.parseMs.toFixed(1)}, embed ${t.embedMs.toFixed(1)}, search ${t.searchMs.toFixed(1)}, generate ${Math.round(t.generateMs)})`);
        if (payload.warnings && payload.warnings.length) renderFilter({ ...payload.filter, warnings: payload.warnings });
        state.done = true;
      }
    }

    async function ask(question) {
      const state = { text: "", started: performance.now(), done: false };
      askButton.disabled = true; answerBox.setAttribute("aria-busy", "true");
      answerBox.textContent = ""; $("answer-source").textContent = ""; setStatus("Searching…");
      try {
        const response = await fetch("api/query", {
          method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
          // k only when the person chose one: otherwise the backend's default (the pipeline's) applies.
          body: JSON.stringify($("k").value ? { query: question, k: Number($("k").value), stream: true } : { query: question, stream: true }),
        });
        if (!response.ok) {
          let message = `HTTP ${response.status}`;
          try { const body = await response.json(); if (body.error) message = body.error.message; } catch (e) { /* keep the status */ }
          setStatus("Error: " + message, true);
          return;
        }
        const reader = response.body.getReader(), decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
            let name = "message", data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) name = line.slice(6).trim();
              else if (line.startsWith("data:")) data += line.slice(5).trimStart();
            }
            if (data) handleEvent(name, data, state);
          }
        }
        if (!state.done) setStatus("The answer stream ended early.", true);
      } catch (error) {
        setStatus("Error: " + error.message, true);
      } finally {
        askButton.disabled = false; answerBox.setAttribute("aria-busy", "false");
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const question = input.value.trim();
      if (question) ask(question);
    });
    for (const button of document.querySelectorAll(".example")) {
      button.addEventListener("click", () => { input.value = button.textContent; ask(button.textContent); });
    }

    async function refreshStats() {
      try {
        const response = await fetch("api/stats");
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const stats = await response.json();
        const span = stats.oldest && stats.newest ? ` from ${stats.oldest} to ${stats.newest}` : "";
        const fresh = (stats.freshnessSeconds == null ? "" : ` · searchable ${stats.freshnessSeconds.toLocaleString()} s after they happen`)
          + (stats.consumerLagSeconds == null ? "" : ` · consumer ${stats.consumerLagSeconds.toLocaleString()} s behind the stream`);
        $("corpus").textContent = `${stats.documents.toLocaleString()} records indexed${span} · ${stats.ingestRatePerMinute.toLocaleString()} per minute${fresh}`;
      } catch (error) {
        $("corpus").textContent = "Corpus statistics unavailable (" + error.message + ")";
      }
    }
    refreshStats();
    setInterval(refreshStats, 15000);
    input.focus();

    """#
}
