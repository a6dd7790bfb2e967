// The sign-in form: labelled fields, the refusal read out by screen readers.
import { SignInRefused } from "../auth/flow.ts";
import type { Session } from "../auth/session.ts";
import { h } from "../dom.ts";

export function renderSignIn(main: HTMLElement, session: Session, done: () => void): void {
  const error = h("p", { id: "sign-in-error", class: "error", role: "alert" });
  const email = h("input", {
    id: "email",
    name: "username",
    type: "email",
    autocomplete: "username",
    required: true,
  }) as HTMLInputElement;
  const password = h("input", {
    id: "password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  }) as HTMLInputElement;
  const submit = h("button", { type: "submit" }, "Sign in") as HTMLButtonElement;
  const form = h(
    "form",
    { "aria-describedby": "sign-in-help sign-in-error", novalidate: false },
    h("div", { class: "field" }, h("label", { for: "email" }, "Email"), email),
    h("div", { class: "field" }, h("label", { for: "password" }, "Password"), password),
    submit,
    error,
    h("p", {}, h("a", { href: "#/forgot-password" }, "Forgot your password?")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    submit.disabled = true;
    session
      .signIn(email.value.trim(), password.value)
      .then(done)
      .catch((reason: unknown) => {
        error.textContent =
          reason instanceof SignInRefused ? reason.message : "Sign-in failed. Try again.";
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  main.replaceChildren(
    h(
      "div",
      { class: "sign-in" },
      h("h1", {}, "Sign in to Huddle"),
      h(
        "p",
        { id: "sign-in-help" },
        "Use your Huddle account. Dashboards show only aggregates; values resting on too few ",
        "responses are withheld.",
      ),
      form,
    ),
  );
  email.focus();
}
