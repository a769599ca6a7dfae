// The runs of a flow: counts and durations, and the runs filtered by status and time.
import { useEffect, useState } from "preact/hooks";
import { ApiError, get, type Flow, type Page } from "../api";
import { duration, ErrorBox, Loading, Pager, time } from "../components/common";
import type { FlowStats, Run } from "../runs";

const SIZE = 50;

export function RunsTab({ flow }: { flow: Flow }) {
  const [status, setStatus] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<Run> | null>(null);
  const [stats, setStats] = useState<FlowStats | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const iso = (v: string) => (v ? new Date(v).toISOString() : undefined);
  const load = async (p = page) => {
    setError(null);
    try {
      const q = { flow: flow.name, from: iso(from), to: iso(to) };
      setData(await get("/runs", { ...q, status, page: p, size: SIZE }));
      const s = await get("/runs/stats", q);
      setStats((s.flows as FlowStats[]).find((x) => x.flow === flow.name) || null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && !data) setMissing(true);
      else setError(e);
    }
  };
  useEffect(() => { load(page); }, [flow.id, page]);
  if (missing) return <p class="notice" data-testid="no-runs">This server has no runs endpoint (/api/v1/runs answers 404).</p>;
  return (
    <section data-testid="runs-page">
      {stats && (
        <dl class="facts stats" data-testid="run-stats">
          <dt>Runs</dt><dd data-stat="runs">{stats.runs}</dd>
          <dt>Succeeded</dt><dd data-stat="success" class="ok">{stats.success}</dd>
          <dt>Failed</dt><dd data-stat="error" class={stats.error ? "failed" : ""}>{stats.error}</dd>
          <dt>Duration</dt><dd data-stat="duration">avg {duration(stats.durationMs.avg)} · p50 {duration(stats.durationMs.p50)} · p95 {duration(stats.durationMs.p95)} · max {duration(stats.durationMs.max)}</dd>
          <dt>Last run</dt><dd>{time(stats.lastRun)}</dd>
        </dl>
      )}
      <form class="filters" onSubmit={(e) => { e.preventDefault(); setPage(0); load(0); }}>
        <label>Status
          <select name="status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            <option value="">all</option><option value="success">success</option><option value="error">error</option>
          </select>
        </label>
        <label>From <input type="datetime-local" name="from" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} /></label>
        <label>To <input type="datetime-local" name="to" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} /></label>
        <button type="submit">Filter</button>
        <button type="button" onClick={() => load()}>Refresh</button>
      </form>
      <ErrorBox error={error} onClose={() => setError(null)} />
      {!data ? (!error && <Loading />) : data.items.length === 0 ? <p class="muted">No runs.</p> : (
        <div class="table-wrap">
          <table class="list stack" data-testid="runs">
            <thead><tr><th>Started</th><th>Status</th><th>Duration</th><th>Version</th><th>Environment</th><th>Published</th><th>Errors</th><th>Failure</th></tr></thead>
            <tbody>
              {data.items.map((r) => (
                <tr data-run={r.runId} class={r.status}>
                  <td data-label="Started">{time(r.start)}{r.manual && <span class="label">manual</span>}</td>
                  <td data-label="Status"><span class={`status ${r.status === "error" ? "failed" : "running"}`}>{r.status}</span></td>
                  <td data-label="Duration">{duration(r.durationMs)}</td>
                  <td data-label="Version">{r.version}</td>
                  <td data-label="Environment">{r.environment}</td>
                  <td data-label="Published">{r.published ?? ""}</td>
                  <td data-label="Errors">{r.errors ?? ""}</td>
                  <td data-label="Failure" class="small">{r.failedStage ? `stage '${r.failedStage}': ` : ""}{r.error || ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pager page={data.page} size={data.size} total={data.total} onPage={setPage} />}
    </section>
  );
}
