extension WebPage {
    /// The page's CSS: system fonts, high contrast, visible focus, a layout that fits a laptop screen.
    static let style = #"""
    :root { --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --accent: #0b5cad; --border: #d0d7de;
            --crit: #a40e26; --err: #bc4c00; --warn: #7d5a00; --info: #2f6f3e; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
    header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 1rem;
             padding: 0.75rem 1.5rem; background: var(--panel); border-bottom: 1px solid var(--border); }
    h1 { font-size: 1.35rem; margin: 0; }
    h2 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
    #corpus { margin: 0; color: var(--muted); }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    label { font-weight: 600; display: block; margin-bottom: 0.35rem; }
    label.inline { display: inline; margin: 0 0.25rem 0 0.5rem; font-weight: 400; }
    .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    input[type=text] { flex: 1 1 28rem; font: inherit; padding: 0.55rem 0.7rem; border: 1px solid var(--border); border-radius: 6px; }
    select, button { font: inherit; padding: 0.5rem 0.8rem; border-radius: 6px; border: 1px solid var(--border); background: var(--bg); }
    button#ask { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 600; }
    button#ask[disabled] { opacity: 0.6; }
    :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    #examples { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .example { cursor: pointer; background: var(--panel); color: var(--accent); border-color: var(--border); }
    .example:hover { text-decoration: underline; }
    #chips { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .chip { padding: 0.15rem 0.65rem; border-radius: 999px; background: #ddf4ff; border: 1px solid #54aeff; font-size: 0.9rem; }
    .chip.time { background: #fff8c5; border-color: #d4a72c; }
    .chip.warning { background: #ffebe9; border-color: #ff8182; }
    .chip.muted { background: var(--panel); border-color: var(--border); color: var(--muted); }
    #answer { white-space: pre-wrap; background: var(--panel); border: 1px solid var(--border); border-radius: 6px;
              padding: 0.75rem 1rem; min-height: 4rem; }
    .badge { font-size: 0.8rem; font-weight: 400; color: var(--muted); margin-left: 0.5rem; }
    #status { color: var(--muted); margin: 0.35rem 0 0; }
    #status.error { color: var(--crit); font-weight: 600; }
    .table-wrap { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; font-size: 0.93rem; }
    th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
    th { background: var(--panel); }
    td.num { font-variant-numeric: tabular-nums; text-align: right; }
    td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .level-CRITICAL { color: var(--crit); font-weight: 700; }
    .level-ERROR { color: var(--err); font-weight: 600; }
    .level-WARN { color: var(--warn); }
    .level-INFO { color: var(--info); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

    """#
}
