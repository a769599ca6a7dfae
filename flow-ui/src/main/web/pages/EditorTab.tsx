// The flow's YAML with completion and located problems; saves a new version, and shows a conflict
// with a newer version instead of losing the text.
import { useState } from "preact/hooks";
import { ApiError, get, put, type Flow } from "../api";
import { ErrorBox } from "../components/common";
import { Problems } from "../components/Problems";
import { type EditorHandle, YamlEditor } from "../components/YamlEditor";
import { canEdit } from "../session";
import { useValidation } from "../validation";

export function EditorTab({ flow, onSaved }: { flow: Flow; onSaved: (f: Flow) => void }) {
  const [text, setText] = useState(flow.yaml || "");
  const [base, setBase] = useState(flow.version);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Flow | null>(null);
  const [notice, setNotice] = useState("");
  const [editor, setEditor] = useState<EditorHandle | null>(null);
  const v = useValidation(text, flow.id);
  const edit = canEdit();
  const dirty = text !== (flow.yaml || "") || base !== flow.version;

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNotice("");
    try {
      const saved: Flow = await put(`/flows/${flow.id}`, { baseVersion: base, yaml: text, message: message || undefined });
      const f = { ...saved, yaml: saved.yaml ?? text };
      setBase(f.version);
      setConflict(null);
      setMessage("");
      setNotice(`Saved as version ${f.version}.`);
      onSaved(f);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        try {
          setConflict(await get(`/flows/${flow.id}`));
        } catch (e2) {
          setError(e2);
        }
      }
      setError(err);
    }
  };
  return (
    <div>
      {!edit && <p class="notice">Read-only: your token can view this flow but not change it.</p>}
      <div class="split">
        <div class="grow">
          <YamlEditor value={text} readOnly={!edit} problems={v.problems} onChange={setText} onReady={setEditor} />
          <p class="muted small">Ctrl+Space completes from Flow's schema, with each key's description; Esc then Tab leaves the editor.</p>
        </div>
        <aside class="side">
          <Problems problems={v.problems} checked={v.checked} onPick={(p) => editor?.goTo(p.line || 1, p.column)} />
          <ErrorBox error={v.error} />
        </aside>
      </div>
      {conflict && (
        <div class="conflict" role="alert" data-testid="conflict">
          <strong>Version {conflict.version} was saved by someone else after version {base}, the one you edited.</strong>
          <p>Your text is still in the editor. Copy what you need, then:</p>
          <div class="actions">
            <button type="button" onClick={() => { setBase(conflict.version); setConflict(null); setError(null); }}>
              Keep my text, save over version {conflict.version}
            </button>
            <button type="button" onClick={() => { setText(conflict.yaml || ""); setBase(conflict.version); setConflict(null); setError(null); onSaved(conflict); }}>
              Discard my text, load version {conflict.version}
            </button>
          </div>
        </div>
      )}
      {edit && (
        <form class="savebar" onSubmit={save}>
          <label>Message <input name="message" value={message} placeholder="What changed"
            onInput={(e) => setMessage((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" class="primary" disabled={!dirty} data-testid="save">Save as a new version</button>
          {dirty && <span class="muted">unsaved changes</span>}
        </form>
      )}
      {notice && <p class="notice" role="status">{notice}</p>}
      <ErrorBox error={error} onClose={() => setError(null)} />
    </div>
  );
}
