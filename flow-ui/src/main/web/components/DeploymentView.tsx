// One deployment: state, Flink job link, live throughput, stop/upgrade/rollback, history.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, get, post, type Version } from "../api";
import { type Action, type Deployment, type Metrics, terminal } from "../deploy";
import { canEdit } from "../session";
import { ErrorBox, Loading, Option, time } from "./common";

const POLL_MS = 2000;

export function DeploymentView({ id, flowName, onChanged }: { id: string; flowName?: string; onChanged?: () => void }) {
  const [d, setD] = useState<Deployment | null>(null);
  const [history, setHistory] = useState<Action[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const load = async () => {
    try {
      setD(await get(`/deployments/${encodeURIComponent(id)}`));
      setHistory((await get(`/deployments/${encodeURIComponent(id)}/history`)).items);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => { load(); }, [id]);
  // While the job may change state on its own (starting, restarting, failing), follow it.
  useEffect(() => {
    if (!d || terminal(d.state)) return;
    const t = setInterval(load, POLL_MS);
    return () => clearInterval(t);
  }, [id, d?.state]);
  if (!d) return error ? <ErrorBox error={error} /> : <Loading />;
  const done = (msg: string) => { setNotice(msg); setError(null); load(); onChanged?.(); };
  const state = d.state;
  const cause = d.engine?.rootCause || d.rootCause;
  const link = d.engine?.webUrl;
  return (
    <article class="card deployment" data-deployment={d.id} aria-label={`Deployment ${d.id}`}>
      <div class="titlebar">
        <h2>{flowName ? `${flowName} on ${d.environment}` : `On ${d.environment}`}</h2>
        <span class={`status ${state.toLowerCase()}`} data-testid="deployment-state">{state.toLowerCase()}</span>
      </div>
      <dl class="facts">
        <dt>Environment</dt><dd data-testid="deployment-environment">{d.environment}</dd>
        <dt>Version</dt><dd data-testid="deployment-version">{d.version}</dd>
        {d.parameterSets && d.parameterSets.length > 0 && <><dt>Parameter sets</dt><dd>{d.parameterSets.join(", ")}</dd></>}
        <dt>Flink job</dt><dd data-testid="job-id">{d.jobId ? (link ? <a href={link} target="_blank" rel="noopener">{d.jobId}</a> : d.jobId) : <span class="muted">none</span>}</dd>
        {d.engine?.restarts ? <><dt>Restarts</dt><dd>{d.engine.restarts}</dd></> : null}
        {d.savepoint && <><dt>Savepoint</dt><dd class="small" data-testid="savepoint">{d.savepoint}</dd></>}
        <dt>Updated</dt><dd>{time(d.updatedAt)}</dd>
      </dl>
      {cause && <div class="error" data-testid="root-cause"><strong>Root cause</strong><div class="detail">{cause}</div></div>}
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
      {!terminal(state) && <Throughput id={d.id} />}
      {canEdit() && <Actions d={d} onDone={done} onError={setError} />}
      <h3>History</h3>
      <div class="table-wrap">
        <table class="list stack" data-testid="history">
          <thead><tr><th>When</th><th>Action</th><th>Version</th><th>By</th><th>Flink job</th><th>Detail</th></tr></thead>
          <tbody>
            {history.map((a) => (
              <tr>
                <td data-label="When">{time(a.at)}</td><td data-label="Action">{a.action}</td>
                <td data-label="Version">{a.version}</td><td data-label="By">{a.actor}</td>
                <td data-label="Flink job" class="small">{a.jobId || ""}</td>
                <td data-label="Detail" class="small">{[a.detail, a.savepoint].filter(Boolean).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function Actions({ d, onDone, onError }: { d: Deployment; onDone: (m: string) => void; onError: (e: unknown) => void }) {
  const [savepoint, setSavepoint] = useState(true);
  const [versions, setVersions] = useState<Version[]>([]);
  const [to, setTo] = useState("");
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [allowLoss, setAllowLoss] = useState(false);
  const [busy, setBusy] = useState("");
  useEffect(() => {
    get(`/flows/${d.flowId}/versions`).then((r) => {
      setVersions(r.items);
      const other = (r.items as Version[]).find((v) => v.version !== d.version);
      setTo(other ? String(other.version) : "");
    }, onError);
  }, [d.id, d.version]);
  const run = async (what: string, f: () => Promise<string>) => {
    setBusy(what);
    try {
      onDone(await f());
    } catch (e) {
      if (e instanceof ApiError && e.problems.length && (what === "upgrade" || what === "rollback")) setRefused(e);
      else onError(e);
    } finally {
      setBusy("");
    }
  };
  const running = !terminal(d.state);
  const stop = () => run("stop", async () => {
    const r: Deployment = await post(`/deployments/${d.id}/stop`, { savepoint });
    return r.savepoint && savepoint ? `Stopped with a savepoint at ${r.savepoint}.` : "Stopped.";
  });
  const upgrade = () => run("upgrade", async () => {
    const r: Deployment = await post(`/deployments/${d.id}/upgrade`, { toVersion: Number(to), allowStateLoss: allowLoss });
    setRefused(null); setAllowLoss(false);
    return `Upgraded to version ${r.version}.`;
  });
  const rollback = () => run("rollback", async () => {
    const r: Deployment = await post(`/deployments/${d.id}/rollback`, { allowStateLoss: allowLoss });
    setRefused(null); setAllowLoss(false);
    return `Rolled back to version ${r.version}.`;
  });
  return (
    <div class="deploy-actions">
      {running && (
        <div class="actions">
          <label class="inline"><input type="checkbox" checked={savepoint} onChange={(e) => setSavepoint((e.target as HTMLInputElement).checked)} />
            with a savepoint</label>
          <button type="button" class="danger" disabled={!!busy} onClick={stop}>{busy === "stop" ? "Stopping…" : "Stop"}</button>
        </div>
      )}
      {versions.length > 1 && <div class="actions">
        <label>Upgrade to version
          <select value={to} onChange={(e) => setTo((e.target as HTMLSelectElement).value)} data-testid="upgrade-version">
            {versions.map((v) => <Option value={String(v.version)} label={`${v.version}${v.version === d.version ? " (deployed)" : ""}${v.message ? " – " + v.message : ""}`} />)}
          </select>
        </label>
        <button type="button" disabled={!!busy || !to || Number(to) === d.version} onClick={upgrade}>{busy === "upgrade" ? "Upgrading…" : "Upgrade"}</button>
        {d.previousVersion ? (
          <button type="button" disabled={!!busy} onClick={rollback}>{busy === "rollback" ? "Rolling back…" : `Roll back to version ${d.previousVersion}`}</button>
        ) : null}
      </div>}
      {versions.length <= 1 && d.previousVersion ? (
        <div class="actions"><button type="button" disabled={!!busy} onClick={rollback}>{`Roll back to version ${d.previousVersion}`}</button></div>
      ) : null}
      {refused && (
        <div class="conflict" role="alert" data-testid="refused">
          <strong>{refused.title}</strong>
          {refused.detail && <div class="detail">{refused.detail}</div>}
          <ul>{refused.problems.map((p) => <li>{p.line ? `line ${p.line}: ` : ""}{p.stage ? `stage '${p.stage}': ` : ""}{p.message}</li>)}</ul>
          <label class="inline"><input type="checkbox" checked={allowLoss} data-testid="allow-state-loss"
            onChange={(e) => setAllowLoss((e.target as HTMLInputElement).checked)} />
            Allow dropping the state these findings name</label>
          <div class="actions">
            <button type="button" class="danger" disabled={!allowLoss || !!busy} onClick={upgrade}>Upgrade anyway</button>
            <button type="button" onClick={() => { setRefused(null); setAllowLoss(false); }}>Cancel</button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Per-stage counters and rates, refreshed every two seconds, with a small chart of records out per second. */
export function Throughput({ id }: { id: string }) {
  const [m, setM] = useState<Metrics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const series = useRef<Map<string, number[]>>(new Map());
  useEffect(() => {
    let live = true;
    const tick = async () => {
      try {
        const r: Metrics = await get(`/deployments/${encodeURIComponent(id)}/metrics`);
        for (const s of r.stages) {
          const a = series.current.get(s.stage) || [];
          a.push(s.outPerSecond || s.inPerSecond);
          if (a.length > 30) a.shift();
          series.current.set(s.stage, a);
        }
        if (live) { setM(r); setError(null); }
      } catch (e) {
        if (live) setError(e);
      }
    };
    tick();
    const t = setInterval(tick, POLL_MS);
    return () => { live = false; clearInterval(t); };
  }, [id]);
  return (
    <section aria-label="Live throughput" data-testid="throughput">
      <h3>Live throughput <span class="muted small">every {POLL_MS / 1000} s{m ? `, at ${time(m.at)}` : ""}</span></h3>
      <ErrorBox error={error} />
      {!m ? <Loading /> : m.stages.length === 0 ? <p class="muted">No stage counters yet.</p> : (
        <div class="table-wrap">
          <table class="list stack" data-testid="metrics">
            <thead><tr><th>Stage</th><th>In</th><th>Out</th><th>Errors</th><th>In/s</th><th>Out/s</th><th>Last minute</th></tr></thead>
            <tbody>
              {m.stages.map((s) => (
                <tr data-stage={s.stage}>
                  <td data-label="Stage">{s.stage}</td>
                  <td data-label="In" data-metric="recordsIn">{s.recordsIn}</td>
                  <td data-label="Out" data-metric="recordsOut">{s.recordsOut}</td>
                  <td data-label="Errors" data-metric="errors" class={s.errors ? "failed" : ""}>{s.errors}</td>
                  <td data-label="In/s">{s.inPerSecond}</td>
                  <td data-label="Out/s">{s.outPerSecond}</td>
                  <td data-label="Last minute"><Spark values={series.current.get(s.stage) || []} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Spark({ values }: { values: number[] }) {
  const w = 120, h = 24;
  const max = Math.max(1, ...values);
  const pts = values.map((v, i) => `${(i * w) / 29},${h - (v / max) * (h - 2) - 1}`).join(" ");
  return (
    <svg class="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`records per second, up to ${max}`}>
      <polyline points={pts} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
