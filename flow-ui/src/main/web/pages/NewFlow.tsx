// Create a flow: a starting YAML with completion and live validation, then Create.
import { useState } from "preact/hooks";
import { post, project } from "../api";
import { ErrorBox } from "../components/common";
import { Problems } from "../components/Problems";
import { type EditorHandle, YamlEditor } from "../components/YamlEditor";
import { go } from "../router";
import { useValidation } from "../validation";

const TEMPLATE = `name: my flow
description: Reads a few records and logs them.
stages:
  - name: records
    action: Inline Records
    props:
      records:
        - {id: 1, amount: 120}
        - {id: 2, amount: 15}
    out: [print]

  - name: print
    action: Log
    props: {}
`;

export function NewFlow() {
  const [text, setText] = useState(TEMPLATE);
  const [message, setMessage] = useState("First version");
  const [error, setError] = useState<unknown>(null);
  const [editor, setEditor] = useState<EditorHandle | null>(null);
  const v = useValidation(text);
  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const f = await post("/flows", { yaml: text, message }, { project: project() });
      go(`/flows/${encodeURIComponent(f.id)}/editor`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <div class="titlebar"><h1>New flow</h1></div>
      <p class="muted">The flow's name comes from its <code>name:</code>. Ctrl+Space completes; Esc then Tab leaves the editor.</p>
      <div class="split">
        <div class="grow">
          <YamlEditor value={text} problems={v.problems} onChange={setText} onReady={setEditor} />
        </div>
        <aside class="side">
          <Problems problems={v.problems} checked={v.checked} onPick={(p) => editor?.goTo(p.line || 1, p.column)} />
          <ErrorBox error={v.error} />
        </aside>
      </div>
      <form class="savebar" onSubmit={create}>
        <label>Message <input name="message" value={message} onInput={(e) => setMessage((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" class="primary">Create</button>
        <a class="button" href="#/flows">Cancel</a>
      </form>
      <ErrorBox error={error} onClose={() => setError(null)} />
    </section>
  );
}
