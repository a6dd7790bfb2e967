// The console's entry: the public pages a mailed link opens (accept an invitation, reset a
// password) and the one that asks for a reset link; otherwise sign-in (through identity's
// sign-in page, back on signin/callback), then a hash router over two views (the organisation
// overview, a team). On each view change the page title and the focus move to the new heading, and the
// status region says what loaded, so keyboard and screen-reader users follow along.
import { createHuddleClients } from "../../clients/typescript/src/index.ts";
import { apiBase, clientsFor, consoleRoot, need } from "./api.ts";
import { SignInRefused, type SignInFlow } from "./auth/flow.ts";
import { codeFlow } from "./auth/pkce.ts";
import { Session } from "./auth/session.ts";
import { disposeCharts } from "./charts.ts";
import { h } from "./dom.ts";
import {
  renderAcceptInvitation,
  renderForgotPassword,
  renderResetPassword,
} from "./views/account.ts";
import { renderOverview } from "./views/overview.ts";
import { renderSignIn } from "./views/signin.ts";
import { renderTeam } from "./views/team.ts";

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;

const publicIdentity = createHuddleClients({ baseUrl: apiBase }).identity;

/** Identity's authorization-code flow with PKCE, the console being the client huddle-console. */
function signInFlow(): SignInFlow {
  return codeFlow({
    root: consoleRoot(),
    identityBase: apiBase("identity"),
    storage: window.sessionStorage,
    navigate: (url) => window.location.assign(url),
  });
}

/** The public page the location names (`#/reset-password?token=...`), if any; true if shown. */
function publicPage(): boolean {
  const [path, query] = window.location.hash.replace(/^#/, "").split("?", 2);
  const token = new URLSearchParams(query ?? "").get("token") ?? "";
  if (path === "/accept-invitation" && token) {
    renderAcceptInvitation(main, publicIdentity, token);
  } else if (path === "/reset-password" && token) {
    renderResetPassword(main, publicIdentity, token);
  } else if (path === "/forgot-password") {
    renderForgotPassword(main, publicIdentity);
  } else {
    return false;
  }
  nav.replaceChildren();
  const heading = main.querySelector("h1");
  document.title = `${heading?.textContent ?? "Huddle"} · Huddle console`;
  status.textContent = `${heading?.textContent ?? "Page"} loaded`;
  return true;
}

const session = new Session(() => void route());
session.use(signInFlow());
const clients = clientsFor(session);
let orgId: string | null = null;
let who = "";
/** Why the last sign-in was refused, shown once on the sign-in page. */
let refusal: string | null = null;

/** Identity's answer on signin/callback: the address bar leaves it at once (the code must not
 * stay in the history), then the code is traded for tokens. */
async function finishSignIn(): Promise<void> {
  const answer = new URL(window.location.href);
  window.history.replaceState(null, "", `${consoleRoot()}#/`);
  main.replaceChildren(h("p", {}, "Signing you in…"));
  try {
    await session.finishSignIn(answer);
  } catch (error) {
    refusal =
      error instanceof SignInRefused ? error.message : "Sign-in failed. Please sign in again.";
  }
}

function renderNav(): void {
  if (!session.signedIn) {
    nav.replaceChildren();
    return;
  }
  const signOut = h(
    "button",
    { type: "button", class: "link-button" },
    "Sign out",
  ) as HTMLButtonElement;
  signOut.addEventListener("click", () => {
    orgId = null;
    signOut.disabled = true;
    void session.signOut().then((revoked) => {
      status.textContent = revoked
        ? "You are signed out."
        : "You are signed out here; Huddle could not be reached to end the session.";
    });
  });
  nav.replaceChildren(
    h(
      "ul",
      {},
      h("li", {}, h("a", { href: "#/" }, "Organisation overview")),
      h("li", {}, h("span", { class: "who" }, who)),
      h("li", {}, signOut),
    ),
  );
}

async function route(): Promise<void> {
  disposeCharts();
  main.setAttribute("aria-busy", "true");
  try {
    if (publicPage()) return;
    if (refusal !== null || (!session.signedIn && !(await session.resume()))) {
      renderNav();
      document.title = "Sign in · Huddle console";
      renderSignIn(main, session, refusal);
      refusal = null;
      return;
    }
    if (!orgId) {
      const me = need("your account", await clients.identity.GET("/v1/users/me"));
      orgId = me.org_id;
      who = me.display_name ?? me.email ?? "Signed in";
    }
    renderNav();
    const team = /^#\/teams\/([\w-]+)$/.exec(window.location.hash);
    if (team?.[1]) {
      await renderTeam(main, clients, team[1]);
    } else {
      await renderOverview(main, clients, orgId);
    }
    const heading = main.querySelector("h1");
    document.title = `${heading?.textContent ?? "Huddle"} · Huddle console`;
    status.textContent = `${heading?.textContent ?? "Page"} loaded`;
    heading?.focus();
  } catch (error) {
    main.replaceChildren(
      h("h1", { tabindex: "-1" }, "Something went wrong"),
      h("p", { role: "alert" }, error instanceof Error ? error.message : String(error)),
      h("p", {}, h("a", { href: "#/" }, "Back to the organisation overview")),
    );
  } finally {
    main.removeAttribute("aria-busy");
    main.dataset.ready = "true";
  }
}

window.addEventListener("hashchange", () => {
  delete main.dataset.ready;
  void route();
});
// Back from identity's page to a page the browser kept (bfcache): draw it afresh.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) void route();
});
void (async () => {
  if (session.isCallback(new URL(window.location.href))) await finishSignIn();
  await route();
})();
