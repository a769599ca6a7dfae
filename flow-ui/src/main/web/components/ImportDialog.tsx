// Import a zip of flows with a conflict choice (skip, replace, rename), then show the server's report.
import { useState } from "preact/hooks";
import { call, project } from "../api";
import { Dialog, ErrorBox, problemText } from "./common";

interface Outcome {
  name: string;
  result: string;
  newName?: string;
  reason?: string;
  problems?: { message: string }[];
}

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState("skip");
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{ flows: Outcome[]; parameterSets: Outcome[] } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    try {
      setReport(await call("POST", "/import", {
        query: { project: project(), conflictResolution: mode },
        raw: file,
        contentType: "application/zip",
      }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog title="Import flows" onClose={onClose}>
      {!report ? (
        <form onSubmit={submit}>
          <label>Zip file <input type="file" name="zip" accept=".zip,application/zip" required
            onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] || null)} /></label>
          <fieldset>
            <legend>When a flow of that name exists</legend>
            {[["skip", "Skip it"], ["replace", "Replace it (a new version)"], ["rename", "Import under a new name"]].map(([v, l]) => (
              <label class="inline"><input type="radio" name="conflict" value={v} checked={mode === v}
                onChange={() => setMode(v)} /> {l}</label>
            ))}
          </fieldset>
          <ErrorBox error={error} />
          <div class="actions"><button type="submit" class="primary">Import</button>
            <button type="button" onClick={onClose}>Cancel</button></div>
        </form>
      ) : (
        <div data-testid="import-report">
          <table class="list">
            <thead><tr><th>Flow</th><th>Result</th><th>Details</th></tr></thead>
            <tbody>
              {report.flows.map((f) => (
                <tr data-import={f.name}>
                  <td>{f.name}</td><td class={`result ${f.result}`}>{f.result}</td>
                  <td>{f.newName && <>as <strong>{f.newName}</strong> </>}{f.reason}
                    {f.problems?.map((p) => <div>{problemText(p)}</div>)}</td>
                </tr>
              ))}
              {report.parameterSets.map((p) => (
                <tr><td>parameter set {p.name}</td><td>{p.result}</td><td>{p.newName}{p.reason}</td></tr>
              ))}
            </tbody>
          </table>
          <div class="actions"><button type="button" class="primary" onClick={onClose}>Close</button></div>
        </div>
      )}
    </Dialog>
  );
}
