// Validates the text in the editor through the server, a short while after the last keystroke.
import { useEffect, useRef, useState } from "preact/hooks";
import { post, project, type Problem } from "./api";

export function useValidation(text: string, flowId?: string) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  useEffect(() => {
    setChecked(false);
    const n = ++seq.current;
    const t = setTimeout(async () => {
      try {
        const r = flowId
          ? await post(`/flows/${flowId}/validate`, { yaml: text })
          : await post("/validate", { yaml: text }, { project: project() });
        if (n !== seq.current) return;
        setProblems(r.problems || []);
        setError(null);
      } catch (e) {
        if (n !== seq.current) return;
        setError(e);
      }
      setChecked(true);
    }, 400);
    return () => clearTimeout(t);
  }, [text, flowId]);
  return { problems, checked, error };
}
