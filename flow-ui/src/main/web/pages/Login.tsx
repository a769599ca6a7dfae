// Sign in with a token that `flow server` printed, or one an admin created.
import { useState } from "preact/hooks";
import { ErrorBox } from "../components/common";
import { signIn, type Session } from "../session";

export function Login({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(value.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login card" onSubmit={submit}>
      <h1>Sign in to Flow</h1>
      <label for="token">Token</label>
      <input id="token" name="token" type="password" autoComplete="off" autoFocus required
        value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      <p class="muted">The admin token is printed once when the server first starts.</p>
      <ErrorBox error={error} />
      <button type="submit" class="primary" disabled={busy}>Sign in</button>
    </form>
  );
}
