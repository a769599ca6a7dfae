// The versions of a flow: a diff of two with the savepoint findings of `flow diff`, and restore.
import { useEffect, useState } from "preact/hooks";
import { get, put, type Flow, type Problem, type Version } from "../api";
import { ErrorBox, Loading, Pager, problemText, time } from "../components/common";
import { canEdit } from "../session";

const SIZE = 20;

export function VersionsTab({ flow, onChanged }: { flow: Flow; onChanged: (f: Flow) => void }) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [from, setFrom] = useState(Math.max(1, flow.version - 1));
  const [to, setTo] = useState(flow.version);
  const [diff, setDiff] = useState<{ textDiff: string; findings: Problem[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const [page, setPage] = useState(0);
  useEffect(() => {
    get(`/flows/${flow.id}/versions`).then((r) => setVersions(r.items), setError);
  }, [flow.id, flow.version]);
  const compare = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      setDiff(await get(`/flows/${flow.id}/diff`, { from, to }));
    } catch (err) {
      setError(err);
    }
  };
  const restore = async (v: Version) => {
    setError(null);
    try {
      const old: Version = await get(`/flows/${flow.id}/versions/${v.version}`);
      const f: Flow = await put(`/flows/${flow.id}`, {
        baseVersion: flow.version, yaml: old.yaml, message: `Restore version ${v.version}`,
      });
      setNotice(`Version ${v.version} restored as version ${f.version}.`);
      onChanged({ ...f, yaml: f.yaml ?? old.yaml });
    } catch (err) {
      setError(err);
    }
  };
  if (!versions) return error ? <ErrorBox error={error} /> : <Loading />;
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const shown = sorted.slice(page * SIZE, (page + 1) * SIZE);
  const numbers = sorted.map((v) => v.version);
  return (
    <div>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
      <div class="table-wrap">
        <table class="list" data-testid="versions">
          <thead><tr><th>Version</th><th>Author</th><th>Message</th><th>Time</th><th><span class="sr">Actions</span></th></tr></thead>
          <tbody>
            {shown.map((v) => (
              <tr data-version={v.version}>
                <td>{v.version}{v.version === flow.version && " (current)"}</td>
                <td>{v.author}</td><td>{v.message}</td><td>{time(v.createdAt)}</td>
                <td>{canEdit() && v.version !== flow.version && (
                  <button type="button" onClick={() => restore(v)} aria-label={`Restore version ${v.version}`}>Restore</button>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} size={SIZE} total={sorted.length} onPage={setPage} />
      <form class="filters" onSubmit={compare}>
        <label>From <select value={from} onChange={(e) => setFrom(Number((e.target as HTMLSelectElement).value))}>
          {numbers.map((n) => <option value={n}>{n}</option>)}</select></label>
        <label>To <select value={to} onChange={(e) => setTo(Number((e.target as HTMLSelectElement).value))}>
          {numbers.map((n) => <option value={n}>{n}</option>)}</select></label>
        <button type="submit">Compare</button>
      </form>
      {diff && (
        <div data-testid="diff">
          <h3>Savepoint findings</h3>
          {diff.findings.length === 0 ? <p class="ok">No findings: a job of version {from} can be upgraded to {to} from its savepoint.</p> : (
            <ul class="problems" data-testid="findings">{diff.findings.map((p) => <li class={p.severity || "error"}>{problemText(p)}</li>)}</ul>
          )}
          <h3>Text</h3>
          <pre class="code diff">{diff.textDiff.split("\n").map((l) => (
            <span class={l.startsWith("+") && !l.startsWith("+++") ? "add" : l.startsWith("-") && !l.startsWith("---") ? "del" : l.startsWith("@@") ? "hunk" : ""}>{l + "\n"}</span>
          ))}</pre>
        </div>
      )}
    </div>
  );
}
