// The YAML editor: CodeMirror 6 with completion from Flow's JSON Schema, and the
// server's located problems as inline markers.
import { autocompletion, closeBrackets, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { flowCompletion } from "../completion";
import { useEffect, useRef } from "preact/hooks";
import type { Problem } from "../api";

export interface EditorHandle {
  view: EditorView;
  goTo: (line: number, column?: number) => void;
}

/** The document position of a 1-based line and column, clamped to the document. */
function position(state: EditorState, line?: number, column?: number): number {
  const l = state.doc.line(Math.min(Math.max(line || 1, 1), state.doc.lines));
  return Math.min(l.from + Math.max((column || 1) - 1, 0), l.to);
}

export function toDiagnostics(state: EditorState, problems: Problem[]): Diagnostic[] {
  return problems.map((p) => {
    const from = position(state, p.line, p.column);
    const line = state.doc.lineAt(from);
    const to = from < line.to ? line.to : from;
    const severity = p.severity === "warning" ? "warning" : p.severity === "info" ? "info" : "error";
    return { from, to, severity, message: (p.stage ? `stage '${p.stage}': ` : "") + p.message, source: "flow validate" };
  });
}

export function YamlEditor(props: {
  value: string;
  readOnly?: boolean;
  problems: Problem[];
  onChange: (text: string) => void;
  onReady?: (h: EditorHandle) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          lineNumbers(),
          lintGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion(),
          yaml(),
          yamlLanguage.data.of({ autocomplete: flowCompletion }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          EditorState.readOnly.of(!!props.readOnly),
          EditorView.editable.of(!props.readOnly),
          EditorView.contentAttributes.of({ "aria-label": "Flow YAML", "data-testid": "yaml" }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChange.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    // The view on its element, for scripts and browser tests that read or paste the whole text.
    (host.current as any).cmView = v;
    props.onReady?.({
      view: v,
      goTo: (line, column) => {
        const pos = position(v.state, line, column);
        v.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
        v.focus();
      },
    });
    return () => v.destroy();
  }, []);
  // A text set from outside (a reload after a conflict, a restored version) replaces the document.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
  }, [props.value]);
  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toDiagnostics(v.state, props.problems)));
  }, [props.problems]);
  return <div class="editor" ref={host} />;
}
