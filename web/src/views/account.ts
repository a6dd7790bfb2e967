// The pages a mailed link opens, and the request for one: accept an invitation (choose a
// password), forgot password (ask for a link), reset password (choose a new one). Public: no
// session needed. The link's token is in the URL's fragment, which the browser never sends.
import type { IdentityClient } from "../../../clients/typescript/src/index.ts";
import { h } from "../dom.ts";

interface Problem {
  detail?: string | null;
  errors?: { message?: string }[];
}

function field(id: string, label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  input.id = id;
  const parts: (HTMLElement | null)[] = [h("label", { for: id }, label), input];
  if (hint) {
    input.setAttribute("aria-describedby", `${id}-hint`);
    parts.push(h("small", { id: `${id}-hint` }, hint));
  }
  return h("div", { class: "field" }, ...parts);
}

function newPassword(): HTMLInputElement {
  return h("input", {
    name: "new-password",
    type: "password",
    autocomplete: "new-password",
    required: true,
    minlength: "12",
  }) as HTMLInputElement;
}

function why(problem: unknown, fallback: string): string {
  const body = problem as Problem | undefined;
  const reasons = (body?.errors ?? []).map((e) => e.message).filter(Boolean);
  if (reasons.length) return `The password ${reasons.join("; ")}.`;
  return body?.detail ?? fallback;
}

function page(main: HTMLElement, title: string, ...content: HTMLElement[]): void {
  const heading = h("h1", { tabindex: "-1" }, title);
  main.replaceChildren(h("div", { class: "sign-in" }, heading, ...content));
}

/** A form whose submit runs `send`; its outcome replaces the form, or is read out as an error. */
function form(
  fields: HTMLElement[],
  label: string,
  send: () => Promise<HTMLElement | string>,
): HTMLFormElement {
  const error = h("p", { class: "error", role: "alert" });
  const submit = h("button", { type: "submit" }, label) as HTMLButtonElement;
  const element = h("form", {}, ...fields, submit, error) as HTMLFormElement;
  element.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    submit.disabled = true;
    send()
      .then((outcome) => {
        if (typeof outcome === "string") {
          error.textContent = outcome;
          return;
        }
        element.replaceWith(outcome);
        outcome.focus();
      })
      .catch(() => {
        error.textContent = "Huddle could not be reached. Try again.";
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return element;
}

function done(text: string): HTMLElement {
  return h(
    "div",
    { role: "status", tabindex: "-1", class: "done" },
    h("p", {}, text),
    h("p", {}, h("a", { href: "#/" }, "Sign in")),
  );
}

export function renderAcceptInvitation(
  main: HTMLElement,
  identity: IdentityClient,
  token: string,
): void {
  const password = newPassword();
  const accept = form(
    [field("password", "Choose a password", password, "At least 12 characters.")],
    "Join",
    async () => {
      const { data, error } = await identity.POST("/v1/invitations/accept", {
        body: { token, password: password.value },
      });
      if (!data) return why(error, "This invitation link cannot be used.");
      return done(`Welcome to Huddle. Sign in as ${data.email ?? "your invited address"}.`);
    },
  );
  page(
    main,
    "Accept your invitation",
    h("p", {}, "Choose the password you will sign in with."),
    accept,
  );
  password.focus();
}

export function renderForgotPassword(main: HTMLElement, identity: IdentityClient): void {
  const email = h("input", {
    name: "email",
    type: "email",
    autocomplete: "username",
    required: true,
  }) as HTMLInputElement;
  const ask = form([field("email", "Email", email)], "Send me a link", async () => {
    const { data, response } = await identity.POST("/v1/password-resets", {
      body: { email: email.value.trim() },
    });
    if (response.status === 429) return "Too many requests for this address. Try again later.";
    if (!data) return "The request could not be sent. Try again.";
    return done(data.detail);
  });
  page(
    main,
    "Reset your password",
    h("p", {}, "Enter the email you sign in with; a link to choose a new password follows."),
    ask,
  );
  email.focus();
}

export function renderResetPassword(
  main: HTMLElement,
  identity: IdentityClient,
  token: string,
): void {
  const password = newPassword();
  const reset = form(
    [field("password", "New password", password, "At least 12 characters.")],
    "Set the new password",
    async () => {
      const { error, response } = await identity.POST("/v1/password-resets/complete", {
        body: { token, password: password.value },
      });
      if (response.status !== 204) return why(error, "This reset link cannot be used.");
      return done("Your password is changed, and you are signed out everywhere else.");
    },
  );
  page(main, "Choose a new password", reset);
  password.focus();
}
