// The signed-out page: a button that leaves for identity's sign-in page (email and password
// are typed there, never into the console), a refused sign-in read out by screen readers, and
// the link to ask for a password reset.
import { SignInRefused } from "../auth/flow.ts";
import type { Session } from "../auth/session.ts";
import { h } from "../dom.ts";

export function renderSignIn(main: HTMLElement, session: Session, refusal: string | null): void {
  const error = h("p", { id: "sign-in-error", class: "error", role: "alert" }, refusal);
  const start = h(
    "button",
    {
      type: "button",
      id: "sign-in",
      class: "primary-button",
      "aria-describedby": "sign-in-help sign-in-error",
    },
    "Sign in",
  ) as HTMLButtonElement;
  start.addEventListener("click", () => {
    error.textContent = "";
    start.disabled = true;
    session.signIn().catch((reason: unknown) => {
      error.textContent =
        reason instanceof SignInRefused ? reason.message : "Sign-in could not start. Try again.";
      start.disabled = false;
      start.focus();
    });
  });
  main.replaceChildren(
    h(
      "div",
      { class: "sign-in" },
      h("h1", { tabindex: "-1" }, "Sign in to Huddle"),
      h(
        "p",
        { id: "sign-in-help" },
        "Sign in with your Huddle account on Huddle's sign-in page. Dashboards show only ",
        "aggregates; values resting on too few responses are withheld.",
      ),
      start,
      error,
      h("p", {}, h("a", { href: "#/forgot-password" }, "Forgot your password?")),
    ),
  );
  start.focus();
}
