// The console is static files: `vite build` writes dist/, which the dev stack's console server
// (huddle_devtools.devinfra.console) and, in production, nginx serve, proxying /api/<service>/
// to the services. `npm run dev` proxies the same prefixes to a running `make up` stack.
import { defineConfig, type Plugin } from "vite";

const SERVICES: Record<string, number> = {
  identity: 8001,
  teams: 8002,
  assessments: 8003,
  insights: 8004,
  integrations: 8005,
};

/**
 * Identity sends the browser back to `<console>/signin/callback`, one level below the console's
 * root, where the build's relative asset URLs (`./assets/...`) would not resolve. So the build
 * also writes `signin/callback.html`: index.html with `<base href="../">`, which puts the page's
 * base (asset URLs, `document.baseURI`, links) back at the console's root, wherever that is.
 * The servers answer `/signin/callback` with it (web/nginx.conf, console_server.py); Vite's dev
 * server answers it with index.html, given the same base here.
 */
export const CALLBACK_PAGE = "signin/callback.html";
const CALLBACK_PATH = "/signin/callback";

function withBase(html: string): string {
  const based = html.replace(/<head>/, '<head>\n    <base href="../" />');
  if (based === html) throw new Error("index.html has no <head>");
  return based;
}

function callbackPage(): Plugin {
  return {
    name: "huddle-signin-callback-page",
    enforce: "post",
    transformIndexHtml(html, context) {
      const path = (context.originalUrl ?? context.path).split("?")[0];
      return context.server && path === CALLBACK_PATH ? withBase(html) : html;
    },
    generateBundle(_options, bundle) {
      const index = bundle["index.html"];
      if (index?.type !== "asset" || typeof index.source !== "string") {
        this.error("index.html is not in the bundle");
      }
      this.emitFile({ type: "asset", fileName: CALLBACK_PAGE, source: withBase(index.source) });
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [callbackPage()],
  resolve: {
    // The generated client lives in clients/typescript; its one runtime dependency comes from
    // here, so the console needs only its own node_modules.
    dedupe: ["openapi-fetch"],
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    fs: { allow: [".."] },
    proxy: Object.fromEntries(
      Object.entries(SERVICES).map(([name, port]) => [
        `/api/${name}`,
        {
          target: `http://127.0.0.1:${port}`,
          rewrite: (path: string) => path.replace(`/api/${name}`, ""),
        },
      ]),
    ),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
});
