// The runs of a flow, on a server with the deployment endpoints.
import { useEffect, useState } from "preact/hooks";
import type { Flow } from "../api";
import { ErrorBox, Loading } from "../components/common";
import { deploySupported } from "../deploy";

export function RunsTab({ flow }: { flow: Flow }) {
  const [ok, setOk] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { deploySupported().then(setOk, setError); }, [flow.id]);
  if (error) return <ErrorBox error={error} />;
  if (ok === null) return <Loading />;
  return <p class="notice" data-testid="no-deploy">This server has no deployment endpoints (/api/v1/environments answers 404).</p>;
}
