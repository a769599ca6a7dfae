// Deployments of the server (issue 13); an older server without them answers 404 and the UI says so.
import { ApiError, get, project } from "./api";

export interface Deployment {
  id: string;
  flowId: string;
  flowName?: string;
  version: number;
  environment: string;
  parameterSets?: string[];
  status: string;
  jobId?: string;
  flinkUrl?: string;
  rootCause?: string;
  [k: string]: unknown;
}

let supported: boolean | undefined;

/** Whether this server has the deployment endpoints. */
export async function deploySupported(): Promise<boolean> {
  if (supported !== undefined) return supported;
  try {
    await get("/environments");
    supported = true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) supported = false;
    else throw e;
  }
  return supported;
}

/** The current deployment of each flow of the project, by flow id; empty without the endpoints. */
export async function deploymentsByFlow(): Promise<Map<string, Deployment>> {
  const m = new Map<string, Deployment>();
  if (!(await deploySupported())) return m;
  const d = await get("/deployments", { project: project(), size: 500 });
  for (const x of (d.items || d) as Deployment[]) if (!m.has(x.flowId)) m.set(x.flowId, x);
  return m;
}
