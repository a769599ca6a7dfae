// Who is signed in, and with which role; the UI hides edit controls from read-only tokens.
import { ApiError, get, setToken, token } from "./api";

export type Role = "read" | "edit" | "admin";

export interface Session {
  name: string;
  role: Role;
}

let current: Session | null = null;

export function session(): Session | null {
  return current;
}

export function canEdit(): boolean {
  return current?.role === "edit" || current?.role === "admin";
}

/** Signs in with a token: asks the server who the token is; throws the server's error otherwise. */
export async function signIn(t: string): Promise<Session> {
  setToken(t);
  try {
    const me = await get("/me");
    current = { name: me.name, role: me.role };
    return current;
  } catch (e) {
    setToken(null);
    current = null;
    throw e;
  }
}

/** Restores the session of a token kept in this tab, if it is still valid. */
export async function restore(): Promise<Session | null> {
  const t = token();
  if (!t) return null;
  try {
    return await signIn(t);
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) throw e;
    return null;
  }
}

export function signOut() {
  setToken(null);
  current = null;
}
