// Preview: sample records (pasted, uploaded, or a test case's input), then each stage's input,
// output and errors next to the graph.
import { useState } from "preact/hooks";
import { parse } from "yaml";
import { post, type Flow } from "../api";
import { ErrorBox } from "../components/common";
import { Graph } from "../components/Graph";

interface StageResult {
  name: string;
  action: string;
  kind: string;
  input: unknown[];
  output: unknown[];
  errors: unknown[];
}

/** Records from a JSON array, or from JSON lines. */
export function parseRecords(text: string): unknown[] {
  const t = text.trim();
  if (!t) return [];
  if (t.startsWith("[")) return JSON.parse(t);
  return t.split(/\r?\n/).filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l);
    } catch {
      throw new Error(`line ${i + 1} of the sample records is not JSON: ${l.slice(0, 80)}`);
    }
  });
}

export function PreviewTab({ flow }: { flow: Flow }) {
  const [text, setText] = useState("");
  const [input, setInput] = useState<Record<string, unknown[]> | null>(null);
  const [limit, setLimit] = useState(100);
  const [result, setResult] = useState<StageResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string | undefined>();

  const upload = async (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) setText(await f.text());
  };
  const testCase = async (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (!f) return;
    try {
      const doc = parse(await f.text());
      const first = (doc?.tests || []).find((t: any) => t.input) || null;
      if (!first) throw new Error("The test file has no test case with an input.");
      setInput(first.input);
      setText("");
    } catch (err) {
      setError(err);
    }
  };
  const run = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body: Record<string, unknown> = { limit };
      if (input) body.input = input;
      else if (text.trim()) body.records = parseRecords(text);
      const r = await post(`/flows/${flow.id}/preview`, body);
      setResult(r.stages);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const marks: Record<string, string> = {};
  result?.forEach((s) => (marks[s.name] = s.errors.length ? "error" : "ok"));
  const shown = result?.filter((s) => !selected || s.name === selected);
  return (
    <div>
      <form class="preview-form" onSubmit={run}>
        <label for="records">Sample records (a JSON array, or one JSON object per line); empty: the flow's own trigger</label>
        <textarea id="records" name="records" rows={5} value={text} spellcheck={false}
          onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setInput(null); }} />
        <div class="actions wrap">
          <label>Upload records <input type="file" accept=".json,.jsonl,.ndjson,application/json" onChange={upload} /></label>
          <label>Or a test case <input type="file" accept=".yaml,.yml" onChange={testCase} /></label>
          <label>Limit <input type="number" min={1} max={10000} value={limit} class="short"
            onInput={(e) => setLimit(Number((e.target as HTMLInputElement).value))} /></label>
          <button type="submit" class="primary" disabled={busy} data-testid="run-preview">{busy ? "Running…" : "Preview"}</button>
        </div>
        {input && <p class="notice">Using the test case's input for stages {Object.keys(input).join(", ")}.</p>}
      </form>
      <ErrorBox error={error} onClose={() => setError(null)} />
      <div class="split">
        <div class="grow"><Graph flow={flow} selected={selected} marks={marks}
          onSelect={(s) => setSelected(selected === s ? undefined : s)} /></div>
        <div class="side wide" data-testid="preview-stages">
          {selected && <button type="button" class="link" onClick={() => setSelected(undefined)}>Show all stages</button>}
          {shown?.map((s) => (
            <article class="stage-result card" data-stage={s.name}>
              <h3>{s.name} <span class="muted small">{s.action}</span></h3>
              <Records title="Input" kind="input" records={s.input} />
              <Records title="Output" kind="output" records={s.output} />
              {s.errors.length > 0 && <Records title="Errors" kind="errors" records={s.errors} />}
            </article>
          ))}
        </div>
      </div>
    </div>
  );
}

function Records({ title, kind, records }: { title: string; kind: string; records: unknown[] }) {
  return (
    <details open={records.length > 0} data-kind={kind}>
      <summary>{title} ({records.length})</summary>
      <ol class="records">
        {records.map((r) => <li><code>{JSON.stringify(r)}</code></li>)}
      </ol>
    </details>
  );
}
