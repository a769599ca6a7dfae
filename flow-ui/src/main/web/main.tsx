// The entry point: sign-in, the header and the routes to the pages.
import { Component, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ErrorBox, Loading } from "./components/common";
import { FlowList } from "./pages/FlowList";
import { Deployments } from "./pages/Deployments";
import { FlowPage } from "./pages/FlowPage";
import { NewFlow } from "./pages/NewFlow";
import { ParamSets } from "./pages/ParamSets";
import { Login } from "./pages/Login";
import { go, usePath } from "./router";
import { restore, session, signOut, type Session } from "./session";

function App() {
  const [me, setMe] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const path = usePath();
  useEffect(() => {
    restore().then(setMe, (e) => {
      setError(e);
      setMe(null);
    });
    const onUnauthorized = () => {
      signOut();
      setMe(null);
    };
    window.addEventListener("flow-unauthorized", onUnauthorized);
    return () => window.removeEventListener("flow-unauthorized", onUnauthorized);
  }, []);
  if (me === undefined) return <Loading />;
  if (me === null)
    return (
      <main id="main">
        <ErrorBox error={error} />
        <Login onSignedIn={(s) => { setError(null); setMe(s); if (!path.length) go("/flows"); }} />
      </main>
    );
  const [section, id, tab] = path;
  let page;
  if (section === "params") page = <ParamSets name={id} />;
  else if (section === "deployments") page = <Deployments id={id} />;
  else if (section === "flows" && id === "new") page = <NewFlow />;
  else if (section === "flows" && id) page = <FlowPage id={id} tab={tab || "editor"} />;
  else page = <FlowList />;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/flows">Flow</a>
        <nav aria-label="Sections">
          <a href="#/flows" aria-current={section === "flows" || !section ? "page" : undefined}>Flows</a>
          <a href="#/deployments" aria-current={section === "deployments" ? "page" : undefined}>Deployments</a>
          <a href="#/params" aria-current={section === "params" ? "page" : undefined}>Parameter sets</a>
        </nav>
        <span class="who" data-testid="who">
          {session()?.name} · <span data-testid="role">{session()?.role}</span>
        </span>
        <button type="button" class="link" onClick={() => { signOut(); setMe(null); go("/"); }}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

class Boundary extends Component<{}, { error: unknown }> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  render() {
    if (this.state.error)
      return (
        <main id="main">
          <ErrorBox error={this.state.error} />
          <button type="button" onClick={() => location.reload()}>Reload</button>
        </main>
      );
    return <App />;
  }
}

render(<Boundary />, document.getElementById("app")!);
