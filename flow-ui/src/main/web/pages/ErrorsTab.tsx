// The error records of a flow: browse by stage, view one record, select and replay.
import { useEffect, useState } from "preact/hooks";
import { ApiError, get, post, type Flow, type Page } from "../api";
import { ErrorBox, Loading, Pager, time } from "../components/common";
import type { ErrorRecord } from "../runs";
import { canEdit } from "../session";
import { stagesOf } from "../stages";

const SIZE = 50;

export function ErrorsTab({ flow }: { flow: Flow }) {
  const [stage, setStage] = useState("");
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<ErrorRecord> | null>(null);
  const [open, setOpen] = useState<ErrorRecord | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const load = async (p = page, s = stage) => {
    setError(null);
    try {
      setData(await get("/error-records", { flow: flow.name, stage: s, page: p, size: SIZE }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && !data) setMissing(true);
      else setError(e);
    }
  };
  useEffect(() => { load(page); }, [flow.id, page]);
  if (missing) return <p class="notice" data-testid="no-error-records">This server has no error-records endpoint (/api/v1/error-records answers 404).</p>;
  const toggle = (id: number) => {
    const s = new Set(selected);
    s.has(id) ? s.delete(id) : s.add(id);
    setSelected(s);
  };
  const replay = async () => {
    setError(null);
    try {
      const r = await post("/error-records/replay", { ids: [...selected] });
      setNotice(`Replayed ${selected.size} record(s) in run ${r.runIds.join(", ")}.`);
      setSelected(new Set());
      load();
    } catch (e) {
      setError(e);
    }
  };
  const stages = stagesOf(flow.yaml || "").map((s) => s.name);
  return (
    <section class="split" data-testid="errors-page">
      <div class="grow">
        <div class="filters">
          <label>Stage
            <select name="stage" value={stage} onChange={(e) => { const s = (e.target as HTMLSelectElement).value; setStage(s); setPage(0); load(0, s); }}>
              <option value="">all stages</option>
              {stages.map((s) => <option value={s}>{s}</option>)}
            </select>
          </label>
          {canEdit() && <button type="button" class="primary" disabled={!selected.size} onClick={replay}>
            Replay selected ({selected.size})</button>}
          <button type="button" onClick={() => load()}>Refresh</button>
        </div>
        {notice && <p class="notice" role="status">{notice}</p>}
        <ErrorBox error={error} onClose={() => setError(null)} />
        {!data ? (!error && <Loading />) : data.items.length === 0 ? <p class="muted">No error records.</p> : (
          <div class="table-wrap">
            <table class="list stack" data-testid="error-records">
              <thead><tr><th><span class="sr">Select</span></th><th>When</th><th>Stage</th><th>Error</th><th>Version</th><th>Replayed</th></tr></thead>
              <tbody>
                {data.items.map((r) => (
                  <tr data-error-record={r.id} class={open?.id === r.id ? "selected" : ""}>
                    <td class="select">{canEdit() && <input type="checkbox" aria-label={`Select error record ${r.id}`}
                      checked={selected.has(r.id)} onChange={() => toggle(r.id)} />}</td>
                    <td data-label="When"><button type="button" class="link" onClick={() => setOpen(r)}>{time(r.timestamp)}</button></td>
                    <td data-label="Stage">{r.stage} <span class="muted small">{r.action}</span></td>
                    <td data-label="Error" class="small">{r.error}</td>
                    <td data-label="Version">{r.version}</td>
                    <td data-label="Replayed" class="small">{r.replayedBy || ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data && <Pager page={data.page} size={data.size} total={data.total} onPage={setPage} />}
      </div>
      <aside class="side wide" aria-label="Error record">
        {open ? (
          <div class="card" data-testid="error-record">
            <h3>Record {open.id} at stage '{open.stage}'</h3>
            <p class="small">{open.error}</p>
            <p class="muted small">{open.policy === "STAGE_RECORD" ? "The record as the stage saw it" : "The original record"}
              {open.runId ? ` · run ${open.runId}` : ""}</p>
            <pre class="code" data-testid="error-record-body">{open.record !== null && open.record !== undefined
              ? JSON.stringify(open.record, null, 2) : open.bytes ? `(${open.bytes.length} base64 characters)\n${open.bytes}` : "(no record)"}</pre>
          </div>
        ) : <p class="muted">Choose a record to see it.</p>}
      </aside>
    </section>
  );
}
