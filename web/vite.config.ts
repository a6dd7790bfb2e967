// The console is static files: `vite build` writes dist/, which the dev stack's console server
// (huddle_devtools.devinfra.console) and, in production, nginx serve, proxying /api/<service>/
// to the services. `npm run dev` proxies the same prefixes to a running `make up` stack.
import { defineConfig } from "vite";

const SERVICES: Record<string, number> = {
  identity: 8001,
  teams: 8002,
  assessments: 8003,
  insights: 8004,
  integrations: 8005,
};

export default defineConfig({
  base: "./",
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
